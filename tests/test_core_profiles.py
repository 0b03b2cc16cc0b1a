"""District profile numbers (core/profiles.py), checked by hand."""

import numpy as np
import pandas as pd
import pytest

from bildungslandschaft_plugin.core.profiles import (
    MEAN, SUM, WEIGHTED, city_value, decimals_for, district_series, indicator_table, normalise_keys, timeseries)


def districts():
    return pd.DataFrame({
        "key": ["01", "02", "03", "04"],
        "pop": [1000, 3000, 0, 1000],
        "rate": [10.0, 20.0, 30.0, np.nan],
        "count": [5, 5, 1, 9],
    })


def test_city_value_weighted_and_plain():
    df = districts()
    # weighted: (10*1000 + 20*3000) / 4000 = 17.5 (03 has population 0, 04 no value)
    assert city_value(df["rate"], df["pop"]) == pytest.approx(17.5)
    assert city_value(df["rate"]) == pytest.approx(20.0)
    assert np.isnan(city_value([np.nan], [10]))


def test_indicator_table_values_ranks_z():
    table = indicator_table(districts(), "key", ["rate", "count"], population_col="pop")
    rate = table[table.indicator == "rate"].set_index("key")
    assert rate.loc["02", "value"] == 20.0
    assert rate.loc["02", "city"] == pytest.approx(17.5)
    assert rate.loc["02", "difference"] == pytest.approx(2.5)
    assert rate.loc["03", "rank"] == 1 and rate.loc["02", "rank"] == 2 and rate.loc["01", "rank"] == 3
    assert np.isnan(rate.loc["04", "rank"])
    assert (rate["n"] == 3).all()
    # z over 10, 20, 30: mean 20, population sd sqrt(200/3)
    assert rate.loc["01", "z"] == pytest.approx(-10 / np.sqrt(200 / 3))
    count = table[table.indicator == "count"].set_index("key")
    # ties share the best rank: 9 -> 1, 5, 5 -> 2, 1 -> 4
    assert count["rank"].tolist() == [2, 2, 4, 1]
    # a count: the city value is the total 5 + 5 + 1 + 9 = 20, never weighted by population; no difference
    assert (count["city"] == 20).all() and (count["rule"] == "sum").all()
    assert count["difference"].isna().all()
    assert (rate["rule"] == "weighted").all()


def test_indicator_table_constant_gives_nan_z():
    df = pd.DataFrame({"key": ["a", "b"], "x": [3, 3]})
    table = indicator_table(df, "key", ["x"])
    assert table["z"].isna().all()
    assert table["rank"].tolist() == [1, 1]
    assert table["city"].tolist() == [6, 6]  # whole values: a count, the city total 3 + 3
    table = indicator_table(df, "key", ["x"], rules={"x": (MEAN, None)})
    assert table["city"].tolist() == [3, 3] and table["difference"].tolist() == [0, 0]


def test_timeseries_city_and_district():
    long = pd.DataFrame({
        "k": ["01", "01", "02", "02", "Stadt", "Stadt"],
        "y": [2021, 2022, 2021, 2022, 2021, 2022],
        "v": [10.0, 12.0, 20.0, np.nan, 99.0, 99.0],
        "p": [100, 100, 300, 300, 400, 400],
    })
    city = timeseries(long, "k", "y", "v", keys=["01", "02"], population_col="p")
    assert city.index.tolist() == [2021, 2022]
    assert city[2021] == pytest.approx((10 * 100 + 20 * 300) / 400)
    assert city[2022] == pytest.approx(12.0)
    assert timeseries(long, "k", "y", "v", keys=["01", "02"])[2021] == pytest.approx(15.0)
    d = district_series(long, "k", "y", "v", "02")
    assert d.to_dict() == {2021: 20.0}


def test_normalise_keys():
    assert normalise_keys([1, 2.0, "03", None, 12], ["01", "02", "12"]) == ["01", "02", "03", None, "12"]
    assert normalise_keys([1, "x"], ["a", "b"]) == ["1", "x"]


def test_decimals_for():
    assert decimals_for([1, 2], is_integer=True) == 0
    assert decimals_for([0.1, 0.5]) == 2
    assert decimals_for([12.3, 5]) == 1
    assert decimals_for([1500.0]) == 0


