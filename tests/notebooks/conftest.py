"""Run the real notebooks under papermill in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis_lib import paths


@pytest.fixture
def run_notebook(tmp_path, monkeypatch):
    """Return ``run(stem, **parameters) -> (executed notebook dict, values dict, figures dir)``.

    The build folder is moved into ``tmp_path`` so nothing lands in the project.
    """
    import papermill

    monkeypatch.setenv("ANALYSIS_LIB_BUILD_DIR", str(tmp_path / "build"))

    def run(stem: str, **parameters):
        source = paths.NOTEBOOKS_DIR / f"{stem}.ipynb"
        out_dir = tmp_path / f"{stem}-{len(list(tmp_path.iterdir()))}"
        out_dir.mkdir()
        parameters.setdefault("output_dir", str(out_dir / "figures"))
        executed = out_dir / "executed.ipynb"
        papermill.execute_notebook(
            str(source),
            str(executed),
            parameters=parameters,
            kernel_name=paths.KERNEL_NAME,
            cwd=str(out_dir),
            progress_bar=False,
            request_save_on_cell_execute=False,
            execution_timeout=300,
        )
        notebook = json.loads(executed.read_text(encoding="utf-8"))
        figures = Path(parameters["output_dir"])
        values_file = figures / "values.json"
        values = {}
        if values_file.exists():
            values = json.loads(values_file.read_text(encoding="utf-8"))
        return notebook, values, figures

    return run
