"""The hostile-input corpus: malformed table files and their expected outcomes.

Plain-text cases are committed under ``corpus/``; byte-level ones (BOM, CRLF,
NUL, foreign encodings, binary, oversized fields) are generated here into a
temporary folder so that no editor or git setting can "repair" them.
Every case has one outcome: ``error`` (a one-line ``DataFileError`` naming the
file, the row and/or column and the expectation) or ``normalised`` (read as if
the file were clean). docs/hostile-input.md lists the same table.
"""

from __future__ import annotations

import gzip
import random
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"

CUSTOMS_HEADER = (
    "agency,reporter,partner,year,release,total_usd_bn,exports_usd_bn,imports_usd_bn,"
    "reported_growth_pct,source_id"
)
CUSTOMS_2010 = "GACC,CN,RU,2010,final,55.45,29.61,25.84,43,vietnamplus_2010"
CUSTOMS_2014 = "GACC,CN,RU,2014,final,95.28,,,6.8,finomenov_2014"
CLEAN_CUSTOMS = f"{CUSTOMS_HEADER}\n{CUSTOMS_2010}\n{CUSTOMS_2014}\n"
TIMELINE_HEADER = (
    "event_id,start_date,date_precision,end_date,horizon_min_years,horizon_max_years,country,"
    "kind,title_en,title_ru,note,note_ru,source_id"
)
TIMELINE_ROW = (
    "ru_programme_audit_2002,2002,year,,,,RU,audit,Audit of the Far East programme,"
    "Проверка программы развития Дальнего Востока,,,government_ru_8958"
)
CLEAN_TIMELINE = f"{TIMELINE_HEADER}\n{TIMELINE_ROW}\n"


@dataclass(frozen=True)
class Case:
    """One hostile file and what must happen to it.

    ``file`` names a committed file in ``corpus/`` or, for generated cases, the
    name to write ``content`` under. For errors, ``row``/``column`` are the
    ``DataFileError`` attributes and ``expect`` a fragment of the message; for
    normalisations, ``rows`` is the number of records read.
    """

    case_id: str
    table: str
    file: str
    outcome: str
    expect: str = ""
    row: int | None = None
    column: str | None = None
    rows: int | None = None
    content: bytes | None = None

    def path(self, folder: Path) -> Path:
        """Return the file of the case, writing generated content into ``folder``."""
        if self.content is None:
            return CORPUS_DIR / self.file
        target = folder / self.file
        target.write_bytes(self.content)
        return target


def _error(case_id, table, file, expect, row=None, column=None, content=None) -> Case:
    return Case(case_id, table, file, "error", expect, row, column, content=content)


def _normalised(case_id, table, file, rows, content=None) -> Case:
    return Case(case_id, table, file, "normalised", rows=rows, content=content)


def _binary_noise() -> bytes:
    # A PNG signature then seeded random bytes: what a mis-saved image looks like.
    rng = random.Random(20141)
    return b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(512))


def _truncated_mid_character() -> bytes:
    # A download cut inside a two-byte Cyrillic letter of the last line.
    raw = CLEAN_TIMELINE.encode("utf-8")
    cut = raw.rindex("Дальнего".encode()) + 1
    return raw[:cut]


def _huge_field() -> bytes:
    return f"{CUSTOMS_HEADER}\n{CUSTOMS_2014.replace('finomenov_2014', 'x' * 200_000)}\n".encode()


def _wide_header() -> bytes:
    header = CUSTOMS_HEADER + "".join(f",extra_{n}" for n in range(4990))
    return f"{header}\n{CUSTOMS_2014}\n".encode()


def _wide_row() -> bytes:
    return f"{CUSTOMS_HEADER}\n{CUSTOMS_2014 + ',x' * 4990}\n{CUSTOMS_2010}\n".encode()


def _field_of_megabytes() -> bytes:
    quoted = '"' + "x" * 4_000_000 + '"'
    return f"{CUSTOMS_HEADER}\n{CUSTOMS_2014.replace('finomenov_2014', quoted)}\n".encode()


