"""Notebook 05's data: Heilongjiang's trade with Russia and its share of China's.

The province's figures come from press reports (``heilongjiang_trade``); its share
of national China-Russia trade is computed against the national series of the
chosen audit source wherever that source has the year, and shown beside the
shares the press stated.
"""

from __future__ import annotations


def national_trade(source: str, years, *, data_dir=None):
    """Return China's total trade with Russia from ``source`` for ``years``, with source ids.

    Parameters
    ----------
    source : {'gacc', 'imf_dots_cn', 'imf_dots_ru'}
    years : iterable of int
    data_dir : path-like, optional

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``national_usd_bn`` (NaN where the source has no value),
        ``national_source_ids`` (tuple of str).
    """
    import pandas as pd

    from analysis_lib.claims.evidence import Evidence

    evidence = Evidence(data_dir)
    rows = []
    for year in years:
        point = evidence.trade_point(source, "RU", int(year))
        rows.append(
            {
                "year": int(year),
                "national_usd_bn": float("nan") if point.value is None else point.value,
                "national_source_ids": point.source_ids,
            }
        )
    return pd.DataFrame(rows, columns=["year", "national_usd_bn", "national_source_ids"])


def province_view(heilongjiang_df, national_df, start_year: int, end_year: int):
    """Return the province's trade with its computed share and growth, year by year.

    Parameters
    ----------
    heilongjiang_df : pandas.DataFrame
        The ``heilongjiang_trade`` table.
    national_df : pandas.DataFrame
        Columns ``year``, ``national_usd_bn`` (see :func:`national_trade`).
    start_year, end_year : int
        Inclusive range of years to keep.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``total_usd_bn``, ``national_usd_bn``, ``share_pct`` (computed,
        NaN without a national value), ``share_pct_stated``, ``growth_pct`` (computed
        from the previous calendar year when the table has it, else NaN),
        ``growth_pct_stated``, ``note``, ``source_id``.
    """
    import pandas as pd

    from analysis_lib.metrics import regional_share

    table = heilongjiang_df.sort_values("year")
    previous = table.set_index("year")["total_usd_bn"].astype(float)
    chosen = table[table["year"].between(start_year, end_year)].copy()
    chosen["year"] = chosen["year"].astype("int64")
    view = chosen.merge(national_df[["year", "national_usd_bn"]], on="year", how="left")
    view["total_usd_bn"] = view["total_usd_bn"].astype(float)
    view["national_usd_bn"] = view["national_usd_bn"].astype(float)
    known = view["national_usd_bn"].notna()
    view["share_pct"] = float("nan")
    if known.any():
        view.loc[known, "share_pct"] = (
            regional_share(view.loc[known, "total_usd_bn"], view.loc[known, "national_usd_bn"])
            * 100
        )
    before = view["year"].map(lambda y: previous.get(y - 1, float("nan")))
    view["growth_pct"] = (view["total_usd_bn"] / before.astype(float) - 1) * 100
    columns = [
        "year",
        "total_usd_bn",
        "national_usd_bn",
        "share_pct",
        "share_pct_stated",
        "growth_pct",
        "growth_pct_stated",
        "note",
        "source_id",
    ]
    return pd.DataFrame(view[columns]).reset_index(drop=True)
