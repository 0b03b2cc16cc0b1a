"""Real third-party data (``../shared/real-data`` beside the checkout, or ``$BILDUNGSLANDSCHAFT_REAL_DATA``).

Tests in this folder use the fixture :func:`real_data` or :func:`real_path`; when the data is absent they are
skipped with the reason naming the path that was looked for. The files are never copied into the project.
"""

import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def real_data_dir():
    """The folder holding the real data sets (it may not exist)."""
    env = os.environ.get("BILDUNGSLANDSCHAFT_REAL_DATA")
    if env:
        return os.path.abspath(env)
    return os.path.abspath(os.path.join(ROOT, "..", "shared", "real-data"))


@pytest.fixture(scope="session")
def real_data():
    """Path of the real-data folder; skips the test when it is absent."""
    path = real_data_dir()
    if not os.path.isdir(path):
        pytest.skip("real data not present: {}".format(path))
    return path


@pytest.fixture(scope="session")
def real_path(real_data):
    """``real_path("berlin_mss_2021", "x.csv")`` – path of one real file; skips when it is absent."""
    def path(*parts):
        p = os.path.join(real_data, *parts)
        if not os.path.exists(p):
            pytest.skip("real data not present: {}".format(p))
        return p
    return path
