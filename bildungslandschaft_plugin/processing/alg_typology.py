"""bildungslandschaft:typology – district typology by k-means on standardised indicators."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)

from ..compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING
from ..core import socialindex as si
from ..core import typology as ty
from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm, check_canceled, require_source
from ..rendering.styles import attach_class_style
from .messages import exclusion_text, input_error
from .params import INDICATORS, INPUT, MIN_POPULATION, POPULATION
from .params import add_area_parameters, add_population_parameters, indicator_fields, population_settings
from .readers import column, column_matrix, feature_label, guess_key_field, read_feature_list
from .writers import new_field, write_result_fields, write_table


class TypologyAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.TYPOLOGY
    GROUP_ID = ids.GROUP_SOCIAL

    INPUT = INPUT
    INDICATORS = INDICATORS
    POPULATION = POPULATION
    MIN_POPULATION = MIN_POPULATION
    K = "K"
    K_MIN = "K_MIN"
    K_MAX = "K_MAX"
    SEED = "SEED"
    OUTPUT = "OUTPUT"
    PROFILES = "PROFILES"

    def displayName(self):  # noqa: N802
        return tr("District typology (Gebietstypisierung)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Groups districts into types with similar indicator profiles: the indicators are standardised "
            "(z-scores with the population standard deviation) and clustered by k-means (k-means++ start with a "
            "fixed seed, 10 restarts, the best solution wins; the same input always gives the same types). "
            "K is given, or with K = 0 chosen between K_MIN and K_MAX by the largest mean silhouette. Types are "
            "numbered by the mean z-score of their centre (type 1 = lowest values). OUTPUT: every area with "
            "cluster, silhouette, distance to its type's centre and z_<indicator>; PROFILES: one row per type "
            "with the number of areas and the mean z-score of each indicator, to name the types.")

    def initAlgorithm(self, config=None):  # noqa: N802
        add_area_parameters(self, tr("Districts with the indicator fields."),
                               tr("Numeric indicator fields to cluster on."))
        add_population_parameters(self, tr("Residents per area; areas below the minimum are left out."),
                                     tr("Areas with fewer residents get no type."))
        self.add_param(QgsProcessingParameterNumber(
            self.K, tr("Number of types K (0 = choose by silhouette)"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=0, minValue=0, maxValue=50),
            tr("The number of clusters; 0 chooses it by the largest mean silhouette."))
        self.add_param(QgsProcessingParameterNumber(
            self.K_MIN, tr("Smallest K to try"), QgsProcessingParameterNumber.Type.Integer, defaultValue=2,
            minValue=2, maxValue=50), tr("Used when K = 0."), advanced=True)
        self.add_param(QgsProcessingParameterNumber(
            self.K_MAX, tr("Largest K to try"), QgsProcessingParameterNumber.Type.Integer, defaultValue=8,
            minValue=2, maxValue=50), tr("Used when K = 0."), advanced=True)
        self.add_param(QgsProcessingParameterNumber(
            self.SEED, tr("Random seed"), QgsProcessingParameterNumber.Type.Integer, defaultValue=42, minValue=0),
            tr("Seed of the k-means++ start; a fixed seed makes the result reproducible."), advanced=True)
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Typology")),
                       tr("The areas with their type (cluster)."))
        self.add_param(QgsProcessingParameterFeatureSink(
            self.PROFILES, tr("Type profiles"), QgsProcessing.SourceType.TypeVector, optional=True, createByDefault=True),
            tr("Mean z-score of each indicator per type."))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = require_source(self, parameters, self.INPUT, context)
        indicators = indicator_fields(self, parameters, context, source)
        population_field, min_population = population_settings(self, parameters, context, source)
        k, k_min, k_max, seed = (self.parameterAsInt(parameters, name, context)
                                 for name in (self.K, self.K_MIN, self.K_MAX, self.SEED))
        if k == 0 and k_max < k_min:
            raise QgsProcessingException(tr("K_MAX ({0}) is smaller than K_MIN ({1}).").format(k_max, k_min))

        features = read_feature_list(source, feedback, 0, 20)
        label = feature_label(features, guess_key_field(source))
        values = column_matrix(features, indicators)
        population = column(features, population_field) if population_field else None

        def step(done, total):
            feedback.setProgress(20 + 60.0 * done / max(total, 1))
            return not feedback.isCanceled()

        try:
            mask, reasons = si.included_mask(values, population, min_population)
            res = ty.typology(values[mask], indicators, k=k, k_min=k_min, k_max=k_max, seed=seed, feedback=step)
        except si.IndexInputError as err:
            raise input_error(err, row_label=label)
        except InterruptedError:
            check_canceled(feedback)
            raise
        check_canceled(feedback)
        for kk, score in sorted((res["scores"] or {}).items()):
            feedback.pushInfo(tr("K = {0}: mean silhouette {1}.").format(kk, "{:.3f}".format(score)))
        feedback.pushInfo(tr("{0} types; mean silhouette {1} (1 = clearly separated, 0 = overlapping).").format(
            res["k"], "{:.3f}".format(res["mean_silhouette"])))
        excluded = [exclusion_text(r, indicators, min_population) for r in reasons]
        for i, text in enumerate(excluded):
            if text:
                feedback.pushWarning(tr("Left out: {0}: {1}.").format(label(i), text))

        new_fields = [new_field("cluster", FIELD_INT), new_field("silhouette", FIELD_DOUBLE),
                      new_field("dist_center", FIELD_DOUBLE)]
        new_fields += [new_field("z_" + name, FIELD_DOUBLE) for name in indicators]
        new_fields.append(new_field("excluded", FIELD_STRING, 200))
        dest_id = write_result_fields(self, parameters, context, source, features, new_fields,
                                      ty.area_columns(res, mask) + [excluded], feedback, progress=(80.0, 100.0))
        profile_columns = [("cluster", FIELD_INT), ("n_areas", FIELD_INT), ("silhouette", FIELD_DOUBLE)]
        profile_columns += [("z_" + name, FIELD_DOUBLE) for name in indicators]
        profile_columns += [("mean_" + name, FIELD_DOUBLE) for name in indicators]
        profiles_id = write_table(self, parameters, context, self.PROFILES, profile_columns,
                                  ty.profile_rows(res, values[mask]), source.sourceCrs())
        for c in range(res["k"]):
            feedback.pushInfo(tr("Type {0} ({1} areas): {2}.").format(
                c + 1, int(res["sizes"][c]), ", ".join("{0} {1:+.2f}".format(indicators[j], res["profile"][c, j])
                                                       for j in ty.leading_indicators(res, c))))
        labels = {c: tr("type {0}").format(c) for c in range(1, res["k"] + 1)}
        attach_class_style(self, context, dest_id, "cluster", labels, None)
        return {self.OUTPUT: dest_id, self.PROFILES: profiles_id}
