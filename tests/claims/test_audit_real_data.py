"""The audit on the committed data package, and on a copy with one primary figure changed."""

from __future__ import annotations

import csv
import json

import pytest

from analysis_lib import paths
from analysis_lib.claims.audit import run_audit, verdict_counts
from analysis_lib.claims.registry import load_registry
from analysis_lib.claims.verdicts import claim_verdicts, headline_counts, headline_sentence
from analysis_lib.cli import main

PROJECT_DATA_DIR = paths.PROJECT_ROOT / "data"


@pytest.fixture(scope="module")
def everything():
    return run_audit(data_dir=PROJECT_DATA_DIR)


@pytest.fixture(scope="module")
def results(everything):
    return {(r.id, r.source): r for r in everything}


@pytest.fixture(scope="module")
def primary(everything):
    return {r.id: r for r in everything if r.role == "primary"}


def test_every_claim_has_exactly_one_primary_verdict_with_a_severity(everything):
    claim_ids = list(load_registry(PROJECT_DATA_DIR)["claim_id"])
    primaries = [r.id for r in everything if r.role == "primary"]
    assert primaries == claim_ids
    for result in everything:
        assert result.role in ("primary", "cross-check")
        assert (result.severity is None) == (result.verdict == "unverifiable"), result.id


def test_the_primary_result_comes_first_under_each_claim(everything):
    for verdict in claim_verdicts(everything):
        rows = [r for r in everything if r.id == verdict.claim_id]
        assert rows[0].role == "primary"
        assert all(r.role == "cross-check" for r in rows[1:])


@pytest.mark.parametrize(
    ("claim_id", "source", "verdict", "severity"),
    [
        ("trade-2010", "gacc", "consistent", "within rounding"),  # 55.45 vs 55.5
        ("trade-2011", "peoples_daily", "consistent", "within rounding"),  # over 79
        ("trade-2012", "mofcom", "consistent", "within rounding"),  # 881亿: 0.1 <= 0.05 + 0.05
        ("slowdown-2012", "official_cn", "consistent", "exact"),  # 11.2% < nearly 43%
        ("growth-2014", "gacc", "consistent", "exact"),  # +6.8% as published
        ("trade-2014", "gacc", "consistent", "within rounding"),  # 95.28
        ("ratio-2014-us", "gacc", "consistent", "within rounding"),  # 95.28 / 549.19 -> 1/6
        ("ratio-2014-jp", "mofcom", "inconsistent", "material"),  # 95.285 / 312.484 -> 1/3
        ("ratio-2014-kr", "mofcom", "inconsistent", "material"),  # 95.285 / 290.563 -> 1/3
        ("putin-visit-2012", "timeline", "consistent", "exact"),  # 2012-06-05
        ("xi-first-trip-2013", "timeline", "consistent", "exact"),  # 2013-03-22
        ("plan-2007-horizon", "timeline", "consistent", "exact"),  # the plan: 10 to 15 years
        ("decree-1996-date", "timeline", "inconsistent", "minor"),  # signed 1996-04-23
        ("footnote-5-source", "timeline", "inconsistent", "material"),  # a 2016 page
        ("programme-1996-name", "timeline", "inconsistent", "minor"),  # drops "and Social"
        ("programme-1996-fails", "timeline", "consistent", "exact"),  # the 2002 audit
        ("programme-1996-funding", "programme_budgets", "unverifiable", None),
        ("structure-unchanged-20y", "trade_structure", "inconsistent", "material"),
    ],
)
def test_primary_verdicts_on_the_committed_data(primary, claim_id, source, verdict, severity):
    result = primary[claim_id]
    assert (result.source, result.verdict, result.severity) == (source, verdict, severity), (
        result.explanation
    )


@pytest.mark.parametrize(
    ("key", "verdict", "gap", "reason"),
    [
        (("trade-2014", "imf_dots_ru"), "inconsistent", "-7.27%", "other_reporter"),
        (("trade-2014", "mofcom"), "consistent", "+0.01%", "other_official"),
        (("trade-2011", "xinhua"), "inconsistent", None, "press_rounding"),  # 80 vs over 79
        (("ratio-2014-us", "mofcom"), "consistent", "-1.06%", "other_official"),  # 555.1
        (("growth-2014", "imf_dots_cn"), "consistent", "+0.01 pp", "revision"),
    ],
)
def test_cross_checks_show_their_gap_and_reason(results, key, verdict, gap, reason):
    result = results[key]
    assert result.role == "cross-check"
    assert (result.verdict, result.gap, result.reason) == (verdict, gap, reason)


def test_at_most_two_claims_stay_unverifiable_each_with_its_reason(primary):
    unverifiable = [r for r in primary.values() if r.verdict == "unverifiable"]
    assert len(unverifiable) <= 2
    for result in unverifiable:
        assert "cannot" in result.explanation or "no record" in result.explanation.lower()


