"""bildungslandschaft:arealinterpolation – Flächengewichtete Übertragung between district systems."""

import re

import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from .. import compat

from ..core.interpolation import interpolate, overlap_report, pair_arrays, parse_intensive
from ..translation import tr
from . import ids
from .base import (
    BildungslandschaftAlgorithm,
    check_canceled,
    require_field,
    optional_source,
    require_source,
    working_crs,
)
from .readers import area_overlaps, build_index, column, point_overlaps, prepared, read_geometries
from .writers import write_added_fields

MODE_AREA, MODE_POINTS, MODE_MASK = 0, 1, 2


class ArealInterpolationAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.AREAL_INTERPOLATION
    GROUP_ID = ids.GROUP_DATA

    SOURCE = "SOURCE"
    TARGET = "TARGET"
    EXTENSIVE = "EXTENSIVE"
    INTENSIVE = "INTENSIVE"
    WEIGHT_MODE = "WEIGHT_MODE"
    WEIGHT_LAYER = "WEIGHT_LAYER"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Areal interpolation (Flächengewichtete Übertragung)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Moves values from one district system (SOURCE) to another (TARGET), e.g. from statistical "
            "blocks to school catchments or from old to new boundaries.\n"
            "Counts (EXTENSIVE): v_j = Σ_i v_i · w_ij / W_i, where w_ij is the weight of source i inside "
            "target j and W_i the whole weight of source i. Totals are preserved where both systems "
            "cover the same ground.\n"
            "Rates (INTENSIVE), written as rate_field:denominator_field: numerator (rate × denominator) "
            "and denominator are moved as counts and divided. A rate without a denominator gets the "
            "weighted mean of the overlapping sources.\n"
            "Weights: 0 area of the overlap; 1 points (e.g. addresses) with a weight field (e.g. "
            "residents); 2 mask polygons (e.g. residential land use): only the area inside the mask counts.\n"
            "Missing (NULL, suppressed) source values stay missing and never become 0. The field "
            "'coverage' is the share of the target's weight that came from sources with a value "
            "(the smallest share over all moved fields).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_param(QgsProcessingParameterFeatureSource(
            self.SOURCE, tr("Source districts"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("Polygons that carry the values (e.g. statistical blocks)."))
        self.add_param(QgsProcessingParameterFeatureSource(
            self.TARGET, tr("Target districts"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("Polygons that receive the values (e.g. school catchments)."))
        self.add_param(QgsProcessingParameterField(
            self.EXTENSIVE, tr("Counts (extensive fields)"), parentLayerParameterName=self.SOURCE,
            type=QgsProcessingParameterField.DataType.Numeric, allowMultiple=True, optional=True),
            tr("Numeric fields with counts (residents, children, recipients); they are split by weight."))
        self.add_param(QgsProcessingParameterString(
            self.INTENSIVE, tr("Rates (intensive fields, rate:denominator)"), optional=True),
            tr("Rates separated by ';' or ','. Write rate_field:denominator_field (e.g. "
               "sgb2_quote:einwohner) to move numerator and denominator as counts; a rate without "
               "a denominator gets the weighted mean."))
        self.add_param(QgsProcessingParameterEnum(
            self.WEIGHT_MODE, tr("Weights"),
            options=[tr("Area of the overlap"), tr("Points with a weight field (e.g. residents at addresses)"),
                     tr("Mask polygons (e.g. residential land use)")], defaultValue=MODE_AREA),
            tr("How a source is split: by area, by the weight of points inside it, or by the area of mask "
               "polygons inside it."))
        self.add_param(QgsProcessingParameterFeatureSource(
            self.WEIGHT_LAYER, tr("Weight layer (points or mask polygons)"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
            tr("Points (weight mode 1) or mask polygons (weight mode 2)."))
        self.add_param(QgsProcessingParameterField(
            self.WEIGHT_FIELD, tr("Weight field"), parentLayerParameterName=self.WEIGHT_LAYER,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            tr("Numeric field of the points used as weight (e.g. residents); empty = every point weighs 1."))
        self.add_param(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Interpolated districts"), QgsProcessing.SourceType.TypeVectorPolygon),
            tr("The target polygons with the moved fields and 'coverage'."))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        # invalid polygons are repaired (with a warning) by read_geometries instead of stopping the run
        context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        source = require_source(self, parameters, self.SOURCE, context)
        target = require_source(self, parameters, self.TARGET, context)
        extensive, intensive = self.value_fields(parameters, context, source)
        mode, weight_layer, weight_field = self.weighting(parameters, context)
        crs = working_crs([target, source], feedback)
        src = read_geometries(source, crs, context, feedback, tr("SOURCE"), (0, 20))
        tgt = read_geometries(target, crs, context, feedback, tr("TARGET"), (20, 40))
        if not src or not tgt:
            raise QgsProcessingException(tr("SOURCE or TARGET has no usable polygon."))
        src_geoms, tgt_geoms = [g for _f, g in src], [g for _f, g in tgt]
        self._report_overlaps(src, feedback)
        if mode == MODE_POINTS:
            points = read_geometries(weight_layer, crs, context, feedback, tr("WEIGHT_LAYER"), (40, 50))
            pairs, sw, tw, null_weights = point_overlaps(src_geoms, tgt_geoms, points, weight_field, feedback, (50, 80))
            if null_weights:
                feedback.pushWarning(tr("{0} point(s) have no weight value (NULL); they weigh 0.").format(null_weights))
        else:
            mask = None
            if mode == MODE_MASK:
                pieces = [g for _f, g in read_geometries(weight_layer, crs, context, feedback,
                                                          tr("WEIGHT_LAYER"), attributes=False)]
                if not pieces:
                    raise QgsProcessingException(tr("The mask layer (WEIGHT_LAYER) has no polygons."))
                mask = QgsGeometry.unaryUnion(pieces)
                check_canceled(feedback)
            pairs, sw, tw = area_overlaps(src_geoms, tgt_geoms, mask, feedback, (40, 80))
        if not pairs:
            raise QgsProcessingException(tr(
                "SOURCE ({0}) and TARGET ({1}) do not overlap (compared in {2}); nothing can be moved.").format(
                    source.sourceName(), target.sourceName(), crs.authid()))
        si, ti, w = pair_arrays(pairs)
        outside = len(src_geoms) - len(set(si.tolist()))
        if outside:
            feedback.pushWarning(tr("{0} source district(s) do not overlap any target district; their values "
                                    "are not moved.").format(outside))

        src_feats = [f for f, _g in src]
        ext_vals = {f: column(src_feats, f) for f in extensive}
        int_vals = {rate: (column(src_feats, rate), None if den is None else column(src_feats, den))
                    for rate, den in intensive}
        for f, v in ext_vals.items():
            n_missing = int(np.isnan(v).sum())
            if n_missing:
                feedback.pushInfo(tr("{0}: {1} source value(s) missing; they stay missing.").format(f, n_missing))
        res = interpolate(si, ti, w, sw, tw, extensive=ext_vals, intensive=int_vals)
        for f, lost in res.unplaced.items():
            feedback.pushWarning(tr("{0}: {1:g} could not be placed (source districts without weight).").format(f, lost))
        for f in extensive:
            feedback.pushInfo(tr("{0}: sum in SOURCE {1:.6g}, in TARGET {2:.6g}.").format(
                f, np.nansum(ext_vals[f]), np.nansum(res.values[f])))

        moved = list(extensive) + [r for r, _d in intensive]
        added = [(name, compat.FIELD_DOUBLE) for name in moved + ["coverage"]]
        columns = [res.values[name] for name in moved] + [res.coverage]
        dest = write_added_fields(self, parameters, context, target, [f for f, _g in tgt], added, columns, feedback)
        feedback.setProgress(100)
        return {self.OUTPUT: dest}

    def value_fields(self, parameters, context, source):
        """``(EXTENSIVE field names, INTENSIVE [(rate field, denominator field or None)])``, checked."""
        extensive = compat.parameter_as_fields(self, parameters, self.EXTENSIVE, context)
        try:
            intensive = parse_intensive(re.split(r"[;,]+", self.parameterAsString(parameters, self.INTENSIVE, context)))
        except ValueError as exc:
            raise QgsProcessingException(tr("INTENSIVE: {0}").format(exc)) from exc
        if not extensive and not intensive:
            raise QgsProcessingException(tr("Choose at least one field to move (EXTENSIVE or INTENSIVE)."))
        for f in extensive:
            require_field(source, f, self.EXTENSIVE, numeric=True)
        for rate, den in intensive:
            require_field(source, rate, self.INTENSIVE, numeric=True)
            if den:
                require_field(source, den, self.INTENSIVE, numeric=True)
        return extensive, [(rate, den or None) for rate, den in intensive]

    def weighting(self, parameters, context):
        """``(WEIGHT_MODE, WEIGHT_LAYER or None, index of WEIGHT_FIELD or -1)``, checked."""
        mode = self.parameterAsEnum(parameters, self.WEIGHT_MODE, context)
        if mode == MODE_AREA:
            return mode, None, -1
        weight_layer = optional_source(self, parameters, self.WEIGHT_LAYER, context)
        if weight_layer is None:
            raise QgsProcessingException(tr("WEIGHT_MODE {0} needs a weight layer (WEIGHT_LAYER).").format(mode))
        want = (QgsWkbTypes.GeometryType.PointGeometry if mode == MODE_POINTS
                else QgsWkbTypes.GeometryType.PolygonGeometry)
        if QgsWkbTypes.geometryType(weight_layer.wkbType()) != want:
            raise QgsProcessingException(
                tr("WEIGHT_LAYER {0} must be a point layer for weight mode 1 and a polygon layer for "
                   "weight mode 2.").format(weight_layer.sourceName()))
        weight_field = -1
        if mode == MODE_POINTS:
            wf = self.parameterAsString(parameters, self.WEIGHT_FIELD, context)
            weight_field = require_field(weight_layer, wf, self.WEIGHT_FIELD, numeric=True)
        return mode, weight_layer, weight_field

    @staticmethod
    def _report_overlaps(src, feedback):
        """Warn when SOURCE districts overlap (their total area exceeds their union's), naming them."""
        geoms = [g for _f, g in src]
        index = build_index(geoms)
        engines = prepared(geoms)
        pairs = []
        for i, gi in enumerate(geoms):
            for j in index.intersects(gi.boundingBox()):
                # interiors intersect (shared borders do not count)
                if j > i and engines[i].relatePattern(geoms[j].constGet(), "T********"):
                    pairs.append((i, j, gi.intersection(geoms[j]).area()))
        areas = [g.area() for g in geoms]
        report = overlap_report(pairs, areas, sum(areas))
        if not report.overlapping:
            return report
        report = overlap_report(pairs, areas, QgsGeometry.unaryUnion(geoms).area())

        def name(k):
            feat = src[k][0]
            attrs = feat.attributes()
            first = attrs[0] if attrs else None
            return "{0} ({1})".format(feat.id(), first) if first not in (None, "") and not (
                hasattr(first, "isNull") and first.isNull()) else str(feat.id())

        shown = ["{0} / {1}: {2:.4g} km²".format(name(i), name(j), a / 1e6) for i, j, a in report.pairs[:10]]
        if len(report.pairs) > 10:
            shown.append(tr("{0} more").format(len(report.pairs) - 10))
        feedback.pushWarning(tr(
            "SOURCE districts overlap: their areas add up to {0:.4g} km², their union covers {1:.4g} km² "
            "({2:.4g} km² counted more than once). Each source is moved in full, so values in the overlaps are "
            "moved twice. Overlapping pairs (feature id and first field): {3}.").format(
                report.total / 1e6, report.union / 1e6, report.excess / 1e6, "; ".join(shown)))
        return report
