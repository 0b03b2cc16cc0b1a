"""bildungslandschaft:locationplanning – location planning (Standortplanung).

Which P candidate sites should open (new Kitas, schools, education offices)? Exact
p-median, maximal coverage or capacitated p-median (:mod:`..core.location`) with
costs from the street network or an OD table (the same semantics as
``capacityallocation``).
"""

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from .. import compat

from ..core import location, odtable
from ..translation import tr
from . import ids
from . import costs as sc
from . import network_params as net
from .network_reader import locate_points, read_network
from .readers import points_xy, read_layer
from .values import number
from .writers import new_field, out_feature, output_fields
from . import transit_params as tp
from .base import (BildungslandschaftAlgorithm, Progress, check_canceled, optional_source,
                   require_sink, require_source, working_crs)

STATUS_UNSERVED = "unserved"


class _Sites:
    """Existing facilities and candidates as one list of sites (existing first)."""

    def __init__(self, existing, candidates):
        self.existing = existing
        self.candidates = candidates
        self.n_existing = len(existing) if existing is not None else 0
        self.ids = (list(existing.ids) if existing is not None else []) + list(candidates.ids)
        self.keys = [odtable.key_text(v) for v in self.ids]

    def __len__(self):
        return len(self.ids)


class LocationPlanningAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.LOCATION_PLANNING
    GROUP_ID = ids.GROUP_SUPPLY

    FACILITIES = "FACILITIES"
    FACILITY_ID = "FACILITY_ID"
    FACILITY_CAPACITY = "FACILITY_CAPACITY"
    CANDIDATES = "CANDIDATES"
    CANDIDATE_ID = "CANDIDATE_ID"
    CANDIDATE_CAPACITY = "CANDIDATE_CAPACITY"
    P = "P"
    MODEL = "MODEL"
    TIME_LIMIT = "TIME_LIMIT"
    OUTPUT_SITES = "OUTPUT_SITES"
    OUTPUT_DEMAND = "OUTPUT_DEMAND"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"

    def displayName(self):  # noqa: N802
        return tr("Location planning (Standortplanung)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Chooses the P best of the CANDIDATES (possible sites for new Kitas, schools or offices) while the "
            "existing FACILITIES stay open. Models: p-median (least total weighted travel cost), maximal "
            "coverage (most weighted demand within MAX_COST) and capacitated p-median (demand assigned within "
            "the capacities; a demand point is split between sites only where capacities force it). The "
            "optimum is lexicographic: first as much weighted demand served (covered) as possible, then the "
            "least total weighted cost of the served demand. The result is exact: a mixed-integer program "
            "solved by HiGHS; the log and the summary report the proven optimality gap (0 = proven optimum). "
            "TIME_LIMIT bounds the whole run after reading the inputs (travel costs, solver, gains): when it runs "
            "out, the best solution found is returned with its proven gap and a warning; gains not computed in "
            "time are NULL (counted in the log). "
            "'gain' of a site: how much worse the result would be without it (the other sites staying open). "
            "Costs come from the street network (also walk + public transport: the reported percentile time "
            "per pair, MAX_COST 120 min unless given; OUTPUT_DEMAND then has walk_only, the direct walk to the "
            "site after) or from an OD_TABLE; pairs missing from the table or beyond MAX_COST are not "
            "usable.") + " " + tp.transit_help()

    def initAlgorithm(self, config=None):  # noqa: N802
        sc.add_demand_parameters(self, tr(
            "Demand per feature, e.g. children 3-5 (ew_3_5), or children weighted by need computed beforehand "
            "with the field calculator. Empty: every feature counts 1. NULL or negative values are errors."))
        self.add_param(QgsProcessingParameterFeatureSource(
            self.FACILITIES, tr("Existing facilities (stay open)"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
            tr("Facilities that exist and stay open (optional). Their ids must differ from the candidates' ids."))
        self.add_param(QgsProcessingParameterField(
            self.FACILITY_ID, tr("Facility id field"), parentLayerParameterName=self.FACILITIES, optional=True),
            tr("Unique id of every existing facility (e.g. einr_id); required with OD_TABLE. Without it the "
               "feature id is used."))
        self.add_param(QgsProcessingParameterField(
            self.FACILITY_CAPACITY, tr("Facility capacity field"), parentLayerParameterName=self.FACILITIES,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            tr("Places per existing facility (e.g. kapazitaet). Required for the capacitated model; otherwise "
               "only reported (load and utilization)."))
        self.add_param(QgsProcessingParameterFeatureSource(
            self.CANDIDATES, tr("Candidate sites"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("Possible sites (points or plots as polygons; their point on surface is used)."))
        self.add_param(QgsProcessingParameterField(
            self.CANDIDATE_ID, tr("Candidate id field"), parentLayerParameterName=self.CANDIDATES, optional=True),
            tr("Unique id of every candidate; required with OD_TABLE. Without it the feature id is used."))
        self.add_param(QgsProcessingParameterField(
            self.CANDIDATE_CAPACITY, tr("Candidate capacity field"), parentLayerParameterName=self.CANDIDATES,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            tr("Places a new facility at this candidate would have. Required for the capacitated model."))
        self.add_param(QgsProcessingParameterNumber(
            self.P, tr("Number of sites to open (P)"), QgsProcessingParameterNumber.Type.Integer, defaultValue=1,
            minValue=1),
            tr("How many candidates to open (at most the number of candidates)."))
        self.add_param(QgsProcessingParameterEnum(
            self.MODEL, tr("Model"),
            options=[tr("p-median (least total travel cost)"), tr("Maximal coverage (most demand within MAX_COST)"),
                     tr("Capacitated p-median (within capacities)")], defaultValue=0),
            tr("p-median: every demand point goes to its cheapest open site, total weighted cost as small as "
               "possible. Maximal coverage: as much weighted demand as possible within MAX_COST. Capacitated "
               "p-median: like p-median, but no site gets more than its capacity."))
        sc.add_max_cost_parameter(self, tr(
            "In the unit of the cost (metres or minutes). Maximal coverage: the coverage standard (required). "
            "p-median models: optional; pairs beyond it are not usable (walk + public transport: 120 min "
            "unless given)."))
        sc.add_cost_parameters(self)
        self.add_param(QgsProcessingParameterNumber(
            self.TIME_LIMIT, tr("Time limit (s)"), QgsProcessingParameterNumber.Type.Double, defaultValue=120.0,
            minValue=1.0),
            tr("Seconds for the whole run after reading the inputs: travel costs, optimisation and gains. When "
               "it runs out, the best solution found is returned with its proven gap and a warning; gains not "
               "computed in time are NULL."), advanced=True)
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT_SITES, tr("Sites")),
                       tr("Every existing facility and candidate: site_id, existing, selected, load, capacity, "
                          "utilization, gain (gain_served, gain_cost)."))
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT_DEMAND, tr("Demand assignment")),
                       tr("Every demand feature (one row per part where the capacitated model splits it): "
                          "site_id_before, cost_before (existing facilities only), site_id_after, cost_after, "
                          "assigned, unserved, status."))
        self.add_param(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, tr("Location planning summary"), QgsProcessing.SourceType.TypeVector),
            tr("One row: served demand, total and mean cost before and after, chosen sites, solver, proven gap, "
               "run time, gains_missing (open sites whose gain TIME_LIMIT left NULL)."))

    # -- reading -------------------------------------------------------------
    def _read_sites(self, parameters, context, feedback, capacitated):
        existing = None
        if optional_source(self, parameters, self.FACILITIES, context) is not None:
            existing = read_layer(self, parameters, context, feedback, self.FACILITIES, self.FACILITY_ID,
                                     self.FACILITY_CAPACITY, capacitated, progress=(5.0, 8.0))
        candidates = read_layer(self, parameters, context, feedback, self.CANDIDATES, self.CANDIDATE_ID,
                                   self.CANDIDATE_CAPACITY, capacitated, progress=(8.0, 10.0))
        if len(candidates) == 0:
            raise QgsProcessingException(tr("The candidate layer {0} has no features.").format(
                candidates.source.sourceName()))
        sites = _Sites(existing, candidates)
        if existing is not None:
            both = set(sites.keys[:sites.n_existing]) & set(sites.keys[sites.n_existing:])
            if both:
                raise QgsProcessingException(
                    tr("The id '{0}' occurs in FACILITIES ({1}) and in CANDIDATES ({2}); the ids of both layers "
                       "must be distinct.").format(sorted(both)[0], existing.source.sourceName(),
                                                   candidates.source.sourceName()))
        return sites

    def _od_pairs(self, parameters, context, feedback, demand, sites):
        """Pairs from OD_TABLE; destinations match FACILITY_ID or CANDIDATE_ID values."""
        table = require_source(self, parameters, sc.OD_TABLE, context)
        if not self.parameterAsString(parameters, sc.DEMAND_ID, context):
            raise QgsProcessingException(tr("With OD_TABLE choose DEMAND_ID (the ids the table's origins refer to)."))
        if not self.parameterAsString(parameters, self.CANDIDATE_ID, context) or (
                sites.existing is not None and not self.parameterAsString(parameters, self.FACILITY_ID, context)):
            raise QgsProcessingException(tr("With OD_TABLE choose CANDIDATE_ID and FACILITY_ID (the ids the "
                                            "table's destinations refer to)."))
        orig, dest, cost = sc.read_od_table(self, parameters, context, feedback, demand.ids, sites.ids,
                                            table=table)
        status = np.full(len(demand), sc.STATUS_OK, dtype=object)
        no_o, no_d = odtable.coverage(orig, dest, len(demand), len(sites))
        status[no_o] = sc.STATUS_NOT_IN_TABLE
        if no_o.size:
            feedback.pushWarning(tr("{0} demand features do not occur in OD_TABLE (status '{1}'): no site is "
                                    "reachable from them.").format(no_o.size, sc.STATUS_NOT_IN_TABLE))
        if no_d.size:
            feedback.pushWarning(tr("{0} sites do not occur in OD_TABLE; nobody can reach them: {1}").format(
                no_d.size, ", ".join(sites.keys[k] for k in no_d[:10])))
        return np.asarray(orig, np.int64), np.asarray(dest, np.int64), np.asarray(cost, float), status

    def _network_pairs(self, parameters, context, feedback, demand, sites, max_cost, capacitated, clock):
        """Pairs over the street network (the semantics of catchments / capacityallocation), or by walk +
        public transport (MODE 3: the reported percentile time per pair, :mod:`.transit_params`).

        Returns ``(orig, dest, cost, status, walk)``; *walk* (MODE 3 only, else None): the direct walks
        within MAX_COST as ``(orig, dest, minutes)``. *clock* restarts after the network is read and the
        points are located: TIME_LIMIT covers the travel costs onwards.
        """
        from ..core import network as nw

        transit = tp.is_transit(self, parameters, context)
        network_source = require_source(self, parameters, sc.NETWORK, context)
        layers = [sites.existing, sites.candidates] if sites.existing is not None else [sites.candidates]
        crs = working_crs([network_source, demand.source] + [x.source for x in layers], feedback)
        graph = read_network(self, parameters, context, feedback, crs, source=network_source)
        _mode, cost_type, tol = net.network_settings(self, parameters, context)
        check_canceled(feedback)
        d_xy = points_xy(demand, crs, context)
        s_xy = np.vstack([points_xy(x, crs, context) for x in layers])
        d_loc = locate_points(graph, d_xy, tol, sc.DEMAND, feedback)
        s_loc = locate_points(graph, s_xy, tol, tr("Sites"), feedback)
        s_status = graph.facility_status(s_loc)
        bad = np.flatnonzero(s_status != nw.OK)
        if bad.size:
            feedback.pushWarning(tr("{0} sites cannot be reached on the network ({1}): {2}").format(
                bad.size, ", ".join(sorted(set(str(s) for s in s_status[bad]))),
                ", ".join(sites.keys[k] for k in bad[:10])))
        check_canceled(feedback)
        clock.restart()
        status = np.asarray(graph.facility_status(d_loc), dtype=object)
        if transit:
            # demand x (existing + candidates): reported percentile minutes, direct walk included
            res = tp.transit_matrix(self, parameters, context, feedback, graph, crs, d_loc, s_loc, max_cost, tol)
            orig, dest, cost = tp.matrix_pairs(res.reported)
            wo, wd, ws = res.legs.direct
            walk = (np.asarray(wo, np.int64), np.asarray(wd, np.int64), np.asarray(ws, float) / 60.0)
            feedback.setProgress(30)
            return orig, dest, cost, status, walk
        routing = graph.prepare(d_loc, s_loc, cost=cost_type)
        feedback.setProgress(30)
        stop = feedback.isCanceled
        try:
            if capacitated:
                orig, dest, cost = location.all_network_pairs(routing, max_cost=max_cost, should_stop=stop,
                                                              clock=clock)
            else:
                # only the pairs that can matter (same result as all pairs, see core.location)
                orig, dest, cost = location.pruned_network_pairs(routing, sites.n_existing, max_cost=max_cost,
                                                                 should_stop=stop, clock=clock)
        except location.LocationCancelled:
            check_canceled(feedback)
            raise QgsProcessingException(tr("Cancelled.")) from None
        except location.CostsTimeUp as err:
            raise QgsProcessingException(
                tr("TIME_LIMIT ({0:g} s) ran out while the travel costs were computed ({1} of {2} network "
                   "searches done), before any site could be chosen. The capacitated model needs the cost of "
                   "every pair within MAX_COST: set MAX_COST (e.g. 3000 m on foot) or raise TIME_LIMIT.").format(
                    clock.limit, err.done, err.total)) from None
        except nw.NetworkError as err:
            net.raise_network_error(err)
        return np.asarray(orig, np.int64), np.asarray(dest, np.int64), np.asarray(cost, float), status, None

    # -- main ----------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        model = self.parameterAsEnum(parameters, self.MODEL, context)
        capacitated = model == location.MODEL_CAPACITATED
        max_cost = net.max_cost_parameter(self, parameters, context)
        if model == location.MODEL_COVERAGE and max_cost is None:
            raise QgsProcessingException(tr("Maximal coverage needs MAX_COST (the coverage standard, e.g. 500 m)."))
        p = self.parameterAsInt(parameters, self.P, context)
        time_limit = self.parameterAsDouble(parameters, self.TIME_LIMIT, context)
        use_table = sc.use_od_table(self, parameters, context)
        if not use_table and tp.is_transit(self, parameters, context):
            max_cost = tp.max_cost_or_default(max_cost)  # walk + public transport: 120 min unless given
        demand = read_layer(self, parameters, context, feedback, sc.DEMAND, sc.DEMAND_ID, sc.DEMAND_WEIGHT,
                               False, progress=(0.0, 5.0))
        sites = self._read_sites(parameters, context, feedback, capacitated)
        n_cand = len(sites.candidates)
        if p > n_cand:
            raise QgsProcessingException(tr("P = {0} but the candidate layer {1} has only {2} features.").format(
                p, sites.candidates.source.sourceName(), n_cand))
        cap_given = capacitated or (
            bool(self.parameterAsString(parameters, self.CANDIDATE_CAPACITY, context)) and
            (sites.existing is None or bool(self.parameterAsString(parameters, self.FACILITY_CAPACITY, context))))
        capacity = np.concatenate([sites.existing.values if sites.existing is not None else np.zeros(0),
                                   sites.candidates.values]) if cap_given else None

        clock = location.Clock(time_limit)  # one deadline for costs, search and gains (restarted after reading)
        walk = None
        if use_table:
            orig, dest, cost, status = self._od_pairs(parameters, context, feedback, demand, sites)
            clock.restart()
            if max_cost is not None:
                keep = cost <= max_cost
                orig, dest, cost = orig[keep], dest[keep], cost[keep]
        else:
            orig, dest, cost, status, walk = self._network_pairs(parameters, context, feedback, demand, sites,
                                                                 max_cost, capacitated, clock)
        reach = np.zeros(len(demand), dtype=bool)
        reach[orig] = True
        status = sc.mark_no_facility(status, reach, feedback)
        check_canceled(feedback)
        feedback.setProgress(40)
        feedback.pushInfo(tr("{0}: {1} demand features (weight {2:g}), {3} existing facilities, {4} candidates, "
                             "P = {5}, {6} usable pairs.").format(
            location.MODEL_NAMES[model], len(demand), float(demand.values.sum()), sites.n_existing, n_cand, p,
            len(orig)))
        try:
            res = location.solve(orig, dest, cost, demand.values, sites.n_existing, n_cand, p, model=model,
                                 capacity=capacity if capacitated else None, max_cost=max_cost,
                                 time_limit=time_limit, should_stop=feedback.isCanceled, clock=clock)
        except location.LocationCancelled:
            check_canceled(feedback)
            raise QgsProcessingException(tr("Cancelled.")) from None
        except location.LocationError as err:
            if err.code == "time_limit_no_solution":
                raise QgsProcessingException(tr("TIME_LIMIT ({0:g} s) ran out before any solution was found; "
                                                "raise TIME_LIMIT.").format(time_limit)) from None
            raise QgsProcessingException(tr("The location problem could not be solved: {0}").format(
                err.message)) from None
        feedback.setProgress(80)
        self._log(res, sites, feedback)
        sites_dest = self._write_sites(parameters, context, feedback, sites, res, capacity)
        demand_dest = self._write_demand(parameters, context, feedback, demand, sites, res, status, walk)
        summary_dest = self._write_summary(parameters, context, sites, res)
        feedback.setProgress(100)
        return {self.OUTPUT_SITES: sites_dest, self.OUTPUT_DEMAND: demand_dest, self.OUTPUT_SUMMARY: summary_dest}

    def _log(self, res, sites, feedback):
        chosen = ", ".join(sites.keys[j] for j in res.selected)
        feedback.pushInfo(tr("Chosen sites: {0}.").format(chosen))
        feedback.pushInfo(tr("Solver {0}: status {1}, proven gap {2:.3g} (served demand: {3:.3g}), {4} MILP "
                             "stage(s), {5} demand groups, {6} pairs, {7:.1f} s.").format(
            res.solver, res.status, res.gap, res.gap_served, res.stages, res.n_groups, res.n_pairs, res.seconds))
        feedback.pushInfo(tr("Served demand {0:g} of {1:g} before, {2:g} after; mean cost {3:.6g} before, "
                             "{4:.6g} after.").format(res.served_before, res.total_demand, res.served,
                                                      res.mean_cost_before, res.mean_cost))
        if res.status != location.STATUS_OPTIMAL:
            feedback.pushWarning(tr("TIME_LIMIT stopped the search: the result is the best solution found, not a "
                                    "proven optimum (proven gap {0:.3g}, served demand {1:.3g}).").format(
                res.gap, res.gap_served))
        if res.fallback:
            feedback.pushWarning(tr("TIME_LIMIT ran out before the solver found any solution; the sites are the "
                                    "ones the relaxation favours, evaluated exactly, with the proven gap above "
                                    "(inf: no bound known). Raise TIME_LIMIT for a better answer."))
        if res.gains_missing:
            feedback.pushWarning(tr("TIME_LIMIT ran out before the gain of {0} of {1} open sites was computed; "
                                    "their gain is NULL (not 0).").format(res.gains_missing, int(res.open.sum())))
        feedback.pushInfo(tr("Location planning times (s): {0}").format(
            ", ".join("{0} {1:.2f}".format(k, v) for k, v in res.timings.items())))
        if res.unreachable_demand > 0:
            feedback.pushWarning(tr("Demand {0:g} cannot reach any site (no usable pair); it stays unserved.").format(
                res.unreachable_demand))
        if "capacity_short" in res.warnings:
            feedback.pushWarning(tr("{0:g} units of demand cannot be served within the capacities (see the field "
                                    "'unserved').").format(res.total_demand - res.served - res.unreachable_demand
                                                           if res.total_demand > res.served else 0.0))

    def _write_sites(self, parameters, context, feedback, sites, res, capacity):
        layers = [sites.existing, sites.candidates] if sites.existing is not None else [sites.candidates]
        crs = sites.candidates.source.sourceCrs()
        same = len({x.source.wkbType() for x in layers}) == 1
        wkb = sites.candidates.source.wkbType() if same else QgsWkbTypes.Type.Point
        fields = QgsFields()
        for f in (QgsField("site_id", compat.FIELD_STRING, len=254), QgsField("existing", compat.FIELD_BOOL),
                  QgsField("selected", compat.FIELD_BOOL), new_field("load", compat.FIELD_DOUBLE),
                  new_field("capacity", compat.FIELD_DOUBLE), new_field("utilization", compat.FIELD_DOUBLE),
                  new_field("gain", compat.FIELD_DOUBLE), new_field("gain_served", compat.FIELD_DOUBLE),
                  new_field("gain_cost", compat.FIELD_DOUBLE)):
            fields.append(f)
        sink, dest_id = require_sink(self, parameters, self.OUTPUT_SITES, context, fields, wkb, crs)
        j = 0
        for layer in layers:
            tr_ = QgsCoordinateTransform(layer.source.sourceCrs(), crs, context.transformContext())
            for feat in layer.features:
                out = QgsFeature(fields)
                geom = feat.geometry()
                if geom is not None and not geom.isNull():
                    geom = type(geom)(geom)
                    if not same and geom.type() != QgsWkbTypes.GeometryType.PointGeometry:
                        geom = geom.pointOnSurface()
                    elif not same and geom.isMultipart():
                        geom = geom.pointOnSurface()
                    if layer.source.sourceCrs() != crs:
                        geom.transform(tr_)
                    out.setGeometry(geom)
                cap = float(capacity[j]) if capacity is not None else None
                load = float(res.load[j])
                util = load / cap if cap else None
                out.setAttributes([sites.keys[j], j < sites.n_existing, bool(res.open[j]), load, cap, util,
                                   number(res.gain[j]), number(res.gain_served[j]),
                                   number(res.gain_cost[j])])
                sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
                j += 1
        check_canceled(feedback)
        return dest_id

    def _write_demand(self, parameters, context, feedback, demand, sites, res, status, walk=None):
        extra = [
            QgsField("site_id_before", compat.FIELD_STRING, len=254), new_field("cost_before", compat.FIELD_DOUBLE),
            QgsField("site_id_after", compat.FIELD_STRING, len=254), new_field("cost_after", compat.FIELD_DOUBLE),
            new_field("assigned", compat.FIELD_DOUBLE), new_field("unserved", compat.FIELD_DOUBLE),
            new_field("status", compat.FIELD_STRING, 40)]
        walk_of = None
        if walk is not None:
            # MODE 3: the direct walk (minutes) to the site after, so that the gain of transit is visible
            extra.append(new_field("walk_only", compat.FIELD_DOUBLE))
            n_sites = len(sites)
            wkey = walk[0] * n_sites + walk[1]
            worder = np.argsort(wkey)
            wkey, wmin = wkey[worder], walk[2][worder]

            def _walk(i, j):
                k = int(np.searchsorted(wkey, i * n_sites + j))
                return float(wmin[k]) if k < wkey.size and wkey[k] == i * n_sites + j else None
            walk_of = _walk
        fields, keep = output_fields(demand.source.fields(), extra, feedback, demand.source.sourceName())
        sink, dest_id = require_sink(self, parameters, self.OUTPUT_DEMAND, context, fields,
                                     demand.source.wkbType(), demand.source.sourceCrs())
        keys = sites.keys
        order = np.argsort(res.part_orig, kind="stable")
        po = res.part_orig[order]
        starts = np.searchsorted(po, np.arange(len(demand) + 1))
        bar = Progress(feedback, len(demand), 85.0, 98.0)
        for k, feat in enumerate(demand.features):
            if not bar.tick():
                check_canceled(feedback)
            sb = int(res.site_before[k])
            before = [keys[sb] if sb >= 0 else None, number(res.cost_before[k]) if sb >= 0 else None]
            st = str(status[k])
            parts = order[starts[k]:starts[k + 1]]
            if parts.size == 0:
                parts = [None]
            for q in parts:
                s = -1
                if q is None:
                    values = before + [None, None, 0.0, 0.0, st]
                else:
                    s = int(res.part_site[q])
                    amount = float(res.part_amount[q])
                    if s >= 0:
                        values = before + [keys[s], number(res.part_cost[q]), amount, 0.0, st]
                    else:
                        values = before + [None, None, 0.0, amount,
                                           STATUS_UNSERVED if st == sc.STATUS_OK else st]
                if walk_of is not None:
                    values.append(walk_of(k, s) if s >= 0 else None)
                sink.addFeature(out_feature(fields, feat, keep, values), QgsFeatureSink.Flag.FastInsert)
        return dest_id

    def _write_summary(self, parameters, context, sites, res):
        fields = QgsFields()
        spec = [("model", compat.FIELD_STRING), ("p", compat.FIELD_INT), ("selected_ids", compat.FIELD_STRING),
                ("total_demand", compat.FIELD_DOUBLE), ("served_before", compat.FIELD_DOUBLE),
                ("served_after", compat.FIELD_DOUBLE), ("unreachable", compat.FIELD_DOUBLE),
                ("total_cost_before", compat.FIELD_DOUBLE), ("total_cost_after", compat.FIELD_DOUBLE),
                ("mean_cost_before", compat.FIELD_DOUBLE), ("mean_cost_after", compat.FIELD_DOUBLE),
                ("solver", compat.FIELD_STRING), ("status", compat.FIELD_STRING), ("gap", compat.FIELD_DOUBLE),
                ("gap_served", compat.FIELD_DOUBLE), ("seconds", compat.FIELD_DOUBLE), ("groups", compat.FIELD_INT),
                ("pairs", compat.FIELD_INT), ("gains_missing", compat.FIELD_INT)]
        for name, vtype in spec:
            fields.append(QgsField(name, vtype, len=10000 if vtype == compat.FIELD_STRING else 0))
        sink, dest_id = require_sink(self, parameters, self.OUTPUT_SUMMARY, context, fields,
                                     QgsWkbTypes.Type.NoGeometry, sites.candidates.source.sourceCrs())
        row = QgsFeature(fields)
        row.setAttributes([location.MODEL_NAMES[res.model], int(res.p),
                           ", ".join(sites.keys[j] for j in res.selected), res.total_demand, res.served_before,
                           res.served, res.unreachable_demand, res.cost_total_before, res.cost_total,
                           number(res.mean_cost_before), number(res.mean_cost), res.solver, res.status,
                           number(res.gap), number(res.gap_served), float(res.seconds), int(res.n_groups),
                           int(res.n_pairs), int(res.gains_missing)])
        sink.addFeature(row, QgsFeatureSink.Flag.FastInsert)
        return dest_id
