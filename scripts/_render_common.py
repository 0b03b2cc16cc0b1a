"""What the docs-image scripts share (scripts/render_*.py): a headless QGIS with the plugin, in German.

Import this module before anything from ``qgis``: it puts the repository on ``sys.path`` and sets a
headless platform and a throw-away QGIS profile. Then::

    def main():
        processing = start_processing()
        ...
        pdf_to_png(pdf, os.path.join(ROOT, "docs", "img", "name"))

    if __name__ == "__main__":
        sys.exit(run_headless(main))
"""

import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="bl_docs_profile_")

#: where docs/ keeps its images
IMG_DIR = os.path.join(ROOT, "docs", "img")

#: the loaded plugin (its provider is registered only while the plugin object lives)
_PLUGINS = []


def start_processing(locale="de_DE"):
    """Initialise QGIS Processing with the plugin's provider in *locale*; the ``processing`` module."""
    from qgis.PyQt.QtCore import QSettings

    settings = QSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", locale)
    from processing.core.Processing import Processing

    Processing.initialize()
    import processing

    import bildungslandschaft_plugin

    plugin = bildungslandschaft_plugin.classFactory(None)
    plugin.initProcessing()
    _PLUGINS.append(plugin)
    return processing


def pdf_to_png(pdf, out_base, dpi=80):
    """Render the first page of *pdf* to ``out_base.png`` with pdftoppm and say so."""
    os.makedirs(os.path.dirname(out_base), exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", pdf, out_base], check=True)
    print("wrote", out_base + ".png")


def run_headless(main, *args):
    """Start a QGIS application without GUI, run ``main(*args)`` and return its result."""
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    return main(*args)
