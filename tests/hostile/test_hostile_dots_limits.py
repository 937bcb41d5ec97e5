"""Workbooks too large to parse are refused before any reader runs, quickly, in bounded
memory, leaving the previous table; rows outside the layout are skipped with a warning."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pandas as pd
import pytest
from hostile_workbooks import OUTSIDE_CASES, write_workbook
from hostile_zips import LIMIT_CASES, zip_bomb

from analysis_lib.cli import main
from analysis_lib.exceptions import DataFileError
from analysis_lib.importers import _sheets
from analysis_lib.importers.dots import DotsLayoutWarning, import_dots, read_dots_workbook

# Generous bounds: the 300 MB bomb is refused in about 0.01 s by a process of
# about 80 MB (the issue asks under 2 s and 300 MB for a 1.5 GB one).
SECONDS = 10.0
PEAK_MB = 300


def _never_parse(*args):
    raise AssertionError("a reader parsed a workbook the limits should have refused")


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
@pytest.mark.parametrize("case", LIMIT_CASES, ids=[case.case_id for case in LIMIT_CASES])
def test_refused_before_any_reader_parses(case, engine, tmp_path, monkeypatch):
    path = case.make(tmp_path / "DOTS_40_china.xlsx")
    monkeypatch.setattr(_sheets, "_read_calamine", _never_parse)
    monkeypatch.setattr(_sheets, "_read_openpyxl", _never_parse)

    with pytest.raises(DataFileError) as caught:
        read_dots_workbook(path, engine=engine)

    assert case.expect in str(caught.value)


def test_zip_bomb_is_refused_in_time_and_leaves_the_previous_table(tmp_path):
    out_csv = tmp_path / "data" / "dots_trade.csv"
    import_dots([write_workbook(tmp_path / "DOTS_40_china.xlsx")], out_csv)
    before = {path.name: path.read_bytes() for path in out_csv.parent.iterdir()}
    bomb = zip_bomb(tmp_path / "bomb" / "DOTS_40_china.xlsx")

    started = time.perf_counter()
    with pytest.raises(DataFileError) as caught:
        import_dots([bomb], out_csv)
    seconds = time.perf_counter() - started

    assert str(caught.value).startswith(f"{bomb}: its parts unpack to 299.6 MB; expected at most")
    assert seconds < SECONDS
    assert {path.name: path.read_bytes() for path in out_csv.parent.iterdir()} == before


def test_zip_bomb_command_one_line_exit_1_bounded_memory(tmp_path):
    bomb = zip_bomb(tmp_path / "DOTS_40_china.xlsx")
    command = [sys.executable, "-m", "analysis_lib", "import-dots", str(bomb), "--out", "x.csv"]
    process = subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    # wait4 gives this child's own peak memory (KB on Linux), not the largest child's.
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = process.stdout.read(), process.stderr.read()
    process.stdout.close()
    process.stderr.close()

    assert process.returncode == 1
    assert stdout == ""
    assert stderr.count("\n") == 1
    assert stderr.startswith(f"error: {bomb}: its parts unpack to")
    assert usage.ru_maxrss / 1024 < PEAK_MB
    assert not (tmp_path / "x.csv").exists()


def _clean_table(tmp_path):
    return read_dots_workbook(write_workbook(tmp_path / "clean.xlsx"))


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
@pytest.mark.parametrize("case", OUTSIDE_CASES, ids=[case.case_id for case in OUTSIDE_CASES])
def test_rows_outside_the_layout_warn_and_change_no_value(case, engine, tmp_path):
    path = case.make(tmp_path / "DOTS_40_china.xlsx")
    warnings = []

    frame = read_dots_workbook(path, engine=engine, on_warning=warnings.append)

    assert warnings == [f"{path}, {warning}" for warning in case.warnings]
    pd.testing.assert_frame_equal(frame, _clean_table(tmp_path))


@pytest.mark.parametrize("case", OUTSIDE_CASES, ids=[case.case_id for case in OUTSIDE_CASES])
def test_import_dots_command_prints_the_warning_and_writes_the_table(case, tmp_path, capsys):
    path = case.make(tmp_path / "DOTS_40_china.xlsx")
    out_csv = tmp_path / "out" / "dots_trade.csv"

    code = main(["import-dots", str(path), "--out", str(out_csv), "--quiet"])

    out, err = capsys.readouterr()
    assert (code, out) == (0, "")
    assert err == "".join(f"warning: {path}, {warning}\n" for warning in case.warnings)
    import_dots([write_workbook(tmp_path / "clean.xlsx")], tmp_path / "clean.csv")
    assert out_csv.read_bytes() == (tmp_path / "clean.csv").read_bytes()


def test_without_a_callback_the_warning_is_a_dots_layout_warning(tmp_path):
    path = OUTSIDE_CASES[0].make(tmp_path / "DOTS_40_china.xlsx")

    with pytest.warns(DotsLayoutWarning, match="below the table"):
        read_dots_workbook(path)
