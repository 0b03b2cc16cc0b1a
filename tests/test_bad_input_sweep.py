"""Bad input through the batch interface: every algorithm, typical wrong inputs, real qgis_process.

For each case we check what a batch user sees: exit code non-zero, no Python traceback, a message that
names the parameter / layer / field, and no half-written output file. Cases that are not an error
(inputs in EPSG:4326) must run through. The qgis_process calls run two at a time in one module fixture
(each call costs ~3 s of start-up), the parametrised tests then check one case each.
"""

import json
import os
from concurrent.futures import ThreadPoolExecutor

import pytest
import qgisproc
from osgeo import gdal, ogr

from bildungslandschaft_plugin.processing import ids
from bildungslandschaft_plugin.processing.provider import algorithm_classes

MISSING = "gibts_nicht"


def _prepare_city(root):
    """Sample city at scale 0.1 plus the derived and the deliberately bad layers."""
    from bildungslandschaft_plugin.sample.generator import generate

    paths = generate(str(root / "city"), scale=0.1)
    gpkg = paths["gpkg"]
    gdal.UseExceptions()
    bad = str(root / "bad.gpkg")
    for layer in ("strassen", "ortsteile", "adressen", "einrichtungen"):
        # empty copy with the same fields and geometry type (own data sources: the filter sticks to a layer)
        gdal.VectorTranslate(bad, gdal.OpenEx(gpkg, gdal.OF_VECTOR), layers=[layer], layerName=layer + "_leer",
                             where="1 = 0", accessMode="append" if os.path.exists(bad) else None)
        gdal.VectorTranslate(bad, gdal.OpenEx(gpkg, gdal.OF_VECTOR), layers=[layer], layerName=layer + "_4326",
                             dstSRS="EPSG:4326", accessMode="append")
    # streets as web downloads deliver them (Web Mercator); addresses with one negative weight
    gdal.VectorTranslate(bad, gdal.OpenEx(gpkg, gdal.OF_VECTOR), layers=["strassen"], layerName="strassen_3857",
                         dstSRS="EPSG:3857", accessMode="append")
    gdal.VectorTranslate(bad, gdal.OpenEx(gpkg, gdal.OF_VECTOR), layers=["adressen"], layerName="adressen_negativ",
                         accessMode="append")
    ds = gdal.OpenEx(bad, gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL("UPDATE adressen_negativ SET ew_6_9 = -2 WHERE fid = (SELECT MIN(fid) + 4 FROM adressen_negativ)")
    ds = None
    _address_geojsons(gpkg, root)
    # a table without geometry (the partnerships CSV as a GeoPackage attribute table)
    gdal.VectorTranslate(bad, gdal.OpenEx(paths["partnerships_csv"], gdal.OF_VECTOR), layerName="tabelle",
                         accessMode="append")
    # the social data joined to the districts (numeric indicators) and the social index on top
    import processing

    joined = str(root / "joined.gpkg")
    processing.run(ids.full_id(ids.JOIN_SOCIAL_DATA), {
        "DISTRICTS": gpkg + "|layername=ortsteile", "DISTRICT_KEY": "ot_key", "TABLE": paths["social_csv"],
        "TABLE_KEY": "Ortsteil", "YEAR_FIELD": "Jahr", "YEAR": 2025, "OUTPUT": joined})
    index = str(root / "index.gpkg")
    processing.run(ids.full_id(ids.SOCIAL_INDEX), {
        "INPUT": joined, "INDICATORS": ["SGB2_Quote", "Kinderarmut", "Arbeitslosigkeit"], "POPULATION": "Einwohner",
        "MIN_POPULATION": 0, "METHOD": 0, "CLASSIFICATION": 0, "OUTPUT": index})
    ds = ogr.Open(gpkg)
    ext = ds.GetLayerByName("ortsteile").GetExtent()
    ds = None
    return {
        "root": str(root),
        "gpkg": gpkg, "bad": bad, "csv": paths["social_csv"], "coop": paths["partnerships_csv"],
        "joined": joined, "index": index,
        "centre": "{:.0f},{:.0f} [EPSG:25833]".format((ext[0] + ext[1]) / 2, (ext[2] + ext[3]) / 2),
    }


def _address_geojsons(gpkg, root):
    """GeoJSON files of the addresses as users produce them.

    adressen_doppelt: two "Save as" exports merged, the fid attribute repeats; adressen_fidtext: a text fid;
    adressen_utm: UTM metres without a crs member (read as EPSG:4326).
    """
    ds = ogr.Open(gpkg)
    layer = ds.GetLayerByName("adressen")
    feats = []
    for f in layer:
        props = {k: f.GetField(k) for k in f.keys()}
        geom = f.GetGeometryRef()
        feats.append((f.GetFID(), props, (geom.GetX(), geom.GetY())))
    ds = None
    wgs84 = ogr.osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(ogr.osr.OAMS_TRADITIONAL_GIS_ORDER)
    utm = ogr.osr.SpatialReference()
    utm.ImportFromEPSG(25833)
    utm.SetAxisMappingStrategy(ogr.osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_wgs84 = ogr.osr.CoordinateTransformation(utm, wgs84)

    def collection(items):
        return {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": props, "geometry": {"type": "Point", "coordinates": list(xy)}}
            for props, xy in items]}

    def lonlat(xy):
        return to_wgs84.TransformPoint(xy[0], xy[1])[:2]

    doubled = [(dict(p, fid=fid), lonlat(xy)) for fid, p, xy in feats] * 2
    texts = [(dict(p, fid="a{}".format(fid % 7)), lonlat(xy)) for fid, p, xy in feats]
    in_utm = [(dict(p), xy) for _fid, p, xy in feats]
    for name, items in (("adressen_doppelt", doubled), ("adressen_fidtext", texts), ("adressen_utm", in_utm)):
        with open(os.path.join(str(root), name + ".geojson"), "w", encoding="utf-8") as fh:
            json.dump(collection(items), fh)
    return len(feats)


def _count(path):
    ds = ogr.Open(path)
    n = ds.GetLayer(0).GetFeatureCount()
    ds = None
    return n


def _sum(path, field):
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    total = sum(f.GetField(field) or 0.0 for f in layer)
    ds = None
    return total


def L(city, name):  # noqa: N802 - a layer of the sample city
    return "{}|layername={}".format(city["gpkg"], name)


def B(city, name):  # noqa: N802 - a layer of bad.gpkg
    return "{}|layername={}".format(city["bad"], name)


NET = {"MODE": 0, "COST_TYPE": 0, "SNAP_TOLERANCE": 250}


def baselines(c):
    """Valid parameters for every algorithm; outputs are given as bare file names (placed per case)."""
    schools = "{}|layername=einrichtungen|subset=\"typ\" = 'Grundschule'".format(c["gpkg"])
    kitas = "{}|layername=einrichtungen|subset=\"typ\" = 'Kita'".format(c["gpkg"])
    return {
        ids.SAMPLE_CITY: {"SCALE": 0.05, "SEED": 1, "OUTPUT_FOLDER": "@stadt"},
        ids.CATCHMENTS: dict(NET, NETWORK=L(c, "strassen"), FACILITIES=schools, FACILITY_ID="einr_id",
                             DEMAND=L(c, "adressen"), DEMAND_WEIGHT="ew_6_9", CAPACITY="kapazitaet",
                             OUTPUT_DEMAND="@d.gpkg", OUTPUT_FACILITIES="@f.gpkg", OUTPUT_AREAS="@a.gpkg"),
        ids.ACCESSIBILITY: dict(NET, NETWORK=L(c, "strassen"), FACILITIES=schools, FACILITY_ID="einr_id",
                                DEMAND=L(c, "adressen"), DEMAND_WEIGHT="ew_6_9", THRESHOLDS="500,1000",
                                DISTRICTS=L(c, "ortsteile"), DISTRICT_ID="ot_key",
                                OUTPUT_DEMAND="@d.gpkg", OUTPUT_DISTRICTS="@o.gpkg"),
        ids.SERVICE_AREAS: dict(NET, NETWORK=L(c, "strassen"), FACILITIES=schools, FACILITY_ID="einr_id",
                                THRESHOLDS="500,1000", BUFFER=50, DISSOLVE=False, DEMAND=L(c, "adressen"),
                                DEMAND_WEIGHT="ew_6_9", OUTPUT="@s.gpkg"),
        ids.COOPERATION_NETWORK: {
            "FACILITIES": L(c, "einrichtungen"), "FACILITY_ID": "einr_id", "PARTNERSHIPS": c["coop"],
            "FROM_FIELD": "von_id", "TO_FIELD": "zu_id", "KIND_FIELD": "art", "DISTRICTS": L(c, "ortsteile"),
            "DISTRICT_ID": "ot_key", "OUTPUT_LINKS": "@l.gpkg", "OUTPUT_FACILITIES": "@f.gpkg"},
        ids.EXPORT_WEB_MAP: {
            "FACILITIES": L(c, "einrichtungen"), "FACILITY_ID": "einr_id", "DISTRICTS": L(c, "ortsteile"),
            "DISTRICT_NAME_FIELD": "ot_name", "TITLE": "Test", "OUTPUT": "@karte.html"},
        ids.SOCIAL_INDEX: {
            "INPUT": c["joined"], "INDICATORS": ["SGB2_Quote", "Kinderarmut"], "POPULATION": "Einwohner",
            "MIN_POPULATION": 0, "METHOD": 0, "CLASSIFICATION": 0, "OUTPUT": "@i.gpkg"},
        ids.TYPOLOGY: {
            "INPUT": c["joined"], "INDICATORS": ["SGB2_Quote", "Kinderarmut"], "POPULATION": "Einwohner",
            "MIN_POPULATION": 0, "K": 3, "OUTPUT": "@t.gpkg", "PROFILES": "@p.gpkg"},
        ids.PRIORITY_AREAS: {
            "INPUT": c["index"], "INDEX_CLASS": "index_class", "DEFICIT": "Kinderarmut", "DEFICIT_CLASSES": 0,
            "OUTPUT": "@p.gpkg"},
        ids.BUDGET_ALLOCATION: {
            "INPUT": c["index"] + "|subset=\"index_class\" IS NOT NULL", "BUDGET": 100000, "TARGET_POPULATION": "Kinder_u15", "NEED": "index_class",
            "FACTORS": "1:0;2:0.25;3:0.5;4:1", "BASE_SHARE": 0.5, "MIN_AMOUNT": 0,
            "OUTPUT": "@b.gpkg", "REPORT": "@r.gpkg"},
        ids.JOIN_SOCIAL_DATA: {
            "DISTRICTS": L(c, "ortsteile"), "DISTRICT_KEY": "ot_key", "TABLE": c["csv"], "TABLE_KEY": "Ortsteil",
            "YEAR_FIELD": "Jahr", "YEAR": 2025, "OUTPUT": "@j.gpkg"},
        ids.AREAL_INTERPOLATION: {
            "SOURCE": L(c, "ortsteile"), "TARGET": L(c, "stadtbezirke"), "EXTENSIVE": ["einwohner"],
            "WEIGHT_MODE": 0, "OUTPUT": "@a.gpkg"},
        ids.AGGREGATE_POINTS: {
            "POINTS": L(c, "adressen"), "DISTRICTS": L(c, "ortsteile"), "FIELDS": ["ew_6_9", "ew_gesamt"],
            "MIN_COUNT": 3, "OUTPUT": "@a.gpkg"},
        ids.EXPORT_MAP: {"LAYERS": [L(c, "ortsteile")], "TITLE": "Test", "PAGE": 0, "OUTPUT": "@karte.pdf"},
        ids.DISTRICT_PROFILES: {
            "DISTRICTS": c["index"], "KEY_FIELD": "ot_key", "NAME_FIELD": "ot_name",
            "INDICATORS": "Einwohner,Einwohner", "FILTER": "\"ot_key\" = '01'", "OUTPUT": "@profile.pdf"},
        ids.OFFER_SEARCH: dict(NET, ORIGIN_POINT=c["centre"], FACILITIES=L(c, "einrichtungen"),
                               FACILITY_ID="einr_id", NETWORK=L(c, "strassen"), TARGET_GROUP=0, MAX_COST=2000,
                               OUTPUT="@o.gpkg"),
        ids.SUPPLY_DEMAND: dict(NET, METHOD=1, DEMAND=L(c, "adressen"), DEMAND_WEIGHT="ew_3_5", FACILITIES=kitas,
                                FACILITY_ID="einr_id", SUPPLY="kapazitaet", NETWORK=L(c, "strassen"),
                                STEPS="500:1;1000:0.5", DISTRICTS=L(c, "ortsteile"),
                                OUTPUT_DEMAND="@d.gpkg", OUTPUT_FACILITIES="@f.gpkg", OUTPUT_DISTRICTS="@o.gpkg"),
        ids.CAPACITY_ALLOCATION: dict(NET, DEMAND=L(c, "adressen"), DEMAND_ID="adr_id", DEMAND_WEIGHT="ew_3_5",
                                      FACILITIES=kitas, FACILITY_ID="einr_id", CAPACITY="kapazitaet",
                                      NETWORK=L(c, "strassen"), OUTPUT_DEMAND="@d.gpkg",
                                      OUTPUT_FACILITIES="@f.gpkg", OUTPUT_SUMMARY="@s.gpkg"),
        ids.FACILITY_NEED: dict(NET, NETWORK=L(c, "strassen"), FACILITIES=kitas, FACILITY_ID="einr_id",
                                DEMAND=L(c, "adressen"), DEMAND_WEIGHT="ew_3_5", DISTRICTS=c["index"],
                                INDEX_FIELD="index", INDEX_CLASS_FIELD="index_class", INDICATORS=["SGB2_Quote"],
                                OUTPUT="@n.gpkg"),
        ids.LOCATION_PLANNING: dict(NET, DEMAND=L(c, "adressen"), DEMAND_ID="adr_id", DEMAND_WEIGHT="ew_3_5",
                                    FACILITIES=kitas, FACILITY_ID="einr_id", FACILITY_CAPACITY="kapazitaet",
                                    CANDIDATES=L(c, "kita_kandidaten"), CANDIDATE_ID="kand_id",
                                    CANDIDATE_CAPACITY="kapazitaet", P=1, MODEL=0, NETWORK=L(c, "strassen"),
                                    OUTPUT_SITES="@st.gpkg", OUTPUT_DEMAND="@d.gpkg", OUTPUT_SUMMARY="@s.gpkg"),
    }


# (algorithm, case name, changes, expectation, words of which one must appear in the message)
# changes: {PARAM: value}; values starting with "bad:" are layers of bad.gpkg, "@" outputs in the case folder,
# "nofolder:" outputs in a folder that does not exist.
CASES = [
    (ids.SAMPLE_CITY, "negative_scale", {"SCALE": -1}, "fail", ["SCALE"]),
    (ids.CATCHMENTS, "unknown_field", {"DEMAND_WEIGHT": MISSING}, "fail", [MISSING]),
    (ids.CATCHMENTS, "text_capacity", {"CAPACITY": "name"}, "fail", ["CAPACITY", "name"]),
    (ids.CATCHMENTS, "empty_network", {"NETWORK": "bad:strassen_leer"}, "fail", ["NETWORK"]),
    (ids.CATCHMENTS, "table_as_demand", {"DEMAND": "bad:tabelle", "DEMAND_WEIGHT": None}, "fail", ["DEMAND"]),
    (ids.CATCHMENTS, "no_folder", {"OUTPUT_DEMAND": "nofolder:d.gpkg"}, "fail", ["OUTPUT_DEMAND", "d.gpkg"]),
    (ids.CATCHMENTS, "wgs84", {"NETWORK": "bad:strassen_4326", "DEMAND": "bad:adressen_4326"}, "ok", []),
    (ids.ACCESSIBILITY, "unknown_district_id", {"DISTRICT_ID": MISSING}, "fail", [MISSING]),
    (ids.ACCESSIBILITY, "empty_demand", {"DEMAND": "bad:adressen_leer"}, "fail", ["DEMAND"]),
    (ids.ACCESSIBILITY, "no_folder", {"OUTPUT_DISTRICTS": "nofolder:o.gpkg"}, "fail", ["OUTPUT_DISTRICTS", "o.gpkg"]),
    (ids.ACCESSIBILITY, "wgs84", {"DISTRICTS": "bad:ortsteile_4326"}, "ok", []),
    (ids.ACCESSIBILITY, "table_as_districts", {"DISTRICTS": "bad:tabelle"}, "fail", ["DISTRICTS"]),
    (ids.SERVICE_AREAS, "unknown_field", {"FACILITY_ID": MISSING}, "fail", [MISSING]),
    (ids.SERVICE_AREAS, "empty_facilities", {"FACILITIES": "bad:einrichtungen_leer"}, "fail", ["FACILITIES"]),
    (ids.SERVICE_AREAS, "text_weight", {"DEMAND_WEIGHT": "ot_key"}, "fail", ["DEMAND_WEIGHT", "ot_key"]),
    (ids.COOPERATION_NETWORK, "unknown_field", {"FROM_FIELD": MISSING}, "fail", [MISSING]),
    (ids.COOPERATION_NETWORK, "empty_facilities", {"FACILITIES": "bad:einrichtungen_leer"}, "fail", ["FACILITIES"]),
    (ids.COOPERATION_NETWORK, "no_folder", {"OUTPUT_LINKS": "nofolder:l.gpkg"}, "fail", ["OUTPUT_LINKS", "l.gpkg"]),
    (ids.COOPERATION_NETWORK, "wgs84", {"FACILITIES": "bad:einrichtungen_4326"}, "ok", []),
    (ids.COOPERATION_NETWORK, "table_as_districts", {"DISTRICTS": "bad:tabelle"}, "fail", ["DISTRICTS"]),
    (ids.EXPORT_WEB_MAP, "unknown_field", {"DISTRICT_NAME_FIELD": MISSING}, "fail", [MISSING]),
    (ids.EXPORT_WEB_MAP, "empty_facilities", {"FACILITIES": "bad:einrichtungen_leer"}, "fail", ["FACILITIES"]),
    (ids.EXPORT_WEB_MAP, "no_folder", {"OUTPUT": "nofolder:karte.html"}, "fail", ["OUTPUT", "karte.html"]),
    (ids.SOCIAL_INDEX, "unknown_field", {"POPULATION": MISSING}, "fail", [MISSING]),
    (ids.SOCIAL_INDEX, "text_indicator", {"INDICATORS": ["SGB2_Quote", "ot_name"]}, "fail", ["INDICATORS", "ot_name"]),
    (ids.SOCIAL_INDEX, "empty_input", {"INPUT": "bad:ortsteile_leer", "INDICATORS": ["einwohner"],
                                       "POPULATION": None}, "fail", ["INPUT"]),
    (ids.SOCIAL_INDEX, "no_folder", {"OUTPUT": "nofolder:i.gpkg"}, "fail", ["OUTPUT", "i.gpkg"]),
    (ids.TYPOLOGY, "unknown_field", {"INDICATORS": ["SGB2_Quote", MISSING]}, "fail", [MISSING]),
    (ids.TYPOLOGY, "text_indicator", {"INDICATORS": ["SGB2_Quote", "ot_name"]}, "fail", ["INDICATORS", "ot_name"]),
    (ids.PRIORITY_AREAS, "unknown_field", {"DEFICIT": MISSING}, "fail", [MISSING]),
    (ids.PRIORITY_AREAS, "text_deficit", {"DEFICIT": "ot_name"}, "fail", ["DEFICIT", "ot_name"]),
    (ids.PRIORITY_AREAS, "no_index_class", {"INPUT": "city:ortsteile", "DEFICIT": "einwohner"}, "fail",
     ["INDEX_CLASS", "index_class"]),
    (ids.BUDGET_ALLOCATION, "unknown_field", {"TARGET_POPULATION": MISSING}, "fail", [MISSING]),
    (ids.BUDGET_ALLOCATION, "text_population", {"TARGET_POPULATION": "ot_name"}, "fail",
     ["TARGET_POPULATION", "ot_name"]),
    (ids.BUDGET_ALLOCATION, "no_folder", {"REPORT": "nofolder:r.gpkg"}, "fail", ["REPORT", "r.gpkg"]),
    (ids.JOIN_SOCIAL_DATA, "unknown_key", {"DISTRICT_KEY": MISSING}, "fail", [MISSING]),
    (ids.JOIN_SOCIAL_DATA, "unknown_table_key", {"TABLE_KEY": MISSING}, "fail", [MISSING]),
    (ids.JOIN_SOCIAL_DATA, "missing_table", {"TABLE": "nofolder:tabelle.csv"}, "fail", ["TABLE", "tabelle.csv"]),
    (ids.JOIN_SOCIAL_DATA, "empty_districts", {"DISTRICTS": "bad:ortsteile_leer"}, "fail", ["DISTRICTS"]),
    (ids.JOIN_SOCIAL_DATA, "wgs84", {"DISTRICTS": "bad:ortsteile_4326"}, "ok", []),
    (ids.AREAL_INTERPOLATION, "text_extensive", {"EXTENSIVE": ["ot_name"]}, "fail", ["EXTENSIVE", "ot_name"]),
    (ids.AREAL_INTERPOLATION, "empty_target", {"TARGET": "bad:ortsteile_leer"}, "fail", ["TARGET"]),
    (ids.AREAL_INTERPOLATION, "wgs84", {"SOURCE": "bad:ortsteile_4326"}, "ok", []),
    (ids.AGGREGATE_POINTS, "unknown_field", {"FIELDS": ["ew_6_9", MISSING]}, "fail", [MISSING]),
    (ids.AGGREGATE_POINTS, "empty_points", {"POINTS": "bad:adressen_leer"}, "fail", ["POINTS"]),
    (ids.AGGREGATE_POINTS, "table_as_districts", {"DISTRICTS": "bad:tabelle"}, "fail", ["DISTRICTS"]),
    (ids.AGGREGATE_POINTS, "wgs84", {"POINTS": "bad:adressen_4326"}, "ok", []),
    (ids.EXPORT_MAP, "no_folder", {"OUTPUT": "nofolder:karte.pdf"}, "fail", ["OUTPUT", "karte.pdf"]),
    (ids.EXPORT_MAP, "empty_layer", {"LAYERS": ["bad:ortsteile_leer"]}, "fail", ["LAYERS", "ortsteile_leer"]),
    (ids.DISTRICT_PROFILES, "unknown_field", {"KEY_FIELD": MISSING}, "fail", [MISSING]),
    (ids.DISTRICT_PROFILES, "unknown_indicator", {"INDICATORS": MISSING + ",X"}, "fail", [MISSING]),
    (ids.DISTRICT_PROFILES, "no_folder", {"OUTPUT": "nofolder:profile.pdf"}, "fail", ["OUTPUT", "profile.pdf"]),
    (ids.OFFER_SEARCH, "unknown_field", {"FACILITY_ID": MISSING}, "fail", [MISSING]),
    (ids.OFFER_SEARCH, "empty_network", {"NETWORK": "bad:strassen_leer"}, "fail", ["NETWORK"]),
    (ids.OFFER_SEARCH, "wgs84", {"FACILITIES": "bad:einrichtungen_4326"}, "ok", []),
    (ids.SUPPLY_DEMAND, "text_supply", {"SUPPLY": "name"}, "fail", ["SUPPLY", "name"]),
    (ids.SUPPLY_DEMAND, "table_as_districts", {"DISTRICTS": "bad:tabelle"}, "fail", ["DISTRICTS"]),
    (ids.SUPPLY_DEMAND, "empty_demand", {"DEMAND": "bad:adressen_leer"}, "fail", ["DEMAND"]),
    (ids.SUPPLY_DEMAND, "no_folder", {"OUTPUT_FACILITIES": "nofolder:f.gpkg"}, "fail", ["OUTPUT_FACILITIES", "f.gpkg"]),
    (ids.CAPACITY_ALLOCATION, "unknown_field", {"CAPACITY": MISSING}, "fail", [MISSING]),
    (ids.CAPACITY_ALLOCATION, "text_weight", {"DEMAND_WEIGHT": "ot_key"}, "fail", ["DEMAND_WEIGHT", "ot_key"]),
    (ids.CAPACITY_ALLOCATION, "table_as_facilities", {"FACILITIES": "bad:tabelle"}, "fail", ["FACILITIES"]),
    (ids.CAPACITY_ALLOCATION, "no_folder", {"OUTPUT_SUMMARY": "nofolder:s.gpkg"}, "fail", ["OUTPUT_SUMMARY", "s.gpkg"]),
    (ids.FACILITY_NEED, "unknown_field", {"INDEX_FIELD": MISSING}, "fail", [MISSING]),
    (ids.FACILITY_NEED, "text_index", {"INDEX_FIELD": "ot_name"}, "fail", ["INDEX_FIELD", "ot_name"]),
    (ids.FACILITY_NEED, "unknown_assignment", {"ASSIGNMENT_FIELD": MISSING}, "fail", [MISSING]),
    (ids.FACILITY_NEED, "no_assignment_no_network", {"NETWORK": None}, "fail", ["ASSIGNMENT_FIELD"]),
    (ids.FACILITY_NEED, "table_as_districts", {"DISTRICTS": "bad:tabelle"}, "fail", ["DISTRICTS"]),
    (ids.FACILITY_NEED, "empty_demand", {"DEMAND": "bad:adressen_leer"}, "fail", ["DEMAND"]),
    (ids.FACILITY_NEED, "no_folder", {"OUTPUT": "nofolder:n.gpkg"}, "fail", ["OUTPUT", "n.gpkg"]),
    (ids.FACILITY_NEED, "wgs84", {"DEMAND": "bad:adressen_4326"}, "ok", []),
    # issue 12: rows, files, CRS, weights (outcomes checked in CHECKS below)
    (ids.CATCHMENTS, "baseline", {}, "ok", []),
    (ids.CATCHMENTS, "web_mercator_network", {"NETWORK": "bad:strassen_3857"}, "ok", []),
    (ids.CATCHMENTS, "negative_weight", {"DEMAND": "bad:adressen_negativ"}, "fail", ["ew_6_9"]),
    (ids.CATCHMENTS, "utm_in_geojson", {"DEMAND": "file:adressen_utm.geojson"}, "fail", ["adressen_utm"]),
    (ids.CATCHMENTS, "duplicate_fid", {"DEMAND": "file:adressen_doppelt.geojson"}, "ok", []),
    (ids.CATCHMENTS, "text_fid", {"DEMAND": "file:adressen_fidtext.geojson"}, "ok", []),
    (ids.CAPACITY_ALLOCATION, "only_main_output", {"OUTPUT_FACILITIES": None, "OUTPUT_SUMMARY": None}, "ok", []),
    (ids.AGGREGATE_POINTS, "output_is_input", {"OUTPUT": "city:FILE"}, "fail", ["would overwrite"]),
    (ids.AGGREGATE_POINTS, "gpkg_with_layers", {"OUTPUT": "@projekt.gpkg"}, "ok", []),
    (ids.LOCATION_PLANNING, "unknown_field", {"CANDIDATE_CAPACITY": MISSING}, "fail", [MISSING]),
    (ids.LOCATION_PLANNING, "text_weight", {"DEMAND_WEIGHT": "ot_key"}, "fail", ["DEMAND_WEIGHT", "ot_key"]),
    (ids.LOCATION_PLANNING, "table_as_candidates", {"CANDIDATES": "bad:tabelle"}, "fail", ["CANDIDATES"]),
    (ids.LOCATION_PLANNING, "p_too_large", {"P": 10000}, "fail", ["P", "kita_kandidaten"]),
    (ids.LOCATION_PLANNING, "coverage_without_max_cost", {"MODEL": 1}, "fail", ["MAX_COST"]),
    (ids.LOCATION_PLANNING, "no_folder", {"OUTPUT_SITES": "nofolder:st.gpkg"}, "fail", ["OUTPUT_SITES", "st.gpkg"]),
]


def _other_layer_in_output(case_dir, city):
    """gpkg_with_layers: the output GeoPackage already holds a layer of the planner's project."""
    out = os.path.join(case_dir, "out")
    os.makedirs(out, exist_ok=True)
    gdal.VectorTranslate(os.path.join(out, "projekt.gpkg"), gdal.OpenEx(city["gpkg"], gdal.OF_VECTOR),
                         layers=["ortsteile"], layerName="planung_2030")


#: preparations per case, run before qgis_process
PREPARE = {(ids.AGGREGATE_POINTS, "gpkg_with_layers"): _other_layer_in_output}


def _layers(path):
    ds = ogr.Open(path)
    names = sorted(ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount()))
    ds = None
    return names


