"""`_limits`: the sheet scan and the zip checks, on small hand-made inputs."""

from __future__ import annotations

import io
import zipfile

import pytest

from analysis_lib.exceptions import DataFileError, WorkbookLayoutError
from analysis_lib.importers import _limits
from analysis_lib.importers._layout import COUNTRY_CODES
from analysis_lib.importers._partner_names import OTHER_PARTNER_NAMES
from analysis_lib.importers._rows import _squeezed

SHEET = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<dimension ref="A1:D3"/><sheetData>'
    b'<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="D1"><v>1.5</v></c></row>'
    b"<row><c><v>2</v></c><c><v>3</v></c></row>"
    b"<row r='3'><c r='C3' s=\"1\"/></row>"
    b"</sheetData></worksheet>"
)


def _scan(xml: bytes, chunk: int, monkeypatch) -> None:
    monkeypatch.setattr(_limits, "_CHUNK_BYTES", chunk)
    _limits._scan_sheet("book.xlsx", "Exports, FOB", io.BytesIO(xml))


@pytest.mark.parametrize("chunk", [1, 2, 7, 64, 1 << 20])
def test_a_well_formed_sheet_passes_whatever_the_chunk_size(chunk, monkeypatch):
    _scan(SHEET, chunk, monkeypatch)


@pytest.mark.parametrize("chunk", [1, 5, 1 << 20])
@pytest.mark.parametrize(
    ("old", "new", "cell", "expect"),
    [
        (b"<row r='3'>", b"<row r='2'>", "A2", "not row 2 again after row 2"),
        (b'<row r="1" spans="1:4">', b'<row r="3">', "A1", "cell A1 must stand in row 1; not in"),
        (b"<row><c>", b'<row r="1"><c>', "A1", "not row 1 again after row 1"),
        (b'<c r="D1">', b'<c r="A1">', "A1", "cells must go left to right; not A1 after A1"),
        (b"<c><v>3</v>", b'<c r="A2"><v>3</v>', "A2", "not A2 after A2"),
        (b'<c r="D1">', b'<c r="D2">', "D2", "cell D2 must stand in row 2; not in row 1"),
        (b"<c r='C3'", b"<x:c r='E3'", "E3", "declared dimension A1:D3; not E3"),
        (b'ref="A1:D3"', b'ref="A1:IW3"', "IW3", "256 columns; not a dimension A1:IW3"),
        (b'<c r="A1" t="s">', b'<c r="A1" t="s" x=">">', "", ""),
        (b'<c r="D1">', b'<c t="n" r = "$D$1">', "", ""),
        (b'<c r="D1">', b'<c r="D1x">', "B1", "a cell reference must be like 'C9'; not 'D1x'"),
        (b'<row r="1" spans="1:4">', b'<row r="one">', "A1", "a row number must be a whole"),
    ],
)
def test_the_scan_follows_rows_and_cells_across_chunks(old, new, cell, expect, chunk, monkeypatch):
    xml = SHEET.replace(old, new, 1)
    assert xml != SHEET
    if not expect:
        _scan(xml, chunk, monkeypatch)
        return
    with pytest.raises(WorkbookLayoutError) as caught:
        _scan(xml, chunk, monkeypatch)
    assert caught.value.cell == cell
    assert expect in str(caught.value)


def test_a_dimension_after_the_rows_is_refused(monkeypatch):
    xml = SHEET.replace(b'<dimension ref="A1:D3"/>', b"").replace(
        b"</sheetData>", b'</sheetData><dimension ref="A1:D3"/>'
    )
    with pytest.raises(WorkbookLayoutError, match="must come before its rows; not after row 3"):
        _scan(xml, 1 << 20, monkeypatch)


def test_a_tag_longer_than_the_limit_is_refused_without_growing(monkeypatch):
    monkeypatch.setattr(_limits, "MAX_TAG_BYTES", 100)
    xml = SHEET.replace(b"<v>2</v>", b"<v>" + b"9" * 500 + b"</v>")
    with pytest.raises(WorkbookLayoutError, match="a tag or text longer than"):
        _scan(xml, 64, monkeypatch)


def test_the_part_count_is_read_from_the_end_record_before_the_directory(tmp_path, monkeypatch):
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(70):
            archive.writestr(f"part{number}.xml", b"<a/>")

    def never(*args, **kwargs):
        raise AssertionError("the zip directory was parsed")

    monkeypatch.setattr(zipfile.ZipFile, "__init__", never)
    with pytest.raises(DataFileError, match="the zip archive has 70 parts; expected at most 64"):
        _limits.check_workbook(path, ("Exports, FOB",))


def test_a_sheet_pointing_at_a_missing_part_is_refused(tmp_path):
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            _limits.WORKBOOK_PART,
            f'<workbook xmlns="{_limits.MAIN_NS[1:-1]}" xmlns:r="{_limits.REL_NS[1:-1]}">'
            '<sheets><sheet name="Exports, FOB" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            _limits.RELATIONS_PART,
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="worksheets/../worksheets/sheet9.xml"/>'
            "</Relationships>",
        )
    with pytest.raises(DataFileError, match=r"points to part 'xl/worksheets/sheet9\.xml', which"):
        _limits.check_workbook(path, ("Exports, FOB",))


def test_no_other_partner_name_looks_like_a_kept_one():
    kept = {_squeezed(name) for name in COUNTRY_CODES}
    assert not {name for name in OTHER_PARTNER_NAMES if _squeezed(name) in kept}
    assert not OTHER_PARTNER_NAMES & set(COUNTRY_CODES)
