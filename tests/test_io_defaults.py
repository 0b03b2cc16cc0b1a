"""Defaults that fit any city, and batch calls that name only the main output (issue 12, item 8)."""

import json
import os

import processing
import qgisproc

from bildungslandschaft_plugin.processing import ids
from bildungslandschaft_plugin.processing.params import USUAL_FIELDS, usual_field
from bildungslandschaft_plugin.processing.provider import algorithm_classes
from tests import supply_data as data
from tests.io_util import rows, save
from tests.util import memory_layer

SAMPLE_CITY_NAMES = {"einr_id", "traeger", "art", "typ", "name", "von_id", "zu_id", "adr_id", "ot_key", "ot_name",
                     "kapazitaet", "plaetze", "kinder", "ew", "ew_3_5", "ew_6_9", "ew_gesamt", "einwohner"}


def test_no_parameter_default_names_a_sample_city_field():
    for cls in algorithm_classes():
        alg = cls()
        alg.initAlgorithm()
        for p in alg.parameterDefinitions():
            if p.type() == "field":
                default = p.defaultValue()
                assert default in (None, "") or str(default).lower() not in SAMPLE_CITY_NAMES, (alg.name(), p.name())


def test_usual_field_names_are_found_without_case():
    layer = memory_layer("Point", "EPSG:25833", [("Name", str), ("TRAEGER", str), ("id", int)], [], "x")
    assert usual_field(layer, "name") == "Name"
    assert usual_field(layer, "carrier") == "TRAEGER"
    assert usual_field(layer, "facility_id") == ""      # "id" is not taken as unique by guess
    assert "einr_id" in USUAL_FIELDS["facility_id"]


def _ordinary_facilities(path):
    """A facility GeoJSON as a new user would have it: no einr_id, no typ, no traeger."""
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"bezeichnung": "Kita {}".format(k), "plaetze": 10 + k},
         "geometry": {"type": "Point", "coordinates": [12.37 + 0.001 * k, 51.34]}} for k in range(4)]}))
    return str(path)


def test_exportwebmap_with_an_ordinary_layer_and_only_the_required_parameters(tmp_path, qgis_process_env):
    facilities = _ordinary_facilities(tmp_path / "kitas.geojson")
    out = str(tmp_path / "karte.html")
    result = qgisproc.run(ids.full_id(ids.EXPORT_WEB_MAP),
                          {"FACILITIES": facilities, "TITLE": "Kitas", "OUTPUT": out}, env=qgis_process_env)
    assert result["results"]["MARKERS"] == 4
    html = open(out, encoding="utf-8").read()
    assert "Kita 3" in html               # the name came from "bezeichnung", a usual name


def test_capacityallocation_batch_call_with_only_the_main_output(tmp_path, qgis_process_env):
    demand = save(data.demand_layer(), str(tmp_path / "adressen.gpkg"))
    facilities = save(data.facility_layer(), str(tmp_path / "kitas.gpkg"))
    od = save(data.od_layer(), str(tmp_path / "od.csv"))
    out = str(tmp_path / "zuordnung.gpkg")
    result = qgisproc.run(ids.full_id(ids.CAPACITY_ALLOCATION), {
        "DEMAND": demand, "DEMAND_ID": "adr_id", "DEMAND_WEIGHT": "kinder", "FACILITIES": facilities,
        "FACILITY_ID": "einr_id", "CAPACITY": "plaetze", "MAX_COST": 30, "OD_TABLE": od,
        "OD_ORIGIN_FIELD": "von", "OD_DESTINATION_FIELD": "nach", "OD_COST_FIELD": "minuten",
        "OUTPUT_DEMAND": out}, env=qgis_process_env)
    assert result["results"]["OUTPUT_DEMAND"] == out
    assert len(rows(out)) == 8
    assert sorted(os.listdir(tmp_path)) == ["adressen.gpkg", "kitas.gpkg", "od.csv", "zuordnung.gpkg"]


def test_processing_run_without_secondary_outputs():
    res = processing.run(ids.full_id(ids.CAPACITY_ALLOCATION), data.od_params(
        CAPACITY="plaetze", MAX_COST=30, OUTPUT_DEMAND="memory:"))
    assert len(rows(res["OUTPUT_DEMAND"])) == 8
    assert res.get("OUTPUT_FACILITIES") is None and res.get("OUTPUT_SUMMARY") is None