def test_counts_print_without_decimals():
    from bildungslandschaft_plugin.core.profiles import indicator_decimals, is_count

    # Kinder_u15 arrives as float because a suppressed cell made the column nullable
    assert is_count([211.0, np.nan, 35.0], "Kinder_u15", "Kinder unter 15 Jahren")
    assert indicator_decimals([211.0, np.nan, 35.0], "Kinder_u15") == 0
    # a rate with whole values keeps its decimal because its name says rate
    assert not is_count([10.0, 20.0], "quote")
    assert not is_count([10.0, 20.0], "x", "Anteil Kinder (%)")
    assert indicator_decimals([10.0, 20.0], "SGB2_Quote") == 1
    assert indicator_decimals([19.9, 6.7], "Arbeitslose") == 1
    assert not is_count([np.nan], "n")  # no value at all: not decided as count


def test_trend_arrows():
    from bildungslandschaft_plugin.core.profiles import trend

    # 18.0 -> 19.9: +1.9, more than 2 % of 18.0 (0.36) -> up
    change, arrow, y0, y1 = trend([2021, 2022, 2025], [18.0, np.nan, 19.9])
    assert change == pytest.approx(1.9) and arrow == "↑" and (y0, y1) == (2021, 2025)
    # 215 -> 211: -4 of 215 (1.9 %) -> flat
    assert trend([2021, 2025], [215.0, 211.0])[1] == "→"
    assert trend([2021, 2025], [215.0, 200.0])[1] == "↓"
    assert trend([2021, 2025], [0.0, 0.0])[1] == "→"
    assert trend([2021, 2025], [0.0, 0.1])[1] == "↑"
    assert trend([2021, 2025], [np.nan, 3.0])[1] == ""


def test_age_structure_shares():
    from bildungslandschaft_plugin.core.profiles import age_structure

    df = pd.DataFrame({"k": ["01", "02", "03"], "a": [10.0, 30.0, np.nan], "b": [40.0, 20.0, 5.0],
                       "pop": [100.0, 200.0, 50.0]})
    rows = age_structure(df, "k", ["a", "b"], "01", population_col="pop")
    # district 01: 10/100, 40/100; city a: (10+30)/(100+200) = 13.33 % (03 is suppressed),
    # city b: (40+20+5)/350 = 18.57 %
    assert rows[0][0] == "a" and rows[0][1] == 10.0
    assert rows[0][2] == pytest.approx(10.0) and rows[0][3] == pytest.approx(40 / 3)
    assert rows[1][2] == pytest.approx(40.0) and rows[1][3] == pytest.approx(6500 / 350)
    suppressed = age_structure(df, "k", ["a", "b"], "03", population_col="pop")
    assert np.isnan(suppressed[0][1]) and np.isnan(suppressed[0][2])
    assert suppressed[1][2] == pytest.approx(10.0)
    # without population: share of the sum of the cohorts (03 has a gap: no share at all)
    rows = age_structure(df, "k", ["a", "b"], "02")
    assert rows[0][2] == pytest.approx(60.0) and rows[0][3] == pytest.approx(40 / 100 * 100)


def test_city_rules_by_hand():
    # counts: the total of all valid cells, negative ones included (a migration balance)
    assert city_value([1675, 759, np.nan, 2000], rule=SUM) == 1675 + 759 + 2000
    assert city_value([-23, 40, -5], rule=SUM) == 12
    assert np.isnan(city_value([np.nan], rule=SUM))
    # a rate weighted by its denominator = sum(numerators) / sum(denominators):
    # 10 % of 200 and 30 % of 600 -> (20 + 180) / 800 = 25 %; a district without a denominator is left out
    assert city_value([10.0, 30.0, 50.0], [200, 600, np.nan], WEIGHTED) == pytest.approx(25.0)
    # a zero denominator counts with weight 0, a negative one is invalid; all weights 0 -> no value
    assert city_value([10.0, 30.0, 50.0], [200, 600, 0], WEIGHTED) == pytest.approx(25.0)
    assert city_value([10.0, 30.0], [200, -5], WEIGHTED) == pytest.approx(10.0)
    assert np.isnan(city_value([10.0], [0], WEIGHTED))
    # negative rates (a change in percentage points) count like any other value
    assert city_value([-2.0, 4.0], [300, 100], WEIGHTED) == pytest.approx((-600 + 400) / 400)
    assert city_value([-2.0, 4.0, np.nan], rule=MEAN) == pytest.approx(1.0)


