"""processing.run tests of socialindex, typology, priorityareas and budgetallocation."""

from tests.util import LogFeedback
import numpy as np
import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsProcessingException,
    QgsProject,
)

import processing
from bildungslandschaft_plugin.processing import ids
from tests.util import memory_layer

CRS = "EPSG:25833"


def square(i, j=0, size=100):
    x, y = i * size, j * size
    return "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(x, y, x + size, y + size)


def districts(rows, extra_fields=()):
    """rows: list of dicts with ot_key, einwohner and indicator values."""
    names = [k for k in rows[0] if k != "ot_key"]
    fields = [("ot_key", str)] + [(n, int if n == "einwohner" else float) for n in names] + list(extra_fields)
    return memory_layer("Polygon", CRS, fields, [(square(i), r) for i, r in enumerate(rows)], name="ortsteile")


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def features_by_key(layer):
    return {f["ot_key"]: f for f in layer.getFeatures()}


def hand_layer():
    a = [1, 2, 100, 3, 4, 5]
    b = [50, 40, -999, 30, 20, 10]
    pop = [1000, 1000, 200, 1000, 1000, 1000]
    rows = [{"ot_key": "{:02d}".format(i + 1), "einwohner": pop[i], "sgb2": float(a[i]), "abitur": float(b[i])}
            for i in range(6)]
    return districts(rows)


def run(alg, params):
    return processing.run(ids.full_id(alg), params)


def test_socialindex_hand_example():
    layer = hand_layer()
    before = [f.attributes() for f in layer.getFeatures()]
    res = run(ids.SOCIAL_INDEX, {
        "INPUT": layer, "INDICATORS": ["sgb2", "abitur"], "NEGATIVE": ["abitur"], "POPULATION": "einwohner",
        "MIN_POPULATION": 300, "OUTPUT": "memory:"})
    out = res["OUTPUT"]
    assert [f.name() for f in out.fields()] == ["ot_key", "einwohner", "sgb2", "abitur", "z_sgb2", "z_abitur",
                                                "status_sum", "index", "index_class", "index_label", "rank",
                                                "excluded"]
    feats = features_by_key(out)
    z = dict(zip(["01", "02", "04", "05", "06"], np.array([-2, -1, 0, 1, 2]) / np.sqrt(2)))
    for key, value in z.items():
        assert feats[key]["z_sgb2"] == pytest.approx(value)
        assert feats[key]["z_abitur"] == pytest.approx(value)
        assert feats[key]["status_sum"] == pytest.approx(2 * value)
        assert feats[key]["index"] == pytest.approx(value)
        assert is_null(feats[key]["excluded"])
    assert [feats[k]["index_class"] for k in ("01", "02", "04", "05", "06")] == [1, 2, 2, 2, 3]
    assert [feats[k]["index_label"] for k in ("01", "02", "04", "05", "06")] == [
        "high", "medium", "medium", "medium", "low"]
    assert [feats[k]["rank"] for k in ("01", "02", "04", "05", "06")] == [5, 4, 3, 2, 1]
    small = feats["03"]
    for name in ("index", "index_class", "index_label", "rank", "status_sum", "z_sgb2"):
        assert is_null(small[name])
    assert "200" in small["excluded"] and "300" in small["excluded"]
    # input unchanged, geometry kept
    assert [f.attributes() for f in layer.getFeatures()] == before
    assert out.geometryType() == layer.geometryType() and out.featureCount() == 6


def test_socialindex_weights_dynamics_and_groups():
    now = [1.0, 2.0, 3.0, 4.0]
    before = [1.0, 2.0, 2.0, 3.0]
    rows = [{"ot_key": "0{}".format(i + 1), "einwohner": 500, "x": now[i], "x_2021": before[i]} for i in range(4)]
    res = run(ids.SOCIAL_INDEX, {"INPUT": districts(rows), "INDICATORS": ["x"], "PREVIOUS_INDICATORS": ["x_2021"],
                                 "POPULATION": "einwohner", "OUTPUT": "memory:"})
    feats = features_by_key(res["OUTPUT"])
    assert [feats[k]["dyn_index"] for k in ("01", "02", "03", "04")] == pytest.approx([-1, -1, 1, 1])
    assert [feats[k]["dyn_class"] for k in ("01", "02", "03", "04")] == [1, 1, 3, 3]
    assert [feats[k]["index_class"] for k in ("01", "02", "03", "04")] == [1, 2, 2, 3]
    assert [feats[k]["group"] for k in ("01", "02", "03", "04")] == [1, 4, 6, 9]
    assert feats["01"]["dyn_label"] == "positive" and feats["04"]["group_label"] == "low / negative"


