"""Every tr() string is in the German .ts, translated, and the .qm is used at run time."""

import os
import subprocess
import sys

import i18n as i18n_tool  # scripts/i18n.py

from bildungslandschaft_plugin import translation


def test_every_string_extracted_and_translated():
    keys = i18n_tool.extract()
    stored = i18n_tool.read_ts(i18n_tool.ts_path("de"))
    missing = sorted(src for key, src in [(k, k[1]) for k in keys] if key not in stored)
    assert not missing, "strings missing from i18n/bildungslandschaft_de.ts (run make translations): {}".format(
        missing[:20])
    untranslated = sorted(src for key, src in [(k, k[1]) for k in keys] if not stored.get(key))
    assert not untranslated, "untranslated German strings: {}".format(untranslated[:20])


def test_german_translation_loaded_at_run_time():
    if not os.path.exists(translation.qm_path("de")):
        subprocess.run([sys.executable, os.path.join(i18n_tool.ROOT, "scripts", "i18n.py"), "compile"],
                       check=True)
    try:
        assert translation.install_translator("de")
        assert translation.tr("Network and accessibility") == "Netz und Erreichbarkeit"
    finally:
        translation.remove_translator()
    assert translation.tr("Network and accessibility") == "Network and accessibility"
