"""The audit on the committed data package, and on a copy with one figure changed."""

from __future__ import annotations

import csv

import pytest

from analysis_lib import paths
from analysis_lib.claims.audit import run_audit, verdict_counts

PROJECT_DATA_DIR = paths.PROJECT_ROOT / "data"


@pytest.fixture(scope="module")
def results():
    return {(r.id, r.source): r for r in run_audit(data_dir=PROJECT_DATA_DIR)}


def test_every_claim_gets_a_result_from_every_applicable_source(results):
    sources_of = {}
    for claim_id, source in results:
        sources_of.setdefault(claim_id, set()).add(source)
    assert sources_of["trade-2010"] == {"gacc", "imf_dots_cn", "imf_dots_ru"}
    assert sources_of["decree-1996-date"] == {"timeline"}
    assert sources_of["programme-1996-funding"] == {"programme_budgets"}
    assert sources_of["structure-unchanged-20y"] == {"trade_structure"}


@pytest.mark.parametrize(
    ("key", "verdict"),
    [
        (("trade-2010", "gacc"), "consistent"),  # 55.45 within 0.05 of 55.5
        (("trade-2010", "imf_dots_cn"), "inconsistent"),  # 55.40
        (("trade-2011", "gacc"), "unverifiable"),  # no GACC figure for 2011
        (("trade-2014", "gacc"), "consistent"),  # 95.28
        (("growth-2014", "gacc"), "consistent"),  # 95.28 / 89.21 - 1 = 6.80%
        (("growth-2014", "imf_dots_cn"), "consistent"),
        (("slowdown-2012", "imf_dots_cn"), "consistent"),
        (("ratio-2014-us", "imf_dots_cn"), "consistent"),  # 95.24 / 551.24 -> 1/6
        (("ratio-2014-jp", "imf_dots_cn"), "inconsistent"),  # 95.24 / 312.14 -> 1/3
        (("ratio-2014-kr", "imf_dots_cn"), "inconsistent"),  # 95.24 / 290.69 -> 1/3
        (("decree-1996-date", "timeline"), "inconsistent"),  # decree signed 1996-04-23
        (("opinions-2014-08", "timeline"), "consistent"),
        (("programme-1996-2005-period", "timeline"), "consistent"),
        (("programme-1996-funding", "programme_budgets"), "unverifiable"),
        (("plan-2007-horizon", "timeline"), "unverifiable"),
        (("putin-visit-2012", "timeline"), "unverifiable"),  # recorded only from the article
        (("structure-unchanged-20y", "trade_structure"), "inconsistent"),
    ],
)
def test_verdicts_on_the_committed_data(results, key, verdict):
    assert results[key].verdict == verdict, results[key].explanation


def test_funding_claim_says_why_it_cannot_be_checked(results):
    explanation = results["programme-1996-funding", "programme_budgets"].explanation
    assert "no row" in explanation
    assert "found in no public source" in explanation


def test_structure_explanation_states_rule_and_figures(results):
    explanation = results["structure-unchanged-20y", "trade_structure"].explanation
    for part in (
        "SITC2+3",
        "SITC6+7+8",
        "7.9% in 1995",
        "80.8% in 2015",
        "65.2% in 1995",
        "88.2% in 2015",
        "50%",
        "[unctad_matrix]",
    ):
        assert part in explanation


def test_verdict_counts_cover_every_result(results):
    counts = verdict_counts(results.values())
    assert set(counts) == {
        "gacc",
        "imf_dots_cn",
        "imf_dots_ru",
        "timeline",
        "programme_budgets",
        "trade_structure",
    }
    assert sum(sum(c.values()) for c in counts.values()) == len(results)


def _set_gacc_total(folder, year, total):
    path = folder / "customs_totals.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    changed = 0
    for row in rows:
        if (row["agency"], row["partner"], row["year"], row["release"]) == (
            "GACC",
            "RU",
            str(year),
            "final",
        ):
            row["total_usd_bn"] = str(total)
            changed += 1
    assert changed == 1
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_changing_the_gacc_2014_total_flips_trade_2014(data_copy):
    before = {(r.id, r.source): r for r in run_audit(source="gacc", data_dir=data_copy)}
    assert before["trade-2014", "gacc"].verdict == "consistent"
    _set_gacc_total(data_copy, 2014, 96.0)
    after = {(r.id, r.source): r for r in run_audit(source="gacc", data_dir=data_copy)}
    assert after["trade-2014", "gacc"].verdict == "inconsistent"
    assert after["trade-2014", "gacc"].computed == "96.00"
    # growth 2014 now (96.0 / 89.21 - 1) = 7.61%, no longer 6.8%
    assert after["growth-2014", "gacc"].verdict == "inconsistent"
    assert after["trade-2010", "gacc"].verdict == before["trade-2010", "gacc"].verdict
