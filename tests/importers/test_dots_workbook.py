"""`read_dots_workbook`: the DOTS layout read faithfully, anything else refused."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis_lib.exceptions import DataFileError, ParameterError, WorkbookLayoutError
from analysis_lib.importers.dots import COLUMNS, read_dots_workbook

ENGINES = ("calamine", "openpyxl")


@pytest.mark.parametrize("engine", ENGINES)
def test_reads_kept_partners_as_tidy_rows(dots_workbook, engine):
    frame = read_dots_workbook(dots_workbook(), engine=engine)

    assert list(frame.columns) == COLUMNS
    assert set(frame["reporter"]) == {"CN"}
    assert set(frame["partner"]) == {"WLD", "JP", "KR", "RU", "US"}
    assert set(frame["source_id"]) == {"imf_dots"}
    assert frame["year"].dtype == "int64"
    assert frame["value_usd_mn"].dtype == "float64"
    indexed = frame.set_index(["partner", "flow", "year"])["value_usd_mn"]
    assert indexed[("RU", "exports_fob", 2013)] == 49.6
    assert indexed[("RU", "imports_cif", 2014)] == 41.6
    assert indexed[("WLD", "exports_fob", 2012)] == 1000.25
    assert indexed[("US", "imports_cif", 2012)] == 133.0
    # Empty cells give no row: Japan 2013 exports, Korea's exports.
    assert ("JP", "exports_fob", 2013) not in indexed.index
    assert not ((frame["partner"] == "KR") & (frame["flow"] == "exports_fob")).any()
    # 5 kept partners x 2 flows x 3 years, less the 4 empty cells.
    assert len(frame) == 26


def test_rows_are_sorted_by_key(dots_workbook):
    frame = read_dots_workbook(dots_workbook())

    key = ["reporter", "partner", "flow", "year"]
    pd.testing.assert_frame_equal(frame, frame.sort_values(key, ignore_index=True))
    assert not frame.duplicated(key).any()


def test_engines_and_used_range_start_give_the_same_table(dots_workbook):
    # calamine's to_python() starts at the used range (B2 here, A1 with fill_a1):
    # the cell arithmetic must not depend on it.
    plain = dots_workbook("DOTS_plain.xlsx")
    from_a1 = dots_workbook("DOTS_a1.xlsx", fill_a1=True)
    expected = read_dots_workbook(plain, engine="calamine")

    pd.testing.assert_frame_equal(read_dots_workbook(plain, engine="openpyxl"), expected)
    pd.testing.assert_frame_equal(read_dots_workbook(from_a1, engine="calamine"), expected)
    pd.testing.assert_frame_equal(read_dots_workbook(from_a1, engine="openpyxl"), expected)


def test_numeric_year_cells_read_like_text_ones(dots_workbook):
    text_years = read_dots_workbook(dots_workbook("DOTS_text.xlsx"))
    number_years = read_dots_workbook(dots_workbook("DOTS_num.xlsx", years=(2012, 2013, 2014)))

    pd.testing.assert_frame_equal(number_years, text_years)


@pytest.mark.parametrize(
    ("options", "sheet", "cell", "expected"),
    [
        pytest.param(
            {"sheet_names": {"exports_fob": "Exports"}},
            "Exports, FOB",
            "B2",
            "sheet is missing",
            id="sheet-renamed",
        ),
        pytest.param(
            {"sheet_names": {"imports_cif": None}},
            "Imports, CIF",
            "B2",
            "sheet is missing",
            id="sheet-missing",
        ),
        pytest.param(
            {"titles": {"imports_cif": "Imports, FOB from Partner Countries"}},
            "Imports, CIF",
            "B2",
            "the sheet title must be 'Imports, CIF from Partner Countries'",
            id="title-changed",
        ),
        pytest.param(
            {"unit": "US Dollars, Billions"},
            "Exports, FOB",
            "B5",
            "the unit must be 'US Dollars, Millions'; not 'US Dollars, Billions'",
            id="unit-not-millions",
        ),
        pytest.param(
            {"header_row": 8},
            "Exports, FOB",
            "C7",
            "the year header row must be row 7",
            id="header-row-moved-down",
        ),
        pytest.param(
            {"header_row": 6},
            "Exports, FOB",
            "B7",
            "the year header row must be row 7",
            id="header-row-moved-up",
        ),
        pytest.param(
            {"years": ("2012", "2013a", "2014")},
            "Exports, FOB",
            "D7",
            "whole-number years",
            id="year-not-integer-text",
        ),
        pytest.param(
            {"years": (2012.5, 2013, 2014)},
            "Exports, FOB",
            "C7",
            "whole-number years",
            id="year-fractional",
        ),
        pytest.param(
            {"years": ("2012", "2014", "2013")},
            "Exports, FOB",
            "E7",
            "years must increase",
            id="years-not-increasing",
        ),
        pytest.param(
            {"years": ("2012", None, "2014")},
            "Exports, FOB",
            "D7",
            "no gaps",
            id="year-header-gap",
        ),
        pytest.param(
            {"reporter": "France"},
            "Exports, FOB",
            "B4",
            "the reporter must be one of 'China, P.R.: Mainland'",
            id="unknown-reporter",
        ),
        pytest.param(
            {"reporter": {"exports_fob": "Japan", "imports_cif": "United States"}},
            "Imports, CIF",
            "B4",
            "as on the first sheet",
            id="reporter-differs-between-sheets",
        ),
        pytest.param(
            {"cells": {("imports_cif", "D12"): "n.a."}},
            "Imports, CIF",
            "D12",
            "values must be numbers",
            id="non-numeric-value",
        ),
        pytest.param(
            {"cells": {("exports_fob", "F9"): 12.0}},
            "Exports, FOB",
            "F9",
            "must stand under a year",
            id="value-right-of-last-year",
        ),
        pytest.param(
            {"rows": ("World", "Japan", "Russian Federation", "Japan")},
            "Exports, FOB",
            "B11",
            "partner 'Japan' must have one row; not a second one after row 9",
            id="duplicate-partner-row",
        ),
        pytest.param(
            {"rows": ("Japan", "Russian Federation")},
            "Exports, FOB",
            "B8",
            "including 'World'",
            id="world-row-missing",
        ),
    ],
)
@pytest.mark.parametrize("engine", ENGINES)
def test_layout_errors_name_file_sheet_and_cell(
    dots_workbook, engine, options, sheet, cell, expected
):
    path = dots_workbook(**options)

    with pytest.raises(WorkbookLayoutError) as caught:
        read_dots_workbook(path, engine=engine)

    error = caught.value
    assert (error.path, error.sheet, error.cell) == (str(path), sheet, cell)
    message = str(error)
    assert message.startswith(f"{path}, sheet '{sheet}', cell {cell}: ")
    assert expected in message
    assert "\n" not in message


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("content", [b"", b"not a workbook\n", "truncated"])
def test_unreadable_file_is_a_data_file_error(dots_workbook, tmp_path, engine, content):
    path = tmp_path / "DOTS_bad.xlsx"
    if content == "truncated":
        whole = dots_workbook().read_bytes()
        content = whole[: len(whole) // 2]
    path.write_bytes(content)

    with pytest.raises(DataFileError) as caught:
        read_dots_workbook(path, engine=engine)

    assert not isinstance(caught.value, WorkbookLayoutError)
    assert str(caught.value).startswith(f"{path}: cannot be read as an .xlsx workbook")


def test_missing_file_is_a_data_file_error(tmp_path):
    path = tmp_path / "DOTS_none.xlsx"

    with pytest.raises(DataFileError, match="file not found"):
        read_dots_workbook(path)


def test_unknown_engine_is_refused(dots_workbook):
    with pytest.raises(ParameterError, match="engine must be one of 'calamine', 'openpyxl'"):
        read_dots_workbook(dots_workbook(), engine="xlrd")
