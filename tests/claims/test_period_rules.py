"""Tolerance rules on dates, periods and horizons (:mod:`analysis_lib.claims.period_rules`)."""

from __future__ import annotations

import pytest

from analysis_lib.claims import period_rules

same_date = period_rules.judge_same_date_at_precision
same_year = period_rules.judge_same_year


@pytest.mark.parametrize(
    ("claimed", "recorded", "precision", "verdict", "compared_at"),
    [
        ("1996-04-24", "1996-04-23", "day", "inconsistent", "day"),
        ("1996-04-23", "1996-04-23", "day", "consistent", "day"),
        ("2014-08", "2014-08-08", "day", "consistent", "month"),
        ("2014-09", "2014-08-08", "day", "inconsistent", "month"),
        # The record knows only the month: the claimed day cannot be confirmed.
        ("2014-08-08", "2014-08", "month", "unverifiable", "month"),
        ("2014-08-08", "2014-07", "month", "inconsistent", "month"),
        # A day-long text whose precision is "year" counts only as a year.
        ("2012-05-01", "2012-01-01", "year", "unverifiable", "year"),
    ],
)
def test_same_date_at_precision(claimed, recorded, precision, verdict, compared_at):
    judgement = same_date(claimed, recorded, precision)
    assert judgement.verdict == verdict
    assert f"at {compared_at} precision" in judgement.rule


@pytest.mark.parametrize("text", ["24 April 1996", "1996-4-24", "1996--24"])
def test_parse_partial_date_rejects_other_formats(text):
    with pytest.raises(ValueError, match="YYYY"):
        period_rules.parse_partial_date(text)


def test_same_year_for_a_date_and_a_period():
    assert same_year((2003,), (2003,)).verdict == "consistent"
    assert same_year((1996, 2005), (1996, 2006)).verdict == "inconsistent"
    assert "1996–2005 ≠ recorded 1996–2006" in same_year((1996, 2005), (1996, 2006)).rule


@pytest.mark.parametrize(
    ("years", "verdict"),
    [(10, "consistent"), (15, "consistent"), (9, "inconsistent"), (16, "inconsistent")],
)
def test_a_computed_figure_within_a_claimed_range_is_closed(years, verdict):
    judgement = period_rules.judge_within_range(years, years, "10 – 15", "years", stated=False)
    assert judgement.verdict == verdict


@pytest.mark.parametrize(
    ("stated", "verdict", "severity"),
    [
        ((10, 15), "consistent", "exact"),
        ((8, 20), "consistent", "exact"),
        ((12, 20), "inconsistent", "minor"),  # overlaps the claimed 10-15
        ((20, 25), "inconsistent", "material"),
    ],
)
def test_a_claimed_range_must_lie_within_the_stated_horizon(stated, verdict, severity):
    judgement = period_rules.judge_within_range(*stated, "10 – 15", "years")
    assert (judgement.verdict, judgement.severity) == (verdict, severity)


def test_severity_of_dates_a_one_day_slip_is_minor():
    assert same_date("1996-04-24", "1996-04-23", "day").severity == ("minor")
    assert same_date("1996-04-26", "1996-04-23", "day").severity == ("material")
    assert same_date("2014-08", "2016-04-26", "day").severity == ("material")
    assert same_date("2014-08", "2014-08-08", "day").severity == "exact"
    assert same_date("2014-08-08", "2014-08", "month").severity is None
