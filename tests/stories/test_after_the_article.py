"""Notebook 08's story: the years after the article against its 2014 level."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis_lib.loaders import load_table
from analysis_lib.record import read_values
from analysis_lib.views import after_the_article as views
from analysis_lib.views import common as data


def series(values: dict) -> pd.Series:
    return pd.Series(values, dtype="float64").rename_axis("year")


def test_after_table_and_summary_on_synthetic_data():
    data = series({2014: 100.0, 2016: 110.0, 2017: 121.0})
    table = views.after_table(data, 2014, 50.0, 2015, 2017)
    assert math.isnan(table.loc[0, "value_usd_bn"])
    assert math.isnan(table.loc[1, "growth_pct"])  # 2015 is missing
    assert table.loc[2, "growth_pct"] == pytest.approx(10.0)
    assert table.loc[2, "since_base_pct"] == pytest.approx(21.0)
    assert table.loc[2, "ratio_to_claimed"] == pytest.approx(121.0 / 50.0)
    summary = views.after_summary(table, 2014, 100.0)
    assert summary["missing_years"] == [2015]
    assert summary["cagr_pct"] == pytest.approx((1.21 ** (1 / 3) - 1) * 100)
    assert (summary["peak_year"], summary["last_year"]) == (2017, 2017)


def test_summary_without_a_base_value_has_no_growth():
    data = series({2016: 110.0})
    table = views.after_table(data, 2014, 50.0, 2016, 2016)
    summary = views.after_summary(table, 2014, math.nan)
    assert math.isnan(summary["cagr_pct"]) and summary["ratio_to_claimed"] == pytest.approx(2.2)


def test_summary_of_an_empty_range_is_none():
    table = views.after_table(series({2014: 1.0}), 2014, 1.0, 2015, 2016)
    assert views.after_summary(table, 2014, 1.0) is None


def test_latest_partner_ratio_takes_the_last_common_year():
    russia = series({2020: 100.0, 2024: 200.0})
    usa = series({2020: 500.0, 2023: 600.0})
    year, ratio, fraction = views.latest_partner_ratio(russia, usa, 2015, 2025)
    assert (year, fraction) == (2020, "1/5") and ratio == pytest.approx(0.2)
    assert views.latest_partner_ratio(russia, usa, 2021, 2025) is None


def test_early_releases_only_where_no_final_figure():
    customs = load_table("customs_totals")
    early = views.early_releases(customs, range(2015, 2026))
    rows = customs[(customs["release"] == "early") & (customs["partner"] == "RU")]
    assert early == {int(r.year): float(r.total_usd_bn) for r in rows.itertuples()}
    assert views.early_releases(customs, [2014]) == {}


def test_cells_record_growth_since_the_article(tmp_path, said, run_cells):
    cells = run_cells("08-after-the-article", lang="ru")
    assert list(cells["after"]["year"]) == list(range(2015, 2026))
    assert len(cells["us_ratio"]) == 1
    values = read_values(tmp_path / "out")["values"]
    gacc = data.load_series("RU")["gacc"]
    claimed = values["claim_trade-2014_usd_bn"]
    # The article's figures end in 2014; footnote 5 dates it no earlier than April 2016.
    assert values["article_written_no_earlier_than"] == "2016-04-26"
    assert values["ratio_2025_to_claim_2014"] == round(gacc[2025] / claimed, 4)
    assert values["cagr_2014_2025_gacc_pct"] == round(
        ((gacc[2025] / gacc[2014]) ** (1 / 11) - 1) * 100, 4
    )
    assert values["missing_years_gacc"] == [2015]
    assert "fraction_2024_US_gacc" in values
    assert (tmp_path / "out" / "after_article.png").exists()
    assert any("раза" in text for text in said)
