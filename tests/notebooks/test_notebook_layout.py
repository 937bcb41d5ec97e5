"""The notebooks read as the analysis: headings and notes in both languages, named data."""

from __future__ import annotations

import ast
import json
import re

import pytest

from analysis_lib import paths
from analysis_lib.vocabulary import LANGS

NOTEBOOKS = sorted(paths.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
CYRILLIC = re.compile("[А-Яа-яЁё]")


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _text(cell) -> str:
    return "".join(cell["source"])


def _lang(cell) -> str | None:
    tags = [t for t in cell.get("metadata", {}).get("tags", []) if t.startswith("lang-")]
    assert len(tags) <= 1, tags
    return tags[0].removeprefix("lang-") if tags else None


def _headings(cells, lang):
    return [
        line
        for cell in cells
        if cell["cell_type"] == "markdown" and _lang(cell) == lang
        for line in _text(cell).splitlines()
        if line.startswith("#")
    ]


def test_there_are_nine_notebooks():
    assert len(NOTEBOOKS) == 9


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_markdown_cell_has_a_language_and_a_counterpart(path):
    cells = _cells(path)
    markdown = [c for c in cells if c["cell_type"] == "markdown"]
    assert all(_lang(c) in LANGS for c in markdown)
    levels = {lang: [h.split(" ")[0] for h in _headings(cells, lang)] for lang in LANGS}
    assert levels["en"] == levels["ru"]
    for cell in markdown:
        text = _text(cell)
        if _lang(cell) == "ru":
            assert CYRILLIC.search(text), text
        else:
            assert not CYRILLIC.search(text), text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_title_three_headings_and_the_metadata_title(path):
    cells = _cells(path)
    titles = json.loads(path.read_text(encoding="utf-8"))["metadata"]["analysis_lib"]["titles"]
    for lang in LANGS:
        headings = _headings(cells, lang)
        assert len(headings) >= 3
        assert headings[0] == f"# {titles[lang]}"
        assert all(h.startswith("## ") for h in headings[1:])
    title_cells = [c for c in cells if "report-title" in c["metadata"].get("tags", [])]
    assert sorted(_lang(c) for c in title_cells) == sorted(LANGS)


def _bound_data(cell) -> list[str]:
    """Names a code cell binds to the result of a story call taking the report."""
    names = []
    for node in ast.parse(_text(cell)).body:
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
            continue
        call = node.value
        takes_report = any(isinstance(a, ast.Name) and a.id == "report" for a in call.args)
        if takes_report and isinstance(call.func, ast.Attribute):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
    return names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_sections_bind_their_data_to_names(path):
    code = [c for c in _cells(path) if c["cell_type"] == "code"]
    binding = [c for c in code if _bound_data(c)]
    assert len(binding) >= 2
    for cell in code:
        assert not CYRILLIC.search(_text(cell))
        for name in _bound_data(cell):
            # The name is used again: drawn or told by the story.
            assert re.search(rf"story\.\w+\(report, (\w+, )*{name}\b", _text(cell)) or any(
                re.search(rf"\(report, (\w+, )*{name}\b", _text(other)) for other in code
            ), name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_committed_without_outputs(path):
    for cell in _cells(path):
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
