"""processing.run tests of bildungslandschaft:facilityneed and the Förderformel chain facilityneed -> budgetallocation."""

from tests.util import LogFeedback
import math

import pytest
from qgis.core import QgsCategorizedSymbolRenderer, QgsProcessingException, QgsVectorLayer

import processing
from bildungslandschaft_plugin.processing import ids
from bildungslandschaft_plugin.processing.alg_facilityneed import apply_facility_class_style
from bildungslandschaft_plugin.rendering.styles import berlin_labels
from tests.layer_util import write_gpkg
from tests.util import memory_layer

CRS = "EPSG:25833"
NAN = float("nan")


def square(i, size=100):
    x = i * size
    return "POLYGON(({0} 0,{1} 0,{1} {2},{0} {2},{0} 0))".format(x, x + size, size)


def districts(index=(1.2, -0.4, None, -1.5), classes=(3, 2, None, 1), sgb2=(30.0, 10.0, 20.0, 5.0),
              armut=(40.0, None, 50.0, 8.0)):
    """Ortsteile A, B, C, D side by side (x 0-100, 100-200, 200-300, 300-400); C has no index."""
    rows = []
    for i, key in enumerate("ABCD"):
        rows.append((square(i), {"ot_key": key, "index": index[i], "index_class": classes[i], "sgb2": sgb2[i],
                                 "kinderarmut": armut[i]}))
    return memory_layer("Polygon", CRS, [("ot_key", str), ("index", float), ("index_class", int), ("sgb2", float),
                                         ("kinderarmut", float)], rows, name="ortsteile")


def kitas(n=4):
    rows = [("POINT({} 60)".format(50 + 100 * i), {"einr_id": "K{}".format(i + 1), "name": "Kita {}".format(i + 1)})
            for i in range(n)]
    return memory_layer("Point", CRS, [("einr_id", str), ("name", str)], rows, name="kitas")


# (x, y, children, facility id)
ADDRESSES = [(50, 50, 30, "K1"),     # A
             (150, 50, 10, "K1"),    # B   -> K1 serves children of two districts
             (160, 50, 20, "K2"),    # B
             (250, 50, 5, "K2"),     # C (index NULL)
             (350, 50, 15, "K3"),    # D
             (50, 500, 8, "K3"),     # outside every district
             (60, 50, 7, None),      # A, no facility
             (600, 500, 4, "KX")]    # outside, a facility that does not exist


def addresses(rows=ADDRESSES):
    return memory_layer("Point", CRS, [("adr_id", int), ("kinder", int), ("facility_id", str)],
                        [("POINT({} {})".format(x, y), {"adr_id": i, "kinder": w, "facility_id": f})
                         for i, (x, y, w, f) in enumerate(rows)], name="adressen")


def run(feedback=None, **overrides):
    params = {"FACILITIES": kitas(), "FACILITY_ID": "einr_id", "DEMAND": addresses(), "DEMAND_WEIGHT": "kinder",
              "ASSIGNMENT_FIELD": "facility_id", "DISTRICTS": districts(), "INDEX_FIELD": "index",
              "INDEX_CLASS_FIELD": "index_class", "INDICATORS": ["sgb2", "kinderarmut"], "OUTPUT": "memory:"}
    params.update(overrides)
    return processing.run(ids.full_id(ids.FACILITY_NEED), params, feedback=feedback)


def by_id(layer):
    out = {}
    for f in layer.getFeatures():
        out[f["einr_id"]] = {n: (None if v is None or (hasattr(v, "isNull") and v.isNull()) else v)
                             for n, v in zip(f.fields().names(), f.attributes())}
    return out


