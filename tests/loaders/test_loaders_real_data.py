"""The committed data package loads, and its figures are the reference notes' figures."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis_lib import loaders, paths
from analysis_lib.loaders import TABLE_NAMES, load_table, read_descriptor

HAS_DOTS = (paths.PROJECT_ROOT / "data" / "dots_trade.csv").is_file()
DTYPE_OF_TYPE = {
    "string": "string",
    "date": "string",
    "integer": "Int64",
    "number": "float64",
    "boolean": "boolean",
}


def _tables_present():
    return [n for n in TABLE_NAMES if n != "dots_trade" or HAS_DOTS]


def test_every_loader_table_is_described():
    described = {r["name"] for r in read_descriptor()["resources"]}
    assert set(TABLE_NAMES) <= described


@pytest.mark.parametrize("name", _tables_present())
def test_real_table_loads_with_descriptor_columns_and_dtypes(name):
    frame = getattr(loaders, f"load_{name}")()
    fields = next(r for r in read_descriptor()["resources"] if r["name"] == name)["schema"]
    assert list(frame.columns) == [f["name"] for f in fields["fields"]]
    assert {c: str(t) for c, t in frame.dtypes.items()} == {
        f["name"]: DTYPE_OF_TYPE[f["type"]] for f in fields["fields"]
    }
    assert len(frame) > 0
    assert isinstance(frame.index, pd.RangeIndex)


def test_customs_totals_rows_match_the_reference_notes():
    table = load_table("customs_totals")

    def row(agency, partner, year, release="final"):
        chosen = table[
            (table["agency"] == agency)
            & (table["partner"] == partner)
            & (table["year"] == year)
            & (table["release"] == release)
        ]
        assert len(chosen) == 1
        return chosen.iloc[0]

    assert row("GACC", "RU", 2014)["total_usd_bn"] == 95.28
    assert row("GACC", "RU", 2014)["reported_growth_pct"] == 6.8
    assert (
        row("GACC", "RU", 2024)["exports_usd_bn"],
        row("GACC", "RU", 2024)["imports_usd_bn"],
    ) == (
        115.49,
        129.32,
    )
    assert row("GACC", "RU", 2015, "early")["total_usd_bn"] == 64.2
    assert row("FCS", "CN", 2008)["exports_usd_bn"] == 21.1
    assert row("GACC", "US", 2012)["imports_usd_bn"] == 132.89


def test_sitc_shares_leave_room_for_the_other_sections():
    structure = load_table("trade_structure")
    sitc = structure[structure["classification"] == "SITC3"]
    totals = sitc.groupby(["exporter", "year"])["share_pct"].sum()
    assert len(totals) == 6
    assert (totals <= 100 + 1e-9).all()
    assert (totals > 80).all()


def test_timeline_dates_agree_with_their_precision():
    timeline = load_table("timeline")
    lengths = timeline["start_date"].str.len()
    expected = timeline["date_precision"].map({"day": 10, "month": 7, "year": 4})
    assert (lengths == expected).all()


def test_every_row_names_a_known_source():
    known = set(load_table("sources")["source_id"])
    for name in _tables_present():
        assert set(load_table(name)["source_id"]) <= known, name


def test_gacc_series_from_real_data():
    series = loaders.trade_series("gacc")
    assert series.name == "value_usd_bn"
    assert series.index.name == "year"
    assert series.dtype == "float64"
    assert series[2014] == 95.28
    assert 2015 not in series.index  # only the early release exists for 2015


@pytest.mark.skipif(not HAS_DOTS, reason="data/dots_trade.csv not imported yet")
@pytest.mark.parametrize(
    ("source", "partner", "year", "expected"),
    [
        ("imf_dots_cn", "RU", 2010, 55.40),
        ("imf_dots_cn", "RU", 2014, 95.24),
        ("imf_dots_cn", "US", 2014, 551.24),
        ("imf_dots_cn", "WLD", 2014, 4306.33),
    ],
)
def test_imf_series_match_the_known_values(source, partner, year, expected):
    assert loaders.trade_series(source, partner)[year] == pytest.approx(expected, abs=0.005)


@pytest.mark.skipif(not HAS_DOTS, reason="data/dots_trade.csv not imported yet")
def test_mirror_series_is_reported_by_russia():
    mirror = loaders.trade_series("imf_dots_ru")
    dots = load_table("dots_trade")
    ru = dots[(dots["reporter"] == "RU") & (dots["partner"] == "CN") & (dots["year"] == 2014)]
    assert mirror[2014] == pytest.approx(ru["value_usd_mn"].sum() / 1000)
    assert mirror[2014] != pytest.approx(loaders.trade_series("imf_dots_cn")[2014])
