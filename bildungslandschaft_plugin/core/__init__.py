"""Plain computation modules (numpy / pandas / scipy; no QGIS)."""