def test_facilityneed_hand_example_from_assignment_field():
    log = LogFeedback()
    res = run(feedback=log)
    out = by_id(res["OUTPUT"])
    k1, k2, k3, k4 = (out["K{}".format(i)] for i in range(1, 5))
    # K1: 30 children from A (1.2, class 3) and 10 from B (-0.4, class 2)
    assert k1["served"] == 40
    assert k1["mean_index"] == pytest.approx((30 * 1.2 - 10 * 0.4) / 40)
    assert k1["mean_sgb2"] == pytest.approx((30 * 30 + 10 * 10) / 40)
    assert k1["mean_kinderarmut"] == pytest.approx(40.0)  # B's value is NULL: its 10 children are left out
    assert [k1["share_class_{}".format(c)] for c in range(1, 5)] == pytest.approx([0, 25, 75, 0])
    assert k1["share_unknown"] == pytest.approx(0)
    # K2: C has no index: its 5 children are left out of mean_index and reported in share_unknown
    assert k2["served"] == 25 and k2["mean_index"] == pytest.approx(-0.4)
    assert k2["share_unknown"] == pytest.approx(20.0)
    assert k2["mean_sgb2"] == pytest.approx((20 * 10 + 5 * 20) / 25)
    # K3: 8 of its 23 children live outside every district
    assert k3["served"] == 23 and k3["mean_index"] == pytest.approx(-1.5)
    assert k3["share_unknown"] == pytest.approx(100 * 8 / 23)
    # facility index: mean indices 0.8, -0.4, -1.5 standardised (divide by n)
    sd = math.sqrt(((7 / 6) ** 2 + (1 / 30) ** 2 + (17 / 15) ** 2) / 3)
    assert [k1["facility_index"], k2["facility_index"], k3["facility_index"]] == pytest.approx(
        [7 / 6 / sd, -1 / 30 / sd, -17 / 15 / sd])
    assert [k1["facility_class"], k2["facility_class"], k3["facility_class"]] == [3, 2, 1]
    assert k1["facility_label"] == "low" and k3["facility_label"] == "high"
    # K4 serves nobody: NULL, and said so
    assert k4["served"] == 0
    for name in ("mean_index", "mean_sgb2", "share_class_1", "facility_index", "facility_class", "facility_label"):
        assert k4[name] is None, name
    assert k4["excluded"] == "no children served"
    assert any("K4" in w and "no children" in w for w in log.warnings)
    # unassigned: 7 without a facility + 4 naming facility KX; outside: 8 + 4
    assert res["UNASSIGNED"] == 11 and res["OUTSIDE_DISTRICTS"] == 12 and res["SERVED"] == 88
    assert any("'KX'" in w for w in log.warnings)
    assert any("outside every district" in w for w in log.warnings)
    assert any("unassigned 11" in line for line in log.info)
    paragraph = [line for line in log.info if line.startswith("For each of 4 facilities")]
    assert len(paragraph) == 1 and "weighted by the number of children (kinder)" in paragraph[0]
    # the input fields of the facilities are kept
    assert k1["name"] == "Kita 1"


def test_facilityneed_nearest_facility_over_the_network():
    street = memory_layer("LineString", CRS, [("highway", str)],
                          [("LineString(0 50, 100 50, 200 50, 300 50, 400 50)", {"highway": "residential"})],
                          name="strassen")
    fac = memory_layer("Point", CRS, [("einr_id", str)],
                       [("POINT(50 60)", {"einr_id": "F1"}), ("POINT(350 60)", {"einr_id": "F2"})])
    # along the street: x=20 and x=180 are nearer F1 (x=50), x=220 and x=380 nearer F2 (x=350);
    # the fifth address lies 850 m from the street (off the network) and outside every district
    dem = memory_layer("Point", CRS, [("kinder", int)],
                       [("POINT({} 40)".format(x), {"kinder": w}) for x, w in ((20, 10), (180, 30), (220, 20),
                                                                               (380, 40))]
                       + [("POINT(200 900)", {"kinder": 5})])
    log = LogFeedback()
    res = processing.run(ids.full_id(ids.FACILITY_NEED), {
        "FACILITIES": fac, "FACILITY_ID": "einr_id", "DEMAND": dem, "DEMAND_WEIGHT": "kinder",
        "NETWORK": street, "MODE": 0, "COST_TYPE": 0, "SNAP_TOLERANCE": 250,
        "DISTRICTS": districts(index=(1.2, -0.4, 0.6, -1.5)), "INDEX_FIELD": "index", "OUTPUT": "memory:"},
        feedback=log)
    out = by_id(res["OUTPUT"])
    assert out["F1"]["served"] == 40 and out["F2"]["served"] == 60
    assert out["F1"]["mean_index"] == pytest.approx((10 * 1.2 + 30 * -0.4) / 40)   # 0
    assert out["F2"]["mean_index"] == pytest.approx((20 * 0.6 + 40 * -1.5) / 60)   # -0.8
    assert out["F1"]["facility_index"] == pytest.approx(1.0)
    assert out["F2"]["facility_index"] == pytest.approx(-1.0)
    assert out["F1"]["facility_class"] == 2 and out["F2"]["facility_class"] == 2  # -1 and 1 are class 2
    assert "share_class_1" not in out["F1"]  # no INDEX_CLASS_FIELD, no class shares
    assert res["UNASSIGNED"] == 5 and res["OUTSIDE_DISTRICTS"] == 5
    assert any("off_network" in w for w in log.warnings)
    assert any("nearest facility over the street network" in line for line in log.info)


