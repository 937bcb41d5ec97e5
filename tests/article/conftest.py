"""A copy of the article's text to change, beside the project's data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis_lib import paths


def article_source() -> Path:
    """Return the article's text file in shared/reference (the tests need it)."""
    found = sorted(paths.ARTICLE_DIR.glob("*.txt"))
    assert len(found) == 1, f"expected the article's one .txt in {paths.ARTICLE_DIR}"
    return found[0]


@pytest.fixture
def article_copy(tmp_path: Path) -> Path:
    """A folder with a copy of the article's text, to edit."""
    folder = tmp_path / "article"
    folder.mkdir()
    shutil.copy(article_source(), folder / article_source().name)
    return folder
