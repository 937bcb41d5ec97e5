"""Read a CSV file into text cells, checking bytes, quoting and header.

Row numbers follow one convention everywhere in the loaders: row N is the
file's line N where the record starts, so the header is row 1 and the first
data row is row 2 (the same as a spreadsheet's row number, and as a text
editor's line number unless a quoted value spans several lines).
"""

from __future__ import annotations

import csv
import io
import itertools
import operator
import os
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

from analysis_lib.exceptions import DataFileError

READ_LOG_ENV = "ANALYSIS_LIB_READ_LOG"
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
OTHER_DELIMITERS = (";", "\t", "|")
MB = 1_000_000
# The data package's largest table is 0.1 MB; the benchmark's 1,000,000-row synthetic
# dots_trade is 41 MB. Reading a file at this bound stays within about 2 GB and a
# minute (docs/hostile-input.md).
MAX_FILE_BYTES = 64 * MB
# No table of the data package has more than 21 columns.
MAX_COLUMNS = 256


# Lists that collect the reads while a result is computed (see recorded_reads).
_RECORDERS: list[list[Path]] = []


def log_read(path: Path) -> None:
    """Append ``path`` to the read log named by ``ANALYSIS_LIB_READ_LOG``, if set."""
    for reads in _RECORDERS:
        reads.append(Path(path))
    log = os.environ.get(READ_LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{path}\n")


@contextmanager
def recorded_reads():
    """Collect the files read inside the block, so that a kept result can log them again.

    Yields
    ------
    list of Path
        Every path given to :func:`log_read` in the block, in order.
    """
    reads: list[Path] = []
    _RECORDERS.append(reads)
    try:
        yield reads
    finally:
        _RECORDERS.remove(reads)


def read_text(path: Path, expected: list[str]) -> str:
    """Return the file's text, decoded as UTF-8 without a byte-order mark.

    Raises ``DataFileError`` when the file is missing, a folder, unreadable,
    empty, binary, UTF-16 or otherwise not UTF-8.
    """
    if path.is_dir():
        raise DataFileError(path, "is a folder; expected a CSV file")
    if not path.is_file():
        raise DataFileError(path, "file not found; expected a CSV file")
    try:
        with path.open("rb") as stream:
            _check_size(path, os.fstat(stream.fileno()).st_size)
            # A file that grows while it is read is held to the same bound.
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise DataFileError(
            path, f"cannot be read ({error.strerror}); expected a readable CSV file"
        ) from None
    _check_size(path, len(raw))
    log_read(path)
    if raw.startswith(UTF16_BOMS):
        raise DataFileError(path, "is UTF-16 text; expected UTF-8 CSV text (save it as UTF-8)")
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM) :]
    if not raw.strip():
        header = ",".join(expected)
        raise DataFileError(path, f"file is empty; expected a CSV header row '{header}'", row=1)
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise DataFileError(path, "binary content (NUL byte); expected UTF-8 CSV text", row=line)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start : error.start + 1].hex()
        raise DataFileError(
            path, f"byte 0x{byte} is not valid UTF-8; expected UTF-8 text", row=line
        ) from None


