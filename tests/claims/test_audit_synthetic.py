"""The audit on tiny hand-made data folders: every check reaches every verdict it can give."""

from __future__ import annotations

import dataclasses

import pytest

from analysis_lib.claims.audit import AuditResult, run_audit, verdict_counts
from analysis_lib.exceptions import ClaimRegistryError, ParameterError

LEVEL = {
    "claim_id": "trade-2014",
    "kind": "level",
    "claimed_value": 95.3,
    "claimed_text": "95.3",
    "year": 2014,
    "check": "level",
    "table": "customs_totals",
    "filters": "partner=RU",
    "tolerance": "half_last_digit",
}
GROWTH = {
    **LEVEL,
    "claim_id": "growth-2014",
    "kind": "growth",
    "claimed_value": 6.8,
    "claimed_text": "6.8%",
    "unit": "%",
    "check": "growth",
}
SLOWDOWN = {
    **LEVEL,
    "claim_id": "slowdown-2012",
    "kind": "growth",
    "claimed_value": "",
    "claimed_text": "slow down",
    "unit": "%",
    "year": 2012,
    "check": "slowdown",
    "tolerance": "lower_than_previous",
}
RATIO = {
    **LEVEL,
    "claim_id": "ratio-2014-us",
    "kind": "ratio",
    "claimed_value": 0.166667,
    "claimed_text": "1/6",
    "unit": "fraction",
    "check": "ratio_fraction",
    "filters": "partner=RU;partner=US",
    "tolerance": "nearest_fraction",
}


def _by_source(results):
    return {(r.id, r.source): r for r in results}


def test_level_consistent_inconsistent_and_unverifiable_by_source(tiny):
    tiny.claims(LEVEL)
    tiny.gacc(("RU", 2014, 95.28))  # |95.28 - 95.3| = 0.02 <= 0.05
    tiny.dots(("CN", "RU", 2014, 50_000.0, 45_000.0))  # 95.0: off by 0.3; RU reports nothing
    results = _by_source(run_audit(data_dir=tiny.root))
    assert results["trade-2014", "gacc"].verdict == "consistent"
    assert results["trade-2014", "gacc"].computed == "95.28"
    assert results["trade-2014", "gacc"].sources == ("src_gacc", "article")
    assert results["trade-2014", "gacc"].role == "primary"
    assert results["trade-2014", "imf_dots_cn"].verdict == "inconsistent"
    assert results["trade-2014", "imf_dots_cn"].computed == "95.00"
    assert results["trade-2014", "imf_dots_cn"].role == "cross-check"
    # A source with no figure for the claim checks nothing: it is no cross-check.
    assert ("trade-2014", "imf_dots_ru") not in results


def test_a_primary_source_without_a_figure_leaves_the_claim_unverifiable(tiny):
    tiny.claims(LEVEL)
    tiny.dots(("CN", "RU", 2014, 50_000.0, 45_300.0))
    results = run_audit(data_dir=tiny.root)
    assert [(r.source, r.role, r.verdict) for r in results] == [
        ("gacc", "primary", "unverifiable"),
        ("imf_dots_cn", "cross-check", "consistent"),
    ]
    assert "no CN-RU value for 2014" in results[0].explanation
    assert results[0].severity is None and results[1].severity == "exact"


def test_explanation_gives_figures_years_sources_and_rule(tiny):
    tiny.claims(LEVEL)
    tiny.gacc(("RU", 2014, 95.28))
    result = _by_source(run_audit(source="gacc", data_dir=tiny.root))["trade-2014", "gacc"]
    for part in (
        "CN-RU 2014 = 95.28 USD bn",
        "[src_gacc]",
        "claimed 95.3",
        "half_last_digit",
        "0.02",
        "≤ 0.05",
        "consistent",
    ):
        assert part in result.explanation


@pytest.mark.parametrize(
    ("value_2014", "verdict"), [(106.8, "consistent"), (106.9, "inconsistent")]
)
def test_growth_is_computed_from_the_sources_two_years(tiny, value_2014, verdict):
    tiny.claims(GROWTH)
    tiny.gacc(("RU", 2013, 100.0), ("RU", 2014, value_2014))
    (result,) = run_audit(source="gacc", data_dir=tiny.root)
    assert result.verdict == verdict
    assert f"({value_2014:g} / 100 − 1) × 100" in result.explanation
    assert "2013" in result.explanation


