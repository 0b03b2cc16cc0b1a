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


# -- leaving the test process ------------------------------------------------------------------------------
_EXIT_STATUS = []


def pytest_sessionfinish(session, exitstatus):
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without the interpreter's finalizer once everything is done.

    pytest-qgis calls ``QgsApplication.exitQgis()`` when the session ends; the Qt/QGIS objects Python still
    holds are then destroyed while the interpreter finalizes. On QGIS 3.40 that crashed now and then (a
    segmentation fault after the summary with every test passed, so ``make test`` failed), never in a single
    test file. At this point the summary is printed and every hook has run: the exit handlers run (they stop
    the PostGIS test cluster), then the process ends with pytest's exit status.
    ``BILDUNGSLANDSCHAFT_FULL_EXIT=1`` keeps the normal interpreter exit (to look for such crashes).
    """
    if not _EXIT_STATUS or os.environ.get("BILDUNGSLANDSCHAFT_FULL_EXIT") == "1":
        return
    import atexit
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_EXIT_STATUS[-1])
