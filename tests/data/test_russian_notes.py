"""The Russian texts of the data package: every note translated, with the same numbers,
and Russian typography in every ``*_ru`` cell (decimal comma, en dash in ranges,
«» quotes, a no-break space before «г.»; no English left but names and codes)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis_lib.loaders import load_table, read_descriptor

NOTED_TABLES = ["claims", "timeline", "non_claims", "programme_budgets", "official_announcements"]
TEXT_TABLES = [r["name"] for r in read_descriptor()["resources"] if r["name"] != "dots_trade"]

ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
RUSSIAN_MONTHS = re.compile(
    r"\b(?:(?P<m1>январ)|(?P<m2>феврал)|(?P<m3>март)|(?P<m4>апрел)|(?P<m5>ма[йяею]\b)|(?P<m6>июн)"
    r"|(?P<m7>июл)|(?P<m8>август)|(?P<m9>сентябр)|(?P<m10>октябр)|(?P<m11>ноябр)|(?P<m12>декабр))"
)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# Latin words a Russian text keeps: names of publications and databases, codes.
LATIN_KEPT = {"DOTS", "FACTS.md", "MediaPen", "REGNUM", "SITC", "UNCTADstat", "14B20"}
LATIN_WORD = re.compile(r"[\w.\-]*[A-Za-z][\w.\-]*")
DOMAIN = re.compile(r"[a-z0-9\-]+(\.[a-z0-9\-]+)+")


def _numbers(text: str) -> set[float]:
    """Return the numbers of ``text``, with a date's month counted as its number."""
    found = {float(value.replace(",", ".")) for value in NUMBER.findall(ISO_DATE.sub(" ", text))}
    for year, month, day in ISO_DATE.findall(text):
        found |= {float(year), float(month), float(day)}
    for number, month in enumerate(ENGLISH_MONTHS, start=1):
        if re.search(rf"\b{month}\b", text):
            found.add(float(number))
    for match in RUSSIAN_MONTHS.finditer(text.lower()):
        found.add(float(match.lastgroup[1:]))
    return found


def _cells(names: list[str]) -> list:
    return list(_each_cell(names))


def _each_cell(names: list[str]):
    for name in names:
        table = load_table(name)
        for column in [c for c in table.columns if c.endswith("_ru")]:
            for row, text in table[column].items():
                if not pd.isna(text):
                    yield pytest.param(text, id=f"{name}.{column}[{row}]")


def _notes() -> list:
    return list(_each_note())


def _each_note():
    for name in NOTED_TABLES:
        table = load_table(name)
        for row, record in table.iterrows():
            yield pytest.param(record["note"], record["note_ru"], id=f"{name}[{row}]")


@pytest.mark.parametrize("name", NOTED_TABLES)
def test_a_note_is_translated_exactly_when_it_exists(name):
    table = load_table(name)
    english = table["note"].fillna("").str.strip() != ""
    russian = table["note_ru"].fillna("").str.strip() != ""
    untranslated = table.index[english & ~russian].tolist()
    orphaned = table.index[russian & ~english].tolist()
    assert not untranslated, f"{name}: rows with a note but no note_ru: {untranslated}"
    assert not orphaned, f"{name}: rows with a note_ru but no note: {orphaned}"


@pytest.mark.parametrize(("english", "russian"), _notes())
def test_a_russian_note_has_the_numbers_of_the_english_note(english, russian):
    if pd.isna(english):
        return
    assert _numbers(russian) == _numbers(english), f"{english!r} vs {russian!r}"


def test_the_number_check_sees_a_changed_or_added_figure():
    english = "Published 2014-08-19; 35 measures in 11 areas, not August 2014."
    assert _numbers("Опубликованы 19 августа 2014 г.; 35 мер в 11 областях.") == _numbers(english)
    assert _numbers("Опубликованы 19 июля 2014 г.; 35 мер в 11 областях.") != _numbers(english)
    assert _numbers("Опубликованы 19 августа 2014 г.; 36 мер в 11 областях.") != _numbers(english)
    assert _numbers("88,1 млрд (около 88)") != _numbers("88.1 bn")
    assert _numbers("самая прямая дорога") == set()


@pytest.mark.parametrize("text", _cells(TEXT_TABLES))
def test_a_russian_cell_has_russian_typography(text):
    assert "MOFCOM" not in text, "the Ministry is «Министерство коммерции КНР» (Минкоммерции КНР)"
    assert not re.search(r"\d\.\d", text), "decimal comma, not point"
    assert not re.search(r"\b\d{4}-\d{2}(-\d{2})?\b", text), "dates as «23 апреля 1996 г.»"
    assert not re.search(r"\d-\d", text), "ranges take an en dash (–)"
    assert not re.search(r"[\"“”„]", text), "quotes are «»"
    assert not re.search(r"\d[ \u202f]гг?\.", text), "a no-break space before «г.»"


@pytest.mark.parametrize("text", _cells(TEXT_TABLES))
def test_a_russian_cell_keeps_no_english_but_names_codes_and_addresses(text):
    latin = [
        word.rstrip(".")
        for word in LATIN_WORD.findall(text)
        if word.rstrip(".") not in LATIN_KEPT
        and "_" not in word
        and not DOMAIN.fullmatch(word.rstrip("."))
    ]
    assert not latin, f"English left: {latin}"
