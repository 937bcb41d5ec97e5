"""Names of the vocabulary, number formatting and source captions, in both languages."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis_lib import vocabulary
from analysis_lib.exceptions import ParameterError
from analysis_lib.plots import labels
from analysis_lib.plots.labels import caption, format_number, source_name

CYRILLIC = re.compile("[А-Яа-яЁё]")
NAMED = {
    "source": (labels.source_name, [*vocabulary.SERIES_SOURCES, "article"]),
    "partner": (labels.partner_name, vocabulary.PARTNERS),
    "country": (labels.country_name, [*vocabulary.PARTNERS[:2], "CN-RU"]),
    "verdict": (labels.verdict_name, [*vocabulary.VERDICTS, "no_data"]),
    "verdict in prose": (labels.verdict_in_prose, vocabulary.VERDICTS),
    "kind": (labels.kind_name, labels.KIND_NAMES),
    "component": (labels.component_name, labels.COMPONENT_NAMES),
    "category": (labels.category_name, labels.CATEGORY_NAMES),
}


@pytest.mark.parametrize("what", sorted(NAMED))
def test_every_term_has_an_english_and_a_russian_name(what):
    name, terms = NAMED[what]
    for term in terms:
        english, russian = name(term, "en"), name(term, "ru")
        assert english and not CYRILLIC.search(english), (what, term)
        assert CYRILLIC.search(russian), (what, term, russian)


def test_unknown_terms_are_refused_or_shown_as_written():
    with pytest.raises(ParameterError, match=r"partner must be one of 'CN', 'RU'.*; not 'XX'"):
        labels.partner_name("XX", "en")
    with pytest.raises(ParameterError, match="verdict must be one of"):
        labels.verdict_in_prose("maybe", "ru")
    assert labels.kind_name("conference", "ru") == "conference"
    assert labels.component_name("grants", "ru") is None


@pytest.mark.parametrize("lang", ["de", "EN", "", None, 1])
def test_unknown_language(lang):
    with pytest.raises(ParameterError, match=f"lang must be one of 'en', 'ru'; not {lang!r}"):
        labels.partner_name("RU", lang)


def test_direction_label_names_both_countries():
    assert labels.direction_label("CN", "RU", "en") == "China → Russia"
    assert labels.direction_label("RU", "CN", "ru") == "Россия → Китай"


def test_format_number_follows_the_language():
    assert format_number(4306.33, "en") == "4,306.3"
    assert format_number(4306.33, "ru") == "4\u202f306,3"
    assert format_number(95.3, "ru", decimals=0) == "95"


def test_caption_names_sources_in_each_language():
    assert caption(["imf_dots_cn", "gacc"], "en") == (
        "Sources: IMF DOTS, reported by China; China Customs (GACC)"
    )
    assert caption(["gacc", "gacc"], "ru") == "Источник: ГТУ КНР"
    assert caption(["gacc", "imf_dots_cn"], "ru").startswith("Источники: ГТУ КНР; ")


def test_caption_names_other_ids_from_the_sources_table():
    sources = pd.DataFrame(
        {"source_id": ["unctad"], "publisher": ["UNCTAD"], "title": ["Trade matrix"]}
    )
    assert caption(["unctad", "article"], "en", sources) == (
        "Sources: UNCTAD, Trade matrix; The article"
    )
    assert source_name("unctad", "ru", sources) == "UNCTAD, Trade matrix"


def test_caption_refuses_unknown_ids_and_empty_lists():
    with pytest.raises(ParameterError, match="source id 'xyz' has no name"):
        caption(["xyz"], "en")
    with pytest.raises(ParameterError, match="at least one source"):
        caption([], "en")
    with pytest.raises(ParameterError, match="non-empty strings"):
        caption([None], "en")


def test_caption_accepts_a_single_id_string():
    assert caption("gacc", "en") == "Source: China Customs (GACC)"


def test_sources_table_needs_its_columns():
    with pytest.raises(ParameterError, match="column 'publisher'"):
        source_name("x", "en", pd.DataFrame({"source_id": ["x"], "title": ["t"]}))
