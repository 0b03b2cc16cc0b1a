"""Screenshots of QGIS: the plugin (toolbox and menu) or the demo project with its profile atlas.

Run by QGIS itself (not standalone), under Xvfb, with a throw-away profile:

    make demo   # the sample city and Musterstadt.qgz in demo_output/
    scripts/screenshot_qgis.sh            # writes docs/img/qgis_plugin.png
    scripts/screenshot_qgis.sh project    # writes docs/img/qgis_project.png and docs/img/qgis_atlas_layout.png
"""

import os

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QPoint, QTimer
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import QDockWidget, QLineEdit, QMenu
from qgis.utils import iface

ROOT = os.environ["BL_ROOT"]
OUT = os.environ["BL_SHOT"]
MODE = os.environ.get("BL_MODE", "plugin")


def load():
    from bildungslandschaft_plugin.rendering.styles import apply_default_style

    gpkg = os.path.join(ROOT, "demo_output", "Musterstadt_Ergebnisse.gpkg")
    for name in ("handlungsbedarf",):
        layer = QgsVectorLayer("{}|layername={}".format(gpkg, name), "Handlungsbedarf", "ogr")
        QgsProject.instance().addMapLayer(layer)
        apply_default_style(layer)
    facilities = QgsVectorLayer(os.path.join(ROOT, "demo_output", "musterstadt", "musterstadt.gpkg")
                                + "|layername=einrichtungen", "Einrichtungen", "ogr")
    QgsProject.instance().addMapLayer(facilities)
    apply_default_style(facilities)
    iface.mainWindow().setGeometry(0, 0, 1440, 900)  # no window manager under Xvfb: no maximise
    iface.mapCanvas().zoomToFullExtent()
    toolbox = iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
    if toolbox is not None:
        toolbox.show()
        search = toolbox.findChild(QLineEdit)
        if search is not None:
            search.setText("Bildungslandschaft")


def open_menu():
    menu = iface.mainWindow().findChild(QMenu, "bildungslandschaftMenu")
    if menu is not None:
        bar = iface.mainWindow().menuBar()
        rect = bar.actionGeometry(menu.menuAction())
        menu.popup(bar.mapToGlobal(QPoint(rect.left(), rect.bottom())))


def shot():
    QGuiApplication.primaryScreen().grabWindow(0).save(OUT)
    os._exit(0)


def open_project():
    """Musterstadt.qgz as a planner opens it: the layer tree with its groups, the map of the visible layers."""
    iface.mainWindow().setGeometry(0, 0, 1440, 900)  # no window manager under Xvfb: no maximise
    iface.addProject(os.environ["BL_PROJECT"])
    root = QgsProject.instance().layerTreeRoot()
    for node in root.findLayers():
        node.setExpanded(node.isVisible() and node.name() in ("Handlungsbedarf",))  # the groups stay readable
    browser = iface.mainWindow().findChild(QDockWidget, "Browser")
    if browser is not None:
        browser.hide()
    iface.mapCanvas().zoomToFullExtent()


def shot_project():
    QGuiApplication.primaryScreen().grabWindow(0).save(OUT)
    layout_shot = os.environ.get("BL_SHOT_LAYOUT")
    atlases = [layout for layout in QgsProject.instance().layoutManager().printLayouts() if layout.atlas().enabled()]
    if not layout_shot or not atlases:
        os._exit(0)
    designer = iface.openLayoutDesigner(atlases[0])
    window = designer.window()
    window.setGeometry(0, 0, 1440, 900)
    atlases[0].atlas().beginRender()
    atlases[0].atlas().seekTo(2)
    atlases[0].refresh()
    designer.view().zoomFull()

    def grab():
        QGuiApplication.primaryScreen().grabWindow(0).save(layout_shot)
        os._exit(0)

    QTimer.singleShot(5000, grab)


if MODE == "project":
    QTimer.singleShot(4000, open_project)
    QTimer.singleShot(11000, shot_project)
else:
    QTimer.singleShot(4000, load)
    QTimer.singleShot(9000, open_menu)
    QTimer.singleShot(12000, shot)
