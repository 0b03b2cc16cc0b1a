"""Berlin MSS 2021 reproduced from the published files, with no editing outside the plugin.

The indicator CSV (FIS-Broker export, ``-9999`` for the areas the monitoring leaves out, dynamics published as
two-year changes D1/D3/D4) is joined to the LOR 2021 Planungsräume with ``joinsocialdata`` and indexed with
``socialindex`` (CHANGE_INDICATORS). The reference is the *published* result file ``mss_2021_indizes.csv``
(SI_N status class 1-4, DI_N dynamics 1 positiv / 3 stabil / 5 negativ, -9999 for the 6 invalid areas) and the
official table 3 z-values (rounded to 2 decimals).
"""

import csv

import pytest
from qgis.core import QgsVectorLayer

import processing
from bildungslandschaft_plugin.processing import ids
from tests.test_alg_joinsocialdata import LogFeedback

JOIN = ids.full_id(ids.JOIN_SOCIAL_DATA)
INDEX = ids.full_id(ids.SOCIAL_INDEX)
DYN_PUBLISHED = {1: "1", 2: "3", 3: "5"}   # our dynamics class -> published DI_N


def _published(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["PLR_ID"]: row for row in csv.DictReader(fh)}


def _table3(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return {row["PLR-ID"]: row for row in csv.DictReader(fh, delimiter=";")}


@pytest.fixture(scope="module")
def berlin(real_path, tmp_path_factory):
    indicators = real_path("berlin_mss_2021", "fisbroker_wfs", "mss_2021_index_indikatoren.csv")
    published = _published(real_path("berlin_mss_2021", "fisbroker_wfs", "mss_2021_indizes.csv"))
    plr = QgsVectorLayer(real_path("berlin_mss_2021", "lor_2021_geometry", "lor_post2021_PLR",
                                   "lor_planungsraeume_2021.shp"), "plr", "ogr")
    assert plr.isValid() and plr.featureCount() == 542
    out = tmp_path_factory.mktemp("berlin")
    log = LogFeedback()
    res = processing.run(JOIN, {"DISTRICTS": plr, "DISTRICT_KEY": "PLR_ID", "TABLE": indicators,
                                "TABLE_KEY": "PLR_ID", "OUTPUT": str(out / "joined.gpkg"),
                                "OUTPUT_REPORT": "memory:"}, feedback=log)
    return {"join": res, "join_log": log.lines, "published": published, "out": out, "real_path": real_path}


def _index(berlin, name, **extra):
    params = {"INPUT": berlin["join"]["OUTPUT"], "INDICATORS": ["S1", "S3", "S4"],
              "CHANGE_INDICATORS": ["D1", "D3", "D4"], "POPULATION": "EW", "MIN_POPULATION": 300,
              "OUTPUT": str(berlin["out"] / (name + ".gpkg"))}
    params.update(extra)
    log = LogFeedback()
    res = processing.run(INDEX, params, feedback=log)
    layer = QgsVectorLayer(res["OUTPUT"], name, "ogr")
    return {f["PLR_ID"]: f for f in layer.getFeatures()}, log.lines


def _agreement(features, published):
    status = dynamics = invalid_without = 0
    valid = [k for k, p in published.items() if p["SI_N"] != "-9999"]
    invalid = [k for k, p in published.items() if p["SI_N"] == "-9999"]
    for key in valid:
        f = features[key]
        status += str(f["index_class"]) == published[key]["SI_N"]
        dynamics += DYN_PUBLISHED.get(f["dyn_class"]) == published[key]["DI_N"]
    for key in invalid:
        f = features[key]
        invalid_without += f["index_class"] in (None,) or not isinstance(f["index_class"], int)
        assert not isinstance(f["dyn_class"], int)
    return len(valid), len(invalid), status, dynamics, invalid_without


def test_join_as_published_nulls_the_codes(berlin):
    res = berlin["join"]
    assert res["MATCHED"] == 542 and res["DISTRICTS_UNMATCHED"] == 0 and res["TABLE_UNMATCHED"] == 0
    layer = QgsVectorLayer(res["OUTPUT"], "joined", "ogr")
    rows = {f["PLR_ID"]: f for f in layer.getFeatures()}
    # Stülerstraße as printed in the file: S1 4.22594, D3 0.38963, EW 3419
    f = rows["01100101"]
    assert f["S1"] == pytest.approx(4.22594) and f["D3"] == pytest.approx(0.38963) and f["EW"] == 3419
    # the 6 areas the monitoring leaves out carry -9999 in every indicator: NULL with the code as flag
    for key in ("03300515", "03400831", "04400725", "05300838", "06200418", "10100205"):
        assert not isinstance(rows[key]["S1"], float) and rows[key]["S1_flag"] == "-9999"
        assert not isinstance(rows[key]["D4"], float) and rows[key]["D4_flag"] == "-9999"
    # 6 areas x 24 indicator/group columns = 144 codes, counted in the log and the report
    assert any("144 cell(s) held a missing-value code" in line for line in berlin["join_log"])
    report = QgsVectorLayer(res["OUTPUT_REPORT"], "r", "ogr") if isinstance(res["OUTPUT_REPORT"], str) \
        else res["OUTPUT_REPORT"]
    kinds = [f["kind"] for f in report.getFeatures()]
    assert kinds.count("missing_code") == 144
    # negative changes are real values, not codes: the smallest D4 in the file is kept
    assert min(f["D4"] for f in rows.values() if isinstance(f["D4"], float)) < -5


def test_status_and_dynamics_classes_536_of_536_with_exclude(berlin):
    features, log = _index(berlin, "index_exclude", EXCLUDE="\"KOM\" <> 'gültig'")
    n_valid, n_invalid, status, dynamics, invalid_without = _agreement(features, berlin["published"])
    assert (n_valid, n_invalid) == (536, 6)
    assert status == 536
    assert dynamics == 536
    assert invalid_without == 6
    assert features["10100205"]["excluded"].startswith("left out by EXCLUDE")  # the outlier (1262 residents)
    assert any("EXCLUDE" in line and "6 area(s)" in line for line in log)
    assert any("6 of the areas left out were named by the expression" in line for line in log)
    assert any("The changes were taken as published (D1, D3, D4)." in line for line in log)
    # published class sizes: status 75/366/46/49, dynamics 48/436/52
    assert any(line.startswith("Class 1 (high): 75 areas") for line in log)
    assert any(line.startswith("Class 4 (very low): 49 areas") for line in log)
    assert any(line.startswith("Dynamics class 3 (negative): 52 areas") for line in log)


def test_missing_codes_alone_give_the_same_classes(berlin):
    features, _log = _index(berlin, "index_codes")
    _n, _i, status, dynamics, invalid_without = _agreement(features, berlin["published"])
    assert (status, dynamics, invalid_without) == (536, 536, 6)
    assert features["10100205"]["excluded"] == "missing value: S1, S3, S4"


def test_z_values_match_official_table3(berlin):
    table3 = _table3(berlin["real_path"]("berlin_mss_2021", "table3_zwerte",
                                         "mss_2021_index-indikatoren_z-werte_plr.csv"))
    features, _log = _index(berlin, "index_z", EXCLUDE="\"KOM\" <> 'gültig'")
    checked = 0
    for key, row in table3.items():
        if not row["zS1"].strip():
            continue
        f = features[key]
        for ours, theirs in (("z_S1", "zS1"), ("z_S3", "zS3"), ("z_S4", "zS4")):
            assert f[ours] == pytest.approx(float(row[theirs].replace(",", ".")), abs=0.006), (key, ours)
        checked += 1
    assert checked == 536


def test_codes_kept_as_numbers_are_named_in_warnings(berlin, tmp_path):
    """With MISSING_CODES empty, -9999 stays a number: the index warns naming the area."""
    plr = QgsVectorLayer(berlin["real_path"]("berlin_mss_2021", "lor_2021_geometry", "lor_post2021_PLR",
                                             "lor_planungsraeume_2021.shp"), "plr", "ogr")
    res = processing.run(JOIN, {"DISTRICTS": plr, "DISTRICT_KEY": "PLR_ID", "MISSING_CODES": "",
                                "TABLE": berlin["real_path"]("berlin_mss_2021", "fisbroker_wfs",
                                                             "mss_2021_index_indikatoren.csv"),
                                "TABLE_KEY": "PLR_ID", "OUTPUT": str(tmp_path / "raw.gpkg")})
    log = LogFeedback()
    processing.run(INDEX, {"INPUT": res["OUTPUT"], "INDICATORS": ["S1", "S3", "S4"], "POPULATION": "EW",
                           "MIN_POPULATION": 300, "OUTPUT": str(tmp_path / "raw_index.gpkg")}, feedback=log)
    sentinel = [line for line in log.lines if "looks like a missing-value code" in line]
    # the outlier 10100205 has 1262 residents, so only it passes the population minimum with -9999 values
    assert len(sentinel) == 3 and all("10100205" in line for line in sentinel)
