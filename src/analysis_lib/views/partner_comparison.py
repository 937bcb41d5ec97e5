"""Notebook 02's data: China-Russia trade against China's trade with other partners.

The article (2014): China-Russia trade was "only 1/6 of Sino-US trade, 1/5 of
Sino-Japanese and 1/5 of Sino-Korean trade".
"""

from __future__ import annotations

import math

from analysis_lib.views.common import article_claims, load_series
from analysis_lib.vocabulary import COMPARISON_PARTNERS as PARTNERS

RATIO_CLAIMS = {"US": "ratio-2014-us", "JP": "ratio-2014-jp", "KR": "ratio-2014-kr"}
LEVEL_CLAIM = "trade-2014"
# The article's fractions are unit fractions up to 1/6, so 1/10 is the audit's
# bound; Russia's share of China's world trade is far smaller and needs more.
MAX_DENOMINATOR = {"US": 10, "JP": 10, "KR": 10, "WLD": 100}


def load_partner_series(data_dir=None) -> dict:
    """Return ``{partner: {source: series}}`` for Russia and every comparison partner."""
    return {partner: load_series(partner, data_dir) for partner in ("RU", *PARTNERS)}


def partner_totals(series_by_partner: dict, year: int):
    """Return partner, source, value_usd_bn for each partner and source with a ``year`` value."""
    import pandas as pd

    rows = [
        {"partner": partner, "source": source, "value_usd_bn": float(series[year])}
        for partner, by_source in series_by_partner.items()
        for source, series in by_source.items()
        if year in series.index
    ]
    return pd.DataFrame(rows, columns=["partner", "source", "value_usd_bn"])


def ratio_table(series_by_partner: dict, source: str, year: int, claimed: dict | None = None):
    """Return CN-RU / CN-partner in ``year`` by ``source``, with its nearest unit fraction.

    Parameters
    ----------
    series_by_partner : dict
        ``{partner: {source: series}}`` with ``"RU"`` among the partners.
    source : str
        The audit source.
    year : int
    claimed : dict, optional
        ``{partner: "1/n"}``, the article's fractions.

    Returns
    -------
    pandas.DataFrame
        partner, cn_ru_usd_bn, cn_partner_usd_bn, ratio (NaN without both values),
        fraction_label, claimed_label, matches (bool, or None without a ratio or a claim).
    """
    import pandas as pd

    from analysis_lib.metrics import nearest_unit_fraction

    claimed = claimed or {}
    russia = series_by_partner["RU"].get(source)
    ru_value = float(russia.get(year, math.nan)) if russia is not None else math.nan
    rows = []
    for partner in [p for p in PARTNERS if p in series_by_partner]:
        series = series_by_partner[partner].get(source)
        value = float(series.get(year, math.nan)) if series is not None else math.nan
        ratio = ru_value / value if value > 0 else math.nan
        fraction = (
            str(nearest_unit_fraction(ratio, MAX_DENOMINATOR[partner]))
            if not math.isnan(ratio)
            else None
        )
        claim = claimed.get(partner)
        rows.append(
            {
                "partner": partner,
                "cn_ru_usd_bn": ru_value,
                "cn_partner_usd_bn": value,
                "ratio": ratio,
                "fraction_label": fraction,
                "claimed_label": claim,
                "matches": (fraction == claim) if fraction and claim else None,
            }
        )
    return pd.DataFrame(rows)


def ratio_years(series_by_partner: dict, source: str, start_year: int, end_year: int):
    """Return year and one ratio column per partner (CN-RU / CN-partner) for the range."""
    import pandas as pd

    rows = []
    for year in range(start_year, end_year + 1):
        table = ratio_table(series_by_partner, source, year).set_index("partner")["ratio"]
        rows.append({"year": year, **table.to_dict()})
    return pd.DataFrame(rows, columns=["year", *[p for p in PARTNERS if p in series_by_partner]])


def gacc_partner_years(customs_df) -> dict:
    """Return ``{partner: [years]}`` of GACC final totals of China with US, Japan and Korea."""
    rows = customs_df[
        (customs_df["agency"] == "GACC")
        & (customs_df["reporter"] == "CN")
        & (customs_df["release"] == "final")
    ]
    return {
        partner: sorted(int(y) for y in rows.loc[rows["partner"] == partner, "year"])
        for partner in RATIO_CLAIMS
    }


def claimed_fractions(claims_df) -> dict:
    """Return ``{partner: claimed_text}`` of the article's ratio claims, and their year."""
    claims = article_claims(claims_df, tuple(RATIO_CLAIMS.values()))
    texts = dict(zip(RATIO_CLAIMS, claims["claimed_text"], strict=True))
    return texts, int(claims["year"].iloc[0])
