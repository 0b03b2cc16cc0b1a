"""Translation for messages raised by the plain core modules.

The core modules import nothing from QGIS at import time. Their messages
still reach users (as exception texts and report details), so they go
through the plugin's ``tr()`` when it is available (inside QGIS or
qgis_process) and stay English otherwise (plain unit tests).
"""


def tr(text):
    """Translate *text* with the plugin's fixed context when Qt is available."""
    try:
        from ..translation import tr as _plugin_tr
    except Exception:  # noqa: BLE001 - no Qt: leave the text as it is
        return text
    return _plugin_tr(text)
