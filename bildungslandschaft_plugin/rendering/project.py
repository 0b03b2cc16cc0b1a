"""A QGIS project that holds results: layers in groups with their styles, print layouts, written to a target.

    project = new_project(crs, title)
    add_layers(project, "Sozialstruktur", [layer, ...])        # styled layers, in drawing order (top first)
    project.layoutManager().addLayout(layout)                    # layouts built on *project*
    write_project(project, "out/Musterstadt.qgz")               # or any storage URI QGIS knows (postgresql:…)

Paths are stored relative to the project file, so the folder can be moved or zipped as a whole.
"""

import os

from qgis.core import QgsProject

from ..translation import tr


def new_project(crs=None, title=""):
    """An empty project (not the application's QgsProject.instance()) with *crs* and *title*."""
    project = QgsProject()
    if crs is not None and crs.isValid():
        project.setCrs(crs)
    if title:
        project.setTitle(title)
    _relative_paths(project)
    return project


def _relative_paths(project):
    if hasattr(project, "setFilePathStorage"):
        from qgis.core import Qgis

        project.setFilePathStorage(Qgis.FilePathType.Relative)
    else:  # pragma: no cover - older QGIS
        project.writeEntryBool("Paths", "/Absolute", False)


def group(project, path):
    """The layer-tree group at *path* ("A" or "A/B"), created (appended) where missing."""
    node = project.layerTreeRoot()
    for name in [p for p in path.split("/") if p]:
        child = node.findGroup(name)
        if child is None or child.parent() is not node:
            child = node.addGroup(name)
        node = child
    return node


def add_layers(project, group_path, layers, visible=True):
    """Add *layers* (top first) to the group *group_path* of *project*; the group node."""
    node = group(project, group_path) if group_path else project.layerTreeRoot()
    for layer in layers:
        project.addMapLayer(layer, False)
        node.addLayer(layer)
    if not visible:
        node.setItemVisibilityChecked(False)
        node.setExpanded(False)
    return node


def unique_layout_name(project, name):
    """*name*, or *name (2)*, *name (3)* … when the project already has a layout of that name."""
    manager = project.layoutManager()
    candidate, n = name, 1
    while manager.layoutByName(candidate) is not None:
        n += 1
        candidate = "{0} ({1})".format(name, n)
    return candidate


def write_project(project, target):
    """Write *project* to *target*: a ``.qgz``/``.qgs`` path (folders created), or a project storage URI that
    QGIS knows (``postgresql://…?project=name``, ``geopackage:…``). Raises OSError with QGIS's message."""
    _relative_paths(project)
    is_uri = "://" in target or target.startswith(("postgresql:", "geopackage:"))
    if not is_uri:
        target = os.path.abspath(target)
        if not target.lower().endswith((".qgz", ".qgs")):
            target += ".qgz"
        os.makedirs(os.path.dirname(target), exist_ok=True)
    if not project.write(target):
        raise OSError(tr("Could not write the project {0}: {1}").format(target, project.error()))
    return target
