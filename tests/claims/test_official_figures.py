"""The official Chinese figures keep the precision they were published with."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from analysis_lib import paths
from analysis_lib.claims.rules import as_written
from analysis_lib.loaders import load_table

PROJECT_DATA_DIR = paths.PROJECT_ROOT / "data"


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        ("customs_totals", ("total_usd_bn", "reported_growth_pct")),
        ("official_announcements", ("total_usd_bn", "reported_growth_pct")),
    ],
)
def test_every_published_figure_is_stored_with_its_written_digits(table, columns):
    # The audit reads a figure's precision from its stored value: 95.28 must not
    # be written 95.280, nor 88.1 as 88.10, or its rounding would be misread.
    with (PROJECT_DATA_DIR / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for column in columns:
                text = row[column]
                if text:
                    assert f"{as_written(float(text))}" == text, (table, column, text)
                    assert Decimal(text) == as_written(float(text))


def test_official_announcements_hold_the_reference_notes_figures():
    table = load_table("official_announcements", data_dir=PROJECT_DATA_DIR)
    figures = {
        (row.announced_by, row.partner, int(row.year)): row.total_usd_bn
        for row in table.itertuples(index=False)
    }
    assert figures == {
        ("PEOPLES_DAILY", "RU", 2011): 79.0,
        ("XINHUA", "RU", 2011): 80.0,
        ("MOFCOM", "RU", 2012): 88.1,
        ("MOFCOM", "JP", 2012): 329.4,
        ("MOFCOM", "KR", 2012): 256.3,
        ("MOFCOM", "JP", 2014): 312.484,
        ("MOFCOM", "KR", 2014): 290.563,
        ("MOFCOM", "RU", 2014): 95.285,
        ("MOFCOM", "US", 2014): 555.1,
    }
    bound = table[table["total_bound"] == "over"]
    assert list(bound["announced_by"]) == ["PEOPLES_DAILY"]


def test_both_official_cn_us_2014_figures_are_in_the_data():
    customs = load_table("customs_totals", data_dir=PROJECT_DATA_DIR)
    row = customs[(customs["partner"] == "US") & (customs["year"] == 2014)].iloc[0]
    assert (row["agency"], row["total_usd_bn"], row["source_id"]) == (
        "GACC",
        549.19,
        "chinadaily_2015",
    )
    assert row["exports_usd_bn"] + row["imports_usd_bn"] == pytest.approx(549.19)
