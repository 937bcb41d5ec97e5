"""Workbooks that are too large in one way or another, built small enough to test fast.

Each starts from `hostile_workbooks.write_workbook` (the smallest DOTS-layout
workbook) and breaks one limit of ``analysis_lib.importers._limits``; every one
must be refused before a reader parses it, with both engines.
"""

from __future__ import annotations

import functools
import io
import random
import warnings
import zipfile
from pathlib import Path

from hostile_workbooks import EXPORTS, WorkbookCase, replace_in_first_sheet, write_workbook

from analysis_lib.importers import _limits

SHEET1 = "xl/worksheets/sheet1.xml"
BOMB_BYTES = 300_000_000
JUNK_ROW = b'<row r="11"><c r="B11" t="inlineStr"><is><t>junk row</t></is></c></row>'


def rewrite(path: Path, *, extra=(), keep=lambda name: True) -> Path:
    """Rewrite the workbook at ``path``, keeping the parts ``keep`` accepts, adding ``extra``.

    ``extra`` holds ``(name, bytes)`` pairs; a name already present is added a
    second time (a duplicate part).
    """
    original = path.read_bytes()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about duplicates
        for item in source.infolist():
            if keep(item.filename):
                target.writestr(item, source.read(item.filename))
        for name, data in extra:
            target.writestr(name, data)
    return path


