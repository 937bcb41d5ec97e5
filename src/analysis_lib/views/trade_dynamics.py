"""Notebook 01's data: China-Russia trade per year and source, its growth, the article's claims.

Every function is pure: trade series in (``{source: series}`` from
:func:`analysis_lib.views.common.load_series`), DataFrames out.
"""

from __future__ import annotations

import math

from analysis_lib.vocabulary import AUDIT_SOURCES

LEVEL_CLAIMS = ("trade-2010", "trade-2011", "trade-2012", "trade-2014")
GROWTH_CLAIMS = ("growth-2014",)
SLOWDOWN_CLAIM = "slowdown-2012"
CLAIM_IDS = (*LEVEL_CLAIMS, *GROWTH_CLAIMS, SLOWDOWN_CLAIM)


def levels_table(series_by_source: dict, start_year: int, end_year: int):
    """Return the long table year, source, value_usd_bn for every year of the range.

    A year a source does not cover keeps a NaN value, so gaps stay visible.
    """
    import pandas as pd

    years = range(start_year, end_year + 1)
    rows = [
        {"year": year, "source": source, "value_usd_bn": float(series.get(year, math.nan))}
        for source, series in series_by_source.items()
        for year in years
    ]
    return pd.DataFrame(rows, columns=["year", "source", "value_usd_bn"])


def growth_table(series_by_source: dict, start_year: int, end_year: int):
    """Return the long table year, source, growth_pct (NaN without the year before)."""
    import pandas as pd

    from analysis_lib.metrics import yoy_growth

    rows = []
    for source, series in series_by_source.items():
        growth = yoy_growth(series) if len(series) else series
        for year in range(start_year, end_year + 1):
            rows.append(
                {"year": year, "source": source, "growth_pct": float(growth.get(year, math.nan))}
            )
    return pd.DataFrame(rows, columns=["year", "source", "growth_pct"])


def missing_years(table, source: str, column: str = "value_usd_bn") -> list[int]:
    """Return the years of ``table`` where ``source`` has no value."""
    rows = table[(table["source"] == source) & table[column].isna()]
    return [int(y) for y in rows["year"]]


def claims_comparison(claims, levels, growth, verdicts):
    """Return one row per level or growth claim: the article's figure, each source's, verdicts.

    Columns: claim_id, kind, year, claimed_value, then ``<source>`` (the source's
    value for the claim's year: level in USD bn or growth in %) and
    ``<source>_verdict`` for each source.
    """
    import pandas as pd

    rows = []
    for claim in claims[claims["kind"].isin(["level", "growth"])].itertuples(index=False):
        table, column = (
            (levels, "value_usd_bn") if claim.kind == "level" else (growth, "growth_pct")
        )
        row = {
            "claim_id": claim.claim_id,
            "kind": claim.kind,
            "year": claim.year,
            "claimed_value": float(claim.claimed_value),
        }
        for source in AUDIT_SOURCES:
            match = table[(table["source"] == source) & (table["year"] == claim.year)]
            row[source] = float(match[column].iloc[0]) if len(match) else math.nan
            verdict = verdicts[
                (verdicts["claim_id"] == claim.claim_id) & (verdicts["source"] == source)
            ]
            row[f"{source}_verdict"] = verdict["verdict"].iloc[0] if len(verdict) else None
        rows.append(row)
    return pd.DataFrame(rows)


def slowdown_table(series_by_source: dict, year: int):
    """Return per source the growth in ``year - 1`` and ``year`` and whether it slowed.

    Columns: source, previous_pct, current_pct, slowed (bool or None when a value is missing),
    missing (list of years without a level).
    """
    import pandas as pd

    growth = growth_table(series_by_source, year - 1, year)
    rows = []
    for source, series in series_by_source.items():
        part = growth[growth["source"] == source].set_index("year")["growth_pct"]
        previous, current = float(part[year - 1]), float(part[year])
        known = not (math.isnan(previous) or math.isnan(current))
        rows.append(
            {
                "source": source,
                "previous_pct": previous,
                "current_pct": current,
                "slowed": (current < previous) if known else None,
                "missing": [y for y in range(year - 2, year + 1) if y not in series.index],
            }
        )
    return pd.DataFrame(rows)
