"""The five real IMF DOTS workbooks, when the reference folder is present."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis_lib import paths
from analysis_lib.importers._cells import column_number
from analysis_lib.importers.dots import import_dots, read_dots_workbook

# Published check values, FACTS.md section 1 ("Known values, for checking an
# importer"): China-reported exports FOB + imports CIF, USD bn.
KNOWN_CN_TOTALS_USD_BN = [
    ("RU", 2010, 55.40),
    ("RU", 2012, 88.03),
    ("RU", 2013, 89.17),
    ("RU", 2014, 95.24),
    ("US", 2014, 551.24),
    ("JP", 2014, 312.14),
    ("KR", 2014, 290.69),
    ("WLD", 2014, 4306.33),
]


@pytest.fixture(scope="module")
def real_workbooks():
    found = sorted(paths.RAW_DOTS_DIR.glob("DOTS_*.xlsx")) if paths.RAW_DOTS_DIR.is_dir() else []
    if not found:
        pytest.skip(f"no IMF DOTS workbooks in {paths.RAW_DOTS_DIR}")
    return found


@pytest.fixture(scope="module")
def real_table(real_workbooks, tmp_path_factory):
    return import_dots(real_workbooks, tmp_path_factory.mktemp("dots") / "dots_trade.csv")


@pytest.mark.parametrize(("partner", "year", "expected"), KNOWN_CN_TOTALS_USD_BN)
def test_china_reported_totals_match_facts(real_table, partner, year, expected):
    rows = real_table[
        (real_table["reporter"] == "CN")
        & (real_table["partner"] == partner)
        & (real_table["year"] == year)
    ]

    assert sorted(rows["flow"]) == ["exports_fob", "imports_cif"]
    assert round(rows["value_usd_mn"].sum() / 1000, 2) == expected


def test_every_reporter_and_partner_is_present(real_table):
    codes = {"CN", "RU", "US", "JP", "KR"}

    assert set(real_table["reporter"]) == codes
    for reporter in codes:
        partners = set(real_table.loc[real_table["reporter"] == reporter, "partner"])
        assert partners == (codes - {reporter}) | {"WLD"}
    assert not real_table.duplicated(["reporter", "partner", "flow", "year"]).any()


def test_openpyxl_reads_the_same_as_calamine(real_workbooks):
    china = next(path for path in real_workbooks if path.name == "DOTS_40_china.xlsx")

    pd.testing.assert_frame_equal(
        read_dots_workbook(china, engine="openpyxl"), read_dots_workbook(china)
    )


def test_the_real_workbooks_give_no_warning_and_use_every_listed_name(real_workbooks):
    from analysis_lib.importers._layout import COUNTRY_CODES, FIRST_PARTNER_ROW, NAME_COLUMN
    from analysis_lib.importers._partner_names import OTHER_PARTNER_NAMES
    from analysis_lib.importers._sheets import read_sheets

    warnings, names = [], set()
    for path in real_workbooks:
        read_dots_workbook(path, on_warning=warnings.append)
        _, sheets = read_sheets(path, "calamine", ("Exports, FOB", "Imports, CIF"))
        for sheet in sheets.values():
            rows = range(FIRST_PARTNER_ROW, sheet.last_row + 1)
            names |= {sheet.value(row, NAME_COLUMN).strip() for row in rows}

    assert warnings == []
    assert names - set(COUNTRY_CODES) == OTHER_PARTNER_NAMES


def test_the_limits_leave_a_wide_margin_over_the_real_workbooks(real_workbooks):
    import re
    import zipfile

    from analysis_lib.importers import _limits

    for path in real_workbooks:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            sheets = [part for part in parts if part.filename.startswith("xl/worksheets/")]
            largest_other = max(p.file_size for p in parts if p not in sheets)
            dimensions = [
                re.search(rb'<dimension ref="A1:([A-Z]+)([0-9]+)"', archive.read(part))
                for part in sheets
            ]
        assert path.stat().st_size * 50 < _limits.MAX_FILE_BYTES
        assert len(parts) * 4 < _limits.MAX_PARTS
        assert sum(p.file_size for p in parts) * 50 < _limits.MAX_UNPACKED_BYTES
        assert max(p.file_size / p.compress_size for p in sheets) * 10 < _limits.MAX_RATIO
        assert largest_other * 50 < _limits.MAX_OTHER_PART_BYTES
        assert len(sheets) * 4 <= _limits.MAX_SHEETS
        for found in dimensions:
            assert int(found[2]) * 10 < _limits.MAX_ROWS
            assert column_number(found[1].decode()) * 4 < _limits.MAX_COLUMNS


def test_make_data_gives_the_committed_table_byte_for_byte(real_workbooks, tmp_path):
    out_csv = tmp_path / "dots_trade.csv"
    import_dots(real_workbooks, out_csv)

    assert out_csv.read_bytes() == (paths.PROJECT_ROOT / "data" / "dots_trade.csv").read_bytes()
