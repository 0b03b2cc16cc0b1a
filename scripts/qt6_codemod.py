#!/usr/bin/env python3
"""Rewrite Python sources into forms that run on QGIS 3.22 ... 4.x (PyQt5 and PyQt6).

    python3 scripts/qt6_codemod.py bildungslandschaft_plugin scripts tests
    python3 scripts/qt6_codemod.py --check bildungslandschaft_plugin     # exit 1 if something would change

What it rewrites (deterministic and idempotent: running it on converted code changes nothing):

- unscoped Qt enums -> scoped: ``Qt.AlignRight`` -> ``Qt.AlignmentFlag.AlignRight``,
  ``QPainter.Antialiasing`` -> ``QPainter.RenderHint.Antialiasing``, ... The enum of each member is
  taken from PyQt6's enum classes (installed from PyPI into .venv, see requirements-dev.txt),
  falling back to the member's PyQt5 enum type where PyQt6 has no (or no unique) answer;
- unscoped QGIS enums -> scoped: ``QgsProcessing.TypeVectorPoint`` ->
  ``QgsProcessing.SourceType.TypeVectorPoint``, ``QgsFeatureSink.FastInsert`` ->
  ``QgsFeatureSink.Flag.FastInsert``, ... taken from this machine's QGIS (the member's enum type);
- ``exec_(`` -> ``exec(``;
- ``alg.parameterAsFields(...)`` (deprecated from QGIS 3.32) -> ``compat.parameter_as_fields(alg, ...)``;
- ``QVariant.Double`` and the other field types -> ``compat.FIELD_DOUBLE`` ...
  (bildungslandschaft_plugin/compat.py), adding the ``compat`` import and dropping a ``QVariant``
  import that is no longer used.

Every scoped form it writes is checked to exist on the QGIS/PyQt5 running the script (Debian 12:
QGIS 3.22), so the result still runs there. Members it cannot place are listed on stderr.
"""

import argparse
import ast
import json
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN = "bildungslandschaft_plugin"
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg", "QtXml", "QtNetwork", "QtSql")
QGIS_MODULES = ("core", "gui", "analysis")
# QVariant type members -> compat constants
QVARIANT_FIELD_TYPES = {
    "Bool": "FIELD_BOOL", "Int": "FIELD_INT", "UInt": "FIELD_UINT", "LongLong": "FIELD_LONGLONG",
    "ULongLong": "FIELD_ULONGLONG", "Double": "FIELD_DOUBLE", "String": "FIELD_STRING", "Date": "FIELD_DATE",
    "Time": "FIELD_TIME", "DateTime": "FIELD_DATETIME", "ByteArray": "FIELD_BYTEARRAY",
    "StringList": "FIELD_STRINGLIST", "List": "FIELD_LIST", "Map": "FIELD_MAP", "Invalid": "FIELD_INVALID",
}

# Methods deprecated in newer QGIS, called through compat: obj.method(args) -> compat.function(obj, args)
DEPRECATED_METHODS = {"parameterAsFields": "parameter_as_fields"}

PYQT6_ENUMS_SCRIPT = r"""
import enum, importlib, json, sys
out = {}
for mod_name in sys.argv[1:]:
    try:
        mod = importlib.import_module("PyQt6." + mod_name)
    except ImportError:
        continue
    for cls_name in dir(mod):
        cls = getattr(mod, cls_name)
        if not isinstance(cls, type):
            continue
        entry = out.setdefault(cls_name, {"enums": {}, "attrs": []})
        for attr in dir(cls):
            try:
                value = getattr(cls, attr)
            except Exception:
                continue
            entry["attrs"].append(attr)
            if isinstance(value, type) and issubclass(value, enum.Enum):
                entry["enums"][attr] = sorted(value.__members__)
json.dump(out, sys.stdout, sort_keys=True)
"""