def test_growth_without_the_base_year_is_unverifiable(tiny):
    tiny.claims(GROWTH)
    tiny.gacc(("RU", 2014, 106.8))
    (result,) = run_audit(source="gacc", data_dir=tiny.root)
    assert result.verdict == "unverifiable"
    assert "no CN-RU value for 2013" in result.explanation


@pytest.mark.parametrize(
    ("values", "verdict"),
    [
        ((50.0, 70.0, 80.0), "consistent"),  # +40% then +14%
        ((50.0, 55.0, 80.0), "inconsistent"),  # +10% then +45%
        ((50.0, 70.0), "unverifiable"),  # no 2012
    ],
)
def test_slowdown(tiny, values, verdict):
    tiny.claims(SLOWDOWN)
    tiny.gacc(*[("RU", 2010 + i, v) for i, v in enumerate(values)])
    (result,) = run_audit(source="gacc", data_dir=tiny.root)
    assert result.verdict == verdict


@pytest.mark.parametrize(
    ("us_total", "verdict", "computed"),
    [(570.0, "consistent", "1/6"), (470.0, "inconsistent", "1/5"), (None, "unverifiable", None)],
)
def test_ratio_nearest_unit_fraction(tiny, us_total, verdict, computed):
    tiny.claims(RATIO)
    rows = [("RU", 2014, 95.0)] + ([("US", 2014, us_total)] if us_total else [])
    tiny.gacc(*rows)
    (result,) = run_audit(source="gacc", data_dir=tiny.root)
    assert result.verdict == verdict
    assert (result.computed or "").startswith(computed or "")
    if computed is None:
        assert result.computed is None and "no CN-US value for 2014" in result.explanation


def test_mirror_source_reads_the_partners_report(tiny):
    tiny.claims(LEVEL)
    tiny.dots(("RU", "CN", 2014, 45_300.0, 50_000.0))  # Russia reports 95.3 with China
    (result,) = run_audit(source="imf_dots_ru", data_dir=tiny.root)
    assert (result.source, result.verdict, result.computed) == (
        "imf_dots_ru",
        "consistent",
        "95.30",
    )


EVENT = {
    "claim_id": "decree-1996-date",
    "kind": "date",
    "claimed_value": "",
    "claimed_text": "1996-04-24",
    "unit": "date",
    "year": 1996,
    "check": "event_date",
    "table": "timeline",
    "filters": "event_id=decree",
    "tolerance": "same_date_at_precision",
}


def _event(start, precision, end="", source="src_events", event_id="decree"):
    return {
        "event_id": event_id,
        "start_date": start,
        "date_precision": precision,
        "end_date": end,
        "country": "RU",
        "kind": "decree",
        "title_en": "A decree",
        "title_ru": "Указ",
        "source_id": source,
    }


@pytest.mark.parametrize(
    ("start", "precision", "source", "verdict"),
    [
        ("1996-04-24", "day", "src_events", "consistent"),
        ("1996-04-23", "day", "src_events", "inconsistent"),
        ("1996-04", "month", "src_events", "unverifiable"),
        ("1996-04-24", "day", "article", "unverifiable"),  # the claim's own source
    ],
)
def test_event_date(tiny, start, precision, source, verdict):
    tiny.claims(EVENT)
    tiny.write("timeline", [_event(start, precision, source=source)])
    (result,) = run_audit(data_dir=tiny.root)
    assert (result.source, result.verdict) == ("timeline", verdict)
    assert result.sources == (source,) + (("article",) if source != "article" else ())


def test_event_without_a_record_is_unverifiable(tiny):
    tiny.claims(EVENT)
    (result,) = run_audit(data_dir=tiny.root)
    assert result.verdict == "unverifiable"
    assert "timeline has no row with event_id=decree" in result.explanation


PERIOD = {
    **EVENT,
    "claim_id": "programme-period",
    "claimed_text": "1996 – 2005",
    "unit": "year",
    "year_end": 2005,
    "check": "period",
    "tolerance": "same_year",
}
HORIZON = {
    **EVENT,
    "claim_id": "plan-horizon",
    "claimed_text": "10 – 15",
    "unit": "years",
    "year": 2007,
    "check": "duration",
    "tolerance": "within_range",
}


