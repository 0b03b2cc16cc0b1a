"""Social index as monitoring reports publish it: CHANGE_INDICATORS, EXCLUDE, plausibility warnings."""

import numpy as np
import pytest
from qgis.core import QgsProcessingException

import processing
from bildungslandschaft_plugin.core import socialindex as si
from bildungslandschaft_plugin.processing import ids
from tests.test_alg_joinsocialdata import LogFeedback
from tests.layer_util import memory_layer, square
from tests.test_socialindex_algorithms import districts, features_by_key, is_null

ALG = ids.full_id(ids.SOCIAL_INDEX)

X = [4.0, 8.0, 2.0, 6.0, 10.0, 3.0, 5.0]
D = [0.5, -1.0, 0.2, 2.5, -0.4, 0.0, 0.1]


# ---------------------------------------------------------------- core
def test_change_equals_values_minus_previous():
    rng = np.random.default_rng(7)
    values = rng.uniform(0, 30, (12, 3))
    change = rng.normal(0, 2, (12, 3))
    a = si.social_index(values, ["a", "b", "c"], change=change, min_population=0)
    b = si.social_index(values, ["a", "b", "c"], previous=values - change, min_population=0)
    np.testing.assert_allclose(a["dyn_index"], b["dyn_index"], atol=1e-12)
    assert list(a["dyn_class"]) == list(b["dyn_class"]) and list(a["group"]) == list(b["group"])
    with pytest.raises(si.IndexInputError) as err:
        si.social_index(values, ["a", "b", "c"], change=change, previous=values)
    assert err.value.code == "previous_and_change"
    with pytest.raises(si.IndexInputError) as err:
        si.social_index(values, ["a", "b", "c"], change=change[:, :2])
    assert err.value.code == "change_count"


def test_dynamic_index_by_hand():
    # one indicator: DI = (D - mean D) / pstdev D; x and D of 7 areas
    res = si.social_index(np.array(X)[:, None], ["x"], change=np.array(D)[:, None])
    d = np.array(D)
    mean = sum(D) / 7.0
    sd = (sum((v - mean) ** 2 for v in D) / 7.0) ** 0.5
    expected = (d - mean) / sd
    np.testing.assert_allclose(res["dyn_index"], expected, atol=1e-12)
    # mean 0.2714, sd 1.0138: area 2 (D -1.0, DI -1.25) is "positiv", area 4 (D 2.5, DI 2.20) "negativ"
    assert expected[1] == pytest.approx(-1.2541, abs=1e-4) and expected[3] == pytest.approx(2.1983, abs=1e-4)
    assert list(res["dyn_class"]) == [2, 1, 2, 3, 2, 2, 2]


def test_exclude_mask_leaves_areas_out_of_the_standardisation():
    values = np.array(X)[:, None]
    exclude = [False, False, False, False, True, False, False]
    res = si.social_index(values, ["x"], exclude=exclude)
    assert res["reasons"][4] == (si.EXCL_EXPRESSION, None) and not res["included"][4]
    rest = np.array([v for i, v in enumerate(X) if i != 4])
    expected = (rest - rest.mean()) / rest.std()
    np.testing.assert_allclose(res["z"][[0, 1, 2, 3, 5, 6], 0], expected, atol=1e-12)
    assert np.isnan(res["index"][4]) and res["index_class"][4] == 0


def test_plausibility_sentinels_and_shares():
    assert si.sentinel_like(-9999) and si.sentinel_like(99999.0) and si.sentinel_like(-999)
    assert si.sentinel_like(7777777777) and not si.sentinel_like(9998) and not si.sentinel_like(99.9)
    values = np.array([[12.0, 1.0], [-9999.0, 2.0], [104.0, 3.0], [30.0, -1.0], [5.0, 4.0], [7.0, 5.0]])
    issues = si.plausibility_issues(values, ["sgb2_anteil", "kinder"])
    assert (1, 0, -9999.0, si.PLAUS_SENTINEL) in issues
    assert (2, 0, 104.0, si.PLAUS_SHARE) in issues
    assert (3, 1, -1.0, si.PLAUS_SENTINEL) in issues      # -1 among counts >= 0
    assert len(issues) == 3
    assert si.plausibility_issues(values, ["sgb2_anteil", "kinder"], rows=[0, 4, 5]) == []


