"""bildungslandschaft:capacityallocation – capacity-aware allocation (Kapazitätsorientierte Zuordnung)."""

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)
from .. import compat

from ..core import allocation
from ..translation import tr
from . import ids
from .values import number
from . import network_params as npar
from . import readers
from . import writers
from . import costs as sc
from . import transit_params as tp
from .base import BildungslandschaftAlgorithm, Progress, check_canceled, require_sink, secondary_sink


class CapacityAllocationAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.CAPACITY_ALLOCATION
    GROUP_ID = ids.GROUP_SUPPLY

    CAPACITY = "CAPACITY"
    OUTPUT_DEMAND = "OUTPUT_DEMAND"
    OUTPUT_FACILITIES = "OUTPUT_FACILITIES"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"

    def displayName(self):  # noqa: N802
        return tr("Capacity-aware allocation (Kapazitätsorientierte Zuordnung)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Assigns weighted demand (e.g. children 6-9 at addresses) to facilities with capacities so that "
            "the total travel cost is as small as possible while no facility gets more than its CAPACITY "
            "(the transport problem, solved exactly; optimality is checked with a duality certificate). "
            "As much demand as the capacities and reachable pairs allow is served; the rest is reported as "
            "'unserved'. A demand point is split between facilities only where capacities force it (one row "
            "per part). The facility output compares 'load' and 'utilization' with the load under plain "
            "nearest-facility assignment ('load_nearest'), which ignores capacity. Costs come from the street "
            "network or from an OD_TABLE; pairs missing from the table or beyond MAX_COST are not reachable.")

    def initAlgorithm(self, config=None):  # noqa: N802
        sc.add_demand_parameters(self, tr("Demand per feature, e.g. children 6-9 (ew_6_9). Empty: every feature "
                                          "counts 1. NULL or negative values are errors."))
        sc.add_facility_parameters(self, self.CAPACITY, tr("Capacity field (places)"),
                                   tr("Places per facility (e.g. kapazitaet). NULL or negative values are errors."))
        sc.add_cost_parameters(self)
        sc.add_max_cost_parameter(self, tr(
            "Optional limit in the unit of the cost (metres or minutes): demand is never assigned to a facility "
            "farther away. Empty: no limit."))
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT_DEMAND, tr("Allocation (demand)")),
                       tr("One row per part of a demand feature: facility_id, cost, assigned, unserved."))
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT_FACILITIES, tr("Utilisation (facilities)"),
                                                         optional=True, createByDefault=True),
                       tr("The facilities with load, capacity, utilization and the nearest-assignment load."))
        self.add_param(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, tr("Allocation summary"), QgsProcessing.SourceType.TypeVector, optional=True,
            createByDefault=True),
            tr("One row: total and mean cost, unserved demand, facilities overloaded under nearest assignment."))

    def _network_allocation(self, parameters, context, feedback, demand, facilities, capacity, max_cost):
        """Allocation over the street network with bounded searches, widened until optimal."""
        from ..core import network as nw

        routing, status = sc.network_routing(self, parameters, context, feedback, demand, facilities)
        _fac, nearest_cost, nearest_status = routing.nearest(0, 1)
        status = np.where((status == sc.STATUS_OK) & (nearest_status == nw.UNREACHABLE), nw.UNREACHABLE, status)
        reach = np.isfinite(nearest_cost)
        if max_cost is not None:
            reach &= nearest_cost <= max_cost
        status = sc.mark_no_facility(status.astype(object), reach, feedback)
        check_canceled(feedback)
        feedback.setProgress(40)

        def pairs_within(radius):
            check_canceled(feedback)
            try:
                return routing.od_matrix(0, 1, max_cost=radius)
            except nw.NetworkError as err:
                npar.raise_network_error(err)

        result = allocation.allocate_widening(pairs_within, nearest_cost, demand.values, capacity, limit=max_cost,
                                              should_stop=feedback.isCanceled)
        return result, status

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        max_cost = sc.max_cost_value(self, parameters, context)
        demand = readers.read_layer(self, parameters, context, feedback, sc.DEMAND, sc.DEMAND_ID, sc.DEMAND_WEIGHT,
                               False, progress=(0.0, 5.0))
        facilities = readers.read_layer(self, parameters, context, feedback, sc.FACILITIES, sc.FACILITY_ID,
                                   self.CAPACITY, True, progress=(5.0, 10.0))
        capacity = facilities.values
        if capacity.sum() <= 0:
            raise QgsProcessingException(
                tr("Every facility has capacity 0 in {0}; nobody can be assigned.").format(self.CAPACITY))
        try:
            if sc.use_od_table(self, parameters, context) or tp.is_transit(self, parameters, context):
                orig, dest, cost, status = sc.cost_pairs(self, parameters, context, feedback, demand, facilities,
                                                         max_cost)
                check_canceled(feedback)
                feedback.setProgress(60)
                result = allocation.allocate(orig, dest, cost, demand.values, capacity,
                                             should_stop=feedback.isCanceled)
            else:
                result, status = self._network_allocation(parameters, context, feedback, demand, facilities,
                                                          capacity, max_cost)
        except allocation.AllocationCancelled:
            check_canceled(feedback)
            raise
        except allocation.AllocationError as err:
            raise QgsProcessingException(tr("The allocation could not be solved: {0}").format(str(err))) from None
        feedback.pushInfo(tr("Allocation solved in {0:.2f} s ({1} pairs, {2} demand groups, solver {3}, "
                             "duality gap {4:.1e}).").format(result.seconds, result.n_pairs, result.n_groups, result.solver,
                                                             result.gap if result.solver == "ssp" else 0.0))
        if result.radius is not None:
            feedback.pushInfo(tr("Network searches bounded at cost {0:.6g} ({1} rounds); the duality certificate "
                                 "proves the allocation optimal over all pairs.").format(result.radius, result.rounds))
        elif result.rounds > 1:
            feedback.pushInfo(tr("Network searches widened to all pairs ({0} rounds).").format(result.rounds))
        feedback.setProgress(80)

        # -- demand output: one row per part (or one row for a point without demand / without parts)
        d_fields, d_keep = writers.output_fields(demand.source.fields(), [
            writers.id_field("facility_id", facilities.id_type), writers.new_field("cost", compat.FIELD_DOUBLE),
            writers.new_field("assigned", compat.FIELD_DOUBLE), writers.new_field("unserved", compat.FIELD_DOUBLE),
            writers.new_field("status", compat.FIELD_STRING, 40)], feedback, demand.source.sourceName())
        sink, demand_dest = require_sink(self, parameters, self.OUTPUT_DEMAND, context, d_fields,
                                         demand.source.wkbType(), demand.source.sourceCrs())
        order = np.argsort(result.part_orig, kind="stable")
        part_pos = 0
        n_parts = result.part_orig.size
        bar = Progress(feedback, len(demand), 80.0, 95.0)
        for k, feat in enumerate(demand.features):
            if not bar.tick():
                check_canceled(feedback)
            wrote = False
            while part_pos < n_parts and result.part_orig[order[part_pos]] == k:
                p = order[part_pos]
                part_pos += 1
                d_ = int(result.part_dest[p])
                amount = float(result.part_amount[p])
                if d_ >= 0:
                    values = [facilities.ids[d_], float(result.part_cost[p]), amount, 0.0, str(status[k])]
                else:
                    values = [None, None, 0.0, amount, str(status[k])]
                sink.addFeature(writers.out_feature(d_fields, feat, d_keep, values), QgsFeatureSink.Flag.FastInsert)
                wrote = True
            if not wrote:
                sink.addFeature(writers.out_feature(d_fields, feat, d_keep, [None, None, 0.0, 0.0, str(status[k])]),
                                QgsFeatureSink.Flag.FastInsert)

        # -- facility output
        f_fields, f_keep = writers.output_fields(facilities.source.fields(), [
            writers.new_field("load", compat.FIELD_DOUBLE), writers.new_field("capacity", compat.FIELD_DOUBLE),
            writers.new_field("utilization", compat.FIELD_DOUBLE), writers.new_field("load_nearest", compat.FIELD_DOUBLE),
            writers.new_field("util_nearest", compat.FIELD_DOUBLE)], feedback, facilities.source.sourceName())
        fsink, fac_dest = secondary_sink(self, parameters, self.OUTPUT_FACILITIES, context, f_fields,
                                       facilities.source.wkbType(), facilities.source.sourceCrs())
        for j, feat in enumerate(facilities.features):
            cap = float(capacity[j])
            util = float(result.load[j]) / cap if cap > 0 else None
            util_n = float(result.load_nearest[j]) / cap if cap > 0 else None
            fsink.addFeature(writers.out_feature(f_fields, feat, f_keep, [
                float(result.load[j]), cap, util, float(result.load_nearest[j]), util_n]),
                QgsFeatureSink.Flag.FastInsert)

        # -- summary
        overloaded = result.overloaded_nearest(capacity)
        over_ids = ", ".join(str(facilities.ids[j]) for j in overloaded)
        s_fields = QgsFields()
        for name, vtype in (("total_demand", compat.FIELD_DOUBLE), ("assigned", compat.FIELD_DOUBLE),
                            ("unserved", compat.FIELD_DOUBLE), ("total_cost", compat.FIELD_DOUBLE),
                            ("mean_cost", compat.FIELD_DOUBLE), ("nearest_total_cost", compat.FIELD_DOUBLE),
                            ("nearest_mean_cost", compat.FIELD_DOUBLE), ("total_capacity", compat.FIELD_DOUBLE),
                            ("overloaded_nearest", compat.FIELD_INT)):
            s_fields.append(writers.new_field(name, vtype))
        s_fields.append(writers.new_field("overloaded_ids", compat.FIELD_STRING, 10000))
        ssink, summary_dest = secondary_sink(self, parameters, self.OUTPUT_SUMMARY, context, s_fields,
                                           QgsWkbTypes.Type.NoGeometry, facilities.source.sourceCrs())
        row = QgsFeature(s_fields)
        row.setAttributes([result.total_demand, result.total_assigned, result.total_unserved, result.total_cost,
                           number(result.mean_cost), result.nearest_total_cost,
                           number(result.nearest_mean_cost), float(capacity.sum()), int(overloaded.size),
                           over_ids])
        ssink.addFeature(row, QgsFeatureSink.Flag.FastInsert)

        feedback.pushInfo(tr("Demand {0:g}, capacity {1:g}: assigned {2:g}, unserved {3:g}.").format(
            result.total_demand, float(capacity.sum()), result.total_assigned, result.total_unserved))
        feedback.pushInfo(tr("Total cost {0:.6g}, mean cost per assigned unit {1:.6g} (nearest assignment "
                             "ignoring capacity: {2:.6g}).").format(
            result.total_cost, result.mean_cost, result.nearest_mean_cost))
        if overloaded.size:
            feedback.pushInfo(tr("{0} facilities would be overloaded under nearest assignment: {1}").format(
                overloaded.size, over_ids))
        else:
            feedback.pushInfo(tr("No facility would be overloaded under nearest assignment."))
        if result.total_unserved > 0:
            feedback.pushWarning(tr("{0:g} units of demand cannot be served (capacity short or no facility in "
                                    "reach); see the field 'unserved'.").format(result.total_unserved))
        feedback.setProgress(100)
        return {self.OUTPUT_DEMAND: demand_dest, self.OUTPUT_FACILITIES: fac_dest,
                self.OUTPUT_SUMMARY: summary_dest}
