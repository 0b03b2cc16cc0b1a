"""``bildungslandschaft:serviceareas`` – isochrone polygons that follow the reached streets."""

import struct

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from .. import compat

from ..core import network as nw
from ..translation import tr
from . import ids
from . import network_params as npar
from .base import (
    BildungslandschaftAlgorithm,
    Progress,
    check_canceled,
    require_sink,
    require_source,
    working_crs,
)

_PART = np.dtype([("order", "u1"), ("type", "<u4"), ("n", "<u4"), ("xy", "<f8", (4,))])


def multiline_geometry(a, b):
    """A QgsGeometry multilinestring of the 2-point lines a[i] -> b[i] (built as WKB)."""
    parts = np.zeros(len(a), dtype=_PART)
    parts["order"] = 1
    parts["type"] = 2
    parts["n"] = 2
    parts["xy"] = np.column_stack([a, b])
    geom = QgsGeometry()
    geom.fromWkb(struct.pack("<BII", 1, 5, len(a)) + parts.tobytes())
    return geom


class ServiceAreasAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.SERVICE_AREAS
    GROUP_ID = ids.GROUP_NETWORK

    FACILITIES = npar.FACILITIES
    FACILITY_ID = npar.FACILITY_ID
    THRESHOLDS = "THRESHOLDS"
    BUFFER = "BUFFER"
    DISSOLVE = "DISSOLVE"
    DEMAND = npar.DEMAND
    DEMAND_WEIGHT = npar.DEMAND_WEIGHT
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Service areas (isochrones over the network)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Polygons per facility and threshold (e.g. 500/1000/1500 m or 5/10/15 min) made of the streets "
            "from which the facility is reached within the threshold, widened by BUFFER metres (not circles). "
            "With DISSOLVE one polygon per threshold for all facilities. With DEMAND the demand that reaches "
            "the facility (any facility when dissolved) within the threshold over the network is added "
            "(demand, n_demand).")

    def initAlgorithm(self, config=None):  # noqa: N802
        npar.add_network_parameters(self)
        npar.add_facility_parameters(self)
        self.add_param(
            QgsProcessingParameterString(self.THRESHOLDS, tr("Thresholds"), defaultValue="500,1000,1500"),
            tr("Comma-separated list of costs in the unit of the cost (metres or minutes), e.g. 500,1000,1500."))
        self.add_param(
            QgsProcessingParameterNumber(self.BUFFER, tr("Width around the reached streets (m)"),
                                         QgsProcessingParameterNumber.Type.Double, 50.0, minValue=0.1),
            tr("The polygon covers this distance on both sides of every reached street."))
        self.add_param(
            QgsProcessingParameterBoolean(self.DISSOLVE, tr("Dissolve per threshold"), defaultValue=False),
            tr("One polygon per threshold for all facilities together instead of one per facility."))
        npar.add_demand_parameters(
            self, tr("Optional addresses or grid cells; their demand within each threshold is added."),
            tr("Numeric field with the demand per feature (default 1 per feature)."), optional=True)
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Service areas"),
                                                         QgsProcessing.SourceType.TypeVectorPolygon),
                       tr("Polygons with facility_id, threshold, area_km2 (and demand, n_demand)."))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        network = require_source(self, parameters, npar.NETWORK, context)
        facilities = require_source(self, parameters, self.FACILITIES, context)
        demand = None
        if parameters.get(self.DEMAND):
            demand = require_source(self, parameters, self.DEMAND, context)
        mode, cost, tol = npar.network_settings(self, parameters, context)
        thresholds = npar.parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context))
        width = self.parameterAsDouble(parameters, self.BUFFER, context)
        dissolve = self.parameterAsBoolean(parameters, self.DISSOLVE, context)
        crs = working_crs([network, facilities, demand], feedback)
        npar.log_reprojection([(npar.NETWORK, network), (self.FACILITIES, facilities), (self.DEMAND, demand)],
                              crs, feedback)
        fid_field = self.parameterAsString(parameters, self.FACILITY_ID, context)
        weight_field = self.parameterAsString(parameters, self.DEMAND_WEIGHT, context)

        graph = npar.read_network(self, parameters, context, feedback, crs, source=network)
        f_fids, f_xy, f_feats = npar.read_points(facilities, crs, context, feedback, with_features=True)
        f_ids, f_id_type = npar.facility_ids(facilities, f_feats, f_fids, fid_field)
        f_loc = npar.locate_points(graph, f_xy, tol, self.FACILITIES, feedback)
        locs = [f_loc]
        if demand is not None:
            _d_fids, d_xy, d_feats = npar.read_points(demand, crs, context, feedback, with_features=True)
            weights, _n = npar.numeric_values(demand, d_feats, weight_field, self.DEMAND_WEIGHT)
            d_loc = npar.locate_points(graph, d_xy, tol, self.DEMAND, feedback)
            locs.append(d_loc)
        routing = graph.prepare(*locs, cost=cost)
        snap = graph.snap_xy(f_loc)
        check_canceled(feedback)

        # demand within each threshold (network cost, demand -> facility)
        demand_sums = {}
        if demand is not None:
            if dissolve:
                _f, c, s = routing.nearest(1, 0)
                for t in thresholds:
                    m = (s == nw.OK) & (c <= t)
                    demand_sums[(None, t)] = (float(weights[m].sum()), int(m.sum()))
            else:
                oi, di, cc = routing.od_matrix(1, 0, max_cost=max(thresholds))
                for t in thresholds:
                    m = cc <= t
                    sums = np.bincount(di[m], weights=weights[oi[m]], minlength=len(f_feats))
                    ns = np.bincount(di[m], minlength=len(f_feats))
                    for j in range(len(f_feats)):
                        demand_sums[(j, t)] = (float(sums[j]), int(ns[j]))

        extra = [npar.new_field("facility_id", f_id_type), npar.new_field("threshold", compat.FIELD_DOUBLE, 20, 3)]
        if dissolve:
            extra.append(npar.new_field("n_facilities", compat.FIELD_INT))
        if demand is not None:
            extra += [npar.new_field("demand", compat.FIELD_DOUBLE, 20, 3), npar.new_field("n_demand", compat.FIELD_INT)]
        extra.append(npar.new_field("area_km2", compat.FIELD_DOUBLE, 20, 4))
        fields, _ = npar.output_fields([], extra)
        out_crs = facilities.sourceCrs()
        sink, dest = require_sink(self, parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, out_crs)
        transform = QgsCoordinateTransform(crs, out_crs, context.transformContext())
        connector = routing.connector[routing.offsets[0]:routing.offsets[1]]

        def polygon(dist, t, fac_mask):
            seg, t0, t1 = routing.reached_pieces(dist, t)
            a, b = routing.piece_xy(t0, t1, seg)
            # connectors of the facilities reached within t (partial when longer)
            fm = fac_mask & (f_loc.status == nw.OK)
            if fm.any():
                frac = np.clip(t / np.where(connector[fm] > 0, connector[fm], 1.0), 0, 1)
                fa = snap[fm]
                fb = fa + frac[:, None] * (f_xy[fm] - fa)
                a = np.vstack([a, fa])
                b = np.vstack([b, fb])
            if len(a) == 0:
                return None
            geom = multiline_geometry(a, b).buffer(width, 4)
            if geom.isNull() or geom.isEmpty():
                return None
            return geom

        def write(geom, row):
            area = geom.area() / 1e6
            if crs != out_crs:
                geom.transform(transform)
            nf = QgsFeature(fields)
            nf.setGeometry(geom)
            nf.setAttributes(row + [area])
            sink.addFeatures([nf], QgsFeatureSink.Flag.FastInsert)

        if dissolve:
            dist, _label = routing.node_costs(0)
            progress = Progress(feedback, len(thresholds), 40, 100)
            n_ok = int((f_loc.status == nw.OK).sum())
            for t in thresholds:
                geom = polygon(dist, t, np.ones(len(f_feats), dtype=bool))
                if geom is not None:
                    row = [None, t, n_ok]
                    if demand is not None:
                        row += list(demand_sums[(None, t)])
                    write(geom, row)
                if not progress.tick():
                    check_canceled(feedback)
        else:
            progress = Progress(feedback, len(f_feats), 40, 100)
            for j, dist in routing.facility_searches(0, limit=max(thresholds)):
                mask = np.zeros(len(f_feats), dtype=bool)
                mask[j] = True
                for t in thresholds:
                    geom = polygon(dist, t, mask)
                    if geom is None:
                        continue
                    row = [f_ids[j], t]
                    if demand is not None:
                        row += list(demand_sums[(j, t)])
                    write(geom, row)
                if not progress.tick():
                    check_canceled(feedback)
        npar.stage_report(dict(graph.timings), feedback)
        return {self.OUTPUT: dest}
