"""Re-running a section after a parameter or a data file changed gives the new result.

The cells run in one namespace, as in a kernel that is never restarted.
"""

from __future__ import annotations

import json

from analysis_lib import paths


def _cell(stem: str, cell_id: str) -> str:
    notebook = json.loads((paths.NOTEBOOKS_DIR / f"{stem}.ipynb").read_text("utf-8"))
    (cell,) = [c for c in notebook["cells"] if c["id"] == cell_id]
    return "".join(cell["source"])


def test_a_changed_parameter_shows_after_rerunning_the_start_and_the_section(run_cells, said):
    cells = run_cells("01-trade-dynamics", source="gacc")
    fresh = run_cells("01-trade-dynamics", source="imf_dots_ru", start_year=2005)["levels"]
    cells.update(source="imf_dots_ru", start_year=2005)
    said.clear()
    exec(_cell("01-trade-dynamics", "01-start"), cells)
    exec(_cell("01-trade-dynamics", "01-levels"), cells)
    assert cells["levels"].equals(fresh)
    assert "According to IMF DOTS, reported by the partner (mirror)" in "\n".join(said)


def test_a_changed_data_file_shows_after_rerunning_the_section(run_cells, isolated_data_dir):
    cells = run_cells("01-trade-dynamics")
    levels = cells["levels"].set_index(["source", "year"])["value_usd_bn"]
    assert levels["gacc", 2014] == 95.28
    table = isolated_data_dir / "customs_totals.csv"
    table.write_text(
        table.read_text("utf-8").replace(
            "GACC,CN,RU,2014,final,95.28", "GACC,CN,RU,2014,final,99.28"
        ),
        encoding="utf-8",
    )
    exec(_cell("01-trade-dynamics", "01-levels"), cells)
    levels = cells["levels"].set_index(["source", "year"])["value_usd_bn"]
    assert levels["gacc", 2014] == 99.28


def test_figures_from_the_cache_are_the_drawn_ones_until_the_data_change(
    run_cells, isolated_data_dir, tmp_path, monkeypatch
):
    from analysis_lib.plots import figure_cache

    def figures(folder: str) -> dict[str, bytes]:
        found = sorted((tmp_path / folder).rglob("trade_levels*"))
        return {path.name: path.read_bytes() for path in found}

    run_cells("01-trade-dynamics", output_dir=str(tmp_path / "drawn"))
    monkeypatch.setenv(figure_cache.CACHE_ENV, str(tmp_path / "cache"))
    run_cells("01-trade-dynamics", output_dir=str(tmp_path / "stored"))
    kept = sorted((tmp_path / "cache").iterdir())
    run_cells("01-trade-dynamics", output_dir=str(tmp_path / "copied"))
    drawn = figures("drawn")
    assert len(drawn) == 3 and figures("stored") == drawn and figures("copied") == drawn
    assert sorted((tmp_path / "cache").iterdir()) == kept  # nothing new: every figure copied

    table = isolated_data_dir / "customs_totals.csv"
    table.write_text(
        table.read_text("utf-8").replace(
            "GACC,CN,RU,2014,final,95.28", "GACC,CN,RU,2014,final,99.28"
        ),
        encoding="utf-8",
    )
    run_cells("01-trade-dynamics", output_dir=str(tmp_path / "changed"))
    changed = figures("changed")
    assert changed["trade_levels.png"] != drawn["trade_levels.png"]
    assert len(list((tmp_path / "cache").iterdir())) > len(kept)
