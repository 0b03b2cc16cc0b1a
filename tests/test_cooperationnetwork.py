"""bildungslandschaft:cooperationnetwork through processing.run and qgis_process."""

import pytest
from qgis.core import NULL, QgsProcessingException, QgsVectorLayer

import processing
from bildungslandschaft_plugin.processing import ids

import qgisproc
from tests import compass_data as data

ALG = ids.full_id(ids.COOPERATION_NETWORK)


def run(**kw):
    params = {"FACILITIES": data.facilities_layer(), "PARTNERSHIPS": data.partnerships_layer(),
              "DISTRICTS": data.districts_layer(), "DISTRICT_ID": "ot_key",
              "OUTPUT_LINKS": "memory:", "OUTPUT_FACILITIES": "memory:", "OUTPUT_DISTRICTS": "memory:",
              "OUTPUT_PROBLEMS": "memory:"}
    params.update(kw)
    return processing.run(ALG, params)


def by(layer, key):
    return {f[key]: f for f in layer.getFeatures()}


def test_facility_measures_by_hand():
    res = run()
    fac = by(res["OUTPUT_FACILITIES"], "einr_id")
    assert {k: f["degree"] for k, f in fac.items()} == {"A": 1, "B": 3, "C": 2, "D": 3, "E": 1, "F": 0}
    assert {k: f["partners_other_district"] for k, f in fac.items()} == {
        "A": 0, "B": 2, "C": 1, "D": 2, "E": 1, "F": 0}
    assert {k: f["partners_other_carrier"] for k, f in fac.items()} == {
        "A": 0, "B": 1, "C": 2, "D": 2, "E": 1, "F": 0}
    assert {k: f["isolated"] for k, f in fac.items()} == {
        "A": False, "B": False, "C": False, "D": False, "E": False, "F": True}
    assert fac["B"]["betweenness"] == pytest.approx(0.3)
    assert fac["D"]["betweenness"] == pytest.approx(0.3)
    assert fac["C"]["district"] == "02"
    assert res["ISOLATED_COUNT"] == 1


def test_links_flags_and_geometry():
    res = run()
    links = list(res["OUTPUT_LINKS"].getFeatures())
    assert res["LINK_COUNT"] == 6 and len(links) == 6
    rows = {f["source_row"]: f for f in links}
    assert sorted(rows) == [1, 2, 3, 4, 6, 11]
    bc = rows[2]
    assert (bc["from_id"], bc["to_id"], bc["kind"]) == ("B", "C", "Ganztag")
    assert bc["from_name"] == "Bibliothek Äußere Neustadt"
    assert (bc["from_district"], bc["to_district"]) == ("01", "02")
    assert bc["cross_district"] is True and bc["cross_carrier"] is True
    assert rows[3]["cross_district"] is False and rows[3]["cross_carrier"] is True
    assert bc.geometry().length() == pytest.approx(700.0)


def test_problems_reported_not_dropped():
    res = run()
    probs = {f["source_row"]: f["problem"] for f in res["OUTPUT_PROBLEMS"].getFeatures()}
    assert probs == {5: "duplicate", 7: "self_link", 8: "unknown_to", 9: "unknown_both", 10: "missing_id",
                     12: "unknown_from"}
    assert res["PROBLEM_COUNT"] == 6


def test_districts_by_hand():
    res = run()
    d = by(res["OUTPUT_DISTRICTS"], "ot_key")
    got = {k: (f["institutions"], f["links_inside"], f["links_to_other_districts"], f["isolated_institutions"])
           for k, f in d.items()}
    assert got == {"01": (3, 2, 2, 1), "02": (2, 1, 3, 0), "03": (1, 0, 1, 0)}
    assert d["02"]["ot_name"] == "Grünau"


def test_district_field_without_layer_and_inputs_untouched():
    fac = data.facilities_layer()
    part = data.partnerships_layer()
    res = run(FACILITIES=fac, PARTNERSHIPS=part, DISTRICTS=None, DISTRICT_FIELD="ot_key")
    links = {f["source_row"]: f for f in res["OUTPUT_LINKS"].getFeatures()}
    assert links[4]["cross_district"] is True
    assert "OUTPUT_DISTRICTS" not in res
    assert fac.fields().names() == ["einr_id", "name", "typ", "traeger", "ot_key", "kapazitaet"]
    assert part.featureCount() == len(data.PARTNERSHIPS)


def test_facility_without_coordinates():
    res = run(FACILITIES=data.facilities_layer(missing_geometry=("C",)))
    links = {f["source_row"]: f for f in res["OUTPUT_LINKS"].getFeatures()}
    assert links[2].geometry().isNull()
    assert not links[1].geometry().isNull()
    fac = by(res["OUTPUT_FACILITIES"], "einr_id")
    assert fac["C"]["degree"] == 2
    assert fac["C"]["district"] == NULL


def test_bad_input():
    empty = QgsVectorLayer("Point?crs=EPSG:25833", "leer", "memory")
    with pytest.raises(QgsProcessingException, match="FACILITIES"):
        run(FACILITIES=empty)
    with pytest.raises(QgsProcessingException, match="nummer"):
        run(FACILITY_ID="nummer")
    dup = data.FACILITIES + [("A",) + data.FACILITIES[1][1:]]
    with pytest.raises(QgsProcessingException, match="'A' occurs twice"):
        run(FACILITIES=data.facilities_layer(rows=dup))


def test_qgis_process_with_csv_and_gpkg(tmp_path, qgis_process_env):
    gpkg = str(tmp_path / "stadt.gpkg")
    fac = data.write_gpkg(data.facilities_layer(), gpkg, "einrichtungen")
    dist = data.write_gpkg(data.districts_layer(), gpkg, "ortsteile")
    csv = data.write_partnerships_csv(str(tmp_path / "kooperationen.csv"))
    res = qgisproc.run(ALG, {
        "FACILITIES": fac, "PARTNERSHIPS": csv, "DISTRICTS": dist, "DISTRICT_ID": "ot_key",
        "OUTPUT_LINKS": str(tmp_path / "links.gpkg"),
        "OUTPUT_FACILITIES": str(tmp_path / "fac.gpkg"), "OUTPUT_DISTRICTS": str(tmp_path / "dist.gpkg"),
    }, env=qgis_process_env)
    assert res["results"]["LINK_COUNT"] == 6
    assert res["results"]["PROBLEM_COUNT"] == 6
    layer = QgsVectorLayer(str(tmp_path / "fac.gpkg"), "fac", "ogr")
    degrees = {f["einr_id"]: f["degree"] for f in layer.getFeatures()}
    assert degrees == {"A": 1, "B": 3, "C": 2, "D": 3, "E": 1, "F": 0}
    dist_layer = QgsVectorLayer(str(tmp_path / "dist.gpkg"), "d", "ogr")
    assert sorted(f["links_to_other_districts"] for f in dist_layer.getFeatures()) == [1, 2, 3]
