"""Loaded with ``-p tests._isolation`` before pytest-qgis starts QGIS.

Makes the run headless. The QGIS profile is isolated by pytest-qgis itself
(``QGIS_CUSTOM_CONFIG_PATH`` = ``.qgis-settings/`` in the checkout, ignored by
git); qgis_process runs get their own temporary profile (``qgis_process_env``).
"""

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
if not os.environ.get("XDG_RUNTIME_DIR"):
    os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="bildungslandschaft-runtime-")
os.environ.pop("DISPLAY", None)
