"""Tolerance rules on records: shares of goods, names, recorded outcomes.

Like :mod:`analysis_lib.claims.rules`, each is a pure function returning a
:class:`~analysis_lib.claims.rules.Judgement` (verdict, rule sentence, severity).
"""

from __future__ import annotations

import re
from collections import Counter

from analysis_lib.claims.rules import (
    CONSISTENT,
    EXACT,
    INCONSISTENT,
    MAJORITY_PCT,
    MATERIAL,
    MINOR,
    UNVERIFIABLE,
    Judgement,
)
from analysis_lib.i18n import N_
from analysis_lib.phrases import English, Figure, Phrase, joined, phrase

# A failed share is minor when every failing share is within this many
# percentage points of the majority line.
MINOR_SHARE_POINTS = 1.0

# Words that carry no part of a name: articles and the prepositions around years.
FILLER_WORDS = frozenset({"the", "a", "an", "in", "of", "for", "on", "to"})


def judge_majority_both_ends(shares: dict[str, dict[int, float]]) -> Judgement:
    """Judge the structure proxy: every group's share must exceed 50% in every year.

    Parameters
    ----------
    shares : dict
        ``{flow label: {year: share in %}}``, one entry per flow and year.
    """
    failing = [
        (label, year, share)
        for label, by_year in shares.items()
        for year, share in sorted(by_year.items())
        if not share > MAJORITY_PCT
    ]
    majority = Figure(f"{MAJORITY_PCT:.0f}")
    if not failing:
        rule = phrase(
            "rule majority_both_ends: every share exceeds {majority}% in both years",
            majority=majority,
        )
        return Judgement(CONSISTENT, rule, EXACT)
    named = joined(
        [
            phrase("{label} {year} {share}%", label=label, year=year, share=Figure(f"{share:.1f}"))
            for label, year, share in failing
        ],
        ", ",
    )
    minor = all(MAJORITY_PCT - share < MINOR_SHARE_POINTS for _, _, share in failing)
    rule = phrase(
        "rule majority_both_ends: each share must exceed {majority}% in both years; "
        "not met by {named}",
        majority=majority,
        named=named,
    )
    return Judgement(INCONSISTENT, rule, MINOR if minor else MATERIAL)


def name_words(text: str) -> list[str]:
    """Return the words of a name, lower case, without years, dashes, quotes or filler words.

    ``"The Economic Development of the Far East and Trans-Baikal in 1996 – 2005"``
    gives ``["economic", "development", "far", "east", "and", "trans", "baikal"]``.
    """
    words = re.findall(r"[^\W\d_]+", text.lower())
    return [word for word in words if word not in FILLER_WORDS]


def judge_same_words(claimed_text: str, recorded_name: str) -> Judgement:
    """Judge a claimed name against the recorded one, word by word.

    The same words (in any order, without years and filler words) are exact;
    a claim that only drops words of the name is a minor failure; a claim that
    has words the name lacks is material.
    """
    claimed, recorded = Counter(name_words(claimed_text)), Counter(name_words(recorded_name))
    dropped = list((recorded - claimed).elements())
    added = list((claimed - recorded).elements())
    name = quoted(English(recorded_name))
    if not dropped and not added:
        rule = phrase(
            "rule same_words: the claimed name has the words of the recorded {name}", name=name
        )
        return Judgement(CONSISTENT, rule, EXACT)
    message = _CHANGES[bool(dropped), bool(added)]
    rule = Phrase(
        message,
        {"name": name, "dropped": _quoted_words(dropped), "added": _quoted_words(added)},
    )
    return Judgement(INCONSISTENT, rule, MATERIAL if added else MINOR)


_CHANGES = {
    (True, False): N_(
        "rule same_words: against the recorded name {name} the claim drops {dropped}"
    ),
    (False, True): N_("rule same_words: against the recorded name {name} the claim adds {added}"),
    (True, True): N_(
        "rule same_words: against the recorded name {name} the claim drops {dropped} and adds "
        "{added}"
    ),
}


def quoted(text: str) -> Phrase | str:
    """Return ``repr(text)`` as a phrase: ``'text'`` in English, «text» in Russian.

    ``text`` keeps its kind (:class:`~analysis_lib.phrases.English`, ``Localized``);
    a text whose ``repr`` escapes characters stays its ``repr``.
    """
    shown = repr(str(text))
    if shown == f"'{text}'":
        return phrase("'{text}'", text=text)
    if shown == f'"{text}"':
        return phrase('"{text}"', text=text)
    return English(shown)


class _Words(str):
    """Quoted words: separated by spaces in the English text, listed with commas and a
    conjunction (the catalog's ``"{words} and {last}"``) in another language."""

    __slots__ = ("words",)

    def __new__(cls, words: list):
        self = super().__new__(cls, str(joined(words, " ")))
        self.words = words
        return self

    def __reduce__(self):
        return (_Words, (self.words,))

    def render(self, lang: str, *, html: bool = False) -> str:
        """Return the words as a list in ``lang``."""
        if lang == "en" or len(self.words) < 2:
            return joined(self.words, " ").render(lang, html=html)
        listed = phrase(
            "{words} and {last}", words=joined(self.words[:-1], ", "), last=self.words[-1]
        )
        return listed.render(lang, html=html)


def _quoted_words(words: list[str]) -> _Words:
    return _Words([quoted(English(word)) for word in words])


def judge_record_supports(
    record_year: int, first_year: int, last_year: int, finding: str
) -> Judgement:
    """Judge a claimed outcome against a dated record of the programme's result.

    The record supports the claim when it is dated within the programme's
    period (``first_year``–``last_year``); a record from outside the period
    says nothing about it, and the claim stays unverifiable.
    """
    holds = first_year <= record_year <= last_year
    rule = Phrase(
        _DATED_WITHIN if holds else _DATED_OUTSIDE,
        {
            "year": record_year,
            "finding": finding if hasattr(finding, "render") else English(finding),
            "first": first_year,
            "last": last_year,
        },
    )
    if holds:
        return Judgement(CONSISTENT, rule, EXACT)
    return Judgement(UNVERIFIABLE, rule)


_DATED_WITHIN = N_(
    "rule record_supports: the record ({year}: {finding}) is dated within the "
    "programme's period {first}–{last}"
)
_DATED_OUTSIDE = N_(
    "rule record_supports: the record ({year}: {finding}) is dated outside the "
    "programme's period {first}–{last}"
)
