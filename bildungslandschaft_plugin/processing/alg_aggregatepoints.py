"""bildungslandschaft:aggregatepoints – Punktdaten aggregieren, with disclosure control."""

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)
from .. import compat

from ..core.disclosure import suppress
from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm, Progress, check_canceled, require_field, require_sink, require_source
from .readers import build_index, containing, prepared, read_geometries
from .values import number_or_nan
from .writers import added_field_name


class AggregatePointsAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.AGGREGATE_POINTS
    GROUP_ID = ids.GROUP_DATA

    POINTS = "POINTS"
    DISTRICTS = "DISTRICTS"
    FIELDS = "FIELDS"
    TOTAL_FIELD = "TOTAL_FIELD"
    MIN_COUNT = "MIN_COUNT"
    SECONDARY = "SECONDARY"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Aggregate point data (Punktdaten aggregieren)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Sums point fields (e.g. residents by age group at addresses) per district, with disclosure "
            "control (Geheimhaltung).\n"
            "Primary suppression: a sum with 0 < value < MIN_COUNT becomes NULL, flag 'primary' "
            "(0 is published as 'nothing').\n"
            "Secondary suppression (SECONDARY): the fields of a row add up to the district total "
            "(TOTAL_FIELD, or the published population). When only one cell of a row is suppressed it could "
            "be recomputed by subtraction, so the smallest other cell is suppressed too, flag 'secondary'.\n"
            "Every sum gets a field <field>_flag saying why a value is missing. n_points counts the "
            "points in the district.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_param(QgsProcessingParameterFeatureSource(
            self.POINTS, tr("Points"), [QgsProcessing.SourceType.TypeVectorPoint]),
            tr("Points with counts, e.g. addresses with residents by age group."))
        self.add_param(QgsProcessingParameterFeatureSource(
            self.DISTRICTS, tr("Districts"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("District polygons the points are summed into."))
        self.add_param(QgsProcessingParameterField(
            self.FIELDS, tr("Fields to sum"), parentLayerParameterName=self.POINTS,
            type=QgsProcessingParameterField.DataType.Numeric, allowMultiple=True),
            tr("Numeric point fields to sum per district (e.g. ew_0_2; ew_3_5; ...)."))
        self.add_param(QgsProcessingParameterField(
            self.TOTAL_FIELD, tr("Total field (row total of the fields)"), parentLayerParameterName=self.POINTS,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            tr("Point field that is the total of FIELDS (e.g. ew_gesamt). It is summed and published too and "
               "takes part in the secondary suppression. Empty: the total of the fields is assumed to be "
               "published elsewhere."))
        self.add_param(QgsProcessingParameterNumber(
            self.MIN_COUNT, tr("Minimum count"), type=QgsProcessingParameterNumber.Type.Integer,
            defaultValue=3, minValue=1),
            tr("Sums above 0 and below this value are suppressed (3 by default; 5 or 10 for some sources)."))
        self.add_param(QgsProcessingParameterBoolean(
            self.SECONDARY, tr("Secondary suppression"), defaultValue=True),
            tr("Suppress a second cell where a single suppressed cell could be recomputed from the total."))
        self.add_param(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Districts with sums"), QgsProcessing.SourceType.TypeVectorPolygon),
            tr("The districts with n_points, the sums and <field>_flag fields."))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        # invalid polygons are repaired (with a warning) by read_geometries instead of stopping the run
        context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        points = require_source(self, parameters, self.POINTS, context)
        districts = require_source(self, parameters, self.DISTRICTS, context)
        names = compat.parameter_as_fields(self, parameters, self.FIELDS, context)
        if not names:
            raise QgsProcessingException(tr("Choose at least one field to sum (FIELDS)."))
        idx = [require_field(points, n, self.FIELDS, numeric=True) for n in names]
        total = self.parameterAsString(parameters, self.TOTAL_FIELD, context) or None
        if total:
            t_idx = require_field(points, total, self.TOTAL_FIELD, numeric=True)
            if total in names:
                names = [n for n in names if n != total]
                idx = [i for n, i in zip(compat.parameter_as_fields(self, parameters, self.FIELDS, context), idx) if n != total]
            names.append(total)
            idx.append(t_idx)
        min_count = self.parameterAsInt(parameters, self.MIN_COUNT, context)
        secondary = self.parameterAsBool(parameters, self.SECONDARY, context)

        crs = districts.sourceCrs()
        polys = read_geometries(districts, crs, context, feedback, tr("DISTRICTS"), (0, 20))
        if not polys:
            raise QgsProcessingException(tr("DISTRICTS has no usable polygon."))
        geoms = [g for _f, g in polys]
        index = build_index(geoms)
        engines = prepared(geoms)
        sums = np.zeros((len(polys), len(names)))
        n_points = np.zeros(len(polys), dtype=int)
        outside = nulls = 0
        pts = read_geometries(points, crs, context, feedback, tr("POINTS"), (20, 40))
        progress = Progress(feedback, len(pts), 40, 90)
        for feat, geom in pts:
            part = geom if not geom.isMultipart() else geom.asGeometryCollection()[0]
            j = containing(index, geoms, engines, part)
            if j < 0:
                outside += 1
            else:
                n_points[j] += 1
                attrs = feat.attributes()
                for k, i in enumerate(idx):
                    v = number_or_nan(attrs[i])
                    if np.isfinite(v):
                        sums[j, k] += v
                    else:
                        nulls += 1
            if not progress.tick():
                check_canceled(feedback)
        if outside:
            feedback.pushWarning(tr("{0} point(s) lie outside every district and are not counted.").format(outside))
        if nulls:
            feedback.pushWarning(tr("{0} NULL value(s) in the point fields were left out of the sums.").format(nulls))

        frame = pd.DataFrame(sums, columns=names)
        values, flags = suppress(frame, min_count=min_count, secondary=secondary, total=total)
        n_primary = int((flags == "primary").to_numpy().sum())
        n_secondary = int((flags == "secondary").to_numpy().sum())
        feedback.pushInfo(tr("Suppressed cells: {0} primary (below {1}), {2} secondary.").format(
            n_primary, min_count, n_secondary))

        integer = all(points.fields().at(i).type() in (compat.FIELD_INT, compat.FIELD_LONGLONG, compat.FIELD_UINT,
                                                       compat.FIELD_ULONGLONG) for i in idx)
        fields = QgsFields(districts.fields())
        taken = [f.name() for f in districts.fields()]

        def unique(name):  # the field-name policy for added data (docs/DEVELOPING.md)
            return added_field_name(taken, name, districts.sourceName(), feedback)

        fields.append(QgsField(unique("n_points"), compat.FIELD_INT))
        for n in names:
            fields.append(QgsField(unique(n), compat.FIELD_LONGLONG if integer else compat.FIELD_DOUBLE))
            fields.append(QgsField(unique(n + "_flag"), compat.FIELD_STRING))
        sink, dest = require_sink(self, parameters, self.OUTPUT, context, fields, districts.wkbType(), crs)
        vals = values.to_numpy()
        fl = flags.to_numpy()
        for j, (feat, _g) in enumerate(polys):
            attrs = list(feat.attributes()) + [int(n_points[j])]
            for k in range(len(names)):
                v = vals[j, k]
                if not np.isfinite(v):
                    attrs.append(None)
                else:
                    attrs.append(int(round(v)) if integer else float(v))
                attrs.append(fl[j, k])
            out = QgsFeature(fields)
            out.setGeometry(feat.geometry())
            out.setAttributes(attrs)
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        feedback.setProgress(100)
        return {self.OUTPUT: dest}
