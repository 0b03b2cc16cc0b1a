#!/usr/bin/env python3
"""Extract, check and compile the plugin's translations.

    scripts/i18n.py update     # pylupdate5 -> i18n/bildungslandschaft_de.ts (keeps translations)
    scripts/i18n.py missing    # list untranslated German entries (exit 1 if any)
    scripts/i18n.py compile    # lrelease -> bildungslandschaft_plugin/i18n/*.qm
    scripts/i18n.py apply F    # fill translations from a UTF-8 TSV file: English<TAB>German per line
                               # (\n and \t escaped as in `missing`'s output)

pylupdate5 files the plugin's module-level ``tr("...")`` calls under the
context ``@default``; at run time ``tr()`` uses the fixed context
``Bildungslandschaft``. ``update`` therefore renames ``@default`` to that
context. Messages are written sorted by source text and without line
numbers, so that parallel branches rarely conflict in the .ts file.
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN = os.path.join(ROOT, "bildungslandschaft_plugin")
I18N = os.path.join(ROOT, "i18n")
LANGUAGES = ["de"]
CONTEXT = "Bildungslandschaft"


def ts_path(lang):
    return os.path.join(I18N, "bildungslandschaft_{}.ts".format(lang))


def source_files():
    files = []
    for pattern in ("**/*.py", "**/*.ui"):
        files += glob.glob(os.path.join(PLUGIN, pattern), recursive=True)
    return sorted(f for f in files if "__pycache__" not in f)


def read_ts(path):
    """{(context, source): translation or None} of a .ts file."""
    result = {}
    if not os.path.exists(path):
        return result
    root = ET.parse(path).getroot()
    for ctx in root.findall("context"):
        name = ctx.findtext("name")
        for msg in ctx.findall("message"):
            src = msg.findtext("source")
            tr_el = msg.find("translation")
            text = None
            if tr_el is not None and tr_el.get("type") not in ("unfinished", "obsolete", "vanished"):
                text = tr_el.text or None
            result[(name, src)] = text
    return result


def extract():
    """{(context, source)} of every translatable string in the sources."""
    tmp = tempfile.mkdtemp()
    try:
        out = os.path.join(tmp, "x.ts")
        subprocess.run(["pylupdate5", "-noobsolete"] + source_files() + ["-ts", out],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        keys = set()
        for (ctx, src) in read_ts(out):
            keys.add((CONTEXT if ctx == "@default" else ctx, src))
        return keys
    finally:
        shutil.rmtree(tmp)


def write_ts(path, lang, entries):
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage="en")
    by_ctx = {}
    for (ctx, src), text in entries.items():
        by_ctx.setdefault(ctx, []).append((src, text))
    for ctx in sorted(by_ctx):
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = ctx
        for src, text in sorted(by_ctx[ctx]):
            m = ET.SubElement(c, "message")
            ET.SubElement(m, "source").text = src
            t = ET.SubElement(m, "translation")
            if text:
                t.text = text
            else:
                t.set("type", "unfinished")
    ET.indent(root, space="    ")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        fh.write(ET.tostring(root, encoding="unicode"))
        fh.write("\n")


def update():
    keys = extract()
    os.makedirs(I18N, exist_ok=True)
    for lang in LANGUAGES:
        old = read_ts(ts_path(lang))
        entries = {k: old.get(k) for k in keys}
        write_ts(ts_path(lang), lang, entries)
        missing = sum(1 for v in entries.values() if not v)
        print("{}: {} strings, {} untranslated".format(ts_path(lang), len(entries), missing))


def missing():
    count = 0
    for lang in LANGUAGES:
        for (ctx, src), text in sorted(read_ts(ts_path(lang)).items()):
            if not text:
                count += 1
                print("{}\t{}\t{}".format(lang, ctx, src.replace("\n", "\\n").replace("\t", "\\t")))
    if count:
        print("{} untranslated entries".format(count), file=sys.stderr)
    return 1 if count else 0


def compile_qm():
    out_dir = os.path.join(PLUGIN, "i18n")
    os.makedirs(out_dir, exist_ok=True)
    for lang in LANGUAGES:
        qm = os.path.join(out_dir, "bildungslandschaft_{}.qm".format(lang))
        subprocess.run(["lrelease", "-silent", ts_path(lang), "-qm", qm], check=True)
        print("compiled", os.path.relpath(qm, ROOT))


def _unescape(text):
    return text.replace("\\n", "\n").replace("\\t", "\t")


def apply(tsv_path, lang="de"):
    """Set translations from *tsv_path* (English<TAB>German) for the context CONTEXT (or any)."""
    pairs = {}
    with open(tsv_path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                raise SystemExit("not English<TAB>German: {!r}".format(line))
            pairs[_unescape(parts[-2])] = _unescape(parts[-1])
    entries = read_ts(ts_path(lang))
    changed = 0
    for key in entries:
        if key[1] in pairs:
            entries[key] = pairs[key[1]]
            changed += 1
    write_ts(ts_path(lang), lang, entries)
    print("{} translations set".format(changed))


def main(argv):
    cmd = argv[1] if len(argv) > 1 else "update"
    if cmd == "update":
        update()
        return 0
    if cmd == "missing":
        return missing()
    if cmd == "apply" and len(argv) > 2:
        apply(argv[2])
        return 0
    if cmd == "compile":
        compile_qm()
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
