"""Hostile IMF DOTS workbooks: one-line errors naming file, sheet and cell, with both
engines, through ``read_dots_workbook`` and through ``import-dots``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hostile_workbooks import WORKBOOK_CASES, write_workbook
from hostile_zips import LIMIT_CASES

from analysis_lib import paths
from analysis_lib.cli import main
from analysis_lib.exceptions import DataFileError
from analysis_lib.importers import dots
from analysis_lib.importers.dots import read_dots_workbook

CASES = WORKBOOK_CASES + LIMIT_CASES
IDS = [case.case_id for case in CASES]


def test_the_untouched_workbook_imports(tmp_path):
    frame = read_dots_workbook(write_workbook(tmp_path / "DOTS_40_china.xlsx"))
    assert len(frame) == 12
    assert frame["value_usd_mn"].between(0, dots.PLAUSIBLE_MAX_USD_MN).all()


def test_the_importer_maximum_is_the_descriptor_maximum():
    package = json.loads(paths.datapackage_path(paths.PROJECT_ROOT / "data").read_text())
    resource = next(r for r in package["resources"] if r["name"] == "dots_trade")
    value = next(f for f in resource["schema"]["fields"] if f["name"] == "value_usd_mn")
    assert value["constraints"]["maximum"] == dots.PLAUSIBLE_MAX_USD_MN


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_reader_refuses_with_one_line(case, engine, tmp_path):
    path = case.make(tmp_path / "DOTS_40_china.xlsx")
    with pytest.raises(DataFileError) as caught:
        read_dots_workbook(path, engine=engine)
    message = str(caught.value)
    expect, where = case.expected(engine)
    assert "\n" not in message
    assert message.startswith(f"{path}, {where}: " if where else f"{path}: ")
    assert expect in message


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_import_dots_command_exits_1_and_writes_nothing(case, tmp_path, capsys):
    path = case.make(tmp_path / "DOTS_40_china.xlsx")
    out_csv = tmp_path / "out" / "dots_trade.csv"
    code = main(["import-dots", str(path), "--out", str(out_csv), "--quiet"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"error: {path}")
    expect, where = case.expected("calamine")
    assert f"{where}: {expect}" in err
    assert not out_csv.parent.exists()


def test_import_dots_subprocess_truncated_workbook(tmp_path):
    case = next(c for c in WORKBOOK_CASES if c.case_id == "truncated workbook")
    path = case.make(tmp_path / "DOTS_40_china.xlsx")
    result = subprocess.run(
        [sys.executable, "-m", "analysis_lib", "import-dots", str(path), "--out", "x.csv"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "cannot be read as an .xlsx workbook" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.csv").exists()
