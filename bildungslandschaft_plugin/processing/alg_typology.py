"""bildungslandschaft:typology – district typology by k-means on standardised indicators."""

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core import socialindex as si
from ..core import typology as ty
from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm, Progress, check_canceled, require_source, secondary_sink
from ..styles import attach_class_style
from . import index_common as ic
from .index_common import (
    add_output_feature,
    column,
    copied_feature,
    feature_label,
    field,
    guess_key_field,
    input_error,
    open_output,
    read_features,
)
from .values import python_value as value_or_none


class TypologyAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.TYPOLOGY
    GROUP_ID = ids.GROUP_SOCIAL

    INPUT = ic.INPUT
    INDICATORS = ic.INDICATORS
    POPULATION = ic.POPULATION
    MIN_POPULATION = ic.MIN_POPULATION
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
        ic.add_area_parameters(self, tr("Districts with the indicator fields."),
                               tr("Numeric indicator fields to cluster on."))
        ic.add_population_parameters(self, tr("Residents per area; areas below the minimum are left out."),
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
        indicators = ic.indicator_fields(self, parameters, context, source)
        population_field, min_population = ic.population_settings(self, parameters, context, source)
        k = self.parameterAsInt(parameters, self.K, context)
        k_min = self.parameterAsInt(parameters, self.K_MIN, context)
        k_max = self.parameterAsInt(parameters, self.K_MAX, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        if k == 0 and k_max < k_min:
            raise QgsProcessingException(tr("K_MAX ({0}) is smaller than K_MIN ({1}).").format(k_max, k_min))

        features = read_features(source, feedback, 0, 20)
        key_field = guess_key_field(source)
        label = feature_label(source, features, key_field)
        values = np.column_stack([column(features, name) for name in indicators])
        population = column(features, population_field) if population_field else None
        try:
            mask, reasons = si.included_mask(values, population, min_population)
        except si.IndexInputError as err:
            raise input_error(err, row_label=label)

        def step(done, total):
            feedback.setProgress(20 + 60.0 * done / max(total, 1))
            return not feedback.isCanceled()

        try:
            res = ty.typology(values[mask], indicators, k=k, k_min=k_min, k_max=k_max, seed=seed, feedback=step)
        except si.IndexInputError as err:
            raise input_error(err, row_label=label)
        except InterruptedError:
            check_canceled(feedback)
            raise
        check_canceled(feedback)
        if res["scores"]:
            for kk, score in sorted(res["scores"].items()):
                feedback.pushInfo(tr("K = {0}: mean silhouette {1}.").format(kk, "{:.3f}".format(score)))
        feedback.pushInfo(tr("{0} types; mean silhouette {1} (1 = clearly separated, 0 = overlapping).").format(
            res["k"], "{:.3f}".format(res["mean_silhouette"])))

        excluded = []
        for i, r in enumerate(reasons):
            excluded.append(ic.exclusion_text(r, indicators, min_population))
            if excluded[-1]:
                feedback.pushWarning(tr("Left out: {0}: {1}.").format(label(i), excluded[-1]))

        new_fields = [field("cluster", "int"), field("silhouette", "double"), field("dist_center", "double")]
        new_fields += [field("z_" + name, "double") for name in indicators]
        new_fields.append(field("excluded", "text", 200))
        fields, copy, sink, dest_id = open_output(self, parameters, context, source, new_fields, feedback)
        rows = np.full(len(features), -1)
        rows[mask] = np.arange(int(mask.sum()))
        progress = Progress(feedback, len(features), 80, 100)
        for i, feat in enumerate(features):
            out = copied_feature(fields, feat, copy)
            r = rows[i]
            if r >= 0:
                out["cluster"] = int(res["cluster"][r])
                out["silhouette"] = value_or_none(res["silhouette"][r])
                out["dist_center"] = value_or_none(res["distance"][r])
                for j, name in enumerate(indicators):
                    out["z_" + name] = value_or_none(res["z"][r, j])
            out["excluded"] = excluded[i]
            add_output_feature(sink, out, feat)
            if not progress.tick():
                check_canceled(feedback)

        pfields = QgsFields()
        for f in [field("cluster", "int"), field("n_areas", "int"), field("silhouette", "double")]:
            pfields.append(f)
        for name in indicators:
            pfields.append(field("z_" + name, "double"))
        for name in indicators:
            pfields.append(field("mean_" + name, "double"))
        psink, profiles_id = secondary_sink(self, parameters, self.PROFILES, context, pfields,
                                          QgsWkbTypes.Type.NoGeometry, source.sourceCrs())
        raw = values[mask]
        for c in range(res["k"]):
            members = res["cluster"] == c + 1
            feat = QgsFeature(pfields)
            feat["cluster"] = c + 1
            feat["n_areas"] = int(res["sizes"][c])
            feat["silhouette"] = value_or_none(res["silhouette"][members].mean())
            for j, name in enumerate(indicators):
                feat["z_" + name] = value_or_none(res["profile"][c, j])
                feat["mean_" + name] = value_or_none(raw[members, j].mean())
            psink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)
            top = sorted(range(len(indicators)), key=lambda j: -abs(res["profile"][c, j]))[:3]
            feedback.pushInfo(tr("Type {0} ({1} areas): {2}.").format(
                c + 1, int(res["sizes"][c]),
                ", ".join("{0} {1:+.2f}".format(indicators[j], res["profile"][c, j]) for j in top)))

        labels = {c: tr("type {0}").format(c) for c in range(1, res["k"] + 1)}
        attach_class_style(self, context, dest_id, "cluster", labels, None)
        return {self.OUTPUT: dest_id, self.PROFILES: profiles_id}
