"""bildungslandschaft:capacityallocation – capacity-aware allocation (Kapazitätsorientierte Zuordnung)."""

import numpy as np
from qgis.core import QgsProcessing, QgsProcessingException, QgsProcessingParameterFeatureSink

from .. import compat
from ..core import allocation, stats
from ..translation import tr
from . import costs as sc
from . import network_params as net
from . import ids, readers, writers
from . import transit_params as tp
from .base import BildungslandschaftAlgorithm, Progress, check_canceled, secondary_sink
from .values import nullable_floats, number


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

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        max_cost = net.max_cost_parameter(self, parameters, context)
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
                result, status = sc.network_allocation(self, parameters, context, feedback, demand, facilities,
                                                       capacity, max_cost)
        except allocation.AllocationCancelled:
            check_canceled(feedback)
            raise
        except allocation.AllocationError as err:
            raise QgsProcessingException(tr("The allocation could not be solved: {0}").format(str(err))) from None
        overloaded = result.overloaded_nearest(capacity)
        over_ids = ", ".join(str(facilities.ids[j]) for j in overloaded)
        _solve_report(result, feedback)
        feedback.setProgress(80)

        # -- demand output: one row per part (or one row for a point without demand / without parts)
        owner, part = stats.rows_per_part(result.part_orig, len(demand))
        dest = stats.take_parts(part, result.part_dest, -1)
        to_fac = dest >= 0
        amount = stats.take_parts(part, result.part_amount, 0.0)
        ids = np.asarray(list(facilities.ids) + [None], dtype=object)
        demand_dest = writers.write_rows(
            self, parameters, context, self.OUTPUT_DEMAND, demand.source, [demand.features[k] for k in owner],
            [writers.id_field("facility_id", facilities.id_type)] + _fields("cost", "assigned", "unserved")
            + [writers.new_field("status", compat.FIELD_STRING, 40)],
            [ids[dest].tolist(), nullable_floats(np.where(to_fac, stats.take_parts(part, result.part_cost, np.nan), np.nan)),
             np.where(to_fac, amount, 0.0).tolist(), np.where(to_fac, 0.0, amount).tolist(),
             [str(status[k]) for k in owner]],
            feedback=feedback, layer_name=demand.source.sourceName(), progress=Progress(feedback, len(owner), 80.0, 95.0))
        fac_dest = writers.write_rows(
            self, parameters, context, self.OUTPUT_FACILITIES, facilities.source, facilities.features,
            _fields("load", "capacity", "utilization", "load_nearest", "util_nearest"),
            [result.load.astype(float).tolist(), capacity.astype(float).tolist(),
             nullable_floats(stats.ratio_or_nan(result.load, capacity)), result.load_nearest.astype(float).tolist(),
             nullable_floats(stats.ratio_or_nan(result.load_nearest, capacity))],
            open_sink=secondary_sink, feedback=feedback, layer_name=facilities.source.sourceName())
        summary_dest = writers.write_single_row(
            self, parameters, context, self.OUTPUT_SUMMARY,
            _fields("total_demand", "assigned", "unserved", "total_cost", "mean_cost", "nearest_total_cost",
                    "nearest_mean_cost", "total_capacity")
            + [writers.new_field("overloaded_nearest", compat.FIELD_INT),
               writers.new_field("overloaded_ids", compat.FIELD_STRING, 10000)],
            [result.total_demand, result.total_assigned, result.total_unserved, result.total_cost,
             number(result.mean_cost), result.nearest_total_cost, number(result.nearest_mean_cost),
             float(capacity.sum()), int(overloaded.size), over_ids], facilities.source.sourceCrs(), secondary_sink)
        _report(result, capacity, overloaded, over_ids, feedback)
        feedback.setProgress(100)
        return {self.OUTPUT_DEMAND: demand_dest, self.OUTPUT_FACILITIES: fac_dest,
                self.OUTPUT_SUMMARY: summary_dest}


def _fields(*names):
    return [writers.new_field(name, compat.FIELD_DOUBLE) for name in names]


def _solve_report(result, feedback):
    """The log of the solver: time, pairs, gap, bounded searches."""
    feedback.pushInfo(tr("Allocation solved in {0:.2f} s ({1} pairs, {2} demand groups, solver {3}, "
                         "duality gap {4:.1e}).").format(result.seconds, result.n_pairs, result.n_groups, result.solver,
                                                         result.gap if result.solver == "ssp" else 0.0))
    if result.radius is not None:
        feedback.pushInfo(tr("Network searches bounded at cost {0:.6g} ({1} rounds); the duality certificate "
                             "proves the allocation optimal over all pairs.").format(result.radius, result.rounds))
    elif result.rounds > 1:
        feedback.pushInfo(tr("Network searches widened to all pairs ({0} rounds).").format(result.rounds))


def _report(result, capacity, overloaded, over_ids, feedback):
    """The log of the result: totals, overloads under nearest assignment, unserved demand."""
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
