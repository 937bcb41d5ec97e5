"""The record checks' findings in Russian: Russian words, Russian figures and dates.

The sentences of the tolerance rules in :mod:`analysis_lib.claims.rules` are
tested with those rules; here ``rules.close`` shows them as code, so what is
scanned is the text the record checks, the record rules and the structure
check write.
"""

from __future__ import annotations

import re

import pytest

from analysis_lib.claims import funding_check, record_checks, record_rules, rules
from analysis_lib.claims.evidence import Evidence
from analysis_lib.claims.registry import load_registry
from analysis_lib.claims.structure_check import STRUCTURE_GROUPS
from analysis_lib.phrases import Code, Term, render
from analysis_lib.publish.typography import text_problems

MARKED = re.compile(r"<code>.*?</code>|<span lang=\"en\">.*?</span>", re.DOTALL)
OWN_RULES = ("rule majority_both_ends", "rule same_words", "rule record_supports")


def visible_russian(value) -> str:
    """Return ``value`` rendered as Russian HTML without its code and English elements."""
    return MARKED.sub("", render(value, "ru", html=True))


def assert_reads_as_russian(value) -> str:
    """Check the Russian HTML with the reports' typography rules; return its visible text."""
    page = f'<html lang="ru"><body><p>{render(value, "ru", html=True)}</p></body></html>'
    assert text_problems(page, "ru") == [], page
    return visible_russian(value)


@pytest.fixture
def rule_sentences_as_code(monkeypatch):
    """Show the rule sentences of ``rules`` as code; those of ``record_rules`` as written."""

    def close(judgement):
        if str(judgement.rule).startswith(OWN_RULES):
            return judgement.rule
        return Code(f"{judgement.rule} → {judgement.verdict}.")

    monkeypatch.setattr(rules, "close", close)


@pytest.fixture(scope="module")
def record_claims():
    """Return ``{claim id: claim}`` of the registry's claims that the record checks judge."""
    claims = load_registry().to_dict("records")
    return {
        claim["claim_id"]: claim
        for claim in claims
        if claim["check"] in record_checks.RECORD_CHECK_FUNCTIONS
    }


def _finding(record_claims, claim_id):
    claim = record_claims[claim_id]
    return record_checks.RECORD_CHECK_FUNCTIONS[claim["check"]](claim, Evidence())


@pytest.mark.usefixtures("rule_sentences_as_code")
@pytest.mark.parametrize(
    ("claim_id", "shown"),
    [
        (
            "strategy-2003",
            "начало — 10 сентября 2003\u00a0г. (с точностью до дня); заявлено 2003\u00a0г.",
        ),
        ("decree-1996-date", "заявлено 24 апреля 1996\u00a0г."),
        ("programme-2009-2018", "начало — сентябрь 2009\u00a0г. (с точностью до месяца)"),
        ("programme-2009-2018-period", "окончание — 2018\u00a0г.; заявлено 2009 – 2018\u00a0гг."),
        ("plan-2007-horizon", "в документе (20 августа 2007\u00a0г.) указан горизонт 10–15 лет"),
        ("programme-1996-name", "название программы — «Экономическое и социальное развитие"),
        ("programme-1996-fails", "относится к периоду действия программы (1996–2005\u00a0гг.)"),
        ("structure-unchanged-20y", "80,8% в 2015\u00a0г."),
    ],
)
def test_a_record_finding_reads_as_russian(record_claims, claim_id, shown):
    finding = _finding(record_claims, claim_id)
    text = assert_reads_as_russian(finding.explanation)
    assert shown in text
    assert_reads_as_russian(finding.computed)


@pytest.mark.parametrize(
    ("claim_id", "english", "russian"),
    [
        ("strategy-2003", "2003-09-10", "10 сентября 2003\u00a0г."),
        ("programme-2009-2018-period", "2009–2018", "2009–2018\u00a0гг."),
        ("plan-2007-horizon", "10–15 years", "10–15 лет"),
        (
            "structure-unchanged-20y",
            "RU→CN 7.9%→80.8%; CN→RU 65.2%→88.2%",
            "Россия→Китай 7,9%→80,8%; Китай→Россия 65,2%→88,2%",
        ),
        (
            "programme-1996-fails",
            "2002: fewer than one third of the planned facilities commissioned",
            "2002\u00a0г.: введено в строй менее трети запланированных объектов",
        ),
    ],
)
def test_a_computed_value_is_english_text_and_renders_in_russian(
    record_claims, claim_id, english, russian
):
    computed = _finding(record_claims, claim_id).computed
    assert computed == english
    assert render(computed, "ru") == russian


def test_the_structure_rule_names_its_groups_in_russian():
    judgement = record_rules.judge_majority_both_ends(
        {Term(STRUCTURE_GROUPS[0][0]): {1995: 49.55, 2015: 80.8}}
    )
    assert judgement.severity == "minor"
    assert "crude materials + fuels (SITC2+3) 1995 49.5%" in judgement.rule
    text = assert_reads_as_russian(judgement.rule)
    assert "не выполнено: сырьё и топливо, Россия→Китай (СМТК 2+3), 1995\u00a0г. — 49,5%" in text


def test_a_name_rule_keeps_the_compared_english_words_marked():
    judgement = record_rules.judge_same_words("Far East programme", "The Far East Development")
    assert judgement.rule == (
        "rule same_words: against the recorded name 'The Far East Development' the claim "
        "drops 'development' and adds 'programme'"
    )
    html = render(judgement.rule, "ru", html=True)
    assert '«<span lang="en">development</span>»' in html
    assert "нет слов" in assert_reads_as_russian(judgement.rule)


def test_a_funding_share_has_a_decimal_comma_and_roubles(tiny, rule_sentences_as_code):
    budget = {
        "programme_id": "prog",
        "title_en": "Programme",
        "title_ru": "Программа",
        "period_end": 2005,
        "component": "total",
        "unit": "bn",
        "currency": "RUB",
        "approximate": "false",
        "source_id": "src_budget",
    }
    tiny.write(
        "programme_budgets",
        [
            {**budget, "measure": "committed", "amount": 24.4},
            {**budget, "measure": "budget", "amount": 97},
        ],
    )
    claim = {
        "claimed_text": "25%",
        "filters": "programme_id=prog;measure=committed;measure=budget",
        "note": "",
    }
    finding = funding_check.check_funding_share(claim, Evidence(tiny.root))
    assert finding.computed == "25.15%"
    assert render(finding.computed, "ru") == "25,15%"
    text = assert_reads_as_russian(finding.explanation)
    assert "97 млрд руб. × 100 = 25,15%; заявлено 25%" in text
