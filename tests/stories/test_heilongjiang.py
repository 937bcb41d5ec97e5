"""Notebook 05's story: the province's share of national trade, on synthetic and real data."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis_lib.exceptions import ParameterError
from analysis_lib.loaders import load_heilongjiang_trade
from analysis_lib.stories import heilongjiang
from analysis_lib.views import heilongjiang as views


def province(rows: dict) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "year": year,
                "total_usd_bn": total,
                "share_pct_stated": stated,
                "growth_pct_stated": None,
                "note": None,
                "source_id": "src",
            }
            for year, (total, stated) in rows.items()
        ]
    )


def national(values: dict) -> pd.DataFrame:
    return pd.DataFrame({"year": list(values), "national_usd_bn": list(values.values())})


def test_province_view_shares_and_growth():
    hlj = province({2001: (2.0, None), 2002: (3.0, 30.0), 2004: (6.0, None)})
    view = views.province_view(
        hlj, national({2001: 10.0, 2002: float("nan"), 2004: 20.0}), 2001, 2004
    ).set_index("year")
    assert view.loc[2001, "share_pct"] == pytest.approx(20.0)
    assert pd.isna(view.loc[2002, "share_pct"])
    assert view.loc[2004, "share_pct"] == pytest.approx(30.0)
    assert view.loc[2002, "growth_pct"] == pytest.approx(50.0)
    # 2003 is missing, so 2004 has no growth on the previous year.
    assert pd.isna(view.loc[2004, "growth_pct"])
    assert view.loc[2002, "share_pct_stated"] == 30.0


def test_province_view_keeps_the_chosen_years_only():
    hlj = province({2001: (2.0, None), 2002: (3.0, None), 2003: (4.0, None)})
    view = views.province_view(hlj, national({}), 2002, 2003)
    assert list(view["year"]) == [2002, 2003]
    # Growth of 2002 still uses 2001, which lies outside the range shown.
    assert view["growth_pct"].iloc[0] == pytest.approx(50.0)


def test_province_above_the_nation_is_rejected():
    hlj = province({2001: (12.0, None)})
    with pytest.raises(ParameterError, match="must not exceed"):
        views.province_view(hlj, national({2001: 10.0}), 2001, 2001)


def test_real_share_against_gacc_and_missing_years():
    years = range(2005, 2015)
    gacc = views.national_trade("gacc", years)
    view = views.province_view(load_heilongjiang_trade(), gacc, 2005, 2014)
    view = view.set_index("year")
    # FACTS.md: Heilongjiang 2013 22.36, GACC 2013 89.21; the press stated 25.1%.
    assert view.loc[2013, "share_pct"] == pytest.approx(22.36 / 89.21 * 100)
    assert view.loc[2013, "share_pct_stated"] == pytest.approx(25.1)
    assert set(view.index[view["national_usd_bn"].isna()]) == {2005, 2011, 2012}
    assert gacc.set_index("year").loc[2013, "national_source_ids"] == ("estiw_2013",)


def test_real_share_changes_with_the_source():
    years = [2013]
    hlj = load_heilongjiang_trade()
    gacc = views.province_view(hlj, views.national_trade("gacc", years), 2013, 2013)
    dots = views.province_view(hlj, views.national_trade("imf_dots_ru", years), 2013, 2013)
    assert gacc["share_pct"].iloc[0] != pytest.approx(dots["share_pct"].iloc[0])


def test_start_rejects_an_unknown_source(tmp_path):
    with pytest.raises(ParameterError, match=r"^source must be one of .*; not 'fcs'$"):
        heilongjiang.start(source="fcs", output_dir=str(tmp_path))


def test_start_defaults_to_the_data_years(tmp_path):
    report = heilongjiang.start(output_dir=str(tmp_path))
    assert (report.params.start_year, report.params.end_year) == (2005, 2014)
    assert report.params.source == "gacc"
