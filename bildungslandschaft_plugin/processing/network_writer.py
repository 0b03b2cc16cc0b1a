"""Writing the results of the network algorithms (catchments, accessibility, serviceareas, facilityneed).

- :func:`demand_columns`: the per-point output columns ``facility_id``, ``cost``, ``snap_dist``, ``status``;
- :func:`cost_fields`: the fields of these columns;
- :func:`polygons_from_raster`: label raster (working CRS) -> polygons (GDAL ``Polygonize``),
  :func:`mask_polygons` one geometry per raster mask;
- :class:`PolygonWriter`: polygons built in the working CRS, written with ``area_km2`` in the output CRS.

Generic sinks, fields and feature writing live in :mod:`.writers`; this module only knows the shape of the
network results.
"""

import re
import time

import numpy as np
from qgis.core import QgsCoordinateTransform, QgsFeature, QgsFeatureSink, QgsGeometry, QgsWkbTypes

from .. import compat
from ..core import network as nw
from .base import check_canceled, require_sink
from .network_params import threshold_label
from .values import nullable_floats
from .writers import new_field, output_fields, write_columns


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


def cost_fields(id_type, walk_only=False):
    """Fields ``facility_id`` (of *id_type*), ``cost``, ``snap_dist``, ``status`` (and ``walk_only``)."""
    fields = [new_field("facility_id", id_type), new_field("cost", compat.FIELD_DOUBLE, 20, 3),
              new_field("snap_dist", compat.FIELD_DOUBLE, 20, 3), new_field("status", compat.FIELD_STRING, 20)]
    if walk_only:
        fields.append(new_field("walk_only", compat.FIELD_DOUBLE, 20, 3))
    return fields


def mask_polygons(masks, x0, y_top, cell):
    """One geometry (or None) per boolean raster mask of :func:`..core.network.buffer_masks`."""
    out = []
    for mask in masks:
        parts = None
        if mask.any():
            parts = polygons_from_raster(np.where(mask, 0, -1), x0, y_top, cell).get(0)
        out.append(QgsGeometry.collectGeometry(parts) if parts else None)
    return out


class PolygonWriter:
    """Polygon output *name* with the fields *extra* followed by ``area_km2``.

    :meth:`add` takes a geometry in the working CRS *crs* (its area is measured there), transforms it to
    *out_crs* and writes it with its row. ``dest`` is the output's id.
    """

    def __init__(self, alg, parameters, context, name, extra, crs, out_crs):
        self.fields, _ = output_fields([], list(extra) + [new_field("area_km2", compat.FIELD_DOUBLE, 20, 4)])
        self.sink, self.dest = require_sink(alg, parameters, name, context, self.fields,
                                            QgsWkbTypes.Type.MultiPolygon, out_crs)
        self.same = crs == out_crs
        self.transform = QgsCoordinateTransform(crs, out_crs, context.transformContext())

    def add(self, geom, row):
        area = geom.area() / 1e6
        if not self.same:
            geom.transform(self.transform)
        feat = QgsFeature(self.fields)
        feat.setGeometry(geom)
        feat.setAttributes(list(row) + [area])
        self.sink.addFeatures([feat], QgsFeatureSink.Flag.FastInsert)


def write_demand_costs(alg, parameters, context, feedback, name, demand, d_fids, d_feats, id_type, columns,
                       extra_fields=(), walk_only=None, progress=(0.0, 100.0)):
    """The demand output: every demand feature with :func:`cost_fields` filled from *columns*
    (:func:`demand_columns` followed by one column per field of *extra_fields*) and, for walk + public
    transport, ``walk_only`` last. *d_feats* None: streamed from *demand* by *d_fids*."""
    fields = cost_fields(id_type) + list(extra_fields)
    columns = list(columns)
    if walk_only is not None:
        fields.append(new_field("walk_only", compat.FIELD_DOUBLE, 20, 3))
        columns.append(nullable_floats(walk_only))
    return write_columns(alg, parameters, context, feedback, name, demand, d_fids, d_feats, fields, columns,
                         progress)


def facility_total_fields(id_type, utilization):
    """``facility_id``, ``demand``, ``n_demand`` (and ``utilization``): demand assigned per facility."""
    fields = [new_field("facility_id", id_type), new_field("demand", compat.FIELD_DOUBLE, 20, 3),
              new_field("n_demand", compat.FIELD_INT)]
    if utilization:
        fields.append(new_field("utilization", compat.FIELD_DOUBLE, 20, 4))
    return fields


def facility_total_columns(ids, demand, count, utilization=None):
    """The columns of :func:`facility_total_fields` (utilization NaN -> NULL)."""
    columns = [list(ids), np.asarray(demand, dtype=float).tolist(), np.asarray(count, dtype=np.int64).tolist()]
    if utilization is not None:
        columns.append(nullable_floats(utilization))
    return columns


def snap_fields():
    """``snap_dist`` and ``status`` of a snapped point."""
    return [new_field("snap_dist", compat.FIELD_DOUBLE, 20, 3), new_field("status", compat.FIELD_STRING, 20)]


