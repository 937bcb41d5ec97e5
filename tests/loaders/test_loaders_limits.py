"""What a table file may cost: a size cap before reading, tables checked in blocks,
bounded lists of rows in messages, a bounded descriptor."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis_lib import paths
from analysis_lib.cli import main
from analysis_lib.exceptions import DataFileError
from analysis_lib.loaders import descriptor, load_table, reading, schema, validate_file

PROJECT_DATA = paths.PROJECT_ROOT / "data"
DOTS_HEADER = "reporter,partner,flow,year,value_usd_mn,source_id"
# Generous bounds for the 300,000-row table of bad cells (measured: about 4 s and
# 230 MB; checked at once instead of in blocks it took 700 MB).
SECONDS = 60.0
PEAK_MB = 400


def _dots_rows(years) -> list[str]:
    return [f"CN,RU,exports_fob,{year},{year - 1900}.5,imf_dots" for year in years]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_file_over_the_cap_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "dots_trade.csv"
    with big.open("wb") as stream:
        stream.truncate(reading.MAX_FILE_BYTES + 6_000_000)  # sparse: no disk space used
    log = tmp_path / "read.log"
    monkeypatch.setenv(reading.READ_LOG_ENV, str(log))

    started = time.perf_counter()
    with pytest.raises(DataFileError) as caught:
        validate_file("dots_trade", big, data_dir=PROJECT_DATA)

    assert time.perf_counter() - started < SECONDS
    assert str(caught.value) == (
        f"{big}: the file is 70.0 MB or more; expected a table of at most 64 MB"
    )
    assert not log.exists()


def test_validate_command_refuses_a_file_over_the_cap_in_one_line(tmp_path, capsys):
    big = tmp_path / "customs.csv"
    with big.open("wb") as stream:
        stream.truncate(10**12)
    assert main(["validate", "customs_totals", str(big), "--data-dir", str(PROJECT_DATA)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"error: {big}: the file is 1,000,000.0 MB or more; expected a table of at most 64 MB\n"
    )


@pytest.fixture
def small_blocks(monkeypatch):
    monkeypatch.setattr(schema, "BLOCK_ROWS", 3)


def test_a_table_checked_in_blocks_loads_as_one_checked_at_once(tmp_path, monkeypatch):
    path = _write(tmp_path / "dots.csv", [DOTS_HEADER, *_dots_rows(range(2000, 2010))])
    whole = load_table("dots_trade", path, data_dir=PROJECT_DATA)
    monkeypatch.setattr(schema, "BLOCK_ROWS", 3)
    from analysis_lib.loaders.tables import clear_cache

    clear_cache()
    assert load_table("dots_trade", path, data_dir=PROJECT_DATA).equals(whole)


def test_in_blocks_the_first_failing_block_is_named(tmp_path, small_blocks):
    rows = _dots_rows(range(2000, 2010))
    rows[6] = rows[6].replace(",imf_dots", ",nowhere")  # file row 8: a foreign key, not schema
    rows[7] = rows[7].replace("CN,", "cn,")  # file row 9, third block (rows 8-10)
    rows[8] = rows[8].replace("RU,", "ru,")
    path = _write(tmp_path / "dots.csv", [DOTS_HEADER, *rows])

    with pytest.raises(DataFileError) as caught:
        load_table("dots_trade", path, data_dir=PROJECT_DATA)

    assert (caught.value.row, caught.value.column) == (9, "reporter")
    assert str(caught.value).endswith(
        "not 'cn' (1 more problem in rows 8 to 10, the rest unchecked)"
    )


def test_in_blocks_keys_repeated_across_blocks_are_found(tmp_path, small_blocks):
    rows = _dots_rows(range(2000, 2010))
    path = _write(tmp_path / "dots.csv", [DOTS_HEADER, *rows, rows[0]])

    with pytest.raises(DataFileError) as caught:
        load_table("dots_trade", path, data_dir=PROJECT_DATA)

    assert caught.value.row == 2
    assert "rows 2, 12 repeat the primary key (reporter, partner, flow, year)" in str(caught.value)


def test_in_blocks_a_unique_field_repeated_across_blocks_is_found(tmp_path, small_blocks):
    package = {
        "resources": [
            {
                "name": "items",
                "path": "items.csv",
                "schema": {
                    "fields": [
                        {"name": "item_id", "type": "integer"},
                        {"name": "code", "type": "string", "constraints": {"unique": True}},
                    ],
                    "primaryKey": ["item_id"],
                },
            }
        ]
    }
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    lines = ["item_id,code", *(f"{n},c{n}" for n in range(1, 8)), "8,c2"]
    _write(tmp_path / "items.csv", lines)

    with pytest.raises(DataFileError) as caught:
        load_table("items", data_dir=tmp_path)

    assert (caught.value.row, caught.value.column) == (3, "code")
    assert "rows 3, 9 repeat the value 'c2'; expected unique" in str(caught.value)


def test_a_long_list_of_repeated_keys_is_cut_after_ten_rows(tmp_path):
    row = _dots_rows([2014])[0]
    path = _write(tmp_path / "dots.csv", [DOTS_HEADER, *[row] * 25])

    with pytest.raises(DataFileError) as caught:
        load_table("dots_trade", path, data_dir=PROJECT_DATA)

    assert "rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 15 more repeat the primary key" in str(
        caught.value
    )


def test_300000_rows_of_bad_cells_are_refused_in_bounded_time_and_memory(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(DOTS_HEADER + "\n" + "A,B,C,1,2,D\n" * 300_000, encoding="utf-8")
    command = [sys.executable, "-m", "analysis_lib", "validate", "dots_trade", str(path)]
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "ANALYSIS_LIB_DATA_DIR": str(PROJECT_DATA)},
    )
    # wait4 gives this child's own peak memory (KB on Linux).
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    stdout, stderr = process.stdout.read(), process.stderr.read()
    process.stdout.close()
    process.stderr.close()

    assert (process.returncode, stdout) == (1, "")
    assert stderr.count("\n") == 1
    assert stderr.startswith(f"error: {path}, row 2, column 'reporter': must match the pattern")
    assert seconds < SECONDS
    assert usage.ru_maxrss / 1024 < PEAK_MB


def test_a_descriptor_over_its_cap_is_refused(tmp_path):
    with (tmp_path / "datapackage.json").open("wb") as stream:
        stream.truncate(descriptor.MAX_DESCRIPTOR_BYTES + 1)
    with pytest.raises(DataFileError, match="the file is larger than 4 MB; expected a data pack"):
        descriptor.read_descriptor(tmp_path)


@pytest.mark.parametrize(
    ("content", "expect"),
    [
        ("[" * 200_000 + "]" * 200_000, "is not valid JSON (nested too deeply)"),
        ("[1, 2]", "must be a JSON object with 'resources'; not a JSON list or value"),
    ],
)
def test_a_descriptor_that_is_not_an_object_is_one_line(tmp_path, content, expect):
    (tmp_path / "datapackage.json").write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        descriptor.read_descriptor(tmp_path)
    assert str(caught.value) == f"{tmp_path / 'datapackage.json'}: {expect}"
