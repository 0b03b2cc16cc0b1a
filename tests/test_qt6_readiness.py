"""The plugin's source is ready for QGIS 4 (Qt6 / PyQt6), checked without a Qt6 QGIS.

The plugin's Python files are walked with ``ast``; every attribute chain that starts at a Qt class
(``Qt.AlignmentFlag.AlignLeft``, ``QPainter.RenderHint.Antialiasing``, ``QFont.Weight.Bold``, ...)
must exist in PyQt6 (pinned in requirements-dev.txt, looked up in a subprocess so that PyQt5 and
PyQt6 are never loaded into one process). ``scripts/qt6_codemod.py`` rewrites most findings.
"""

import ast
import configparser
import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN_DIR = os.path.join(ROOT, "bildungslandschaft_plugin")
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg", "QtXml", "QtNetwork", "QtSql")
# Gone in Qt6 (QRegExp -> QRegularExpression, QDesktopWidget -> QScreen).
REMOVED_NAMES = {"QRegExp", "QDesktopWidget", "QRegExpValidator"}
METRICS_FACTORIES = {"QFontMetrics", "QFontMetricsF", "fontMetrics"}

LOOKUP = r"""
import importlib, json, sys
mods = []
for name in sys.argv[1:]:
    try:
        mods.append(importlib.import_module("PyQt6." + name))
    except ImportError:
        pass
missing = []
for chain in json.load(sys.stdin):
    parts = chain.split(".")
    obj = next((getattr(m, parts[0]) for m in mods if hasattr(m, parts[0])), None)
    ok = obj is not None
    for part in parts[1:]:
        if not ok:
            break
        try:
            obj = getattr(obj, part)
        except AttributeError:
            ok = False
    if not ok:
        missing.append(chain)
json.dump(missing, sys.stdout)
"""


def plugin_sources():
    for dirpath, dirnames, filenames in os.walk(PLUGIN_DIR):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith(".py"):
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8") as f:
                    yield os.path.relpath(path, ROOT), f.read()


def _dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return list(reversed(parts))
    return None


