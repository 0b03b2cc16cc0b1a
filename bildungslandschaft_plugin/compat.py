"""What really differs between QGIS 3.22 and QGIS 4.x, in one place.

Everything else is written once in forms that exist on all versions (scoped enums such as
``Qt.AlignmentFlag.AlignLeft`` or ``QgsProcessing.SourceType.TypeVectorPoint``, ``exec()``);
``scripts/qt6_codemod.py`` keeps the code that way.

Field types: from QGIS 3.38 on, ``QgsField`` takes ``QMetaType.Type`` (the ``QVariant.Type``
constructor is deprecated, and gone in QGIS 4 / Qt6); before 3.38 it takes ``QVariant.Type`` only.
Both enums have the same integer values, so ``field.type() == FIELD_DOUBLE`` holds on every version.
"""

from qgis.core import Qgis, QgsField, QgsLayoutItemLabel, QgsLegendStyle, QgsUnitTypes

QGIS_VERSION_INT = Qgis.QGIS_VERSION_INT

if QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    FIELD_BOOL = QMetaType.Type.Bool
    FIELD_INT = QMetaType.Type.Int
    FIELD_UINT = QMetaType.Type.UInt
    FIELD_LONGLONG = QMetaType.Type.LongLong
    FIELD_ULONGLONG = QMetaType.Type.ULongLong
    FIELD_DOUBLE = QMetaType.Type.Double
    FIELD_STRING = QMetaType.Type.QString
    FIELD_DATE = QMetaType.Type.QDate
    FIELD_TIME = QMetaType.Type.QTime
    FIELD_DATETIME = QMetaType.Type.QDateTime
    FIELD_BYTEARRAY = QMetaType.Type.QByteArray
    FIELD_STRINGLIST = QMetaType.Type.QStringList
    FIELD_LIST = QMetaType.Type.QVariantList
    FIELD_MAP = QMetaType.Type.QVariantMap
    FIELD_HASH = QMetaType.Type.QVariantHash
    FIELD_INVALID = QMetaType.Type.UnknownType
else:
    from qgis.PyQt.QtCore import QVariant

    FIELD_BOOL = QVariant.Bool
    FIELD_INT = QVariant.Int
    FIELD_UINT = QVariant.UInt
    FIELD_LONGLONG = QVariant.LongLong
    FIELD_ULONGLONG = QVariant.ULongLong
    FIELD_DOUBLE = QVariant.Double
    FIELD_STRING = QVariant.String
    FIELD_DATE = QVariant.Date
    FIELD_TIME = QVariant.Time
    FIELD_DATETIME = QVariant.DateTime
    FIELD_BYTEARRAY = QVariant.ByteArray
    FIELD_STRINGLIST = QVariant.StringList
    FIELD_LIST = QVariant.List
    FIELD_MAP = QVariant.Map
    FIELD_HASH = QVariant.Hash
    FIELD_INVALID = QVariant.Invalid

#: Field types holding whole numbers / any number.
INTEGER_TYPES = (FIELD_INT, FIELD_UINT, FIELD_LONGLONG, FIELD_ULONGLONG)
NUMERIC_TYPES = INTEGER_TYPES + (FIELD_DOUBLE,)


def make_field(name, field_type, length=0, precision=0):
    """``QgsField(name, field_type, "", length, precision)`` on every QGIS version."""
    return QgsField(name, field_type, "", int(length), int(precision))


def is_integer_type(field_type):
    return field_type in INTEGER_TYPES


def is_numeric_type(field_type):
    return field_type in NUMERIC_TYPES


def parameter_as_fields(algorithm, parameters, name, context):
    """The field names of a field parameter. QGIS 3.32 renamed ``parameterAsFields`` to
    ``parameterAsStrings`` and deprecates the old name (QGIS 4 drops it)."""
    if hasattr(algorithm, "parameterAsStrings"):
        return algorithm.parameterAsStrings(parameters, name, context)
    return algorithm.parameterAsFields(parameters, name, context)


def _points_unit():
    return Qgis.RenderUnit.Points if hasattr(Qgis, "RenderUnit") else QgsUnitTypes.RenderUnit.RenderPoints


def _apply_font(text_format, font, color=None):
    text_format.setFont(font)
    if font.pointSizeF() > 0:
        text_format.setSize(font.pointSizeF())
        text_format.setSizeUnit(_points_unit())
    if color is not None:
        text_format.setColor(color)
    return text_format


# Layout labels carry a QgsTextFormat from QGIS 3.24 on; font()/setFont()/setFontColor() are deprecated there.
_LABEL_TEXT_FORMAT = hasattr(QgsLayoutItemLabel, "setTextFormat")


def label_font(label):
    """The font of a layout label (size in points)."""
    return label.textFormat().toQFont() if _LABEL_TEXT_FORMAT else label.font()


def set_label_font(label, font, color=None):
    """Set the font (size in points) and, if given, the colour of a layout label."""
    if _LABEL_TEXT_FORMAT:
        label.setTextFormat(_apply_font(label.textFormat(), font, color))
    else:
        label.setFont(font)
        if color is not None:
            label.setFontColor(color)


def set_label_color(label, color):
    if _LABEL_TEXT_FORMAT:
        text_format = label.textFormat()
        text_format.setColor(color)
        label.setTextFormat(text_format)
    else:
        label.setFontColor(color)


def set_legend_style_font(legend, style, font, color):
    """Font and colour of one legend style (QgsLegendStyle.Style.Title, ...). From QGIS 3.30 on each
    style has a text format; setStyleFont()/setFontColor() are deprecated there."""
    if hasattr(QgsLegendStyle, "setTextFormat"):
        legend_style = legend.rstyle(style)
        legend_style.setTextFormat(_apply_font(legend_style.textFormat(), font, color))
    else:
        legend.setStyleFont(style, font)
        legend.setFontColor(color)


def save_style_to_database(layer, name, description, use_as_default=True):
    """Store *layer*'s style in its GeoPackage/database ``layer_styles``; the error text or "" on success.

    ``saveStyleToDatabase`` is deprecated from QGIS 3.44 (``saveStyleToDatabaseV2`` returns result flags).
    """
    if hasattr(layer, "saveStyleToDatabaseV2"):
        result, message = layer.saveStyleToDatabaseV2(name, description, use_as_default, "")
        try:
            failed = bool(int(result))
        except TypeError:
            failed = bool(result)
        return (message or "failed") if failed else ""
    return layer.saveStyleToDatabase(name, description, use_as_default, "")