def _check_same_costs(sweep, city, case):
    base = os.path.join(sweep[(ids.CATCHMENTS, "baseline")][1], "out", "d.gpkg")
    got = os.path.join(sweep[(ids.CATCHMENTS, case)][1], "out", "d.gpkg")
    assert _count(got) == _count(base)
    # Web Mercator taken as metres made every cost 1/cos(51.3 deg) = 1.6 times too long
    assert _sum(got, "cost") == pytest.approx(_sum(base, "cost"), abs=0.001 * _count(base))


def _check_every_row(sweep, city, case):
    base = os.path.join(sweep[(ids.CATCHMENTS, "baseline")][1], "out", "d.gpkg")
    got = os.path.join(sweep[(ids.CATCHMENTS, case)][1], "out", "d.gpkg")
    factor = 2 if case == "duplicate_fid" else 1
    assert _count(got) == factor * _count(base)           # GeoPackage dropped every repeated fid before
    assert _sum(got, "ew_6_9") == pytest.approx(factor * _sum(base, "ew_6_9"))


def _check_city_untouched(sweep, city, case):
    assert {"adressen", "einrichtungen", "ortsteile", "strassen"} <= set(_layers(city["gpkg"]))


def _check_layers_kept(sweep, city, case):
    path = os.path.join(sweep[(ids.AGGREGATE_POINTS, case)][1], "out", "projekt.gpkg")
    assert _layers(path) == ["planung_2030", "projekt"]


