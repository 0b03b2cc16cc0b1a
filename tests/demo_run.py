"""One small demo run (scale 0.1) shared by tests/test_demo.py and tests/test_project.py."""

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_RUNS = {}  # one demo per test session, whichever module asks first


def run_demo(out, *extra):
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "demo.py"), "--scale", "0.1",
                           "--out", str(out)] + list(extra), capture_output=True, text=True, timeout=900,
                          env=dict(os.environ))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc


@pytest.fixture(scope="session")
def demo_gpkg(tmp_path_factory):
    """(output folder, finished process) of ``scripts/demo.py --scale 0.1``."""
    if "gpkg" not in _RUNS:
        out = tmp_path_factory.mktemp("demo") / "demo"
        _RUNS["gpkg"] = (out, run_demo(out))
    return _RUNS["gpkg"]
