"""The five real IMF DOTS workbooks, when the reference folder is present."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis_lib import paths
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
