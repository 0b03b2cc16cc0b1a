"""Find files the plugin ships (icons, styles, templates, web assets).

In an installed plugin they live in ``<plugin>/resources``; in a source
checkout they live in the top-level ``resources/`` folder. ``make package``
copies them into the plugin folder so that the zip is self-contained.
"""

import os

PLUGIN_DIR = os.path.dirname(os.path.abspath(__file__))
# realpath: in a checkout the plugin is often reached through a link (scripts/qgisproc.py)
_SOURCE_DIR = os.path.dirname(os.path.realpath(__file__))
_CANDIDATES = (
    os.path.join(PLUGIN_DIR, "resources"),
    os.path.join(os.path.dirname(_SOURCE_DIR), "resources"),
)


def resource_path(*parts):
    """Absolute path of a shipped resource, e.g. ``resource_path("icons", "x.svg")``."""
    for base in _CANDIDATES:
        path = os.path.join(base, *parts)
        if os.path.exists(path):
            return path
    return os.path.join(_CANDIDATES[0], *parts)


def icon(name):
    """A QIcon from ``resources/icons/<name>``."""
    from qgis.PyQt.QtGui import QIcon

    return QIcon(resource_path("icons", name))
