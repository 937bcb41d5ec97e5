"""The translation table, label lookups, number formatting and source captions."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis_lib.exceptions import ParameterError
from analysis_lib.plots import labels
from analysis_lib.plots.labels import TRANSLATIONS, caption, format_number, label, source_name

CYRILLIC = re.compile("[А-Яа-яЁё]")
LATIN_WORD = re.compile("[A-Za-z]{3,}")
# Texts that are the same in both languages: templates of symbols and names only.
LANGUAGE_NEUTRAL = {"title.direction", "annot.approximate", "annot.fraction_only"}


def test_every_key_has_english_and_russian():
    for key, texts in TRANSLATIONS.items():
        assert set(texts) == {"en", "ru"}, key
        assert texts["en"].strip() and texts["ru"].strip(), key
    assert labels.keys("en") == labels.keys("ru") == frozenset(TRANSLATIONS)


@pytest.mark.parametrize("key", sorted(set(TRANSLATIONS) - LANGUAGE_NEUTRAL))
def test_russian_texts_are_russian(key):
    assert CYRILLIC.search(TRANSLATIONS[key]["ru"]), key
    assert not CYRILLIC.search(TRANSLATIONS[key]["en"]), key


@pytest.mark.parametrize("key", sorted(k for k in TRANSLATIONS if "{" in TRANSLATIONS[k]["en"]))
def test_templates_have_the_same_fields_in_both_languages(key):
    fields = [set(re.findall(r"{(\w+)}", TRANSLATIONS[key][lang])) for lang in ("en", "ru")]
    assert fields[0] == fields[1], key


@pytest.mark.parametrize(
    "key", sorted(k for k in TRANSLATIONS if k.startswith(("axis.", "amount.")))
)
def test_value_axes_name_their_unit(key):
    categorical = {
        "axis.year",
        "axis.partner",
        "axis.claim",
        "axis.source",
        "axis.event",
        "axis.programme",
        "axis.log_scale",
    }
    if key in categorical:
        return
    for lang in ("en", "ru"):
        assert "," in TRANSLATIONS[key][lang], (key, lang)


def test_label_fills_fields():
    assert label("title.partner_comparison", "en", year=2014).endswith("2014")
    assert "2014 г." in label("title.partner_comparison", "ru", year=2014)


def test_label_needs_its_fields():
    with pytest.raises(ParameterError, match="needs the field 'year'"):
        label("title.partner_comparison", "en")


def test_unknown_key_is_one_line_error():
    with pytest.raises(ParameterError, match="label key 'nope' is not in") as caught:
        label("nope", "en")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("lang", ["de", "EN", "", None, 1])
def test_unknown_language(lang):
    with pytest.raises(ParameterError, match=f"lang must be one of 'en', 'ru'; not {lang!r}"):
        label("axis.year", lang)


def test_format_number_follows_the_language():
    assert format_number(4306.33, "en") == "4,306.3"
    assert format_number(4306.33, "ru") == "4\u202f306,3"
    assert format_number(95.3, "ru", decimals=0) == "95"


def test_caption_names_sources_in_each_language():
    assert caption(["imf_dots_cn", "gacc"], "en") == (
        "Sources: IMF DOTS, reported by China; China Customs (GACC)"
    )
    assert caption(["gacc", "gacc"], "ru") == "Источник: Таможня КНР (ГТУ КНР)"


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
