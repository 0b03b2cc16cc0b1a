"""bildungslandschaft:cooperationnetwork – Kooperationsnetz of institutions."""

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingUtils,
    QgsSpatialIndex,
    QgsWkbTypes,
)
from .. import compat

from ..core import cooperation as coop
from ..translation import tr
from . import ids
from .base import (
    BildungslandschaftAlgorithm,
    Progress,
    optional_sink,
    optional_source,
    require_field,
    require_sink,
    secondary_sink,
    require_source,
)
from .params import field_parameter
from .readers import read_features
from .values import plain
from .params import field_or_usual, usual_help


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

        id_field = field_or_usual(self, parameters, context, self.FACILITY_ID, facilities, "facility_id", feedback,
                                  required=True)
        name_field = field_or_usual(self, parameters, context, self.NAME_FIELD, facilities, "name", feedback)
        carrier_field = field_or_usual(self, parameters, context, self.CARRIER_FIELD, facilities, "carrier", feedback)
        fdist_field = field_parameter(self, parameters, context, self.DISTRICT_FIELD, facilities, feedback)
        from_field = field_or_usual(self, parameters, context, self.FROM_FIELD, partnerships, "from_id", feedback,
                                    required=True)
        to_field = field_or_usual(self, parameters, context, self.TO_FIELD, partnerships, "to_id", feedback,
                                  required=True)
        kind_field = field_or_usual(self, parameters, context, self.KIND_FIELD, partnerships, "kind", feedback)

        crs = facilities.sourceCrs()
        feedback.pushInfo(tr("Reading institutions …"))
        fids, values, points, geoms = read_features(
            facilities, [id_field, name_field, carrier_field, fdist_field], crs, context, feedback)
        fac_ids = [coop.normalise_id(v) for v in values[id_field]]
        empty = [fids[i] for i, v in enumerate(fac_ids) if v is None]
        if empty:
            feedback.pushWarning(tr("{0} institution(s) have an empty id in {1} and cannot be linked "
                                    "(feature ids {2}).").format(len(empty), id_field, _short_list(empty)))
        seen = {}
        for i, key in enumerate(fac_ids):
            if key is None:
                continue
            if key in seen:
                raise QgsProcessingException(
                    tr("Institution id '{0}' occurs twice in field {1} of {2} (features {3} and {4}); "
                       "ids must be unique.").format(key, id_field, self.FACILITIES, fids[seen[key]], fids[i]))
            seen[key] = i
        no_coords = [fac_ids[i] or str(fids[i]) for i, p in enumerate(points) if p is None]
        if no_coords:
            feedback.pushWarning(tr("{0} institution(s) without coordinates: {1}. They are analysed, but "
                                    "their links have no geometry.").format(len(no_coords),
                                                                          _short_list(no_coords)))
        names = values.get(name_field) if name_field else [None] * len(fids)
        carriers = values.get(carrier_field) if carrier_field else None

        # districts per institution
        fac_district = values.get(fdist_field) if fdist_field else None
        district_keys, district_feats, district_id = None, [], ""
        if districts is not None:
            district_id = self.parameterAsString(parameters, self.DISTRICT_ID, context)
            if not district_id:
                if districts.fields().count() == 0:
                    raise QgsProcessingException(tr("Layer {0} ({1}) has no fields to use as district key.").format(
                        self.DISTRICTS, districts.sourceName()))
                district_id = districts.fields().at(0).name()
                feedback.pushInfo(tr("District key: field '{0}' of {1}.").format(district_id, self.DISTRICTS))
            require_field(districts, district_id, self.DISTRICT_ID)
            district_keys, district_feats = self._assign_districts(
                districts, district_id, points, crs, context, feedback)
            if fac_district is not None:
                district_keys = [d if d is not None else fac_district[i] for i, d in enumerate(district_keys)]
            outside = sum(1 for d in district_keys if d is None)
            if outside:
                feedback.pushWarning(tr("{0} institution(s) lie in no district of {1}; their district is "
                                        "unknown.").format(outside, self.DISTRICTS))
        elif fac_district is not None:
            district_keys = [coop.normalise_id(d) for d in fac_district]

        # partnerships
        feedback.pushInfo(tr("Reading partnerships …"))
        p_fields = [from_field, to_field, kind_field]
        _pf, p_values, _pp, _pg = read_features(partnerships, p_fields, crs, context, None, point=False)
        kinds = p_values[kind_field] if kind_field else None
        progress = Progress(feedback, len(fids), 20.0, 80.0)
        try:
            result = coop.analyse(fac_ids, p_values[from_field], p_values[to_field], kinds,
                                  districts=district_keys, carriers=carriers, progress=progress.tick)
        except InterruptedError:
            raise QgsProcessingException(tr("Cancelled."))
        links, problems = result["links"], result["problems"]
        self._report_problems(problems, feedback)
        if not links:
            feedback.pushWarning(tr("No usable partnership in {0}: every institution is isolated.").format(
                self.PARTNERSHIPS))

        out = {}
        # --- links ---
        lf = QgsFields()
        for name in ("from_id", "to_id", "kind", "from_name", "to_name", "from_district", "to_district",
                     "from_carrier", "to_carrier"):
            lf.append(QgsField(name, compat.FIELD_STRING))
        lf.append(QgsField("cross_district", compat.FIELD_BOOL))
        lf.append(QgsField("cross_carrier", compat.FIELD_BOOL))
        lf.append(QgsField("source_row", compat.FIELD_INT))
        sink, out[self.OUTPUT_LINKS] = require_sink(self, parameters, self.OUTPUT_LINKS, context, lf,
                                                    QgsWkbTypes.Type.LineString, crs)
        dk = district_keys or [None] * len(fids)
        ck = [coop.normalise_id(c) for c in carriers] if carriers else [None] * len(fids)
        for link in links:
            a, b = link["from"], link["to"]
            feat = QgsFeature(lf)
            if points[a] is not None and points[b] is not None:
                feat.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(points[a]), QgsPointXY(points[b])]))
            feat.setAttributes([fac_ids[a], fac_ids[b], link["kind"], _text(names[a]), _text(names[b]),
                                dk[a], dk[b], ck[a], ck[b], link["cross_district"], link["cross_carrier"],
                                link["row"] + 1])
            sink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)

        # --- facilities ---
        extra = QgsFields()
        if districts is not None:
            extra.append(QgsField("district", compat.FIELD_STRING))
        for name in ("degree", "links", "partners_other_district", "partners_other_carrier"):
            extra.append(QgsField(name, compat.FIELD_INT))
        extra.append(QgsField("betweenness", compat.FIELD_DOUBLE))
        extra.append(QgsField("component", compat.FIELD_INT))
        extra.append(QgsField("component_size", compat.FIELD_INT))
        extra.append(QgsField("isolated", compat.FIELD_BOOL))
        ff = QgsProcessingUtils.combineFields(facilities.fields(), extra)
        fsink, out[self.OUTPUT_FACILITIES] = secondary_sink(self, parameters, self.OUTPUT_FACILITIES, context, ff,
                                                          facilities.wkbType(), crs)
        m = result["facilities"]
        position = {fid: i for i, fid in enumerate(fids)}
        for feat in facilities.getFeatures():
            i = position[feat.id()]
            new = QgsFeature(ff)
            new.setGeometry(feat.geometry())
            attrs = list(feat.attributes())
            if districts is not None:
                attrs.append(dk[i])
            attrs += [int(m["degree"][i]), int(m["links"][i]), m["partners_other_district"][i],
                      m["partners_other_carrier"][i], float(m["betweenness"][i]), int(m["component"][i]),
                      int(m["component_size"][i]), bool(m["isolated"][i])]
            new.setAttributes(attrs)
            fsink.addFeature(new, QgsFeatureSink.Flag.FastInsert)

        # --- districts ---
        dsink = None
        if districts is not None:
            df = QgsFields()
            for name in ("institutions", "links_inside", "links_to_other_districts", "isolated_institutions"):
                df.append(QgsField(name, compat.FIELD_INT))
            dfields = QgsProcessingUtils.combineFields(districts.fields(), df)
            dsink, dest = optional_sink(self, parameters, self.OUTPUT_DISTRICTS, context, dfields,
                                               districts.wkbType(), districts.sourceCrs())
        if dsink is not None:
            out[self.OUTPUT_DISTRICTS] = dest
            summary = result.get("districts", {})
            for feat, key in district_feats:
                s = summary.get(key, {})
                new = QgsFeature(dfields)
                new.setGeometry(feat.geometry())
                new.setAttributes(list(feat.attributes()) + [
                    s.get("institutions", 0), s.get("links_inside", 0), s.get("links_to_other_districts", 0),
                    s.get("isolated_institutions", 0)])
                dsink.addFeature(new, QgsFeatureSink.Flag.FastInsert)
        elif parameters.get(self.OUTPUT_DISTRICTS) not in (None, "") and districts is None:
            feedback.pushInfo(tr("OUTPUT_DISTRICTS is written only when DISTRICTS is given."))

        # --- problems ---
        pf = QgsFields()
        pf.append(QgsField("source_row", compat.FIELD_INT))
        for name in ("from_id", "to_id", "kind", "problem", "message"):
            pf.append(QgsField(name, compat.FIELD_STRING))
        pf.append(QgsField("first_row", compat.FIELD_INT))
        psink, pdest = optional_sink(self, parameters, self.OUTPUT_PROBLEMS, context, pf,
                                            QgsWkbTypes.Type.NoGeometry, crs)
        if psink is not None:
            out[self.OUTPUT_PROBLEMS] = pdest
            for p in problems:
                feat = QgsFeature(pf)
                first = p.get("first_row")
                feat.setAttributes([p["row"] + 1, p["from_id"], p["to_id"], p["kind"], p["problem"],
                                    problem_message(p["problem"]), None if first is None else first + 1])
                psink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)

        isolated = int(m["isolated"].sum())
        feedback.pushInfo(tr("{0} partnership(s) between {1} institution(s); {2} isolated institution(s); "
                             "{3} row(s) left out.").format(len(links), len(fids), isolated, len(problems)))
        feedback.setProgress(100)
        out["LINK_COUNT"] = len(links)
        out["PROBLEM_COUNT"] = len(problems)
        out["ISOLATED_COUNT"] = isolated
        return out

    # ------------------------------------------------------------------
    def _assign_districts(self, districts, key_field, points, crs, context, feedback):
        """District key of each institution point (point in polygon), and the district features."""
        to_district = QgsCoordinateTransform(crs, districts.sourceCrs(), context.transformContext())
        key_index = districts.fields().lookupField(key_field)
        feats = []
        index = QgsSpatialIndex()
        geoms = {}
        for feat in districts.getFeatures():
            key = coop.normalise_id(plain(feat.attribute(key_index)))
            feats.append((QgsFeature(feat), key))
            if feat.hasGeometry():
                index.addFeature(feat)
                geoms[feat.id()] = (QgsGeometry(feat.geometry()), key)
        keys = []
        for pt in points:
            if pt is None:
                keys.append(None)
                continue
            g = QgsGeometry.fromPointXY(pt)
            g.transform(to_district)
            found = None
            for cand in sorted(index.intersects(g.boundingBox())):  # ties: the first district
                geom, key = geoms[cand]
                if geom.intersects(g):
                    found = key
                    break
            keys.append(found)
        return keys, feats

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


def _text(value):
    return None if value is None else str(value)


def _short_list(items, limit=20):
    items = [str(i) for i in items]
    if len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + tr(" … and {0} more").format(len(items) - limit)
