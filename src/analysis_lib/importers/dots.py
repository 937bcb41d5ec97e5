"""IMF Direction of Trade Statistics (DOTS) workbooks -> ``data/dots_trade.csv``.

The importer reads the annual workbooks exactly as the IMF data portal exports
them (one per reporting country) and refuses anything else with a
`WorkbookLayoutError` naming the file, sheet and cell. Layout, in Excel cells:

- sheet "Exports, FOB" (B2 "Exports, FOB to Partner Countries") and sheet
  "Imports, CIF" (B2 "Imports, CIF from Partner Countries");
- B4 the reporter's name, B5 the unit "US Dollars, Millions";
- row 7 the year header: B7 empty, years from C7 rightwards;
- from row 8 one row per partner down to the first empty row: name in column B,
  values under the years, empty cells are missing values.

Only the partners in `COUNTRY_CODES` are kept. The other rows the exports have
(other countries, regional aggregates, the "Memorandum Items" block at the
bottom; the real exports even list "Australia" twice) are skipped on purpose,
without reading their values. Rows no export has (an unknown name, values
without a name, anything below the table) are skipped with a
`DotsLayoutWarning`, or refused where skipping them would change a value
(see `_rows`). Before any of this, a workbook larger in any way than an
export can be is refused unparsed (see `_limits`).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from analysis_lib.exceptions import DataFileError, WorkbookLayoutError
from analysis_lib.importers._cells import cell_name
from analysis_lib.importers._layout import (
    COUNTRY_CODES,
    FIRST_YEAR_COLUMN,
    FLOW_SHEETS,
    HEADER_ROW,
    NAME_COLUMN,
    PLAUSIBLE_MAX_USD_MN,
    REPORTER_ROW,
    REPORTERS,
    TITLE_ROW,
    UNIT,
    UNIT_ROW,
    YEAR_RANGE,
    layout_error,
    text,
)
from analysis_lib.importers._rows import partner_rows
from analysis_lib.importers._sheets import Sheet, read_sheets

__all__ = [
    "COLUMNS",
    "COUNTRY_CODES",
    "FLOW_SHEETS",
    "KEY",
    "PLAUSIBLE_MAX_USD_MN",
    "REPORTERS",
    "SOURCE_ID",
    "UNIT",
    "YEAR_RANGE",
    "DotsLayoutWarning",
    "default_workbooks",
    "import_dots",
    "read_dots_workbook",
]

SOURCE_ID = "imf_dots"
PUBLISHER = "International Monetary Fund"
TITLE = "Direction of Trade Statistics (DOTS)"
URL = "https://data.imf.org/"

COLUMNS = ["reporter", "partner", "flow", "year", "value_usd_mn", "source_id"]
KEY = ["reporter", "partner", "flow", "year"]
_YEAR_TEXT = re.compile(r"\d{4}")


class DotsLayoutWarning(UserWarning):
    """Rows of a DOTS workbook outside the layout were skipped; no value changed."""


def _warn(message: str) -> None:
    warnings.warn(message, DotsLayoutWarning, stacklevel=5)


def read_dots_workbook(path, *, engine: str = "calamine", on_warning=None):
    """Read one IMF DOTS annual workbook into tidy rows.

    Parameters
    ----------
    path : str or Path
        A workbook exported from the IMF data portal, e.g. ``DOTS_40_china.xlsx``.
    engine : {'calamine', 'openpyxl'}, default 'calamine'
        The .xlsx reader; both give the same result.
    on_warning : callable, optional
        Called with a one-line message for each kind of row outside the DOTS
        layout that was skipped; default: a `DotsLayoutWarning`.

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
        The file is missing, truncated or not an .xlsx workbook, or larger in
        any way than an IMF DOTS export can be (nothing is parsed then).
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
        for partner, values in partner_rows(path, sheet, years, on_warning or _warn):
            records.extend(
                (reporter, partner, flow, year, value, SOURCE_ID) for year, value in values
            )
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    frame = frame.astype({"year": "int64", "value_usd_mn": "float64"})
    return frame.sort_values(KEY, ignore_index=True)


def _expect_text(path, sheet: Sheet, row: int, expected: str, what: str) -> None:
    found = text(sheet.value(row, NAME_COLUMN))
    if found != expected:
        raise layout_error(
            path, sheet, row, NAME_COLUMN, f"{what} must be {expected!r}; not {found!r}"
        )


def _read_reporter(path, sheet: Sheet, other_sheet_reporter: str | None) -> str:
    found = text(sheet.value(REPORTER_ROW, NAME_COLUMN))
    if found not in REPORTERS:
        allowed = ", ".join(repr(name) for name in REPORTERS)
        raise layout_error(
            path,
            sheet,
            REPORTER_ROW,
            NAME_COLUMN,
            f"the reporter must be one of {allowed}; not {found!r}",
        )
    if other_sheet_reporter is not None and found != other_sheet_reporter:
        raise layout_error(
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
        raise layout_error(
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
            raise layout_error(
                path,
                sheet,
                HEADER_ROW,
                column,
                f"the year header must hold whole-number years from {YEAR_RANGE[0]} to "
                f"{YEAR_RANGE[1]}; not {value!r}",
            )
        if years and year <= years[-1][1]:
            raise layout_error(
                path,
                sheet,
                HEADER_ROW,
                column,
                f"years must increase from left to right; not {year} after {years[-1][1]}",
            )
        years.append((column, year))
        column += 1
    if not years:
        raise layout_error(
            path,
            sheet,
            HEADER_ROW,
            FIRST_YEAR_COLUMN,
            f"the year header row must be row {HEADER_ROW} with the first year in "
            f"{cell_name(HEADER_ROW, FIRST_YEAR_COLUMN)}; not an empty cell",
        )
    for stray in range(column + 1, sheet.last_column + 1):
        if sheet.value(HEADER_ROW, stray) is not None:
            raise layout_error(
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


def import_dots(
    paths=None, out_csv=None, *, engine: str = "calamine", on_workbook=None, on_warning=None
):
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
    on_warning : callable, optional
        Passed to `read_dots_workbook`.

    Returns
    -------
    pandas.DataFrame
        The table as written, sorted by reporter, partner, flow, year.

    Raises
    ------
    WorkbookLayoutError, DataFileError
        A workbook is unreadable, too large or not in the DOTS layout, or two
        workbooks have the same reporter. Nothing is written then.
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
        frame = read_dots_workbook(workbook, engine=engine, on_warning=on_warning)
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
