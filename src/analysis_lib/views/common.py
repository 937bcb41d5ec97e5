"""Data access every view and story shares: trade series, claims, audit results, year spans.

Nothing is cached here: the loaders keep each validated table by its content,
so a section re-run after a data file or a parameter changed reads the new data,
while a repeated read of an unchanged file costs little.
"""

from __future__ import annotations

from analysis_lib.vocabulary import AUDIT_SOURCES


def load_series(partner: str = "RU", data_dir=None) -> dict:
    """Return ``{source: trade_series(source, partner)}`` for every audit source that has it.

    The mirror source (``imf_dots_ru``) has no series for the world (``WLD``).
    """
    from analysis_lib.loaders import trade_series

    sources = AUDIT_SOURCES[:2] if partner == "WLD" else AUDIT_SOURCES
    return {s: trade_series(s, partner, data_dir=data_dir) for s in sources}


def load_claims(data_dir=None):
    """Return the claim registry (``data/claims.csv``) through the loaders."""
    from analysis_lib.loaders import load_table

    return load_table("claims", data_dir=data_dir)


def audit_results(data_dir=None, source: str = "all") -> list:
    """Return :func:`analysis_lib.claims.audit.run_audit` for ``source``.

    ``source`` is ``"all"``, one trade audit source or a table name such as
    ``"timeline"`` (much faster: no trade series are read).
    """
    from analysis_lib.claims.audit import run_audit

    return run_audit(source=source, data_dir=data_dir)


def claim_results(claim_id: str, *, data_dir=None) -> list:
    """Return the audit's results for one claim (one per source that checks it).

    Parameters
    ----------
    claim_id : str
        A ``claim_id`` of the registry, e.g. ``'structure-unchanged-20y'``.
    data_dir : path-like, optional
        Data package folder; default :func:`analysis_lib.paths.data_dir`.

    Returns
    -------
    list of AuditResult
    """
    from analysis_lib.claims.audit import run_audit
    from analysis_lib.claims.registry import TRADE_CHECKS, load_registry
    from analysis_lib.exceptions import must_be_one_of
    from analysis_lib.vocabulary import ALL_SOURCES

    registry = load_registry(data_dir)
    claim = registry[registry["claim_id"] == claim_id]
    if claim.empty:
        raise must_be_one_of("claim_id", claim_id, registry["claim_id"].tolist())
    # A claim checked against one table needs only that table's part of the audit.
    check, table = claim.iloc[0]["check"], claim.iloc[0]["table"]
    source = ALL_SOURCES if check in TRADE_CHECKS else str(table)
    return [r for r in run_audit(source=source, data_dir=data_dir) if r.id == claim_id]


def series_source_ids(source: str, partner: str, years, data_dir=None) -> list[str]:
    """Return the ``source_id`` values behind a trade series in ``years``.

    GACC figures come from one press report each; both IMF DOTS sides are ``imf_dots``.
    """
    from analysis_lib.loaders import load_table

    if source != "gacc":
        return ["imf_dots"]
    table = load_table("customs_totals", data_dir=data_dir)
    rows = table[
        (table["agency"] == "GACC")
        & (table["reporter"] == "CN")
        & (table["partner"] == partner)
        & (table["release"] == "final")
        & table["year"].isin([int(y) for y in years])
    ]
    return sorted(set(rows["source_id"]))


def article_claims(claims_df, claim_ids):
    """Return the registry rows of ``claim_ids`` (in that order) with their year and value."""
    rows = claims_df.set_index("claim_id").reindex(list(claim_ids))
    if rows["kind"].isna().any():
        from analysis_lib.exceptions import ClaimRegistryError

        missing = rows.index[rows["kind"].isna()][0]
        raise ClaimRegistryError(f"claims.csv: claim_id {missing!r} must exist; it is missing")
    rows = rows.reset_index()
    rows["year"] = rows["year"].astype(int)
    return rows[
        [
            "claim_id",
            "kind",
            "year",
            "claimed_value",
            "claimed_text",
            "statement_en",
            "statement_ru",
        ]
    ]


def verdict_table(results, claim_ids):
    """Return claim_id, source, verdict, computed for the audit results of ``claim_ids``."""
    import pandas as pd

    rows = [
        {"claim_id": r.id, "source": r.source, "verdict": r.verdict, "computed": r.computed}
        for r in results
        if r.id in claim_ids
    ]
    return pd.DataFrame(rows, columns=["claim_id", "source", "verdict", "computed"])


def row_source_ids(rows) -> list[str]:
    """Return the distinct ``source_id`` values of a table's rows, sorted."""
    return sorted(set(rows["source_id"].astype(str)))


def year_span(df, column: str = "year") -> tuple[int, int]:
    """Return the first and last year in ``df[column]``."""
    return int(df[column].min()), int(df[column].max())


def trade_years() -> tuple[int, int]:
    """Return the first and last year any audit source has China-Russia trade for.

    The trade notebooks accept years within this span, so the bounds follow the
    data package instead of being typed into the stories.
    """
    from analysis_lib.loaders import trade_series

    years = set()
    for source in AUDIT_SOURCES:
        years |= {int(year) for year in trade_series(source, "RU").index}
    return min(years), max(years)


def timeline_years() -> tuple[int, int]:
    """Return the first start year and the last end year of the ``timeline`` table."""
    from analysis_lib.loaders import load_timeline

    events = load_timeline()
    starts = events["start_date"].str[:4].astype(int)
    ends = events["end_date"].dropna().str[:4].astype(int)
    return int(starts.min()), int(max(starts.max(), ends.max() if len(ends) else 0))