# ---------------------------------------------------------------- algorithm
def layer():
    rows = [(square(i * 10, 0, i * 10 + 10, 10),
             ["{:02d}".format(i + 1), 1000, X[i], D[i], X[i] - D[i], "gültig" if i != 4 else "Ausreißer"])
            for i in range(7)]
    return memory_layer("Polygon", "EPSG:25833", ["ot_key:string", "einwohner:integer", "x:double", "d:double",
                                                  "x_prev:double", "kom:string"], rows, "ortsteile")


def test_change_indicators_same_as_previous_and_by_hand():
    lay = layer()
    a = processing.run(ALG, {"INPUT": lay, "INDICATORS": ["x"], "CHANGE_INDICATORS": ["d"],
                             "POPULATION": "einwohner", "OUTPUT": "memory:"})["OUTPUT"]
    b = processing.run(ALG, {"INPUT": lay, "INDICATORS": ["x"], "PREVIOUS_INDICATORS": ["x_prev"],
                             "POPULATION": "einwohner", "OUTPUT": "memory:"})["OUTPUT"]
    fa, fb = features_by_key(a), features_by_key(b)
    mean = sum(D) / 7.0
    sd = (sum((v - mean) ** 2 for v in D) / 7.0) ** 0.5
    for i, key in enumerate(sorted(fa)):
        assert fa[key]["dyn_index"] == pytest.approx((D[i] - mean) / sd, abs=1e-9)
        assert fa[key]["dyn_index"] == pytest.approx(fb[key]["dyn_index"], abs=1e-9)
        assert fa[key]["dyn_class"] == fb[key]["dyn_class"] and fa[key]["group"] == fb[key]["group"]
    assert fa["04"]["dyn_class"] == 3 and fa["04"]["dyn_label"] == "negative"


def test_exclude_expression_reported_in_excluded_field():
    log = LogFeedback()
    out = processing.run(ALG, {"INPUT": layer(), "INDICATORS": ["x"], "CHANGE_INDICATORS": ["d"],
                               "POPULATION": "einwohner", "EXCLUDE": "\"kom\" <> 'gültig'",
                               "OUTPUT": "memory:"}, feedback=log)["OUTPUT"]
    f = features_by_key(out)
    assert f["05"]["excluded"] == "left out by EXCLUDE (\"kom\" <> 'gültig')"
    assert is_null(f["05"]["index"]) and is_null(f["05"]["dyn_class"])
    rest = np.array([v for i, v in enumerate(X) if i != 4])
    assert f["01"]["z_x"] == pytest.approx((4.0 - rest.mean()) / rest.std(), abs=1e-9)
    assert any("leaves out 1 area(s)" in line for line in log.lines)
    assert any("05" in line and "Left out" in line for line in log.lines)


@pytest.mark.parametrize("params,needle", [
    ({"CHANGE_INDICATORS": ["d"], "PREVIOUS_INDICATORS": ["x_prev"]}, "not both"),
    ({"INDICATORS": ["x", "einwohner"], "CHANGE_INDICATORS": ["d"]}, "CHANGE_INDICATORS must list"),
    ({"EXCLUDE": "\"kom\" = 'x"}, "cannot be read"),
    ({"EXCLUDE": "to_int('abc') > 1"}, "fails for feature"),
])
def test_bad_monitoring_input(params, needle):
    base = {"INPUT": layer(), "INDICATORS": ["x"], "POPULATION": "einwohner", "OUTPUT": "memory:"}
    base.update(params)
    with pytest.raises(QgsProcessingException, match=needle):
        processing.run(ALG, base)


def test_plausibility_warnings_name_the_area():
    rows = [{"ot_key": "{:02d}".format(i + 1), "einwohner": 1000,
             "sgb2_anteil": [12.0, -9999.0, 104.0, 30.0, 5.0, 7.0][i]} for i in range(6)]
    log = LogFeedback()
    processing.run(ALG, {"INPUT": districts(rows), "INDICATORS": ["sgb2_anteil"], "POPULATION": "einwohner",
                         "OUTPUT": "memory:"}, feedback=log)
    sentinel = [ln for ln in log.lines if "looks like a missing-value code" in ln]
    share = [ln for ln in log.lines if "outside 0-100" in ln]
    assert len(sentinel) == 1 and "ot_key 02" in sentinel[0] and "-9999" in sentinel[0]
    assert len(share) == 1 and "ot_key 03" in share[0] and "104" in share[0]
