"""Notebook 02's story: ratios to China's other partners, on synthetic and real data."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis_lib.loaders import load_table
from analysis_lib.record import read_values
from analysis_lib.stories import partner_comparison
from analysis_lib.views import common as data
from analysis_lib.views import partner_comparison as views


def series(values: dict) -> pd.Series:
    return pd.Series(values, dtype="float64").rename_axis("year")


def synthetic() -> dict:
    return {
        "RU": {"imf_dots_cn": series({2014: 100.0, 2015: 60.0})},
        "US": {"imf_dots_cn": series({2014: 600.0, 2015: 600.0})},
        "JP": {"imf_dots_cn": series({2014: 300.0})},
        "KR": {"imf_dots_cn": series({})},
        "WLD": {"imf_dots_cn": series({2014: 4000.0})},
    }


def test_ratio_table_computes_ratios_fractions_and_matches():
    claimed = {"US": "1/6", "JP": "1/5", "KR": "1/5"}
    table = views.ratio_table(synthetic(), "imf_dots_cn", 2014, claimed).set_index("partner")
    assert table.loc["US", "ratio"] == pytest.approx(1 / 6)
    assert table.loc["US", "fraction_label"] == "1/6" and table.loc["US", "matches"] is True
    assert table.loc["JP", "fraction_label"] == "1/3" and table.loc["JP", "matches"] is False
    assert math.isnan(table.loc["KR", "ratio"]) and table.loc["KR", "matches"] is None
    # The world needs denominators beyond 10: 100 / 4000 = 1/40.
    assert table.loc["WLD", "fraction_label"] == "1/40"


def test_ratio_table_without_a_russia_value_gives_no_ratio():
    table = views.ratio_table(synthetic(), "imf_dots_cn", 2016)
    assert table["ratio"].isna().all() and table["fraction_label"].isna().all()


def test_ratio_years_has_one_row_per_year():
    table = views.ratio_years(synthetic(), "imf_dots_cn", 2014, 2015)
    assert list(table["year"]) == [2014, 2015]
    assert table.set_index("year").loc[2015, "US"] == pytest.approx(0.1)


def test_partner_totals_lists_only_values_present():
    totals = views.partner_totals(synthetic(), 2015)
    assert sorted(totals["partner"]) == ["RU", "US"]


def test_real_data_reproduces_the_us_fraction_and_gacc_gaps():
    series = views.load_partner_series()
    table = views.ratio_table(series, "imf_dots_cn", 2014).set_index("partner")
    assert table.loc["US", "fraction_label"] == "1/6"
    assert table.loc["JP", "fraction_label"] != "1/5"
    years = views.gacc_partner_years(load_table("customs_totals"))
    # Customs gives China-US trade for 2014; Japan and Korea only MOFCOM announced.
    assert 2014 in years["US"]
    assert 2014 not in years["JP"] and 2014 not in years["KR"]
    claimed, year = views.claimed_fractions(data.load_claims())
    assert year == 2014 and set(claimed) == {"US", "JP", "KR"}


def test_cells_record_values_and_explain_the_default(tmp_path, said, run_cells):
    cells = run_cells("02-partner-comparison", lang="ru")
    assert set(cells["ratios"]["partner"]) == {"US", "JP", "KR", "WLD"}
    values = read_values(tmp_path / "out")["values"]
    assert values["fraction_2014_US_imf_dots_cn"] == "1/6"
    assert values["crosscheck_ratio-2014-jp_imf_dots_cn"] == "inconsistent"
    assert values["verdict_ratio-2014-jp"] == "inconsistent"
    assert values["primary_source_ratio-2014-jp"] == "mofcom"
    assert values["severity_ratio-2014-jp"] == "material"
    assert values["verdict_ratio-2014-us"] == "consistent"
    assert values["official_2014_US_mofcom_usd_bn"] == 555.1
    assert values["official_2014_US_gacc_usd_bn"] == 549.19
    prose = "\n".join(said)
    assert "Итог по 3 утверждениям: согласуются — 1, не согласуются — 2" in prose
    assert (tmp_path / "out" / "ratio_fractions.png").exists()
    assert any("МВФ DOTS" in text for text in said)


def test_a_year_without_gacc_partner_totals_says_so(tmp_path, said):
    report = partner_comparison.start(source="gacc", output_dir=str(tmp_path / "out"))
    ratios = partner_comparison.ratios(report)
    partner_comparison.draw_ratios(report, ratios)
    partner_comparison.tell_ratios(report, ratios)
    # Customs gives 2014 for the US only: Japan, Korea and the world cannot be computed.
    assert said[-1].count("cannot be computed") == len(views.PARTNERS) - 1
    assert "against China Customs (GACC), is **consistent (within rounding)**" in said[-1]
