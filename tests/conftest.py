"""Fixtures shared by the whole suite; concern-specific ones live beside their tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from analysis_lib import paths

PROJECT_DATA_DIR = paths.PROJECT_ROOT / "data"

# No build of the suite leaves build servers behind (the CLI's default keeps them);
# tests of the servers turn them on for themselves.
os.environ["ANALYSIS_LIB_SERVERS"] = "0"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the project's data/ folder in tmp_path, to break or extend freely."""
    target = tmp_path / "data"
    shutil.copytree(PROJECT_DATA_DIR, target)
    return target


@pytest.fixture
def isolated_data_dir(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``data_copy``, also set as ``ANALYSIS_LIB_DATA_DIR`` for the test."""
    monkeypatch.setenv("ANALYSIS_LIB_DATA_DIR", str(data_copy))
    return data_copy


@pytest.fixture(autouse=True)
def _fresh_audits():
    """Start every test without the audits an earlier test kept (it may have patched a rule)."""
    from analysis_lib.claims import audit

    audit.clear_cache()
    yield
    audit.clear_cache()
