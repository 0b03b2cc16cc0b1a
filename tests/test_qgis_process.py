"""The batch interface: real qgis_process runs with the plugin from this checkout and from the zip."""

import os
import subprocess
import sys
import zipfile

import qgisproc

from bildungslandschaft_plugin.processing import ids
from bildungslandschaft_plugin.processing.provider import algorithm_classes

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def expected_ids():
    return sorted(ids.full_id(cls().name()) for cls in algorithm_classes())


def test_qgis_process_lists_our_algorithms(qgis_process_env):
    listed = sorted(i for i in qgisproc.algorithm_list(qgis_process_env) if i.startswith(ids.PROVIDER_ID + ":"))
    assert listed == expected_ids()


def test_package_zip_installs_into_empty_plugin_path(tmp_path):
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "package.py")], check=True,
                   stdout=subprocess.DEVNULL)
    dist = os.path.join(ROOT, "dist")
    zips = sorted(f for f in os.listdir(dist) if f.endswith(".zip"))
    assert zips
    plugin_path = tmp_path / "plugins"
    plugin_path.mkdir()
    with zipfile.ZipFile(os.path.join(dist, zips[-1])) as zf:
        names = zf.namelist()
        zf.extractall(plugin_path)
    # self-contained: metadata as a real file, icons, compiled German translation
    for required in ("bildungslandschaft_plugin/metadata.txt",
                     "bildungslandschaft_plugin/resources/icons/bildungslandschaft.svg",
                     "bildungslandschaft_plugin/i18n/bildungslandschaft_de.qm",
                     "bildungslandschaft_plugin/LICENSE"):
        assert required in names
    assert not any("__pycache__" in n for n in names)
    env = qgisproc.environment(plugin_dir=str(plugin_path), profile_dir=str(tmp_path / "profile"))
    listed = sorted(i for i in qgisproc.algorithm_list(env) if i.startswith(ids.PROVIDER_ID + ":"))
    assert listed == expected_ids()
    # the plugin that qgis_process loaded is the unzipped copy, not this checkout
    out = subprocess.run([qgisproc.qgis_process_binary(), "plugins"], env=env, capture_output=True,
                         text=True).stdout
    assert "bildungslandschaft_plugin" in out