def _check_size(path: Path, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise DataFileError(
            path,
            f"the file is {size / MB:,.1f} MB or more; expected a table of at most "
            f"{MAX_FILE_BYTES // MB} MB",
        )


def check_width(path: Path, text: str, expected: list[str]) -> None:
    """Refuse a header row of more than `MAX_COLUMNS` fields before the rows are split.

    Counts the commas of the first non-blank line, so a header of thousands of
    columns costs nothing to refuse; a few unexpected columns are left to
    :func:`check_header`, which names the first one.
    """
    start = len(text) - len(text.lstrip("\r\n"))
    end = min(
        (i for i in (text.find("\n", start), text.find("\r", start)) if i >= 0), default=None
    )
    fields = text.count(",", start, end) + 1
    if fields > MAX_COLUMNS:
        raise DataFileError(
            path,
            f"the header has {fields:,} columns; expected the {len(expected)} columns "
            f"{', '.join(expected)}",
            row=1,
        )


def parse_records(path: Path, text: str) -> tuple[list[str], list[int], list[list[str]]]:
    """Split CSV text into header, row numbers and records (blank lines skipped)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows: list[int] = []
    records: list[list[str]] = []
    line_before = 0
    try:
        for record in reader:
            start = line_before + 1
            line_before = reader.line_num
            if not record:
                continue
            if header is None:
                header = record
                continue
            if len(record) != len(header):
                raise DataFileError(
                    path,
                    f"has {len(record)} fields; expected {len(header)} like the header "
                    "(check quotes and commas)",
                    row=start,
                )
            rows.append(start)
            records.append(record)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            problem = (
                f"a field is longer than {csv.field_size_limit()} characters (a quote left "
                "open?); expected shorter fields"
            )
        else:
            problem = f"broken CSV quoting ({error}); expected fields quoted with '\"'"
        raise DataFileError(path, problem, row=line_before + 1) from None
    return header or [], rows, records


def parse_columns(path: Path, text: str) -> tuple[list[str], Sequence[int], list[list[str]]]:
    """Split CSV text into header, row numbers and columns of text cells.

    Gives exactly what :func:`parse_records` gives, transposed to columns, and
    raises the same errors (it falls back to :func:`parse_records` for them).
    """
    simple = _split_simple(text)
    if simple is not None:
        return simple
    header, rows, records = parse_records(path, text)
    return header, rows, [[record[i] for record in records] for i in range(len(header))]


def _split_simple(text: str) -> tuple[list[str], Sequence[int], list[list[str]]] | None:
    """Split text without quotes by whole lines; ``None`` when the csv module must decide.

    Without a quote character every record is one line and every comma a
    delimiter, so ``str.split`` gives what ``csv.reader`` gives, about ten times
    faster on a large table. Anything unusual (a quote, a lone CR, a line that
    might break the field size limit, a record whose field count differs from
    the header's) goes to :func:`parse_records`, which builds the precise error.
    """
    if '"' in text or text.count("\r") != text.count("\r\n"):
        return None
    lines = text.replace("\r\n", "\n").split("\n")
    if max(map(len, lines)) > csv.field_size_limit():
        return None
    kept = list(filter(None, lines))
    if len(kept) < 2:
        return None
    rows: Sequence[int] = list(itertools.compress(range(1, len(lines) + 1), lines))[1:]
    if rows and rows[-1] - rows[0] == len(rows) - 1:
        rows = range(rows[0], rows[-1] + 1)  # no blank lines: pandas keeps a range cheaply
    header = kept[0].split(",")
    width = len(header)
    data = kept[1:]
    if set(map(operator.methodcaller("count", ","), data)) != {width - 1}:
        return None
    cells = ",".join(data).split(",")
    return header, rows, [cells[i::width] for i in range(width)]


def check_header(path: Path, header: list[str], expected: list[str]) -> None:
    """Raise ``DataFileError`` naming the first column where ``header`` differs."""
    listing = ", ".join(expected)
    if len(header) == 1 and len(expected) > 1:
        for delimiter in OTHER_DELIMITERS:
            if delimiter in header[0]:
                raise DataFileError(
                    path, f"fields must be separated by ','; not {delimiter!r}", row=1
                )
    seen: set[str] = set()
    for position, name in enumerate(header, start=1):
        if name != name.strip():
            raise DataFileError(
                path,
                f"column name has stray whitespace; expected {name.strip()!r}",
                row=1,
                column=name,
            )
        if not name:
            raise DataFileError(path, f"column {position} has no name; expected: {listing}")
        if name in seen:
            raise DataFileError(path, "column appears twice in the header", row=1, column=name)
        seen.add(name)
        if name not in expected:
            raise DataFileError(
                path, f"unexpected column; expected columns: {listing}", row=1, column=name
            )
    for name in expected:
        if name not in seen:
            raise DataFileError(
                path, f"column is missing; expected columns: {listing}", row=1, column=name
            )
    for got, want in zip(header, expected, strict=True):
        if got != want:
            raise DataFileError(
                path, f"column is out of order; expected columns: {listing}", row=1, column=got
            )
