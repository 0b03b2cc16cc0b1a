"""``bildungslandschaft:accessibility`` – cost to the nearest facility, counts within thresholds, district figures."""

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ..core import network as nw
from ..core import stats
from ..translation import tr
from . import ids, network_reader, network_writer, readers, writers
from . import network_params as npar
from . import transit_params as tp
from .base import (
    BildungslandschaftAlgorithm,
    check_canceled,
    optional_source,
    require_field,
    require_source,
    working_crs,
)
from .nearest_search import costs_to_facilities


class AccessibilityAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.ACCESSIBILITY
    GROUP_ID = ids.GROUP_NETWORK

    FACILITIES = npar.FACILITIES
    FACILITY_ID = npar.FACILITY_ID
    CATEGORY = npar.CATEGORY
    DEMAND = npar.DEMAND
    DEMAND_WEIGHT = npar.DEMAND_WEIGHT
    THRESHOLDS = "THRESHOLDS"
    DISTRICTS = "DISTRICTS"
    DISTRICT_ID = "DISTRICT_ID"
    OUTPUT_DEMAND = "OUTPUT_DEMAND"
    OUTPUT_DISTRICTS = "OUTPUT_DISTRICTS"

    def displayName(self):  # noqa: N802
        return tr("Accessibility (network cost to facilities)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "For every demand feature: the network cost to the nearest facility (cost, facility_id), "
            "per facility category (cost_<category>) when CATEGORY is given, and the number of facilities "
            "within each threshold (n_<threshold>). With DISTRICTS: per district the demand-weighted mean "
            "and median cost of the reached demand and the weighted share (percent) of all demand within each "
            "threshold (share_<threshold>).") + " " + tp.transit_help()

    def initAlgorithm(self, config=None):  # noqa: N802
        npar.add_network_parameters(self)
        npar.add_facility_parameters(self, category=True)
        npar.add_demand_parameters(self)
        tp.add_transit_parameters(self)
        self.add_param(
            QgsProcessingParameterString(self.THRESHOLDS, tr("Thresholds"), defaultValue="500,1000,1500"),
            tr("Comma-separated list of costs in the unit of the cost (metres or minutes), e.g. 500,1000,1500."))
        self.add_param(
            QgsProcessingParameterFeatureSource(self.DISTRICTS, tr("Districts"), [QgsProcessing.SourceType.TypeVectorPolygon],
                                                optional=True),
            tr("Optional district polygons (Ortsteile, Planungsräume) for the district table."))
        self.add_param(
            QgsProcessingParameterField(self.DISTRICT_ID, tr("District key field"),
                                        parentLayerParameterName=self.DISTRICTS, optional=True),
            tr("Key of the districts written to the demand output as district_id (default: the feature id)."))
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT_DEMAND, tr("Demand with accessibility"),
                                                         QgsProcessing.SourceType.TypeVectorAnyGeometry),
                       tr("Every demand feature with cost, facility_id, snap_dist, status, cost per category and "
                          "facility counts per threshold."))
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT_DISTRICTS, tr("Districts with accessibility"),
                                                         QgsProcessing.SourceType.TypeVectorPolygon, optional=True),
                       tr("Per district: demand, reached demand, weighted mean and median cost, share within "
                          "each threshold (percent)."))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        network, facilities, demand = (require_source(self, parameters, name, context)
                                       for name in (npar.NETWORK, self.FACILITIES, self.DEMAND))
        districts = optional_source(self, parameters, self.DISTRICTS, context)
        _mode, cost, tol = npar.network_settings(self, parameters, context)
        thresholds = npar.parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context))
        crs = working_crs([network, facilities, demand], feedback)
        cat_field = self.parameterAsString(parameters, self.CATEGORY, context)
        did_field = self.parameterAsString(parameters, self.DISTRICT_ID, context)
        cat_idx = require_field(facilities, cat_field, self.CATEGORY) if cat_field else -1
        did_idx = require_field(districts, did_field, self.DISTRICT_ID) if (did_field and districts) else -1

        feedback.setProgressText(tr("Reading the network"))
        graph = network_reader.read_network(self, parameters, context, feedback, crs, source=network)
        fac = readers.read_facilities(facilities, crs, context, feedback,
                                      self.parameterAsString(parameters, self.FACILITY_ID, context))
        d_fids, d_xy, d_feats, weights = readers.read_weighted_demand(
            self, parameters, context, feedback, crs, demand, self.parameterAsString(parameters, self.DEMAND_WEIGHT, context))
        check_canceled(feedback)
        feedback.setProgress(30)

        feedback.setProgressText(tr("Searching the nearest facilities"))
        f_loc = network_reader.locate_points(graph, fac.xy, tol, self.FACILITIES, feedback)
        d_loc = network_reader.locate_points(graph, d_xy, tol, self.DEMAND, feedback)
        cats = np.array([("" if f.attributes()[cat_idx] is None else str(f.attributes()[cat_idx]))
                         for f in fac.feats], dtype=object) if cat_idx >= 0 else np.zeros(0, dtype=object)
        categories = network_writer.category_fields(cats.tolist())
        res = costs_to_facilities(self, parameters, context, feedback, graph, crs, d_loc, f_loc, cost, tol,
                                  [cats == value for value, _name in categories], max(thresholds))
        ok = res.status == nw.OK
        counts = stats.counts_within(res.pairs[0], res.pairs[2], thresholds, len(d_fids))
        check_canceled(feedback)
        feedback.setProgress(65)
        district_idx = polys = None
        if districts is not None:
            feedback.setProgressText(tr("Assigning demand to districts"))
            district_idx, polys = readers.district_of_points(districts, crs, context, d_xy, feedback)
            n_out = int(((district_idx < 0) & np.isfinite(d_xy).all(axis=1)).sum())
            if n_out:
                feedback.pushWarning(tr("{0} demand features lie in no district.").format(n_out))

        feedback.setProgressText(tr("Writing the results"))
        extra, columns = network_writer.accessibility_columns(
            fac, res, d_loc.snap_dist, categories, thresholds, counts, districts, did_idx, polys, district_idx)
        results = {self.OUTPUT_DEMAND: network_writer.write_demand_costs(
            self, parameters, context, feedback, self.OUTPUT_DEMAND, demand, d_fids, d_feats, fac.id_type, columns,
            extra, walk_only=res.walk_only, progress=(65, 95))}
        if districts is not None and parameters.get(self.OUTPUT_DISTRICTS) is not None:
            results[self.OUTPUT_DISTRICTS] = writers.write_rows(
                self, parameters, context, self.OUTPUT_DISTRICTS, districts, polys, network_writer.district_cost_fields(thresholds),
                list(zip(*stats.district_cost_figures(district_idx, len(polys), weights, res.cost, ok, thresholds))),
                feedback=feedback)
        elif parameters.get(self.OUTPUT_DISTRICTS) is not None and districts is None:
            # an empty district table would be misleading: tell the user
            feedback.pushInfo(tr("No DISTRICTS given: OUTPUT_DISTRICTS is not written."))
        npar.stage_report(dict(graph.timings), feedback)
        return results

