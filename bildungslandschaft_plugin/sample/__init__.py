"""The deterministic sample city "Musterstadt" (see :mod:`.generator`).

Pure numpy + GDAL/OGR; no QGIS import, so it also runs from
``scripts/make_sample_city.py`` with ``/usr/bin/python3``.
"""

from .generator import (
    COHORTS,
    GPKG_NAME,
    PARTNERSHIPS_CSV_NAME,
    SOCIAL_CSV_NAME,
    UNKNOWN_PARTNER_IDS,
    YEARS,
    Cancelled,
    build_city,
    generate,
)

__all__ = ["COHORTS", "GPKG_NAME", "PARTNERSHIPS_CSV_NAME", "SOCIAL_CSV_NAME", "UNKNOWN_PARTNER_IDS", "YEARS",
           "Cancelled", "build_city", "generate"]
