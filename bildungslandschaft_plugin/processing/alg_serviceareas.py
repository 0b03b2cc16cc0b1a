"""``bildungslandschaft:serviceareas`` – isochrone polygons that follow the reached streets."""

import json
import time

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from .. import compat

from ..core import network as nw
from ..styles import apply_threshold_style, style_output
from ..translation import tr
from . import ids
from . import network_reader
from . import network_writer
from . import readers
from . import writers
from . import network_params as npar
from .base import (
    BildungslandschaftAlgorithm,
    Progress,
    check_canceled,
    require_sink,
    require_source,
    working_crs,
)

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
    TIMINGS = "TIMINGS"

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
        self.addOutput(QgsProcessingOutputString(self.TIMINGS, tr("Stage times in seconds (JSON)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        timings = {}
        t_start = time.perf_counter()
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

        feedback.setProgressText(tr("Reading the network"))
        graph = network_reader.read_network(self, parameters, context, feedback, crs, source=network)
        timings["read"] = graph.timings["read"]
        timings["build_graph"] = graph.timings["build_graph"]
        t0 = time.perf_counter()
        f_fids, f_xy, f_feats = readers.read_points(facilities, crs, context, feedback, with_features=True)
        f_ids, f_id_type = readers.facility_ids(facilities, f_feats, f_fids, fid_field)
        if demand is not None:
            _d_fids, d_xy, d_feats = readers.read_points(demand, crs, context, feedback, with_features=True)
            weights, _n = readers.numeric_values(demand, d_feats, weight_field, self.DEMAND_WEIGHT, feedback=feedback)
        timings["read"] += time.perf_counter() - t0
        check_canceled(feedback)

        t0 = time.perf_counter()
        f_loc = network_reader.locate_points(graph, f_xy, tol, self.FACILITIES, feedback)
        locs = [f_loc]
        if demand is not None:
            d_loc = network_reader.locate_points(graph, d_xy, tol, self.DEMAND, feedback)
            locs.append(d_loc)
        timings["snap"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        routing = graph.prepare(*locs, cost=cost)
        timings["split"] = time.perf_counter() - t0
        check_canceled(feedback)

        # demand within each threshold (network cost, demand -> facility)
        t0 = time.perf_counter()
        demand_sums = {}
        if demand is not None:
            feedback.setProgressText(tr("Summing the demand within the thresholds"))
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
            timings["demand"] = time.perf_counter() - t0
        check_canceled(feedback)

        extra = [writers.new_field("facility_id", f_id_type), writers.new_field("threshold", compat.FIELD_DOUBLE, 20, 3)]
        if dissolve:
            extra.append(writers.new_field("n_facilities", compat.FIELD_INT))
        if demand is not None:
            extra += [writers.new_field("demand", compat.FIELD_DOUBLE, 20, 3), writers.new_field("n_demand", compat.FIELD_INT)]
        extra.append(writers.new_field("area_km2", compat.FIELD_DOUBLE, 20, 4))
        fields, _ = writers.output_fields([], extra)
        out_crs = facilities.sourceCrs()
        sink, dest = require_sink(self, parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, out_crs)
        transform = QgsCoordinateTransform(crs, out_crs, context.transformContext())
        spacing = width / 5.0
        t_max = max(thresholds)
        timings["search"] = 0.0
        timings["polygons"] = 0.0
        timings["write"] = 0.0

        def polygons(dist, subset):
            """One geometry (or None) per threshold: the streets reached within it, widened by *width*
            (one raster for all thresholds; see core.network.buffer_masks)."""
            t1 = time.perf_counter()
            pieces = routing.pieces_within(dist, t_max)
            sets = [nw.sample_lines(*routing.service_lines(dist, t, 0, subset, pieces), spacing)
                    for t in thresholds]
            masks, x0, y_top, cell = nw.buffer_masks(sets, width)
            out = []
            for k in range(len(thresholds)):
                parts = None
                if masks and masks[k].any():
                    grid = np.where(masks[k], 0, -1)
                    parts = network_writer.polygons_from_raster(grid, x0, y_top, cell).get(0)
                out.append(QgsGeometry.collectGeometry(parts) if parts else None)
            timings["polygons"] += time.perf_counter() - t1
            return out

        def write(geom, row):
            t1 = time.perf_counter()
            area = geom.area() / 1e6
            if crs != out_crs:
                geom.transform(transform)
            nf = QgsFeature(fields)
            nf.setGeometry(geom)
            nf.setAttributes(row + [area])
            sink.addFeatures([nf], QgsFeatureSink.Flag.FastInsert)
            timings["write"] += time.perf_counter() - t1

        feedback.setProgressText(tr("Building the service areas"))
        if dissolve:
            t0 = time.perf_counter()
            dist, _label = routing.node_costs(0)
            timings["search"] += time.perf_counter() - t0
            n_ok = int((f_loc.status == nw.OK).sum())
            for t, geom in zip(thresholds, polygons(dist, None)):
                if geom is not None:
                    row = [None, t, n_ok]
                    if demand is not None:
                        row += list(demand_sums[(None, t)])
                    write(geom, row)
        else:
            progress = Progress(feedback, len(f_feats), 40, 100)
            searches = routing.facility_searches(0, limit=t_max)
            while True:
                t0 = time.perf_counter()
                found = next(searches, None)
                timings["search"] += time.perf_counter() - t0
                if found is None:
                    break
                j, dist = found
                for t, geom in zip(thresholds, polygons(dist, [j])):
                    if geom is None:
                        continue
                    row = [f_ids[j], t]
                    if demand is not None:
                        row += list(demand_sums[(j, t)])
                    write(geom, row)
                if not progress.tick():
                    check_canceled(feedback)
        timings["total"] = time.perf_counter() - t_start
        npar.stage_report(timings, feedback)
        self._style = (dest, thresholds, npar.cost_unit(cost))
        return {self.OUTPUT: dest, self.TIMINGS: json.dumps(timings)}  # read by scripts/bench_osm.py

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        """The style travels with the output: applied to it, stored in its GeoPackage (see styles.style_output)."""
        style = getattr(self, "_style", None)
        if style is not None:
            dest, thresholds, unit = style
            dest = writers.final_destination(self, dest)
            style_output(context, dest, lambda layer: apply_threshold_style(layer, "threshold", thresholds, unit),
                         feedback)
        return {}
