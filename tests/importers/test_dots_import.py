"""`import_dots`: the CSV and the datapackage record, written reproducibly."""

from __future__ import annotations

import hashlib
import json
import os
import re

import pandas as pd
import pytest

from analysis_lib import paths
from analysis_lib.exceptions import DataFileError, WorkbookLayoutError
from analysis_lib.importers import _publish
from analysis_lib.importers.dots import default_workbooks, import_dots


@pytest.fixture
def two_workbooks(dots_workbook):
    return [
        dots_workbook("DOTS_40_china.xlsx"),
        dots_workbook("DOTS_162_russia.xlsx", reporter="Russian Federation"),
    ]


def test_writes_sorted_table_with_unix_line_endings(two_workbooks, tmp_path):
    out_csv = tmp_path / "data" / "dots_trade.csv"

    returned = import_dots(two_workbooks, out_csv)

    raw = out_csv.read_bytes()
    assert b"\r" not in raw
    assert raw.startswith(b"reporter,partner,flow,year,value_usd_mn,source_id\n")
    written = pd.read_csv(out_csv)
    assert list(written["reporter"].unique()) == ["CN", "RU"]
    key = ["reporter", "partner", "flow", "year"]
    pd.testing.assert_frame_equal(written, written.sort_values(key, ignore_index=True))
    assert len(written) == len(returned) == 2 * 26
    assert "CN,RU,exports_fob,2013,49.6,imf_dots\n" in raw.decode("utf-8")


def test_second_run_is_byte_identical(two_workbooks, tmp_path):
    out_csv = tmp_path / "dots_trade.csv"
    descriptor = tmp_path / "datapackage.json"

    import_dots(two_workbooks, out_csv)
    first = (out_csv.read_bytes(), descriptor.read_bytes())
    import_dots(list(reversed(two_workbooks)), out_csv, engine="openpyxl")

    assert (out_csv.read_bytes(), descriptor.read_bytes()) == first


def test_records_raw_files_in_a_new_descriptor(two_workbooks, tmp_path):
    import_dots(two_workbooks, tmp_path / "dots_trade.csv")

    text = (tmp_path / "datapackage.json").read_text(encoding="utf-8")
    assert text.endswith("}\n")
    (resource,) = json.loads(text)["resources"]
    assert resource["name"] == "dots_trade"
    assert resource["path"] == "dots_trade.csv"
    names = [entry["name"] for entry in resource["raw_files"]]
    assert names == ["DOTS_162_russia.xlsx", "DOTS_40_china.xlsx"]
    for entry, workbook in zip(resource["raw_files"], reversed(two_workbooks), strict=True):
        assert entry["sha256"] == hashlib.sha256(workbook.read_bytes()).hexdigest()
        assert entry["publisher"] == "International Monetary Fund"
        assert entry["url"] == "https://data.imf.org/"


def test_sets_only_raw_files_of_an_existing_descriptor(dots_workbook, tmp_path):
    descriptor = tmp_path / "datapackage.json"
    package = {
        "name": "analysis-lib-data",
        "title": "Données — Торговля",
        "resources": [
            {"name": "sources", "path": "sources.csv", "schema": {"fields": []}},
            {"name": "dots_trade", "path": "dots_trade.csv", "raw_files": [], "schema": {}},
        ],
    }
    descriptor.write_text(json.dumps(package), encoding="utf-8")

    import_dots([dots_workbook()], tmp_path / "dots_trade.csv")

    text = descriptor.read_text(encoding="utf-8")
    assert "Торговля" in text  # ensure_ascii=False
    updated = json.loads(text)
    raw_files = updated["resources"][1].pop("raw_files")
    package["resources"][1].pop("raw_files")
    assert updated == package
    assert [entry["name"] for entry in raw_files] == ["DOTS_40_china.xlsx"]


