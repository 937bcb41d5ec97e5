"""Hostile IMF DOTS workbooks, generated in a temporary folder (none is committed).

`write_workbook` writes the smallest workbook in the real export layout (see
``analysis_lib.importers.dots``); each case breaks one thing, then
`WORKBOOK_CASES` says what the importer must answer.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

SHEETS = {
    "exports_fob": ("Exports, FOB", "Exports, FOB to Partner Countries"),
    "imports_cif": ("Imports, CIF", "Imports, CIF from Partner Countries"),
}
YEARS = ("2013", "2014")
# Partner rows from row 8 (World in B8, Russia in B9, Japan in B10), values in C:D.
PARTNERS = {
    "World": (2209.0, 2342.3),
    "Russian Federation": (49.6, 53.7),
    "Japan": (150.2, 149.4),
}


def write_workbook(
    path: Path,
    *,
    reporter="China, P.R.: Mainland",
    unit="US Dollars, Millions",
    years=YEARS,
    header_row=7,
    sheet_names=None,
    partners=tuple(PARTNERS),
    cells=None,
) -> Path:
    """Write a two-sheet DOTS-layout workbook; ``cells`` overwrite ``(flow, address)``."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for flow, (name, title) in SHEETS.items():
        sheet = book.create_sheet((sheet_names or {}).get(flow, name))
        sheet["B2"] = title
        sheet["B4"] = reporter[flow] if isinstance(reporter, dict) else reporter
        sheet["B5"] = unit
        for offset, year in enumerate(years):
            sheet.cell(row=header_row, column=3 + offset, value=year)
        for index, partner in enumerate(partners):
            row = header_row + 1 + index
            sheet.cell(row=row, column=2, value=partner)
            for offset, value in enumerate(PARTNERS.get(partner, ())):
                sheet.cell(row=row, column=3 + offset, value=value)
        for (cell_flow, address), value in (cells or {}).items():
            if cell_flow == flow:
                sheet[address] = value
    book.save(path)
    return path


def replace_in_first_sheet(path: Path, old: bytes, new: bytes) -> Path:
    """Rewrite the first sheet's XML in place: for cells openpyxl cannot write (NaN)."""
    original = path.read_bytes()
    temporary = path.with_suffix(".tmp")
    temporary.write_bytes(original)
    with zipfile.ZipFile(temporary) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert old in data
                data = data.replace(old, new)
            target.writestr(item, data)
    temporary.unlink()
    return path


def _nan_cell(path: Path) -> Path:
    write_workbook(path)
    return replace_in_first_sheet(path, b"<v>49.6</v>", b"<v>NaN</v>")


def _truncated(path: Path) -> Path:
    write_workbook(path)
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])
    return path


