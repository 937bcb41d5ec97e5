"""Mirror statistics: gaps, the pairing of DOTS rows, errors."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis_lib.exceptions import ParameterError
from analysis_lib.metrics import MirrorGap, mirror_gap, mirror_gap_table, mirror_pairs


def _dots(rows: list[tuple]) -> pd.DataFrame:
    columns = ["reporter", "partner", "flow", "year", "value_usd_mn"]
    table = pd.DataFrame(rows, columns=columns)
    table["source_id"] = "test"
    return table


@pytest.fixture
def dots() -> pd.DataFrame:
    return _dots(
        [
            ("CN", "RU", "exports_fob", 2013, 100.0),
            ("CN", "RU", "exports_fob", 2014, 200.0),
            ("RU", "CN", "imports_cif", 2013, 110.0),
            ("RU", "CN", "imports_cif", 2014, 190.0),
            ("RU", "CN", "exports_fob", 2013, 50.0),
            ("CN", "RU", "imports_cif", 2013, 55.0),
            ("CN", "RU", "imports_cif", 2014, 60.0),
            ("CN", "US", "exports_fob", 2013, 400.0),
            ("US", "CN", "imports_cif", 2013, 440.0),
            ("CN", "WLD", "exports_fob", 2013, 900.0),
        ]
    )


def test_mirror_gap_scalar_hand_checked():
    result = mirror_gap(100.0, 105.0)
    assert result == MirrorGap(reported=100.0, mirror=105.0, gap=5.0, gap_pct=5.0)


def test_mirror_gap_series_returns_frame():
    reported = pd.Series({2013: 100.0, 2014: 200.0})
    mirror = pd.Series({2014: 190.0, 2013: 110.0})
    result = mirror_gap(reported, mirror)
    assert list(result.columns) == ["reported", "mirror", "gap", "gap_pct"]
    assert result.loc[2013].tolist() == [100.0, 110.0, 10.0, 10.0]
    assert result.loc[2014].tolist() == [200.0, 190.0, -10.0, -5.0]


@pytest.mark.parametrize(
    ("reported", "mirror", "match"),
    [
        (0.0, 1.0, "reported must be positive"),
        (1.0, -1.0, "mirror must be non-negative"),
        (pd.Series({2013: 1.0}), pd.Series({2014: 1.0}), "must share one index"),
    ],
)
def test_mirror_gap_errors(reported, mirror, match):
    with pytest.raises(ParameterError, match=match):
        mirror_gap(reported, mirror)


def test_mirror_gap_table_pairs_each_flow_with_its_mirror(dots):
    table = mirror_gap_table(dots).set_index(["exporter", "importer", "year"]).sort_index()
    assert list(table.index) == [
        ("CN", "RU", 2013),
        ("CN", "RU", 2014),
        ("CN", "US", 2013),
        ("RU", "CN", 2013),
    ]
    assert table.loc[("CN", "RU", 2013)].tolist() == [100.0, 110.0, 10.0, 10.0]
    assert table.loc[("CN", "RU", 2014)].tolist() == [200.0, 190.0, -10.0, -5.0]
    assert table.loc[("RU", "CN", 2013)].tolist() == [50.0, 55.0, 5.0, 10.0]


def test_mirror_gap_table_outer_keeps_one_sided_flows(dots):
    table = mirror_gap_table(dots, how="outer")
    one_sided = table[(table["exporter"] == "CN") & (table["importer"] == "WLD")].iloc[0]
    assert one_sided["exports_fob_usd_mn"] == 900.0
    assert math.isnan(one_sided["imports_cif_usd_mn"])
    assert math.isnan(one_sided["gap_pct"])
    # CN->RU 2013, 2014; RU->CN 2013, 2014 (only China reports it); CN->US; CN->WLD
    assert len(table) == 6


def test_mirror_gap_table_zero_fob_gives_nan_percent():
    dots = _dots([("CN", "RU", "exports_fob", 2013, 0.0), ("RU", "CN", "imports_cif", 2013, 5.0)])
    row = mirror_gap_table(dots).iloc[0]
    assert row["gap_usd_mn"] == 5.0
    assert math.isnan(row["gap_pct"])


def test_mirror_pairs_orders_a_to_b_first(dots):
    pairs = mirror_pairs(dots, "RU", "CN", how="inner")
    assert list(zip(pairs["exporter"], pairs["importer"], pairs["year"], strict=True)) == [
        ("RU", "CN", 2013),
        ("CN", "RU", 2013),
        ("CN", "RU", 2014),
    ]
    assert pairs["exports_fob_usd_mn"].tolist() == [50.0, 100.0, 200.0]
    assert pairs["imports_cif_usd_mn"].tolist() == [55.0, 110.0, 190.0]


def test_mirror_pairs_outer_keeps_years_one_side_reports(dots):
    pairs = mirror_pairs(dots, "RU", "CN")
    assert list(zip(pairs["exporter"], pairs["year"], strict=True)) == [
        ("RU", 2013),
        ("RU", 2014),
        ("CN", 2013),
        ("CN", 2014),
    ]
    one_sided = pairs.iloc[1]
    assert np.isnan(one_sided["exports_fob_usd_mn"])
    assert one_sided["imports_cif_usd_mn"] == 60.0
    assert np.isnan(one_sided["gap_pct"])


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ({"flow": "exports"}, "must be one of 'exports_fob', 'imports_cif'; not 'exports'"),
        ({"value_usd_mn": -1.0}, "must be non-negative"),
    ],
)
def test_mirror_table_rejects_bad_rows(dots, change, match):
    broken = dots.copy()
    for column, value in change.items():
        broken.loc[3, column] = value
    with pytest.raises(ParameterError, match=match):
        mirror_gap_table(broken)
    with pytest.raises(ParameterError, match=match):
        mirror_pairs(broken, "CN", "RU")


def test_mirror_table_errors(dots):
    with pytest.raises(ParameterError, match="lacks column 'flow'"):
        mirror_gap_table(dots.drop(columns="flow"))
    with pytest.raises(ParameterError, match="must not be empty"):
        mirror_gap_table(dots.iloc[0:0])
    with pytest.raises(ParameterError, match="'value_usd_mn' must be numeric"):
        mirror_gap_table(dots.assign(value_usd_mn="1.0"))
    with pytest.raises(ParameterError, match="how must be one of 'inner', 'outer'; not 'left'"):
        mirror_gap_table(dots, how="left")
    with pytest.raises(ParameterError, match="two different countries"):
        mirror_pairs(dots, "CN", "CN")
    with pytest.raises(ParameterError, match="no trade between 'CN' and 'JP'"):
        mirror_pairs(dots, "CN", "JP")