def _python_with(module):
    """An interpreter that can import ``module``: this one, the checkout's venv or Debian's."""
    for exe in (sys.executable, os.path.join(REPO, ".venv", "bin", "python"), "/usr/bin/python3"):
        if exe and os.path.exists(exe) and subprocess.run(
                [exe, "-c", "import " + module], capture_output=True).returncode == 0:
            return exe
    return None


def pyqt6_classes():
    """``{class name: {"enums": {enum: [members]}, "attrs": [...]}}`` from PyQt6 (in a subprocess:
    PyQt6 and PyQt5 are not loaded into one process)."""
    exe = _python_with("PyQt6.QtCore")
    if exe is None:
        sys.exit("PyQt6 is not installed: run `make setup` (requirements-dev.txt pins it).")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([exe, "-c", PYQT6_ENUMS_SCRIPT] + list(QT_MODULES), capture_output=True, text=True,
                         env=env, check=True).stdout
    return json.loads(out)


def _sip_enum_name(value):
    """Name of the sip enum type ``value`` belongs to, or None."""
    t = type(value)
    if type(t).__name__ != "enumtype":
        return None
    return t.__qualname__.rsplit(".", 1)[-1]


class Mapping:
    """(class name, member) -> enum name, verified on the running PyQt5 / QGIS."""

    def __init__(self):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        import importlib

        self.classes = {}  # name -> runtime class (PyQt5 / QGIS)
        self.qt_names = set()
        for mod_name in QT_MODULES:
            try:
                mod = importlib.import_module("qgis.PyQt." + mod_name)
            except ImportError:
                continue
            for name in dir(mod):
                obj = getattr(mod, name)
                if isinstance(obj, type) and name.startswith("Q"):
                    self.classes.setdefault(name, obj)
                    self.qt_names.add(name)
        for mod_name in QGIS_MODULES:
            try:
                mod = importlib.import_module("qgis." + mod_name)
            except ImportError:
                continue
            for name in dir(mod):
                obj = getattr(mod, name)
                if isinstance(obj, type) and name.startswith("Qgs") or name == "Qgis":
                    self.classes.setdefault(name, obj)
        self.qt6 = pyqt6_classes()
        self.cache = {}
        self.unplaced = set()
        self.not_in_qt6 = set()

    def enum_for(self, cls_name, member):
        key = (cls_name, member)
        if key not in self.cache:
            self.cache[key] = self._enum_for(cls_name, member)
        return self.cache[key]

    def _enum_for(self, cls_name, member):
        cls = self.classes.get(cls_name)
        if cls is None or cls_name == "QVariant":
            return None
        try:
            value = getattr(cls, member)
        except AttributeError:
            return None
        runtime_enum = _sip_enum_name(value)
        if runtime_enum is None or runtime_enum == member:
            return None  # not an enum member (a method, an enum class, a constant ...)
        candidates = []
        if cls_name in self.qt_names:
            info = self.qt6.get(cls_name, {"enums": {}})
            candidates = sorted(e for e, members in info["enums"].items() if member in members)
        if len(candidates) == 1:
            enum_name = candidates[0]
        else:
            enum_name = runtime_enum
            if cls_name in self.qt_names:
                self.not_in_qt6.add("{0}.{1} (-> {0}.{2}.{1})".format(cls_name, member, enum_name))
        # Only write forms that exist here (QGIS 3.22 / PyQt5).
        try:
            scoped = getattr(getattr(cls, enum_name), member)
        except AttributeError:
            self.unplaced.add("{0}.{1} ({0}.{2}.{1} missing on this QGIS)".format(cls_name, member, enum_name))
            return None
        if int(scoped) != int(value):
            self.unplaced.add("{0}.{1} ({0}.{2}.{1} differs)".format(cls_name, member, enum_name))
            return None
        return enum_name


def _line_offsets(source):
    """Character offset of the start of each line (1-based list index)."""
    offsets = [0, 0]
    for line in source.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    return offsets


def _char_col(source_lines, lineno, byte_col):
    """ast gives UTF-8 byte columns; convert to a character column."""
    line = source_lines[lineno - 1]
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))