def test_socialindex_quantiles_on_table_without_geometry():
    rows = [(None, {"ot_key": "{:02d}".format(i), "x": float(i)}) for i in range(1, 9)]
    table = memory_layer("None", CRS, [("ot_key", str), ("x", float)], rows, name="tabelle")
    res = run(ids.SOCIAL_INDEX, {"INPUT": table, "INDICATORS": ["x"], "CLASSIFICATION": 1, "N_CLASSES": 4,
                                 "OUTPUT": "memory:"})
    feats = features_by_key(res["OUTPUT"])
    assert [feats["{:02d}".format(i)]["index_class"] for i in range(1, 9)] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert feats["01"]["index_label"].startswith("class 1 of 4")


@pytest.mark.parametrize("params, needle", [
    ({"INDICATORS": ["sgb2", "konstant"]}, "konstant"),
    ({"WEIGHTS": "sgb2:2;gibtsnicht:1"}, "gibtsnicht"),
    ({"CLASSIFICATION": 1, "N_CLASSES": 6}, "N_CLASSES"),
    ({"METHOD": 1}, "min-max"),
    ({"NEGATIVE": ["einwohner"]}, "NEGATIVE"),
    ({"PREVIOUS_INDICATORS": ["sgb2", "konstant"]}, "PREVIOUS_INDICATORS"),
])
def test_socialindex_bad_input(params, needle):
    rows = [{"ot_key": "0{}".format(i), "einwohner": 1000, "sgb2": float(i), "konstant": 7.0} for i in range(1, 6)]
    lay = districts(rows)
    base = {"INPUT": lay, "INDICATORS": ["sgb2"], "POPULATION": "einwohner", "OUTPUT": "memory:"}
    base.update(params)
    with pytest.raises(QgsProcessingException) as err:
        run(ids.SOCIAL_INDEX, base)
    assert needle in str(err.value)


def test_socialindex_negative_population_and_nulls():
    rows = [{"ot_key": "0{}".format(i), "einwohner": 1000, "sgb2": float(i)} for i in range(1, 6)]
    rows[2]["einwohner"] = -5
    with pytest.raises(QgsProcessingException) as err:
        run(ids.SOCIAL_INDEX, {"INPUT": districts(rows), "INDICATORS": ["sgb2"], "POPULATION": "einwohner",
                               "OUTPUT": "memory:"})
    assert "-5" in str(err.value) and "ot_key 03" in str(err.value)
    # a NULL indicator: the area is left out with a reason, the others get an index
    rows[2]["einwohner"] = 800
    rows[2]["sgb2"] = None
    res = run(ids.SOCIAL_INDEX, {"INPUT": districts(rows), "INDICATORS": ["sgb2"], "POPULATION": "einwohner",
                                 "OUTPUT": "memory:"})
    feats = features_by_key(res["OUTPUT"])
    assert "sgb2" in feats["03"]["excluded"]
    assert is_null(feats["03"]["index_class"])
    # the others: 1, 2, 4, 5 -> mean 3, variance (4 + 1 + 1 + 4) / 4 = 2.5
    assert [feats[k]["index"] for k in ("01", "02", "04", "05")] == pytest.approx(
        list(np.array([-2, -1, 1, 2]) / np.sqrt(2.5)))


def _load_with_style(alg, params):
    """Run like the toolbox does: the output is loaded into the project and the post-processor runs."""
    from unittest import mock

    from processing.gui import Postprocessing

    params = dict(params)
    params["OUTPUT"] = "TEMPORARY_OUTPUT"
    # headless there is no main window: QGIS 3.40+ skips the layer tree then, but pytest-qgis's mock
    # iface would be passed on to C++ (a TypeError on 3.44); 3.22 does not use iface here at all
    with mock.patch.object(Postprocessing, "iface", None, create=True):
        res = processing.runAndLoadResults(ids.full_id(alg), params)
    layer = QgsProject.instance().mapLayer(res["OUTPUT"])
    assert layer is not None
    return layer


def test_socialindex_style_applied():
    layer = _load_with_style(ids.SOCIAL_INDEX, {"INPUT": hand_layer(), "INDICATORS": ["sgb2", "abitur"],
                                                "NEGATIVE": ["abitur"], "POPULATION": "einwohner"})
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert renderer.classAttribute() == "index_class"
    cats = {c.value(): c for c in renderer.categories() if c.value() not in (None, "")}
    assert sorted(int(v) for v in cats) == [1, 2, 3, 4]
    colours = {int(v): c.symbol().color().name() for v, c in cats.items()}
    assert colours[1] == "#4dac26" and colours[4] == "#d7191c"  # green = high status, red = very low
    assert [cats[v].label() for v in sorted(cats, key=int)] == ["1 high", "2 medium", "3 low", "4 very low"]