def test_indicator_table_rules_and_differences():
    df = pd.DataFrame({
        "key": ["a", "b", "c"],
        "einwohner": [1000.0, 3000.0, 1000.0],
        "ew_15_64": [500.0, 2500.0, 0.0],
        "sgb2_quote": [10.0, 4.0, 50.0],      # per 100 residents 15-64
        "saldo": [-23.0, 40.0, np.nan],       # migration balance, a count
        "budget_eur": [1500.5, 200.25, 99.25],  # an amount with cents
        "dichte": [4.0, 1.0, 2.0],            # no denominator -> plain mean when asked
    })
    rules = {"sgb2_quote": (WEIGHTED, "ew_15_64"), "dichte": (MEAN, None)}
    t = indicator_table(df, "key", ["einwohner", "sgb2_quote", "saldo", "budget_eur", "dichte"],
                        population_col="einwohner", rules=rules).set_index(["indicator", "key"])
    # the population itself: total 5000 (the old population-weighted value was 11000000/5000 = 2200)
    assert t.loc[("einwohner", "a"), "city"] == 5000 and t.loc[("einwohner", "a"), "rule"] == SUM
    assert np.isnan(t.loc[("einwohner", "a"), "difference"])
    # denominator-weighted: (10*500 + 4*2500 + 50*0) / 3000 = 5.0; differences 10-5 = +5, 4-5 = -1
    assert t.loc[("sgb2_quote", "a"), "city"] == pytest.approx(5.0)
    assert t.loc[("sgb2_quote", "a"), "difference"] == pytest.approx(5.0)
    assert t.loc[("sgb2_quote", "b"), "difference"] == pytest.approx(-1.0)
    assert t.loc[("sgb2_quote", "c"), "difference"] == pytest.approx(45.0)
    # the balance: -23 + 40 = 17 (the negative cell counts)
    assert t.loc[("saldo", "b"), "city"] == 17 and t.loc[("saldo", "b"), "rule"] == SUM
    # euro amounts are totals even with cents: 1500.5 + 200.25 + 99.25 = 1800
    assert t.loc[("budget_eur", "c"), "city"] == pytest.approx(1800.0)
    # plain mean (4 + 1 + 2) / 3 and its differences
    assert t.loc[("dichte", "a"), "city"] == pytest.approx(7 / 3) and t.loc[("dichte", "a"), "rule"] == MEAN
    assert t.loc[("dichte", "b"), "difference"] == pytest.approx(1 - 7 / 3)
    # a weighted rule without any weight column becomes the labelled plain mean
    t2 = indicator_table(df, "key", ["sgb2_quote"]).set_index("key")
    assert t2.loc["a", "rule"] == MEAN and t2.loc["a", "city"] == pytest.approx(64 / 3)


def test_default_rule():
    from bildungslandschaft_plugin.core.profiles import default_rule, looks_like_amount

    assert default_rule([1675.0, 759.0], "Bevölkerung", is_population=True) == SUM
    assert default_rule([162.0, 120.0], "Unter 18-Jährige") == SUM
    assert default_rule([9.7, 15.8], "Anteil der unter 18-Jährigen in %") == WEIGHTED
    assert default_rule([10.0, 20.0], "quote") == WEIGHTED  # whole values, but a rate by name
    assert default_rule([26493.0, 31000.0], "Durchschnittliches Einkommen je Steuerpflichtigen in EUR") == WEIGHTED
    assert default_rule([300.5, 2.25], "Preise für Grundstücke in EUR/m²") == WEIGHTED
    assert default_rule([1500.5, 2.25], "Budget in EUR") == SUM
    assert default_rule([-23.0, 40.0], "Wanderungssaldo") == SUM
    assert default_rule([1.4, 1.9], "Personen je Haushalt") == WEIGHTED
    assert default_rule([12.3, 4.5], "sgb2") == WEIGHTED  # fractional, no hint: a rate
    assert default_rule([3.0], "x", is_integer=True) == SUM
    # a social index is standardised over the districts: its city value is their plain mean, not a weighted one
    assert default_rule([-1.2, 0.3, 0.9], "index", "Sozialindex") == MEAN
    assert default_rule([1.0, 2.0], "z_sgb2") == MEAN
    assert looks_like_amount("Ausgaben €") and not looks_like_amount("Neuruppin") and not looks_like_amount("Steuer")
