"""What really differs between QGIS 3.22 and QGIS 4.x, in one place.

Everything else is written once in forms that exist on all versions (scoped enums such as
``Qt.AlignmentFlag.AlignLeft`` or ``QgsProcessing.SourceType.TypeVectorPoint``, ``exec()``);
``scripts/qt6_codemod.py`` keeps the code that way.

Field types: from QGIS 3.38 on, ``QgsField`` takes ``QMetaType.Type`` (the ``QVariant.Type``
constructor is deprecated, and gone in QGIS 4 / Qt6); before 3.38 it takes ``QVariant.Type`` only.
Both enums have the same integer values, so ``field.type() == FIELD_DOUBLE`` holds on every version.
"""

from qgis.core import Qgis, QgsField

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
