"""IMF Direction of Trade Statistics (DOTS) workbooks -> ``data/dots_trade.csv``.

The importer reads the annual workbooks exactly as the IMF data portal exports
them (one per reporting country) and refuses anything else with a
`WorkbookLayoutError` naming the file, sheet and cell. Layout, in Excel cells:

- sheet "Exports, FOB" (B2 "Exports, FOB to Partner Countries") and sheet
  "Imports, CIF" (B2 "Imports, CIF from Partner Countries");
- B4 the reporter's name, B5 the unit "US Dollars, Millions";
- row 7 the year header: B7 empty, years from C7 rightwards;
- from row 8 one row per partner: name in column B, values under the years,
  empty cells are missing values.

Only the partners in `COUNTRY_CODES` are kept. Every other row (other
countries, regional aggregates, the "Memorandum Items" block at the bottom, a
blank separator or a footnote) is skipped on purpose, without reading its values:
the real exports even list "Australia" twice.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from analysis_lib.exceptions import DataFileError, WorkbookLayoutError
from analysis_lib.importers._cells import cell_name
from analysis_lib.importers._sheets import Sheet, read_sheets

SOURCE_ID = "imf_dots"
PUBLISHER = "International Monetary Fund"
TITLE = "Direction of Trade Statistics (DOTS)"
URL = "https://data.imf.org/"

COUNTRY_CODES = {
    "China, P.R.: Mainland": "CN",
    "Russian Federation": "RU",
    "United States": "US",
    "Japan": "JP",
    "Korea, Rep. of": "KR",
    "World": "WLD",
}
REPORTERS = {name: code for name, code in COUNTRY_CODES.items() if code != "WLD"}
UNIT = "US Dollars, Millions"
# flow -> (sheet name, title in B2)
FLOW_SHEETS = {
    "exports_fob": ("Exports, FOB", "Exports, FOB to Partner Countries"),
    "imports_cif": ("Imports, CIF", "Imports, CIF from Partner Countries"),
}
COLUMNS = ["reporter", "partner", "flow", "year", "value_usd_mn", "source_id"]
KEY = ["reporter", "partner", "flow", "year"]

NAME_COLUMN = 2  # B
TITLE_ROW, REPORTER_ROW, UNIT_ROW, HEADER_ROW = 2, 4, 5, 7
FIRST_YEAR_COLUMN = 3  # C
FIRST_PARTNER_ROW = HEADER_ROW + 1
YEAR_RANGE = (1900, 2100)
# The plausibility maximum of dots_trade.value_usd_mn in data/datapackage.json
# (USD 100 trillion, above world trade in any year); a test keeps them equal.
PLAUSIBLE_MAX_USD_MN = 100_000_000
_YEAR_TEXT = re.compile(r"\d{4}")


def read_dots_workbook(path, *, engine: str = "calamine"):
    """Read one IMF DOTS annual workbook into tidy rows.

    Parameters
    ----------
    path : str or Path
        A workbook exported from the IMF data portal, e.g. ``DOTS_40_china.xlsx``.
    engine : {'calamine', 'openpyxl'}, default 'calamine'
        The .xlsx reader; both give the same result.

    Returns
    -------
    pandas.DataFrame
        Columns `COLUMNS`: reporter and partner codes (``CN``, ``RU``, ``US``,
        ``JP``, ``KR``, ``WLD``), flow (``exports_fob``/``imports_cif``), year
        (int), value_usd_mn (float), source_id (``imf_dots``). Empty cells
        give no row. Ordered by reporter, partner, flow, year.

    Raises
    ------
    WorkbookLayoutError
        A sheet, title, reporter, unit, year header, value or partner row is not
        where or what the DOTS layout puts there.
    DataFileError
        The file is missing, truncated or not an .xlsx workbook.
    """
    import pandas as pd

    path = Path(path)
    wanted = tuple(sheet for sheet, _ in FLOW_SHEETS.values())
    sheet_names, sheets = read_sheets(path, engine, wanted)
    records: list[tuple] = []
    reporter_name = None
    for flow, (sheet_name, title) in FLOW_SHEETS.items():
        if sheet_name not in sheets:
            found = ", ".join(repr(name) for name in sheet_names)
            raise WorkbookLayoutError(
                path,
                sheet_name,
                cell_name(TITLE_ROW, NAME_COLUMN),
                f"sheet is missing; expected a sheet named {sheet_name!r} titled {title!r}, "
                f"the workbook has {found}",
            )
        sheet = sheets[sheet_name]
        _expect_text(path, sheet, TITLE_ROW, title, "the sheet title")
        reporter_name = _read_reporter(path, sheet, reporter_name)
        _expect_text(path, sheet, UNIT_ROW, UNIT, "the unit")
        years = _read_years(path, sheet)
        reporter = REPORTERS[reporter_name]
        for partner, values in _partner_rows(path, sheet, years):
            records.extend(
                (reporter, partner, flow, year, value, SOURCE_ID) for year, value in values
            )
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    frame = frame.astype({"year": "int64", "value_usd_mn": "float64"})
    return frame.sort_values(KEY, ignore_index=True)


def _layout_error(path, sheet: Sheet, row: int, column: int, problem: str):
    return WorkbookLayoutError(path, sheet.name, cell_name(row, column), problem)


def _text(value) -> str | None:
    return value.strip() if isinstance(value, str) else value


def _expect_text(path, sheet: Sheet, row: int, expected: str, what: str) -> None:
    found = _text(sheet.value(row, NAME_COLUMN))
    if found != expected:
        raise _layout_error(
            path, sheet, row, NAME_COLUMN, f"{what} must be {expected!r}; not {found!r}"
        )


def _read_reporter(path, sheet: Sheet, other_sheet_reporter: str | None) -> str:
    found = _text(sheet.value(REPORTER_ROW, NAME_COLUMN))
    if found not in REPORTERS:
        allowed = ", ".join(repr(name) for name in REPORTERS)
        raise _layout_error(
            path,
            sheet,
            REPORTER_ROW,
            NAME_COLUMN,
            f"the reporter must be one of {allowed}; not {found!r}",
        )
    if other_sheet_reporter is not None and found != other_sheet_reporter:
        raise _layout_error(
            path,
            sheet,
            REPORTER_ROW,
            NAME_COLUMN,
            f"the reporter must be {other_sheet_reporter!r} as on the first sheet; not {found!r}",
        )
    return found


def _read_years(path, sheet: Sheet) -> list[tuple[int, int]]:
    """Return ``(column, year)`` of the header row, checking it sits in row 7."""
    corner = sheet.value(HEADER_ROW, NAME_COLUMN)
    if corner is not None:
        raise _layout_error(
            path,
            sheet,
            HEADER_ROW,
            NAME_COLUMN,
            f"the year header row must be row {HEADER_ROW} with an empty cell above the "
            f"partner names; not {corner!r}",
        )
    years: list[tuple[int, int]] = []
    column = FIRST_YEAR_COLUMN
    while (value := sheet.value(HEADER_ROW, column)) is not None:
        year = _as_year(value)
        if year is None:
            raise _layout_error(
                path,
                sheet,
                HEADER_ROW,
                column,
                f"the year header must hold whole-number years from {YEAR_RANGE[0]} to "
                f"{YEAR_RANGE[1]}; not {value!r}",
            )
        if years and year <= years[-1][1]:
            raise _layout_error(
                path,
                sheet,
                HEADER_ROW,
                column,
                f"years must increase from left to right; not {year} after {years[-1][1]}",
            )
        years.append((column, year))
        column += 1
    if not years:
        raise _layout_error(
            path,
            sheet,
            HEADER_ROW,
            FIRST_YEAR_COLUMN,
            f"the year header row must be row {HEADER_ROW} with the first year in "
            f"{cell_name(HEADER_ROW, FIRST_YEAR_COLUMN)}; not an empty cell",
        )
    for stray in range(column + 1, sheet.last_column + 1):
        if sheet.value(HEADER_ROW, stray) is not None:
            raise _layout_error(
                path,
                sheet,
                HEADER_ROW,
                column,
                "the year header must have no gaps; not an empty cell before "
                f"{cell_name(HEADER_ROW, stray)}",
            )
    return years


def _as_year(value) -> int | None:
    if isinstance(value, bool):
        year = None
    elif isinstance(value, int):
        year = value
    elif isinstance(value, float) and value.is_integer():
        year = int(value)
    elif isinstance(value, str) and _YEAR_TEXT.fullmatch(value.strip()):
        # The IMF portal writes the years as text cells ("1960").
        year = int(value)
    else:
        year = None
    low, high = YEAR_RANGE
    return year if year is not None and low <= year <= high else None


def _partner_rows(path, sheet: Sheet, years: list[tuple[int, int]]):
    """Yield ``(partner_code, [(year, value), ...])`` for each kept partner row."""
    seen: dict[str, int] = {}
    last_year_column = years[-1][0]
    for row in range(FIRST_PARTNER_ROW, sheet.last_row + 1):
        name = _text(sheet.value(row, NAME_COLUMN))
        if name not in COUNTRY_CODES:
            continue
        if name in seen:
            raise _layout_error(
                path,
                sheet,
                row,
                NAME_COLUMN,
                f"partner {name!r} must have one row; not a second one after row {seen[name]}",
            )
        seen[name] = row
        values = []
        for column, year in years:
            value = _as_value(path, sheet, row, column)
            if value is not None:
                values.append((year, value))
        for column in range(last_year_column + 1, sheet.last_column + 1):
            if sheet.value(row, column) is not None:
                raise _layout_error(
                    path,
                    sheet,
                    row,
                    column,
                    "partner values must stand under a year of the header row; "
                    f"not right of {cell_name(HEADER_ROW, last_year_column)}",
                )
        yield COUNTRY_CODES[name], values
    if "World" not in seen:
        raise _layout_error(
            path,
            sheet,
            FIRST_PARTNER_ROW,
            NAME_COLUMN,
            f"partner names must stand in column B from row {FIRST_PARTNER_ROW}, "
            "including 'World'; not found",
        )


def _as_value(path, sheet: Sheet, row: int, column: int) -> float | None:
    value = sheet.value(row, column)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        if 0 <= value <= PLAUSIBLE_MAX_USD_MN:
            return float(value)
        raise _layout_error(
            path,
            sheet,
            row,
            column,
            f"values must be from 0 to {PLAUSIBLE_MAX_USD_MN} US dollars, millions; not {value!r}",
        )
    raise _layout_error(
        path,
        sheet,
        row,
        column,
        f"values must be numbers in US dollars, millions, or empty; not {value!r}",
    )


def default_workbooks(folder: Path | None = None) -> list[Path]:
    """Return every ``DOTS_*.xlsx`` of the raw-data folder, sorted by name.

    Parameters
    ----------
    folder : Path, optional
        Where the workbooks are; default `analysis_lib.paths.RAW_DOTS_DIR`.

    Raises
    ------
    DataFileError
        The folder is missing or holds no ``DOTS_*.xlsx`` workbook.
    """
    from analysis_lib import paths

    folder = Path(folder or paths.RAW_DOTS_DIR)
    if not folder.is_dir():
        raise DataFileError(
            folder,
            "folder not found; the IMF DOTS workbooks (DOTS_*.xlsx, never committed) "
            "are expected here",
        )
    found = sorted(folder.glob("DOTS_*.xlsx"))
    if not found:
        raise DataFileError(folder, "no DOTS_*.xlsx workbook found; expected the IMF exports")
    return found


def import_dots(paths=None, out_csv=None, *, engine: str = "calamine", on_workbook=None):
    """Import IMF DOTS workbooks into the data package.

    Writes the tidy table to `out_csv` (UTF-8, ``\\n`` line endings, shortest
    round-trip floats: two runs give identical bytes) and records each raw
    file's name and SHA-256, with the publisher, title and URL, under the key
    ``raw_files`` of the ``dots_trade`` resource in the ``datapackage.json``
    beside it. Both files are replaced atomically.

    Parameters
    ----------
    paths : iterable of str or Path, optional
        The workbooks; default every ``DOTS_*.xlsx`` in
        `analysis_lib.paths.RAW_DOTS_DIR` (see `default_workbooks`).
    out_csv : str or Path, optional
        The table to write; default ``dots_trade.csv`` in
        `analysis_lib.paths.data_dir()`.
    engine : {'calamine', 'openpyxl'}, default 'calamine'
        The .xlsx reader.
    on_workbook : callable, optional
        Called as ``on_workbook(path, n_rows)`` after each workbook is read.

    Returns
    -------
    pandas.DataFrame
        The table as written, sorted by reporter, partner, flow, year.

    Raises
    ------
    WorkbookLayoutError, DataFileError
        A workbook is unreadable or not in the DOTS layout, or two workbooks
        have the same reporter. Nothing is written then.
    """
    import pandas as pd

    from analysis_lib import paths as project_paths
    from analysis_lib.importers._publish import (
        format_value,
        set_resource_key,
        sha256_of,
        write_atomic,
    )

    workbooks = default_workbooks() if paths is None else [Path(p) for p in paths]
    if not workbooks:
        raise DataFileError("import-dots", "no workbook given; expected DOTS_*.xlsx files")
    out_csv = Path(out_csv) if out_csv else project_paths.data_dir() / "dots_trade.csv"

    frames, reporter_files, raw_files = [], {}, []
    for workbook in sorted(workbooks, key=lambda p: p.name):
        frame = read_dots_workbook(workbook, engine=engine)
        for reporter in frame["reporter"].unique():
            if reporter in reporter_files:
                raise DataFileError(
                    workbook,
                    f"reporter {reporter!r} was already read from "
                    f"{reporter_files[reporter].name}; expected one workbook per reporter",
                )
            reporter_files[reporter] = workbook
        frames.append(frame)
        raw_files.append(
            {
                "name": workbook.name,
                "sha256": sha256_of(workbook),
                "publisher": PUBLISHER,
                "title": TITLE,
                "url": URL,
            }
        )
        if on_workbook is not None:
            on_workbook(workbook, len(frame))

    table = pd.concat(frames, ignore_index=True).sort_values(KEY, ignore_index=True)
    text = table.assign(value_usd_mn=table["value_usd_mn"].map(format_value)).to_csv(
        index=False, lineterminator="\n"
    )
    write_atomic(out_csv, text)
    set_resource_key(
        project_paths.datapackage_path(out_csv.parent),
        resource_name="dots_trade",
        resource_path=out_csv.name,
        key="raw_files",
        value=raw_files,
    )
    return table
