"""Phrases: the English text they are, and how they render in each report language."""

from __future__ import annotations

import json
import pickle

import pytest

from analysis_lib.phrases import (
    Code,
    Date,
    English,
    Figure,
    Localized,
    Phrase,
    Term,
    format_date,
    joined,
    nphrase,
    phrase,
    render,
    typeset_number,
)


def test_a_phrase_is_its_english_text_everywhere_a_string_goes():
    p = phrase("claimed {claimed} USD bn", claimed=Figure("55.5"))
    assert p == "claimed 55.5 USD bn"
    assert json.dumps({"x": p}) == '{"x": "claimed 55.5 USD bn"}'
    assert f"{p}!" == "claimed 55.5 USD bn!"


def test_a_catalog_message_renders_in_russian_with_russian_figures():
    p = phrase("the ratio {top} / {bottom}", top=Figure("555.1"), bottom=Figure("-95.28"))
    assert p.render("ru") == "отношение 555,1 / \u221295,28"
    assert p.render("en") == "the ratio 555.1 / \u221295.28"


@pytest.mark.parametrize(
    ("text", "lang", "shown"),
    [
        ("-0.09%", "en", "\u22120.09%"),
        ("-0.09%", "ru", "\u22120,09%"),
        ("1,234.5", "ru", "1\u202f234,5"),
        ("1/6 (0.1735)", "ru", "1/6 (0,1735)"),
        ("2009–2018", "ru", "2009–2018"),
    ],
)
def test_numbers_take_the_languages_separators_and_the_minus_sign(text, lang, shown):
    assert typeset_number(text, lang) == shown


def test_dates_are_written_as_a_reader_writes_them():
    assert format_date("1996-04-23", "ru") == "23 апреля 1996\u00a0г."
    assert format_date("2009-09", "ru") == "сентябрь 2009\u00a0г."
    assert Date("1996-04-23").render("en") == "23 April 1996"
    assert format_date("fails", "ru") == "fails"


def test_html_escapes_text_marks_english_and_shows_identifiers_as_code():
    p = phrase(
        "{rule} → {verdict}.",
        rule=joined([English("a <b>"), Code("same_year")]),
        verdict=Term("consistent", "verdict in a sentence"),
    )
    assert p == "a <b> same_year → consistent."
    assert p.render("ru", html=True) == (
        '<span lang="en">a &lt;b&gt;</span> <code>same_year</code> → согласуется.'
    )
    assert p.render("en", html=True) == "a &lt;b&gt; <code>same_year</code> → consistent."


def test_data_text_shows_its_translation_or_its_english_marked():
    assert Localized("Russia", ru="Россия").render("ru", html=True) == "Россия"
    assert Localized("Russia", ru=float("nan")).render("ru", html=True) == (
        '<span lang="en">Russia</span>'
    )
    assert Localized("Russia", ru="Россия").render("en") == "Russia"


def test_a_term_can_show_a_code_in_english_and_a_name_elsewhere():
    term = Term("Russia", english="RU")
    assert term == "RU"
    assert phrase("CN-{partner}", partner=term).render("ru") == "Китай — Россия"


def test_plural_forms_follow_the_count():
    assert nphrase("{n} day(s)", "{n} day(s)", 1) == "1 day(s)"
    assert [nphrase("{n} day(s)", "{n} day(s)", n).render("ru") for n in (1, 3, 5)] == [
        "1 день",
        "3 дня",
        "5 дней",
    ]


def test_phrases_survive_a_pickle_with_their_fields():
    p = phrase("over {figure}", figure=Figure("79"))
    copy = pickle.loads(pickle.dumps(p))
    assert isinstance(copy, Phrase) and copy == p
    assert copy.render("ru") == p.render("ru") == "более 79"
    loc = pickle.loads(pickle.dumps(Localized("Russia", ru="Россия")))
    assert loc.render("ru") == "Россия"


def test_anything_else_renders_as_its_text():
    assert render(2014, "ru") == "2014"
    assert render(None, "ru") == ""
    assert render("a & b", "ru", html=True) == "a &amp; b"
