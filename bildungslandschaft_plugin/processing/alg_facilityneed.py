"""bildungslandschaft:facilityneed – need per facility (Sozialindex je Einrichtung) from the children it serves."""

import collections

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsRendererCategory,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from .. import compat

from ..core import facilityneed as fn
from ..core import network as nw
from ..core import socialindex as si
from ..resources import resource_path
from ..rendering.styles import berlin_labels, ramp_colours
from ..translation import tr
from . import ids, readers, writers
from . import network_params as npar
from .base import (
    BildungslandschaftAlgorithm,
    Progress,
    check_canceled,
    optional_source,
    require_field,
    require_source,
    working_crs,
)
from .nearest_search import nearest_facilities
from .values import nullable_floats, number_or_nan

CLASS_QML = "socialindex_classes.qml"


def _fmt(value):
    return "{:.2f}".format(value)


def _num(value):
    """Children: whole numbers without decimals, else one decimal."""
    return "{:.0f}".format(value) if abs(value - round(value)) < 1e-9 else "{:.1f}".format(value)


def class_labels(classification, facility_index, breaks):
    """{class: label}: the Berlin labels, or "class c of N (a to b)" as socialindex writes them."""
    if classification == si.CLASS_BERLIN:
        return berlin_labels()
    idx = facility_index[np.isfinite(facility_index)]
    edges = [float(idx.min())] + [float(b) for b in breaks] + [float(idx.max())]
    return {c: tr("class {0} of {1} ({2} to {3})").format(c, len(edges) - 1, _fmt(edges[c - 1]), _fmt(edges[c]))
            for c in range(1, len(edges))}


# -- style: the social-index class colours on facility points ------------------------------------------
def class_colours(labels, berlin):
    """{class: QColor}: for Berlin classes the colours of ``socialindex_classes.qml``, else the class ramp."""
    keys = sorted(labels)
    if berlin:
        probe = QgsVectorLayer("Polygon?field=index_class:integer", "probe", "memory")
        _msg, ok = probe.loadNamedStyle(resource_path("styles", CLASS_QML))
        renderer = probe.renderer()
        if ok and isinstance(renderer, QgsCategorizedSymbolRenderer):
            colours = {}
            for cat in renderer.categories():
                try:
                    colours[int(cat.value())] = QColor(cat.symbol().color())
                except (TypeError, ValueError):
                    continue
            if all(k in colours for k in keys):
                return {k: colours[k] for k in keys}
    return dict(zip(keys, ramp_colours(len(keys))))


def apply_facility_class_style(layer, labels, berlin):
    """Categorized renderer on ``facility_class`` with the social-index colours; True when styled."""
    if layer is None or not layer.isValid() or layer.fields().lookupField("facility_class") < 0:
        return False
    geometry = layer.geometryType()
    if geometry not in (QgsWkbTypes.GeometryType.PointGeometry, QgsWkbTypes.GeometryType.PolygonGeometry):
        return False
    colours = class_colours(labels, berlin)

    def symbol(colour):
        sym = QgsSymbol.defaultSymbol(geometry)
        sym.setColor(colour)
        if geometry == QgsWkbTypes.GeometryType.PointGeometry:
            sym.setSize(3.2)
            sym.symbolLayer(0).setStrokeColor(QColor(60, 60, 60))
        else:
            sym.symbolLayer(0).setStrokeColor(QColor(255, 255, 255))
        return sym

    cats = [QgsRendererCategory(k, symbol(colours[k]), "{0} {1}".format(k, labels[k])) for k in sorted(labels)]
    cats.append(QgsRendererCategory(None, symbol(QColor("#bdbdbd")), tr("no value (left out)")))
    layer.setRenderer(QgsCategorizedSymbolRenderer("facility_class", cats))
    layer.triggerRepaint()
    return True


class FacilityClassStyle(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, labels, berlin):
        super().__init__()
        self.labels = dict(labels)
        self.berlin = berlin

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        apply_facility_class_style(layer, self.labels, self.berlin)


# QGIS keeps no Python reference to a post-processor (see styles._KEEP_ALIVE): keep the last ones here.
_KEEP_ALIVE = collections.deque(maxlen=16)


