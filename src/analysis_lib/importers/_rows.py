"""The partner rows of a DOTS sheet: read the kept ones, account for every other one.

The table of partners runs from row 8 down to the first empty row (the real
exports have no empty row inside it and nothing below it). Rows of the kept
partners (`_layout.COUNTRY_CODES`) are read; rows of the other names the IMF
exports use (`_partner_names.OTHER_PARTNER_NAMES`) are skipped in silence.
Everything else is outside the layout:

- a row inside the table whose name in column B no IMF export uses, or that
  has values but no name;
- a non-empty row below the table.

Neither holds a value the importer reads, so both are skipped with one warning
per sheet and kind, naming the rows. Two cases would change a value and are
refused instead: a name that differs from a kept partner's only in case,
spaces or punctuation (``'RUSSIAN FEDERATION'``: its values would be left out
without a word), and a kept partner below the table (a row the layout does not
have, whose values would be read as the partner's).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path

from analysis_lib.importers._cells import cell_name
from analysis_lib.importers._layout import (
    COUNTRY_CODES,
    FIRST_PARTNER_ROW,
    HEADER_ROW,
    NAME_COLUMN,
    PLAUSIBLE_MAX_USD_MN,
    layout_error,
    text,
)
from analysis_lib.importers._partner_names import OTHER_PARTNER_NAMES
from analysis_lib.importers._sheets import Sheet

ROWS_LISTED = 5
NAME_SHOWN_CHARACTERS = 40
_NOT_LETTERS = re.compile(r"[\W_]+")


def partner_rows(path: Path, sheet: Sheet, years: list[tuple[int, int]], warn: Callable):
    """Yield ``(partner_code, [(year, value), ...])`` for each kept partner row.

    Parameters
    ----------
    path : Path
        The workbook, for messages.
    sheet : Sheet
        One flow's sheet.
    years : list of (int, int)
        ``(column, year)`` of the year header.
    warn : callable
        Called with one line per kind of row outside the layout that is skipped.

    Raises
    ------
    WorkbookLayoutError
        A kept partner has two rows, a value right of the last year, a value
        that is not a plausible number, is missing ('World'), is misspelt or
        stands below the table.
    """
    _check_rows_outside(path, sheet, warn)
    seen: dict[str, int] = {}
    last_year_column = years[-1][0]
    for row in range(FIRST_PARTNER_ROW, sheet.last_row + 1):
        name = text(sheet.value(row, NAME_COLUMN))
        if name not in COUNTRY_CODES:
            continue
        if name in seen:
            raise layout_error(
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
                raise layout_error(
                    path,
                    sheet,
                    row,
                    column,
                    "partner values must stand under a year of the header row; "
                    f"not right of {cell_name(HEADER_ROW, last_year_column)}",
                )
        yield COUNTRY_CODES[name], values
    if "World" not in seen:
        raise layout_error(
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
        raise layout_error(
            path,
            sheet,
            row,
            column,
            f"values must be from 0 to {PLAUSIBLE_MAX_USD_MN} US dollars, millions; not {value!r}",
        )
    raise layout_error(
        path,
        sheet,
        row,
        column,
        f"values must be numbers in US dollars, millions, or empty; not {value!r}",
    )


def _check_rows_outside(path: Path, sheet: Sheet, warn: Callable) -> None:
    end = next(
        (row for row in range(FIRST_PARTNER_ROW, sheet.last_row + 1) if sheet.is_empty_row(row)),
        sheet.last_row + 1,
    )
    unknown = []
    for row in range(FIRST_PARTNER_ROW, end):
        name = text(sheet.value(row, NAME_COLUMN))
        if name in COUNTRY_CODES or name in OTHER_PARTNER_NAMES:
            continue
        _refuse_lookalike(path, sheet, row, name)
        unknown.append(row)
    below = [row for row in range(end + 1, sheet.last_row + 1) if not sheet.is_empty_row(row)]
    for row in below:
        name = text(sheet.value(row, NAME_COLUMN))
        _refuse_lookalike(path, sheet, row, name)
        if name in COUNTRY_CODES:
            raise layout_error(
                path,
                sheet,
                row,
                NAME_COLUMN,
                f"partner {name!r} must stand in the table of partners, rows "
                f"{FIRST_PARTNER_ROW} to {end - 1}; not below the empty row {end}",
            )
    where = f"{path}, sheet '{sheet.name}'"
    if unknown:
        listed = ", ".join(
            f"{row} ({_shown(text(sheet.value(row, NAME_COLUMN)))})"
            for row in unknown[:ROWS_LISTED]
        )
        warn(
            f"{where}: not read, {_count(unknown)} whose partner name no IMF DOTS export "
            f"uses: {listed}{_more(unknown)}"
        )
    if below:
        listed = ", ".join(str(row) for row in below[:ROWS_LISTED])
        warn(
            f"{where}: not read, {_count(below)} below the table, which ends at the empty "
            f"row {end}: {listed}{_more(below)}"
        )


def _squeezed(name: str) -> str:
    return _NOT_LETTERS.sub("", name).casefold()


_KEPT_SQUEEZED = {_squeezed(name): name for name in COUNTRY_CODES}


def _refuse_lookalike(path: Path, sheet: Sheet, row: int, name) -> None:
    if not isinstance(name, str) or name in COUNTRY_CODES:
        return
    meant = _KEPT_SQUEEZED.get(_squeezed(name))
    if meant is not None:
        raise layout_error(
            path,
            sheet,
            row,
            NAME_COLUMN,
            f"partner names must be written as in the IMF DOTS exports, {meant!r}; "
            f"not {name!r} (its values would be left out)",
        )


def _shown(name) -> str:
    if name is None:
        return "no name"
    shown = repr(name)
    if len(shown) > NAME_SHOWN_CHARACTERS:
        shown = shown[: NAME_SHOWN_CHARACTERS - 3] + "..."
    return shown


def _count(rows: list[int]) -> str:
    return f"{len(rows):,} row" + ("s" if len(rows) > 1 else "")


def _more(rows: list[int]) -> str:
    hidden = len(rows) - ROWS_LISTED
    return f" and {hidden:,} more" if hidden > 0 else ""
