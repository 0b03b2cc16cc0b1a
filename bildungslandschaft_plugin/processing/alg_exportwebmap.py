"""bildungslandschaft:exportwebmap – the Bildungskompass as a self-contained web map."""

import json

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core import lifephases, webmap
from ..core.cooperation import normalise_id
from ..resources import resource_path
from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm, require_source
from .readers import read_features
from .values import plain
from .params import field_or_usual, usual_help
from .. import compat


def phase_labels():
    """Translated names of the life phases."""
    return {
        "early_childhood": tr("Early childhood"),
        "school_age": tr("School age"),
        "youth": tr("Youth"),
        "adults": tr("Adults"),
        "seniors": tr("Seniors"),
    }


def load_type_mapping(text, parameter_name="TYPE_MAPPING"):
    """The life-phase mapping from *text* (or the shipped default table); clear error otherwise."""
    try:
        return lifephases.load(text, resource_path("lifephases.csv"))
    except (lifephases.MappingError, OSError, UnicodeDecodeError) as exc:
        raise QgsProcessingException(tr("{0}: the life-phase mapping cannot be read: {1}").format(
            parameter_name, exc))


def add_type_mapping_parameter(alg):
    alg.add_param(
        QgsProcessingParameterString("TYPE_MAPPING", tr("Life phases of the facility types"), "",
                                     multiLine=True, optional=True),
        tr("Which facility types serve which life phase, one entry per line or separated by ';': "
           "'Kita = early_childhood', 'Volkshochschule = adults, seniors', 'Bibliothek = all'. Phases: "
           "early_childhood, school_age, youth, adults, seniors (or Frühe Kindheit, Schulalter, Jugend, "
           "Erwachsene, Senioren). May also be the path of a CSV table like the default, "
           "resources/lifephases.csv. Empty: the default table."))


def geojson_geometry(geom, precision=6):
    return json.loads(geom.asJson(precision))


class ExportWebMapAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.EXPORT_WEB_MAP
    GROUP_ID = ids.GROUP_COMPASS

    FACILITIES = "FACILITIES"
    FACILITY_ID = "FACILITY_ID"
    NAME_FIELD = "NAME_FIELD"
    TYPE_FIELD = "TYPE_FIELD"
    CARRIER_FIELD = "CARRIER_FIELD"
    POPUP_FIELDS = "POPUP_FIELDS"
    DISTRICTS = "DISTRICTS"
    DISTRICT_NAME_FIELD = "DISTRICT_NAME_FIELD"
    LINKS = "LINKS"
    TYPE_MAPPING = "TYPE_MAPPING"
    TITLE = "TITLE"
    BASEMAP_URL = "BASEMAP_URL"
    BASEMAP_ATTRIBUTION = "BASEMAP_ATTRIBUTION"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Bildungskompass web map")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Writes a self-contained web page with all education offers: facilities coloured by type, filters "
            "by life phase and carrier, a search by name, popups with details, districts as outlines, "
            "partnerships (the OUTPUT_LINKS of the cooperation network) on demand and a legend.\n\n"
            "The page works offline when opened from disk and makes no request to the internet: the map "
            "library (Leaflet, BSD licence) and the data (GeoJSON in WGS84) are inside the file; there is no "
            "background map, the districts are drawn as the base map.\n\n"
            "OUTPUT: a file ending in .html, or a folder (index.html plus the data as GeoJSON files).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_param(
            QgsProcessingParameterFeatureSource(self.FACILITIES, tr("Facilities"),
                                                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("The education offers (points or polygons), e.g. einrichtungen."))
        self.add_param(QgsProcessingParameterField(self.FACILITY_ID, tr("Facility id field"), None,
                                                   self.FACILITIES, optional=True),
                       tr("Unique id; the partnership links refer to it.") + " " + usual_help("facility_id", tr("the feature id")))
        self.add_param(QgsProcessingParameterField(self.NAME_FIELD, tr("Name field"), None, self.FACILITIES,
                                                   optional=True),
                       tr("Name shown in the list, the popup and the search.") + " " + usual_help("name", tr("the id")))
        self.add_param(QgsProcessingParameterField(self.TYPE_FIELD, tr("Type field"), None, self.FACILITIES,
                                                   optional=True),
                       tr("Facility type (Kita, Grundschule, …): colour, legend and life phases.") + " " + usual_help("type"))
        self.add_param(QgsProcessingParameterField(self.CARRIER_FIELD, tr("Carrier field (Träger)"), None,
                                                   self.FACILITIES, optional=True),
                       tr("Carrier, offered as a filter.") + " " + usual_help("carrier"))
        self.add_param(QgsProcessingParameterField(self.POPUP_FIELDS, tr("Further fields in the popup"), None,
                                                   self.FACILITIES, allowMultiple=True, optional=True),
                       tr("Attributes shown in the popup besides name, type, carrier and life phases."))
        self.add_param(QgsProcessingParameterFeatureSource(self.DISTRICTS, tr("Districts"),
                                                           [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
                       tr("District polygons drawn as outlines (the base map)."))
        self.add_param(QgsProcessingParameterField(self.DISTRICT_NAME_FIELD, tr("District name field"), None,
                                                   self.DISTRICTS, optional=True),
                       tr("Name shown when pointing at a district. Default: ot_name, name or the first field."))
        self.add_param(QgsProcessingParameterFeatureSource(self.LINKS, tr("Partnership links"),
                                                           [QgsProcessing.SourceType.TypeVectorLine, QgsProcessing.SourceType.TypeVector],
                                                           optional=True),
                       tr("OUTPUT_LINKS of the cooperation network (fields from_id, to_id, kind, from_name, "
                          "to_name, cross_district, cross_carrier); shown on demand."))
        add_type_mapping_parameter(self)
        self.add_param(QgsProcessingParameterString(self.TITLE, tr("Title"), tr("Bildungskompass")),
                       tr("Title of the page."))
        self.add_param(QgsProcessingParameterString(self.BASEMAP_URL, tr("Basemap tile template (optional)"),
                                                    optional=True),
                       tr("An XYZ/WMTS tile URL with {z}, {x} and {y}, e.g. the city's or basemap.de's "
                          "(https://sgx.geodatenzentrum.de/wmts_basemapde/tile/1.0.0/de_basemapde_web_raster_farbe/"
                          "default/GLOBAL_WEBMERCATOR/{z}/{y}/{x}.png). Empty: no basemap, the page makes no "
                          "request at all. With a basemap the page may load images from exactly that host."),
                       advanced=True)
        self.add_param(QgsProcessingParameterString(self.BASEMAP_ATTRIBUTION, tr("Basemap attribution"),
                                                    optional=True),
                       tr("Attribution text the basemap's licence asks for, shown on the map "
                          "(e.g. © basemap.de / BKG)."),
                       advanced=True)
        self.add_param(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Web map"),
                                                             tr("HTML files (*.html)")),
                       tr("A .html file (everything inside) or a folder (index.html and GeoJSON files)."))
        self.addOutput(QgsProcessingOutputNumber("MARKERS", tr("Facilities on the map")))
        self.addOutput(QgsProcessingOutputNumber("LINKS_ON_MAP", tr("Partnerships on the map")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        facilities = require_source(self, parameters, self.FACILITIES, context)
        id_field = field_or_usual(self, parameters, context, self.FACILITY_ID, facilities, "facility_id", feedback)
        name_field = field_or_usual(self, parameters, context, self.NAME_FIELD, facilities, "name", feedback)
        type_field = field_or_usual(self, parameters, context, self.TYPE_FIELD, facilities, "type", feedback)
        carrier_field = field_or_usual(self, parameters, context, self.CARRIER_FIELD, facilities, "carrier", feedback)
        popup_fields = compat.parameter_as_fields(self, parameters, self.POPUP_FIELDS, context) or []
        for f in popup_fields:
            required_field_name(facilities, f, self.POPUP_FIELDS)
        mapping = load_type_mapping(self.parameterAsString(parameters, self.TYPE_MAPPING, context))
        title = self.parameterAsString(parameters, self.TITLE, context).strip() or tr("Bildungskompass")
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not output:
            raise QgsProcessingException(tr("Parameter {0} is required: a .html file or a folder.").format(
                self.OUTPUT))

        try:
            basemap = webmap.basemap_source(self.parameterAsString(parameters, self.BASEMAP_URL, context),
                                            self.parameterAsString(parameters, self.BASEMAP_ATTRIBUTION, context))
        except webmap.BasemapError as exc:
            raise QgsProcessingException(tr("{0}: {1}").format(self.BASEMAP_URL, exc))
        if basemap is not None:
            if not basemap["attribution"]:
                feedback.pushWarning(tr("No BASEMAP_ATTRIBUTION given: most tile licences require one."))
            feedback.pushInfo(tr("Basemap tiles from {0}; the page may load images from there and nowhere "
                                 "else.").format(", ".join(basemap["hosts"])))

        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        fields = [f for f in [id_field, name_field, type_field, carrier_field] + list(popup_fields) if f]
        fids, values, points, _geoms = read_features(facilities, fields, wgs84, context, feedback)
        labels = phase_labels()
        features, missing, unmapped, seen = [], [], set(), set()
        for i in range(len(fids)):
            fid = (normalise_id(values[id_field][i]) if id_field else None) or "#{0}".format(fids[i])
            if fid in seen:
                raise QgsProcessingException(tr("Facility id '{0}' occurs twice in field {1} of {2}.").format(
                    fid, id_field, self.FACILITIES))
            seen.add(fid)
            name = values[name_field][i] if name_field else None
            name = str(name) if name is not None else fid
            if points[i] is None:
                missing.append(name)
                continue
            typ = values[type_field][i] if type_field else None
            typ = str(typ) if typ is not None else tr("(no type)")
            if not lifephases.is_mapped(mapping, typ):
                unmapped.add(typ)
            carrier = values[carrier_field][i] if carrier_field else None
            details = [[f, _display(values[f][i])] for f in popup_fields if values[f][i] is not None]
            features.append(webmap.point_feature(points[i].x(), points[i].y(), {
                "id": fid, "name": name, "type": typ, "carrier": None if carrier is None else str(carrier),
                "phases": lifephases.phases_of(mapping, typ), "details": details}))
        if missing:
            feedback.pushWarning(tr("{0} facilities without coordinates are not on the map: {1}").format(
                len(missing), ", ".join(missing[:20])))
        if not features:
            raise QgsProcessingException(tr("No facility of {0} has coordinates; nothing to show.").format(
                self.FACILITIES))
        if unmapped:
            feedback.pushWarning(tr("Facility types without a life phase in TYPE_MAPPING (shown, but not found "
                                    "by the life-phase filter): {0}").format(", ".join(sorted(unmapped))))

        districts = self._districts(parameters, context, feedback, wgs84)
        links = self._links(parameters, context, feedback, wgs84, {f["properties"]["id"]: f for f in features})

        page = webmap.build_page(
            title, features, [{"key": k, "label": labels[k]} for k in lifephases.PHASES], self._labels(),
            webmap.read_assets(resource_path("web")), districts=districts, links=links,
            subtitle=tr("{0} offers · filter by life phase, carrier and type").format(len(features)),
            lang="de" if tr("Bildungskompass web map") != "Bildungskompass web map" else "en", basemap=basemap)
        data_files = {"facilities.geojson": webmap.feature_collection(features),
                      "districts.geojson": webmap.feature_collection(districts) if districts else None,
                      "links.geojson": webmap.feature_collection(links) if links else None}
        try:
            path = webmap.write_output(output, page, webmap.read_assets(resource_path("web")), data_files)
        except OSError as exc:
            raise QgsProcessingException(tr("Could not write the web map to {0}: {1}").format(output, exc))
        feedback.pushInfo(tr("Web map with {0} facilities and {1} partnerships written to {2}.").format(
            len(features), len(links or []), path))
        return {self.OUTPUT: output, "MARKERS": len(features), "LINKS_ON_MAP": len(links or [])}

    # ------------------------------------------------------------------
    def _districts(self, parameters, context, feedback, wgs84):
        if parameters.get(self.DISTRICTS) in (None, ""):
            return None
        districts = require_source(self, parameters, self.DISTRICTS, context)
        name_field = self.parameterAsString(parameters, self.DISTRICT_NAME_FIELD, context)
        if name_field:
            required_field_name(districts, name_field, self.DISTRICT_NAME_FIELD)
        else:
            names = districts.fields().names()
            name_field = next((n for n in ("ot_name", "name", "sb_name") if n in names), names[0] if names else "")
        transform = QgsCoordinateTransform(districts.sourceCrs(), wgs84, context.transformContext())
        idx = districts.fields().lookupField(name_field) if name_field else -1
        out = []
        for feat in districts.getFeatures():
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Cancelled."))
            geom = feat.geometry()
            if geom is None or geom.isNull():
                continue
            geom.transform(transform)
            name = plain(feat.attribute(idx)) if idx >= 0 else None
            out.append({"type": "Feature", "geometry": geojson_geometry(geom),
                        "properties": {"name": None if name is None else str(name)}})
        return out

    def _links(self, parameters, context, feedback, wgs84, by_id):
        if parameters.get(self.LINKS) in (None, ""):
            return None
        source = require_source(self, parameters, self.LINKS, context, allow_empty=True)
        for name in ("from_id", "to_id"):
            required_field_name(source, name, self.LINKS)
        names = source.fields().names()
        wanted = ["from_id", "to_id"] + [n for n in ("kind", "from_name", "to_name", "cross_district",
                                                       "cross_carrier") if n in names]
        _f, values, _p, _g = read_features(source, wanted, wgs84, context, None, point=False)
        out, unknown = [], 0
        for i in range(len(values["from_id"])):
            a, b = normalise_id(values["from_id"][i]), normalise_id(values["to_id"][i])
            if a not in by_id or b not in by_id:
                unknown += 1
                continue
            fa, fb = by_id[a], by_id[b]

            def val(name):
                return values[name][i] if name in values else None

            out.append({"type": "Feature",
                        "geometry": {"type": "LineString",
                                     "coordinates": [fa["geometry"]["coordinates"], fb["geometry"]["coordinates"]]},
                        "properties": {"from": a, "to": b, "kind": _display(val("kind")),
                                       "from_name": fa["properties"]["name"], "to_name": fb["properties"]["name"],
                                       "cross_district": bool(val("cross_district")),
                                       "cross_carrier": bool(val("cross_carrier"))}})
        if unknown:
            feedback.pushWarning(tr("{0} partnership link(s) of {1} name facilities that are not on the map "
                                    "and are left out.").format(unknown, self.LINKS))
        return out

    def _labels(self):
        return {
            "search": tr("Search by name"),
            "phase": tr("Life phase"),
            "allPhases": tr("All life phases"),
            "carrier": tr("Carrier"),
            "allCarriers": tr("All carriers"),
            "legend": tr("Facility types"),
            "showLinks": tr("Show partnerships ({0})"),
            "crossOnly": tr("Only partnerships across districts"),
            "linkKey": tr("Red and thick: across districts; dashed: across carriers."),
            "count": tr("{0} of {1} offers shown"),
            "none": tr("No offer matches the filters."),
            "partners": tr("Partners ({0})"),
            "type": tr("Type"),
            "phases": tr("Life phases"),
            "skipToList": tr("Skip to the list of offers"),
            "list": tr("Offers (list)"),
            "details": tr("Details of the selected offer"),
            "backToList": tr("Back to the list"),
            "map": tr("Map of the offers"),
            "listCut": tr("(the list shows the first {0}; narrow the filters)"),
        }


def required_field_name(source, name, parameter):
    if source.fields().lookupField(name) < 0:
        raise QgsProcessingException(tr("Field '{0}' ({1}) is not in layer {2}.").format(
            name, parameter, source.sourceName()))


def _display(value):
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "toString"):
        return value.toString("dd.MM.yyyy") if hasattr(value, "day") else value.toString()
    return str(value)
