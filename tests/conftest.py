"""Session setup: QGIS is started by pytest-qgis; we register Processing and our plugin once."""

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for path in (ROOT, os.path.join(ROOT, "scripts")):
    if path not in sys.path:
        sys.path.insert(0, path)


@pytest.fixture(scope="session", autouse=True)
def bildungslandschaft_plugin(qgis_app, qgis_iface):
    """Load the plugin through ``classFactory`` like QGIS does, and its provider.

    pytest-qgis's ``qgis_processing`` fixture registers QGIS's own providers only.
    """
    from processing.core.Processing import Processing

    Processing.initialize()
    import bildungslandschaft_plugin

    plugin = bildungslandschaft_plugin.classFactory(qgis_iface)
    plugin.initProcessing()
    yield plugin
    plugin.unload()


@pytest.fixture(scope="session")
def qgis_process_env(tmp_path_factory):
    """Environment for real qgis_process runs (own profile, plugin enabled)."""
    import qgisproc

    profile = str(tmp_path_factory.mktemp("qgis_process_profile"))
    env = qgisproc.environment(profile_dir=profile)
    qgisproc.enable_plugin(env)
    return env


@pytest.fixture(scope="session")
def postgis():
    """A throw-away PostgreSQL/PostGIS cluster for this session (scripts/postgis_cluster.py); PGSERVICEFILE set."""
    from tests.postgis_util import running_cluster

    yield from running_cluster()