def _unclosed_quote_then_more_rows() -> bytes:
    rows = [CUSTOMS_HEADER, CUSTOMS_2010.replace("vietnamplus_2010", '"vietnamplus_2010')]
    rows += [CUSTOMS_2014] * 4000
    return ("\n".join(rows) + "\n").encode()


def _xlsx_bytes() -> bytes:
    import io

    from openpyxl import Workbook

    stream = io.BytesIO()
    book = Workbook()
    book.active["A1"] = "agency"
    book.save(stream)
    return stream.getvalue()


COMMITTED_CASES = [
    _error(
        "semicolon delimiter",
        "customs_totals",
        "customs_totals_semicolon.csv",
        "fields must be separated by ','; not ';'",
        row=1,
    ),
    _error(
        "duplicated header",
        "customs_totals",
        "customs_totals_duplicate_header.csv",
        "column appears twice in the header",
        row=1,
        column="imports_usd_bn",
    ),
    _error(
        "missing column",
        "customs_totals",
        "customs_totals_missing_column.csv",
        "column is missing; expected columns: agency, reporter",
        row=1,
        column="release",
    ),
    _error(
        "header with stray whitespace",
        "customs_totals",
        "customs_totals_header_whitespace.csv",
        "column name has stray whitespace; expected 'year'",
        row=1,
        column=" year",
    ),
    _error(
        "extra column",
        "customs_totals",
        "customs_totals_extra_column.csv",
        "unexpected column; expected columns:",
        row=1,
        column="comment",
    ),
    _error(
        "NaN value",
        "customs_totals",
        "customs_totals_nan.csv",
        "must be a number; not 'NaN'",
        row=3,
        column="total_usd_bn",
    ),
    _error(
        "inf value",
        "customs_totals",
        "customs_totals_inf.csv",
        "must be a number; not 'inf'",
        row=2,
        column="exports_usd_bn",
    ),
    _error(
        "negative value",
        "customs_totals",
        "customs_totals_negative.csv",
        "must be >= 0; not -95.28",
        row=2,
        column="total_usd_bn",
    ),
    _error(
        "year 20014",
        "customs_totals",
        "customs_totals_year_20014.csv",
        "must be <= 2030; not 20014",
        row=3,
        column="year",
    ),
    _error(
        "absurd total 1e15 USD bn",
        "customs_totals",
        "customs_totals_absurd_total.csv",
        "must be <= 100000; not 1000000000000000.0",
        row=2,
        column="total_usd_bn",
    ),
    _error(
        "growth below -100 %",
        "customs_totals",
        "customs_totals_growth_below_minus_100.csv",
        "must be >= -100; not -150.0",
        row=2,
        column="reported_growth_pct",
    ),
    _error(
        "enum in the wrong case",
        "customs_totals",
        "customs_totals_lowercase_enum.csv",
        "must be one of 'GACC', 'FCS'; not 'gacc'",
        row=2,
        column="agency",
    ),
    _error(
        "code with a trailing space",
        "customs_totals",
        "customs_totals_value_with_space.csv",
        "must be one of 'GACC', 'FCS'; not 'GACC '",
        row=2,
        column="agency",
    ),
    _error(
        "source id that does not exist",
        "customs_totals",
        "customs_totals_unknown_source.csv",
        "'finomenov_2041' is not a source_id of",
        row=3,
        column="source_id",
    ),
    _error(
        "truncated last row",
        "customs_totals",
        "customs_totals_truncated_row.csv",
        "has 5 fields; expected 10 like the header",
        row=3,
    ),
    _error(
        "truncated inside a quote",
        "customs_totals",
        "customs_totals_truncated_quote.csv",
        "broken CSV quoting (unexpected end of data)",
        row=3,
    ),
    _error(
        "duplicated primary key",
        "customs_totals",
        "customs_totals_duplicate_key.csv",
        "rows 2, 4 repeat the primary key (agency, reporter, partner, year, release)",
        row=2,
    ),
    _normalised("header-only file", "customs_totals", "customs_totals_header_only.csv", 0),
    _normalised("blank lines", "customs_totals", "customs_totals_blank_lines.csv", 2),
    _error(
        "absurd value 1e15 USD mn",
        "dots_trade",
        "dots_trade_absurd_value.csv",
        "must be <= 100000000; not 1000000000000000.0",
        row=3,
        column="value_usd_mn",
    ),
    _error(
        "negative trade value",
        "dots_trade",
        "dots_trade_negative_value.csv",
        "must be >= 0; not -49607.589861",
        row=2,
        column="value_usd_mn",
    ),
    _error(
        "unknown flow",
        "dots_trade",
        "dots_trade_unknown_flow.csv",
        "must be one of 'exports_fob', 'imports_cif'; not 'exports'",
        row=2,
        column="flow",
    ),
    _error(
        "year written as a float",
        "dots_trade",
        "dots_trade_float_year.csv",
        "must be an integer; not '2013.0'",
        row=2,
        column="year",
    ),
    _error(
        "programme ends before it starts",
        "timeline",
        "timeline_end_before_start.csv",
        "must not be before start_date '1996-04-15'; not '1995'",
        row=2,
        column="end_date",
    ),
    _error(
        "end month before start day",
        "timeline",
        "timeline_end_before_start_same_year.csv",
        "must not be before start_date '1996-04-15'; not '1996-03'",
        row=2,
        column="end_date",
    ),
    _error(
        "invalid date 2014-02-30",
        "timeline",
        "timeline_invalid_date.csv",
        "must be a real calendar date YYYY, YYYY-MM or YYYY-MM-DD; not '2014-02-30'",
        row=3,
        column="start_date",
    ),
    _error(
        "month 13",
        "timeline",
        "timeline_month_13.csv",
        "must be a real calendar date YYYY, YYYY-MM or YYYY-MM-DD; not '1996-13'",
        row=2,
        column="start_date",
    ),
    _error(
        "budget period ends before it starts",
        "programme_budgets",
        "programme_budgets_end_before_start.csv",
        "must not be before period_start 2019; not 2018",
        row=2,
        column="period_end",
    ),
    _error(
        "boolean written as yes",
        "programme_budgets",
        "programme_budgets_boolean_yes.csv",
        "must be true or false; not 'yes'",
        row=2,
        column="approximate",
    ),
    _error(
        "absurd amount of roubles",
        "programme_budgets",
        "programme_budgets_absurd_amount.csv",
        "must be <= 100000; not 697000000.0",
        row=2,
        column="amount",
    ),
    _error(
        "share over 100 %",
        "heilongjiang_trade",
        "heilongjiang_trade_share_over_100.csv",
        "must be <= 100; not 195.0",
        row=2,
        column="share_pct_stated",
    ),
    _error(
        "year before 1948",
        "trade_structure",
        "trade_structure_year_before_1948.csv",
        "must be >= 1948; not 1895",
        row=2,
        column="year",
    ),
    _error(
        "invalid accessed date",
        "sources",
        "sources_invalid_accessed_date.csv",
        "must be a date YYYY-MM-DD; not '2026-02-30'",
        row=2,
        column="accessed",
    ),
    _error(
        "claim pointing at a missing table",
        "claims",
        "claims_missing_table.csv",
        "must be one of 'customs_totals', 'dots_trade', 'timeline'",
        row=2,
        column="table",
    ),
]

