"""Read one worksheet into a grid addressed like Excel (row 1, column 1 = A1).

Both engines hand back the cells differently: python-calamine's ``to_python()``
starts at the first used cell (the sheet's range start), openpyxl starts at A1.
`Sheet` hides that, so every error can name the real Excel cell.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from analysis_lib.exceptions import DataFileError, ParameterError, must_be_one_of

ENGINES = ("calamine", "openpyxl")


def cell_name(row: int, column: int) -> str:
    """Return the Excel address of a 1-based row and column, e.g. ``(7, 2) -> 'B7'``."""
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return f"{letters}{row}"


class Sheet:
    """The values of one worksheet, read by Excel row and column numbers.

    Empty cells (``None`` or ``''``) read as ``None``.
    """

    def __init__(self, name: str, rows: list, first_row: int = 1, first_column: int = 1):
        self.name = name
        self._rows = rows
        self._first_row = first_row
        self._first_column = first_column
        self.last_row = first_row + len(rows) - 1
        widest = max((len(row) for row in rows), default=0)
        self.last_column = first_column + widest - 1

    def value(self, row: int, column: int):
        """Return the value of the 1-based cell, or ``None`` when it is empty."""
        i, j = row - self._first_row, column - self._first_column
        if i < 0 or j < 0 or i >= len(self._rows) or j >= len(self._rows[i]):
            return None
        found = self._rows[i][j]
        return None if found == "" else found


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
        The file is missing, truncated or not an .xlsx workbook.
    ParameterError
        `engine` is not one of `ENGINES`, or openpyxl is not installed.
    """
    if engine not in ENGINES:
        raise must_be_one_of("engine", engine, ENGINES)
    if not path.is_file():
        raise DataFileError(path, "file not found; expected an IMF DOTS .xlsx workbook")
    reader = _read_calamine if engine == "calamine" else _read_openpyxl
    return reader(path, wanted)


def _unreadable(path: Path, error: Exception) -> DataFileError:
    return DataFileError(
        path,
        f"cannot be read as an .xlsx workbook ({type(error).__name__}: {error}); "
        "expected an unmodified IMF DOTS export",
    )


def _read_calamine(path: Path, wanted: tuple[str, ...]):
    from python_calamine import CalamineError, CalamineWorkbook

    sheets = {}
    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        for name in (n for n in wanted if n in names):
            found = book.get_sheet_by_name(name)
            # to_python() drops the empty rows and columns before the used
            # range: the range start puts them back so cell names are Excel's.
            first_row, first_column = found.start or (0, 0)
            sheets[name] = Sheet(name, found.to_python(), first_row + 1, first_column + 1)
        book.close()
    except (CalamineError, OSError, ValueError) as error:
        raise _unreadable(path, error) from error
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
        raise _unreadable(path, error) from error
    return names, sheets
