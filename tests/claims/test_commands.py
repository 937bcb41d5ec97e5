"""``python -m analysis_lib audit`` in its three formats, and its one-line errors."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from analysis_lib import paths
from analysis_lib.claims.report import COLUMNS
from analysis_lib.cli import main

PROJECT_DATA_DIR = paths.PROJECT_ROOT / "data"


def _run(capsys, *argv):
    code = main(["audit", *argv, "--data-dir", str(PROJECT_DATA_DIR)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_is_a_list_of_results(capsys):
    code, out, err = _run(capsys, "--format", "json")
    assert (code, err) == (0, "")
    results = json.loads(out)
    assert all(list(r) == list(COLUMNS) for r in results)
    assert list(COLUMNS) == [
        "id",
        "source",
        "verdict",
        "claimed",
        "computed",
        "explanation",
        "sources",
        "role",
        "severity",
    ]
    trade = next(r for r in results if (r["id"], r["source"]) == ("trade-2010", "gacc"))
    assert trade["verdict"] == "consistent"
    assert trade["claimed"] == "55.5" and trade["computed"] == "55.45"
    assert trade["sources"] == ["vietnamplus_2010", "article"]
    assert (trade["role"], trade["severity"]) == ("primary", "within rounding")
    funding = next(r for r in results if r["id"] == "programme-1996-funding")
    assert funding["computed"] is None
    assert (funding["role"], funding["severity"]) == ("primary", None)
    primaries = [r["id"] for r in results if r["role"] == "primary"]
    assert len(primaries) == len(set(primaries)) == len({r["id"] for r in results})
    assert {r["role"] for r in results} == {"primary", "cross-check"}


def test_csv_has_the_same_columns_and_rows(capsys):
    code, out, _ = _run(capsys, "--format", "csv", "--source", "imf_dots_cn")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0]) == COLUMNS
    assert {r["source"] for r in rows} == {"imf_dots_cn"}
    ratio = next(r for r in rows if r["id"] == "ratio-2014-us")
    assert (ratio["verdict"], ratio["sources"]) == ("consistent", "imf_dots;article")
    assert (ratio["role"], ratio["severity"]) == ("cross-check", "within rounding")


def test_table_opens_with_the_headline_and_puts_the_primary_row_first(capsys):
    code, out, _ = _run(capsys)
    assert code == 0
    headline, note, blank, header, *lines = out.splitlines()
    assert re.fullmatch(
        r"\d+ claims: \d+ consistent, \d+ inconsistent \(\d+ minor\), \d+ unverifiable",
        headline,
    )
    assert "cross-checks" in note and "not counted" in note and blank == ""
    assert header.split()[:7] == [
        "id",
        "role",
        "source",
        "verdict",
        "severity",
        "claimed",
        "computed",
    ]
    role_column = header.index("role")
    first_of = {}
    for line in lines:
        first_of.setdefault(line.split()[0], line[role_column:].split()[0])
    assert set(first_of.values()) == {"primary"}
    trade_2014 = [line for line in lines if line.startswith("trade-2014 ")]
    assert [line[role_column:].split()[0] for line in trade_2014] == [
        "primary",
        "cross-check",
        "cross-check",
        "cross-check",
    ]


def test_source_filters_the_rows_and_the_headline_still_counts_every_claim(capsys):
    full = _run(capsys)[1].splitlines()[0]
    code, out, _ = _run(capsys, "--source", "gacc")
    assert code == 0
    headline, _note, _blank, header, *lines = out.splitlines()
    assert headline == full
    source_column = header.index("source")
    assert {line[source_column:].split()[0] for line in lines} == {"gacc"}
    assert sum(line.startswith("trade-2014 ") for line in lines) == 1
    json_out = _run(capsys, "--source", "gacc", "--format", "json")[1]
    assert len(lines) == len(json.loads(json_out))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--source", "imf"],
            "--source must be one of 'gacc', 'mofcom', 'peoples_daily', 'xinhua', "
            "'official_cn', 'imf_dots_cn', 'imf_dots_ru', 'timeline', 'programme_budgets', "
            "'trade_structure', 'all'; not 'imf'",
        ),
        (["--format", "xml"], "--format must be one of 'table', 'json', 'csv'; not 'xml'"),
    ],
)
def test_bad_option_values_are_one_line_errors(capsys, argv, message):
    code, out, err = _run(capsys, *argv)
    assert code == 1
    assert out == ""
    assert err == f"error: {message}\n"


def test_data_dir_is_honoured(capsys, tiny):
    code = main(["audit", "--format", "json", "--data-dir", str(tiny.root)])
    assert code == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["audit", "--data-dir", str(tiny.root)]) == 0
    assert capsys.readouterr().out.startswith(
        "0 claims: 0 consistent, 0 inconsistent (0 minor), 0 unverifiable\n"
    )


def test_the_cli_module_does_not_import_pandas_to_register():
    import subprocess
    import sys

    code = (
        "import sys, argparse; from analysis_lib.claims import commands;"
        "p = argparse.ArgumentParser(); commands.register(p.add_subparsers());"
        "print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