def write_catchment_areas(alg, parameters, context, name, grid, crs, out_crs, extra, columns):
    """One polygon per facility (label of the raster *grid* ``(grid, x0, y_top, cell)``) with the row of
    *columns* (see :func:`facility_total_columns`) and ``area_km2``; facilities without cells are left
    out. Returns the output's id."""
    polys = polygons_from_raster(*grid)
    writer = PolygonWriter(alg, parameters, context, name, extra, crs, out_crs)
    for k, row in enumerate(zip(*columns)):
        parts = polys.get(k)
        if parts:
            writer.add(QgsGeometry.collectGeometry(parts), row)
    return writer.dest


def field_suffix(text):
    """'Grundschule' -> 'grundschule', 'Volks-Hochschule 2' -> 'volks_hochschule_2'."""
    text = str(text).strip().lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    return text or "x"


def category_fields(values, prefix="cost_"):
    """``[(value, field name)]`` for the sorted distinct *values*: *prefix* + :func:`field_suffix`,
    made unique with ``_2``, ``_3`` …"""
    used = set()
    out = []
    for value in sorted(set(values)):
        name = prefix + field_suffix(value)
        base, n = name, 2
        while name in used:
            name = "{}_{}".format(base, n)
            n += 1
        used.add(name)
        out.append((value, name))
    return out


def accessibility_columns(fac, res, snap_dist, categories, thresholds, counts, districts, did_idx, polys,
                          district_idx):
    """``(extra fields, columns)`` of the accessibility demand output: :func:`demand_columns` (facility and
    cost only where ``ok``), the cost per category (*categories* of :func:`category_fields`), the number of
    facilities within each threshold (NULL where not ok) and, with *districts*, ``district_id`` (the field
    *did_idx* of the district *polys*, or their feature id)."""
    ok = res.status == nw.OK
    columns = list(demand_columns(fac.ids, np.where(ok, res.facility, -1), res.cost, res.status, snap_dist))
    columns[1] = nullable_floats(res.cost, ok)
    extra = [new_field(name, compat.FIELD_DOUBLE, 20, 3) for _v, name in categories]
    columns += [nullable_floats(c) for c in res.category_costs]
    extra += [new_field("n_" + threshold_label(t), compat.FIELD_INT) for t in thresholds]
    for c in counts:
        col = c.astype(object)
        col[~ok] = None
        columns.append(col.tolist())
    if district_idx is not None:
        extra.append(new_field("district_id", districts.fields().at(did_idx).type() if did_idx >= 0
                               else compat.FIELD_LONGLONG))
        values = np.empty(len(polys) + 1, dtype=object)
        values[:-1] = [poly.attributes()[did_idx] if did_idx >= 0 else int(poly.id()) for poly in polys]
        values[-1] = None
        columns.append(values[np.asarray(district_idx, dtype=np.int64)].tolist())
    return extra, columns


def district_cost_fields(thresholds):
    """The fields of :func:`..core.stats.district_cost_figures`."""
    return ([new_field("demand", compat.FIELD_DOUBLE, 20, 3), new_field("demand_reached", compat.FIELD_DOUBLE, 20, 3),
             new_field("mean_cost", compat.FIELD_DOUBLE, 20, 3), new_field("median_cost", compat.FIELD_DOUBLE, 20, 3)]
            + [new_field("share_" + threshold_label(t), compat.FIELD_DOUBLE, 20, 2) for t in thresholds])


def service_area_fields(id_type, dissolve, with_demand):
    """``facility_id``, ``threshold`` (``n_facilities`` when dissolved, ``demand``, ``n_demand`` with demand)."""
    fields = [new_field("facility_id", id_type), new_field("threshold", compat.FIELD_DOUBLE, 20, 3)]
    if dissolve:
        fields.append(new_field("n_facilities", compat.FIELD_INT))
    if with_demand:
        fields += [new_field("demand", compat.FIELD_DOUBLE, 20, 3), new_field("n_demand", compat.FIELD_INT)]
    return fields


def write_service_areas(writer, routing, thresholds, width, dissolve, f_ids, n_ok, demand_sums, progress, feedback,
                        timings):
    """Search, polygonize and write the service areas (:class:`PolygonWriter` *writer*): per facility and
    threshold, or per threshold when *dissolve*; *demand_sums* of :func:`..core.network.demand_within` (None
    without demand). Adds the seconds of ``search``, ``polygons`` and ``write`` to *timings*."""
    for key in ("search", "polygons", "write"):
        timings[key] = 0.0
    searches = nw.service_area_searches(routing, thresholds, dissolve)
    while True:
        t0 = time.perf_counter()
        found = next(searches, None)
        timings["search"] += time.perf_counter() - t0
        if found is None:
            break
        j, dist = found
        t0 = time.perf_counter()
        geoms = mask_polygons(*nw.service_masks(routing, dist, thresholds, width, None if j is None else [j]))
        timings["polygons"] += time.perf_counter() - t0
        for t, geom in zip(thresholds, geoms):
            if geom is None:
                continue
            t0 = time.perf_counter()
            row = [None, t, n_ok] if j is None else [f_ids[j], t]
            if demand_sums is not None:
                row += list(demand_sums[(j, t)])
            writer.add(geom, row)
            timings["write"] += time.perf_counter() - t0
        if j is not None and not progress.tick():
            check_canceled(feedback)
