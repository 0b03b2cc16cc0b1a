"""bildungslandschaft:supplydemand – supply-to-demand ratios (Versorgungsgrad): 2SFCA family and gravity."""

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import compat
from ..core import fsca, stats
from ..translation import tr
from . import costs as sc
from . import network_params as net
from . import ids, readers, writers
from .base import BildungslandschaftAlgorithm, Progress, check_canceled, optional_source, secondary_sink
from .values import nullable_floats


def steps_error_message(err):
    if err.code == "empty":
        return tr("STEPS is empty; give step weights such as 10:1;20:0.68;30:0.22.")
    if err.code == "negative":
        return tr("STEPS: '{0}' has a negative number; thresholds and weights must be zero or positive.").format(
            err.part)
    if err.code == "order":
        return tr("STEPS: the thresholds must increase from step to step (e.g. 10:1;20:0.68;30:0.22).")
    return tr("STEPS: '{0}' is not of the form threshold:weight (e.g. 10:1;20:0.68;30:0.22).").format(err.part)


class SupplyDemandAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.SUPPLY_DEMAND
    GROUP_ID = ids.GROUP_SUPPLY

    METHOD = "METHOD"
    SUPPLY = "SUPPLY"
    STEPS = "STEPS"
    SIGMA = "SIGMA"
    BETA = "BETA"
    MIN_COST = "MIN_COST"
    NORMALIZE = "NORMALIZE"
    DISTRICTS = "DISTRICTS"
    OUTPUT_DEMAND = "OUTPUT_DEMAND"
    OUTPUT_FACILITIES = "OUTPUT_FACILITIES"
    OUTPUT_DISTRICTS = "OUTPUT_DISTRICTS"

    def displayName(self):  # noqa: N802
        return tr("Supply and demand (Versorgungsgrad, 2SFCA)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Supply-to-demand ratios that account for competition, with the semantics of the PySAL 'access' "
            "package. With demand P_i, supply S_j, cost c_ij, catchment d0 (MAX_COST) and weight f: "
            "R_j = S_j / sum_i P_i f(c_ij) (places per head at the facility, field 'ratio'), "
            "A_i = sum_j R_j f(c_ij) (places per head reachable from the demand point, field 'access'). "
            "Methods: 2SFCA (f = 1 within d0), E2SFCA (step weights STEPS, e.g. 10:1;20:0.68;30:0.22), "
            "Gaussian 2SFCA (f = exp(-c^2/(2 SIGMA^2))), 3SFCA (step weights times the selection weight "
            "G_ij = f(c_ij) / sum_k f(c_ik)), gravity/Hansen (A_i = sum_j S_j max(c_ij, MIN_COST)^-BETA). "
            "NORMALIZE divides access by its demand-weighted mean (1 = city average). "
            "Costs come from the street network or from an OD_TABLE; pairs missing from the table are not "
            "reachable. Demand points that reach no facility get access 0. With DISTRICTS the "
            "demand-weighted mean access per district is written to OUTPUT_DISTRICTS.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_param(QgsProcessingParameterEnum(
            self.METHOD, tr("Method"), options=[
                tr("2SFCA (two-step floating catchment)"), tr("E2SFCA (step weights)"),
                tr("Gaussian 2SFCA"), tr("3SFCA (with competition between facilities)"),
                tr("Gravity (Hansen)")], defaultValue=0),
            tr("How distance weighs: 2SFCA counts everything within MAX_COST fully; E2SFCA and 3SFCA use "
               "STEPS; Gaussian uses SIGMA; gravity uses BETA and MIN_COST."))
        sc.add_demand_parameters(self, tr("Demand per feature, e.g. children 3-5 (ew_3_5). Empty: every "
                                          "feature counts 1. NULL or negative values are errors."))
        sc.add_facility_parameters(self, self.SUPPLY, tr("Supply field (places)"),
                                   tr("Places or other supply per facility (e.g. kapazitaet). NULL or negative "
                                      "values are errors."))
        sc.add_cost_parameters(self)
        sc.add_max_cost_parameter(self, tr(
            "Catchment d0 in the unit of the cost (metres or minutes): pairs farther apart do not count. "
            "Empty: no limit (E2SFCA and 3SFCA still end at the last step)."))
        self.add_param(QgsProcessingParameterString(
            self.STEPS, tr("Step weights (threshold:weight;...)"), defaultValue=fsca.DEFAULT_STEPS,
            optional=True),
            tr("For E2SFCA and 3SFCA: weight of each cost band, e.g. 10:1;20:0.68;30:0.22 (up to 10: 1, up to "
               "20: 0.68, up to 30: 0.22, beyond: 0). Use the unit of the cost (for metres e.g. "
               "500:1;1000:0.68;1500:0.22)."))
        self.add_param(QgsProcessingParameterNumber(
            self.SIGMA, tr("Gaussian width (SIGMA)"), QgsProcessingParameterNumber.Type.Double, optional=True,
            minValue=0.0),
            tr("For the Gaussian method: the width of the weight exp(-c^2/(2 SIGMA^2)) in the unit of the cost."))
        self.add_param(QgsProcessingParameterNumber(
            self.BETA, tr("Gravity exponent (BETA)"), QgsProcessingParameterNumber.Type.Double, defaultValue=1.0,
            minValue=0.0),
            tr("For the gravity method: supply counts with cost^-BETA."))
        self.add_param(QgsProcessingParameterNumber(
            self.MIN_COST, tr("Minimum cost (gravity)"), QgsProcessingParameterNumber.Type.Double, defaultValue=1.0,
            minValue=0.0),
            tr("For the gravity method: smaller costs count as this value (avoids division by zero)."))
        self.add_param(QgsProcessingParameterBoolean(
            self.NORMALIZE, tr("Normalise (1 = demand-weighted mean)"), defaultValue=False),
            tr("Divide access by its demand-weighted mean, so that 1 means the city average."))
        self.add_param(QgsProcessingParameterFeatureSource(
            self.DISTRICTS, tr("Districts (optional)"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
            tr("Polygons (e.g. Ortsteile) for the demand-weighted mean access per district."))
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT_DEMAND, tr("Access (demand)")),
                       tr("The demand features with 'access' and 'status'."))
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT_FACILITIES, tr("Ratio (facilities)"),
                                                         optional=True, createByDefault=True),
                       tr("The facilities with 'ratio' (supply per weighted demand in the catchment)."))
        self.add_param(QgsProcessingParameterFeatureSink(
            self.OUTPUT_DISTRICTS, tr("Access by district"), QgsProcessing.SourceType.TypeVectorPolygon, optional=True,
            createByDefault=False),
            tr("The districts with 'demand' and the demand-weighted mean 'access'."))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        method = self.parameterAsEnum(parameters, self.METHOD, context)
        max_cost = net.max_cost_parameter(self, parameters, context)
        steps, sigma, beta, min_cost = self._method_settings(parameters, context, method)
        normalize = self.parameterAsBoolean(parameters, self.NORMALIZE, context)
        districts = optional_source(self, parameters, self.DISTRICTS, context)  # checked before anything is written

        demand = readers.read_layer(self, parameters, context, feedback, sc.DEMAND, sc.DEMAND_ID, sc.DEMAND_WEIGHT,
                                    False, progress=(0.0, 5.0))
        facilities = readers.read_layer(self, parameters, context, feedback, sc.FACILITIES, sc.FACILITY_ID,
                                        self.SUPPLY, True, progress=(5.0, 10.0))
        if facilities.values.sum() <= 0:
            raise QgsProcessingException(
                tr("Every facility has supply 0 in {0}; there is nothing to distribute.").format(self.SUPPLY))
        if len(facilities) == 1:
            feedback.pushInfo(tr("Only one facility: its ratio is its supply per weighted demand in reach."))
        pair_limit = max_cost
        if steps is not None:
            pair_limit = steps[0][-1] if max_cost is None else min(max_cost, steps[0][-1])
        orig, dest, cost, status = sc.cost_pairs(self, parameters, context, feedback, demand, facilities,
                                                 pair_limit)
        check_canceled(feedback)
        try:
            raw_access, ratio = fsca.supply_demand(
                orig, dest, cost, demand.values, facilities.values, method=method, max_cost=max_cost,
                steps=steps, sigma=sigma, beta=beta, min_cost=min_cost if min_cost > 0 else 1.0,
                normalize=False)
        except fsca.FscaError as err:
            raise QgsProcessingException(tr("Invalid input for the method: {0}.").format(err.code)) from None
        access = raw_access
        if normalize:
            mean = fsca.weighted_mean(access, demand.values)
            if not mean > 0:
                feedback.pushWarning(tr("The demand-weighted mean access is 0; access is not normalised."))
            else:
                access = access / mean
                feedback.pushInfo(tr("Access divided by its demand-weighted mean {0:.6g}.").format(mean))
        feedback.setProgress(70)

        results = {self.OUTPUT_DEMAND: writers.write_rows(
            self, parameters, context, self.OUTPUT_DEMAND, demand.source, demand.features,
            [writers.new_field("access", compat.FIELD_DOUBLE), writers.new_field("status", compat.FIELD_STRING, 40)],
            [nullable_floats(access), [str(v) for v in status]], feedback=feedback,
            layer_name=demand.source.sourceName(), progress=Progress(feedback, len(demand), 70.0, 80.0))}
        results[self.OUTPUT_FACILITIES] = writers.write_rows(
            self, parameters, context, self.OUTPUT_FACILITIES, facilities.source, facilities.features,
            [writers.new_field("ratio", compat.FIELD_DOUBLE)], [nullable_floats(ratio)], open_sink=secondary_sink,
            feedback=feedback, layer_name=facilities.source.sourceName())
        feedback.pushInfo(tr("Demand-weighted mean access: {0:.6g} (supply per head of demand).").format(
            fsca.weighted_mean(raw_access, demand.values)))
        n_undefined = int(np.isnan(ratio).sum())
        if method != fsca.GRAVITY and n_undefined:
            feedback.pushInfo(tr("{0} facilities have no weighted demand in their catchment (ratio NULL).").format(
                n_undefined))
        if method == fsca.GRAVITY:
            feedback.pushInfo(tr("The gravity method has no facility ratio; 'ratio' is NULL."))
        if districts is not None and parameters.get(self.OUTPUT_DISTRICTS) is not None:
            results[self.OUTPUT_DISTRICTS] = self._districts(parameters, context, feedback, districts, demand, access)
        feedback.setProgress(100)
        return results

    def _method_settings(self, parameters, context, method):
        """``(steps, sigma, beta, min_cost)`` of *method*; raise for what the method cannot use."""
        steps = None
        if method in (fsca.ENHANCED, fsca.THREE_STEP):
            try:
                steps = fsca.parse_steps(self.parameterAsString(parameters, self.STEPS, context))
            except fsca.StepsError as err:
                raise QgsProcessingException(steps_error_message(err)) from None
        sigma = None
        if method == fsca.GAUSSIAN:
            raw = parameters.get(self.SIGMA)
            sigma = None if raw is None or raw == "" else self.parameterAsDouble(parameters, self.SIGMA, context)
            if sigma is None or not sigma > 0:
                raise QgsProcessingException(tr("The Gaussian method needs SIGMA greater than 0."))
        beta = self.parameterAsDouble(parameters, self.BETA, context)
        min_cost = self.parameterAsDouble(parameters, self.MIN_COST, context)
        if method == fsca.GRAVITY and not min_cost > 0:
            raise QgsProcessingException(tr("The gravity method needs MIN_COST greater than 0."))
        return steps, sigma, beta, min_cost

    def _districts(self, parameters, context, feedback, districts, demand, access):
        """The demand-weighted mean access per district (the one district join); the output's id."""
        crs = districts.sourceCrs()
        xy = readers.points_xy(demand, crs, context)
        hits, polys = readers.district_of_points(districts, crs, context, xy, feedback)
        inside = np.isfinite(xy).all(axis=1)
        dem_sum, counts = stats.group_sums(hits, demand.values, len(polys), inside)
        acc_sum, _n = stats.group_sums(hits, demand.values * access, len(polys), inside)
        outside = int((inside & (hits < 0)).sum())
        if outside:
            feedback.pushWarning(tr("{0} demand features lie in no district.").format(outside))
        return writers.write_rows(
            self, parameters, context, self.OUTPUT_DISTRICTS, districts, polys,
            [writers.new_field("demand", compat.FIELD_DOUBLE), writers.new_field("access", compat.FIELD_DOUBLE),
             writers.new_field("n_demand", compat.FIELD_INT)],
            [dem_sum.tolist(), nullable_floats(stats.ratio_or_nan(acc_sum, dem_sum)), counts.tolist()],
            feedback=feedback, layer_name=districts.sourceName())