def test_facilityneed_style_uses_the_social_index_colours():
    res = run()
    layer = res["OUTPUT"]
    assert apply_facility_class_style(layer, berlin_labels(), True)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert renderer.classAttribute() == "facility_class"
    colours = {c.value(): c.symbol().color().name() for c in renderer.categories()}
    assert colours[1] == "#4dac26" and colours[2] == "#f7f3c2" and colours[3] == "#f4a340" \
        and colours[4] == "#d7191c"  # resources/styles/socialindex_classes.qml


def test_facilityneed_inputs_not_modified_and_errors():
    dem = addresses()
    before = [f.attributes() for f in dem.getFeatures()]
    run(DEMAND=dem)
    assert [f.attributes() for f in dem.getFeatures()] == before
    cases = [
        (dict(ASSIGNMENT_FIELD=None), "NETWORK"),
        (dict(INDEX_FIELD="nope"), "nope"),
        (dict(DEMAND=addresses([(50, 50, 3, "K1"), (150, 50, -2, "K2")])), "negative"),
        (dict(DEMAND=addresses([(50, 50, 3, "K1"), (60, 50, 2, "K1")])), "at least 2"),
        (dict(DISTRICTS=districts(index=(1.0, 1.0, 1.0, 1.0))), "same mean index"),
        (dict(DISTRICTS=districts(classes=(3, 2, None, 0))), "whole number"),
        (dict(CLASSIFICATION=1, N_CLASSES=5), "N_CLASSES"),
    ]
    for extra, needle in cases:
        with pytest.raises(QgsProcessingException) as err:
            run(**extra)
        assert needle in str(err.value), (extra, str(err.value))


