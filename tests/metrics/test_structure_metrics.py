"""Concentration (HHI) and structure distance: hand-checked values, properties, errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_lib.exceptions import ParameterError
from analysis_lib.metrics import herfindahl_hirschman, structure_distance

SETTINGS = settings(max_examples=80, deadline=None)
weights = st.lists(st.floats(0, 1e3), min_size=1, max_size=10).filter(lambda w: sum(w) > 0)


def _normalise(values: list[float]) -> pd.Series:
    series = pd.Series(values, dtype="float64")
    return series / series.sum()


def test_hhi_hand_checked():
    assert herfindahl_hirschman([0.5, 0.5]) == 0.5
    assert herfindahl_hirschman(pd.Series({"fuel": 1.0})) == 1.0
    assert herfindahl_hirschman([0.6, 0.3]) == pytest.approx(0.45)


def test_normalised_hhi_hand_checked():
    assert herfindahl_hirschman([0.25] * 4, normalised=True) == pytest.approx(0.0)
    assert herfindahl_hirschman([1.0, 0.0, 0.0], normalised=True) == pytest.approx(1.0)
    # (0.5 - 0.5) / (1 - 0.5) with two categories 0.5/0.5; (0.52 - 0.5) / 0.5 with 0.6/0.4
    assert herfindahl_hirschman([0.6, 0.4], normalised=True) == pytest.approx(0.04)


@SETTINGS
@given(values=weights)
def test_hhi_lies_between_one_over_n_and_one(values):
    shares = _normalise(values).clip(upper=1.0)
    index = herfindahl_hirschman(shares)
    assert 1 / len(shares) - 1e-9 <= index <= 1 + 1e-9


@SETTINGS
@given(values=weights.filter(lambda w: len(w) >= 2))
def test_normalised_hhi_lies_in_unit_interval(values):
    index = herfindahl_hirschman(_normalise(values).clip(upper=1.0), normalised=True)
    assert -1e-9 <= index <= 1 + 1e-9


@pytest.mark.parametrize(
    ("shares", "normalised", "match"),
    [
        ([27.3, 50.0], False, "must be fractions in \\[0, 1\\] \\(divide percentages by 100\\)"),
        ([-0.1, 0.5], False, "not -0.1 at index 0"),
        ([0.7, 0.7], False, "sum to at most 1; they sum to 1.4"),
        ([0.5, np.nan], False, "missing \\(NaN\\) at index 1"),
        ([], False, "must not be empty"),
        ([1.0], True, "at least two shares"),
        ([0.3, 0.3], True, "summing to 1; they sum to 0.6"),
        (0.5, False, "must be a pandas Series or a 1-D array"),
    ],
)
def test_hhi_errors(shares, normalised, match):
    with pytest.raises(ParameterError, match=match):
        herfindahl_hirschman(shares, normalised=normalised)


def test_structure_distance_hand_checked():
    a = pd.Series({"food": 0.3, "fuel": 0.7})
    b = pd.Series({"fuel": 0.5, "food": 0.5})
    assert structure_distance(a, b) == pytest.approx(20.0)


def test_structure_distance_uses_shared_categories_only():
    a = pd.Series({"food": 0.2, "fuel": 0.3, "machinery": 0.5})
    b = pd.Series({"food": 0.1, "fuel": 0.5})
    # 50 * (|0.2 - 0.1| + |0.3 - 0.5|)
    assert structure_distance(a, b) == pytest.approx(15.0)


def test_structure_distance_of_disjoint_structures_is_100():
    assert structure_distance(
        pd.Series({"a": 1.0, "b": 0.0}), pd.Series({"a": 0.0, "b": 1.0})
    ) == (100.0)


@SETTINGS
@given(data=st.data(), first=weights)
def test_structure_distance_identity_symmetry_and_range(data, first):
    second = data.draw(
        st.lists(st.floats(0, 1e3), min_size=len(first), max_size=len(first)).filter(
            lambda w: sum(w) > 0
        )
    )
    labels = [f"S{i}" for i in range(len(first))]
    a = _normalise(first).clip(upper=1.0).set_axis(labels)
    b = _normalise(second).clip(upper=1.0).set_axis(labels[::-1])
    assert structure_distance(a, a) == 0.0
    assert structure_distance(a, b) == structure_distance(b, a)
    assert 0.0 <= structure_distance(a, b) <= 100.0 + 1e-9


@pytest.mark.parametrize(
    ("a", "b", "match"),
    [
        (pd.Series({"a": 1.0}), pd.Series({"b": 1.0}), "share no category"),
        (pd.Series({"a": 30.0}), pd.Series({"a": 0.3}), "fractions in \\[0, 1\\]"),
        (
            pd.Series([0.1, 0.2], index=["a", "a"]),
            pd.Series({"a": 0.3}),
            "category 'a' more than once",
        ),
        ([0.5, 0.5], pd.Series({"a": 0.3}), "shares_a must be a pandas Series"),
    ],
)
def test_structure_distance_errors(a, b, match):
    with pytest.raises(ParameterError, match=match):
        structure_distance(a, b)
