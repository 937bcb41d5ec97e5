"""The notebooks' code has one regular layout: a view and a story per notebook stem."""

from __future__ import annotations

import ast

import pytest

from analysis_lib import paths

STORIES = paths.PACKAGE_DIR / "stories"
VIEWS = paths.PACKAGE_DIR / "views"
STEMS = sorted(
    notebook.stem.split("-", 1)[1].replace("-", "_")
    for notebook in paths.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb")
)
SHARED = {"__init__", "common", "context", "html", "texts"}


def _imported_modules(path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


def test_every_notebook_has_a_story_and_a_view_named_after_it():
    assert len(STEMS) == 9
    stories = {p.stem for p in STORIES.glob("*.py")} - SHARED
    views = {p.stem for p in VIEWS.glob("*.py")} - SHARED
    assert stories == set(STEMS)
    assert views == set(STEMS)


@pytest.mark.parametrize("stem", STEMS)
def test_no_story_imports_another_story(stem):
    others = {f"analysis_lib.stories.{other}" for other in STEMS if other != stem}
    assert not _imported_modules(STORIES / f"{stem}.py") & others


@pytest.mark.parametrize("stem", STEMS)
def test_views_do_not_import_stories(stem):
    imported = _imported_modules(VIEWS / f"{stem}.py")
    assert not {m for m in imported if m.startswith("analysis_lib.stories")}