@pytest.mark.parametrize(
    ("claim", "end", "verdict"),
    [
        (PERIOD, "2005", "consistent"),
        (PERIOD, "2006-12", "inconsistent"),
        (PERIOD, "", "unverifiable"),
        (HORIZON, "2020", "consistent"),
        (HORIZON, "2030", "inconsistent"),
        (HORIZON, "", "unverifiable"),
    ],
)
def test_period_and_duration(tiny, claim, end, verdict):
    tiny.claims(claim)
    start = "1996-04-15" if claim is PERIOD else "2007-08"
    tiny.write("timeline", [_event(start, "day" if claim is PERIOD else "month", end=end)])
    (result,) = run_audit(data_dir=tiny.root)
    assert result.verdict == verdict
    if verdict == "unverifiable":
        assert "no end_date" in result.explanation


FUNDING = {
    "claim_id": "programme-funding",
    "kind": "funding",
    "claimed_value": 24,
    "claimed_text": "24%",
    "unit": "%",
    "year": 1996,
    "check": "funding_share",
    "table": "programme_budgets",
    "filters": "programme_id=prog;measure=committed;measure=budget",
    "tolerance": "half_last_digit",
    "note": "Found in no public source.",
}


def _budget(measure, amount, component="total"):
    return {
        "programme_id": "prog",
        "title_en": "Programme",
        "title_ru": "Программа",
        "period_end": 2005,
        "component": component,
        "measure": measure,
        "amount": amount,
        "unit": "bn",
        "currency": "RUB",
        "approximate": "false",
        "source_id": "src_budget",
    }


@pytest.mark.parametrize(
    ("rows", "verdict"),
    [
        ([_budget("committed", 24.4), _budget("budget", 100)], "consistent"),
        ([_budget("committed", 30), _budget("budget", 100)], "inconsistent"),
        ([_budget("budget", 100)], "unverifiable"),
        ([], "unverifiable"),
    ],
)
def test_funding_share(tiny, rows, verdict):
    tiny.claims(FUNDING)
    tiny.write("programme_budgets", rows)
    (result,) = run_audit(data_dir=tiny.root)
    assert (result.source, result.verdict) == ("programme_budgets", verdict)
    if not rows:
        assert "has no row" in result.explanation
        assert "Found in no public source." in result.explanation


STRUCTURE = {
    "claim_id": "structure-unchanged",
    "kind": "structure",
    "claimed_value": 20,
    "claimed_text": "20 years",
    "unit": "years",
    "year": 1995,
    "year_end": 2015,
    "check": "structure_proxy",
    "table": "trade_structure",
    "filters": "classification=SITC3;period=year",
    "tolerance": "majority_both_ends",
}


def _shares(exporter, importer, year, shares):
    return [
        {
            "classification": "SITC3",
            "exporter": exporter,
            "importer": importer,
            "year": year,
            "period": "year",
            "category": code,
            "category_en": code,
            "category_ru": code,
            "share_pct": share,
            "source_id": "src_unctad",
        }
        for code, share in shares.items()
    ]


def _structure(ru_commodities_1995):
    rows = []
    for year, fuel in ((1995, ru_commodities_1995), (2015, 70.0)):
        rows += _shares("RU", "CN", year, {"SITC2": 10.0, "SITC3": fuel, "SITC6": 5.0})
        rows += _shares("CN", "RU", year, {"SITC6": 20.0, "SITC7": 20.0, "SITC8": 30.0})
    return rows


@pytest.mark.parametrize(("fuel_1995", "verdict"), [(45.0, "consistent"), (30.0, "inconsistent")])
def test_structure_proxy(tiny, fuel_1995, verdict):
    tiny.claims(STRUCTURE)
    tiny.write("trade_structure", _structure(fuel_1995))
    (result,) = run_audit(data_dir=tiny.root)
    assert (result.source, result.verdict) == ("trade_structure", verdict)
    assert f"{10.0 + fuel_1995:.1f}% in 1995" in result.explanation
    assert "70.0% in 1995" in result.explanation  # CN→RU SITC6+7+8


def test_structure_proxy_with_a_missing_group_is_unverifiable(tiny):
    tiny.claims(STRUCTURE)
    rows = [r for r in _structure(45.0) if not (r["year"] == 2015 and r["category"] == "SITC8")]
    tiny.write("trade_structure", rows)
    (result,) = run_audit(data_dir=tiny.root)
    assert result.verdict == "unverifiable"
    assert "no SITC8 share for CN→RU 2015" in result.explanation