def district_values(features, index_field, class_field, indicators):
    """``(index, classes or None, indicator matrix or None)`` of the district *features* (NULL -> NaN); a class
    that is not a number stops the run naming the district."""
    index = np.array([number_or_nan(f[index_field]) for f in features], dtype=float)
    classes = None
    if class_field:
        classes = np.array([number_or_nan(f[class_field]) for f in features], dtype=float)
        for j, f in enumerate(features):
            raw = f[class_field]
            if not np.isfinite(classes[j]) and not fn.is_null(raw):
                raise QgsProcessingException(tr(
                    "INDEX_CLASS_FIELD '{0}' of district feature {1} is '{2}', not a class number.").format(
                    class_field, f.id(), raw))
    ind_values = np.column_stack([[number_or_nan(f[n]) for f in features] for n in indicators]) \
        if indicators else None
    return index, classes, ind_values


def output_columns(res, labels, indicators, class_field):
    """``(fields, columns)`` of the facility output from the result of :func:`..core.facilityneed.facility_need`."""
    new = writers.new_field
    extra = [new("served", compat.FIELD_DOUBLE, 20, 3), new("mean_index", compat.FIELD_DOUBLE),
             new("share_unknown", compat.FIELD_DOUBLE)]
    extra += [new("mean_" + n, compat.FIELD_DOUBLE) for n in indicators]
    columns = [np.asarray(res["served"], dtype=float).tolist(), nullable_floats(res["mean_index"]),
               nullable_floats(res["share_unknown"])]
    columns += [nullable_floats(res["means"][:, k]) for k in range(len(indicators))]
    if class_field:
        extra += [new("share_class_{0}".format(c), compat.FIELD_DOUBLE) for c in res["class_values"]]
        share = np.asarray(res["share_class"], dtype=float).reshape(len(columns[0]), -1)
        columns += [nullable_floats(share[:, k]) for k in range(share.shape[1])]
    extra += [new("facility_index", compat.FIELD_DOUBLE), new("facility_class", compat.FIELD_INT),
              new("facility_label", compat.FIELD_STRING, 80), new("excluded", compat.FIELD_STRING, 120)]
    reason_text = {fn.NO_CHILDREN: tr("no children served"),
                   fn.NO_INDEX: tr("no served child lives in a district with an index")}
    inc = np.asarray(res["included"], dtype=bool)
    cls = np.asarray(res["facility_class"]).astype(np.int64)
    columns += [nullable_floats(res["facility_index"]),
                [int(c) if i else None for c, i in zip(cls.tolist(), inc.tolist())],
                [labels.get(c) if i else None for c, i in zip(cls.tolist(), inc.tolist())],
                [reason_text.get(r) for r in res["reasons"]]]
    return extra, columns


class FacilityNeedAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.FACILITY_NEED
    GROUP_ID = ids.GROUP_SOCIAL

    FACILITIES = npar.FACILITIES
    FACILITY_ID = npar.FACILITY_ID
    DEMAND = npar.DEMAND
    DEMAND_WEIGHT = npar.DEMAND_WEIGHT
    ASSIGNMENT_FIELD = "ASSIGNMENT_FIELD"
    DISTRICTS = "DISTRICTS"
    INDEX_FIELD = "INDEX_FIELD"
    INDEX_CLASS_FIELD = "INDEX_CLASS_FIELD"
    INDICATORS = "INDICATORS"
    CLASSIFICATION = "CLASSIFICATION"
    N_CLASSES = "N_CLASSES"
    OUTPUT = "OUTPUT"
    SERVED = "SERVED"
    UNASSIGNED = "UNASSIGNED"
    OUTSIDE_DISTRICTS = "OUTSIDE_DISTRICTS"

    def displayName(self):  # noqa: N802
        return tr("Need per facility (Sozialindex je Einrichtung)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "The social composition of the children each facility (Kita, school) serves, from their home "
            "districts, as in Munich's Förderformel or the school social indices of NRW and Hamburg. Which "
            "facility serves which demand feature comes from ASSIGNMENT_FIELD of DEMAND (the facility_id "
            "written by catchments or capacityallocation, or an enrolment list joined to addresses) or, "
            "without it, from the nearest facility over NETWORK (as in catchments). Every child takes the "
            "values of the district its address lies in. Per facility: served (children), mean_index "
            "(children-weighted mean of the district index), share_unknown (percent of the children left out "
            "of that mean: district index NULL or address outside every district), mean_<indicator>, "
            "share_class_1 ... share_class_4 (percent of the children with a known district class who live "
            "in each class), facility_index (mean_index standardised over the facilities that serve "
            "children: 0 = average facility, high = high burden), facility_class and facility_label (Berlin "
            "classes or quantiles, as in socialindex), excluded (why a facility has no index). Demand no "
            "facility serves (unassigned) and demand outside every district are reported. The output feeds "
            "budgetallocation: TARGET_POPULATION served, NEED facility_class.")

    def initAlgorithm(self, config=None):  # noqa: N802
        npar.add_facility_parameters(self)
        npar.add_demand_parameters(
            self, tr("Addresses, buildings or grid cells with children (polygons: a point inside is used)."),
            tr("Numeric field with the children per feature, e.g. children aged 3–5 (default 1 per feature)."))
        self.add_param(QgsProcessingParameterField(
            self.ASSIGNMENT_FIELD, tr("Facility id in the demand layer (assignment)"),
            parentLayerParameterName=self.DEMAND, optional=True),
            tr("Field of DEMAND with the id of the facility that serves the feature (e.g. facility_id from "
               "catchments or capacityallocation). Empty: the nearest facility over NETWORK is computed."))
        npar.add_network_parameters(self)
        network = self.parameterDefinition(npar.NETWORK)
        network.setFlags(network.flags() | QgsProcessingParameterDefinition.Flag.FlagOptional)
        network.setHelp(tr("Street network for the nearest-facility search (as in catchments); only used when "
                           "ASSIGNMENT_FIELD is empty."))
        npar.add_max_cost_parameter(self)
        self.add_param(QgsProcessingParameterFeatureSource(
            self.DISTRICTS, tr("Districts with the social index"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("District polygons with the social index (e.g. the output of socialindex)."))
        self.add_param(QgsProcessingParameterField(
            self.INDEX_FIELD, tr("Social index field"), parentLayerParameterName=self.DISTRICTS,
            type=QgsProcessingParameterField.DataType.Numeric, defaultValue="index"),
            tr("Numeric district index (high = high burden); NULL districts are left out of the means."))
        self.add_param(QgsProcessingParameterField(
            self.INDEX_CLASS_FIELD, tr("Index class field"), parentLayerParameterName=self.DISTRICTS,
            optional=True),
            tr("District class (whole numbers 1, 2, ...; e.g. index_class); gives share_class_1 ... "
               "share_class_4."))
        self.add_param(QgsProcessingParameterField(
            self.INDICATORS, tr("Indicators"), parentLayerParameterName=self.DISTRICTS,
            type=QgsProcessingParameterField.DataType.Numeric, allowMultiple=True, optional=True),
            tr("District indicators whose children-weighted mean is written as mean_<indicator>."))
        self.add_param(QgsProcessingParameterEnum(
            self.CLASSIFICATION, tr("Classification"),
            options=[tr("Berlin classes (-1, 1, 1.5)"), tr("quantiles"), tr("natural breaks (Jenks)"),
                     tr("equal intervals")], defaultValue=0),
            tr("How the facility index is cut into classes (class 1 = least burden), as in socialindex."))
        self.add_param(QgsProcessingParameterNumber(
            self.N_CLASSES, tr("Number of classes"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=4, minValue=2, maxValue=12),
            tr("For quantiles, natural breaks and equal intervals; the Berlin classes are always 4."))
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Need per facility")),
                       tr("The facilities with served, mean_index, mean_<indicator>, share_class_*, "
                          "facility_index, facility_class and facility_label."))
        self.addOutput(QgsProcessingOutputNumber(self.SERVED, tr("Children assigned to a facility")))
        self.addOutput(QgsProcessingOutputNumber(self.UNASSIGNED, tr("Unassigned demand")))
        self.addOutput(QgsProcessingOutputNumber(self.OUTSIDE_DISTRICTS, tr("Demand outside every district")))

    # ------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)  # repaired by read_geometries
        facilities, demand, districts = (require_source(self, parameters, name, context)
                                         for name in (self.FACILITIES, self.DEMAND, self.DISTRICTS))
        assign_field, network, index_field, class_field, indicators = self._settings(
            parameters, context, feedback, demand, districts)
        classification = self.parameterAsEnum(parameters, self.CLASSIFICATION, context)
        n_classes = self.parameterAsInt(parameters, self.N_CLASSES, context)
        weight_field = self.parameterAsString(parameters, self.DEMAND_WEIGHT, context)
        max_cost = npar.max_cost_parameter(self, parameters, context) if network is not None else None
        crs = working_crs([network, districts, demand, facilities], feedback)
        fac = readers.read_facilities(facilities, crs, context, feedback,
                                      self.parameterAsString(parameters, self.FACILITY_ID, context))
        feedback.setProgress(5)
        if network is None:  # -- which facility serves which demand
            d_fids, d_xy, weights, facility_of = self._assignment_from_field(
                demand, facilities, fac, crs, context, feedback, assign_field, weight_field)
        else:
            d_fids, d_xy, _d_feats, weights = readers.read_weighted_demand(self, parameters, context, feedback, crs,
                                                                           demand, weight_field)
            facility_of = self._nearest_assignment(parameters, context, feedback, crs, network, fac, d_xy, weights,
                                                   max_cost)
        check_canceled(feedback)
        feedback.setProgress(50)

        feedback.setProgressText(tr("Finding the district of every demand feature"))
        polys = readers.read_geometries(districts, crs, context, feedback, tr("DISTRICTS"), (50, 60))
        if not polys:
            raise QgsProcessingException(tr("DISTRICTS has no usable polygon."))
        district_of = readers.polygon_of_xy([g for _f, g in polys], d_xy, Progress(feedback, len(d_fids), 60, 85),
                                                feedback)
        d_feats_dist = [f for f, _g in polys]
        index, classes, ind_values = district_values(d_feats_dist, index_field, class_field, indicators)
        try:
            res = fn.facility_need(len(fac.ids), facility_of, weights, district_of, index, classes, ind_values,
                                   indicators, classification, n_classes)
        except si.IndexInputError as err:
            raise self._error(err, facilities, fac.feats, demand, d_fids, d_feats_dist)
        check_canceled(feedback)
        labels = class_labels(classification, res["facility_index"], res["breaks"])
        self._report(res, fac.ids, weights, district_of, facility_of, labels, classification, indicators, class_field,
                     network is None, assign_field, weight_field, feedback)

        extra, columns = output_columns(res, labels, indicators, class_field)
        dest_id = writers.write_rows(self, parameters, context, self.OUTPUT, facilities, fac.feats, extra, columns,
                                     feedback=feedback, layer_name=facilities.sourceName())
        feedback.setProgress(100)
        if dest_id and context.willLoadLayerOnCompletion(dest_id):
            processor = FacilityClassStyle(labels, classification == si.CLASS_BERLIN)
            _KEEP_ALIVE.append(processor)
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)
        return {self.OUTPUT: dest_id, self.SERVED: res["assigned"], self.UNASSIGNED: res["unassigned"],
                self.OUTSIDE_DISTRICTS: res["outside"]}

    def _settings(self, parameters, context, feedback, demand, districts):
        """``(assignment field, network or None, index field, class field, indicators)``, checked."""
        assign_field = self.parameterAsString(parameters, self.ASSIGNMENT_FIELD, context)
        network = optional_source(self, parameters, npar.NETWORK, context)
        if assign_field:
            require_field(demand, assign_field, self.ASSIGNMENT_FIELD)
            if network is not None:
                feedback.pushWarning(tr("ASSIGNMENT_FIELD is given: NETWORK is not used."))
                network = None
        elif network is None:
            raise QgsProcessingException(tr("Give either ASSIGNMENT_FIELD (the facility id in DEMAND) or a NETWORK "
                                            "for the nearest-facility search."))
        index_field = self.parameterAsString(parameters, self.INDEX_FIELD, context)
        if not index_field:
            raise QgsProcessingException(tr("Choose the INDEX_FIELD of DISTRICTS."))
        require_field(districts, index_field, self.INDEX_FIELD, numeric=True)
        class_field = self.parameterAsString(parameters, self.INDEX_CLASS_FIELD, context)
        if class_field:
            require_field(districts, class_field, self.INDEX_CLASS_FIELD)
        indicators = compat.parameter_as_fields(self, parameters, self.INDICATORS, context) or []
        for name in indicators:
            require_field(districts, name, self.INDICATORS, numeric=True)
        return assign_field, network, index_field, class_field, indicators

    def _assignment_from_field(self, demand, facilities, fac, crs, context, feedback, assign_field, weight_field):
        """``(demand fids, xy, weights, facility index per demand feature)`` from ASSIGNMENT_FIELD."""
        d_fids, d_xy, d_feats = readers.read_points(demand, crs, context, feedback, with_features=True)
        weights, n_null_w = readers.numeric_values(demand, d_feats, weight_field, self.DEMAND_WEIGHT)
        if n_null_w:
            feedback.pushWarning(tr("{0} demand features have no numeric weight in '{1}'; they count 0.").format(
                n_null_w, weight_field))
        a_idx = demand.fields().lookupField(assign_field)
        try:
            facility_of, codes, unknown = fn.match_assignments(fac.ids, [feat.attributes()[a_idx] for feat in d_feats])
        except si.IndexInputError as err:
            raise self._error(err, facilities, fac.feats, demand, d_fids)
        n_none = int((codes == fn.MATCH_NONE).sum())
        w_none = float(weights[codes == fn.MATCH_NONE].sum())
        if n_none:
            feedback.pushWarning(tr("{0} demand features ({1} children) have no facility in '{2}' (NULL or "
                                    "empty): unassigned.").format(n_none, _num(w_none), assign_field))
        if unknown:
            w_unknown = float(weights[codes == fn.MATCH_UNKNOWN].sum())
            shown = ", ".join("'{0}' ({1})".format(k, unknown[k]) for k in sorted(unknown)[:10])
            feedback.pushWarning(tr("{0} demand features ({1} children) name a facility that is not in "
                                    "FACILITIES ({2}): unassigned. Values: {3}.").format(
                int(sum(unknown.values())), _num(w_unknown), facilities.sourceName(), shown))
        feedback.pushInfo(tr("Assignment read from the field '{0}' of DEMAND.").format(assign_field))
        return d_fids, d_xy, weights, facility_of

    def _nearest_assignment(self, parameters, context, feedback, crs, network, fac, d_xy, weights, max_cost):
        """Facility index per demand point: the nearest over the network (-1 where not ``ok``)."""
        search = nearest_facilities(self, parameters, context, feedback, crs, network, fac.xy, d_xy, max_cost)
        ok = search.status == nw.OK
        for code in (nw.OFF_NETWORK, nw.NO_GEOMETRY, nw.UNREACHABLE, nw.BEYOND_MAX_COST):
            sel = search.status == code
            if sel.any():
                feedback.pushWarning(tr("{0} demand features ({1} children) not assigned: status '{2}'.").format(
                    int(sel.sum()), _num(float(weights[sel].sum())), code))
        mode = self.parameterAsEnum(parameters, npar.MODE, context)
        modes = npar.mode_options()
        feedback.pushInfo(tr("Assignment: nearest facility over the network ({0}, cost unit {1}).").format(
            modes[mode] if 0 <= mode < len(modes) else mode, npar.cost_unit(search.cost_name)))
        return np.where(ok, search.facility, -1).astype(np.int64)

    # ------------------------------------------------------------------
    def _error(self, err, facilities, f_feats, demand, d_fids, d_feats=None):
        d = err.details
        code = err.code
        if code == "facility_duplicate":
            return QgsProcessingException(tr(
                "FACILITY_ID: features {0} and {1} of {2} have the same id '{3}'; the ids must be unique.").format(
                f_feats[d["first"]].id(), f_feats[d["second"]].id(), facilities.sourceName(), d["key"]))
        if code == "weight_negative":
            return QgsProcessingException(tr("DEMAND_WEIGHT is negative ({0}) in feature {1} of {2}.").format(
                "{:g}".format(d["value"]), int(d_fids[d["row"]]), demand.sourceName()))
        if code == "weight_missing":
            return QgsProcessingException(tr("DEMAND_WEIGHT is missing in feature {0} of {1}.").format(
                int(d_fids[d["row"]]), demand.sourceName()))
        if code == "district_class":
            return QgsProcessingException(tr(
                "INDEX_CLASS_FIELD: the class {0} of district feature {1} is not a whole number from 1 to 12.").format(
                "{:g}".format(d["value"]), d_feats[d["row"]].id() if d_feats else d["row"]))
        if code == "too_few_facilities":
            return QgsProcessingException(tr(
                "Only {0} facilities serve children who live in a district with an index; at least 2 are needed "
                "for a facility index. Check the assignment and INDEX_FIELD.").format(d["n"]))
        if code == "facility_constant":
            return QgsProcessingException(tr(
                "Every facility has the same mean index ({0}); the facility index cannot be standardised.").format(
                _fmt(d["value"])))
        if code == "too_few_areas":
            return QgsProcessingException(tr(
                "Only {0} facilities have an index, fewer than the {1} classes. Lower N_CLASSES.").format(
                d["n"], d["classes"]))
        if code == "classes_min":
            return QgsProcessingException(tr("N_CLASSES must be at least 2."))
        return QgsProcessingException(str(err))

    def _report(self, res, f_ids, weights, district_of, facility_of, labels, classification, indicators, class_field,
                from_field, assign_field, weight_field, feedback):
        no_children = [str(f_ids[j]) for j, r in enumerate(res["reasons"]) if r == fn.NO_CHILDREN]
        no_index = [str(f_ids[j]) for j, r in enumerate(res["reasons"]) if r == fn.NO_INDEX]
        if no_children:
            feedback.pushWarning(tr("{0} facilities serve no children and get no index (NULL): {1}.").format(
                len(no_children), ", ".join(no_children[:30])))
        if no_index:
            feedback.pushWarning(tr("{0} facilities serve only children in districts without an index and get no "
                                    "index (NULL): {1}.").format(len(no_index), ", ".join(no_index[:30])))
        outside_n = int((district_of < 0).sum())
        if outside_n:
            feedback.pushWarning(tr("{0} demand features ({1} children) lie outside every district (or have no "
                                    "geometry); {2} of these children are assigned to a facility and count in "
                                    "served, but not in the means.").format(
                outside_n, _num(res["outside"]), _num(res["outside_assigned"])))
        if res["null_index"] > 0:
            feedback.pushWarning(tr("{0} assigned children live in districts whose index is NULL; they count in "
                                    "served, but not in mean_index (see share_unknown).").format(_num(res["null_index"])))
        for k, name in enumerate(indicators):
            if res["null_indicator"][k] > 0:
                feedback.pushWarning(tr("{0} assigned children live in districts where '{1}' is NULL; they are left "
                                        "out of mean_{1}.").format(_num(res["null_indicator"][k]), name))
        feedback.pushInfo(self.method_paragraph(res, len(f_ids), classification, from_field, assign_field,
                                                weight_field, len(res["class_values"]) if class_field else 0))
        counts = np.bincount(res["facility_class"][res["included"]], minlength=max(labels) + 1)
        for c in sorted(labels):
            feedback.pushInfo(tr("Class {0} ({1}): {2} facilities.").format(c, labels[c], int(counts[c])))
        feedback.pushInfo(tr("Summary: {0} children in DEMAND, {1} served by a facility, unassigned {2}, outside "
                             "every district {3}.").format(_num(res["total"]), _num(res["assigned"]),
                                                           _num(res["unassigned"]), _num(res["outside"])))

    @staticmethod
    def method_paragraph(res, n_facilities, classification, from_field, assign_field, weight_field, n_class_shares):
        """One paragraph a council paper can quote (translated)."""
        parts = []
        if from_field:
            parts.append(tr("For each of {0} facilities the social situation of the children it serves was "
                            "determined. Which facility serves which address was taken from the field '{1}'.").format(
                n_facilities, assign_field))
        else:
            parts.append(tr("For each of {0} facilities the social situation of the children it serves was "
                            "determined. Each address was assigned to its nearest facility over the street "
                            "network.").format(n_facilities))
        parts.append(tr("Each child takes the social index of the district its address lies in; the facility's "
                        "mean index is the mean of these values weighted by the number of children ({0}).").format(
            weight_field or tr("one per address")))
        parts.append(tr("Children in districts without an index value, or outside every district, are left out of "
                        "the mean; their share is given per facility."))
        if n_class_shares:
            parts.append(tr("The shares of the children from districts of each index class are given as well."))
        n = int(res["included"].sum())
        parts.append(tr("The mean indices of the {0} facilities that serve children were standardised again "
                        "(deviation from their mean divided by their standard deviation), so that 0 is the "
                        "average facility and higher values mean greater social burden.").format(n))
        if classification == si.CLASS_BERLIN:
            parts.append(tr("Classes as for the districts: 1 high status (index below -1), 2 medium (-1 to 1), 3 "
                            "low (above 1 up to 1.5), 4 very low (above 1.5)."))
        else:
            kind = {si.CLASS_QUANTILES: tr("quantiles"), si.CLASS_JENKS: tr("natural breaks (Jenks)"),
                    si.CLASS_EQUAL: tr("equal intervals")}[classification]
            parts.append(tr("The facilities were put into {0} classes by {1} (limits {2}); class 1 has the least "
                            "burden.").format(len(res["breaks"]) + 1, kind, "; ".join(_fmt(b) for b in res["breaks"])))
        parts.append(tr("Of {0} children, {1} were assigned to a facility and {2} to none (unassigned); {3} live "
                        "outside every district.").format(_num(res["total"]), _num(res["assigned"]),
                                                          _num(res["unassigned"]), _num(res["outside"])))
        return " ".join(parts)