# ----------------------------------------------------------------- typology
def test_typology_processing():
    rng = np.random.default_rng(2)
    rows = []
    for t, (cx, cy) in enumerate([(0, 0), (10, 0), (0, 10)]):
        for j in range(6):
            rows.append({"ot_key": "{}{}".format(t, j), "einwohner": 1000,
                         "a": float(cx + 0.3 * rng.normal()), "b": float(cy + 0.3 * rng.normal())})
    res = run(ids.TYPOLOGY, {"INPUT": districts(rows), "INDICATORS": ["a", "b"], "POPULATION": "einwohner",
                             "K": 0, "OUTPUT": "memory:", "PROFILES": "memory:"})
    feats = features_by_key(res["OUTPUT"])
    clusters = {t: {feats["{}{}".format(t, j)]["cluster"] for j in range(6)} for t in range(3)}
    assert all(len(c) == 1 for c in clusters.values())
    assert len(set.union(*clusters.values())) == 3
    profiles = list(res["PROFILES"].getFeatures())
    assert [p["cluster"] for p in profiles] == [1, 2, 3]
    assert [p["n_areas"] for p in profiles] == [6, 6, 6]
    a = np.array([r["a"] for r in rows])
    za = (a - a.mean()) / a.std()
    for p in profiles:
        members = [i for i, r in enumerate(rows) if feats[r["ot_key"]]["cluster"] == p["cluster"]]
        assert p["z_a"] == pytest.approx(za[members].mean())
        assert p["mean_a"] == pytest.approx(a[members].mean())


# ----------------------------------------------------------------- priority
def priority_layer():
    rows = []
    n = 0
    for ic in (1, 2, 3, 4):
        for deficit in (0.1, 0.3, 0.5):
            n += 1
            rows.append({"ot_key": "{:02d}".format(n), "index_class": ic, "anteil_ueber_1000m": deficit})
    fields = [("ot_key", str), ("index_class", int), ("anteil_ueber_1000m", float)]
    return memory_layer("Polygon", CRS, fields, [(square(i), r) for i, r in enumerate(rows)], name="prio")


def test_priorityareas_thresholds_matrix():
    res = run(ids.PRIORITY_AREAS, {"INPUT": priority_layer(), "INDEX_CLASS": "index_class",
                                   "DEFICIT": "anteil_ueber_1000m", "DEFICIT_CLASSES": 1, "THRESHOLDS": "0.2;0.4",
                                   "OUTPUT": "memory:"})
    feats = [features_by_key(res["OUTPUT"])["{:02d}".format(i)] for i in range(1, 13)]
    assert [f["deficit_class"] for f in feats] == [1, 2, 3] * 4
    assert [f["priority"] for f in feats] == [4, 4, 3, 4, 3, 2, 3, 2, 1, 2, 1, 1]
    assert [f["schwerpunktraum"] for f in feats] == [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1]
    assert feats[8]["priority_label"] == "highest need (Schwerpunktraum)"


def test_priorityareas_terciles_nulls_and_errors():
    layer = priority_layer()
    # terciles of 12 values (0.1 x4, 0.3 x4, 0.5 x4): positions 11/3 and 22/3 of the sorted values
    # -> 0.1 + 2/3 * 0.2 = 0.2333 and 0.3 + 1/3 * 0.2 = 0.3667
    res = run(ids.PRIORITY_AREAS, {"INPUT": layer, "DEFICIT": "anteil_ueber_1000m", "OUTPUT": "memory:"})
    feats = features_by_key(res["OUTPUT"])
    assert [feats["{:02d}".format(i)]["deficit_class"] for i in range(1, 13)] == [1, 2, 3] * 4
    layer.startEditing()
    layer.changeAttributeValue(next(layer.getFeatures()).id(), 2, None)  # district 01 without deficit
    layer.commitChanges()
    res = run(ids.PRIORITY_AREAS, {"INPUT": layer, "DEFICIT": "anteil_ueber_1000m", "OUTPUT": "memory:"})
    feats = features_by_key(res["OUTPUT"])
    # without 01 the values are 0.1 x3, 0.3 x4, 0.5 x4: positions 10/3 and 20/3 of the sorted values
    # -> 0.3 and 0.3 + 2/3 * 0.2 = 0.4333: 0.1 and 0.3 low, 0.5 high
    assert [feats["{:02d}".format(i)]["deficit_class"] for i in range(2, 13)] == [1, 3] + [1, 1, 3] * 3
    assert is_null(feats["01"]["priority"]) and "anteil_ueber_1000m" in feats["01"]["priority_note"]
    with pytest.raises(QgsProcessingException) as err:
        run(ids.PRIORITY_AREAS, {"INPUT": layer, "DEFICIT": "anteil_ueber_1000m", "DEFICIT_CLASSES": 1,
                                 "THRESHOLDS": "0.4;0.2", "OUTPUT": "memory:"})
    assert "THRESHOLDS" in str(err.value)
    with pytest.raises(QgsProcessingException) as err:
        run(ids.PRIORITY_AREAS, {"INPUT": layer, "INDEX_CLASS": "anteil_ueber_1000m",
                                 "DEFICIT": "anteil_ueber_1000m", "OUTPUT": "memory:"})
    assert "1 to 4" in str(err.value)


