"""Notebook 04's data: pure functions of ``trade_structure`` rows (proxy, HHI, change, GL).

:mod:`analysis_lib.stories.trade_structure` draws and tells them.
"""

from __future__ import annotations

DIRECTIONS = (("CN", "RU"), ("RU", "CN"))
"""The two flows, as (exporter, importer)."""


def one_way(rows, exporter: str, importer: str):
    """Return the rows of one direction of trade (``exporter`` to ``importer``)."""
    return rows[(rows["exporter"] == exporter) & (rows["importer"] == importer)]


def select(structure_df, classification: str, start_year: int, end_year: int):
    """Return the rows of one classification whose year lies in ``start_year``–``end_year``."""
    chosen = structure_df[
        (structure_df["classification"] == classification)
        & structure_df["year"].between(start_year, end_year)
    ]
    return chosen.reset_index(drop=True)


def proxy_shares(sitc_df):
    """Return the audit's structure proxy for each year of an SITC breakdown.

    Parameters
    ----------
    sitc_df : pandas.DataFrame
        SITC rows of ``trade_structure`` (columns ``exporter``, ``importer``, ``year``,
        ``category``, ``share_pct``).

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``commodities_pct`` (RU→CN SITC 2+3), ``manufactures_pct``
        (CN→RU SITC 6+7+8), ``holds`` (both above the audit's majority threshold).
    """
    import pandas as pd

    from analysis_lib.claims.record_checks import STRUCTURE_GROUPS
    from analysis_lib.claims.rules import MAJORITY_PCT

    (_, ru_exp, ru_imp, commodities), (_, cn_exp, cn_imp, manufactures) = STRUCTURE_GROUPS
    rows = []
    for year in sorted(sitc_df["year"].unique()):
        in_year = sitc_df[sitc_df["year"] == year]
        first = _group_share(in_year, ru_exp, ru_imp, commodities)
        second = _group_share(in_year, cn_exp, cn_imp, manufactures)
        rows.append(
            {
                "year": int(year),
                "commodities_pct": first,
                "manufactures_pct": second,
                "holds": bool(first > MAJORITY_PCT and second > MAJORITY_PCT),
            }
        )
    return pd.DataFrame(rows, columns=["year", "commodities_pct", "manufactures_pct", "holds"])


def _group_share(rows, exporter, importer, categories) -> float:
    flow = one_way(rows, exporter, importer)
    return float(flow.loc[flow["category"].isin(categories), "share_pct"].sum())


def flow_metrics(sitc_df):
    """Return concentration and change of each flow's structure, year by year.

    Parameters
    ----------
    sitc_df : pandas.DataFrame
        SITC rows of ``trade_structure``.

    Returns
    -------
    pandas.DataFrame
        One row per direction and year: ``exporter``, ``importer``, ``year``, ``hhi``
        (of the listed sections' shares as fractions), ``top_category``,
        ``top_name_en``, ``top_name_ru``, ``top_share_pct``, ``distance_pp`` (structure
        distance from the previous year of that direction; NaN for the first).
    """
    import pandas as pd

    from analysis_lib.metrics import herfindahl_hirschman, structure_distance

    rows = []
    for exporter, importer in DIRECTIONS:
        flow = one_way(sitc_df, exporter, importer)
        previous = None
        for year in sorted(flow["year"].unique()):
            shares = flow[flow["year"] == year].set_index("category")
            fractions = shares["share_pct"].astype(float) / 100
            top = shares["share_pct"].idxmax()
            rows.append(
                {
                    "exporter": exporter,
                    "importer": importer,
                    "year": int(year),
                    "hhi": herfindahl_hirschman(fractions),
                    "top_category": top,
                    "top_name_en": str(shares.loc[top, "category_en"]),
                    "top_name_ru": str(shares.loc[top, "category_ru"]),
                    "top_share_pct": float(shares.loc[top, "share_pct"]),
                    "distance_pp": float("nan")
                    if previous is None
                    else structure_distance(previous, fractions),
                }
            )
            previous = fractions
    return pd.DataFrame(rows)


def intra_industry(sitc_df):
    """Return the Grubel-Lloyd index of China-Russia trade per year, over the listed sections.

    Each direction's flow per section is ``share_pct / 100 × flow_total_usd_bn``; China's
    exports are the CN→RU flow, its imports the RU→CN flow (both exporter-reported).

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``grubel_lloyd``; only years with both directions.
    """
    import pandas as pd

    from analysis_lib.metrics import grubel_lloyd

    rows = []
    for year in sorted(sitc_df["year"].unique()):
        in_year = sitc_df[sitc_df["year"] == year]
        flows = {}
        for exporter, importer in DIRECTIONS:
            flow = one_way(in_year, exporter, importer)
            usd = flow["share_pct"].astype(float) / 100 * flow["flow_total_usd_bn"].astype(float)
            flows[exporter] = pd.Series(usd.to_numpy(), index=flow["category"].to_numpy())
        if any(flow.empty for flow in flows.values()):
            continue
        categories = flows["CN"].index.intersection(flows["RU"].index)
        value = grubel_lloyd(flows["CN"][categories], flows["RU"][categories])
        rows.append({"year": int(year), "grubel_lloyd": value})
    return pd.DataFrame(rows, columns=["year", "grubel_lloyd"])


def change_summary(sitc_df) -> dict | None:
    """Return how the structure changed from the first to the last year of an SITC breakdown.

    Parameters
    ----------
    sitc_df : pandas.DataFrame
        SITC rows of ``trade_structure``.

    Returns
    -------
    dict or None
        ``first``, ``last`` (years), ``ru_distance``, ``cn_distance`` (structure distance
        between the two years over the sections both list, p.p.; NaN when they are the
        same year), ``ru_hhi_first``,
        ``ru_hhi_last`` (HHI of Russia's exports to China), ``gl_first``, ``gl_last``
        (Grubel-Lloyd). None when either end year lacks a direction.
    """
    from analysis_lib.metrics import structure_distance

    metrics = flow_metrics(sitc_df)
    gl = intra_industry(sitc_df).set_index("year")["grubel_lloyd"]
    if metrics.empty or gl.empty:
        return None
    first, last = int(sitc_df["year"].min()), int(sitc_df["year"].max())
    if first not in gl.index or last not in gl.index:
        return None
    hhi = metrics[metrics["exporter"] == "RU"].set_index("year")["hhi"]
    summary = {
        "first": first,
        "last": last,
        "ru_hhi_first": float(hhi[first]),
        "ru_hhi_last": float(hhi[last]),
        "gl_first": float(gl[first]),
        "gl_last": float(gl[last]),
    }
    for exporter, importer in DIRECTIONS:
        flow = one_way(sitc_df, exporter, importer)
        shares = [
            flow[flow["year"] == year].set_index("category")["share_pct"].astype(float) / 100
            for year in (first, last)
        ]
        distance = float("nan") if first == last else structure_distance(*shares)
        summary[f"{exporter.lower()}_distance"] = distance
    return summary