def _zip_without_workbook(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return path


def _bytes(content: bytes):
    def make(path: Path) -> Path:
        path.write_bytes(content)
        return path

    return make


def _layout(**options):
    def make(path: Path) -> Path:
        return write_workbook(path, **options)

    return make


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


@dataclass(frozen=True)
class WorkbookCase:
    """A hostile workbook: how to make it, and the message fragments each engine must give.

    ``where`` is the location the message must name (``sheet '...', cell X9``),
    empty when the file as a whole is refused; ``expect_by_engine`` overrides
    both for one engine.
    """

    case_id: str
    make: object
    expect: str
    where: str = ""
    expect_by_engine: dict = field(default_factory=dict)

    def expected(self, engine: str) -> tuple[str, str]:
        """Return ``(message fragment, location)`` for one engine."""
        return self.expect_by_engine.get(engine, (self.expect, self.where))


UNREADABLE = "cannot be read as an .xlsx workbook"
EXPORTS = "sheet 'Exports, FOB'"
VALUE_RANGE = "values must be from 0 to 100000000 US dollars, millions; not "

WORKBOOK_CASES = [
    WorkbookCase("missing file", lambda path: path, "file not found; expected an IMF DOTS"),
    WorkbookCase("a folder", _folder, "is a folder; expected an IMF DOTS .xlsx workbook"),
    WorkbookCase("empty file", _bytes(b""), UNREADABLE),
    WorkbookCase("truncated workbook", _truncated, UNREADABLE),
    WorkbookCase("CSV renamed .xlsx", _bytes(b"reporter,partner\nCN,RU\n"), UNREADABLE),
    WorkbookCase("zip without a workbook", _zip_without_workbook, UNREADABLE),
    WorkbookCase(
        "sheet renamed",
        _layout(sheet_names={"imports_cif": "Imports CIF"}),
        "sheet is missing; expected a sheet named 'Imports, CIF'",
        "sheet 'Imports, CIF', cell B2",
    ),
    WorkbookCase(
        "header row moved down",
        _layout(header_row=8),
        "the year header row must be row 7 with the first year in C7; not an empty cell",
        f"{EXPORTS}, cell C7",
    ),
    WorkbookCase(
        "header row moved up",
        _layout(header_row=6),
        "the year header row must be row 7 with an empty cell above the partner names; "
        "not 'World'",
        f"{EXPORTS}, cell B7",
    ),
    WorkbookCase(
        "unknown reporter",
        _layout(reporter="Atlantis"),
        "the reporter must be one of 'China, P.R.: Mainland'",
        f"{EXPORTS}, cell B4",
    ),
    WorkbookCase(
        "reporters differ between sheets",
        _layout(reporter={"exports_fob": "Japan", "imports_cif": "United States"}),
        "the reporter must be 'Japan' as on the first sheet; not 'United States'",
        "sheet 'Imports, CIF', cell B4",
    ),
    WorkbookCase(
        "unit in billions",
        _layout(unit="US Dollars, Billions"),
        "the unit must be 'US Dollars, Millions'; not 'US Dollars, Billions'",
        f"{EXPORTS}, cell B5",
    ),
    WorkbookCase(
        "year 20014",
        _layout(years=("2013", "20014")),
        "the year header must hold whole-number years from 1900 to 2100; not '20014'",
        f"{EXPORTS}, cell D7",
    ),
    WorkbookCase(
        "years out of order",
        _layout(years=("2014", "2013")),
        "years must increase from left to right; not 2013 after 2014",
        f"{EXPORTS}, cell D7",
    ),
    WorkbookCase(
        "NaN cell",
        _nan_cell,
        "values must be numbers in US dollars, millions, or empty; not nan",
        f"{EXPORTS}, cell C9",
        # openpyxl cannot parse the cell at all: the whole file is refused.
        {"openpyxl": (UNREADABLE, "")},
    ),
    WorkbookCase(
        "Excel error cell #N/A",
        _layout(cells={("exports_fob", "C9"): "#N/A"}),
        "values must be numbers in US dollars, millions, or empty; not '#N/A'",
        f"{EXPORTS}, cell C9",
    ),
    WorkbookCase(
        "text in a value cell",
        _layout(cells={("exports_fob", "D9"): "n.a."}),
        "values must be numbers in US dollars, millions, or empty; not 'n.a.'",
        f"{EXPORTS}, cell D9",
    ),
    WorkbookCase(
        "negative value",
        _layout(cells={("exports_fob", "C9"): -49.6}),
        VALUE_RANGE + "-49.6",
        f"{EXPORTS}, cell C9",
    ),
    WorkbookCase(
        "absurd value 1e15",
        _layout(cells={("exports_fob", "D8"): 1e15}),
        VALUE_RANGE + "1",
        f"{EXPORTS}, cell D8",
    ),
    WorkbookCase(
        "World row missing",
        _layout(partners=("Russian Federation", "Japan")),
        "partner names must stand in column B from row 8, including 'World'; not found",
        f"{EXPORTS}, cell B8",
    ),
    WorkbookCase(
        "partner listed twice",
        _layout(partners=("World", "Russian Federation", "Russian Federation")),
        "partner 'Russian Federation' must have one row; not a second one after row 9",
        f"{EXPORTS}, cell B10",
    ),
    WorkbookCase(
        "value right of the last year",
        _layout(cells={("exports_fob", "F9"): 12.0}),
        "partner values must stand under a year of the header row; not right of D7",
        f"{EXPORTS}, cell F9",
    ),
    WorkbookCase(
        "kept partner written in capitals",
        _layout(partners=("World", "RUSSIAN FEDERATION", "Japan")),
        "partner names must be written as in the IMF DOTS exports, 'Russian Federation'; "
        "not 'RUSSIAN FEDERATION' (its values would be left out)",
        f"{EXPORTS}, cell B9",
    ),
    WorkbookCase(
        "kept partner below the table",
        _layout(partners=("World", "Russian Federation", None, "Japan")),
        "partner 'Japan' must stand in the table of partners, rows 8 to 9; not below the "
        "empty row 10",
        f"{EXPORTS}, cell B11",
    ),
]


def _junk_rows(count: int):
    """Append ``count`` rows named 'junk row' right after the table, as a hostile export would."""

    def make(path: Path) -> Path:
        write_workbook(path)
        last = 10 + count
        rows = "".join(
            f'<row r="{row}"><c r="B{row}" t="inlineStr"><is><t>junk row</t></is></c>'
            f'<c r="C{row}" t="n"><v>1.5</v></c></row>'
            for row in range(11, last + 1)
        )
        replace_in_first_sheet(path, b"</sheetData>", rows.encode() + b"</sheetData>")
        return replace_in_first_sheet(path, b'ref="B2:D10"', f'ref="B2:D{last}"'.encode())

    return make


@dataclass(frozen=True)
class OutsideCase:
    """Rows outside the DOTS layout that hold no kept value: skipped with these warnings.

    Each warning follows ``"<path>, "``; a layout given through ``partners`` breaks
    both sheets alike, so both warn.
    """

    case_id: str
    make: object
    warnings: tuple[str, ...]


IMPORTS = "sheet 'Imports, CIF'"


OUTSIDE_CASES = [
    OutsideCase(
        "rows below the table",
        _layout(partners=("World", "Russian Federation", "Japan", None, "junk", "notes")),
        tuple(
            f"{sheet}: not read, 2 rows below the table, which ends at the empty row 11: 12, 13"
            for sheet in (EXPORTS, IMPORTS)
        ),
    ),
    OutsideCase(
        "unknown partner name",
        _layout(partners=("World", "Atlantis", "Russian Federation", "Japan")),
        tuple(
            f"{sheet}: not read, 1 row whose partner name no IMF DOTS export uses: 9 ('Atlantis')"
            for sheet in (EXPORTS, IMPORTS)
        ),
    ),
    OutsideCase(
        "values without a partner name",
        _layout(cells={("exports_fob", "C11"): 5.0}),
        (f"{EXPORTS}: not read, 1 row whose partner name no IMF DOTS export uses: 11 (no name)",),
    ),
    OutsideCase(
        "2,000 junk rows after the table",
        _junk_rows(2000),
        (
            f"{EXPORTS}: not read, 2,000 rows whose partner name no IMF DOTS export uses: "
            "11 ('junk row'), 12 ('junk row'), 13 ('junk row'), 14 ('junk row'), "
            "15 ('junk row') and 1,995 more",
        ),
    ),
]
