"""``python -m analysis_lib import-dots``."""

from __future__ import annotations

import pytest

from analysis_lib.cli import main


def test_prints_one_line_per_workbook(dots_workbook, tmp_path, capsys):
    china = dots_workbook("DOTS_40_china.xlsx")
    russia = dots_workbook("DOTS_162_russia.xlsx", reporter="Russian Federation")
    out_csv = tmp_path / "out.csv"

    code = main(["import-dots", str(china), str(russia), "--out", str(out_csv)])

    captured = capsys.readouterr()
    assert code == 0
    assert captured.out.splitlines() == [
        "DOTS_162_russia.xlsx: 26 rows",
        "DOTS_40_china.xlsx: 26 rows",
        f"wrote 52 rows to {out_csv}",
    ]
    assert out_csv.is_file()


def test_quiet_prints_nothing(dots_workbook, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ANALYSIS_LIB_DATA_DIR", str(tmp_path / "data"))

    code = main(["import-dots", "--quiet", "--engine", "openpyxl", str(dots_workbook())])

    assert code == 0
    assert capsys.readouterr().out == ""
    assert (tmp_path / "data" / "dots_trade.csv").is_file()


def test_layout_error_is_one_line_on_stderr(dots_workbook, tmp_path, capsys):
    path = dots_workbook(unit="US Dollars, Billions")

    code = main(["import-dots", str(path), "--out", str(tmp_path / "out.csv")])

    captured = capsys.readouterr()
    assert code == 1
    assert captured.err == (
        f"error: {path}, sheet 'Exports, FOB', cell B5: the unit must be "
        "'US Dollars, Millions'; not 'US Dollars, Billions'\n"
    )
    assert not (tmp_path / "out.csv").exists()


def test_unknown_engine_is_a_usage_error(dots_workbook):
    with pytest.raises(SystemExit) as caught:
        main(["import-dots", "--engine", "xlrd", str(dots_workbook())])

    assert caught.value.code == 2
