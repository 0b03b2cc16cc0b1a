"""``bildungslandschaft:catchments`` – nearest facility of every demand feature over the network."""

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
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from .. import compat

from ..core import network as nw
from ..styles import apply_default_style, style_output
from ..translation import tr
from . import ids
from . import network_reader
from . import network_writer
from . import readers
from .values import nullable_floats, python_value
from . import writers
from .nearest_search import snap_facilities_and_demand
from . import network_params as npar
from . import transit_params as tp
from .base import (
    BildungslandschaftAlgorithm,
    Progress,
    check_canceled,
    require_sink,
    require_source,
    secondary_sink,
    working_crs,
)


class CatchmentsAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.CATCHMENTS
    GROUP_ID = ids.GROUP_NETWORK

    FACILITIES = npar.FACILITIES
    FACILITY_ID = npar.FACILITY_ID
    DEMAND = npar.DEMAND
    DEMAND_WEIGHT = npar.DEMAND_WEIGHT
    CAPACITY = "CAPACITY"
    AREA_CELL_SIZE = "AREA_CELL_SIZE"
    OUTPUT_DEMAND = "OUTPUT_DEMAND"
    OUTPUT_FACILITIES = "OUTPUT_FACILITIES"
    OUTPUT_AREAS = "OUTPUT_AREAS"
    TIMINGS = "TIMINGS"

    def displayName(self):  # noqa: N802
        return tr("Catchments (nearest facility over the network)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Assigns every demand feature (addresses, buildings, grid cells) to its nearest facility "
            "over the street network with one multi-source shortest-path search, and sums the demand "
            "per facility. Outputs: demand with facility_id, cost, snap_dist and status (ok, unreachable, "
            "off_network, no_geometry, beyond_max_cost); facilities with demand, n_demand and utilization "
            "(demand / capacity); non-overlapping catchment polygons. Costs include the straight connector "
            "to the street and the partial street lengths.") + " " + tp.transit_help()

    def initAlgorithm(self, config=None):  # noqa: N802
        npar.add_network_parameters(self)
        npar.add_facility_parameters(self)
        npar.add_demand_parameters(self)
        npar.add_max_cost_parameter(self)
        tp.add_transit_parameters(self)
        self.add_param(
            QgsProcessingParameterField(self.CAPACITY, tr("Capacity field"),
                                        parentLayerParameterName=self.FACILITIES,
                                        type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            tr("Optional numeric field of the facilities with their places; gives utilization = demand / capacity."))
        self.add_param(
            QgsProcessingParameterNumber(self.AREA_CELL_SIZE, tr("Cell size of the catchment polygons (m)"),
                                         QgsProcessingParameterNumber.Type.Double, 0.0, minValue=0.0),
            tr("Resolution of the catchment polygons; 0 chooses one from the size of the network."),
            advanced=True)
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT_DEMAND, tr("Demand with nearest facility"),
                                                         QgsProcessing.SourceType.TypeVectorAnyGeometry),
                       tr("Every demand feature with facility_id, cost, snap_dist and status."))
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT_FACILITIES, tr("Facilities with demand"),
                                                         QgsProcessing.SourceType.TypeVectorAnyGeometry, optional=True,
                                                         createByDefault=True),
                       tr("Every facility with demand, n_demand, utilization and status."))
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT_AREAS, tr("Catchment areas"),
                                                         QgsProcessing.SourceType.TypeVectorPolygon, optional=True),
                       tr("One polygon per facility covering the streets nearest to it (no overlaps)."))
        self.addOutput(QgsProcessingOutputString(self.TIMINGS, tr("Stage times in seconds (JSON)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        timings = {}
        t_start = time.perf_counter()
        self._style_dest = None
        network = require_source(self, parameters, npar.NETWORK, context)
        facilities = require_source(self, parameters, self.FACILITIES, context)
        demand = require_source(self, parameters, self.DEMAND, context)
        mode, cost, tol = npar.network_settings(self, parameters, context)
        max_cost = npar.max_cost_parameter(self, parameters, context)
        crs = working_crs([network, facilities, demand], feedback)
        npar.log_reprojection([(npar.NETWORK, network), (self.FACILITIES, facilities), (self.DEMAND, demand)],
                              crs, feedback)
        fid_field = self.parameterAsString(parameters, self.FACILITY_ID, context)
        weight_field = self.parameterAsString(parameters, self.DEMAND_WEIGHT, context)
        cap_field = self.parameterAsString(parameters, self.CAPACITY, context)

        feedback.setProgressText(tr("Reading the network"))
        graph = network_reader.read_network(self, parameters, context, feedback, crs, source=network)
        t_read_net = graph.timings["read"]
        t0 = time.perf_counter()
        f_fids, f_xy, f_feats = readers.read_points(facilities, crs, context, feedback, with_features=True)
        f_ids, f_id_type = readers.facility_ids(facilities, f_feats, f_fids, fid_field)
        d_fids, d_xy, d_feats, weights = readers.read_weighted_demand(self, parameters, context, feedback, crs,
                                                                   demand, weight_field)
        capacity = None
        if cap_field:
            capacity, _ = readers.numeric_values(facilities, f_feats, cap_field, self.CAPACITY, feedback=feedback)
        timings["read"] = t_read_net + time.perf_counter() - t0
        timings["build_graph"] = graph.timings["build_graph"]
        check_canceled(feedback)

        feedback.setProgressText(tr("Snapping to the network"))
        t0 = time.perf_counter()
        f_loc, d_loc, f_status = snap_facilities_and_demand(graph, f_xy, d_xy, tol, feedback)
        timings["snap"] = time.perf_counter() - t0
        check_canceled(feedback)

        feedback.setProgressText(tr("Searching the nearest facilities"))
        feedback.setProgress(40)
        t0 = time.perf_counter()
        transit_run = None
        if tp.is_transit(self, parameters, context):  # walk + public transport: the reported-time matrix
            max_cost = tp.max_cost_or_default(max_cost)
            transit_run = tp.transit_matrix(self, parameters, context, feedback, graph, crs, d_loc, f_loc,
                                            max_cost, tol, direct=False)
            fac, costs, status, walk_only = tp.nearest_by_walk_or_transit(transit_run, d_loc.status, max_cost)
        else:
            routing = graph.prepare(d_loc, f_loc, cost=cost)
            node_result = routing.node_costs(1)
            fac, costs, status = routing.nearest(0, 1, max_cost=max_cost, node_result=node_result)
        ok = status == nw.OK
        n_fac = len(f_ids)
        dem_sum = np.bincount(fac[ok], weights=weights[ok], minlength=n_fac) if n_fac else np.zeros(0)
        dem_n = np.bincount(fac[ok], minlength=n_fac) if n_fac else np.zeros(0, int)
        timings["search"] = time.perf_counter() - t0
        check_canceled(feedback)
        feedback.setProgress(55)

        feedback.setProgressText(tr("Writing the results"))
        t0 = time.perf_counter()
        unit = npar.cost_unit(cost)
        results = {}
        # demand
        extra = [writers.new_field("facility_id", f_id_type), writers.new_field("cost", compat.FIELD_DOUBLE, 20, 3),
                 writers.new_field("snap_dist", compat.FIELD_DOUBLE, 20, 3), writers.new_field("status", compat.FIELD_STRING, 20)]
        if transit_run is not None:
            extra.append(writers.new_field("walk_only", compat.FIELD_DOUBLE, 20, 3))
        fields, keep = writers.output_fields(demand.fields(), extra)
        sink, dest = require_sink(self, parameters, self.OUTPUT_DEMAND, context, fields, demand.wkbType(),
                                  demand.sourceCrs())
        # the new columns as Python lists in one go (numpy), then one pass over the features
        columns = list(network_writer.demand_columns(f_ids, fac, costs, status, d_loc.snap_dist))
        if transit_run is not None:
            columns.append(nullable_floats(walk_only))
        writers.write_features(sink, demand.getFeatures() if d_feats is None else d_feats, keep,
                            columns, Progress(feedback, len(d_fids), 55, 75),
                            feedback, fids=d_fids if d_feats is None else None)
        results[self.OUTPUT_DEMAND] = dest

        # facilities
        fac_extra = [writers.new_field("facility_id", f_id_type), writers.new_field("demand", compat.FIELD_DOUBLE, 20, 3),
                     writers.new_field("n_demand", compat.FIELD_INT)]
        if capacity is not None:
            fac_extra.append(writers.new_field("utilization", compat.FIELD_DOUBLE, 20, 4))
        fac_extra += [writers.new_field("snap_dist", compat.FIELD_DOUBLE, 20, 3),
                      writers.new_field("status", compat.FIELD_STRING, 20)]
        fields, keep = writers.output_fields(facilities.fields(), fac_extra)
        sink, dest = secondary_sink(self, parameters, self.OUTPUT_FACILITIES, context, fields,
                                  facilities.wkbType(), facilities.sourceCrs())
        out = []
        for k, feat in enumerate(f_feats):
            row = [f_ids[k], float(dem_sum[k]), int(dem_n[k])]
            if capacity is not None:
                row.append(float(dem_sum[k] / capacity[k]) if capacity[k] > 0 else None)
            row += [python_value(f_loc.snap_dist[k]), str(f_status[k])]
            out.append(writers.out_feature(fields, feat, keep, row))
        sink.addFeatures(out, QgsFeatureSink.Flag.FastInsert)
        results[self.OUTPUT_FACILITIES] = dest
        timings["write"] = time.perf_counter() - t0
        feedback.setProgress(75)

        # catchment polygons
        if parameters.get(self.OUTPUT_AREAS) is not None and transit_run is not None:
            feedback.pushWarning(tr("Catchment polygons are not drawn for walk + public transport; "
                                    "OUTPUT_AREAS is not written."))
        elif parameters.get(self.OUTPUT_AREAS) is not None:
            t0 = time.perf_counter()
            feedback.setProgressText(tr("Building the catchment polygons"))
            cell = self.parameterAsDouble(parameters, self.AREA_CELL_SIZE, context)
            xmin, ymin, xmax, ymax = graph.extent()
            if not cell > 0:
                cell = float(np.clip(max(xmax - xmin, ymax - ymin) / 1000.0, 5.0, 50.0))
            dist, label = node_result
            xy, lab, scost = routing.area_labels(dist, label, cell / 2.0)
            if max_cost is not None:
                lab = np.where(scost <= max_cost, lab, -1)
            grid, x0, y_top, cell = nw.catchment_raster(xy, lab, graph.extent(), cell, max(tol, 1.5 * cell))
            check_canceled(feedback)
            polys = network_writer.polygons_from_raster(grid, x0, y_top, cell)
            area_extra = [writers.new_field("facility_id", f_id_type), writers.new_field("demand", compat.FIELD_DOUBLE, 20, 3),
                          writers.new_field("n_demand", compat.FIELD_INT)]
            if capacity is not None:
                area_extra.append(writers.new_field("utilization", compat.FIELD_DOUBLE, 20, 4))
            area_extra.append(writers.new_field("area_km2", compat.FIELD_DOUBLE, 20, 4))
            fields, _ = writers.output_fields([], area_extra)
            out_crs = facilities.sourceCrs()
            sink, dest = require_sink(self, parameters, self.OUTPUT_AREAS, context, fields,
                                      QgsWkbTypes.Type.MultiPolygon, out_crs)
            transform = QgsCoordinateTransform(crs, out_crs, context.transformContext())
            out = []
            for k in range(n_fac):
                parts = polys.get(k)
                if not parts:
                    continue
                geom = QgsGeometry.collectGeometry(parts)
                area = geom.area() / 1e6
                if crs != out_crs:
                    geom.transform(transform)
                row = [f_ids[k], float(dem_sum[k]), int(dem_n[k])]
                if capacity is not None:
                    row.append(float(dem_sum[k] / capacity[k]) if capacity[k] > 0 else None)
                row.append(area)
                nf = QgsFeature(fields)
                nf.setGeometry(geom)
                nf.setAttributes(row)
                out.append(nf)
            sink.addFeatures(out, QgsFeatureSink.Flag.FastInsert)
            results[self.OUTPUT_AREAS] = dest
            self._style_dest = dest  # styled in postProcessAlgorithm (styles.style_output)
            timings["areas"] = time.perf_counter() - t0

        timings["total"] = time.perf_counter() - t_start
        results[self.TIMINGS] = json.dumps(timings)  # read by scripts/bench.py (no module-level state)
        npar.stage_report(timings, feedback)
        n_ok = int(ok.sum())
        feedback.pushInfo(tr("{0} of {1} demand features assigned; total assigned demand {2:g}; cost unit {3}.").format(
            n_ok, len(d_fids), float(weights[ok].sum()), unit))
        return results

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        """The catchment style travels with the output (applied, stored in its GeoPackage)."""
        dest = writers.final_destination(self, getattr(self, "_style_dest", None))
        if dest:
            style_output(context, dest, lambda layer: apply_default_style(layer, "catchments"), feedback)
        return {}
