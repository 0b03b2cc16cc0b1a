"""bildungslandschaft:cooperationnetwork – Kooperationsnetz of institutions."""

import numpy as np
from qgis.core import (
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)
from .. import compat

from ..core import cooperation as coop
from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm, Progress, optional_source, require_field, require_source
from .params import field_or_usual, field_parameter, usual_help
from .readers import district_of_points, read_feature_list, read_features
from .values import plain
from .writers import write_added_fields, write_table


def problem_message(problem):
    """A translated sentence for a problem code of :mod:`core.cooperation`."""
    messages = {
        coop.MISSING_ID: tr("from or to id is empty"),
        coop.UNKNOWN_FROM: tr("from id is not an institution of FACILITIES"),
        coop.UNKNOWN_TO: tr("to id is not an institution of FACILITIES"),
        coop.UNKNOWN_BOTH: tr("neither id is an institution of FACILITIES"),
        coop.SELF_LINK: tr("an institution linked to itself"),
        coop.DUPLICATE: tr("duplicate of an earlier row (same pair, same kind)"),
    }
    return messages.get(problem, problem)


class CooperationNetworkAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.COOPERATION_NETWORK
    GROUP_ID = ids.GROUP_COMPASS

    FACILITIES = "FACILITIES"
    FACILITY_ID = "FACILITY_ID"
    NAME_FIELD = "NAME_FIELD"
    CARRIER_FIELD = "CARRIER_FIELD"
    DISTRICT_FIELD = "DISTRICT_FIELD"
    PARTNERSHIPS = "PARTNERSHIPS"
    FROM_FIELD = "FROM_FIELD"
    TO_FIELD = "TO_FIELD"
    KIND_FIELD = "KIND_FIELD"
    DISTRICTS = "DISTRICTS"
    DISTRICT_ID = "DISTRICT_ID"
    OUTPUT_LINKS = "OUTPUT_LINKS"
    OUTPUT_FACILITIES = "OUTPUT_FACILITIES"
    OUTPUT_DISTRICTS = "OUTPUT_DISTRICTS"
    OUTPUT_PROBLEMS = "OUTPUT_PROBLEMS"

    def displayName(self):  # noqa: N802
        return tr("Cooperation network (Kooperationsnetz)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Builds the network of partnerships between institutions (schools, Kitas, libraries, adult "
            "education, youth clubs) from a partnership table and measures it.\n\n"
            "OUTPUT_LINKS: one line per partnership with kind, both names, both districts and the flags "
            "cross_district and cross_carrier.\n"
            "OUTPUT_FACILITIES: per institution degree (distinct partners), links, partners in other "
            "districts, partners of other carriers, betweenness centrality (share of shortest paths between "
            "other institutions that pass through it, 0–1), component and isolated.\n"
            "OUTPUT_DISTRICTS (when DISTRICTS is given): institutions, links inside, links to other "
            "districts and isolated institutions per district.\n\n"
            "Partnerships are undirected. Rows with unknown ids, self-links and duplicates (same pair, same "
            "kind) are left out and reported in the log and in OUTPUT_PROBLEMS, never dropped silently.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_param(
            QgsProcessingParameterFeatureSource(
                self.FACILITIES, tr("Institutions"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("Institutions (points or polygons), e.g. the layer einrichtungen."))
        self.add_param(
            QgsProcessingParameterField(self.FACILITY_ID, tr("Institution id field"), None,
                                        self.FACILITIES, optional=True),
            tr("Unique id of each institution; the partnership table refers to it (compared as text).") + " " +
            usual_help("facility_id", tr("the run stops")))
        self.add_param(
            QgsProcessingParameterField(self.NAME_FIELD, tr("Name field"), None, self.FACILITIES,
                                        optional=True),
            tr("Name of the institution, copied to the links.") + " " + usual_help("name"))
        self.add_param(
            QgsProcessingParameterField(self.CARRIER_FIELD, tr("Carrier field (Träger)"), None,
                                        self.FACILITIES, optional=True),
            tr("Carrier of the institution; partners of another carrier count in partners_other_carrier.") + " " +
            usual_help("carrier"))
        self.add_param(
            QgsProcessingParameterField(self.DISTRICT_FIELD, tr("District field of the institutions"), None,
                                        self.FACILITIES, optional=True),
            tr("District key stored on the institutions (e.g. ot_key). Used when no DISTRICTS layer is "
               "given, and for institutions outside every district polygon."))
        self.add_param(
            QgsProcessingParameterFeatureSource(
                self.PARTNERSHIPS, tr("Partnerships"), [QgsProcessing.SourceType.TypeVector]),
            tr("Table of partnerships, one row per partnership (e.g. kooperationen.csv)."))
        self.add_param(
            QgsProcessingParameterField(self.FROM_FIELD, tr("From id field"), None, self.PARTNERSHIPS,
                                        optional=True),
            tr("Id of the first institution of the partnership.") + " " + usual_help("from_id", tr("the run stops")))
        self.add_param(
            QgsProcessingParameterField(self.TO_FIELD, tr("To id field"), None, self.PARTNERSHIPS,
                                        optional=True),
            tr("Id of the second institution of the partnership.") + " " + usual_help("to_id", tr("the run stops")))
        self.add_param(
            QgsProcessingParameterField(self.KIND_FIELD, tr("Kind field"), None, self.PARTNERSHIPS,
                                        optional=True),
            tr("Kind of partnership (e.g. Ganztag, Lesepatenschaft). The same pair with another kind is a "
               "second partnership.") + " " + usual_help("kind"))
        self.add_param(
            QgsProcessingParameterFeatureSource(
                self.DISTRICTS, tr("Districts"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
            tr("Optional district polygons (e.g. ortsteile). Institutions are assigned to the district "
               "they lie in; enables OUTPUT_DISTRICTS."))
        self.add_param(
            QgsProcessingParameterField(self.DISTRICT_ID, tr("District key field"), None, self.DISTRICTS,
                                        optional=True),
            tr("Key of the districts (text, e.g. ot_key). Default: the first field."))
        self.add_param(
            QgsProcessingParameterFeatureSink(self.OUTPUT_LINKS, tr("Partnership links"),
                                              QgsProcessing.SourceType.TypeVectorLine),
            tr("One line per partnership between the two institutions."))
        self.add_param(
            QgsProcessingParameterFeatureSink(self.OUTPUT_FACILITIES, tr("Institutions with network measures"),
                                              QgsProcessing.SourceType.TypeVectorAnyGeometry, optional=True,
                                              createByDefault=True),
            tr("The institutions with degree, partners in other districts and of other carriers, "
               "betweenness and isolated."))
        self.add_param(
            QgsProcessingParameterFeatureSink(self.OUTPUT_DISTRICTS, tr("Districts with cooperation counts"),
                                              QgsProcessing.SourceType.TypeVectorPolygon, optional=True,
                                              createByDefault=True),
            tr("Per district: institutions, links inside, links to other districts, isolated institutions "
               "(only when DISTRICTS is given)."))
        self.add_param(
            QgsProcessingParameterFeatureSink(self.OUTPUT_PROBLEMS, tr("Rejected partnership rows"),
                                              QgsProcessing.SourceType.TypeVector, optional=True, createByDefault=False),
            tr("Rows of the partnership table that were left out, with the reason."))
        self.addOutput(QgsProcessingOutputNumber("LINK_COUNT", tr("Partnerships used")))
        self.addOutput(QgsProcessingOutputNumber("PROBLEM_COUNT", tr("Partnership rows left out")))
        self.addOutput(QgsProcessingOutputNumber("ISOLATED_COUNT", tr("Isolated institutions")))

    # ------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        facilities = require_source(self, parameters, self.FACILITIES, context)
        partnerships = require_source(self, parameters, self.PARTNERSHIPS, context)
        districts = optional_source(self, parameters, self.DISTRICTS, context)
        f = self.field_settings(parameters, context, facilities, partnerships, feedback)
        crs = facilities.sourceCrs()
        feedback.pushInfo(tr("Reading institutions …"))
        fids, values, points, _geoms = read_features(
            facilities, [f["id"], f["name"], f["carrier"], f["district"]], crs, context, feedback)
        fac_ids = self.institution_ids(values[f["id"]], fids, points, f["id"], feedback)
        names = values.get(f["name"]) if f["name"] else None
        carriers = values.get(f["carrier"]) if f["carrier"] else None
        district_keys, district_feats = self.district_keys(
            parameters, context, districts, values.get(f["district"]) if f["district"] else None, points, crs,
            feedback)

        feedback.pushInfo(tr("Reading partnerships …"))
        _pf, p_values, _pp, _pg = read_features(partnerships, [f["from"], f["to"], f["kind"]], crs, context, None,
                                                point=False)
        progress = Progress(feedback, len(fids), 20.0, 80.0)
        try:
            result = coop.analyse(fac_ids, p_values[f["from"]], p_values[f["to"]],
                                  p_values[f["kind"]] if f["kind"] else None, districts=district_keys,
                                  carriers=carriers, progress=progress.tick)
        except InterruptedError:
            raise QgsProcessingException(tr("Cancelled."))
        links, problems, m = result["links"], result["problems"], result["facilities"]
        self._report_problems(problems, feedback)
        if not links:
            feedback.pushWarning(tr("No usable partnership in {0}: every institution is isolated.").format(
                self.PARTNERSHIPS))

        out = self.write_outputs(parameters, context, feedback, facilities, districts, crs, result, {
            "fids": fids, "ids": fac_ids, "names": names, "carriers": carriers, "points": points,
            "district_keys": district_keys, "district_feats": district_feats})
        isolated = int(m["isolated"].sum())
        feedback.pushInfo(tr("{0} partnership(s) between {1} institution(s); {2} isolated institution(s); "
                             "{3} row(s) left out.").format(len(links), len(fids), isolated, len(problems)))
        feedback.setProgress(100)
        out.update({"LINK_COUNT": len(links), "PROBLEM_COUNT": len(problems), "ISOLATED_COUNT": isolated})
        return out

    def write_outputs(self, parameters, context, feedback, facilities, districts, crs, result, inst):
        """Write the links, institutions, districts and problems; ``{output: destination}``.

        *inst*: the institutions as read (``fids``, ``ids``, ``names``, ``carriers``, ``points``,
        ``district_keys``, ``district_feats``).
        """
        out = {}
        links, problems, m = result["links"], result["problems"], result["facilities"]
        fids, fac_ids, names, carriers, points = (inst[k] for k in ("fids", "ids", "names", "carriers", "points"))
        district_keys, district_feats = inst["district_keys"], inst["district_feats"]
        link_columns = [(name, compat.FIELD_STRING) for name in (
            "from_id", "to_id", "kind", "from_name", "to_name", "from_district", "to_district", "from_carrier",
            "to_carrier")] + [("cross_district", compat.FIELD_BOOL), ("cross_carrier", compat.FIELD_BOOL),
                              ("source_row", compat.FIELD_INT)]
        lines = [QgsGeometry.fromPolylineXY([QgsPointXY(points[k["from"]]), QgsPointXY(points[k["to"]])])
                 if points[k["from"]] is not None and points[k["to"]] is not None else None for k in links]
        out[self.OUTPUT_LINKS] = write_table(
            self, parameters, context, self.OUTPUT_LINKS, link_columns,
            coop.link_rows(links, fac_ids, names, district_keys, carriers), crs, kind="required", geometries=lines,
            geometry_type=QgsWkbTypes.Type.LineString)

        added = [("district", compat.FIELD_STRING)] if districts is not None else []
        added += [(name, compat.FIELD_INT) for name in ("degree", "links", "partners_other_district",
                                                       "partners_other_carrier")]
        added += [("betweenness", compat.FIELD_DOUBLE), ("component", compat.FIELD_INT),
                  ("component_size", compat.FIELD_INT), ("isolated", compat.FIELD_BOOL)]
        feats = read_feature_list(facilities, feedback, 80, 85)
        order = {fid: i for i, fid in enumerate(fids)}
        columns = coop.facility_columns(m, district_keys if districts is not None else None)
        out[self.OUTPUT_FACILITIES] = write_added_fields(
            self, parameters, context, facilities, feats, added,
            [[col[order[feat.id()]] for feat in feats] for col in columns], feedback, (85, 90),
            name=self.OUTPUT_FACILITIES, kind="secondary")
        if districts is not None:
            added = [(name, compat.FIELD_INT) for name in ("institutions", "links_inside",
                                                          "links_to_other_districts", "isolated_institutions")]
            dest = write_added_fields(
                self, parameters, context, districts, [feat for feat, _key in district_feats], added,
                coop.district_columns(result.get("districts", {}), [key for _feat, key in district_feats]),
                feedback, (90, 95), name=self.OUTPUT_DISTRICTS, kind="optional")
            if dest is not None:
                out[self.OUTPUT_DISTRICTS] = dest
        elif parameters.get(self.OUTPUT_DISTRICTS) not in (None, ""):
            feedback.pushInfo(tr("OUTPUT_DISTRICTS is written only when DISTRICTS is given."))
        problem_columns = [("source_row", compat.FIELD_INT)] + [(name, compat.FIELD_STRING) for name in (
            "from_id", "to_id", "kind", "problem", "message")] + [("first_row", compat.FIELD_INT)]
        rows = [[p["row"] + 1, p["from_id"], p["to_id"], p["kind"], p["problem"], problem_message(p["problem"]),
                 None if p.get("first_row") is None else p["first_row"] + 1] for p in problems]
        dest = write_table(self, parameters, context, self.OUTPUT_PROBLEMS, problem_columns, rows, crs, kind="optional")
        if dest is not None:
            out[self.OUTPUT_PROBLEMS] = dest

        return out

    # ------------------------------------------------------------------
    def field_settings(self, parameters, context, facilities, partnerships, feedback):
        """The fields of the institutions and partnerships (given, else found by their usual names)."""
        return {
            "id": field_or_usual(self, parameters, context, self.FACILITY_ID, facilities, "facility_id", feedback,
                                 required=True),
            "name": field_or_usual(self, parameters, context, self.NAME_FIELD, facilities, "name", feedback),
            "carrier": field_or_usual(self, parameters, context, self.CARRIER_FIELD, facilities, "carrier",
                                      feedback),
            "district": field_parameter(self, parameters, context, self.DISTRICT_FIELD, facilities, feedback),
            "from": field_or_usual(self, parameters, context, self.FROM_FIELD, partnerships, "from_id", feedback,
                                   required=True),
            "to": field_or_usual(self, parameters, context, self.TO_FIELD, partnerships, "to_id", feedback,
                                 required=True),
            "kind": field_or_usual(self, parameters, context, self.KIND_FIELD, partnerships, "kind", feedback),
        }

    def institution_ids(self, values, fids, points, id_field, feedback):
        """The normalised institution ids; a repeated id is an error, empty ids and missing points a warning."""
        fac_ids = [coop.normalise_id(v) for v in values]
        empty = [fids[i] for i, v in enumerate(fac_ids) if v is None]
        if empty:
            feedback.pushWarning(tr("{0} institution(s) have an empty id in {1} and cannot be linked "
                                    "(feature ids {2}).").format(len(empty), id_field, _short_list(empty)))
        twice = coop.first_duplicate(fac_ids)
        if twice is not None:
            raise QgsProcessingException(
                tr("Institution id '{0}' occurs twice in field {1} of {2} (features {3} and {4}); "
                   "ids must be unique.").format(fac_ids[twice[1]], id_field, self.FACILITIES, fids[twice[0]],
                                                 fids[twice[1]]))
        no_coords = [fac_ids[i] or str(fids[i]) for i, p in enumerate(points) if p is None]
        if no_coords:
            feedback.pushWarning(tr("{0} institution(s) without coordinates: {1}. They are analysed, but "
                                    "their links have no geometry.").format(len(no_coords),
                                                                          _short_list(no_coords)))
        return fac_ids

    def district_keys(self, parameters, context, districts, fac_district, points, crs, feedback):
        """``(district key of each institution or None, [(district feature, key)])``.

        With DISTRICTS the district containing the institution (the first one on a shared border), else its
        DISTRICT_FIELD; without either None (no district analysis).
        """
        if districts is None:
            return ([coop.normalise_id(d) for d in fac_district] if fac_district is not None else None), []
        district_id = self.parameterAsString(parameters, self.DISTRICT_ID, context)
        if not district_id:
            if districts.fields().count() == 0:
                raise QgsProcessingException(tr("Layer {0} ({1}) has no fields to use as district key.").format(
                    self.DISTRICTS, districts.sourceName()))
            district_id = districts.fields().at(0).name()
            feedback.pushInfo(tr("District key: field '{0}' of {1}.").format(district_id, self.DISTRICTS))
        key_index = require_field(districts, district_id, self.DISTRICT_ID)
        xy = np.array([(p.x(), p.y()) if p is not None else (np.nan, np.nan) for p in points],
                      dtype=float).reshape(len(points), 2)
        position, feats = district_of_points(districts, crs, context, xy, feedback)
        keys = [coop.normalise_id(plain(feat.attribute(key_index))) for feat in feats]
        district_keys = [keys[k] if k >= 0 else None for k in position]
        if fac_district is not None:
            district_keys = [d if d is not None else fac_district[i] for i, d in enumerate(district_keys)]
        outside = sum(1 for d in district_keys if d is None)
        if outside:
            feedback.pushWarning(tr("{0} institution(s) lie in no district of {1}; their district is "
                                    "unknown.").format(outside, self.DISTRICTS))
        return district_keys, list(zip(feats, keys))

    def _report_problems(self, problems, feedback):
        counts = coop.problem_counts(problems)
        for code in (coop.UNKNOWN_FROM, coop.UNKNOWN_TO, coop.UNKNOWN_BOTH, coop.MISSING_ID, coop.SELF_LINK,
                     coop.DUPLICATE):
            rows = [p for p in problems if p["problem"] == code]
            if not rows:
                continue
            detail = _short_list(["{0} ({1} → {2})".format(p["row"] + 1, p["from_id"] or "", p["to_id"] or "")
                                  for p in rows])
            feedback.pushWarning(tr("{0}: {1} row(s) of {2} left out: {3}: rows {4}").format(
                code, counts[code], self.PARTNERSHIPS, problem_message(code), detail))


def _short_list(items, limit=20):
    items = [str(i) for i in items]
    if len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + tr(" … and {0} more").format(len(items) - limit)
