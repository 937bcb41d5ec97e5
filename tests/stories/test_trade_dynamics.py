"""Notebook 01's story: data views on synthetic and real data, prose tables, the cells."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis_lib.exceptions import ClaimRegistryError
from analysis_lib.record import read_values
from analysis_lib.stories import common
from analysis_lib.views import common as data
from analysis_lib.views import trade_dynamics as views
from analysis_lib.vocabulary import AUDIT_SOURCES


def series(values: dict) -> pd.Series:
    return pd.Series(values, dtype="float64", name="value_usd_bn").rename_axis("year")


def test_levels_table_keeps_missing_years_as_nan():
    data = {"gacc": series({2010: 50.0, 2013: 80.0}), "imf_dots_cn": series({2010: 49.0})}
    table = views.levels_table(data, 2010, 2013)
    assert len(table) == 8
    gacc = table[table["source"] == "gacc"].set_index("year")["value_usd_bn"]
    assert gacc[2010] == 50.0 and math.isnan(gacc[2011]) and math.isnan(gacc[2012])
    assert views.missing_years(table, "gacc") == [2011, 2012]


def test_growth_table_needs_the_year_before():
    data = {"gacc": series({2010: 50.0, 2011: 55.0, 2013: 60.0})}
    growth = views.growth_table(data, 2011, 2013).set_index("year")["growth_pct"]
    assert growth[2011] == pytest.approx(10.0)
    assert math.isnan(growth[2012]) and math.isnan(growth[2013])


def test_slowdown_table_says_slowed_only_with_both_growth_rates():
    data = {
        "imf_dots_cn": series({2010: 100.0, 2011: 140.0, 2012: 150.0}),
        "imf_dots_ru": series({2010: 100.0, 2011: 105.0, 2012: 120.0}),
        "gacc": series({2010: 100.0}),
    }
    table = views.slowdown_table(data, 2012).set_index("source")
    assert table.loc["imf_dots_cn", "slowed"] is True
    assert table.loc["imf_dots_ru", "slowed"] is False
    assert table.loc["gacc", "slowed"] is None
    assert table.loc["gacc", "missing"] == [2011, 2012]


def test_claims_comparison_puts_each_source_beside_the_claim():
    claims = pd.DataFrame(
        {
            "claim_id": ["a", "b"],
            "kind": ["level", "growth"],
            "year": [2011, 2011],
            "claimed_value": [55.0, 10.0],
        }
    )
    data = {"gacc": series({2010: 50.0, 2011: 55.0})}
    levels = views.levels_table(data, 2010, 2011)
    growth = views.growth_table(data, 2010, 2011)
    verdicts = pd.DataFrame(
        {"claim_id": ["a"], "source": ["gacc"], "verdict": ["consistent"], "computed": ["55"]}
    )
    table = views.claims_comparison(claims, levels, growth, verdicts).set_index("claim_id")
    assert table.loc["a", "gacc"] == 55.0 and table.loc["a", "gacc_verdict"] == "consistent"
    assert table.loc["b", "gacc"] == pytest.approx(10.0)
    assert math.isnan(table.loc["a", "imf_dots_cn"]) and pd.isna(table.loc["b", "gacc_verdict"])


def test_real_data_gacc_has_no_2011_2012_and_claims_come_from_the_registry():
    series = data.load_series("RU")
    levels = views.levels_table(series, 2009, 2014)
    assert views.missing_years(levels, "gacc") == [2011, 2012]
    registry = data.load_claims().set_index("claim_id")
    claims = data.article_claims(data.load_claims(), views.LEVEL_CLAIMS)
    assert list(claims["claimed_value"]) == [
        registry.loc[c, "claimed_value"] for c in views.LEVEL_CLAIMS
    ]


def test_article_claims_rejects_an_unknown_claim():
    with pytest.raises(ClaimRegistryError, match="'no-such-claim'"):
        data.article_claims(data.load_claims(), ("no-such-claim",))


def test_highlight_source_thickens_the_chosen_line_only():
    from analysis_lib.plots import trade_levels

    data = {s: series({2010: 50.0 + i, 2011: 60.0 + i}) for i, s in enumerate(AUDIT_SOURCES)}
    fig = trade_levels(views.levels_table(data, 2010, 2011), source_ids=["gacc"], lang="ru")
    common.highlight_source(fig, "imf_dots_ru", "ru")
    widths = {line.get_label(): line.get_linewidth() for line in fig.axes[0].get_lines()}
    chosen = common.source_label("imf_dots_ru", "ru")
    assert widths[chosen] > max(w for name, w in widths.items() if name != chosen)


def test_text_table_formats_numbers_for_russian():
    table = pd.DataFrame({"year": [2014], "value": [1234.5], "missing": [math.nan]})
    shown = common.text_table(table, "ru", decimals=1)
    assert shown.iloc[0].tolist() == ["2014", "1\u202f234,5", "–"]


def test_cells_record_values_and_figures(tmp_path, said, run_cells):
    cells = run_cells("01-trade-dynamics", lang="ru")
    assert set(cells["levels"]["year"]) == set(range(2009, 2015))
    assert list(cells["slowdown"]["source"]) == list(AUDIT_SOURCES)
    values = read_values(tmp_path / "out")["values"]
    assert values["missing_years_gacc"] == [2011, 2012]
    # 2011 has no customs release in the data: the official figure is "over 79".
    assert values["verdict_trade-2011"] == "consistent"
    assert values["primary_source_trade-2011"] == "peoples_daily"
    assert values["crosscheck_trade-2011_xinhua"] == "inconsistent"
    assert values["verdict_slowdown-2012"] == "consistent"
    assert values["crosscheck_slowdown-2012_imf_dots_cn"] == "consistent"
    assert (tmp_path / "out" / "trade_levels.png").exists()
    assert (tmp_path / "out" / "trade_levels.narrow.png").exists()
    prose = "\n".join(said)
    assert "ГТУ КНР" in prose and "2011 и 2012\u00a0гг." in prose
