"""One translation helper for the whole plugin.

Every user-visible string goes through :func:`tr`. The context is fixed
(``CONTEXT``) so that the string is found at run time no matter in which
class or module it is written; ``make translations`` extracts these calls
(see ``scripts/i18n.py``) into ``i18n/bildungslandschaft_de.ts``.
"""

import os

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

CONTEXT = "Bildungslandschaft"
PLUGIN_DIR = os.path.dirname(__file__)
_translator = None


def tr(text, disambiguation=None, n=-1):
    """Translate *text* in the plugin's fixed context."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def locale_name():
    """The user's QGIS locale as a two-letter code ("de", "en", ...)."""
    settings = QSettings()
    override = settings.value("locale/overrideFlag", False, type=bool)
    name = settings.value("locale/userLocale", "") if override else ""
    if not name:
        name = settings.value("locale/globalLocale", "") or QLocale().name()
    return (name or "en")[:2]


def qm_path(locale):
    """Path of the compiled translation for *locale* (may not exist)."""
    return os.path.join(PLUGIN_DIR, "i18n", "bildungslandschaft_{}.qm".format(locale))


def install_translator(locale=None):
    """Load the plugin's .qm file for *locale* (default: the user's).

    Returns True when a translation was installed. Safe to call repeatedly.
    """
    global _translator
    locale = (locale or locale_name())[:2]
    path = qm_path(locale)
    if not os.path.exists(path):
        return False
    remove_translator()
    translator = QTranslator()
    if not translator.load(path):
        return False
    QCoreApplication.installTranslator(translator)
    _translator = translator
    return True


def remove_translator():
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
