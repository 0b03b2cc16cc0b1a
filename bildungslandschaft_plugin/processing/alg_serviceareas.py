"""``bildungslandschaft:serviceareas`` – isochrone polygons that follow the reached streets."""

import json
import time

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import network as nw
from ..rendering.styles import apply_threshold_style, style_output
from ..translation import tr
from . import ids, network_reader, network_writer, readers, writers
from . import network_params as npar
from .base import BildungslandschaftAlgorithm, Progress, check_canceled, require_source, working_crs


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
        t_start = time.perf_counter()
        network, facilities = (require_source(self, parameters, name, context)
                               for name in (npar.NETWORK, self.FACILITIES))
        demand = require_source(self, parameters, self.DEMAND, context) if parameters.get(self.DEMAND) else None
        _mode, cost, tol = npar.network_settings(self, parameters, context)
        thresholds = npar.parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context))
        width = self.parameterAsDouble(parameters, self.BUFFER, context)
        dissolve = self.parameterAsBoolean(parameters, self.DISSOLVE, context)
        crs = working_crs([network, facilities, demand], feedback)

        feedback.setProgressText(tr("Reading the network"))
        graph = network_reader.read_network(self, parameters, context, feedback, crs, source=network)
        timings = {"read": graph.timings["read"], "build_graph": graph.timings["build_graph"]}
        t0 = time.perf_counter()
        fac = readers.read_facilities(facilities, crs, context, feedback,
                                      self.parameterAsString(parameters, self.FACILITY_ID, context))
        if demand is not None:
            _d_fids, d_xy, d_feats = readers.read_points(demand, crs, context, feedback, with_features=True)
            weights, _n = readers.numeric_values(demand, d_feats, self.parameterAsString(
                parameters, self.DEMAND_WEIGHT, context), self.DEMAND_WEIGHT, feedback=feedback)
        timings["read"] += time.perf_counter() - t0
        check_canceled(feedback)

        t0 = time.perf_counter()
        locs = [network_reader.locate_points(graph, fac.xy, tol, self.FACILITIES, feedback)]
        if demand is not None:
            locs.append(network_reader.locate_points(graph, d_xy, tol, self.DEMAND, feedback))
        timings["snap"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        routing = graph.prepare(*locs, cost=cost)
        timings["split"] = time.perf_counter() - t0
        check_canceled(feedback)
        demand_sums = None
        if demand is not None:  # demand within each threshold (network cost, demand -> facility)
            t0 = time.perf_counter()
            feedback.setProgressText(tr("Summing the demand within the thresholds"))
            demand_sums = nw.demand_within(routing, weights, thresholds, dissolve, len(fac.feats))
            timings["demand"] = time.perf_counter() - t0
        check_canceled(feedback)

        writer = network_writer.PolygonWriter(
            self, parameters, context, self.OUTPUT, network_writer.service_area_fields(fac.id_type, dissolve, demand is not None),
            crs, facilities.sourceCrs())
        feedback.setProgressText(tr("Building the service areas"))
        network_writer.write_service_areas(writer, routing, thresholds, width, dissolve, fac.ids,
                                           int((locs[0].status == nw.OK).sum()), demand_sums,
                                           Progress(feedback, len(fac.feats), 40, 100), feedback, timings)
        timings["total"] = time.perf_counter() - t_start
        npar.stage_report(timings, feedback)
        self._style = (writer.dest, thresholds, npar.cost_unit(cost))
        return {self.OUTPUT: writer.dest, self.TIMINGS: json.dumps(timings)}  # read by scripts/bench_osm.py

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        """The style travels with the output: applied to it, stored in its GeoPackage (see styles.style_output)."""
        style = getattr(self, "_style", None)
        if style is not None:
            dest, thresholds, unit = style
            dest = writers.final_destination(self, dest)
            style_output(context, dest, lambda layer: apply_threshold_style(layer, "threshold", thresholds, unit),
                         feedback)
        return {}
