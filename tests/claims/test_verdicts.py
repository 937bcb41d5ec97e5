"""Per-claim verdicts and the headline: claims counted by primary verdict, minor ones named."""

from __future__ import annotations

import pytest

from analysis_lib import paths
from analysis_lib.claims.audit import AuditResult
from analysis_lib.claims.verdicts import (
    claim_verdicts,
    grouping_dependence,
    headline_counts,
    headline_sentence,
    verdict_rows,
)

PROJECT_DATA_DIR = paths.PROJECT_ROOT / "data"


def result(claim_id, source, verdict, severity=None, role="primary", restates=None):
    return AuditResult(
        claim_id, source, verdict, "1", None, "why", ("src",), role, severity, None, None, restates
    )


RESULTS = [
    result("a", "gacc", "consistent", "within rounding"),
    result("a", "imf_dots_cn", "inconsistent", "minor", role="cross-check"),
    result("a", "imf_dots_ru", "inconsistent", "material", role="cross-check"),
    result("b", "timeline", "inconsistent", "minor"),
    result("c", "timeline", "inconsistent", "material"),
    result("d", "programme_budgets", "unverifiable"),
    result("e", "timeline", "inconsistent", "minor", restates="b"),
]


def test_claim_verdicts_put_cross_checks_beside_their_primary():
    verdicts = claim_verdicts(RESULTS)
    assert [v.claim_id for v in verdicts] == ["a", "b", "c", "d", "e"]
    assert verdicts[0].primary.source == "gacc"
    assert [r.source for r in verdicts[0].cross_checks] == ["imf_dots_cn", "imf_dots_ru"]
    assert verdicts[4].restates == "b"


def test_headline_counts_claims_not_results_and_a_restatement_once():
    counts = headline_counts(RESULTS)
    assert (counts.claims, counts.consistent, counts.inconsistent, counts.unverifiable) == (
        4,
        1,
        2,
        1,
    )
    assert counts.minor == 1  # the cross-check's minor gap does not count
    assert counts.cross_checks == 2
    assert counts.severities == {
        "exact": 0,
        "within rounding": 1,
        "minor": 1,
        "material": 1,
    }


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "4 claims: 1 consistent, 2 inconsistent (1 minor), 1 unverifiable"),
        (
            "ru",
            "Итог по 4 утверждениям: согласуются — 1, не согласуются — 2 "
            "(из них с незначительным расхождением — 1), "
            "проверить невозможно — 1",
        ),
    ],
)
def test_headline_sentence_in_both_languages(lang, sentence):
    assert headline_sentence(headline_counts(RESULTS), lang) == sentence


def test_verdict_rows_keep_the_primary_first_in_the_order_asked():
    rows = verdict_rows(RESULTS, ["c", "a"])
    assert list(zip(rows["claim_id"], rows["role"], strict=True)) == [
        ("c", "primary"),
        ("a", "primary"),
        ("a", "cross-check"),
        ("a", "cross-check"),
    ]
    assert rows["gap"].iloc[0] is None


def test_the_structure_claim_depends_on_the_grouping_of_goods():
    (found,) = grouping_dependence(PROJECT_DATA_DIR)
    assert found["claim_id"] == "structure-unchanged-20y"
    assert found["verdicts"] == [
        ("raw_materials", "inconsistent"),
        ("resource_based", "consistent"),
    ]
    assert found["decides"] is True


def test_the_index_summary_is_the_headline_in_both_languages():
    from analysis_lib.publish.index import audit_summary

    summary = audit_summary(PROJECT_DATA_DIR)
    first, second = summary
    assert " claims: " in first and "Итог по " in first
    assert summary[first]["claims · утверждений"] == int(first.split(" ")[0])
    assert "cross-checks" in second and "не учитываются" in second
    assert summary[second]["claims · утверждений"] > 0