def test_adds_the_resource_when_the_descriptor_lacks_it(dots_workbook, tmp_path):
    descriptor = tmp_path / "datapackage.json"
    descriptor.write_text(json.dumps({"resources": [{"name": "timeline"}]}), encoding="utf-8")

    import_dots([dots_workbook()], tmp_path / "dots_trade.csv")

    resources = json.loads(descriptor.read_text(encoding="utf-8"))["resources"]
    assert [r["name"] for r in resources] == ["timeline", "dots_trade"]
    assert resources[1]["path"] == "dots_trade.csv"


def test_invalid_descriptor_is_a_data_file_error(dots_workbook, tmp_path):
    descriptor = tmp_path / "datapackage.json"
    descriptor.write_text("{not json", encoding="utf-8")

    with pytest.raises(DataFileError, match=re.escape("datapackage.json: is not valid JSON")):
        import_dots([dots_workbook()], tmp_path / "dots_trade.csv")


def test_two_workbooks_of_one_reporter_are_refused_and_nothing_written(dots_workbook, tmp_path):
    first = dots_workbook("DOTS_40_china.xlsx")
    second = dots_workbook("DOTS_41_china_copy.xlsx")
    out_csv = tmp_path / "out" / "dots_trade.csv"

    with pytest.raises(DataFileError, match="reporter 'CN' was already read from DOTS_40"):
        import_dots([first, second], out_csv)

    assert not out_csv.parent.exists()


def test_layout_error_writes_nothing(dots_workbook, tmp_path):
    good = dots_workbook("DOTS_40_china.xlsx")
    bad = dots_workbook("DOTS_162_russia.xlsx", reporter="Russian Federation", unit="Roubles")
    out_csv = tmp_path / "dots_trade.csv"
    out_csv.write_text("old\n", encoding="utf-8")

    with pytest.raises(WorkbookLayoutError):
        import_dots([good, bad], out_csv)

    assert out_csv.read_text(encoding="utf-8") == "old\n"
    assert not (tmp_path / "datapackage.json").exists()


def test_failed_replace_keeps_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "dots_trade.csv"
    target.write_text("old\n", encoding="utf-8")

    def refuse(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(_publish.os, "replace", refuse)
    with pytest.raises(DataFileError, match="cannot be written \\(disk full\\)"):
        _publish.write_atomic(target, "new\n")

    assert target.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["dots_trade.csv"]


@pytest.mark.parametrize(
    ("value", "text"),
    [(10.0, "10.0"), (0.1 + 0.2, "0.30000000000000004"), (1e-05, "0.00001"), (55.4, "55.4")],
)
def test_values_are_written_as_shortest_positional_round_trip(value, text):
    assert _publish.format_value(value) == text
    assert float(text) == value


def test_default_input_is_the_reference_folder(two_workbooks, tmp_path, monkeypatch):
    (tmp_path / "notes.xlsx").write_bytes(b"ignored: not DOTS_*.xlsx")
    monkeypatch.setattr(paths, "RAW_DOTS_DIR", tmp_path)
    monkeypatch.setenv("ANALYSIS_LIB_DATA_DIR", str(tmp_path / "data"))

    assert default_workbooks() == sorted(two_workbooks)
    table = import_dots()

    assert (tmp_path / "data" / "dots_trade.csv").is_file()
    assert set(table["reporter"]) == {"CN", "RU"}


def test_missing_reference_folder_says_where_workbooks_belong(tmp_path, monkeypatch):
    missing = tmp_path / "imf-dots"
    monkeypatch.setattr(paths, "RAW_DOTS_DIR", missing)

    with pytest.raises(DataFileError) as caught:
        import_dots(out_csv=tmp_path / "dots_trade.csv")

    message = str(caught.value)
    assert message.startswith(f"{missing}: folder not found")
    assert "DOTS_*.xlsx" in message
    assert "\n" not in message


def test_empty_reference_folder_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "RAW_DOTS_DIR", tmp_path)

    with pytest.raises(DataFileError, match=re.escape("no DOTS_*.xlsx workbook found")):
        default_workbooks()