def test_source_selects_results_and_counts_add_up(tiny):
    tiny.claims(LEVEL, EVENT)
    tiny.gacc(("RU", 2014, 95.28))
    tiny.write("timeline", [_event("1996-04-23", "day")])
    tiny.dots(("CN", "RU", 2014, 50_000.0, 45_000.0))
    everything = run_audit(data_dir=tiny.root)
    assert [(r.id, r.source) for r in everything] == [
        ("trade-2014", "gacc"),
        ("trade-2014", "imf_dots_cn"),
        ("decree-1996-date", "timeline"),
    ]
    assert [r.source for r in run_audit(source="gacc", data_dir=tiny.root)] == ["gacc"]
    assert [r.id for r in run_audit(source="timeline", data_dir=tiny.root)] == ["decree-1996-date"]
    counts = verdict_counts(everything)
    assert counts["gacc"] == {"consistent": 1, "inconsistent": 0, "unverifiable": 0}
    assert counts["imf_dots_cn"]["inconsistent"] == 1
    assert counts["timeline"]["inconsistent"] == 1
    assert sum(sum(c.values()) for c in counts.values()) == len(everything)


def test_unknown_source_is_a_one_line_error(tiny):
    with pytest.raises(ParameterError, match=r"source must be one of 'all', 'gacc'.*not 'imf'"):
        run_audit(source="imf", data_dir=tiny.root)


def test_registry_errors_stop_the_audit(tiny):
    tiny.claims({**LEVEL, "filters": "country=RU"})
    with pytest.raises(ClaimRegistryError, match=r"claim 'trade-2014'.*filter column 'country'"):
        run_audit(data_dir=tiny.root)