GENERATED_CASES = [
    _error("empty file", "customs_totals", "empty.csv", "file is empty", row=1, content=b""),
    _error(
        "whitespace-only file",
        "customs_totals",
        "blank.csv",
        "file is empty; expected a CSV header row 'agency,reporter",
        row=1,
        content=b"\n \r\n\t\n",
    ),
    _normalised(
        "UTF-8 BOM", "customs_totals", "bom.csv", 2, b"\xef\xbb\xbf" + CLEAN_CUSTOMS.encode()
    ),
    _normalised(
        "Windows line endings",
        "customs_totals",
        "crlf.csv",
        2,
        CLEAN_CUSTOMS.replace("\n", "\r\n").encode(),
    ),
    _normalised(
        "BOM and CRLF (Excel 'CSV UTF-8')",
        "timeline",
        "bom_crlf.csv",
        1,
        b"\xef\xbb\xbf" + CLEAN_TIMELINE.replace("\n", "\r\n").encode(),
    ),
    _normalised(
        "old Mac CR line endings",
        "customs_totals",
        "cr.csv",
        2,
        CLEAN_CUSTOMS.replace("\n", "\r").encode(),
    ),
    _normalised(
        "no newline at the end",
        "customs_totals",
        "no_final_newline.csv",
        2,
        CLEAN_CUSTOMS.rstrip("\n").encode(),
    ),
    _error(
        "latin-1 byte in a UTF-8 file",
        "timeline",
        "mixed_encoding.csv",
        "byte 0xe9 is not valid UTF-8; expected UTF-8 text",
        row=2,
        content=CLEAN_TIMELINE.replace("Audit", "Audit é").encode().replace("é".encode(), b"\xe9"),
    ),
    _error(
        "whole file in cp1251",
        "timeline",
        "cp1251.csv",
        "is not valid UTF-8; expected UTF-8 text",
        row=2,
        content=CLEAN_TIMELINE.encode("cp1251"),
    ),
    _error(
        "UTF-16 file",
        "customs_totals",
        "utf16.csv",
        "is UTF-16 text; expected UTF-8 CSV text",
        content=CLEAN_CUSTOMS.encode("utf-16"),
    ),
    _error(
        "NUL bytes",
        "customs_totals",
        "nul.csv",
        "binary content (NUL byte); expected UTF-8 CSV text",
        row=3,
        content=CLEAN_CUSTOMS.replace("95.28", "95\x0028").encode(),
    ),
    _error(
        "binary file",
        "customs_totals",
        "image.csv",
        "binary content (NUL byte); expected UTF-8 CSV text",
        row=5,
        content=_binary_noise(),
    ),
    _error(
        "gzip file",
        "customs_totals",
        "customs_totals.csv.gz",
        "binary content (NUL byte); expected UTF-8 CSV text",
        row=1,
        content=gzip.compress(CLEAN_CUSTOMS.encode(), mtime=0),
    ),
    _error(
        "xlsx workbook given as CSV",
        "customs_totals",
        "workbook.csv",
        "binary content (NUL byte); expected UTF-8 CSV text",
        row=1,
        content=_xlsx_bytes(),
    ),
    _error(
        "file cut inside a UTF-8 character",
        "timeline",
        "cut_mid_character.csv",
        "byte 0xd0 is not valid UTF-8",
        row=2,
        content=_truncated_mid_character(),
    ),
    _error(
        "huge field",
        "customs_totals",
        "huge_field.csv",
        "a field is longer than 131072 characters (a quote left open?)",
        row=2,
        content=_huge_field(),
    ),
    _error(
        "quote left open, more rows after",
        "customs_totals",
        "unclosed_quote.csv",
        "a field is longer than 131072 characters (a quote left open?)",
        row=2,
        content=_unclosed_quote_then_more_rows(),
    ),
    _error(
        "header of 5,000 columns",
        "customs_totals",
        "wide_header.csv",
        "the header has 5,000 columns; expected the 10 columns agency, reporter, partner",
        row=1,
        content=_wide_header(),
    ),
    _error(
        "row of 5,000 fields",
        "customs_totals",
        "wide_row.csv",
        "has 5000 fields; expected 10 like the header",
        row=2,
        content=_wide_row(),
    ),
    _error(
        "quoted field of 4 MB",
        "customs_totals",
        "field_of_megabytes.csv",
        "a field is longer than 131072 characters (a quote left open?)",
        row=2,
        content=_field_of_megabytes(),
    ),
]

TABLE_CASES = COMMITTED_CASES + GENERATED_CASES
