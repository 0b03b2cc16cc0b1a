"""Life-phase mapping and offer ranking (core/lifephases.py, core/offersearch.py)."""

import numpy as np
import pytest

from bildungslandschaft_plugin.core import lifephases, offersearch
from bildungslandschaft_plugin.resources import resource_path


def default_mapping():
    return lifephases.load(None, resource_path("lifephases.csv"))


def test_default_table_as_documented():
    m = default_mapping()
    assert lifephases.phases_of(m, "Kita") == ["early_childhood"]
    assert lifephases.phases_of(m, " grundschule ") == ["school_age"]
    assert lifephases.phases_of(m, "Gymnasium") == ["school_age", "youth"]
    assert lifephases.phases_of(m, "Jugendtreff") == ["youth"]
    assert lifephases.phases_of(m, "Volkshochschule") == ["adults", "seniors"]
    assert lifephases.phases_of(m, "Bibliothek") == list(lifephases.PHASES)
    assert lifephases.phases_of(m, "Schwimmbad") == []
    assert not lifephases.is_mapped(m, "Schwimmbad")


def test_text_mapping_with_german_names_and_all():
    m = lifephases.parse_text("Kita = Frühe Kindheit\n# comment\nVHS: Erwachsene, Senioren; Bibliothek = alle")
    assert lifephases.phases_of(m, "kita") == ["early_childhood"]
    assert lifephases.phases_of(m, "VHS") == ["adults", "seniors"]
    assert lifephases.phases_of(m, "Bibliothek") == list(lifephases.PHASES)
    assert lifephases.serves(m, "VHS", "Senioren")


def test_bad_mapping_texts_name_the_entry():
    with pytest.raises(lifephases.MappingError, match="entry 2 'Hort = Hortkinder'"):
        lifephases.parse_text("Kita = early_childhood\nHort = Hortkinder")
    with pytest.raises(lifephases.MappingError, match="expected"):
        lifephases.parse_text("Kita early_childhood")
    with pytest.raises(lifephases.MappingError, match="row 2 .Kita.: '2'"):
        lifephases.read_csv_text("typ;early_childhood\nKita;2\n")


def test_mapping_from_csv_path(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("\ufefftyp;Jugend;Senioren\nJugendtreff;1;0\nTreff 60+;0;x\n", encoding="utf-8")
    m = lifephases.load(str(path))
    assert lifephases.phases_of(m, "Treff 60+") == ["seniors"]


def test_rank_offers_by_hand():
    # 2 origins, 4 facilities (types Kita, Grundschule, Bibliothek, Kita)
    types = ["Kita", "Grundschule", "Bibliothek", "Kita"]
    keep = offersearch.eligible(types, default_mapping(), "early_childhood")
    assert keep.tolist() == [True, False, True, True]
    o = [0, 0, 0, 0, 1, 1, 1]
    f = [0, 1, 2, 3, 0, 2, 3]
    c = [500.0, 100.0, 300.0, 300.0, 50.0, np.inf, 900.0]
    oo, ff, cc, rr = offersearch.rank_offers(o, f, c, keep)
    assert list(zip(oo.tolist(), ff.tolist(), cc.tolist(), rr.tolist())) == [
        (0, 2, 300.0, 1), (0, 3, 300.0, 2), (0, 0, 500.0, 3), (1, 0, 50.0, 1), (1, 3, 900.0, 2)]
    oo, ff, cc, rr = offersearch.rank_offers(o, f, c, keep, max_cost=400, max_results=1)
    assert list(zip(oo.tolist(), ff.tolist())) == [(0, 2), (1, 0)]


def test_first_offer_equals_nearest_by_brute_force():
    rng = np.random.default_rng(7)
    n_o, n_f = 30, 12
    dense = rng.uniform(10, 3000, size=(n_o, n_f))
    dense[rng.random((n_o, n_f)) < 0.2] = np.inf
    oi, fi = np.nonzero(np.isfinite(dense))
    keep = rng.random(n_f) < 0.5
    best = offersearch.nearest_offer(n_o, oi, fi, dense[oi, fi], keep)
    expect = np.where(keep[None, :], dense, np.inf).min(axis=1)
    np.testing.assert_array_equal(best, expect)
