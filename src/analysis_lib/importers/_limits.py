"""Refuse a workbook that could exhaust memory or time, before any reader parses it.

An .xlsx file is a zip archive: a few megabytes on disk can unpack to gigabytes,
and a sheet of two cells, A1 and XFD1048576, makes python-calamine allocate a
grid of 17 billion cells (the process aborts). `check_workbook` reads the zip
directory, the two small parts that name the sheets, and streams the XML of the
wanted sheets once in chunks, so its own memory stays a few megabytes whatever
the file holds. Each limit is far above the largest of the five real IMF DOTS
exports (measured: 249 KB on disk, 11 parts unpacking to 1.3 MB, compression
9.5:1 at most, 2 sheets, 248 rows, 63 columns; see docs/hostile-input.md).

The sheet scan also refuses what makes the two engines read different values:
a row or cell number that repeats or goes backwards (calamine keeps the last
copy, openpyxl the first) and a cell outside the sheet's declared
``<dimension>`` (openpyxl leaves it out, calamine reads it).
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from analysis_lib.exceptions import DataFileError, WorkbookLayoutError
from analysis_lib.importers._cells import cell_name, column_number

MB = 1_000_000
MAX_FILE_BYTES = 20 * MB
MAX_PARTS = 64
MAX_DIRECTORY_BYTES = 1 * MB
MAX_UNPACKED_BYTES = 100 * MB
MAX_OTHER_PART_BYTES = 4 * MB
MAX_RATIO = 100
RATIO_CHECKED_FROM_BYTES = 1 * MB
MAX_SHEETS = 8
MAX_ROWS = 2_500
# Column B and then every year of dots.YEAR_RANGE (1900-2100) fit in 256 columns.
MAX_COLUMNS = 256
MAX_TAG_BYTES = 1 * MB
WORKBOOK_PART = "xl/workbook.xml"
RELATIONS_PART = "xl/_rels/workbook.xml.rels"
MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

_END_OF_DIRECTORY = b"PK\x05\x06"
_END_RECORD = struct.Struct("<4s4H2LH")
_CHUNK_BYTES = 1 << 20
_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
_ATTRIBUTES = rb"(?:[^>\"']|\"[^\"]*\"|'[^']*')*"
# A cell whose first attribute is its reference (every cell of the IMF exports) gives
# (letters, digits, b"", b""); any other row, cell or dimension tag gives
# (b"", b"", kind, attributes).
_TAG = re.compile(
    rb"<" + _PREFIX + rb"c\s+r=\"([A-Z]{1,3})([1-9][0-9]{0,6})\"" + _ATTRIBUTES + rb">"
    rb"|<" + _PREFIX + rb"(row|c|dimension)(?=[\s/>])(" + _ATTRIBUTES + rb")>"
)
_R = re.compile(rb"(?:^|\s)" + _PREFIX + rb"r\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REF = re.compile(rb"(?:^|\s)" + _PREFIX + rb"ref\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_CELL = re.compile(r"\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})")
_COLUMNS = {cell_name(1, number)[:-1].encode(): number for number in range(1, MAX_COLUMNS + 1)}
_LIMITS = f"an IMF DOTS sheet has at most {MAX_ROWS:,} rows and {MAX_COLUMNS} columns"


def unreadable(path: Path, error: Exception) -> DataFileError:
    """Return the error for a file that is not a readable .xlsx workbook."""
    return DataFileError(
        path,
        f"cannot be read as an .xlsx workbook ({type(error).__name__}: {error}); "
        "expected an unmodified IMF DOTS export",
    )


def check_workbook(path: Path, wanted: tuple[str, ...]) -> None:
    """Refuse a workbook larger in any way than an IMF DOTS export can be.

    Parameters
    ----------
    path : Path
        An existing file.
    wanted : tuple of str
        The sheets the importer reads; their XML is scanned.

    Raises
    ------
    DataFileError
        The file, its zip directory, its parts or its sheet count exceed a limit
        of this module, or it is not a zip archive: one line naming the file
        and the limit.
    WorkbookLayoutError
        A wanted sheet has a cell beyond the row or column limit, a row or cell
        number that repeats or goes backwards, or a cell outside its declared
        dimension: one line naming the sheet and the cell.
    """
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DataFileError(
            path,
            f"the file is {_mb(size)}; expected an IMF DOTS workbook of at most "
            f"{_mb(MAX_FILE_BYTES)}",
        )
    _check_directory(path, size)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_parts(path, archive)
            members = _wanted_members(path, archive, wanted)
            for part in archive.infolist():
                if part.filename not in members.values():
                    _check_small_part(path, part)
            for name, member in members.items():
                with archive.open(member) as stream:
                    _scan_sheet(path, name, stream)
    except (zipfile.BadZipFile, NotImplementedError, EOFError, ElementTree.ParseError) as error:
        raise unreadable(path, error) from error


def sheet_members(archive: zipfile.ZipFile, wanted: tuple[str, ...]):
    """Return every sheet name in workbook order, and the zip part of each wanted sheet.

    Raises ``KeyError`` when the workbook parts are missing and
    ``ElementTree.ParseError`` when they are not XML.
    """
    book = ElementTree.fromstring(archive.read(WORKBOOK_PART))
    relations = ElementTree.fromstring(archive.read(RELATIONS_PART))
    targets = {item.get("Id"): item.get("Target", "") for item in relations}
    names, members = [], {}
    for sheet in book.iter(f"{MAIN_NS}sheet"):
        names.append(sheet.get("name"))
        if sheet.get("name") in wanted:
            target = targets.get(sheet.get(f"{REL_NS}id"), "")
            member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            members[sheet.get("name")] = posixpath.normpath(member)
    return names, members


def _mb(size: int) -> str:
    return f"{size / MB:,.1f} MB".replace(".0 MB", " MB")


def _check_directory(path: Path, size: int) -> None:
    """Refuse too many parts before `zipfile` builds an object for each of them."""
    with path.open("rb") as stream:
        stream.seek(max(0, size - _END_RECORD.size - 0xFFFF))
        tail = stream.read()
    found = tail.rfind(_END_OF_DIRECTORY)
    if found < 0 or found + _END_RECORD.size > len(tail):
        return  # not a zip archive: zipfile names the problem
    record = _END_RECORD.unpack_from(tail, found)
    _check_part_count(path, record[4])
    if record[5] > MAX_DIRECTORY_BYTES:
        raise DataFileError(
            path,
            f"the zip directory is {_mb(record[5])}; expected at most "
            f"{_mb(MAX_DIRECTORY_BYTES)} for an IMF DOTS workbook",
        )


def _check_part_count(path: Path, count: int) -> None:
    if count > MAX_PARTS:
        raise DataFileError(
            path,
            f"the zip archive has {count:,} parts; expected at most {MAX_PARTS} "
            "for an IMF DOTS workbook",
        )


def _check_parts(path: Path, archive: zipfile.ZipFile) -> None:
    parts = archive.infolist()
    _check_part_count(path, len(parts))
    seen = set()
    for part in parts:
        if part.filename in seen:
            raise DataFileError(
                path,
                f"the zip archive has two parts named '{part.filename}'; expected one "
                "(readers would disagree on which one counts)",
            )
        seen.add(part.filename)
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise DataFileError(
            path,
            f"its parts unpack to {_mb(unpacked)}; expected at most "
            f"{_mb(MAX_UNPACKED_BYTES)} for an IMF DOTS workbook",
        )
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size >= RATIO_CHECKED_FROM_BYTES and ratio > MAX_RATIO:
            raise DataFileError(
                path,
                f"part '{part.filename}' unpacks to {ratio:,.0f} times its compressed size; "
                f"expected at most {MAX_RATIO} times for an IMF DOTS workbook",
            )


def _check_small_part(path: Path, part: zipfile.ZipInfo) -> None:
    if part.file_size > MAX_OTHER_PART_BYTES:
        raise DataFileError(
            path,
            f"part '{part.filename}' unpacks to {_mb(part.file_size)}; expected at most "
            f"{_mb(MAX_OTHER_PART_BYTES)} for a part other than the sheets read",
        )


def _wanted_members(path: Path, archive: zipfile.ZipFile, wanted: tuple[str, ...]):
    names = set(archive.namelist())
    if WORKBOOK_PART not in names or RELATIONS_PART not in names:
        return {}  # not a workbook: the readers name the problem
    _check_small_part(path, archive.getinfo(WORKBOOK_PART))
    _check_small_part(path, archive.getinfo(RELATIONS_PART))
    sheet_names, members = sheet_members(archive, wanted)
    if len(sheet_names) > MAX_SHEETS:
        raise DataFileError(
            path,
            f"the workbook has {len(sheet_names):,} sheets; expected at most "
            f"{MAX_SHEETS} for an IMF DOTS workbook",
        )
    for name, member in members.items():
        if member not in names:
            raise DataFileError(
                path,
                f"sheet '{name}' points to part '{member}', which the zip archive lacks; "
                "expected an unmodified IMF DOTS export",
            )
    return members


class _SheetScan:
    """Follow the row and cell numbers of a sheet's XML; refuse at the first excess."""

    def __init__(self, path: Path, sheet: str):
        self.path, self.sheet = path, sheet
        self.row = self.column = 0
        self.declared: str | None = None
        self.box = (1, 1, MAX_ROWS, MAX_COLUMNS)  # first row, first column, last row, last

    def refuse(self, cell: str, problem: str):
        raise WorkbookLayoutError(self.path, self.sheet, cell, problem)

    def feed(self, xml: bytes) -> None:
        for letters, digits, kind, attributes in _TAG.findall(xml):
            if letters:
                self._cell_at(int(digits), _COLUMNS.get(letters) or _column(letters))
            elif kind == b"c":
                self._cell(_attribute(_R, attributes))
            elif kind == b"row":
                self._row(_attribute(_R, attributes))
            else:
                self._dimension(_attribute(_REF, attributes) or b"")

    def _row(self, text: bytes | None) -> None:
        number = self.row + 1 if text is None else _whole_number(text)
        if number is None:
            self.refuse(
                f"A{self.row + 1}", f"a row number must be a whole number; not {_shown(text)}"
            )
        if number <= self.row:
            self.refuse(
                f"A{number}",
                f"row numbers must increase down the sheet; not row {number} again after "
                f"row {self.row} (calamine and openpyxl would read different copies)",
            )
        if number > MAX_ROWS:
            self.refuse(f"A{number}", f"{_LIMITS}; not a row {number:,}")
        self.row, self.column = number, 0

    def _cell(self, text: bytes | None) -> None:
        if text is None:
            row, column = self.row, self.column + 1
        else:
            found = _CELL.fullmatch(text.decode("ascii", "replace"))
            if found is None:
                self.refuse(
                    cell_name(max(self.row, 1), self.column + 1),
                    f"a cell reference must be like 'C9'; not {_shown(text)}",
                )
            row, column = int(found[2]), column_number(found[1])
        self._cell_at(row, column)

    def _cell_at(self, row: int, column: int) -> None:
        if row != self.row:
            name = cell_name(row, column)
            self.refuse(name, f"cell {name} must stand in row {row}; not in row {self.row}")
        if column <= self.column:
            name = cell_name(row, column)
            self.refuse(
                name,
                f"cells must go left to right; not {name} after "
                f"{cell_name(row, self.column)} (calamine and openpyxl would read "
                "different copies)",
            )
        first_row, first_column, last_row, last_column = self.box
        if not (first_row <= row <= last_row and first_column <= column <= last_column):
            self._outside(cell_name(row, column))
        self.column = column

    def _outside(self, name: str) -> None:
        if self.declared is None:
            self.refuse(name, f"{_LIMITS}; not a cell {name}")
        self.refuse(
            name,
            f"cells must lie inside the sheet's declared dimension {self.declared}; not "
            f"{name} (openpyxl would leave it out, calamine would read it)",
        )

    def _dimension(self, text: bytes) -> None:
        declared = text.decode("ascii", "replace")
        first, _, last = declared.partition(":")
        found = [_CELL.fullmatch(corner) for corner in (first, last or first)]
        if None in found:
            self.refuse("A1", f"the sheet's dimension must be like 'A1:AT245'; not {declared!r}")
        (row, column), (last_row, last_column) = (
            (int(match[2]), column_number(match[1])) for match in found
        )
        if last_row > MAX_ROWS or last_column > MAX_COLUMNS:
            self.refuse(cell_name(last_row, last_column), f"{_LIMITS}; not a dimension {declared}")
        if self.row:
            self.refuse(
                f"A{self.row}",
                f"the sheet's dimension {declared} must come before its rows; not after row "
                f"{self.row}",
            )
        self.declared, self.box = declared, (row, column, last_row, last_column)


def _attribute(pattern: re.Pattern, attributes: bytes) -> bytes | None:
    found = pattern.search(attributes)
    return None if found is None else (found[1] if found[1] is not None else found[2])


def _column(letters: bytes) -> int:
    return column_number(letters.decode("ascii"))


def _shown(text: bytes) -> str:
    return repr(text[:40].decode("utf-8", "replace"))


def _whole_number(text: bytes) -> int | None:
    return int(text) if text.isdigit() and len(text) <= 7 else None


def _scan_sheet(path: Path, sheet: str, stream) -> None:
    """Scan one sheet's XML in chunks, matching only complete tags."""
    scan = _SheetScan(path, sheet)
    pending = b""
    while chunk := stream.read(_CHUNK_BYTES):
        pending += chunk
        cut = pending.rfind(b"<")
        cut = len(pending) if cut < 0 else cut
        scan.feed(pending[:cut])
        pending = pending[cut:]
        if len(pending) > MAX_TAG_BYTES:
            scan.refuse(
                f"A{max(scan.row, 1)}",
                f"the sheet's XML has a tag or text longer than {_mb(MAX_TAG_BYTES)}; "
                "expected the short cells of an IMF DOTS export",
            )
    scan.feed(pending)