def _dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def compat_import_for(path):
    rel = os.path.relpath(os.path.abspath(path), REPO).replace(os.sep, "/")
    if rel.startswith(PLUGIN + "/"):
        depth = rel.count("/")  # bildungslandschaft_plugin/x.py -> 1 -> "from . import compat"
        return "from {0} import compat".format("." * depth)
    return "from {0} import compat".format(PLUGIN)


def _binds_compat(stmts):
    for stmt in stmts:
        if isinstance(stmt, ast.ImportFrom) and any((a.asname or a.name) == "compat" for a in stmt.names):
            return True
        if isinstance(stmt, ast.Import) and any(a.asname == "compat" for a in stmt.names):
            return True
    return False


def rewrite(source, path, mapping):
    """Return the rewritten source (one pass; the caller repeats until nothing changes)."""
    if os.path.abspath(path) == os.path.join(REPO, PLUGIN, "compat.py"):
        return source
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    offsets = _line_offsets(source)
    edits = []  # (start, end, text) in character offsets

    def span(lineno, byte_col_start, byte_col_end):
        start = offsets[lineno] + _char_col(lines, lineno, byte_col_start)
        end = offsets[lineno] + _char_col(lines, lineno, byte_col_end)
        return start, end

    qvariant_rewritten = False
    module_compat_needed = False
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in DEPRECATED_METHODS and isinstance(node.func.value, ast.Name)
                and node.args and node.func.value.lineno == node.func.end_lineno):
            # alg.parameterAsFields(a, b, c) -> compat.parameter_as_fields(alg, a, b, c)
            f_start, f_end = span(node.func.lineno, node.func.col_offset, node.func.end_col_offset)
            rest = source[f_end:]
            paren = len(rest) - len(rest.lstrip(" "))
            if rest[paren:paren + 1] == "(":
                edits.append((f_start, f_end + paren + 1, "compat.{0}({1}, ".format(
                    DEPRECATED_METHODS[node.func.attr], node.func.value.id)))
                module_compat_needed = True
            continue
        if not isinstance(node, ast.Attribute) or node.end_lineno is None:
            continue
        attr_start_byte = node.end_col_offset - len(node.attr.encode("utf-8"))
        a_start, a_end = span(node.end_lineno, attr_start_byte, node.end_col_offset)
        if source[a_start:a_end] != node.attr:
            continue  # attribute split over lines or unusual spacing: leave it
        if node.attr == "exec_":
            edits.append((a_start, a_end, "exec"))
            continue
        value = node.value
        if not isinstance(value, (ast.Name, ast.Attribute)):
            continue
        dotted = _dotted(value)
        if dotted is None:
            continue
        cls_name = dotted.rsplit(".", 1)[-1]
        if cls_name == "QVariant" and node.attr in QVARIANT_FIELD_TYPES:
            if node.lineno != node.end_lineno:
                continue
            n_start, n_end = span(node.lineno, node.col_offset, node.end_col_offset)
            edits.append((n_start, n_end, "compat." + QVARIANT_FIELD_TYPES[node.attr]))
            qvariant_rewritten = True
            continue
        if isinstance(value, ast.Attribute) and dotted.split(".")[0] not in ("QtCore", "QtGui", "QtWidgets",
                                                                               "core", "gui", "qgis"):
            continue  # x.y.Member: only module-qualified classes (QtCore.Qt.AlignLeft)
        enum_name = mapping.enum_for(cls_name, node.attr)
        if enum_name:
            edits.append((a_start, a_start, enum_name + "."))

    if not edits:
        return source
    edits.sort()
    out, pos = [], 0
    for start, end, text in edits:
        out.append(source[pos:start])
        out.append(text)
        pos = end
    out.append(source[pos:])
    new = "".join(out)
    if qvariant_rewritten:
        new = _fix_imports(new, path)
    if module_compat_needed and not _binds_compat(ast.parse(new).body):
        new = _add_module_import(new, path)
    return new


