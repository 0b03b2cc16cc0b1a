#!/usr/bin/env python3
"""Build the installable plugin zip, or deploy the plugin into a QGIS profile.

    scripts/package.py                 # -> dist/bildungslandschaft_plugin-<version>.zip
    scripts/package.py --deploy [DIR]  # copy into DIR (default: the default QGIS profile's plugins)

The zip is self-contained: the package, metadata.txt (a real file, not the
link), LICENSE, CHANGELOG.md, compiled translations (.qm) and everything from
top-level resources/ (icons, styles, templates, web assets).
"""

import argparse
import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME = "bildungslandschaft_plugin"
EXCLUDE_DIRS = {"__pycache__", ".pytest_cache"}


def version():
    cfg = configparser.ConfigParser()
    cfg.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    return cfg["general"]["version"]


def stage(dest_parent):
    """Assemble the plugin folder in *dest_parent*/bildungslandschaft_plugin."""
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "i18n.py"), "compile"],
                   check=True, stdout=subprocess.DEVNULL)
    dest = os.path.join(dest_parent, NAME)
    if os.path.exists(dest):
        shutil.rmtree(dest)

    def ignore(folder, names):
        skip = {n for n in names if n in EXCLUDE_DIRS or n.endswith(".pyc")}
        if os.path.realpath(folder) == os.path.realpath(os.path.join(ROOT, NAME)):
            skip |= {"metadata.txt", "resources"}
        return skip

    shutil.copytree(os.path.join(ROOT, NAME), dest, ignore=ignore)
    shutil.copy(os.path.join(ROOT, "metadata.txt"), os.path.join(dest, "metadata.txt"))
    shutil.copytree(os.path.join(ROOT, "resources"), os.path.join(dest, "resources"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    for extra in ("LICENSE", "CHANGELOG.md", "README.md"):
        shutil.copy(os.path.join(ROOT, extra), os.path.join(dest, extra))
    return dest


def build_zip():
    os.makedirs(os.path.join(ROOT, "dist"), exist_ok=True)
    out = os.path.join(ROOT, "dist", "{}-{}.zip".format(NAME, version()))
    with tempfile.TemporaryDirectory() as tmp:
        folder = stage(tmp)
        tmp_zip = out + ".part"
        with zipfile.ZipFile(tmp_zip, "w", zipfile.ZIP_DEFLATED) as zf:
            for base, dirs, files in os.walk(folder):
                dirs.sort()
                for name in sorted(files):
                    path = os.path.join(base, name)
                    zf.write(path, os.path.relpath(path, tmp))
        os.replace(tmp_zip, out)
    print("wrote", os.path.relpath(out, ROOT))
    return out


def default_plugin_dir():
    base = os.environ.get("QGIS_CUSTOM_CONFIG_PATH") or os.path.join(
        os.path.expanduser("~"), ".local", "share", "QGIS", "QGIS3")
    return os.path.join(base, "profiles", "default", "python", "plugins")


def deploy(target=None):
    target = target or default_plugin_dir()
    os.makedirs(target, exist_ok=True)
    dest = stage(target)
    print("deployed to", dest)
    return dest


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--deploy", nargs="?", const="", default=None, metavar="DIR")
    args = parser.parse_args()
    if args.deploy is not None:
        deploy(args.deploy or None)
    else:
        build_zip()


if __name__ == "__main__":
    main()
