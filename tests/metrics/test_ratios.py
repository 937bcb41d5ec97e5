"""Shares and ratios: fractions in [0, 1], alignment of Series, errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_lib.exceptions import ParameterError
from analysis_lib.metrics import ratio, regional_share, share, shares_by_group

SETTINGS = settings(max_examples=80, deadline=None)


def test_share_hand_checked():
    assert share(25, 100) == 0.25
    assert share(0, 5) == 0.0
    assert share(5, 5) == 1.0


def test_share_of_series_aligns_labels():
    part = pd.Series({2013: 20.0, 2012: 10.0})
    total = pd.Series({2012: 40.0, 2013: 80.0})
    result = share(part, total)
    assert result[2012] == 0.25
    assert result[2013] == 0.25


def test_share_broadcasts_a_scalar_total():
    result = share(pd.Series([1.0, 3.0]), 4)
    assert result.tolist() == [0.25, 0.75]


@SETTINGS
@given(total=st.floats(1e-6, 1e12), fraction=st.floats(0, 1))
def test_share_lies_in_unit_interval(total, fraction):
    part = min(total * fraction, total)
    assert 0.0 <= share(part, total) <= 1.0


@pytest.mark.parametrize(
    ("part", "total", "match"),
    [
        (-1, 10, "part must be non-negative"),
        (1, 0, "total must be positive"),
        (11, 10, "part must not exceed total"),
        (pd.Series([1.0]), pd.Series([], dtype=float), "total must not be empty"),
        (pd.Series({2012: 1.0}), pd.Series({2013: 2.0}), "2012 only in part"),
        (pd.Series([1.0, 5.0]), pd.Series([2.0, 4.0]), "it does at index 1"),
        (pd.Series([1.0, 5.0]), pd.Series([2.0, 0.0]), "not 0.0 at index 1"),
    ],
)
def test_share_errors(part, total, match):
    with pytest.raises(ParameterError, match=match):
        share(part, total)


def test_ratio_hand_checked_and_signed():
    assert ratio(1, 4) == 0.25
    assert ratio(-3, 2) == -1.5
    assert ratio(pd.Series([2.0, 9.0]), pd.Series([4.0, 3.0])).tolist() == [0.5, 3.0]


def test_ratio_zero_denominator():
    with pytest.raises(ParameterError, match="denominator must not be zero"):
        ratio(1, 0)
    with pytest.raises(ParameterError, match="zero at index 'b'"):
        ratio(pd.Series({"a": 1.0, "b": 2.0}), pd.Series({"a": 1.0, "b": 0.0}))


def test_ratio_rejects_duplicated_labels():
    with pytest.raises(ParameterError, match="duplicated index label 'a'"):
        ratio(pd.Series([1.0, 2.0], index=["a", "a"]), pd.Series([1.0, 2.0], index=["a", "b"]))


def test_regional_share_names_its_parameters():
    assert regional_share(5, 20) == 0.25
    with pytest.raises(ParameterError, match="region_value must not exceed national_value"):
        regional_share(30, 20)


def test_shares_by_group_hand_checked():
    table = pd.DataFrame(
        {
            "year": [2010, 2010, 2011, 2011, 2012],
            "value": [1.0, 3.0, 2.0, np.nan, 0.0],
        },
        index=list("abcde"),
    )
    result = shares_by_group(table, "year")
    assert list(result.index) == list("abcde")
    np.testing.assert_allclose(
        result.to_numpy(), [0.25, 0.75, 1.0, np.nan, np.nan], equal_nan=True
    )


@SETTINGS
@given(values=st.lists(st.floats(0, 1e9), min_size=1, max_size=30), groups=st.integers(1, 4))
def test_shares_by_group_sum_to_one_per_group(values, groups):
    table = pd.DataFrame({"g": [i % groups for i in range(len(values))], "value": values})
    result = shares_by_group(table, ["g"])
    assert result.dropna().between(0, 1).all()
    totals = table.groupby("g")["value"].sum()
    sums = result.groupby(table["g"]).sum()
    for group, total in totals.items():
        if total > 0:
            assert sums[group] == pytest.approx(1.0)


def test_shares_by_group_errors():
    with pytest.raises(ParameterError, match="must be non-negative"):
        shares_by_group(pd.DataFrame({"g": [1], "value": [-1.0]}), "g")
    with pytest.raises(ParameterError, match="'value' must be numeric; not bool"):
        shares_by_group(pd.DataFrame({"g": [1], "value": [True]}), "g")
    with pytest.raises(ParameterError, match="lacks column 'value'"):
        shares_by_group(pd.DataFrame({"g": [1]}), "g")
    with pytest.raises(ParameterError, match="must be a pandas DataFrame"):
        shares_by_group([1, 2], "g")
