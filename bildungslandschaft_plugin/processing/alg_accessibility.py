"""``bildungslandschaft:accessibility`` – cost to the nearest facility, counts within thresholds, district figures."""

import re

import numpy as np
from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)
from .. import compat

from ..core import network as nw
from ..translation import tr
from . import ids
from . import network_reader
from . import network_writer
from . import readers
from .values import nullable_floats
from . import writers
from . import network_params as npar
from . import transit_params as tp
from .base import (
    BildungslandschaftAlgorithm,
    Progress,
    check_canceled,
    require_field,
    require_sink,
    optional_source,
    require_source,
    working_crs,
)
from .readers import district_of_points


def field_suffix(text):
    """'Grundschule' -> 'grundschule', 'Volks-Hochschule 2' -> 'volks_hochschule_2'."""
    text = str(text).strip().lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    return text or "x"


def weighted_median(values, weights):
    """Smallest value whose cumulative weight reaches half of the total (None when empty)."""
    m = weights > 0
    values, weights = values[m], weights[m]
    if len(values) == 0:
        return None
    order = np.argsort(values, kind="stable")
    cum = np.cumsum(weights[order])
    k = int(np.searchsorted(cum, cum[-1] / 2.0))
    return float(values[order][min(k, len(values) - 1)])


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
        network = require_source(self, parameters, npar.NETWORK, context)
        facilities = require_source(self, parameters, self.FACILITIES, context)
        demand = require_source(self, parameters, self.DEMAND, context)
        districts = optional_source(self, parameters, self.DISTRICTS, context)
        mode, cost, tol = npar.network_settings(self, parameters, context)
        thresholds = npar.parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context))
        crs = working_crs([network, facilities, demand], feedback)
        npar.log_reprojection([(npar.NETWORK, network), (self.FACILITIES, facilities), (self.DEMAND, demand),
                               (self.DISTRICTS, districts)], crs, feedback)
        fid_field = self.parameterAsString(parameters, self.FACILITY_ID, context)
        cat_field = self.parameterAsString(parameters, self.CATEGORY, context)
        weight_field = self.parameterAsString(parameters, self.DEMAND_WEIGHT, context)
        did_field = self.parameterAsString(parameters, self.DISTRICT_ID, context)
        cat_idx = require_field(facilities, cat_field, self.CATEGORY) if cat_field else -1
        did_idx = require_field(districts, did_field, self.DISTRICT_ID) if (did_field and districts) else -1

        feedback.setProgressText(tr("Reading the network"))
        graph = network_reader.read_network(self, parameters, context, feedback, crs, source=network)
        f_fids, f_xy, f_feats = readers.read_points(facilities, crs, context, feedback, with_features=True)
        f_ids, f_id_type = readers.facility_ids(facilities, f_feats, f_fids, fid_field)
        d_fids, d_xy, d_feats, weights = readers.read_weighted_demand(self, parameters, context, feedback, crs,
                                                                   demand, weight_field)
        check_canceled(feedback)
        feedback.setProgress(30)

        feedback.setProgressText(tr("Searching the nearest facilities"))
        f_loc = network_reader.locate_points(graph, f_xy, tol, self.FACILITIES, feedback)
        d_loc = network_reader.locate_points(graph, d_xy, tol, self.DEMAND, feedback)
        transit_run = None
        if tp.is_transit(self, parameters, context):  # walk + public transport: the reported-time matrix
            transit_run = tp.transit_matrix(self, parameters, context, feedback, graph, crs, d_loc, f_loc,
                                            tp.DEFAULT_MAX_COST, tol)
            fac, costs, status = tp.nearest_from_matrix(transit_run.reported, d_loc.status)
        else:
            routing = graph.prepare(d_loc, f_loc, cost=cost)
            fac, costs, status = routing.nearest(0, 1)
        ok = status == nw.OK
        categories = []
        cat_costs = []
        if cat_idx >= 0:
            cats = np.array([("" if f.attributes()[cat_idx] is None else str(f.attributes()[cat_idx]))
                             for f in f_feats], dtype=object)
            used = set()
            for value in sorted(set(cats.tolist())):
                check_canceled(feedback)
                name = "cost_" + field_suffix(value)
                base, n = name, 2
                while name in used:
                    name = "{}_{}".format(base, n)
                    n += 1
                used.add(name)
                if transit_run is not None:
                    _f, c, _s = tp.nearest_from_matrix(transit_run.reported, d_loc.status, subset=cats == value)
                else:
                    _f, c, _s = routing.nearest(0, 1, subset=cats == value)
                categories.append((value, name))
                cat_costs.append(np.where(ok & np.isfinite(c), c, np.nan))
        feedback.setProgress(50)
        if transit_run is not None:
            oi, di, cc = tp.matrix_pairs(transit_run.reported)
        else:
            oi, di, cc = routing.od_matrix(0, 1, max_cost=max(thresholds))
        counts = [np.bincount(oi[cc <= t], minlength=len(d_fids)) for t in thresholds]
        check_canceled(feedback)
        feedback.setProgress(65)

        district_idx = None
        d_feats_poly = []
        if districts is not None:
            feedback.setProgressText(tr("Assigning demand to districts"))
            district_idx, d_feats_poly = district_of_points(districts, crs, context, d_xy, feedback)
            n_out = int(((district_idx < 0) & np.isfinite(d_xy).all(axis=1)).sum())
            if n_out:
                feedback.pushWarning(tr("{0} demand features lie in no district.").format(n_out))

        # demand output
        feedback.setProgressText(tr("Writing the results"))
        extra = [writers.new_field("facility_id", f_id_type), writers.new_field("cost", compat.FIELD_DOUBLE, 20, 3),
                 writers.new_field("snap_dist", compat.FIELD_DOUBLE, 20, 3), writers.new_field("status", compat.FIELD_STRING, 20)]
        extra += [writers.new_field(name, compat.FIELD_DOUBLE, 20, 3) for _v, name in categories]
        extra += [writers.new_field("n_" + npar.threshold_label(t), compat.FIELD_INT) for t in thresholds]
        if district_idx is not None:
            dtype = districts.fields().at(did_idx).type() if did_idx >= 0 else compat.FIELD_LONGLONG
            extra.append(writers.new_field("district_id", dtype))
        if transit_run is not None:
            extra.append(writers.new_field("walk_only", compat.FIELD_DOUBLE, 20, 3))
        fields, keep = writers.output_fields(demand.fields(), extra)
        sink, dest = require_sink(self, parameters, self.OUTPUT_DEMAND, context, fields, demand.wkbType(),
                                  demand.sourceCrs())
        # the new columns as Python lists (numpy), then one pass over the features
        columns = list(network_writer.demand_columns(f_ids, np.where(ok, fac, -1), costs, status, d_loc.snap_dist))
        columns[1] = nullable_floats(costs, ok)
        columns += [nullable_floats(c) for c in cat_costs]
        for c in counts:
            col = c.astype(object)
            col[~ok] = None
            columns.append(col.tolist())
        if district_idx is not None:
            values = np.empty(len(d_feats_poly) + 1, dtype=object)
            values[:-1] = [poly.attributes()[did_idx] if did_idx >= 0 else int(poly.id()) for poly in d_feats_poly]
            values[-1] = None
            columns.append(values[np.asarray(district_idx, dtype=np.int64)].tolist())
        if transit_run is not None:
            columns.append(nullable_floats(tp.walk_only_column(transit_run.walk_only)))
        writers.write_features(sink, demand.getFeatures() if d_feats is None else d_feats, keep, columns,
                            Progress(feedback, len(d_fids), 65, 95), feedback,
                            fids=d_fids if d_feats is None else None)
        results = {self.OUTPUT_DEMAND: dest}

        if districts is not None and parameters.get(self.OUTPUT_DISTRICTS) is not None:
            extra = [writers.new_field("demand", compat.FIELD_DOUBLE, 20, 3),
                     writers.new_field("demand_reached", compat.FIELD_DOUBLE, 20, 3),
                     writers.new_field("mean_cost", compat.FIELD_DOUBLE, 20, 3),
                     writers.new_field("median_cost", compat.FIELD_DOUBLE, 20, 3)]
            extra += [writers.new_field("share_" + npar.threshold_label(t), compat.FIELD_DOUBLE, 20, 2) for t in thresholds]
            fields, keep = writers.output_fields(districts.fields(), extra)
            sink, dest = require_sink(self, parameters, self.OUTPUT_DISTRICTS, context, fields,
                                      districts.wkbType(), districts.sourceCrs())
            finite_cost = np.where(ok, costs, np.inf)
            out = []
            for j, feat in enumerate(d_feats_poly):
                m = district_idx == j
                w = weights[m]
                c = finite_cost[m]
                reached = np.isfinite(c)
                total = float(w.sum())
                w_r = float(w[reached].sum())
                mean = float((w[reached] * c[reached]).sum() / w_r) if w_r > 0 else None
                median = weighted_median(c[reached], w[reached]) if w_r > 0 else None
                shares = [float(100.0 * w[c <= t].sum() / total) if total > 0 else None for t in thresholds]
                out.append(writers.out_feature(fields, feat, keep, [total, w_r, mean, median] + shares))
            sink.addFeatures(out, QgsFeatureSink.Flag.FastInsert)
            results[self.OUTPUT_DISTRICTS] = dest
        elif parameters.get(self.OUTPUT_DISTRICTS) is not None and districts is None:
            # an empty district table would be misleading: tell the user
            feedback.pushInfo(tr("No DISTRICTS given: OUTPUT_DISTRICTS is not written."))
        npar.stage_report({k: v for k, v in graph.timings.items()}, feedback)
        return results

