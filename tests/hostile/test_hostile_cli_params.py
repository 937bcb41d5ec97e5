"""Bad parameters for every CLI command: one-line error and exit 1 (package errors) or
argparse's usage message and exit 2, never a traceback."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
from pathlib import Path

import pytest

from analysis_lib import paths
from analysis_lib.cli import main

PROJECT_DATA = paths.PROJECT_ROOT / "data"


@pytest.fixture
def places(tmp_path: Path, monkeypatch) -> dict[str, str]:
    """Paths the cases point at; the data folder override goes to a place never written."""
    monkeypatch.setenv("ANALYSIS_LIB_DATA_DIR", str(tmp_path / "env-data"))
    monkeypatch.setenv("ANALYSIS_LIB_BUILD_DIR", str(tmp_path / "env-build"))
    folder = tmp_path / "folder"
    folder.mkdir()
    a_file = tmp_path / "a_file.txt"
    a_file.write_text("not a folder\n")
    good_csv = PROJECT_DATA / "customs_totals.csv"
    return {
        "tmp": str(tmp_path),
        "missing": str(tmp_path / "missing"),
        "folder": str(folder),
        "file": str(a_file),
        "csv": str(good_csv),
        "data": str(PROJECT_DATA),
        "out": str(tmp_path / "out.csv"),
    }


# (id, argv template, exit code, fragment of the one stderr line)
ERRORS = [
    ("validate unknown table", "validate nope {csv} --data-dir {data}", "table must be one of"),
    (
        "validate missing file",
        "validate customs_totals {missing} --data-dir {data}",
        "missing: file not found; expected a CSV file",
    ),
    (
        "validate folder as file",
        "validate customs_totals {folder} --data-dir {data}",
        "folder: is a folder; expected a CSV file",
    ),
    (
        "validate missing --data-dir",
        "validate customs_totals {csv} --data-dir {missing}",
        "datapackage.json: file not found; expected the data package descriptor",
    ),
    (
        "validate file as --data-dir",
        "validate customs_totals {csv} --data-dir {file}",
        "is not a folder; expected the data folder",
    ),
    (
        "validate --data-dir without descriptor",
        "validate customs_totals {csv} --data-dir {folder}",
        "datapackage.json: file not found",
    ),
    ("tables missing --data-dir", "tables --data-dir {missing}", "file not found"),
    ("tables file as --data-dir", "tables --data-dir {file}", "is not a folder"),
    ("import-dots missing file", "import-dots {missing} --out {out}", "file not found"),
    ("import-dots folder as file", "import-dots {folder} --out {out}", "is a folder"),
    ("import-dots CSV as workbook", "import-dots {csv} --out {out}", "cannot be read as an .xlsx"),
    (
        "import-dots --out is a folder",
        "import-dots WORKBOOK --out {folder}",
        "is a folder; expected a file path to write",
    ),
    (
        "import-dots --out under a file",
        "import-dots WORKBOOK --out {file}/x.csv",
        "cannot be written (",
    ),
    ("audit unknown --source", "audit --source nope", "--source must be one of 'gacc'"),
    ("audit unknown --format", "audit --format xml", "--format must be one of 'table'"),
    ("audit missing --data-dir", "audit --data-dir {missing}", "file not found"),
    ("audit file as --data-dir", "audit --data-dir {file}", "is not a folder"),
    ("build missing --notebooks-dir", "build --notebooks-dir {missing} BUILD", "not found"),
    ("build unknown --only", "build --only nope BUILD", "--only must be one of '01-"),
    ("build empty --notebooks-dir", "build --notebooks-dir {folder} BUILD", "no notebooks NN-*"),
    ("build file as --notebooks-dir", "build --notebooks-dir {file} BUILD", "is not a folder"),
]

USAGE = [
    ("no command", "", "the following arguments are required: COMMAND"),
    ("unknown command", "frobnicate", "invalid choice: 'frobnicate'"),
    ("validate without FILE", "validate customs_totals", "required: FILE"),
    ("tables with a stray argument", "tables extra", "unrecognized arguments: extra"),
    ("import-dots unknown --engine", "import-dots --engine xlrd", "argument --engine"),
    ("build --jobs 0", "build --jobs 0", "argument --jobs: must be a positive integer"),
    ("build --jobs not a number", "build --jobs x", "--jobs: must be a positive integer; not 'x'"),
    ("build --timeout negative", "build --timeout -1", "argument --timeout"),
    ("build unknown --lang", "build --lang de", "argument --lang: invalid choice: 'de'"),
]


def _argv(template: str, places: dict[str, str], tmp_path: Path) -> list[str]:
    argv = template.format(**places).split()
    if "WORKBOOK" in argv:
        from hostile_workbooks import write_workbook

        argv[argv.index("WORKBOOK")] = str(write_workbook(tmp_path / "DOTS_40_china.xlsx"))
    if "BUILD" in argv:
        # Keep every build output in tmp_path and never render a PDF.
        argv.remove("BUILD")
        argv += ["--reports-dir", f"{tmp_path}/reports", "--build-dir", f"{tmp_path}/build"]
        argv += ["--no-pdf"]
    return argv


@pytest.mark.parametrize(
    ("template", "expect"), [c[1:] for c in ERRORS], ids=[c[0] for c in ERRORS]
)
def test_package_error_is_one_line_and_exit_1(template, expect, places, tmp_path, capsys):
    code = main(_argv(template, places, tmp_path))
    out, err = capsys.readouterr()
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith("error: ")
    assert expect in err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(("template", "expect"), [c[1:] for c in USAGE], ids=[c[0] for c in USAGE])
def test_usage_error_exits_2_with_usage(template, expect, places, tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(_argv(template, places, tmp_path))
    out, err = capsys.readouterr()
    assert caught.value.code == 2
    assert err.startswith("usage: python -m analysis_lib")
    assert expect in err.splitlines()[-1]
    assert "Traceback" not in out + err


def _refuse_reading(monkeypatch, target: Path, method: str) -> None:
    original = getattr(pathlib.Path, method)

    def refuse(self, *args, **kwargs):
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, method, refuse)


def test_unreadable_data_dir(data_copy: Path, monkeypatch, capsys):
    # Tests run as root, where chmod cannot take read access away: refuse it here.
    _refuse_reading(monkeypatch, data_copy / "datapackage.json", "open")
    assert main(["tables", "--data-dir", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"error: {data_copy / 'datapackage.json'}: cannot be read (Permission denied); "
        "expected a readable file\n"
    )


def test_unreadable_file(data_copy: Path, monkeypatch, capsys):
    target = data_copy / "timeline.csv"
    _refuse_reading(monkeypatch, target, "open")
    assert main(["validate", "timeline", str(target), "--data-dir", str(data_copy)]) == 1
    assert capsys.readouterr().err == (
        f"error: {target}: cannot be read (Permission denied); expected a readable CSV file\n"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its mode")
def test_unreadable_data_dir_by_mode(data_copy: Path, capsys):
    data_copy.chmod(0)
    try:
        assert main(["tables", "--data-dir", str(data_copy)]) == 1
    finally:
        data_copy.chmod(0o755)
    assert capsys.readouterr().err.count("\n") == 1


def test_import_dots_without_the_reference_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(paths, "RAW_DOTS_DIR", tmp_path / "imf-dots")
    monkeypatch.setenv("ANALYSIS_LIB_DATA_DIR", str(tmp_path / "data"))
    assert main(["import-dots"]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"error: {tmp_path / 'imf-dots'}: folder not found; the IMF DOTS workbooks "
        "(DOTS_*.xlsx, never committed) are expected here\n"
    )


@pytest.mark.parametrize("option", ["--reports-dir", "--build-dir"])
def test_build_output_folder_that_is_a_file(option, places, tmp_path, capsys):
    argv = ["build", "--notebooks-dir", places["folder"], "--no-pdf"]
    argv += ["--reports-dir", f"{tmp_path}/reports", "--build-dir", f"{tmp_path}/build"]
    argv[argv.index(option) + 1] = places["file"]
    assert main(argv) == 1
    assert capsys.readouterr().err == (
        f"error: {places['file']}: is not a folder; expected a folder for {option}\n"
    )


@pytest.mark.parametrize(
    ("argv", "code", "expect"),
    [
        (["audit", "--source", "nope"], 1, "error: --source must be one of"),
        (["build", "--jobs", "0"], 2, "argument --jobs: must be a positive integer; not '0'"),
    ],
)
def test_in_a_subprocess(argv, code, expect, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "analysis_lib", *argv],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == code
    assert expect in result.stderr.splitlines()[-1]
    assert "Traceback" not in result.stderr