def _check_only_main_output(sweep, city, case):
    res, case_dir = sweep[(ids.CAPACITY_ALLOCATION, case)]
    assert sorted(os.listdir(os.path.join(case_dir, "out"))) == ["d.gpkg"]
    assert set(res["result"]["results"]) >= {"OUTPUT_DEMAND"}


CHECKS = {
    (ids.CATCHMENTS, "web_mercator_network"): _check_same_costs,
    (ids.CATCHMENTS, "wgs84"): _check_same_costs,
    (ids.CATCHMENTS, "duplicate_fid"): _check_every_row,
    (ids.CATCHMENTS, "text_fid"): _check_every_row,
    (ids.CAPACITY_ALLOCATION, "only_main_output"): _check_only_main_output,
    (ids.AGGREGATE_POINTS, "output_is_input"): _check_city_untouched,
    (ids.AGGREGATE_POINTS, "gpkg_with_layers"): _check_layers_kept,
}


def _resolve(value, city, case_dir):
    if isinstance(value, list):
        return [_resolve(v, city, case_dir) for v in value]
    if not isinstance(value, str):
        return value
    if value == "city:FILE":
        return city["gpkg"]
    if value.startswith("file:"):
        return os.path.join(city["root"], value[5:])
    if value.startswith("bad:"):
        return B(city, value[4:])
    if value.startswith("city:"):
        return L(city, value[5:])
    if value.startswith("@"):
        return os.path.join(case_dir, "out", value[1:])
    if value.startswith("nofolder:"):
        return os.path.join(case_dir, "fehlt", "ordner", value[len("nofolder:"):])
    return value


