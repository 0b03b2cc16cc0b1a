"""Screenshot of QGIS with the plugin: German UI, the sample city, the Processing toolbox and the plugin menu.

Run by QGIS itself (not standalone), under Xvfb, with a throw-away profile:

    make demo   # for the sample city in demo_output/
    scripts/screenshot_qgis.sh   # writes docs/img/qgis_plugin.png
"""

import os

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QPoint, QTimer
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import QDockWidget, QLineEdit, QMenu
from qgis.utils import iface

ROOT = os.environ["BL_ROOT"]
OUT = os.environ["BL_SHOT"]


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


QTimer.singleShot(4000, load)
QTimer.singleShot(9000, open_menu)
QTimer.singleShot(12000, shot)
