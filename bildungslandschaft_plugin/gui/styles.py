"""Default styles for layers the dialogs add to the project."""

from qgis.core import (
    QgsClassificationQuantile,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsRuleBasedRenderer,
    QgsStyle,
)

from ..translation import tr


def style_joined_layer(layer, field=None, classes=5):
    """Quantile classes of *field* (yellow to red) and a light grey hatched "no data" class.

    Without a numeric field the districts get a plain outline style.
    """
    if not field:
        layer.setRenderer(QgsRuleBasedRenderer(QgsFillSymbol.createSimple(
            {"color": "255,255,255,0", "outline_color": "80,80,80", "outline_width": "0.3"})))
        layer.triggerRepaint()
        return
    renderer = QgsGraduatedSymbolRenderer(field)
    renderer.setClassificationMethod(QgsClassificationQuantile())
    ramp = QgsStyle.defaultStyle().colorRamp("YlOrRd") or QgsStyle.defaultStyle().colorRamp("Reds")
    renderer.setSourceSymbol(QgsFillSymbol.createSimple({"outline_color": "80,80,80", "outline_width": "0.2"}))
    if ramp is not None:
        renderer.setSourceColorRamp(ramp)
    renderer.updateClasses(layer, classes)
    rules = QgsRuleBasedRenderer.convertFromRenderer(renderer)
    root = rules.rootRule()
    no_data = QgsRuleBasedRenderer.Rule(
        QgsFillSymbol.createSimple({"color": "220,220,220", "style": "b_diagonal",
                                    "outline_color": "120,120,120", "outline_width": "0.2"}),
        filterExp='"{}" IS NULL'.format(field.replace('"', '""')), label=tr("no data / suppressed"))
    root.appendChild(no_data)
    layer.setRenderer(rules)
    layer.triggerRepaint()
