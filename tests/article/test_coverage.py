"""Every number of the article is checked by a claim or listed as no claim, with its reason."""

from __future__ import annotations

import csv
import re

import pytest
from article_edits import edit_paragraph

from analysis_lib import paths
from analysis_lib.article.coverage import account, article_coverage
from analysis_lib.article.passages import locate
from analysis_lib.article.text import read_article
from analysis_lib.exceptions import ClaimRegistryError
from analysis_lib.loaders import load_table


@pytest.fixture(scope="module")
def coverage():
    return article_coverage()


def test_every_number_of_the_article_is_accounted_for(coverage):
    assert coverage.problems == []
    assert coverage.counts() == {"claim": 25, "not a claim": 16, "unaccounted": 0}


def test_each_figure_belongs_to_the_claim_that_states_it(coverage):
    owners = {(a.token.place, a.token.text): a.claim_ids for a in coverage.accounts}
    assert owners[("en ¶13", "6.8%")] == ("growth-2014",)
    assert owners[("en ¶13", "95.3")] == ("trade-2014",)
    assert owners[("en ¶11", "2012")] == ("slowdown-2012",)
    assert owners[("en ¶19", "April 24, 1996")] == ("decree-1996-date",)
    # The two "1/5" of one paragraph are two claims, each in its own quote.
    fifths = [a.claim_ids for a in coverage.accounts if a.token.text == "1/5"]
    assert fifths == [("ratio-2014-jp",), ("ratio-2014-kr",)]


def test_every_claim_with_a_written_number_checks_one_of_the_article(coverage):
    checked = {c for a in coverage.accounts for c in a.claim_ids}
    claims = load_table("claims")
    numeric = {
        c["claim_id"] for c in claims.to_dict("records") if re.search(r"\d", c["claimed_text"])
    }
    assert numeric <= checked


def test_the_reasons_are_in_the_data_package(coverage):
    reasons = {(a.token.place, a.token.text): a.reason for a in coverage.accounts if a.reason}
    assert reasons[("en ¶1", "14B20")] == "project_code"
    assert reasons[("ru ¶3", "[footnoteRef:3]")] == "footnote_marker"
    assert reasons[("en ¶20", "2012.06.07")] == "cited_page_date"
    assert reasons[("en ¶14", "http://www.kremlin.ru/transcripts/16717")] == "address"


def _frames():
    return read_article(), load_table("claims"), load_table("non_claims")


def test_a_number_added_to_the_article_is_unaccounted(article_copy):
    edit_paragraph(article_copy, 25, "to consumer goods.", "to consumer goods in 7 regions.")
    _, claims, non_claims = _frames()
    found = account(read_article(article_copy), claims, non_claims)
    assert found.problems == [
        "en ¶25 '7' (number): no claim checks it and non_claims.csv gives no reason; add a "
        "claim to claims.csv or a row to non_claims.csv"
    ]
    assert found.counts()["unaccounted"] == 1


def test_a_number_inside_a_quote_that_the_claim_does_not_state_is_unaccounted(article_copy):
    edit_paragraph(article_copy, 11, "55.5 billion US dollars", "55.5 billion US dollars (56.0)")
    _, claims, non_claims = _frames()
    claims.loc[claims["claim_id"] == "trade-2010", "quote"] = (
        "in 2010 it amounted to 55.5 billion US dollars (56.0)"
    )
    found = account(read_article(article_copy), claims, non_claims)
    assert [p.split(" (")[0] for p in found.problems] == ["en ¶11 '56.0'"]


def test_a_row_that_matches_no_number_or_a_claimed_one_is_a_problem():
    paragraphs, claims, non_claims = _frames()
    extra = [
        {"location": "en ¶5", "token": "12", "reason": "project_code"},
        {"location": "en ¶13", "token": "95.3", "reason": "restatement"},
    ]
    import pandas as pd

    found = account(paragraphs, claims, pd.concat([non_claims, pd.DataFrame(extra)]))
    assert found.problems == [
        "non_claims.csv: en ¶13 '95.3': reason 'restatement' needs the claim_id it restates",
        "en ¶13 '95.3': checked by trade-2014 and listed in non_claims.csv; keep one",
        "non_claims.csv: en ¶5 '12' matches no number of the article; fix its location or "
        "token, or remove the row",
    ]


def test_a_quote_not_in_its_paragraph_is_a_registry_error():
    paragraphs, claims, non_claims = _frames()
    claims.loc[claims["claim_id"] == "trade-2010", "location"] = "en ¶12"
    with pytest.raises(
        ClaimRegistryError,
        match=r"claim 'trade-2010': quote 'in 2010 it .*' is "
        r"not in en ¶12; expected the paragraph's exact words, once",
    ):
        account(paragraphs, claims, non_claims)
    claims.loc[claims["claim_id"] == "trade-2010", "location"] = "ru ¶11"
    with pytest.raises(ClaimRegistryError, match=r"location 'ru ¶11' must name a paragraph"):
        account(paragraphs, claims, non_claims)


def test_crossing_quotes_are_marked_one_after_the_other_nested_ones_inside():
    paragraphs, claims, _ = _frames()
    passages = {p.claim_id: p for p in locate(paragraphs, claims)}
    growth, level = passages["growth-2014"], passages["trade-2014"]
    assert growth.quote_start < level.quote_start < growth.quote_end < level.quote_end
    assert (level.start, level.end) == (growth.end, level.quote_end)
    assert paragraphs[12].text[level.start : level.end] == " to 95.3 billion USD"
    for passage in passages.values():
        if passage.claim_id != "trade-2014":
            assert (passage.start, passage.end) == (passage.quote_start, passage.quote_end)


def test_the_committed_table_lists_its_rows_in_the_article_s_order():
    with open(paths.data_dir() / "non_claims.csv", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    numbers = [int(r["location"].split("¶")[1]) for r in rows]
    assert numbers == sorted(numbers)
    assert {r["source_id"] for r in rows} == {"article"}