def test_results_are_frozen():
    result = AuditResult("x", "gacc", "consistent", "1", "1", "because", ("article",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.verdict = "inconsistent"


@pytest.mark.parametrize(
    ("horizon", "verdict", "severity"),
    [(("10", "15"), "consistent", "exact"), (("12", "20"), "inconsistent", "minor")],
)
def test_a_horizon_is_checked_against_the_horizon_the_plan_states(
    tiny, horizon, verdict, severity
):
    tiny.claims(HORIZON)
    low, high = horizon
    event = {**_event("2007-08-20", "day"), "horizon_min_years": low, "horizon_max_years": high}
    tiny.write("timeline", [event])
    (result,) = run_audit(data_dir=tiny.root)
    assert (result.verdict, result.severity) == (verdict, severity)
    assert f"states a horizon of {low}–{high} years" in result.explanation


def test_the_claim_names_its_primary_source_and_the_others_are_cross_checks(tiny):
    tiny.claims({**LEVEL, "primary_source": "mofcom"})
    tiny.gacc(("RU", 2014, 95.28))
    tiny.announced(
        {"announced_by": "MOFCOM", "partner": "RU", "year": 2014, "total_usd_bn": 95.45}
    )
    tiny.dots(("RU", "CN", 2014, 38_000.0, 50_000.0))
    results = run_audit(data_dir=tiny.root)
    assert [(r.source, r.role) for r in results] == [
        ("mofcom", "primary"),
        ("gacc", "cross-check"),
        ("imf_dots_ru", "cross-check"),
    ]
    primary, gacc, mirror = results
    # 95.45 against 95.3: 0.15 > 0.05 + 0.005, 0.16% of the figure
    assert (primary.verdict, primary.severity) == ("inconsistent", "minor")
    assert (gacc.gap, gacc.reason) == ("-0.18%", "other_official")
    assert (mirror.gap, mirror.reason) == ("-7.81%", "other_reporter")
    assert "CIF" in mirror.explanation and "gap -7.81%" in mirror.explanation


@pytest.mark.parametrize(
    ("claimed", "verdict"), [("79.3", "consistent"), ("78.9", "inconsistent")]
)
def test_a_published_bound_holds_when_the_claim_satisfies_it(tiny, claimed, verdict):
    tiny.claims(
        {**LEVEL, "claimed_text": claimed, "year": 2011, "primary_source": "peoples_daily"}
    )
    tiny.announced(
        {
            "announced_by": "PEOPLES_DAILY",
            "partner": "RU",
            "year": 2011,
            "total_usd_bn": 79,
            "total_bound": "over",
            "source_id": "src_press",
        }
    )
    (result,) = run_audit(data_dir=tiny.root)
    assert (result.source, result.verdict, result.computed) == (
        "peoples_daily",
        verdict,
        "over 79",
    )
    assert result.sources == ("src_press", "article")


def test_a_stated_growth_is_judged_as_stated(tiny):
    tiny.claims(GROWTH)
    tiny.write(
        "customs_totals",
        [
            {
                "agency": "GACC",
                "reporter": "CN",
                "partner": "RU",
                "year": 2014,
                "release": "final",
                "total_usd_bn": 95.28,
                "reported_growth_pct": 7.5,
                "source_id": "src_gacc",
            }
        ],
    )
    (result,) = run_audit(data_dir=tiny.root)
    assert (result.verdict, result.severity, result.computed) == (
        "inconsistent",
        "material",  # 0.7 percentage point off
        "7.5%",
    )


def test_official_cn_takes_each_years_official_figure_customs_first(tiny):
    tiny.claims({**SLOWDOWN, "primary_source": "official_cn"})
    tiny.gacc(("RU", 2010, 55.45))
    tiny.announced(
        {
            "announced_by": "PEOPLES_DAILY",
            "partner": "RU",
            "year": 2011,
            "total_usd_bn": 79,
            "total_bound": "over",
            "reported_growth_pct": 43,
            "growth_bound": "nearly",
            "source_id": "src_press",
        },
        {
            "announced_by": "MOFCOM",
            "partner": "RU",
            "year": 2012,
            "total_usd_bn": 88.1,
            "reported_growth_pct": 11.2,
        },
    )
    (result,) = run_audit(data_dir=tiny.root)
    assert (result.source, result.verdict) == ("official_cn", "consistent")
    assert result.computed == "2011: nearly 43%; 2012: 11.2%"
    assert result.sources == ("src_mofcom", "src_press", "article")


def test_a_name_with_words_dropped_is_a_minor_failure(tiny):
    claim = {
        **EVENT,
        "claim_id": "programme-name",
        "kind": "name",
        "claimed_text": "The Economic Development of the Far East",
        "unit": "name",
        "check": "programme_name",
        "tolerance": "same_words",
    }
    tiny.claims(claim)
    event = {
        **_event("1996-04-15", "day"),
        "title_en": 'Approves "Economic and Social Development of the Far East 1996-2005"',
    }
    tiny.write("timeline", [event])
    (result,) = run_audit(data_dir=tiny.root)
    assert (result.verdict, result.severity) == ("inconsistent", "minor")
    assert "drops 'and' 'social'" in result.explanation


@pytest.mark.parametrize(("year", "verdict"), [("2002", "consistent"), ("2010", "unverifiable")])
def test_an_outcome_needs_an_audit_dated_within_the_programme(tiny, year, verdict):
    claim = {
        **EVENT,
        "claim_id": "programme-fails",
        "kind": "outcome",
        "claimed_text": "fails",
        "unit": "outcome",
        "year_end": 2005,
        "check": "recorded_outcome",
        "tolerance": "record_supports",
    }
    tiny.claims(claim)
    audit = {**_event(year, "year"), "kind": "audit", "title_en": "Audit: a third built"}
    tiny.write("timeline", [audit])
    (result,) = run_audit(data_dir=tiny.root)
    assert result.verdict == verdict
    assert "a third built" in result.explanation


def test_a_restated_claim_is_audited_and_carries_what_it_restates(tiny):
    tiny.claims(EVENT, {**EVENT, "claim_id": "decree-again", "restates": "decree-1996-date"})
    tiny.write("timeline", [_event("1996-04-24", "day")])
    first, again = run_audit(data_dir=tiny.root)
    assert (first.restates, again.restates) == (None, "decree-1996-date")
    assert again.verdict == first.verdict == "consistent"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"primary_source": "timeline"}, "primary_source for check 'level' must be one of"),
        ({"restates": "trade-2014"}, "restates must name an earlier claim_id"),
        ({"restates": "nowhere"}, "restates must name an earlier claim_id"),
    ],
)
def test_registry_primary_and_restates_must_name_what_exists(tiny, change, message):
    tiny.claims({**LEVEL, **change})
    with pytest.raises(ClaimRegistryError, match=message):
        run_audit(data_dir=tiny.root)
