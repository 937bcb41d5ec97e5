"""The article as numbered paragraphs, read from ``shared/reference/article``.

A paragraph is a non-empty line of the article's text file, whitespace
collapsed to single spaces (as the registry's quotes are written); paragraphs
are numbered from 1 through the whole file, both languages, so ``en ¶16`` is
the 16th non-empty line and ``ru ¶3`` the third, which is Russian. The folder
is :func:`analysis_lib.paths.article_dir` (``ANALYSIS_LIB_ARTICLE_DIR`` moves it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from analysis_lib import paths
from analysis_lib.exceptions import DataFileError

# The article is 15 KB; a text a hundred times larger is not the article.
MAX_ARTICLE_BYTES = 2_000_000
_CYRILLIC = re.compile("[А-Яа-яЁё]")
_LATIN = re.compile("[A-Za-z]")
PLACE = re.compile(r"^(en|ru) ¶([0-9]+)$")
"""A place in the article as the data package writes it: language, paragraph number."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the article.

    Attributes
    ----------
    number : int
        Its position among the file's non-empty lines, from 1.
    lang : str
        ``'en'`` or ``'ru'``: the script most of its letters are written in.
    text : str
        The words as published, whitespace collapsed to single spaces.
    """

    number: int
    lang: str
    text: str

    @property
    def place(self) -> str:
        """The paragraph's place as the data package writes it, e.g. ``'en ¶16'``."""
        return f"{self.lang} ¶{self.number}"


def paragraph_lang(text: str) -> str:
    """Return ``'ru'`` when Cyrillic letters outnumber Latin ones in ``text``, else ``'en'``."""
    return "ru" if len(_CYRILLIC.findall(text)) > len(_LATIN.findall(text)) else "en"


def article_file(article_dir: Path | str | None = None) -> Path:
    """Return the article's text file: the one ``*.txt`` file of the article folder.

    Raises
    ------
    DataFileError
        The folder is missing, or holds no text file or more than one.
    """
    folder = Path(article_dir).resolve() if article_dir is not None else paths.article_dir()
    if not folder.is_dir():
        raise DataFileError(folder, "is not a folder; expected the article folder with its .txt")
    found = sorted(p for p in folder.glob("*.txt") if p.is_file())
    if len(found) != 1:
        raise DataFileError(
            folder, f"holds {len(found)} .txt files; expected exactly one, the article's text"
        )
    return found[0]


def read_article(article_dir: Path | str | None = None) -> list[Paragraph]:
    """Return the article's paragraphs in order.

    Parameters
    ----------
    article_dir : path-like, optional
        Folder with the article's ``.txt`` file; default
        :func:`analysis_lib.paths.article_dir`.

    Returns
    -------
    list of Paragraph

    Raises
    ------
    DataFileError
        No single text file, a file over :data:`MAX_ARTICLE_BYTES`, not UTF-8,
        or without a paragraph.
    """
    from analysis_lib.loaders.reading import log_read

    path = article_file(article_dir)
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise DataFileError(
            path, f"is {size} bytes; expected the article's text, at most {MAX_ARTICLE_BYTES}"
        )
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataFileError(
            path, f"is not UTF-8 (byte {error.start}); expected the article's text in UTF-8"
        ) from None
    log_read(path)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [line for line in lines if line]
    if not paragraphs:
        raise DataFileError(path, "has no text; expected the article's paragraphs")
    return [
        Paragraph(number=n, lang=paragraph_lang(line), text=line)
        for n, line in enumerate(paragraphs, start=1)
    ]


def paragraph_at(paragraphs: list[Paragraph], place: str) -> Paragraph | None:
    """Return the paragraph a place (``'en ¶16'``) names, or None if the article has none there.

    A place whose language is not the paragraph's also gives None.
    """
    match = PLACE.match(place)
    if match is None:
        return None
    number = int(match.group(2))
    if not 1 <= number <= len(paragraphs):
        return None
    paragraph = paragraphs[number - 1]
    return paragraph if paragraph.lang == match.group(1) else None
