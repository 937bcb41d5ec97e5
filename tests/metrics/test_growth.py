"""Growth metrics: hand-checked values, gaps in the years, properties, errors."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_lib.exceptions import ParameterError
from analysis_lib.metrics import cagr, growth_between, growth_by_group, yoy_growth

SETTINGS = settings(max_examples=60, deadline=None)


def test_yoy_growth_hand_checked():
    series = pd.Series([100.0, 110.0, 99.0], index=[2010, 2011, 2012], name="trade")
    result = yoy_growth(series)
    assert math.isnan(result[2010])
    assert result[2011] == pytest.approx(10.0)
    assert result[2012] == pytest.approx(-10.0)
    assert result.name == "trade"


def test_yoy_growth_gap_in_years_is_nan():
    series = pd.Series([100.0, 110.0, 200.0, 220.0], index=[2010, 2011, 2013, 2014])
    result = yoy_growth(series)
    assert math.isnan(result[2013])
    assert result[2014] == pytest.approx(10.0)


def test_yoy_growth_unsorted_index_keeps_order():
    series = pd.Series([121.0, 100.0, 110.0], index=[2012, 2010, 2011])
    result = yoy_growth(series)
    assert list(result.index) == [2012, 2010, 2011]
    assert result[2012] == pytest.approx(10.0)
    assert result[2011] == pytest.approx(10.0)


def test_yoy_growth_nan_value_propagates():
    series = pd.Series([100.0, np.nan, 121.0], index=[2010, 2011, 2012])
    assert yoy_growth(series).isna().all()


@pytest.mark.parametrize(
    ("series", "match"),
    [
        (pd.Series([], dtype=float), "must not be empty"),
        (pd.Series([1.0, 2.0], index=["a", "b"]), "integer years"),
        (pd.Series([1.0, 2.0], index=[2010, 2010]), "more than once"),
        (pd.Series([1.0, -2.0], index=[2010, 2011]), "non-negative"),
        (pd.Series([0.0, 2.0], index=[2010, 2011]), "2010 is zero"),
    ],
)
def test_yoy_growth_errors(series, match):
    with pytest.raises(ParameterError, match=match):
        yoy_growth(series)


@SETTINGS
@given(
    start=st.floats(0.1, 1e6),
    rate=st.floats(-0.9, 2.0),
    first_year=st.integers(1950, 2020),
    length=st.integers(2, 30),
)
def test_yoy_growth_of_geometric_series_is_constant(start, rate, first_year, length):
    years = range(first_year, first_year + length)
    series = pd.Series([start * (1 + rate) ** i for i in range(length)], index=years)
    growth = yoy_growth(series).iloc[1:]
    np.testing.assert_allclose(growth.to_numpy(), rate * 100, rtol=1e-9, atol=1e-7)


def test_growth_between_hand_checked():
    assert growth_between(100, 110) == pytest.approx(10.0)
    assert growth_between(200, 100) == pytest.approx(-50.0)
    assert growth_between(50, 0) == pytest.approx(-100.0)


@pytest.mark.parametrize(
    ("start", "end", "match"),
    [
        (0, 10, "start_value must be positive"),
        (-5, 10, "start_value must be positive"),
        (10, -1, "end_value must be non-negative"),
        (float("nan"), 1, "finite"),
        ("100", 1, "real number"),
    ],
)
def test_growth_between_errors(start, end, match):
    with pytest.raises(ParameterError, match=match):
        growth_between(start, end)


def test_cagr_scalar_hand_checked():
    assert cagr(100, 121, 2) == pytest.approx(10.0)
    assert cagr(100, 100, 7) == 0.0


def test_cagr_series_uses_first_and_last_years_with_values():
    series = pd.Series([np.nan, 100.0, 150.0, 121.0], index=[2009, 2010, 2011, 2012])
    assert cagr(series) == pytest.approx(10.0)


@SETTINGS
@given(value=st.floats(0.01, 1e9), first_year=st.integers(1950, 2020), length=st.integers(2, 40))
def test_cagr_of_constant_series_is_zero(value, first_year, length):
    series = pd.Series([value] * length, index=range(first_year, first_year + length))
    assert cagr(series) == 0.0


@SETTINGS
@given(start=st.floats(0.1, 1e6), rate=st.floats(-0.5, 1.0), years=st.integers(1, 30))
def test_cagr_recovers_the_rate_of_a_geometric_path(start, rate, years):
    end = start * (1 + rate) ** years
    assert cagr(start, end, years) == pytest.approx(rate * 100, rel=1e-9, abs=1e-7)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ((0, 10, 2), "start value must be positive"),
        ((10, -1, 2), "end value must be non-negative"),
        ((10, 20, 0), "years must be positive"),
        ((10, 20), "give end and years"),
        ((pd.Series([1.0, 2.0], index=[2010, 2011]), 3, 1), "not both"),
        ((pd.Series([1.0, np.nan], index=[2010, 2011]),), "at least two years"),
    ],
)
def test_cagr_errors(args, match):
    with pytest.raises(ParameterError, match=match):
        cagr(*args)


def _long_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "country": ["RU", "RU", "RU", "US", "US", "US"],
            "year": [2011, 2010, 2013, 2010, 2011, 2012],
            "value": [110.0, 100.0, 150.0, 200.0, 300.0, 0.0],
        },
        index=[10, 11, 12, 13, 14, 15],
    )


def test_growth_by_group_hand_checked_and_aligned_with_input():
    table = _long_table()
    result = growth_by_group(table, "country")
    assert list(result.index) == list(table.index)
    expected = [10.0, np.nan, np.nan, np.nan, 50.0, -100.0]
    np.testing.assert_allclose(result.to_numpy(), expected, equal_nan=True)


def test_growth_by_group_zero_previous_value_is_nan():
    table = pd.DataFrame({"k": ["a", "a"], "year": [2010, 2011], "value": [0.0, 5.0]})
    assert growth_by_group(table, ["k"]).isna().all()


def test_growth_by_group_matches_yoy_growth_per_group():
    rng = np.random.default_rng(7)
    years = np.array([2000, 2001, 2002, 2004, 2005, 2006, 2009])
    table = pd.DataFrame(
        {
            "reporter": np.repeat(["CN", "RU", "US"], len(years)),
            "year": np.tile(years, 3),
            "value_usd_mn": rng.uniform(1, 100, 3 * len(years)),
        }
    ).sample(frac=1.0, random_state=3)
    result = growth_by_group(table, ["reporter"], value="value_usd_mn")
    for _, rows in table.groupby("reporter"):
        expected = yoy_growth(rows.set_index("year")["value_usd_mn"])
        np.testing.assert_allclose(
            result[rows.index].to_numpy(), expected.to_numpy(), equal_nan=True
        )


@pytest.mark.parametrize(
    ("table", "match"),
    [
        (pd.DataFrame({"k": [], "year": [], "value": []}), "must not be empty"),
        (pd.DataFrame({"k": ["a"], "value": [1.0]}), "lacks column 'year'"),
        (pd.DataFrame({"k": ["a"], "year": [2010.5], "value": [1.0]}), "integer years"),
        (pd.DataFrame({"k": ["a"], "year": [2010], "value": ["x"]}), "'value' must be numeric"),
        (pd.DataFrame({"k": ["a", "a"], "year": [2010, 2011], "value": [1.0, -1.0]}), "negative"),
        (
            pd.DataFrame({"k": ["a", "a"], "year": [2010, 2010], "value": [1.0, 2.0]}),
            "more than one row for k='a', year=2010",
        ),
    ],
)
def test_growth_by_group_errors(table, match):
    with pytest.raises(ParameterError, match=match):
        growth_by_group(table, "k")


def test_growth_by_group_needs_keys():
    with pytest.raises(ParameterError, match="at least one column"):
        growth_by_group(_long_table(), [])
