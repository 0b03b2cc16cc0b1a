"""The PostGIS test server behind the session fixture ``postgis`` (tests/conftest.py)."""

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if os.path.join(ROOT, "scripts") not in sys.path:
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
import postgis_cluster as pc  # noqa: E402


def running_cluster():
    """Generator behind the ``postgis`` fixture (tests/conftest.py): the cluster started for the session."""
    was_running = pc.is_running()
    try:
        pc.start()
    except Exception as err:  # noqa: BLE001 - a missing server is a failure of the setup, with the reason
        pytest.fail("PostGIS test cluster could not start (scripts/setup.sh installs postgresql and postgis): "
                    "{0} {1}".format(err, getattr(err, "output", "")))
    old = os.environ.get("PGSERVICEFILE")
    os.environ.update(pc.environment())
    yield pc
    if old is None:
        os.environ.pop("PGSERVICEFILE", None)
    else:
        os.environ["PGSERVICEFILE"] = old
    if not was_running:
        # stopped when the test process ends: after pytest-qgis has closed QGIS, whose pooled database
        # connections must not outlive the server (QGIS crashes on exit otherwise)
        import atexit

        atexit.register(pc.stop)


