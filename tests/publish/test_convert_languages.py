"""A report keeps its own language's Markdown cells and leaves the notebook's title cells out."""

from __future__ import annotations

from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis_lib.publish import convert, manifest


def _tagged(text: str, *tags: str):
    cell = new_markdown_cell(text)
    cell.metadata["tags"] = list(tags)
    return cell


def _notebook():
    return new_notebook(
        cells=[
            _tagged("# Title in English", "lang-en", "report-title"),
            _tagged("# Заголовок по-русски", "lang-ru", "report-title"),
            _tagged("## Levels heading", "lang-en"),
            _tagged("## Заголовок раздела", "lang-ru"),
            new_code_cell("levels = 1"),
            new_markdown_cell("Untagged note"),
        ]
    )


@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize(
    ("lang", "kept", "dropped"),
    [("en", "Levels heading", "Заголовок раздела"), ("ru", "Заголовок раздела", "Levels heading")],
)
def test_the_other_language_and_the_title_cells_are_removed(lang, kept, dropped, full):
    page = convert.render_html(_notebook(), title="T", lang=lang, footer="", full=full)
    assert kept in page and "Untagged note" in page
    assert dropped not in page
    assert "Title in English" not in page and "Заголовок по-русски" not in page
    assert ("levels" in page) is full


def test_a_change_of_the_translations_rebuilds_the_reports(tmp_path: Path):
    po = tmp_path / "locale" / "ru" / "LC_MESSAGES" / "analysis_lib.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid "Year"\nmsgstr "Год"\n', encoding="utf-8")
    (tmp_path / "a.py").write_text("x = 1\n")
    first = manifest.library_hash(tmp_path)
    po.write_text('msgid "Year"\nmsgstr "Годы"\n', encoding="utf-8")
    assert manifest.library_hash(tmp_path) != first
