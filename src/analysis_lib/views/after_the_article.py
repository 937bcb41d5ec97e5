"""Notebook 08's data: China-Russia trade in the years after the article, against its 2014 level.

The article found China-Russia trade "disproportionate" to the partnership: USD
95.3 bn in 2014, 1/6 of China-US trade.
"""

from __future__ import annotations

import math

LEVEL_CLAIM = "trade-2014"
US_RATIO_CLAIM = "ratio-2014-us"


def after_table(series, base_year: int, claimed: float, start_year: int, end_year: int):
    """Return one row per year of the range: level, yearly growth, change since the base year.

    Columns: year, value_usd_bn (NaN when missing), growth_pct (on the previous year),
    since_base_pct (on the source's own ``base_year`` value), ratio_to_claimed (level
    divided by the article's ``claimed`` base-year level).
    """
    import pandas as pd

    from analysis_lib.metrics import yoy_growth

    growth = yoy_growth(series) if len(series) else series
    base = float(series.get(base_year, math.nan))
    rows = []
    for year in range(start_year, end_year + 1):
        value = float(series.get(year, math.nan))
        rows.append(
            {
                "year": year,
                "value_usd_bn": value,
                "growth_pct": float(growth.get(year, math.nan)),
                "since_base_pct": (value / base - 1) * 100 if base > 0 else math.nan,
                "ratio_to_claimed": value / claimed,
            }
        )
    return pd.DataFrame(rows)


def after_summary(table, base_year: int, base_value: float) -> dict | None:
    """Return the key figures of :func:`after_table`, or None when it has no value.

    Keys: first_year, first_value, last_year, last_value, peak_year, peak_value,
    growth_since_base_pct and cagr_pct (NaN without a base value), ratio_to_claimed
    (last year), missing_years.
    """
    from analysis_lib.metrics import cagr

    known = table.dropna(subset=["value_usd_bn"])
    if known.empty:
        return None
    first, last = known.iloc[0], known.iloc[-1]
    peak = known.loc[known["value_usd_bn"].idxmax()]
    has_base = base_value > 0
    last_year = int(last["year"])
    return {
        "first_year": int(first["year"]),
        "first_value": float(first["value_usd_bn"]),
        "last_year": last_year,
        "last_value": float(last["value_usd_bn"]),
        "peak_year": int(peak["year"]),
        "peak_value": float(peak["value_usd_bn"]),
        "growth_since_base_pct": float(last["since_base_pct"]) if has_base else math.nan,
        "cagr_pct": (
            cagr(base_value, float(last["value_usd_bn"]), last_year - base_year)
            if has_base
            else math.nan
        ),
        "ratio_to_claimed": float(last["ratio_to_claimed"]),
        "missing_years": [int(y) for y in table.loc[table["value_usd_bn"].isna(), "year"]],
    }


def early_releases(customs_df, years) -> dict:
    """Return ``{year: total}`` of GACC early releases (CN-RU) in ``years`` without a final one."""
    rows = customs_df[
        (customs_df["agency"] == "GACC")
        & (customs_df["reporter"] == "CN")
        & (customs_df["partner"] == "RU")
        & customs_df["year"].isin(list(years))
    ]
    final = set(rows.loc[rows["release"] == "final", "year"])
    early = rows[(rows["release"] == "early") & ~rows["year"].isin(final)]
    return {int(r.year): float(r.total_usd_bn) for r in early.itertuples(index=False)}


def latest_partner_ratio(russia, partner, start_year: int, end_year: int):
    """Return (year, ratio, fraction) for the last year of the range with both series, or None."""
    from analysis_lib.metrics import nearest_unit_fraction

    common = [
        y for y in range(start_year, end_year + 1) if y in russia.index and y in partner.index
    ]
    if not common:
        return None
    year = common[-1]
    ratio = float(russia[year]) / float(partner[year])
    return year, ratio, str(nearest_unit_fraction(ratio))
