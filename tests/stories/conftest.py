"""Fixtures every story test shares."""

from __future__ import annotations

import matplotlib
import pytest

from analysis_lib.stories.context import Report

# The story cells draw figures; no test may need a display.
matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture
def said(tmp_path, monkeypatch) -> list[str]:
    """Collect the prose the story cells say; the build folder goes under ``tmp_path``."""
    monkeypatch.setenv("ANALYSIS_LIB_BUILD_DIR", str(tmp_path / "build"))
    collected: list[str] = []
    monkeypatch.setattr(Report, "say", lambda self, markdown: collected.append(markdown))
    return collected