def test_the_headline_counts_claims_by_primary_verdict(everything):
    counts = headline_counts(everything)
    # The restated 2009-2018 period counts once.
    assert counts.claims == len(load_registry(PROJECT_DATA_DIR)) - 1
    assert counts.consistent + counts.inconsistent + counts.unverifiable == counts.claims
    assert counts.cross_checks == sum(r.role == "cross-check" for r in everything)
    assert headline_sentence(counts) == (
        f"{counts.claims} claims: {counts.consistent} consistent, {counts.inconsistent} "
        f"inconsistent ({counts.minor} minor), {counts.unverifiable} unverifiable"
    )
    assert counts.minor == 2  # the decree's one-day slip and the programme's name


def test_both_official_cn_us_2014_figures_are_kept_and_shown(results):
    assert "549.19" in results["ratio-2014-us", "gacc"].explanation
    assert "555.1" in results["ratio-2014-us", "mofcom"].explanation


def test_structure_explanation_states_both_groupings_and_which_decides(primary):
    explanation = primary["structure-unchanged-20y"].explanation
    for part in (
        "SITC2+3",
        "SITC6+7+8",
        "7.9% in 1995",
        "80.8% in 2015",
        "65.2% in 1995",
        "88.2% in 2015",
        "SITC0+2+3+5+6",
        "84.0% in 1995",
        "SITC7+8",
        "55.8% in 1995",
        "The grouping decides the verdict",
        "[unctad_matrix]",
    ):
        assert part in explanation


def test_funding_claim_says_why_it_cannot_be_checked(primary):
    explanation = primary["programme-1996-funding"].explanation
    assert "no row" in explanation
    assert "found in no public source" in explanation


def test_verdict_counts_cover_every_result(everything):
    counts = verdict_counts(everything)
    assert sum(sum(c.values()) for c in counts.values()) == len(everything)


def _rewrite(path, match, column, value):
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    changed = 0
    for row in rows:
        if all(row[k] == v for k, v in match.items()):
            row[column] = value
            changed += 1
    assert changed == 1
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _primary_by_cli(capsys, data_dir, claim_id):
    assert main(["audit", "--format", "json", "--data-dir", str(data_dir)]) == 0
    rows = json.loads(capsys.readouterr().out)
    (row,) = [r for r in rows if r["id"] == claim_id and r["role"] == "primary"]
    return row


def test_changing_a_primary_level_changes_that_claims_verdict(capsys, data_copy):
    before = _primary_by_cli(capsys, data_copy, "trade-2014")
    assert (before["verdict"], before["computed"]) == ("consistent", "95.28")
    _rewrite(
        data_copy / "customs_totals.csv",
        {"agency": "GACC", "partner": "RU", "year": "2014", "release": "final"},
        "total_usd_bn",
        "97",
    )
    after = _primary_by_cli(capsys, data_copy, "trade-2014")
    assert (after["verdict"], after["severity"], after["computed"]) == (
        "inconsistent",
        "material",  # 1.7 off: 1.75% of 97
        "97",
    )
    # The growth claim is judged on the +6.8% the release states, not on the level.
    assert _primary_by_cli(capsys, data_copy, "growth-2014")["verdict"] == "consistent"


def test_changing_a_primary_figure_of_a_ratio_changes_that_claims_verdict(capsys, data_copy):
    assert _primary_by_cli(capsys, data_copy, "ratio-2014-jp")["verdict"] == "inconsistent"
    # China-Japan trade five times China-Russia trade makes the article's 1/5 hold.
    _rewrite(
        data_copy / "official_announcements.csv",
        {"announced_by": "MOFCOM", "partner": "JP", "year": "2014"},
        "total_usd_bn",
        "476.4",
    )
    after = _primary_by_cli(capsys, data_copy, "ratio-2014-jp")
    assert (after["verdict"], after["computed"]) == ("consistent", "1/5 (0.2000)")
    # The cross-check by IMF DOTS keeps its own figure and its own verdict.
    crosses = run_audit(source="imf_dots_cn", data_dir=data_copy)
    assert next(r for r in crosses if r.id == "ratio-2014-jp").verdict == "inconsistent"


def test_changing_a_primary_date_changes_that_claims_verdict(capsys, data_copy):
    before = _primary_by_cli(capsys, data_copy, "decree-1996-date")
    assert (before["verdict"], before["severity"]) == ("inconsistent", "minor")
    _rewrite(
        data_copy / "timeline.csv",
        {"event_id": "ru_presidential_decree_601_1996"},
        "start_date",
        "1996-04-24",
    )
    after = _primary_by_cli(capsys, data_copy, "decree-1996-date")
    assert (after["verdict"], after["severity"]) == ("consistent", "exact")
