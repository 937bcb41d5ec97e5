"""Every story's prose table: the same keys and fields in English and Russian."""

from __future__ import annotations

import importlib
import string

import pytest

from analysis_lib.stories import common

STORIES = (
    "trade_dynamics",
    "partner_comparison",
    "policy_timeline",
    "trade_structure",
    "heilongjiang",
    "programme_funding",
    "claims_audit",
    "after_the_article",
)


def fields(template: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("story", STORIES)
def test_text_tables_match_in_both_languages(story):
    text = importlib.import_module(f"analysis_lib.stories.{story}").TEXT
    assert text is importlib.import_module(f"analysis_lib.stories.texts.{story}").TEXT
    en, ru = text["en"], text["ru"]
    assert en and set(en) == set(ru)
    for key in en:
        assert fields(en[key]) == fields(ru[key]), key
        for template in (en[key], ru[key]):
            assert template.format(**dict.fromkeys(fields(template), "x"))


def test_verdicts_in_prose_match_in_both_languages():
    assert set(common._VERDICT_PROSE["en"]) == set(common._VERDICT_PROSE["ru"])
