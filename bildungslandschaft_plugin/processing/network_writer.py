"""Writing the results of the network algorithms (catchments, accessibility, serviceareas, facilityneed).

- :func:`demand_columns`: the per-point output columns ``facility_id``, ``cost``, ``snap_dist``, ``status``;
- :func:`polygons_from_raster`: label raster (working CRS) -> polygons (GDAL ``Polygonize``).

Generic sinks, fields and feature writing live in :mod:`.writers`; this module only knows the shape of the
network results.
"""

import numpy as np
from qgis.core import QgsGeometry

from ..core import network as nw
from .values import nullable_floats


def polygons_from_raster(grid, x0, y_top, cell):
    """Polygonize a label raster (GDAL): dict label -> list of QgsGeometry polygons (working CRS)."""
    from osgeo import gdal, ogr

    nrow, ncol = grid.shape
    ds = gdal.GetDriverByName("MEM").Create("", ncol, nrow, 1, gdal.GDT_Int32)
    ds.SetGeoTransform((x0, cell, 0.0, y_top, 0.0, -cell))
    band = ds.GetRasterBand(1)
    band.WriteArray(grid.astype(np.int32))
    band.SetNoDataValue(-1)
    ods = ogr.GetDriverByName("Memory").CreateDataSource("areas")
    layer = ods.CreateLayer("areas", geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("label", ogr.OFTInteger))
    gdal.Polygonize(band, band.GetMaskBand(), layer, 0, [], callback=None)
    out = {}
    for feat in layer:
        label = feat.GetField(0)
        if label is None or label < 0:
            continue
        geom = QgsGeometry()
        geom.fromWkb(bytes(feat.GetGeometryRef().ExportToIsoWkb()))
        out.setdefault(int(label), []).append(geom)
    return out


def demand_columns(f_ids, fac, costs, status, snap_dist):
    """The output columns ``facility_id``, ``cost``, ``snap_dist``, ``status`` as Python lists.

    *fac*: facility index per demand point (-1: none); *costs* count where the status
    is ``ok`` or ``beyond_max_cost``; non-finite values become NULL.
    """
    status = np.asarray(status, dtype=object)
    ids = np.empty(len(f_ids) + 1, dtype=object)
    ids[:len(f_ids)] = list(f_ids)
    ids[-1] = None
    fid_col = ids[np.asarray(fac, dtype=np.int64)].tolist()  # index -1 -> the trailing None
    cost_col = nullable_floats(costs, (status == nw.OK) | (status == nw.BEYOND_MAX_COST))
    snap_col = nullable_floats(snap_dist)
    status_col = [str(v) for v in status.tolist()]
    return fid_col, cost_col, snap_col, status_col
