"""A factory of small workbooks in the IMF DOTS layout, with switches to break it.

The default workbook mirrors the real exports (checked against the five files
in the reference folder): title in B2, reporter in B4, unit in B5, years as text
cells from C7, partners from row 8, "Australia" listed twice, a "Memorandum
Items" block of aggregates at the bottom.
"""

from __future__ import annotations

import pytest

SHEETS = {
    "exports_fob": ("Exports, FOB", "Exports, FOB to Partner Countries"),
    "imports_cif": ("Imports, CIF", "Imports, CIF from Partner Countries"),
}
YEARS = ("2012", "2013", "2014")
# partner -> flow -> values under YEARS (None = empty cell)
PARTNER_VALUES = {
    "Australia": {"exports_fob": [1.5, 2.5, 3.5], "imports_cif": [4.0, 5.0, 6.0]},
    "World": {"exports_fob": [1000.25, 1100.5, 1200.75], "imports_cif": [900.0, 950.0, 990.0]},
    "Japan": {"exports_fob": [10.0, None, 30.0], "imports_cif": [11.0, 21.0, 31.0]},
    "Korea, Rep. of": {"exports_fob": [None, None, None], "imports_cif": [5.0, 6.0, 7.0]},
    "Russian Federation": {
        "exports_fob": [44.1, 49.6, 53.7],
        "imports_cif": [44.0, 39.6, 41.6],
    },
    "United States": {"exports_fob": [352.0, 369.0, 397.0], "imports_cif": [133.0, 153.0, 159.0]},
    "Memorandum Items": {"exports_fob": [None, None, None], "imports_cif": [None, None, None]},
    "Africa": {"exports_fob": [7.0, 8.0, 9.0], "imports_cif": [1.0, 2.0, 3.0]},
}
ROW_ORDER = (
    "Australia",
    "World",
    "Japan",
    "Korea, Rep. of",
    "Russian Federation",
    "United States",
    "Australia",
    "Memorandum Items",
    "Africa",
)


def write_dots_workbook(
    path,
    *,
    reporter="China, P.R.: Mainland",
    unit="US Dollars, Millions",
    years=YEARS,
    header_row=7,
    sheet_names=None,
    titles=None,
    rows=ROW_ORDER,
    cells=None,
    fill_a1=False,
):
    """Write a DOTS-layout workbook to `path` and return `path`.

    Parameters
    ----------
    reporter, unit : str or dict of flow to str
        Text of B4 and B5 (one value for both sheets, or one per flow).
    years : sequence
        The year header cells from C<header_row>.
    header_row : int
        Row of the year header; partner rows follow it.
    sheet_names, titles : dict of flow to str, optional
        Override a sheet's name or its B2 title; a name of None drops the sheet.
    rows : sequence of str
        Partner names in column B, in order, values from `PARTNER_VALUES`.
    cells : dict of (flow, address) to value, optional
        Cells to overwrite last, e.g. ``{("exports_fob", "D9"): "n.a."}``.
    fill_a1 : bool
        Put a note in A1 so that the used range starts at A1, not B2.
    """
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for flow, (default_name, default_title) in SHEETS.items():
        name = (sheet_names or {}).get(flow, default_name)
        if name is None:
            continue
        sheet = book.create_sheet(name)
        sheet["B2"] = (titles or {}).get(flow, default_title)
        sheet["B4"] = reporter[flow] if isinstance(reporter, dict) else reporter
        sheet["B5"] = unit[flow] if isinstance(unit, dict) else unit
        if fill_a1:
            sheet["A1"] = "exported from the IMF data portal"
        for offset, year in enumerate(years):
            sheet.cell(row=header_row, column=3 + offset, value=year)
        for index, partner in enumerate(rows):
            row = header_row + 1 + index
            sheet.cell(row=row, column=2, value=partner)
            values = PARTNER_VALUES.get(partner, {}).get(flow, [])
            for offset, value in enumerate(values):
                sheet.cell(row=row, column=3 + offset, value=value)
        for (cell_flow, address), value in (cells or {}).items():
            if cell_flow == flow:
                sheet[address] = value
    book.save(path)
    return path


@pytest.fixture
def dots_workbook(tmp_path):
    """Return a factory ``(name="DOTS_40_china.xlsx", **options) -> Path`` in tmp_path."""

    def make(name="DOTS_40_china.xlsx", **options):
        return write_dots_workbook(tmp_path / name, **options)

    return make
