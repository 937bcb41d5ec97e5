"""The scan finds every number of a text, each as one token of the right kind."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis_lib.article.text import Paragraph, read_article
from analysis_lib.article.tokens import KINDS, scan, written_numbers


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in scan(Paragraph(1, "en", text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("April 24, 1996, Boris Yeltsin", [("April 24, 1996", "date")]),
        ("In August 2014, the", [("August 2014", "date")]),
        ("24 апреля 1996 года", [("24 апреля 1996", "date")]),
        ("economic .2012.06.07 Gazette", [("2012.06.07", "date")]),
        ("on 2014-08-19.", [("2014-08-19", "date")]),
        ("project 14B20 «The", [("14B20", "code")]),
        ('for the period 2009 – 2018".', [("2009 – 2018", "range")]),
        ("in 10 – 15 years", [("10 – 15", "range")]),
        ("in 2011 – 79.3 billion", [("2011", "year"), ("79.3", "number")]),
        ("grew by 6.8% to 95.3 billion", [("6.8%", "percentage"), ("95.3", "number")]),
        ("only 1/6 of", [("1/6", "fraction")]),
        ("the 21st century and 21 century", [("21st", "ordinal"), ("21", "number")]),
        (
            "economy[footnoteRef:5]. [5: x]",
            [("[footnoteRef:5]", "footnote_marker"), ("[5:", "footnote_marker")],
        ),
        (
            "club, http://www.kremlin.ru/transcripts/16717.]",
            [("http://www.kremlin.ru/transcripts/16717", "address")],
        ),
        ("55,5 млрд", [("55,5", "number")]),
        ("The Silk Road", []),
    ],
)
def test_each_kind_of_number_is_one_token(text, expected):
    assert _tokens(text) == expected


def test_the_kinds_are_the_documented_ones():
    assert KINDS == (
        "address",
        "footnote_marker",
        "date",
        "code",
        "range",
        "percentage",
        "fraction",
        "ordinal",
        "year",
        "number",
    )


def test_numbers_are_read_with_months_and_without_decimals_in_dates():
    assert written_numbers("April 24, 1996") == {4.0, 24.0, 1996.0}
    assert written_numbers("2012.06.07", decimals=False) == {2012.0, 6.0, 7.0}
    assert written_numbers("55,5") == {55.5}
    (token,) = scan(Paragraph(1, "en", "x 2012.06.07 y"))
    assert token.numbers() == {2012.0, 6.0, 7.0}


def _digits_outside_tokens(text: str) -> list[int]:
    tokens = scan(Paragraph(1, "en", text))
    covered = {i for t in tokens for i in range(t.start, t.end)}
    return [m.start() for m in re.finditer(r"\d", text) if m.start() not in covered]


def test_every_digit_of_the_article_is_in_a_token():
    for paragraph in read_article():
        assert _digits_outside_tokens(paragraph.text) == [], paragraph.place


@given(st.text(alphabet="0123456789 .,-–/%:[]abcAugust—йru\u00a0", max_size=60))
def test_every_digit_of_any_text_is_in_exactly_one_token(text):
    tokens = scan(Paragraph(1, "en", text))
    assert _digits_outside_tokens(text) == []
    for before, after in itertools.pairwise(tokens):
        assert before.end <= after.start
    assert all(text[t.start : t.end] == t.text for t in tokens)
