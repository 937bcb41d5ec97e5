"""The whole-column paths of the loaders give exactly what the per-cell paths give."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis_lib.exceptions import DataFileError
from analysis_lib.loaders import reading, schema

TEXTS = [
    "a,b\n1,2\n3,4\n",
    "a,b\r\n1,2\r\n\r\n3,4",
    "\n\na,b\n\n1,2\n\n\n3,4\n\n",
    "a,b\n1,2\n 3,4 \n,\n",
    "a\n1\n\n2\n",
    'a,b\n"1,5",2\n',
    "a,b\r1,2\r3,4\r",
    "a,b\n1,2\n3\n",
    "a,b\n1,2\n3,4,5\n",
    "a,b\n \n1,2\n",
    "a,b\n",
]


def _by_records(path: Path, text: str):
    header, rows, records = reading.parse_records(path, text)
    return header, list(rows), [[r[i] for r in records] for i in range(len(header))]


def _outcome(function, *args):
    try:
        return function(*args)
    except DataFileError as error:
        return str(error)


@pytest.mark.parametrize("text", TEXTS)
def test_parse_columns_gives_what_parse_records_gives(tmp_path: Path, text: str) -> None:
    path = tmp_path / "t.csv"
    got = _outcome(reading.parse_columns, path, text)
    if not isinstance(got, str):
        header, rows, columns = got
        got = header, list(rows), columns
    assert got == _outcome(_by_records, path, text)


CELLS = {
    "integer": ["2014", "+5", "-0012", "", "1_0", " 1", "1 ", "١٢", "1.0"],
    "number": ["1.5", ".5", "1.", "-1e5", "+1.E-3", "", "inf", "nan", "1_0", " 1", ".e5", "1e5e5"],
    "boolean": ["true", "False", "TRUE", "1", "0", "", "yes", "t"],
    "string": ["CN", "", " RU ", "2014", "é", "a,b"],
    "date": ["2014-05-01", "", "2014-02-30", "2014-5-1", "0000-01-01", "1500-12-31"],
}


def _per_cell(path: Path, field: dict, cells: list[str]):
    """The per-cell rule, one cell at a time (the reference for the whole-column path)."""
    type_ = field["type"]
    if type_ == "string":
        return pd.Series([cell or None for cell in cells], dtype=schema.DTYPES[type_])
    values = []
    for row, cell in enumerate(cells, start=2):
        if cell == "":
            values.append(None)
            continue
        try:
            values.append(schema._convert_cell(cell, type_))
        except ValueError:
            return f"row {row}, column 'x': must be {schema.EXPECTED_TEXT[type_]}; not {cell!r}"
    if type_ == "number":
        values = [float("nan") if v is None else v for v in values]
    return pd.Series(values, dtype=schema.DTYPES[type_])


@pytest.mark.parametrize("type_", sorted(CELLS))
def test_typed_column_matches_the_per_cell_rule(tmp_path: Path, type_: str) -> None:
    path = tmp_path / "t.csv"
    field = {"name": "x", "type": type_}
    for good in CELLS[type_]:
        for bad in CELLS[type_]:
            cells = [good, good, bad, good]
            expected = _per_cell(path, field, cells)
            try:
                got = schema.typed_column(path, field, cells, [2, 3, 4, 5])
            except DataFileError as error:
                assert isinstance(expected, str), (cells, str(error))
                assert str(error) == f"{path}, {expected}"
                continue
            assert not isinstance(expected, str), (cells, expected)
            assert str(got.dtype) == str(schema.DTYPES[type_])
            pd.testing.assert_series_equal(got.reset_index(drop=True), expected, check_names=False)
