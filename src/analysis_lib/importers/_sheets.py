"""Read one worksheet into a grid addressed like Excel (row 1, column 1 = A1).

Both engines hand back the cells differently: python-calamine's ``to_python()``
starts at the first used cell (the sheet's range start), openpyxl starts at A1.
`Sheet` hides that, so every error can name the real Excel cell. python-calamine
also reads Excel error cells (``#N/A``, ``#DIV/0!``) as empty, where openpyxl
gives their text: `error_cells` recovers them so both engines refuse them alike.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from analysis_lib.exceptions import DataFileError, ParameterError, must_be_one_of
from analysis_lib.importers._cells import column_number
from analysis_lib.importers._limits import MAIN_NS, check_workbook, sheet_members, unreadable

ENGINES = ("calamine", "openpyxl")
_ADDRESS = re.compile(r"([A-Z]+)([0-9]+)")


class Sheet:
    """The values of one worksheet, read by Excel row and column numbers.

    Empty cells (``None`` or ``''``) read as ``None``.
    """

    def __init__(
        self,
        name: str,
        rows: list,
        first_row: int = 1,
        first_column: int = 1,
        errors: dict | None = None,
    ):
        self.name = name
        self._errors = errors or {}
        self._rows = rows
        self._first_row = first_row
        self._first_column = first_column
        self.last_row = first_row + len(rows) - 1
        widest = max((len(row) for row in rows), default=0)
        self.last_column = first_column + widest - 1

    def value(self, row: int, column: int):
        """Return the value of the 1-based cell, or ``None`` when it is empty.

        An Excel error cell reads as its text, e.g. ``'#N/A'``.
        """
        if (row, column) in self._errors:
            return self._errors[(row, column)]
        i, j = row - self._first_row, column - self._first_column
        if i < 0 or j < 0 or i >= len(self._rows) or j >= len(self._rows[i]):
            return None
        found = self._rows[i][j]
        return None if found == "" else found

    def is_empty_row(self, row: int) -> bool:
        """Return True when every cell of the 1-based row is empty."""
        if any(found_row == row for found_row, _ in self._errors):
            return False
        i = row - self._first_row
        if i < 0 or i >= len(self._rows):
            return True
        return all(value is None or value == "" for value in self._rows[i])


def read_sheets(path: Path, engine: str, wanted: tuple[str, ...]):
    """Open a workbook and read the wanted sheets that it has.

    Parameters
    ----------
    path : Path
        The .xlsx file.
    engine : {'calamine', 'openpyxl'}
        The reader. calamine is the default: it is several times faster.
    wanted : tuple of str
        Names of the sheets to read; names the workbook lacks are skipped.

    Returns
    -------
    sheet_names : list of str
        Every sheet of the workbook, in workbook order.
    sheets : dict of str to Sheet
        The wanted sheets that exist.

    Raises
    ------
    DataFileError
        The file is missing, truncated or not an .xlsx workbook, or larger in
        any way than an IMF DOTS export can be (see `_limits.check_workbook`).
    ParameterError
        `engine` is not one of `ENGINES`, or openpyxl is not installed.
    """
    if engine not in ENGINES:
        raise must_be_one_of("engine", engine, ENGINES)
    if path.is_dir():
        raise DataFileError(path, "is a folder; expected an IMF DOTS .xlsx workbook")
    if not path.is_file():
        raise DataFileError(path, "file not found; expected an IMF DOTS .xlsx workbook")
    check_workbook(path, wanted)
    reader = _read_calamine if engine == "calamine" else _read_openpyxl
    return reader(path, wanted)


def _read_calamine(path: Path, wanted: tuple[str, ...]):
    from python_calamine import CalamineError, CalamineWorkbook

    sheets = {}
    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        errors = error_cells(path, wanted)
        for name in (n for n in wanted if n in names):
            found = book.get_sheet_by_name(name)
            # to_python() drops the empty rows and columns before the used
            # range: the range start puts them back so cell names are Excel's.
            first_row, first_column = found.start or (0, 0)
            sheets[name] = Sheet(
                name, found.to_python(), first_row + 1, first_column + 1, errors.get(name)
            )
        book.close()
    except (
        CalamineError,
        OSError,
        ValueError,
        KeyError,
        zipfile.BadZipFile,
        ElementTree.ParseError,
    ) as error:
        raise unreadable(path, error) from error
    return names, sheets


def _read_openpyxl(path: Path, wanted: tuple[str, ...]):
    try:
        import openpyxl
    except ImportError as error:
        raise ParameterError(
            "engine 'openpyxl' needs the openpyxl package (a dev dependency); "
            "install it or use engine 'calamine'"
        ) from error

    sheets = {}
    try:
        with path.open("rb") as stream:
            book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
            names = list(book.sheetnames)
            for name in (n for n in wanted if n in names):
                cells = book[name].iter_rows(min_row=1, min_col=1, values_only=True)
                sheets[name] = Sheet(name, [list(row) for row in cells])
            book.close()
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise unreadable(path, error) from error
    return names, sheets


def error_cells(path: Path, wanted: tuple[str, ...]) -> dict[str, dict[tuple[int, int], str]]:
    """Return the Excel error cells of the wanted sheets, read from the workbook's XML.

    Parameters
    ----------
    path : Path
        The .xlsx file.
    wanted : tuple of str
        Sheet names to look at.

    Returns
    -------
    dict
        Sheet name -> ``{(row, column): error text}``, 1-based, for sheets that
        have error cells (an unmodified DOTS export has none).
    """
    found: dict[str, dict[tuple[int, int], str]] = {}
    with zipfile.ZipFile(path) as archive:
        for name, member in sheet_members(archive, wanted)[1].items():
            xml = archive.read(member)
            if b't="e"' not in xml:
                continue
            cells = {}
            for cell in ElementTree.fromstring(xml).iter(f"{MAIN_NS}c"):
                address = _ADDRESS.fullmatch(cell.get("r", ""))
                if cell.get("t") == "e" and address:
                    text = cell.findtext(f"{MAIN_NS}v") or "#ERROR"
                    cells[(int(address[2]), column_number(address[1]))] = text
            found[name] = cells
    return found
