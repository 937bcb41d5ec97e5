"""``validate`` and ``tables`` sub-commands: exit codes and single-line messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis_lib.cli import main


@pytest.fixture(autouse=True)
def _no_data_dir_override(monkeypatch):
    # --data-dir must work on its own, whatever the caller's environment says.
    monkeypatch.setenv("ANALYSIS_LIB_DATA_DIR", "/nonexistent/data")


def test_validate_ok(data_copy: Path, capsys):
    target = data_copy / "timeline.csv"
    rows = len(target.read_text(encoding="utf-8").splitlines()) - 1  # no quoted line breaks
    assert main(["validate", "timeline", str(target), "--data-dir", str(data_copy)]) == 0
    out, err = capsys.readouterr()
    assert out == f"ok: {target} is a valid timeline table ({rows} rows)\n"
    assert err == ""


def test_validate_invalid_prints_one_error_line(data_copy: Path, capsys):
    bad = data_copy / "bad.csv"
    bad.write_text(
        "source_id,publisher,publisher_ru,title,title_ru,url,accessed,notes\nx,P,,T,,,yesterday,\n"
    )
    assert main(["validate", "sources", str(bad), "--data-dir", str(data_copy)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"error: {bad}, row 2, column 'accessed': must be a date")


def test_validate_unknown_table(data_copy: Path, capsys):
    target = data_copy / "timeline.csv"
    assert main(["validate", "nope", str(target), "--data-dir", str(data_copy)]) == 1
    assert capsys.readouterr().err.startswith("error: table must be one of 'sources'")


def test_tables_lists_row_counts(data_copy: Path, capsys):
    (data_copy / "heilongjiang_trade.csv").write_text(
        "year,total_usd_bn,exports_usd_bn,imports_usd_bn,growth_pct_stated,share_pct_stated,"
        "note,source_id\n2005,5.68,,,,19.5,,a1killmaster_2006\n"
    )
    assert main(["tables", "--data-dir", str(data_copy)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "heilongjiang_trade\t1 rows" in lines
    assert any(line.startswith("sources\t") for line in lines)


def test_tables_exits_1_when_a_table_is_invalid(data_copy: Path, capsys):
    (data_copy / "timeline.csv").write_bytes(b"")
    assert main(["tables", "--data-dir", str(data_copy)]) == 1
    assert "timeline\terror: " in capsys.readouterr().out


@pytest.mark.parametrize(("content", "code"), [(None, 0), (b"\x00\x01binary", 1)])
def test_validate_in_a_subprocess(data_copy: Path, tmp_path: Path, content, code):
    target = data_copy / "customs_totals.csv"
    if content is not None:
        target = tmp_path / "broken.csv"
        target.write_bytes(content)
    env = {**os.environ, "ANALYSIS_LIB_DATA_DIR": str(data_copy)}
    result = subprocess.run(
        [sys.executable, "-m", "analysis_lib", "validate", "customs_totals", str(target)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == code
    if code == 0:
        assert result.stdout.startswith(f"ok: {target} is a valid customs_totals table")
    else:
        assert result.stderr == f"error: {target}, row 1: binary content (NUL byte); " + (
            "expected UTF-8 CSV text\n"
        )
