"""District profile numbers (core/profiles.py), checked by hand."""

import numpy as np
import pandas as pd
import pytest

from bildungslandschaft_plugin.core.profiles import (
    city_value, decimals_for, district_series, indicator_table, normalise_keys, timeseries)


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
    # weighted city value: (5*1000 + 5*3000 + 9*1000) / 5000 = 5.8
    assert count.loc["04", "city"] == pytest.approx(5.8)


def test_indicator_table_constant_gives_nan_z():
    df = pd.DataFrame({"key": ["a", "b"], "x": [3, 3]})
    table = indicator_table(df, "key", ["x"])
    assert table["z"].isna().all()
    assert table["rank"].tolist() == [1, 1]
    assert table["city"].tolist() == [3, 3]


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