def case_params(alg_id, changes, city, case_dir):
    params = dict(baselines(city)[alg_id])
    params.update(changes)
    return {k: _resolve(v, city, case_dir) for k, v in params.items() if v is not None}


def _prepare_case(alg_id, name, city, case_dir):
    prepare = PREPARE.get((alg_id, name))
    if prepare is not None:
        prepare(case_dir, city)


def _run_case(args):
    alg_id, name, changes, city, case_dir, env = args
    os.makedirs(os.path.join(case_dir, "out"), exist_ok=True)
    params = case_params(alg_id, changes, city, case_dir)
    try:
        result = qgisproc.run(ids.full_id(alg_id), params, env=env, timeout=300)
        return {"ok": True, "result": result, "text": "", "params": params}
    except qgisproc.QgisProcessError as err:
        return {"ok": False, "text": (err.stdout or "") + "\n" + (err.stderr or ""), "message": str(err),
                "params": params}


@pytest.fixture(scope="module")
def sweep(tmp_path_factory, qgis_process_env):
    root = tmp_path_factory.mktemp("sweep")
    city = _prepare_city(root)
    jobs = [(alg, name, changes, city, str(root / "cases" / "{}_{}".format(alg, name)), qgis_process_env)
            for alg, name, changes, _, _ in CASES]
    for alg, name, _changes, _city, case_dir, _env in jobs:
        _prepare_case(alg, name, city, case_dir)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_run_case, jobs))
    out = {(alg, name): (res, job[4]) for (alg, name, *_), res, job in zip(CASES, results, jobs)}
    out["city"] = city
    return out


