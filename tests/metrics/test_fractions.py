"""Nearest fractions: the article's "1/6" case, minimal error, tie-breaking, errors."""

from __future__ import annotations

import dataclasses
import math
from fractions import Fraction as Rational

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_lib.exceptions import ParameterError
from analysis_lib.metrics import Fraction, nearest_fraction, nearest_unit_fraction

SETTINGS = settings(max_examples=100, deadline=None)


def test_nearest_fraction_of_0_173_is_one_sixth():
    result = nearest_fraction(0.173)
    assert (result.numerator, result.denominator) == (1, 6)
    assert str(result) == "1/6"
    assert result.x == 0.173
    assert result.value == pytest.approx(1 / 6)
    assert result.error == pytest.approx(0.173 - 1 / 6)
    assert result.relative_error == pytest.approx((0.173 - 1 / 6) / 0.173)


def test_nearest_fraction_allows_any_numerator():
    assert str(nearest_fraction(0.29)) == "2/7"
    assert str(nearest_fraction(1.5)) == "3/2"
    assert str(nearest_fraction(-0.5)) == "-1/2"
    assert str(nearest_fraction(0.0)) == "0/1"


def test_nearest_fraction_is_in_lowest_terms():
    result = nearest_fraction(0.5, max_denominator=10)
    assert (result.numerator, result.denominator) == (1, 2)


def test_nearest_fraction_tie_goes_to_smaller_denominator_then_smaller_value():
    # 0.25 is exactly halfway between 0/1 and 1/2 with max_denominator=2.
    assert str(nearest_fraction(0.25, max_denominator=2)) == "0/1"
    # 0.5 is exactly halfway between 0/1 and 1/1.
    assert str(nearest_fraction(0.5, max_denominator=1)) == "0/1"


def test_fraction_is_frozen_and_relative_error_of_zero_is_nan():
    result = nearest_fraction(0.0)
    assert math.isnan(result.relative_error)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.numerator = 2


@SETTINGS
@given(x=st.floats(-10, 10, allow_nan=False), bound=st.integers(1, 40))
def test_nearest_fraction_error_is_minimal(x, bound):
    result = nearest_fraction(x, max_denominator=bound)
    assert 1 <= result.denominator <= bound
    assert math.gcd(result.numerator, result.denominator) == 1
    exact = Rational(x)
    chosen = abs(exact - Rational(result.numerator, result.denominator))
    # limit_denominator finds a closest fraction by another algorithm.
    assert chosen == abs(exact - exact.limit_denominator(bound))
    for q in range(1, bound + 1):
        for p in (math.floor(exact * q) - 1, math.floor(exact * q), math.ceil(exact * q)):
            assert chosen <= abs(exact - Rational(p, q))
    assert result.error == pytest.approx(x - result.value, abs=1e-12)


def test_nearest_unit_fraction_hand_checked():
    assert str(nearest_unit_fraction(0.173)) == "1/6"
    assert str(nearest_unit_fraction(0.31)) == "1/3"
    assert str(nearest_unit_fraction(0.05)) == "1/10"
    assert str(nearest_unit_fraction(0.05, max_denominator=20)) == "1/20"
    assert str(nearest_unit_fraction(3.0)) == "1/1"


def test_nearest_unit_fraction_tie_goes_to_smaller_n():
    # 0.75 is exactly halfway between 1/2 and 1/1 (the only float midpoint of
    # two neighbouring unit fractions).
    assert str(nearest_unit_fraction(0.75, max_denominator=2)) == "1/1"
    assert str(nearest_unit_fraction(0.75 - 1e-12, max_denominator=2)) == "1/2"


@SETTINGS
@given(x=st.floats(1e-4, 2.0), bound=st.integers(1, 30))
def test_nearest_unit_fraction_error_is_minimal_over_unit_fractions(x, bound):
    result = nearest_unit_fraction(x, max_denominator=bound)
    assert result.numerator == 1
    assert 1 <= result.denominator <= bound
    exact = Rational(x)
    chosen = abs(exact - Rational(1, result.denominator))
    assert all(chosen <= abs(exact - Rational(1, n)) for n in range(1, bound + 1))


@pytest.mark.parametrize("function", [nearest_fraction, nearest_unit_fraction])
@pytest.mark.parametrize(
    ("x", "bound", "match"),
    [
        (float("nan"), 10, "x must be a finite number"),
        (float("inf"), 10, "x must be a finite number"),
        ("0.5", 10, "x must be a real number"),
        (0.5, 0, "max_denominator must be at least 1"),
        (0.5, 2.5, "max_denominator must be an integer"),
        (0.5, True, "max_denominator must be an integer"),
    ],
)
def test_fraction_errors(function, x, bound, match):
    with pytest.raises(ParameterError, match=match):
        function(x, max_denominator=bound)


@pytest.mark.parametrize("x", [0.0, -0.2])
def test_nearest_unit_fraction_needs_positive_x(x):
    with pytest.raises(ParameterError, match="x must be positive"):
        nearest_unit_fraction(x)


def test_fraction_result_type_is_exported():
    assert isinstance(nearest_fraction(0.2), Fraction)