def test_foerderformel_two_steps_summed_to_the_euro(tmp_path):
    """facilityneed -> budgetallocation: base per child + supplement by the facility's class, whole euros."""
    need = str(tmp_path / "need.gpkg")
    run(OUTPUT=need)
    # facilities without a class (K4 serves nobody) are left out of the formula, as districts without a class are
    with_class = need + '|subset="facility_class" IS NOT NULL'
    res = processing.run(ids.full_id(ids.BUDGET_ALLOCATION), {
        "INPUT": with_class, "BUDGET": 100000, "TARGET_POPULATION": "served", "NEED": "facility_class",
        "FACTORS": "1:0;2:0.25;3:0.5;4:1", "BASE_SHARE": 0.5, "OUTPUT": "memory:", "REPORT": "memory:"})
    out = by_id(res["OUTPUT"])
    # by hand: 88 children (K1 40 class 3, K2 25 class 2, K3 23 class 1); base 50000 per 88 children,
    # need 50000 per 40*0.5 + 25*0.25 + 23*0 = 26.25 supplement-weighted children
    k1 = 50000 * 40 / 88 + 50000 * 20 / 26.25        # 60822.51
    k2 = 50000 * 25 / 88 + 50000 * 6.25 / 26.25      # 26109.31
    k3 = 50000 * 23 / 88                              # 13068.18
    assert [out[k]["base_amount"] + out[k]["need_amount"] for k in ("K1", "K2", "K3")] == pytest.approx([k1, k2, k3])
    # whole euros: floors 60822 + 26109 + 13068 = 99999; the euro left goes to the largest remainder (K1, .51)
    assert [out[k]["amount"] for k in ("K1", "K2", "K3")] == [60823, 26109, 13068]
    assert sum(out[k]["amount"] for k in out) == 100000
    assert "K4" not in out
    # with a minimum of 15000: K3 is raised, the rest (85000) is shared in proportion among K1 and K2
    res = processing.run(ids.full_id(ids.BUDGET_ALLOCATION), {
        "INPUT": with_class, "BUDGET": 100000, "TARGET_POPULATION": "served", "NEED": "facility_class",
        "FACTORS": "1:0;2:0.25;3:0.5;4:1", "BASE_SHARE": 0.5, "MIN_AMOUNT": 15000, "MAX_AMOUNT": 70000,
        "OUTPUT": "memory:", "REPORT": "memory:"})
    out = by_id(res["OUTPUT"])
    lam = 85000 / (k1 + k2)
    assert k1 * lam == pytest.approx(59470.899, abs=1e-3) and k2 * lam == pytest.approx(25529.101, abs=1e-3)
    assert [out[k]["amount"] for k in ("K1", "K2", "K3")] == [59471, 25529, 15000]
    assert out["K3"]["limit"] == "minimum"
    # without the filter the facility with no children is named
    with pytest.raises(QgsProcessingException) as err:
        processing.run(ids.full_id(ids.BUDGET_ALLOCATION), {
            "INPUT": need, "BUDGET": 100000, "TARGET_POPULATION": "served", "NEED": "facility_class",
            "OUTPUT": "memory:", "REPORT": "memory:"})
    assert "einr_id K4" in str(err.value)


def test_facilityneed_from_a_gpkg_with_integer_assignment(tmp_path):
    """Facility ids as integers in FACILITIES and as reals in DEMAND (as catchments writes them) match."""
    fac = memory_layer("Point", CRS, [("nr", int)], [("POINT(50 60)", {"nr": 1}), ("POINT(350 60)", {"nr": 2})])
    dem = memory_layer("Point", CRS, [("kinder", int), ("fid_real", float)],
                       [("POINT(50 50)", {"kinder": 4, "fid_real": 1.0}),
                        ("POINT(350 50)", {"kinder": 6, "fid_real": 2.0})])
    res = processing.run(ids.full_id(ids.FACILITY_NEED), {
        "FACILITIES": write_gpkg(fac, tmp_path / "fac.gpkg"), "FACILITY_ID": "nr",
        "DEMAND": write_gpkg(dem, tmp_path / "dem.gpkg"), "DEMAND_WEIGHT": "kinder", "ASSIGNMENT_FIELD": "fid_real",
        "DISTRICTS": districts(), "INDEX_FIELD": "index", "OUTPUT": "memory:"})
    layer = res["OUTPUT"]
    assert isinstance(layer, QgsVectorLayer)
    got = {f["nr"]: (f["served"], f["mean_index"]) for f in layer.getFeatures()}
    assert got == {1: (4, pytest.approx(1.2)), 2: (6, pytest.approx(-1.5))}
    assert res["UNASSIGNED"] == 0


def test_facilityneed_paragraph_and_labels_in_german():
    from bildungslandschaft_plugin import translation

    log = LogFeedback()
    try:
        assert translation.install_translator("de")
        res = run(feedback=log)
    finally:
        translation.remove_translator()
    paragraph = [line for line in log.info if line.startswith("Für jede der 4 Einrichtungen")]
    assert len(paragraph) == 1
    assert "gewichtet mit der Zahl der Kinder (kinder)" in paragraph[0]
    assert "Von 99 Kindern wurden 88 einer Einrichtung zugeordnet und 11 keiner" in paragraph[0]
    labels = {f["einr_id"]: f["facility_label"] for f in res["OUTPUT"].getFeatures()}
    assert labels["K1"] == "niedrig" and labels["K3"] == "hoch"