@functools.cache
def _bomb_bytes() -> bytes:
    """A workbook whose first sheet unpacks to 300 MB: junk rows before ``</sheetData>``."""
    clean = io.BytesIO()
    with zipfile.ZipFile(write_workbook(Path(_scratch()) / "clean.xlsx")) as source:
        parts = {item.filename: source.read(item.filename) for item in source.infolist()}
    head, tail = parts.pop(SHEET1).split(b"</sheetData>")
    with zipfile.ZipFile(clean, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for name, data in parts.items():
            target.writestr(name, data)
        with target.open(SHEET1, "w", force_zip64=True) as stream:
            stream.write(head)
            block = JUNK_ROW * 10_000
            for _ in range(BOMB_BYTES // len(block)):
                stream.write(block)
            stream.write(b"</sheetData>" + tail)
    return clean.getvalue()


@functools.cache
def _scratch() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="hostile-zips-")


def zip_bomb(path: Path) -> Path:
    """Write the 300 MB-unpacked workbook (about 2 MB on disk) to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_bomb_bytes())
    return path


def _file_too_large(path: Path) -> Path:
    with path.open("wb") as stream:
        stream.truncate(_limits.MAX_FILE_BYTES + 5_000_000)  # sparse: no disk space used
    return path


def _squeezed_part(path: Path) -> Path:
    # Under the total limit, but 20 MB of zeros pack about 1000 to 1.
    return rewrite(write_workbook(path), extra=[("xl/media/padding.bin", bytes(20_000_000))])


def _large_other_part(path: Path) -> Path:
    noise = random.Random(18).randbytes(5_000_000)
    return rewrite(write_workbook(path), extra=[("docProps/custom.bin", noise)])


def _many_parts(path: Path) -> Path:
    extra = [(f"customXml/item{number}.xml", b"<a/>") for number in range(100)]
    return rewrite(write_workbook(path), extra=extra)


def _duplicate_part(path: Path) -> Path:
    return rewrite(write_workbook(path), extra=[(SHEET1, b"<worksheet/>")])


def _many_sheets(path: Path) -> Path:
    from openpyxl import load_workbook

    write_workbook(path)
    book = load_workbook(path)
    for number in range(10):
        book.create_sheet(f"Notes {number}")
    book.save(path)
    return path


def _edit_sheet(*changes: tuple[bytes, bytes]):
    def make(path: Path) -> Path:
        write_workbook(path)
        for old, new in changes:
            replace_in_first_sheet(path, old, new)
        return path

    return make


def _row_3000(path: Path) -> Path:
    return write_workbook(path, cells={("exports_fob", "B3000"): "x"})


ROW_9 = (
    b'<row r="9"><c r="B9" t="inlineStr"><is><t>Russian Federation</t></is></c>'
    b'<c r="C9" t="n"><v>49.6</v></c><c r="D9" t="n"><v>53.7</v></c></row>'
)
FAR_CELL = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'


def _long_text(path: Path) -> Path:
    digits = "".join(random.Random(18).choices("0123456789", k=1_500_000))
    return replace_in_first_sheet(
        write_workbook(path), b"<v>49.6</v>", f"<v>{digits}</v>".encode()
    )


SHEET_LIMITS = "an IMF DOTS sheet has at most 2,500 rows and 256 columns; not"

LIMIT_CASES = [
    WorkbookCase(
        "zip bomb: sheet unpacks to 300 MB",
        zip_bomb,
        "its parts unpack to 299.6 MB; expected at most 100 MB for an IMF DOTS workbook",
    ),
    WorkbookCase(
        "file larger than 20 MB",
        _file_too_large,
        "the file is 25 MB; expected an IMF DOTS workbook of at most 20 MB",
    ),
    WorkbookCase(
        "part packed 1000 to 1",
        _squeezed_part,
        "part 'xl/media/padding.bin' unpacks to 1,028 times its compressed size; expected at "
        "most 100 times for an IMF DOTS workbook",
    ),
    WorkbookCase(
        "5 MB part besides the sheets",
        _large_other_part,
        "part 'docProps/custom.bin' unpacks to 5 MB; expected at most 4 MB for a part other "
        "than the sheets read",
    ),
    WorkbookCase(
        "110 zip parts",
        _many_parts,
        "the zip archive has 110 parts; expected at most 64 for an IMF DOTS workbook",
    ),
    WorkbookCase(
        "two parts of one name",
        _duplicate_part,
        "the zip archive has two parts named 'xl/worksheets/sheet1.xml'; expected one",
    ),
    WorkbookCase(
        "12 sheets",
        _many_sheets,
        "the workbook has 12 sheets; expected at most 8 for an IMF DOTS workbook",
    ),
    WorkbookCase(
        "row 3000",
        _row_3000,
        f"{SHEET_LIMITS} a dimension B2:D3000",
        f"{EXPORTS}, cell D3000",
    ),
    WorkbookCase(
        "cells A1 and XFD1048576 (calamine would abort)",
        _edit_sheet((b"</sheetData>", FAR_CELL)),
        f"{SHEET_LIMITS} a row 1,048,576",
        f"{EXPORTS}, cell A1048576",
    ),
    WorkbookCase(
        "column 257 without a dimension",
        _edit_sheet(
            (b'<dimension ref="B2:D10" />', b""), (b'<c r="D9" t="n">', b'<c r="IW9" t="n">')
        ),
        f"{SHEET_LIMITS} a cell IW9",
        f"{EXPORTS}, cell IW9",
    ),
    WorkbookCase(
        "row 9 twice (duplicate row number)",
        _edit_sheet((ROW_9, ROW_9 + ROW_9.replace(b"49.6", b"999.9"))),
        "row numbers must increase down the sheet; not row 9 again after row 9 "
        "(calamine and openpyxl would read different copies)",
        f"{EXPORTS}, cell A9",
    ),
    WorkbookCase(
        "cell C9 twice",
        _edit_sheet((b'<c r="D9" t="n">', b'<c r="C9" t="n">')),
        "cells must go left to right; not C9 after C9",
        f"{EXPORTS}, cell C9",
    ),
    WorkbookCase(
        "cell outside the declared dimension",
        _edit_sheet((b"<v>53.7</v></c></row>", b'<v>53.7</v></c><c r="F9"><v>5</v></c></row>')),
        "cells must lie inside the sheet's declared dimension B2:D10; not F9 (openpyxl would "
        "leave it out, calamine would read it)",
        f"{EXPORTS}, cell F9",
    ),
    WorkbookCase(
        "cell text of 1.5 MB",
        _long_text,
        "the sheet's XML has a tag or text longer than 1 MB",
        f"{EXPORTS}, cell A9",
    ),
]
