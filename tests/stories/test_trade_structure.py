"""Notebook 04's story: the SITC proxy, concentration, change and two-way trade."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis_lib.exceptions import ParameterError
from analysis_lib.loaders import load_trade_structure
from analysis_lib.stories import trade_structure as structure
from analysis_lib.views import trade_structure as views


def rows(exporter, importer, year, shares, total=10.0):
    return [
        {
            "classification": "SITC3",
            "exporter": exporter,
            "importer": importer,
            "year": year,
            "period": "year",
            "category": category,
            "category_en": category.lower(),
            "category_ru": category.lower(),
            "share_pct": share,
            "flow_total_usd_bn": total,
            "source_id": "src",
        }
        for category, share in shares.items()
    ]


def synthetic() -> pd.DataFrame:
    return pd.DataFrame(
        rows("RU", "CN", 2000, {"SITC3": 40.0, "SITC2": 5.0, "SITC7": 55.0}, total=20.0)
        + rows("CN", "RU", 2000, {"SITC8": 60.0, "SITC3": 40.0}, total=10.0)
        + rows("RU", "CN", 2010, {"SITC3": 60.0, "SITC2": 20.0, "SITC7": 20.0}, total=20.0)
        + rows("CN", "RU", 2010, {"SITC8": 30.0, "SITC7": 30.0, "SITC3": 40.0}, total=10.0)
    )


def test_proxy_shares_on_synthetic_data():
    proxy = views.proxy_shares(synthetic()).set_index("year")
    assert proxy.loc[2000, "commodities_pct"] == pytest.approx(45.0)
    assert proxy.loc[2000, "manufactures_pct"] == pytest.approx(60.0)
    assert not proxy.loc[2000, "holds"]
    assert proxy.loc[2010, "commodities_pct"] == pytest.approx(80.0)
    assert bool(proxy.loc[2010, "holds"]) is True


def test_flow_metrics_hhi_top_and_distance():
    metrics = views.flow_metrics(synthetic()).set_index(["exporter", "year"])
    assert metrics.loc[("RU", 2000), "hhi"] == pytest.approx(0.4**2 + 0.05**2 + 0.55**2)
    assert metrics.loc[("RU", 2000), "top_category"] == "SITC7"
    assert pd.isna(metrics.loc[("RU", 2000), "distance_pp"])
    # |0.4-0.6| + |0.05-0.2| + |0.55-0.2| = 0.7, halved, in points.
    assert metrics.loc[("RU", 2010), "distance_pp"] == pytest.approx(35.0)


def test_intra_industry_uses_usd_flows_of_shared_sections():
    gl = views.intra_industry(synthetic()).set_index("year")["grubel_lloyd"]
    # 2000: the only section both directions list is SITC3: CN 4.0, RU 8.0 USD bn.
    assert gl[2000] == pytest.approx(1 - 4 / 12)
    # 2010: SITC3 CN 4 / RU 12, SITC7 CN 3 / RU 4.
    assert gl[2010] == pytest.approx(1 - (8 + 1) / (16 + 7))


def test_change_summary_first_to_last_year():
    summary = views.change_summary(synthetic())
    assert (summary["first"], summary["last"]) == (2000, 2010)
    assert summary["ru_distance"] == pytest.approx(35.0)
    # Over the sections both years list (SITC3, SITC8): |60 - 30| + |40 - 40|, halved.
    assert summary["cn_distance"] == pytest.approx(15.0)


def test_change_summary_needs_both_directions():
    one_way = synthetic()
    one_way = one_way[one_way["exporter"] == "RU"]
    assert views.change_summary(one_way) is None


def test_real_proxy_matches_the_published_shares():
    sitc = views.select(load_trade_structure(), "SITC3", 1995, 2015)
    proxy = views.proxy_shares(sitc).set_index("year")
    assert list(proxy.index) == [1995, 2005, 2015]
    # FACTS.md, UNCTAD: RU->CN 1995 SITC2 6.9 + SITC3 1.0; CN->RU 2015 17.1 + 33.7 + 37.4.
    assert proxy.loc[1995, "commodities_pct"] == pytest.approx(7.9)
    assert proxy.loc[2015, "manufactures_pct"] == pytest.approx(88.2)
    assert not proxy.loc[1995, "holds"] and proxy.loc[2015, "holds"]


def test_select_keeps_the_classification_and_years():
    table = load_trade_structure()
    customs = views.select(table, "RU_CUSTOMS", 1995, 2015)
    assert set(customs["year"]) == {2008}
    assert views.select(table, "SITC3", 2006, 2014).empty


def test_start_rejects_an_unknown_language(tmp_path):
    with pytest.raises(ParameterError, match=r"^lang must be one of 'en', 'ru'; not 'de'$"):
        structure.start(lang="de", output_dir=str(tmp_path))


def test_start_rejects_years_that_miss_the_data(tmp_path):
    with pytest.raises(ParameterError, match=r"^the years asked for \(1980-1990\) must overlap"):
        structure.start(start_year=1980, end_year=1990, output_dir=str(tmp_path))
