"""Loaded with ``-p tests._isolation`` before pytest-qgis starts QGIS.

Gives the test session its own QGIS profile (``QGIS_CUSTOM_CONFIG_PATH``) so
that tests never read or write the developer's settings and plugins, and
makes the run headless.
"""

import os
import tempfile

_PROFILE = tempfile.mkdtemp(prefix="bildungslandschaft-test-profile-")
os.environ["QGIS_CUSTOM_CONFIG_PATH"] = _PROFILE
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("XDG_RUNTIME_DIR", os.path.join(_PROFILE, "runtime"))
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
os.environ.pop("DISPLAY", None)
