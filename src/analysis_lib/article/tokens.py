"""Every number written in the article: the scanner behind ``coverage`` and the marks.

A token is a run of the text that holds digits and reads as one thing: a web
address, a footnote marker, a date (``April 24, 1996``, ``August 2014``,
``2012.06.07``), a code (``14B20``), a range (``2009 – 2018``, ``10 – 15``), a
percentage, a fraction, an ordinal, a year or a plain number. Numbers spelt in
words ("two countries") are not scanned: the article writes its figures in digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis_lib.article.text import Paragraph

KINDS = (
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
"""What a token is, in the order the scanner tries them at each place of the text."""

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "января", "январь"),
            ("february", "feb", "февраля", "февраль"),
            ("march", "mar", "марта", "март"),
            ("april", "apr", "апреля", "апрель"),
            ("may", "мая", "май"),
            ("june", "jun", "июня", "июнь"),
            ("july", "jul", "июля", "июль"),
            ("august", "aug", "августа", "август"),
            ("september", "sep", "sept", "сентября", "сентябрь"),
            ("october", "oct", "октября", "октябрь"),
            ("november", "nov", "ноября", "ноябрь"),
            ("december", "dec", "декабря", "декабрь"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:1[6-9]|20)\d\d"
_DECIMAL = r"\d+(?:[.,]\d+)?"
_DASH = r"\s?[–—-]\s?"
_SMALL = r"\d{1,3}(?:[.,]\d+)?"
# Not inside a word or a decimal on either side.
_OPEN = r"(?<![\w/])(?<!\d[.,])"
_CLOSE = r"(?![\w/]|[.,]\d)"

_PATTERNS = {
    "address": r"(?:https?://|www\.)[^\s\]\[<>\"«»]*\d[^\s\]\[<>\"«»]*",
    "footnote_marker": r"\[footnoteRef:\d+\]|\[\d+:",
    "date": (
        rf"{_OPEN}(?:{_MONTH}\s\d{{1,2}},?\s{_YEAR}|\d{{1,2}}\s{_MONTH}\s{_YEAR}"
        rf"|{_MONTH}\s{_YEAR}|{_YEAR}\.\d\d\.\d\d|{_YEAR}-\d\d-\d\d|\d\d\.\d\d\.{_YEAR}){_CLOSE}"
    ),
    "code": r"(?<!\w)(?<!\d[.,])(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])(?!\d+(?:st|nd|rd|th)\b)[^\W_]+",
    "range": rf"{_OPEN}(?:{_YEAR}{_DASH}{_YEAR}|{_SMALL}{_DASH}{_SMALL}){_CLOSE}",
    "percentage": rf"{_OPEN}{_DECIMAL}\s?%",
    "fraction": rf"{_OPEN}\d+/\d+{_CLOSE}",
    "ordinal": rf"{_OPEN}\d+(?:st|nd|rd|th|-?й|-?го|-?м){_CLOSE}",
    "year": rf"{_OPEN}{_YEAR}{_CLOSE}",
    "number": rf"{_OPEN}\d+(?:[.,]\d+)*{_CLOSE}|\d+",
}
_SCANNER = re.compile("|".join(f"(?P<{kind}>{_PATTERNS[kind]})" for kind in KINDS), re.IGNORECASE)
_TRAILING = ".,;:)»”'"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_DIGITS = re.compile(r"\d+")
# Kinds whose digits may carry a decimal separator; in the others "." separates parts.
_DECIMAL_KINDS = ("range", "percentage", "number")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Token:
    """A number written in the article.

    Attributes
    ----------
    place : str
        The paragraph's place, e.g. ``'en ¶13'``.
    start, end : int
        The token's span in the paragraph's text.
    text : str
        The token as written, e.g. ``'1/5'``, ``'April 24, 1996'``.
    kind : str
        One of :data:`KINDS`.
    """

    place: str
    start: int
    end: int
    text: str
    kind: str

    def numbers(self) -> frozenset[float]:
        """The values written in the token, months named in words as their numbers."""
        return written_numbers(self.text, decimals=self.kind in _DECIMAL_KINDS)


def written_numbers(text: str, *, decimals: bool = True) -> frozenset[float]:
    """Return the numbers in ``text``, month names as 1-12.

    With ``decimals``, ``'1,5'`` and ``'1.5'`` are both 1.5; without, every run of
    digits is a number of its own (``'2012.06.07'`` gives 2012, 6 and 7).

    >>> sorted(written_numbers("April 24, 1996"))
    [4.0, 24.0, 1996.0]
    """
    pattern = _NUMBER if decimals else _DIGITS
    values = {float(match.replace(",", ".")) for match in pattern.findall(text)}
    values |= {float(MONTHS[w.lower()]) for w in _WORD.findall(text) if w.lower() in MONTHS}
    return frozenset(values)


def scan(paragraph: Paragraph) -> list[Token]:
    """Return every token of one paragraph, left to right.

    Parameters
    ----------
    paragraph : Paragraph

    Returns
    -------
    list of Token
    """
    tokens = []
    for match in _SCANNER.finditer(paragraph.text):
        kind = match.lastgroup
        text = match.group(0)
        if kind == "address":
            text = text.rstrip(_TRAILING)
        tokens.append(
            Token(
                place=paragraph.place,
                start=match.start(),
                end=match.start() + len(text),
                text=text,
                kind=kind,
            )
        )
    return tokens


def scan_article(paragraphs) -> list[Token]:
    """Return the tokens of every paragraph, in the article's order."""
    return [token for paragraph in paragraphs for token in scan(paragraph)]
