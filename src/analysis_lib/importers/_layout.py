"""Where the IMF DOTS layout puts things, and the names and ranges it allows.

See `analysis_lib.importers.dots` for the layout itself.
"""

from __future__ import annotations

from analysis_lib.exceptions import WorkbookLayoutError
from analysis_lib.importers._cells import cell_name

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

NAME_COLUMN = 2  # B
TITLE_ROW, REPORTER_ROW, UNIT_ROW, HEADER_ROW = 2, 4, 5, 7
FIRST_YEAR_COLUMN = 3  # C
FIRST_PARTNER_ROW = HEADER_ROW + 1
YEAR_RANGE = (1900, 2100)
# The plausibility maximum of dots_trade.value_usd_mn in data/datapackage.json
# (USD 100 trillion, above world trade in any year); a test keeps them equal.
PLAUSIBLE_MAX_USD_MN = 100_000_000


def layout_error(path, sheet, row: int, column: int, problem: str) -> WorkbookLayoutError:
    """Return the error naming the file, the sheet and the cell (1-based row and column)."""
    return WorkbookLayoutError(path, sheet.name, cell_name(row, column), problem)


def text(value):
    """Return a cell's text without surrounding spaces; other values unchanged."""
    return value.strip() if isinstance(value, str) else value