def test_every_algorithm_has_bad_input_cases():
    covered = {alg for alg, *_ in CASES}
    assert covered == {cls().name() for cls in algorithm_classes()}
    assert set(baselines({"gpkg": "x", "bad": "y", "csv": "z", "coop": "c", "joined": "j", "index": "i",
                          "centre": "0,0"})) == covered


@pytest.mark.parametrize("alg_id,name,changes,expect,words", CASES, ids=["{}-{}".format(c[0], c[1]) for c in CASES])
def test_bad_input(sweep, alg_id, name, changes, expect, words):
    res, case_dir = sweep[(alg_id, name)]
    text = res["text"]
    assert "Traceback" not in text, text
    check = CHECKS.get((alg_id, name))
    if expect == "ok":
        assert res["ok"], res.get("message")
        if check is not None:
            check(sweep, sweep["city"], name)
        return
    assert not res["ok"], "{} {} ran through: {}".format(alg_id, name, res.get("result"))
    echo = tuple("{}:\t".format(k) for k in res["params"])  # qgis_process echoes the inputs: not a message
    error_lines = "\n".join(line for line in text.splitlines() if not line.startswith(echo))
    assert any(w in error_lines for w in words), "message names none of {}:\n{}".format(words, text[-3000:])
    # a single layer of a GeoPackage is named by its layer name, not by the file's ("bad")
    for value in changes.values():
        if isinstance(value, str) and value.startswith("bad:"):
            assert value[4:] in error_lines, "layer {} not named:\n{}".format(value[4:], error_lines[-2000:])
    # no half-written output: the output folder is empty and the missing folder was not created
    out = os.path.join(case_dir, "out")
    left = [f for f in os.listdir(out)] if os.path.isdir(out) else []
    assert left == [], left
    assert not os.path.exists(os.path.join(case_dir, "fehlt"))
    if check is not None:
        check(sweep, sweep["city"], name)



