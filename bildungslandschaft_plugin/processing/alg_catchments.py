"""``bildungslandschaft:catchments`` – nearest facility of every demand feature over the network."""

import json
import time

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core import network as nw
from ..core import stats
from ..rendering.styles import apply_default_style, style_output
from ..translation import tr
from . import ids, network_reader, network_writer, readers, writers
from . import network_params as npar
from . import transit_params as tp
from .base import BildungslandschaftAlgorithm, check_canceled, require_source, secondary_sink, working_crs
from .nearest_search import search_nearest, snap_facilities_and_demand
from .values import nullable_floats


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
        t_start = time.perf_counter()
        self._style_dest = None
        network, facilities, demand = (require_source(self, parameters, name, context)
                                       for name in (npar.NETWORK, self.FACILITIES, self.DEMAND))
        _mode, cost, tol = npar.network_settings(self, parameters, context)
        max_cost = npar.max_cost_parameter(self, parameters, context)
        crs = working_crs([network, facilities, demand], feedback)
        cap_field = self.parameterAsString(parameters, self.CAPACITY, context)
        feedback.setProgressText(tr("Reading the network"))
        graph = network_reader.read_network(self, parameters, context, feedback, crs, source=network)
        t0 = time.perf_counter()
        fac = readers.read_facilities(facilities, crs, context, feedback,
                                      self.parameterAsString(parameters, self.FACILITY_ID, context))
        d_fids, d_xy, d_feats, weights = readers.read_weighted_demand(
            self, parameters, context, feedback, crs, demand, self.parameterAsString(parameters, self.DEMAND_WEIGHT, context))
        capacity = readers.numeric_values(facilities, fac.feats, cap_field, self.CAPACITY, feedback=feedback)[0] \
            if cap_field else None
        timings = {"read": graph.timings["read"] + time.perf_counter() - t0, "build_graph": graph.timings["build_graph"]}
        check_canceled(feedback)

        feedback.setProgressText(tr("Snapping to the network"))
        t0 = time.perf_counter()
        f_loc, d_loc, f_status = snap_facilities_and_demand(graph, fac.xy, d_xy, tol, feedback)
        timings["snap"] = time.perf_counter() - t0
        check_canceled(feedback)
        feedback.setProgressText(tr("Searching the nearest facilities"))
        feedback.setProgress(40)
        t0 = time.perf_counter()
        near = search_nearest(self, parameters, context, feedback, graph, crs, d_loc, f_loc, cost, max_cost, tol)
        ok = near.status == nw.OK
        dem_sum, dem_n = stats.group_sums(near.facility, weights, len(fac.ids), ok)
        util = stats.ratio_or_nan(dem_sum, capacity) if capacity is not None else None
        timings["search"] = time.perf_counter() - t0
        check_canceled(feedback)
        feedback.setProgress(55)

        feedback.setProgressText(tr("Writing the results"))
        t0 = time.perf_counter()
        results = {self.OUTPUT_DEMAND: network_writer.write_demand_costs(
            self, parameters, context, feedback, self.OUTPUT_DEMAND, demand, d_fids, d_feats, fac.id_type,
            network_writer.demand_columns(fac.ids, near.facility, near.cost, near.status, d_loc.snap_dist),
            walk_only=near.walk_only, progress=(55, 75))}
        results[self.OUTPUT_FACILITIES] = writers.write_rows(
            self, parameters, context, self.OUTPUT_FACILITIES, facilities, fac.feats,
            network_writer.facility_total_fields(fac.id_type, util is not None) + network_writer.snap_fields(),
            network_writer.facility_total_columns(fac.ids, dem_sum, dem_n, util)
            + [nullable_floats(f_loc.snap_dist), [str(v) for v in f_status]], open_sink=secondary_sink,
            feedback=feedback)
        timings["write"] = time.perf_counter() - t0
        feedback.setProgress(75)
        if parameters.get(self.OUTPUT_AREAS) is not None and near.routing is None:
            feedback.pushWarning(tr("Catchment polygons are not drawn for walk + public transport; "
                                    "OUTPUT_AREAS is not written."))
        elif parameters.get(self.OUTPUT_AREAS) is not None:
            t0 = time.perf_counter()
            feedback.setProgressText(tr("Building the catchment polygons"))
            grid = nw.catchment_grid(near.routing, near.node_result,
                                     self.parameterAsDouble(parameters, self.AREA_CELL_SIZE, context), tol, max_cost)
            check_canceled(feedback)
            self._style_dest = results[self.OUTPUT_AREAS] = network_writer.write_catchment_areas(
                self, parameters, context, self.OUTPUT_AREAS, grid, crs, facilities.sourceCrs(),
                network_writer.facility_total_fields(fac.id_type, util is not None),
                network_writer.facility_total_columns(fac.ids, dem_sum, dem_n, util))
            timings["areas"] = time.perf_counter() - t0

        timings["total"] = time.perf_counter() - t_start
        results[self.TIMINGS] = json.dumps(timings)  # read by scripts/bench.py (no module-level state)
        npar.stage_report(timings, feedback)
        feedback.pushInfo(tr("{0} of {1} demand features assigned; total assigned demand {2:g}; cost unit {3}.").format(
            int(ok.sum()), len(d_fids), float(weights[ok].sum()), npar.cost_unit(cost)))
        return results

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        """The catchment style travels with the output (applied, stored in its GeoPackage)."""
        dest = writers.final_destination(self, getattr(self, "_style_dest", None))
        if dest:
            style_output(context, dest, lambda layer: apply_default_style(layer, "catchments"), feedback)
        return {}