def qt_names(tree):
    """Local name -> Qt name for everything imported from (qgis.)PyQt5/6 Qt modules."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            parts = node.module.split(".")
            if parts[-1] in QT_MODULES and parts[0] in ("qgis", "PyQt5", "PyQt6"):
                for alias in node.names:
                    names[alias.asname or alias.name] = alias.name
    return names


def scan(path, source):
    """(chains to look up in PyQt6, findings that are wrong on Qt6 whatever PyQt6 says)."""
    tree = ast.parse(source, path)
    names = qt_names(tree)
    chains, problems = set(), []
    metrics_vars = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = node.value.func
            fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if fname in METRICS_FACTORIES:
                metrics_vars.update(t.id for t in node.targets if isinstance(t, ast.Name))
    for node in ast.walk(tree):
        where = "{0}:{1}".format(path, getattr(node, "lineno", "?"))
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if any(m == "PyQt5" or m.startswith("PyQt5.") for m in mods):
                problems.append("{0}: imports PyQt5 directly (use qgis.PyQt)".format(where))
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name in REMOVED_NAMES:
                        problems.append("{0}: {1} does not exist in Qt6".format(where, alias.name))
        elif isinstance(node, ast.Name) and node.id in REMOVED_NAMES:
            problems.append("{0}: {1} does not exist in Qt6".format(where, node.id))
        elif isinstance(node, ast.Attribute):
            if node.attr == "exec_":
                problems.append("{0}: exec_() (use exec())".format(where))
            elif node.attr in REMOVED_NAMES:
                problems.append("{0}: {1} does not exist in Qt6".format(where, node.attr))
            elif node.attr == "width":
                base = node.value
                if isinstance(base, ast.Name) and base.id in metrics_vars:
                    problems.append("{0}: QFontMetrics.width() (use horizontalAdvance())".format(where))
                elif isinstance(base, ast.Call):
                    func = base.func
                    fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                    if fname in METRICS_FACTORIES:
                        problems.append("{0}: QFontMetrics.width() (use horizontalAdvance())".format(where))
            parts = _dotted(node)
            if parts and parts[0] in names:
                chains.add((".".join([names[parts[0]]] + parts[1:]), where))
    for local, qt_name in names.items():
        chains.add((qt_name, path))
    return chains, problems


def missing_in_pyqt6(chains):
    proc = subprocess.run([sys.executable, "-c", LOOKUP] + list(QT_MODULES), input=json.dumps(sorted(chains)),
                          capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 0, "PyQt6 could not be loaded (pinned in requirements-dev.txt; make setup):\n" \
        + proc.stderr[-2000:]
    return set(json.loads(proc.stdout))


@pytest.fixture(scope="module")
def scanned():
    chains, problems = {}, []
    for path, source in plugin_sources():
        found, bad = scan(path, source)
        if path.replace(os.sep, "/") == "bildungslandschaft_plugin/compat.py":
            found = set()  # the one place that names QVariant types, for QGIS < 3.38 (never Qt6)
        for chain, where in sorted(found):
            chains.setdefault(chain, where)
        problems += bad
    return chains, problems


def test_scanner_finds_what_it_looks_for():
    """The checks can fail: old-style code is caught, new-style code passes."""
    old = ("from qgis.PyQt.QtCore import Qt, QVariant, QRegExp\n"
           "from qgis.PyQt.QtGui import QPainter, QFontMetrics\n"
           "from PyQt5.QtWidgets import QDialog\n"
           "a = Qt.AlignRight\nb = QPainter.Antialiasing\nc = QVariant.Double\nd = QDialog().exec_()\n"
           "fm = QFontMetrics(font)\nw = fm.width('x')\n")
    chains, problems = scan("old.py", old)
    assert len(problems) == 4, problems  # PyQt5 import, QRegExp import, exec_, fm.width
    missing = missing_in_pyqt6({c for c, _ in chains})
    assert {"Qt.AlignRight", "QPainter.Antialiasing", "QVariant.Double", "QRegExp"} <= missing
    new = ("from qgis.PyQt.QtCore import Qt\nfrom qgis.PyQt.QtGui import QPainter, QFont\n"
           "a = Qt.AlignmentFlag.AlignRight\nb = QPainter.RenderHint.Antialiasing\nc = QFont.Weight.Bold\n"
           "fm = painter.fontMetrics()\nw = fm.horizontalAdvance('x')\n")
    chains, problems = scan("new.py", new)
    assert problems == []
    assert missing_in_pyqt6({c for c, _ in chains}) == set()


def test_every_qt_attribute_chain_exists_in_pyqt6(scanned):
    chains, _problems = scanned
    assert len(chains) > 50, "the scan found too few Qt uses to be meaningful"
    missing = missing_in_pyqt6(set(chains))
    report = ["{0} ({1})".format(chain, chains[chain]) for chain in sorted(missing)]
    assert not report, "{0} Qt attribute chain(s) do not exist in PyQt6 (run scripts/qt6_codemod.py):\n  ".format(
        len(report)) + "\n  ".join(report)


def test_no_qt5_only_api(scanned):
    _chains, problems = scanned
    assert not problems, "{0} use(s) of Qt5-only API:\n  ".format(len(problems)) + "\n  ".join(problems)


@pytest.mark.parametrize("metadata", ["metadata.txt", "bildungslandschaft_plugin/metadata.txt"])
def test_metadata_allows_qgis_4(metadata):
    path = os.path.join(ROOT, metadata)
    assert os.path.exists(path), path
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path, encoding="utf-8")
    assert parser.get("general", "qgisMinimumVersion") == "3.22"
    assert parser.get("general", "qgisMaximumVersion", fallback=None) == "4.99", \
        "{0}: qgisMaximumVersion must be 4.99, else QGIS 4 refuses the plugin".format(metadata)
