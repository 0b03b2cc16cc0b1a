"""Bildungslandschaft – integrated education and social-space planning for QGIS."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    """Entry point QGIS calls; the import stays lazy so that loading is cheap."""
    from .plugin import BildungslandschaftPlugin

    return BildungslandschaftPlugin(iface)
