"""Load a table of the data package as a validated pandas DataFrame.

Normalisations before validation: a UTF-8 byte-order mark at the start of the
file is dropped, CRLF (Windows) line ends read like LF, and blank lines are
skipped (old Mac CR-only line ends read like LF too). A file with only a
header is a valid empty table (tests build such tables on purpose). Nothing
else is forgiven: whitespace around a column name or a code, a value of the
wrong type, or a broken quote is an error.

Row numbers in errors: row N is the line where the record starts, so the
header is row 1 and the first data row is row 2. Dtypes are described in
``analysis_lib.loaders.schema``.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from pathlib import Path

import pandas as pd

from analysis_lib.exceptions import DataFileError
from analysis_lib.loaders import reading
from analysis_lib.loaders.descriptor import (
    field_names,
    get_resource,
    read_descriptor,
    resolve_data_dir,
)
from analysis_lib.loaders.schema import check_field_order, typed_column, validate_table


def load_table(
    name: str, path: Path | str | None = None, *, data_dir: Path | str | None = None
) -> pd.DataFrame:
    """Read and validate one table of the data package.

    Parameters
    ----------
    name : str
        Resource name in ``datapackage.json`` (e.g. ``"customs_totals"``).
    path : path-like, optional
        CSV file to read instead of the resource's own file in the data folder.
    data_dir : path-like, optional
        Data folder whose descriptor gives the schema and whose tables resolve
        foreign keys (``source_id`` -> ``sources``); default
        ``analysis_lib.paths.data_dir()``.

    Returns
    -------
    pandas.DataFrame
        Columns in descriptor order, a fresh RangeIndex.

    Raises
    ------
    UnknownTableError
        ``name`` is not a resource of the descriptor.
    DataFileError
        The file is missing, empty, binary, not UTF-8, badly quoted, has another
        header, or a value breaks the schema or a foreign key; the one-line
        message names the file, the row and/or column, and what was expected.
    """
    folder = resolve_data_dir(data_dir)
    resource = get_resource(name, read_descriptor(folder))
    csv_path = Path(path).resolve() if path is not None else folder / resource["path"]
    frame = _read_validated(csv_path, resource)
    _check_foreign_keys(csv_path, frame, resource, folder)
    return frame.reset_index(drop=True)


def validate_file(
    name: str, path: Path | str, *, data_dir: Path | str | None = None
) -> pd.DataFrame:
    """Validate ``path`` as table ``name``; return the loaded DataFrame.

    Same checks and errors as :func:`load_table`.
    """
    return load_table(name, path, data_dir=data_dir)


# Validated tables by (file, schema, exact text): a notebook or the audit loads the
# same small tables dozens of times, and validation costs far more than reading.
# Keyed by content rather than mtime, so a file rewritten within one timestamp
# tick is never served stale; large files are not kept.
_VALIDATED: OrderedDict[tuple[str, str, str], pd.DataFrame] = OrderedDict()
CACHE_ENTRIES = 32
CACHE_MAX_CHARS = 4_000_000


def clear_cache() -> None:
    """Forget the validated tables kept by :func:`load_table` in this process."""
    _VALIDATED.clear()


def _read_validated(path: Path, resource: dict) -> pd.DataFrame:
    expected = field_names(resource)
    text = reading.read_text(path, expected)
    if len(text) > CACHE_MAX_CHARS:
        return _parse_validated(path, resource, expected, text)
    key = (str(path), json.dumps(resource, sort_keys=True), text)
    cached = _VALIDATED.get(key)
    if cached is None:
        cached = _parse_validated(path, resource, expected, text)
        _VALIDATED[key] = cached
        while len(_VALIDATED) > CACHE_ENTRIES:
            _VALIDATED.popitem(last=False)
    else:
        _VALIDATED.move_to_end(key)
    return cached.copy()


def _parse_validated(path: Path, resource: dict, expected: list[str], text: str) -> pd.DataFrame:
    reading.check_width(path, text, expected)
    header, rows, cells = reading.parse_columns(path, text)
    reading.check_header(path, header, expected)
    # One index shared by every column, so building the frame needs no alignment.
    index = pd.Index(rows, name="row")
    columns = {
        field["name"]: typed_column(path, field, cells[i], index)
        for i, field in enumerate(resource["schema"]["fields"])
    }
    del cells
    frame = pd.DataFrame(columns, index=index)
    validate_table(path, frame, resource)
    check_field_order(path, frame, resource)
    return frame


def _check_foreign_keys(path: Path, frame: pd.DataFrame, resource: dict, folder: Path) -> None:
    for foreign in resource["schema"].get("foreignKeys", []):
        fields = foreign["fields"]
        column = fields if isinstance(fields, str) else fields[0]
        reference = foreign["reference"]
        target = reference.get("resource") or resource["name"]
        target_field = reference["fields"]
        target_field = target_field if isinstance(target_field, str) else target_field[0]
        if target == resource["name"]:
            known = set(frame[target_field].dropna())
            target_path = path
        else:
            target_resource = get_resource(target, read_descriptor(folder))
            target_path = folder / target_resource["path"]
            known = set(_read_validated(target_path, target_resource)[target_field].dropna())
        values = frame[column]
        unknown = values.notna() & ~values.isin(known)
        if unknown.any():
            row = int(unknown.idxmax())
            raise DataFileError(
                path,
                f"{values[row]!r} is not a {target_field} of {target_path}; "
                f"expected one of the {len(known)} ids there",
                row=row,
                column=column,
            )


def _loader(name: str):
    def load(path: Path | str | None = None, *, data_dir: Path | str | None = None):
        return load_table(name, path, data_dir=data_dir)

    load.__name__ = f"load_{name}"
    load.__qualname__ = load.__name__
    load.__doc__ = f"""Load the validated ``{name}`` table.

    Parameters
    ----------
    path : path-like, optional
        CSV file to read instead of ``{name}.csv`` of the data folder.
    data_dir : path-like, optional
        Data folder; default ``analysis_lib.paths.data_dir()``.

    Returns
    -------
    pandas.DataFrame
        See :func:`load_table`.
    """
    return load


load_sources = _loader("sources")
load_dots_trade = _loader("dots_trade")
load_customs_totals = _loader("customs_totals")
load_heilongjiang_trade = _loader("heilongjiang_trade")
load_trade_structure = _loader("trade_structure")
load_timeline = _loader("timeline")
load_programme_budgets = _loader("programme_budgets")