def test_priorityareas_style_applied():
    layer = _load_with_style(ids.PRIORITY_AREAS, {"INPUT": priority_layer(), "DEFICIT": "anteil_ueber_1000m"})
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "priority"
    labels = [c.label() for c in renderer.categories()]
    assert "1 highest need (Schwerpunktraum)" in labels


# ------------------------------------------------------------------- budget
def budget_layer(pops=(100, 200, 300, 400), classes=(1, 2, 3, 4)):
    fields = [("ot_key", str), ("kinder_0_5", int), ("index_class", int)]
    rows = [(square(i), {"ot_key": "0{}".format(i + 1), "kinder_0_5": p, "index_class": c})
            for i, (p, c) in enumerate(zip(pops, classes))]
    return memory_layer("Polygon", CRS, fields, rows, name="budget")


def test_budgetallocation_worked_example():
    res = run(ids.BUDGET_ALLOCATION, {
        "INPUT": budget_layer(), "BUDGET": 100000, "TARGET_POPULATION": "kinder_0_5", "NEED": "index_class",
        "FACTORS": "1:0;2:0.25;3:0.5;4:1", "BASE_SHARE": 0.5, "OUTPUT": "memory:", "REPORT": "memory:"})
    feats = features_by_key(res["OUTPUT"])
    amounts = [feats["0{}".format(i)]["amount"] for i in range(1, 5)]
    assert amounts == [5000, 14167, 27500, 53333]
    assert sum(amounts) == 100000
    assert feats["01"]["per_head"] == pytest.approx(50.0)
    report = list(res["REPORT"].getFeatures())
    assert [r["need_class"] for r in report] == ["1", "2", "3", "4", "total"]
    assert [r["amount"] for r in report] == [5000, 14167, 27500, 53333, 100000]
    assert report[-1]["share"] == pytest.approx(100.0)


def test_budgetallocation_limits_and_errors():
    res = run(ids.BUDGET_ALLOCATION, {
        "INPUT": budget_layer(), "BUDGET": 100000, "TARGET_POPULATION": "kinder_0_5", "NEED": "index_class",
        "MIN_AMOUNT": 15000, "MAX_AMOUNT": 40000, "OUTPUT": "memory:", "REPORT": "memory:"})
    feats = features_by_key(res["OUTPUT"])
    assert [feats["0{}".format(i)]["amount"] for i in range(1, 5)] == [15000, 15300, 29700, 40000]
    assert feats["01"]["limit"] == "minimum" and feats["04"]["limit"] == "maximum"
    base = {"INPUT": budget_layer(), "BUDGET": 100000, "TARGET_POPULATION": "kinder_0_5", "NEED": "index_class",
            "OUTPUT": "memory:", "REPORT": "memory:"}
    cases = [
        ({"MIN_AMOUNT": 30000}, "120.000"[:3]),
        ({"INPUT": budget_layer(pops=(100, -2, 300, 400))}, "ot_key 02"),
        ({"FACTORS": "1:0;2:0.5"}, "'3'"),
        ({"BUDGET": 1000.5}, "BUDGET"),
    ]
    for extra, needle in cases:
        params = dict(base)
        params.update(extra)
        with pytest.raises(QgsProcessingException) as err:
            run(ids.BUDGET_ALLOCATION, params)
        assert needle in str(err.value)


def test_socialindex_method_paragraph_in_german():
    from bildungslandschaft_plugin import translation

    feedback = LogFeedback()
    try:
        assert translation.install_translator("de")
        res = processing.run(ids.full_id(ids.SOCIAL_INDEX), {
            "INPUT": hand_layer(), "INDICATORS": ["sgb2", "abitur"], "NEGATIVE": ["abitur"],
            "POPULATION": "einwohner", "OUTPUT": "memory:"}, feedback=feedback)
    finally:
        translation.remove_translator()
    paragraph = [line for line in feedback.lines if "Sozialindex" in line]
    assert len(paragraph) == 1
    assert "Berliner Monitorings Soziale Stadtentwicklung" in paragraph[0]
    assert "Von 6 Gebieten blieben 1 mit weniger als 300 Einwohnern" in paragraph[0]
    assert "Bei abitur wurde die Richtung umgekehrt" in paragraph[0]
    labels = {f["ot_key"]: f["index_label"] for f in res["OUTPUT"].getFeatures()}
    assert labels["01"] == "hoch" and labels["06"] == "niedrig"
