"""Hand-checked cooperation network measures (core/cooperation.py)."""

import itertools
from collections import deque

import numpy as np
import pytest

from bildungslandschaft_plugin.core import cooperation as coop

# A small network, worked out by hand (see the comments for the expected values).
#   A(01,X) - B(01,X) - C(02,Y)
#              \      /
#               D(02,X) - E(03,Y)        F(01,Z) alone
IDS = ["A", "B", "C", "D", "E", "F"]
DISTRICTS = ["01", "01", "02", "02", "03", "01"]
CARRIERS = ["X", "X", "Y", "X", "Y", "Z"]
ROWS = [
    ("A", "B", "Lesepatenschaft"),   # 0 kept
    ("B", "C", "Ganztag"),           # 1 kept
    ("C", "D", "Ganztag"),           # 2 kept
    ("B", "D", "Übergang"),          # 3 kept
    ("B", "A", " lesepatenschaft"),  # 4 duplicate of row 0 (same pair, same kind)
    ("A", "B", "Ferienprogramm"),    # 5 kept: same pair, other kind
    ("A", "A", "Intern"),            # 6 self link
    ("A", "ZZ", "x"),                # 7 unknown to
    ("XX", "YY", "x"),               # 8 unknown both
    ("", "B", "x"),                  # 9 missing id
    ("D", "E", "Praktikum"),         # 10 kept
    ("QQ", "E", None),               # 11 unknown from
]


def run_example():
    frm, to, kind = zip(*ROWS)
    return coop.analyse(IDS, list(frm), list(to), list(kind), districts=DISTRICTS, carriers=CARRIERS)


def test_problems_are_reported_with_row_and_code():
    res = run_example()
    problems = {p["row"]: p["problem"] for p in res["problems"]}
    assert problems == {4: coop.DUPLICATE, 6: coop.SELF_LINK, 7: coop.UNKNOWN_TO, 8: coop.UNKNOWN_BOTH,
                        9: coop.MISSING_ID, 11: coop.UNKNOWN_FROM}
    dup = [p for p in res["problems"] if p["row"] == 4][0]
    assert dup["first_row"] == 0
    assert [link["row"] for link in res["links"]] == [0, 1, 2, 3, 5, 10]
    assert coop.problem_counts(res["problems"])[coop.DUPLICATE] == 1


def test_degrees_and_partner_counts_by_hand():
    fac = run_example()["facilities"]
    assert fac["degree"].tolist() == [1, 3, 2, 3, 1, 0]
    assert fac["links"].tolist() == [2, 4, 2, 3, 1, 0]
    assert fac["partners_other_district"] == [0, 2, 1, 2, 1, 0]
    assert fac["partners_other_carrier"] == [0, 1, 2, 2, 1, 0]
    assert fac["isolated"].tolist() == [False] * 5 + [True]
    assert fac["component"].tolist() == [1, 1, 1, 1, 1, 2]
    assert fac["component_size"].tolist() == [5, 5, 5, 5, 5, 1]


def test_betweenness_by_hand():
    # B lies on A-C, A-D, A-E; D lies on A-E, B-E, C-E: 3 pairs each, of (6-1)(6-2)/2 = 10.
    fac = run_example()["facilities"]
    np.testing.assert_allclose(fac["betweenness"], [0, 0.3, 0, 0.3, 0, 0])


def test_cross_flags_by_hand():
    links = run_example()["links"]
    flags = {link["row"]: (link["cross_district"], link["cross_carrier"]) for link in links}
    assert flags == {0: (False, False), 1: (True, True), 2: (False, True), 3: (True, False),
                     5: (False, False), 10: (True, True)}


def test_district_summary_by_hand():
    d = run_example()["districts"]
    assert d["01"] == {"institutions": 3, "links_inside": 2, "links_to_other_districts": 2,
                       "isolated_institutions": 1}
    assert d["02"] == {"institutions": 2, "links_inside": 1, "links_to_other_districts": 3,
                       "isolated_institutions": 0}
    assert d["03"] == {"institutions": 1, "links_inside": 0, "links_to_other_districts": 1,
                       "isolated_institutions": 0}


def test_unknown_district_or_carrier_gives_none():
    res = coop.analyse(["a", "b"], ["a"], ["b"], districts=["01", None], carriers=[None, "X"])
    assert res["links"][0]["cross_district"] is None
    assert res["links"][0]["cross_carrier"] is None
    assert res["facilities"]["partners_other_district"] == [0, None]
    assert res["facilities"]["partners_other_carrier"] == [None, 0]


def test_ids_are_text_and_numbers_match():
    assert coop.normalise_id(7.0) == "7"
    assert coop.normalise_id(" 007 ") == "007"
    assert coop.normalise_id(float("nan")) is None
    res = coop.analyse([1, 2, "03"], ["1", 2.0], ["2", "3"])
    assert [p["problem"] for p in res["problems"]] == [coop.UNKNOWN_TO]  # "3" is not "03"
    assert res["facilities"]["degree"].tolist() == [1, 1, 0]


def test_duplicate_institution_id_raises():
    with pytest.raises(ValueError, match="'A'"):
        coop.analyse(["A", "B", "A"], [], [])


def test_star_and_path_betweenness():
    star = [[1, 2, 3], [0], [0], [0]]
    np.testing.assert_allclose(coop.betweenness(star), [1, 0, 0, 0])
    path = [[1], [0, 2], [1]]
    np.testing.assert_allclose(coop.betweenness(path), [0, 1, 0])
    np.testing.assert_allclose(coop.betweenness(path, normalized=False), [0, 1, 0])


def _brute_force_betweenness(neigh):
    """Independent method: sigma_st(v) = sigma_sv * sigma_vt when d(s,v) + d(v,t) = d(s,t)."""
    n = len(neigh)
    dist = np.full((n, n), -1)
    sigma = np.zeros((n, n))
    for s in range(n):
        dist[s, s] = 0
        sigma[s, s] = 1
        queue = deque([s])
        while queue:
            v = queue.popleft()
            for w in neigh[v]:
                if dist[s, w] < 0:
                    dist[s, w] = dist[s, v] + 1
                    queue.append(w)
                if dist[s, w] == dist[s, v] + 1:
                    sigma[s, w] += sigma[s, v]
    cb = np.zeros(n)
    for s, t in itertools.combinations(range(n), 2):
        if dist[s, t] < 0:
            continue
        for v in range(n):
            if v in (s, t) or dist[s, v] < 0 or dist[v, t] < 0:
                continue
            if dist[s, v] + dist[v, t] == dist[s, t]:
                cb[v] += sigma[s, v] * sigma[v, t] / sigma[s, t]
    return cb / ((n - 1) * (n - 2) / 2)


def test_betweenness_equals_brute_force_on_random_graphs():
    rng = np.random.default_rng(3)
    for n, p in [(12, 0.2), (20, 0.12), (15, 0.4)]:
        neigh = [set() for _ in range(n)]
        for a, b in itertools.combinations(range(n), 2):
            if rng.random() < p:
                neigh[a].add(b)
                neigh[b].add(a)
        neigh = [sorted(s) for s in neigh]
        np.testing.assert_allclose(coop.betweenness(neigh), _brute_force_betweenness(neigh), atol=1e-12)


def test_progress_cancel_stops():
    with pytest.raises(InterruptedError):
        coop.betweenness([[1], [0]], progress=lambda: False)
