"""Tolerance rules on plain numbers: each verdict is reachable and boundaries are exact."""

from __future__ import annotations

from decimal import Decimal

import pytest

from analysis_lib.claims import record_rules, rules


@pytest.mark.parametrize(
    ("text", "half"),
    [("55.5", "0.05"), ("6.8%", "0.05"), ("24%", "0.5"), ("88.25", "0.005"), ("1,5", "0.05")],
)
def test_half_last_digit_is_half_a_unit_of_the_last_written_digit(text, half):
    assert rules.half_last_digit(text) == Decimal(half)


@pytest.mark.parametrize(
    ("computed", "verdict"),
    [
        (55.45, "consistent"),  # the closed boundary: 55.45 rounds half up to 55.5
        (55.55, "consistent"),
        (55.5, "consistent"),
        (55.4499, "inconsistent"),
        (55.5501, "inconsistent"),
        (55.40, "inconsistent"),
    ],
)
def test_judge_half_last_digit_boundaries(computed, verdict):
    judgement = rules.judge_half_last_digit(computed, "55.5", "USD bn")
    assert judgement.verdict == verdict
    assert "half_last_digit" in judgement.rule
    assert "0.05 USD bn" in judgement.rule


def test_half_last_digit_rejects_text_that_is_not_a_number():
    with pytest.raises(ValueError, match="must be a number"):
        rules.half_last_digit("about fifty")


@pytest.mark.parametrize(
    ("nearest", "verdict"),
    [((1, 6), "consistent"), ((1, 5), "inconsistent"), ((2, 12), "consistent")],
)
def test_judge_nearest_fraction_compares_fractions_by_value(nearest, verdict):
    judgement = rules.judge_nearest_fraction(0.1728, "1/6", *nearest)
    assert judgement.verdict == verdict
    assert "0.1728" in judgement.rule


@pytest.mark.parametrize("text", ["1/0", "one sixth", "1/"])
def test_parse_fraction_rejects_non_fractions(text):
    with pytest.raises(ValueError, match="fraction"):
        rules.parse_fraction(text)


def test_lower_than_previous_is_strict():
    assert rules.judge_lower_than_previous(13.0, 40.7, 2012).verdict == "consistent"
    assert rules.judge_lower_than_previous(40.7, 40.7, 2012).verdict == "inconsistent"
    assert "growth 2011" in rules.judge_lower_than_previous(1.0, 2.0, 2012).rule


def test_majority_both_ends_names_the_failing_share():
    holds = record_rules.judge_majority_both_ends(
        {"a": {1995: 60.0, 2015: 80.0}, "b": {1995: 51.0, 2015: 70.0}}
    )
    assert holds.verdict == "consistent"
    fails = record_rules.judge_majority_both_ends(
        {"a": {1995: 7.9, 2015: 80.8}, "b": {1995: 65.2, 2015: 88.2}}
    )
    assert fails.verdict == "inconsistent"
    assert "a 1995 7.9%" in fails.rule
    assert "2015" not in fails.rule.split("not met by")[1]
    # exactly half is not a majority
    assert record_rules.judge_majority_both_ends({"a": {1995: 50.0}}).verdict == "inconsistent"
    assert fails.severity == "material"
    assert record_rules.judge_majority_both_ends({"a": {1995: 49.5}}).severity == "minor"


@pytest.mark.parametrize(
    ("computed", "claimed", "source_half", "verdict", "severity"),
    [
        (95.28, "95.3", "0.005", "consistent", "within rounding"),  # 0.02 <= 0.05 + 0.005
        (88.1, "88.2", "0.05", "consistent", "within rounding"),  # 0.1 <= 0.05 + 0.05, closed
        (88.1, "88.25", "0.05", "inconsistent", "minor"),  # 0.15 > 0.005 + 0.05
        (6.8, "6.8%", "0.05", "consistent", "exact"),
        (80.0, "79.3", "0.5", "inconsistent", "minor"),  # 0.7 > 0.55, 0.9% of 80
        (77.93, "79.3", "0", "inconsistent", "material"),  # 1.8% of 77.93
    ],
)
def test_precision_on_both_sides(computed, claimed, source_half, verdict, severity):
    judgement = rules.judge_half_last_digit(computed, claimed, "USD bn", Decimal(source_half))
    assert (judgement.verdict, judgement.severity) == (verdict, severity)
    if source_half != "0":
        assert f"+ {Decimal(source_half).normalize():f}" in judgement.rule


def test_a_rate_is_minor_below_half_a_percentage_point():
    assert rules.judge_half_last_digit(7.2, "6.8%", "%").severity == "minor"
    assert rules.judge_half_last_digit(7.4, "6.8%", "%").severity == "material"


@pytest.mark.parametrize(
    ("value", "half"), [(95.28, "0.005"), (88.1, "0.05"), (80.0, "0.5"), (95.285, "0.0005")]
)
def test_a_stored_figure_carries_the_precision_it_was_written_with(value, half):
    assert rules.half_unit_of(value) == Decimal(half)


@pytest.mark.parametrize(
    ("claimed", "verdict"),
    [("79.3", "consistent"), ("79", "inconsistent"), ("78.5", "inconsistent")],
)
def test_a_lower_bound_holds_when_the_claim_satisfies_it(claimed, verdict):
    judgement = rules.judge_lower_bound(79.0, claimed, "USD bn")
    assert judgement.verdict == verdict
    assert "over 79" in judgement.rule
    if verdict == "consistent":
        assert judgement.severity == "within rounding"


@pytest.mark.parametrize(
    ("claimed", "verdict", "severity", "words"),
    [
        ("Economic and Social Development of the Far East", "consistent", "exact", ""),
        (
            "The Economic Development of the Far East in 1996 – 2005",
            "inconsistent",
            "minor",
            "drops 'and' 'social'",
        ),
        ("Economic Revival of the Far East", "inconsistent", "material", "adds 'revival'"),
    ],
)
def test_same_words_compares_a_name_word_by_word(claimed, verdict, severity, words):
    judgement = record_rules.judge_same_words(
        claimed, "Economic and Social Development of the Far East 1996-2005"
    )
    assert (judgement.verdict, judgement.severity) == (verdict, severity)
    assert words in judgement.rule


def test_a_record_outside_the_period_says_nothing_about_the_outcome():
    assert record_rules.judge_record_supports(2002, 1996, 2005, "x").severity == "exact"
    assert record_rules.judge_record_supports(2010, 1996, 2005, "x").verdict == "unverifiable"
