"""Check the visible text of a reader report against its language's rules.

A Russian report shows no English word outside an element marked ``lang="en"``
(a published title kept in its language), no decimal point in a number, no ISO
date, no hyphen-minus before a digit, and no image without alt text. An English
report shows no Cyrillic outside ``lang="ru"`` and the same minus sign and alt
text. Code, preformatted text and link addresses are not prose and are skipped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from analysis_lib.vocabulary import LANGS

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
_NOT_PROSE = {"code", "pre", "script", "style", "title", "kbd", "samp"}

_LATIN_WORD = re.compile(r"(?<![\w.@/-])[A-Za-z]{3,}(?![\w@/])")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_DECIMAL_POINT = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")
_HYPHEN_MINUS = re.compile(r"(?:^|(?<=[\s(\[;:=]))-(?=\d)")
_ADDRESS = re.compile(
    r"\b(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|ru|cn|net|gov|vn|eu|md)\b\S*"
)

LATIN_ALLOWED = frozenset(
    {
        # Names of data sets, classifications and units a Russian economist writes in Latin.
        "DOTS",
        "IMF",
        "SITC",
        "UNCTADstat",
        "HTML",
        "PDF",
        "CSV",
        "FACTS",
        "REGNUM",
        "FOB",
        "MediaPen",
        "CIF",
        "git",
        "make",
        "python",
    }
)
"""Latin words a Russian report may show unmarked."""


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str | None, str]] = []
        self.images: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img":
            self.images.append(attributes.get("alt"))
        if tag not in _VOID:
            self.stack.append((tag, attributes.get("lang")))

    def handle_startendtag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs).get("alt"))

    def handle_endtag(self, tag):
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position][0] == tag:
                del self.stack[position:]
                return

    def handle_data(self, data):
        if not data.strip() or any(tag in _NOT_PROSE for tag, _ in self.stack):
            return
        langs = [lang for _, lang in self.stack if lang]
        self.texts.append((langs[-1] if langs else None, data))


def visible_text(page: str) -> tuple[list[tuple[str | None, str]], list[str | None]]:
    """Return the prose of an HTML page as ``(language mark, text)`` and its images' alt texts.

    The language mark is the ``lang`` of the nearest enclosing element that has one.
    """
    parser = _TextParser()
    parser.feed(page)
    parser.close()
    return parser.texts, parser.images


def _excerpt(text: str, start: int, end: int) -> str:
    left = max(0, start - 30)
    return " ".join(text[left : end + 30].split())


def text_problems(page: str, lang: str) -> list[str]:
    """Return one line per typography or language problem of a reader page in ``lang``.

    Parameters
    ----------
    page : str
        The HTML of a reader report.
    lang : {'en', 'ru'}
        The report's language.

    Returns
    -------
    list of str
        E.g. ``"English word 'growth' in: ...the growth of..."``; empty when clean.
    """
    texts, images = visible_text(page)
    problems: list[str] = []
    if f'<html lang="{lang}"' not in page:
        problems.append(f'the page is not marked <html lang="{lang}">')
    for position, alt in enumerate(images, start=1):
        if not (alt or "").strip():
            problems.append(f"image {position} has no alt text")
        elif lang == "ru" and "No description" in alt:
            problems.append(f"image {position} has nbconvert's English placeholder alt text")
    for mark, text in texts:
        rules = _rules(lang, mark)
        prose = _ADDRESS.sub(" ", text)
        for what, pattern, allowed in rules:
            for match in pattern.finditer(prose):
                if match.group(0) in allowed:
                    continue
                problems.append(f"{what} {match.group(0)!r} in: {_excerpt(prose, *match.span())}")
    return problems


def _rules(lang: str, mark: str | None):
    rules = [("hyphen-minus before a digit", _HYPHEN_MINUS, frozenset())]
    if lang == "ru":
        if mark not in (None, "ru"):
            return rules
        return [
            *rules,
            ("English word", _LATIN_WORD, LATIN_ALLOWED),
            ("decimal point", _DECIMAL_POINT, frozenset()),
            ("ISO date", _ISO_DATE, frozenset()),
        ]
    if mark == "ru":
        return rules
    return [*rules, ("Cyrillic", _CYRILLIC, frozenset())]


def report_problems(reports_dir: Path, langs=LANGS) -> list[str]:
    """Return the problems of every reader report ``<lang>/<stem>.html`` under ``reports_dir``."""
    problems = []
    for lang in langs:
        for page in sorted((reports_dir / lang).glob("*.html")):
            if page.name.endswith(".full.html"):
                continue
            text = page.read_text(encoding="utf-8")
            problems += [f"{lang}/{page.name}: {line}" for line in text_problems(text, lang)]
    return problems
