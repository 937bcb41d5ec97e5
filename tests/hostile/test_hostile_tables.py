"""Every hostile table file: a one-line error naming file, row/column and expectation, or a
documented normalisation; the same through the API and through ``validate``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hostile_corpus import CLEAN_CUSTOMS, CORPUS_DIR, TABLE_CASES

from analysis_lib import paths
from analysis_lib.cli import main
from analysis_lib.exceptions import ClaimRegistryError, DataFileError
from analysis_lib.loaders import load_table

PROJECT_DATA = paths.PROJECT_ROOT / "data"


def _ids(cases):
    return [case.case_id for case in cases]


def test_corpus_is_big_enough_and_every_committed_file_is_used():
    committed = {path.name for path in CORPUS_DIR.glob("*.csv")}
    used = {case.file for case in TABLE_CASES if case.content is None}
    assert committed == used
    assert len(TABLE_CASES) >= 30
    assert len({case.case_id for case in TABLE_CASES}) == len(TABLE_CASES)


@pytest.mark.parametrize("case", TABLE_CASES, ids=_ids(TABLE_CASES))
def test_api_outcome(case, tmp_path):
    path = case.path(tmp_path)
    if case.outcome == "normalised":
        frame = load_table(case.table, path, data_dir=PROJECT_DATA)
        assert len(frame) == case.rows
        return
    with pytest.raises(DataFileError) as caught:
        load_table(case.table, path, data_dir=PROJECT_DATA)
    error = caught.value
    message = str(error)
    assert "\n" not in message
    assert message.startswith(str(path.resolve()))
    assert case.expect in message
    assert error.row == case.row
    assert error.column == case.column
    if case.row is not None:
        assert f"row {case.row}" in message
    if case.column is not None:
        assert f"column '{case.column}'" in message


@pytest.mark.parametrize("case", TABLE_CASES, ids=_ids(TABLE_CASES))
def test_validate_command_outcome(case, tmp_path, capsys):
    path = case.path(tmp_path)
    code = main(["validate", case.table, str(path), "--data-dir", str(PROJECT_DATA)])
    out, err = capsys.readouterr()
    if case.outcome == "normalised":
        assert (code, err) == (0, "")
        assert out == f"ok: {path} is a valid {case.table} table ({case.rows} rows)\n"
        return
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"error: {path.resolve()}")
    assert case.expect in err
    assert "Traceback" not in err


def test_normalised_files_load_equal_to_the_clean_file(tmp_path):
    clean = tmp_path / "clean.csv"
    clean.write_text(CLEAN_CUSTOMS, encoding="utf-8")
    expected = load_table("customs_totals", clean, data_dir=PROJECT_DATA)
    for case in TABLE_CASES:
        if case.outcome == "normalised" and case.table == "customs_totals" and case.rows:
            found = load_table("customs_totals", case.path(tmp_path), data_dir=PROJECT_DATA)
            assert found.equals(expected), case.case_id


def test_claim_pointing_at_a_missing_table_fails_the_registry_check():
    from analysis_lib.claims.registry import validate_registry

    claims = load_table("claims", data_dir=PROJECT_DATA).head(1).copy()
    claims.loc[0, "table"] = "tariffs"
    with pytest.raises(ClaimRegistryError) as caught:
        validate_registry(claims, PROJECT_DATA)
    message = str(caught.value)
    assert "\n" not in message
    assert "claims.csv, row 2, claim 'strategy-2003'" in message
    assert "table must be a resource of datapackage.json" in message
    assert "not 'tariffs'" in message


def test_audit_refuses_a_registry_with_a_missing_table(data_copy: Path, capsys):
    (data_copy / "claims.csv").write_bytes((CORPUS_DIR / "claims_missing_table.csv").read_bytes())
    assert main(["audit", "--data-dir", str(data_copy)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"error: {data_copy / 'claims.csv'}, row 2, column 'table': must be")
    assert "not 'tariffs'" in err


@pytest.mark.parametrize(
    ("file", "table", "expect"),
    [
        ("timeline_invalid_date.csv", "timeline", "not '2014-02-30'"),
        ("customs_totals_semicolon.csv", "customs_totals", "not ';'"),
    ],
)
def test_validate_in_a_subprocess(file, table, expect):
    result = subprocess.run(
        [sys.executable, "-m", "analysis_lib", "validate", table, str(CORPUS_DIR / file)],
        capture_output=True,
        text=True,
        check=False,
        env={"ANALYSIS_LIB_DATA_DIR": str(PROJECT_DATA), "PATH": ""},
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert expect in result.stderr
    assert "Traceback" not in result.stderr


def test_registry_accepts_a_sources_file_with_a_bom(data_copy: Path):
    from analysis_lib.claims.registry import validate_registry

    sources = data_copy / "sources.csv"
    sources.write_bytes(b"\xef\xbb\xbf" + sources.read_bytes())
    load_table("sources", data_dir=data_copy)  # the loaders normalise the BOM
    validate_registry(load_table("claims", data_dir=data_copy), data_copy)