def test_processing_run_checks_output_folders_before_writing(tmp_path):
    """In-process too: a missing folder of the *second* output stops before the first one is written."""
    import processing
    from qgis.core import QgsProcessingException

    points = tmp_path / "p.geojson"
    points.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"n": 1}, '
                      '"geometry": {"type": "Point", "coordinates": [0, 0]}}]}')
    first = tmp_path / "first.gpkg"
    with pytest.raises(QgsProcessingException, match="REPORT"):
        processing.run(ids.full_id(ids.BUDGET_ALLOCATION), {
            "INPUT": str(points), "BUDGET": 100, "TARGET_POPULATION": "n", "NEED": "n", "FACTORS": "",
            "OUTPUT": str(first), "REPORT": str(tmp_path / "fehlt" / "r.gpkg")})
    assert not first.exists() and not (tmp_path / "fehlt").exists()


def test_geometry_type_checked_for_layers_from_models(tmp_path):
    """A line layer where points are needed: a clear message instead of a run on wrong geometries."""
    import processing
    from qgis.core import QgsProcessingException

    lines = tmp_path / "l.geojson"
    lines.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"n": 1}, '
                     '"geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}}]}')
    with pytest.raises(QgsProcessingException, match="POINTS"):
        processing.run(ids.full_id(ids.AGGREGATE_POINTS), {
            "POINTS": str(lines), "DISTRICTS": str(lines), "FIELDS": ["n"], "OUTPUT": "TEMPORARY_OUTPUT"})
