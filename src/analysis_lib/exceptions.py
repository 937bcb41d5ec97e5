"""The package's errors: one base class, each subclass says what went wrong and how to fix it.

The CLI prints ``str(error)`` as a single line and exits non-zero, so every
message names the file, the row or column, and what was expected.
"""

from __future__ import annotations

from pathlib import Path


class AnalysisLibError(Exception):
    """Base class of every error the package raises on purpose."""

    def __init__(self, message: str):
        super().__init__(" ".join(str(message).split()))


class DataFileError(AnalysisLibError):
    """A data file cannot be read, or its content breaks the table's schema."""

    def __init__(
        self,
        path: Path | str,
        problem: str,
        *,
        row: int | None = None,
        column: str | None = None,
    ):
        self.path = str(path)
        self.row = row
        self.column = column
        where = [self.path]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {problem}")


class WorkbookLayoutError(DataFileError):
    """An IMF DOTS workbook is not in the layout the importer reads."""

    def __init__(self, path: Path | str, sheet: str, cell: str, problem: str):
        self.sheet = sheet
        self.cell = cell
        AnalysisLibError.__init__(self, f"{path}, sheet '{sheet}', cell {cell}: {problem}")
        self.path, self.row, self.column = str(path), None, None


class UnknownTableError(AnalysisLibError):
    """A table name that the data package does not describe."""


class ParameterError(AnalysisLibError):
    """A notebook or CLI parameter with a value that is not allowed."""


class ClaimRegistryError(AnalysisLibError):
    """A claim that points at a missing table, metric, column or source."""


class BuildError(AnalysisLibError):
    """A report build step failed; the previous reports are left untouched."""


class SystemDependencyError(AnalysisLibError):
    """A system program the build needs (Chromium, fonts) is missing."""


class TranslationError(AnalysisLibError):
    """A gettext catalog is missing, unreadable, or out of step with the code's messages."""


def must_be_one_of(name: str, value: object, allowed) -> ParameterError:
    """Return the standard error for a value outside a fixed set.

    Parameters
    ----------
    name : str
        Parameter name, as the user wrote it.
    value : object
        The rejected value.
    allowed : iterable
        The accepted values, listed in the message.
    """
    options = ", ".join(repr(a) for a in allowed)
    return ParameterError(f"{name} must be one of {options}; not {value!r}")
