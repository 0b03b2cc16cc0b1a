"""bildungslandschaft:aggregatepoints – Punktdaten aggregieren, with disclosure control."""

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)
from .. import compat

from ..core.disclosure import PRIMARY, SECONDARY, aggregate_columns, aggregate_points
from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm, require_field, require_source
from .readers import column_matrix, polygon_of_points, read_geometries
from .writers import write_added_fields


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
        if total:  # the total goes last
            t_idx = require_field(points, total, self.TOTAL_FIELD, numeric=True)
            idx = [i for n, i in zip(names, idx) if n != total] + [t_idx]
            names = [n for n in names if n != total] + [total]
        min_count = self.parameterAsInt(parameters, self.MIN_COUNT, context)
        secondary = self.parameterAsBool(parameters, self.SECONDARY, context)

        crs = districts.sourceCrs()
        polys = read_geometries(districts, crs, context, feedback, tr("DISTRICTS"), (0, 20))
        if not polys:
            raise QgsProcessingException(tr("DISTRICTS has no usable polygon."))
        pts = read_geometries(points, crs, context, feedback, tr("POINTS"), (20, 40))
        area = polygon_of_points([g for _f, g in pts], [g for _f, g in polys], feedback, (40, 90))
        res = aggregate_points(area, column_matrix([f for f, _g in pts], names).reshape(len(pts), len(names)),
                               len(polys), names, min_count, secondary, total)
        if res["outside"]:
            feedback.pushWarning(tr("{0} point(s) lie outside every district and are not counted.").format(
                res["outside"]))
        if res["nulls"]:
            feedback.pushWarning(tr("{0} NULL value(s) in the point fields were left out of the sums.").format(
                res["nulls"]))
        flags = res["flags"].to_numpy()
        feedback.pushInfo(tr("Suppressed cells: {0} primary (below {1}), {2} secondary.").format(
            int((flags == PRIMARY).sum()), min_count, int((flags == SECONDARY).sum())))

        integer = all(points.fields().at(i).type() in (compat.FIELD_INT, compat.FIELD_LONGLONG, compat.FIELD_UINT,
                                                       compat.FIELD_ULONGLONG) for i in idx)
        added = [("n_points", compat.FIELD_INT)]
        for n in names:
            added += [(n, compat.FIELD_LONGLONG if integer else compat.FIELD_DOUBLE), (n + "_flag", compat.FIELD_STRING)]
        dest = write_added_fields(self, parameters, context, districts, [f for f, _g in polys], added,
                                  aggregate_columns(res, integer), feedback)
        feedback.setProgress(100)
        return {self.OUTPUT: dest}
