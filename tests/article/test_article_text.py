"""The article as numbered paragraphs: places, languages, and what is refused."""

from __future__ import annotations

import pytest

from analysis_lib.article.text import (
    MAX_ARTICLE_BYTES,
    Paragraph,
    paragraph_at,
    paragraph_lang,
    read_article,
)
from analysis_lib.exceptions import DataFileError


def test_the_article_has_39_paragraphs_the_third_and_fourth_russian():
    paragraphs = read_article()
    assert len(paragraphs) == 39
    assert [p.number for p in paragraphs] == list(range(1, 40))
    assert [p.place for p in paragraphs if p.lang == "ru"] == ["ru ¶3", "ru ¶4"]
    assert paragraphs[15].place == "en ¶16"
    assert paragraphs[15].text.startswith("In August 2014, the Chinese State Council")


def test_whitespace_is_collapsed_including_no_break_spaces():
    for paragraph in read_article():
        assert "\xa0" not in paragraph.text
        assert "  " not in paragraph.text
        assert paragraph.text == paragraph.text.strip()


def test_the_environment_moves_the_article(article_copy, monkeypatch):
    (article_copy / next(article_copy.glob("*.txt")).name).write_text(
        "Title\n\n\nПервый абзац.\n", encoding="utf-8"
    )
    monkeypatch.setenv("ANALYSIS_LIB_ARTICLE_DIR", str(article_copy))
    assert read_article() == [Paragraph(1, "en", "Title"), Paragraph(2, "ru", "Первый абзац.")]


def test_a_place_in_the_other_language_or_beyond_the_end_names_no_paragraph():
    paragraphs = read_article()
    assert paragraph_at(paragraphs, "ru ¶3").lang == "ru"
    assert paragraph_at(paragraphs, "en ¶3") is None
    assert paragraph_at(paragraphs, "en ¶40") is None
    assert paragraph_at(paragraphs, "en ¶0") is None
    assert paragraph_at(paragraphs, "de ¶1") is None


@pytest.mark.parametrize(
    ("text", "lang"), [("Russia 2014", "en"), ("Россия и Китай, 2014 (GACC)", "ru"), ("", "en")]
)
def test_a_paragraph_is_in_the_script_most_of_its_letters_use(text, lang):
    assert paragraph_lang(text) == lang


def _refused(folder, expected: str) -> None:
    with pytest.raises(DataFileError) as caught:
        read_article(folder)
    message = str(caught.value)
    assert "\n" not in message
    assert str(folder) in message
    assert expected in message


def test_a_folder_without_the_text_or_with_two_is_refused(tmp_path, article_copy):
    _refused(tmp_path / "missing", "is not a folder")
    empty = tmp_path / "empty"
    empty.mkdir()
    _refused(empty, "holds 0 .txt files; expected exactly one")
    (article_copy / "second.txt").write_text("x", encoding="utf-8")
    _refused(article_copy, "holds 2 .txt files")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfe a", "is not UTF-8 (byte 0)"),
        (b"\n \n\t\n", "has no text"),
        (b"x" * (MAX_ARTICLE_BYTES + 1), f"at most {MAX_ARTICLE_BYTES}"),
    ],
    ids=["not-utf8", "blank", "too-large"],
)
def test_a_text_that_cannot_be_the_article_is_refused(tmp_path, content, expected):
    folder = tmp_path / "article"
    folder.mkdir()
    (folder / "article.txt").write_bytes(content)
    with pytest.raises(DataFileError) as caught:
        read_article(folder)
    assert str(caught.value).startswith(str(folder / "article.txt"))
    assert expected in str(caught.value)
