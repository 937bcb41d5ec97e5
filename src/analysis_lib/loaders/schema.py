"""Turn a descriptor resource into typed columns and a pandera schema, and pandera's
errors back into one-line ``DataFileError`` messages.

Column dtypes after loading (the same for every table):

- ``string`` -> pandas ``"string"`` dtype, missing = ``<NA>``;
- ``integer`` -> ``"Int64"`` (nullable), missing = ``<NA>``;
- ``number`` -> ``float64``, missing = ``NaN``;
- ``boolean`` -> ``"boolean"`` (nullable); accepted text: true/false, True/False,
  TRUE/FALSE, 1/0;
- ``date`` -> ISO 8601 text ``YYYY-MM-DD`` in a ``"string"`` column, checked to be a
  real calendar date (strings keep partial dates and sort correctly).

An empty cell is a missing value. Two custom field properties of the
descriptor add checks that Table Schema has no constraint for:

- ``"partialDate": true`` on a string field: the value is an ISO date at year,
  month or day precision (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) that exists in
  the calendar, so ``2014-02-30`` and ``2014-13`` fail;
- ``"notBefore": "other_field"``: in each row the value must not be smaller
  than ``other_field``'s (partial dates compare at the coarser precision of the
  two, so an end year ``2014`` is not before a start ``2014-05-01``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from analysis_lib.exceptions import DataFileError

INTEGER = re.compile(r"[+-]?[0-9]+")
NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
NUMBER_CHARACTERS = re.compile(r"[0-9.eE+-]*")
PARTIAL_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")
# pandera's lazy validation collects every failure: over a million bad cells it takes
# minutes and gigabytes. Larger tables are checked in blocks of this many rows, the
# keys once over the whole table (every table of the data package is one block).
BLOCK_ROWS = 100_000
ROWS_LISTED = 10

DTYPES = {
    "string": pd.StringDtype(),
    "date": pd.StringDtype(),
    "integer": pd.Int64Dtype(),
    "number": "float64",
    "boolean": pd.BooleanDtype(),
}
EXPECTED_TEXT = {
    "integer": "an integer",
    "number": "a number",
    "date": "a date YYYY-MM-DD",
    "boolean": "true or false",
}


def _is_partial_date(text: str) -> bool:
    if PARTIAL_DATE.fullmatch(text) is None:
        return False
    year, month, day = [*text.split("-"), "01", "01"][:3]
    return _is_date(f"{year}-{month}-{day}")


def _is_date(text: str) -> bool:
    if not DATE.fullmatch(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _convert_cell(text: str, type_: str):
    """Return the typed value of one non-empty cell, or raise ValueError."""
    if type_ == "integer" and INTEGER.fullmatch(text):
        return int(text)
    if type_ == "number" and NUMBER.fullmatch(text):
        return float(text)
    if type_ == "boolean" and text in TRUE_VALUES + FALSE_VALUES:
        return text in TRUE_VALUES
    if type_ == "date" and _is_date(text):
        return text
    raise ValueError(text)


def typed_column(
    path: Path, field: dict, cells: Sequence[str], rows: Sequence[int] | pd.Index
) -> pd.Series:
    """Convert one column of text cells to the field's dtype.

    ``rows`` are the cells' file rows; a ``pandas.Index`` is used as the index
    as it is (so columns of one table can share it). Raises ``DataFileError`` at
    the first cell that is not of the field's type.
    """
    type_ = field["type"]
    index = rows if isinstance(rows, pd.Index) else pd.Index(rows, name="row")
    converted = _convert_whole(cells, type_)
    if converted is not None:
        return pd.Series(converted, index=index, name=field["name"])
    values = []
    for row, cell in zip(rows, cells, strict=True):
        if cell == "":
            values.append(None)
            continue
        try:
            values.append(_convert_cell(cell, type_))
        except ValueError:
            raise DataFileError(
                path,
                f"must be {EXPECTED_TEXT[type_]}; not {cell!r}",
                row=row,
                column=field["name"],
            ) from None
    if type_ == "number":
        values = [float("nan") if v is None else v for v in values]
    return pd.Series(values, index=index, dtype=DTYPES[type_], name=field["name"])


def _convert_whole(cells: Sequence[str], type_: str):
    """Return the column as an array of the field's dtype, or ``None`` if a cell is bad.

    Accepts exactly what ``_convert_cell`` accepts; the per-cell loop in
    ``typed_column`` runs only to find and name the first bad cell.
    """
    import numpy as np

    texts = np.asarray(cells, dtype=object)
    try:
        if type_ == "number":
            return _numbers(texts)
        # Codes, years, flags and dates repeat: convert each distinct text once
        # (and repeated strings share one object, whose hash Python then keeps).
        codes, distinct = pd.factorize(texts)
        values = distinct.tolist()
        empty = values.index("") if "" in values else None
        if empty is not None:
            del values[empty]
        if type_ == "integer":
            if not all(map(INTEGER.fullmatch, values)):
                return None
            values = list(map(int, values))
        elif type_ != "string":
            values = [_convert_cell(text, type_) for text in values]
        if empty is not None:
            values.insert(empty, None)
        return pd.array(values, dtype=DTYPES[type_]).take(codes)
    except (ValueError, TypeError, OverflowError):
        return None


def _numbers(texts):
    import numpy as np

    filled = texts != ""
    present = texts[filled].tolist()
    # Made only of these characters, a text is a NUMBER exactly when float() reads it
    # (float's extras: whitespace, inf/nan, '_' and non-ASCII digits, are outside the
    # set), so one scan of the joined text replaces a regex per cell.
    if NUMBER_CHARACTERS.fullmatch("".join(present)) is None:
        return None
    numbers = np.full(len(texts), np.nan, dtype="float64")
    numbers[filled] = np.fromiter(map(float, present), dtype="float64", count=len(present))
    return numbers


def _field_checks(field: dict) -> list[pa.Check]:
    constraints = field.get("constraints", {})
    checks = []
    if "minimum" in constraints:
        low = constraints["minimum"]
        checks.append(pa.Check.ge(low, error=f"must be >= {low}"))
    if "maximum" in constraints:
        high = constraints["maximum"]
        checks.append(pa.Check.le(high, error=f"must be <= {high}"))
    if "enum" in constraints:
        allowed = constraints["enum"]
        options = ", ".join(repr(v) for v in allowed)
        checks.append(pa.Check.isin(allowed, error=f"must be one of {options}"))
    if "pattern" in constraints:
        pattern = constraints["pattern"]
        # Frictionless patterns match the whole value; re.match only anchors the start.
        checks.append(
            pa.Check.str_matches(rf"(?:{pattern})\Z", error=f"must match the pattern {pattern}")
        )
    if field.get("partialDate"):
        checks.append(
            pa.Check(
                _is_partial_date,
                element_wise=True,
                error="must be a real calendar date YYYY, YYYY-MM or YYYY-MM-DD",
            )
        )
    return checks


def check_field_order(path: Path, frame: pd.DataFrame, resource: dict) -> None:
    """Raise ``DataFileError`` at the first row where a ``notBefore`` field comes too early.

    Parameters
    ----------
    path : Path
        The file, for the message.
    frame : pandas.DataFrame
        The validated table, indexed by file row.
    resource : dict
        Its descriptor resource; fields with ``"notBefore": "other"`` are checked.
    """
    for field in resource["schema"]["fields"]:
        other = field.get("notBefore")
        if other is None:
            continue
        name = field["name"]
        for row, later, earlier in zip(frame.index, frame[name], frame[other], strict=True):
            if pd.isna(later) or pd.isna(earlier):
                continue
            if isinstance(later, str):
                # ISO text at different precisions: compare the common prefix.
                width = min(len(later), len(earlier))
                later, earlier = later[:width], earlier[:width]
            if later < earlier:
                raise DataFileError(
                    path,
                    f"must not be before {other} {_plain(frame.at[row, other])!r}; "
                    f"not {_plain(frame.at[row, name])!r}",
                    row=int(row),
                    column=name,
                )


def build_schema(resource: dict, *, uniqueness: bool = True) -> pa.DataFrameSchema:
    """Return the pandera schema of a descriptor resource.

    Columns, dtypes, ``required`` (not nullable), ``unique``, ``minimum``,
    ``maximum``, ``enum`` and ``pattern`` come from ``schema.fields``; the
    ``primaryKey`` becomes a multi-column uniqueness check. Foreign keys are
    checked by the loader, which can see the other tables.

    Parameters
    ----------
    resource : dict
        The descriptor resource.
    uniqueness : bool, default True
        False leaves out ``unique`` and the primary key (for checking a table
        in blocks of rows; see `validate_table`).
    """
    from analysis_lib.loaders.descriptor import primary_key

    columns = {}
    for field in resource["schema"]["fields"]:
        constraints = field.get("constraints", {})
        columns[field["name"]] = pa.Column(
            DTYPES[field["type"]],
            checks=_field_checks(field),
            nullable=not constraints.get("required", False),
            unique=uniqueness and bool(constraints.get("unique", False)),
            title=field.get("title"),
            description=field.get("description"),
            report_duplicates="all",
        )
    key = primary_key(resource) if uniqueness else []
    return pa.DataFrameSchema(
        columns,
        strict=True,
        ordered=True,
        unique=key or None,
        report_duplicates="all",
        name=resource["name"],
        title=resource.get("title"),
    )


def schema_error(
    path: Path, error: pa.errors.SchemaErrors, key: list[str], scope: str = "in the file"
) -> DataFileError:
    """Translate pandera's failure cases into one ``DataFileError`` (the first problem).

    ``scope`` says where the other problems it counts are (``"in rows 2 to 100001"``).
    """
    cases = error.failure_cases.copy()
    cases["row"] = pd.to_numeric(cases["index"], errors="coerce")
    cases = cases.sort_values("row", kind="stable", na_position="first")
    others = len(cases) - 1
    first = cases.iloc[0]
    check, column = str(first["check"]), first["column"]
    row = None if pd.isna(first["row"]) else int(first["row"])
    if check == "multiple_fields_uniqueness":
        duplicates = sorted({int(r) for r in cases.loc[cases["check"] == check, "row"]})
        return _key_error(path, duplicates, key)
    if check == "field_uniqueness":
        duplicates = cases.loc[(cases["check"] == check) & (cases["column"] == column), "row"]
        listed = _rows_listed(sorted(int(r) for r in duplicates))
        problem = f"rows {listed} repeat the value {first['failure_case']!r}; expected unique"
    elif check == "not_nullable":
        problem = "value is missing; expected a value (the column is required)"
    else:
        problem = f"{check}; not {_plain(first['failure_case'])!r}"
    if others > 0:
        problem += f" ({others:,} more problem{'s' if others > 1 else ''} {scope})"
    return DataFileError(path, problem, row=row, column=None if pd.isna(column) else column)


def validate_table(path: Path, frame: pd.DataFrame, resource: dict) -> None:
    """Check a typed table against its schema; raise the first problem as ``DataFileError``.

    A table of up to `BLOCK_ROWS` rows is checked at once and the error names
    its first problem by row. A larger one is checked block by block, so time
    and memory stay proportional to one block when most rows are bad: the error
    names the first problem of the first block that has one, and the keys
    (primary key, ``unique`` fields) are checked over the whole table last.

    Parameters
    ----------
    path : Path
        The file, for the message.
    frame : pandas.DataFrame
        The typed table, indexed by file row.
    resource : dict
        Its descriptor resource.
    """
    from analysis_lib.loaders.descriptor import primary_key

    key = primary_key(resource)
    if len(frame) <= BLOCK_ROWS:
        blocks, schema = [frame], build_schema(resource)
    else:
        schema = build_schema(resource, uniqueness=False)
        blocks = (
            frame.iloc[start : start + BLOCK_ROWS] for start in range(0, len(frame), BLOCK_ROWS)
        )
    for block in blocks:
        try:
            schema.validate(block, lazy=True)
        except pa.errors.SchemaErrors as error:
            scope = "in the file"
            if len(block) < len(frame):
                scope = f"in rows {block.index[0]:,} to {block.index[-1]:,}, the rest unchecked"
            raise schema_error(path, error, key, scope) from None
    if len(frame) > BLOCK_ROWS:
        _check_keys(path, frame, resource, key)


def _check_keys(path: Path, frame: pd.DataFrame, resource: dict, key: list[str]) -> None:
    if key:
        repeated = frame.duplicated(key, keep=False)
        if repeated.any():
            raise _key_error(path, [int(row) for row in frame.index[repeated]], key)
    for field in resource["schema"]["fields"]:
        if not field.get("constraints", {}).get("unique"):
            continue
        values = frame[field["name"]]
        repeated = values.duplicated(keep=False) & values.notna()
        if repeated.any():
            rows = [int(row) for row in frame.index[repeated]]
            raise DataFileError(
                path,
                f"rows {_rows_listed(rows)} repeat the value {values[rows[0]]!r}; expected unique",
                row=rows[0],
                column=field["name"],
            )


def _key_error(path: Path, rows: list[int], key: list[str]) -> DataFileError:
    key_text = ", ".join(key)
    message = (
        f"rows {_rows_listed(rows)} repeat the primary key ({key_text}); expected unique keys"
    )
    return DataFileError(path, message, row=rows[0], column=key[0] if len(key) == 1 else None)


def _rows_listed(rows: list[int]) -> str:
    listed = ", ".join(str(row) for row in rows[:ROWS_LISTED])
    hidden = len(rows) - ROWS_LISTED
    return f"{listed} and {hidden:,} more" if hidden > 0 else listed


def _plain(value):
    # numpy scalars repr as np.float64(...): show the plain Python value.
    return value.item() if hasattr(value, "item") else value
