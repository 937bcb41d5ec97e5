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


@pytest.fixture
def run_cells(said, tmp_path):
    """Return ``run(stem, **parameters) -> namespace``: a notebook's code cells, in this process.

    The parameters cell runs first, then ``parameters`` override it (as papermill
    does), then every other code cell; figures and values go to ``tmp_path/out``
    unless ``output_dir`` is given. The namespace holds the names the cells bound.
    """
    import json

    from analysis_lib import paths

    def run(stem: str, **parameters) -> dict:
        notebook = json.loads((paths.NOTEBOOKS_DIR / f"{stem}.ipynb").read_text("utf-8"))
        cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
        namespace: dict = {}
        exec("".join(cells[0]["source"]), namespace)
        namespace.update({"output_dir": str(tmp_path / "out"), **parameters})
        for cell in cells[1:]:
            exec("".join(cell["source"]), namespace)
        return namespace

    return run