def _add_module_import(source, path):
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    last = max((n.end_lineno for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))), default=0)
    lines.insert(last, compat_import_for(path) + "\n")
    return "".join(lines)


def _fix_imports(source, path):
    """Add the compat import where QVariant was imported; drop QVariant imports now unused."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    still_used = any(isinstance(n, ast.Name) and n.id == "QVariant" for n in ast.walk(tree))
    compat_line = compat_import_for(path)
    module_binds = _binds_compat(tree.body)
    line_edits = {}  # lineno (1-based, of the import statement) -> (end_lineno, replacement lines)
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or not (node.module or "").endswith("QtCore"):
            continue
        if not any(a.name == "QVariant" and a.asname is None for a in node.names):
            continue
        indent = lines[node.lineno - 1][:len(lines[node.lineno - 1]) - len(lines[node.lineno - 1].lstrip())]
        keep = [a for a in node.names if still_used or not (a.name == "QVariant" and a.asname is None)]
        new_lines = []
        if keep:
            names = ", ".join(a.name + (" as " + a.asname if a.asname else "") for a in keep)
            stmt = "{0}from {1}{2} import {3}".format(indent, "." * node.level, node.module, names)
            if len(stmt) > 110:
                stmt = "{0}from {1}{2} import ({3})".format(indent, "." * node.level, node.module, names)
            new_lines.append(stmt + "\n")
        scope_binds = module_binds if node.col_offset == 0 else _block_binds_compat(tree, node)
        if not scope_binds:
            new_lines.append(indent + compat_line + "\n")
        line_edits[node.lineno] = (node.end_lineno, new_lines)
    if not line_edits and not module_binds:
        # QVariant came from elsewhere: add the import after the module's last top-level import.
        return _add_module_import(source, path)
    for lineno in sorted(line_edits, reverse=True):
        end, new_lines = line_edits[lineno]
        lines[lineno - 1:end] = new_lines
    return "".join(lines)


def _block_binds_compat(tree, import_node):
    """Does the block holding ``import_node`` already import compat?"""
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list) and import_node in block:
                return _binds_compat(block)
    return False


def python_files(paths):
    for path in paths:
        if os.path.isfile(path):
            yield path
            continue
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in ("__pycache__", "build"))
            for name in sorted(filenames):
                if name.endswith(".py"):
                    yield os.path.join(dirpath, name)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file would change")
    args = parser.parse_args(argv)
    mapping = Mapping()
    changed = []
    for path in python_files(args.paths):
        with open(path, encoding="utf-8") as f:
            source = f.read()
        new = source
        for _ in range(3):  # a fixed point; the second pass must find nothing
            again = rewrite(new, path, mapping)
            if again == new:
                break
            new = again
        else:
            sys.exit("{0}: the codemod does not reach a fixed point".format(path))
        ast.parse(new)
        if new != source:
            changed.append(path)
            if not args.check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(new)
    for label, items in (("not placed (left as is)", mapping.unplaced),
                         ("written in a form PyQt6 does not have (fix by hand)", mapping.not_in_qt6)):
        for item in sorted(items):
            print("qt6_codemod: {0}: {1}".format(label, item), file=sys.stderr)
    verb = "would change" if args.check else "changed"
    print("qt6_codemod: {0} {1} file(s)".format(verb, len(changed)))
    for path in changed:
        print("  " + path)
    return 1 if (args.check and changed) else 0


def _reexec_with_qgis():
    """``python3`` may be a Python without QGIS (pyenv); use the venv's or Debian's."""
    import importlib

    try:
        importlib.import_module("qgis.core")
    except ImportError:
        exe = _python_with("qgis.core")
        if exe is None or os.path.realpath(exe) == os.path.realpath(sys.executable):
            sys.exit("qt6_codemod: no Python with QGIS found (run `make setup`).")
        os.execv(exe, [exe] + sys.argv)


if __name__ == "__main__":
    _reexec_with_qgis()
    sys.exit(main())
