"""Every malformed input becomes one DataFileError line naming the file and the row or column."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis_lib.exceptions import DataFileError, UnknownTableError
from analysis_lib.loaders import load_table, validate_file

GOOD_ROW = "GACC,CN,RU,2014,final,95.28,,,6.8,finomenov_2014"
HEADER = (
    "agency,reporter,partner,year,release,total_usd_bn,exports_usd_bn,imports_usd_bn,"
    "reported_growth_pct,source_id"
)


def _text(header: str = HEADER, *rows: str) -> bytes:
    return ("\n".join([header, *(rows or (GOOD_ROW,))]) + "\n").encode("utf-8")


# (id, table, file bytes, expected column or None, expected row or None, words in the message)
CASES = [
    (
        "missing column",
        "customs_totals",
        _text(HEADER.replace(",imports_usd_bn", ""), GOOD_ROW.replace(",,,", ",,")),
        "imports_usd_bn",
        1,
        "missing",
    ),
    (
        "extra column",
        "customs_totals",
        _text(HEADER + ",comment", GOOD_ROW + ",hi"),
        "comment",
        1,
        "unexpected column",
    ),
    (
        "wrong type",
        "customs_totals",
        _text(HEADER, GOOD_ROW, GOOD_ROW.replace("2014", "20x5")),
        "year",
        3,
        "must be an integer; not '20x5'",
    ),
    (
        "negative value",
        "customs_totals",
        _text(HEADER, GOOD_ROW.replace("95.28", "-95.28")),
        "total_usd_bn",
        2,
        "must be >= 0; not -95.28",
    ),
    (
        "duplicate key",
        "customs_totals",
        _text(HEADER, GOOD_ROW, GOOD_ROW.replace("2014", "2013"), GOOD_ROW),
        None,
        2,
        "rows 2, 4 repeat the primary key",
    ),
    (
        "unknown source id",
        "customs_totals",
        _text(HEADER, GOOD_ROW, GOOD_ROW.replace("2014", "2013").replace("finomenov", "nope")),
        "source_id",
        3,
        "'nope_2013' is not a source_id of",
    ),
    ("empty file", "customs_totals", b"", None, 1, "file is empty"),
    ("only a BOM", "customs_totals", b"\xef\xbb\xbf\r\n", None, 1, "file is empty"),
    (
        "undecodable bytes",
        "customs_totals",
        _text(HEADER, GOOD_ROW).replace(b"final", b"fin\xe9l"),
        None,
        2,
        "not valid UTF-8",
    ),
    (
        "broken quoting",
        "customs_totals",
        _text(HEADER, GOOD_ROW, 'GACC,CN,RU,2013,final,"89.21,,,,estiw_2013'),
        None,
        3,
        "broken CSV quoting",
    ),
    (
        "text after a closing quote",
        "customs_totals",
        _text(HEADER, 'GACC,CN,RU,2013,final,"89.21"x,,,,estiw_2013'),
        None,
        2,
        "broken CSV quoting",
    ),
    (
        "year out of range",
        "customs_totals",
        _text(HEADER, GOOD_ROW.replace("2014", "1900")),
        "year",
        2,
        "must be >= 1948; not 1900",
    ),
    (
        "year in the future",
        "heilongjiang_trade",
        b"year,total_usd_bn,exports_usd_bn,imports_usd_bn,growth_pct_stated,share_pct_stated,"
        b"note,source_id\n2031,1.0,,,,,,sputnik_2015\n",
        "year",
        2,
        "must be <= 2030; not 2031",
    ),
    (
        "missing key value",
        "customs_totals",
        _text(HEADER, GOOD_ROW, GOOD_ROW.replace("GACC", "")),
        "agency",
        3,
        "value is missing",
    ),
    (
        "duplicated header",
        "customs_totals",
        _text(HEADER.replace("release", "year"), GOOD_ROW),
        "year",
        1,
        "appears twice",
    ),
    (
        "header with stray whitespace",
        "customs_totals",
        _text(HEADER.replace(",year,", ", year,"), GOOD_ROW),
        " year",
        1,
        "stray whitespace; expected 'year'",
    ),
    (
        "binary file",
        "customs_totals",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml",
        None,
        1,
        "binary content",
    ),
    (
        "value outside the enum",
        "customs_totals",
        _text(HEADER, GOOD_ROW.replace("GACC", "WTO")),
        "agency",
        2,
        "must be one of 'GACC', 'FCS'; not 'WTO'",
    ),
    (
        "value with stray whitespace breaks the pattern",
        "customs_totals",
        _text(HEADER, GOOD_ROW.replace(",RU,", ",RU ,")),
        "partner",
        2,
        "must match the pattern",
    ),
    (
        "wrong number of fields",
        "customs_totals",
        _text(HEADER, GOOD_ROW, GOOD_ROW + ",extra"),
        None,
        3,
        "has 11 fields; expected 10",
    ),
    (
        "columns out of order",
        "customs_totals",
        _text(HEADER.replace("reporter,partner", "partner,reporter"), GOOD_ROW),
        "partner",
        1,
        "out of order",
    ),
    (
        "not a boolean",
        "programme_budgets",
        "programme_id,title_en,title_ru,period_start,period_end,component,measure,amount,unit,"
        "currency,approximate,note,note_ru,source_id\n"
        "p,T,Т,,2018,total,budget,1,bn,RUB,yes,,,olkie_2013\n"
        "".encode(),
        "approximate",
        2,
        "must be true or false; not 'yes'",
    ),
    (
        "impossible date",
        "sources",
        b"source_id,publisher,publisher_ru,title,title_ru,url,accessed,notes\nx,P,,T,,,2026-02-30,\n",
        "accessed",
        2,
        "must be a date YYYY-MM-DD; not '2026-02-30'",
    ),
    (
        "duplicate unique id",
        "sources",
        b"source_id,publisher,publisher_ru,title,title_ru,url,accessed,notes\nx,P,,T,,,2026-01-01,\nx,Q,,U,,,2026-01-02,\n",
        "source_id",
        2,
        "rows 2, 3 repeat the primary key (source_id)",
    ),
]


@pytest.mark.parametrize(
    ("table", "content", "column", "row", "words"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_malformed_file_raises_one_line_naming_file_and_place(
    data_copy: Path, table, content, column, row, words
):
    bad = data_copy / "bad.csv"
    bad.write_bytes(content)
    with pytest.raises(DataFileError) as caught:
        validate_file(table, bad, data_dir=data_copy)
    error = caught.value
    message = str(error)
    assert "\n" not in message
    assert message.startswith(str(bad.resolve()))
    assert words in message
    assert error.column == column
    assert error.row == row
    if column is not None:
        assert f"column '{column}'" in message
    if row is not None:
        assert f"row {row}" in message


def test_several_problems_are_counted_in_the_one_line(data_copy: Path):
    bad = data_copy / "bad.csv"
    bad.write_bytes(_text(HEADER, GOOD_ROW.replace("95.28", "-1"), GOOD_ROW.replace("RU", "ru")))
    with pytest.raises(DataFileError, match=r"row 2, column 'total_usd_bn'.*1 more problem"):
        validate_file("customs_totals", bad, data_dir=data_copy)


def test_missing_file_names_it(data_copy: Path):
    (data_copy / "timeline.csv").unlink()
    with pytest.raises(DataFileError, match=r"timeline\.csv: file not found"):
        load_table("timeline", data_dir=data_copy)


def test_broken_sources_table_is_reported_when_checking_foreign_keys(data_copy: Path):
    sources = data_copy / "sources.csv"
    text = sources.read_text(encoding="utf-8")
    bad_row = len(text.splitlines()) + 1  # the line the appended record starts on
    sources.write_text(text + "bad id,P,,T,,,2026-01-01,\n")
    with pytest.raises(DataFileError, match=rf"sources\.csv, row {bad_row}, column 'source_id'"):
        load_table("timeline", data_dir=data_copy)


def test_unknown_table_lists_the_tables(data_copy: Path):
    with pytest.raises(UnknownTableError, match=r"table must be one of 'sources', .*; not 'x'"):
        load_table("x", data_dir=data_copy)


def test_missing_descriptor(tmp_path: Path):
    with pytest.raises(DataFileError, match=r"datapackage\.json: file not found"):
        load_table("sources", data_dir=tmp_path)


def test_descriptor_with_unknown_field_type(data_copy: Path):
    descriptor = data_copy / "datapackage.json"
    descriptor.write_text(
        descriptor.read_text(encoding="utf-8").replace('"type": "date"', '"type": "datetime"')
    )
    with pytest.raises(DataFileError, match=r"field 'accessed': type must be one of"):
        load_table("sources", data_dir=data_copy)
