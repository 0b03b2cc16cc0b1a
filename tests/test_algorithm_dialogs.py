"""Every algorithm's Processing dialog opens as the toolbox opens it, in German, without an exception.

The dialog is QGIS's own ``AlgorithmDialog`` built for a fresh instance (``alg.create()``), so every parameter
widget wrapper (field, layer, enum, file, number, matrix, sink …) is created as in the GUI. With the German
translation installed, no visible text of the dialog may be an English source string of ours whose German
differs (an untranslated label, tooltip or help text).
"""

import re
import sys

import pytest
from qgis.core import QgsApplication, QgsProcessingParameterDefinition
from qgis.PyQt.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

import i18n as i18n_tool  # scripts/i18n.py
from bildungslandschaft_plugin import translation

PROVIDER = "bildungslandschaft"


@pytest.fixture(scope="module")
def english_only():
    """{English source text} of our strings whose German translation differs."""
    stored = i18n_tool.read_ts(i18n_tool.ts_path("de"))
    return {src for (_ctx, src), de in stored.items() if de and de != src and len(src) > 3}


def visible_texts(widget):
    texts = []
    for w in [widget] + widget.findChildren(QWidget):
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        if w.toolTip():
            texts.append(w.toolTip())
    return texts


def _strip(text):
    text = re.sub(r"<[^>]+>", " ", text or "")          # rich text labels
    text = re.sub(r"\s*\[(optional|optional\w*)\]\s*$", "", text.strip())
    return " ".join(text.split())


def test_every_dialog_opens_in_german(qgis_iface, english_only, monkeypatch):
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.gui import QgsBrowserGuiModel

    browser_model = QgsBrowserGuiModel()  # the test interface's stand-in is a mock, QGIS's widgets need a real one
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: browser_model, raising=False)

    provider = QgsApplication.processingRegistry().providerById(PROVIDER)
    assert provider is not None
    errors = []
    old_hook = sys.excepthook
    sys.excepthook = lambda *exc: errors.append(exc[1])  # exceptions raised in Qt slots
    assert translation.install_translator("de")
    problems = {}
    try:
        algs = provider.algorithms()
        assert len(algs) >= 18
        for alg in algs:
            instance = alg.create()
            try:
                dlg = AlgorithmDialog(instance, parent=None)
            except Exception as exc:  # noqa: BLE001 - the test reports every failure
                problems[alg.id()] = "exception: {0!r}".format(exc)
                continue
            try:
                dlg.show()
                QgsApplication.processEvents()
                texts = {_strip(t) for t in visible_texts(dlg)}
                untranslated = sorted(texts & english_only)
                # the check looks at the real labels: every parameter's (German) description is among them
                shown = [d.description() for d in instance.parameterDefinitions()
                         if not d.flags() & QgsProcessingParameterDefinition.Flag.FlagHidden]
                missing = [d for d in shown if _strip(d) not in texts]
                if missing:
                    problems[alg.id()] = "labels not found: {0}".format(missing[:5])
                if untranslated:
                    problems[alg.id()] = "untranslated: {0}".format(untranslated[:5])
                # the dialog's title and the parameter labels are German
                if instance.displayName() in english_only:
                    problems[alg.id()] = "title untranslated: {0}".format(instance.displayName())
            finally:
                dlg.close()
                dlg.deleteLater()
                QgsApplication.processEvents()
    finally:
        translation.remove_translator()
        sys.excepthook = old_hook
    assert not errors, errors
    assert not problems, problems


def test_untranslated_label_is_detected(qgis_iface, english_only):
    """The check above can fail: an English label of ours is found among a dialog's texts."""
    from qgis.PyQt.QtWidgets import QDialog, QVBoxLayout

    dlg = QDialog()
    lay = QVBoxLayout(dlg)
    lay.addWidget(QLabel("Network and accessibility"))
    assert "Network and accessibility" in english_only
    assert {_strip(t) for t in visible_texts(dlg)} & english_only == {"Network and accessibility"}
