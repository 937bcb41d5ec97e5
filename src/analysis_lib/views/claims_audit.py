"""Notebook 07's data: the audit's results on the claims about a range of years, per source.

The verdicts, the computed figures and the arithmetic come from
:func:`analysis_lib.claims.audit.run_audit`; these views only select and count them.
"""

from __future__ import annotations

from analysis_lib.exceptions import must_be_one_of
from analysis_lib.params import check_lang
from analysis_lib.vocabulary import ALL_SOURCES, AUDIT_SOURCES, TABLE_SOURCES, VERDICTS

SOURCES = (ALL_SOURCES, *AUDIT_SOURCES, *TABLE_SOURCES)
"""Values of the notebook's ``source`` parameter: the audit's own set."""
# The figure shows the claims checked against a recorded table in one column:
# each such claim has exactly one table, so no cell holds two verdicts.
RECORDS_COLUMN = "recorded_tables"
# Its first column holds every claim's primary verdict, whatever its source.
PRIMARY_COLUMN = "primary_verdict"


def check_source(source: object) -> str:
    """Return ``source`` if the audit accepts it, else raise a one-line ParameterError.

    Parameters
    ----------
    source : object
        ``'all'``, a trade source (``'gacc'``, ``'imf_dots_cn'``, ``'imf_dots_ru'``) or a
        recorded table (``'timeline'``, ``'programme_budgets'``, ``'trade_structure'``).
    """
    if not isinstance(source, str) or source not in SOURCES:
        raise must_be_one_of("source", source, SOURCES)
    return source


def claim_years(registry) -> tuple[int, int]:
    """Return the first and last year the registry's claims are about.

    Parameters
    ----------
    registry : pandas.DataFrame
        The claims registry (columns ``year``, ``year_end``).
    """
    ends = registry["year_end"].fillna(registry["year"])
    return int(registry["year"].min()), int(max(ends.max(), registry["year"].max()))


def audit_frame(results, registry, start_year: int, end_year: int, lang: str = "en"):
    """Return the audit results about ``start_year``–``end_year`` as a DataFrame.

    Parameters
    ----------
    results : iterable of AuditResult
        From :func:`analysis_lib.claims.audit.run_audit`.
    registry : pandas.DataFrame
        The claims registry, for each claim's years and statement.
    start_year, end_year : int
        A claim is kept when its years (``year`` to ``year_end``) overlap this range.
    lang : {'en', 'ru'}
        Language of the ``statement`` column.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim_id``, ``source``, ``verdict``, ``claimed``, ``computed``,
        ``explanation``, ``sources`` (list of source ids), ``role``, ``severity``,
        ``statement``, ``year``, ``year_end``; in the audit's order (each claim's
        primary result first).
    """
    import pandas as pd

    lang = check_lang(lang)
    claims = claims_in_years(registry, start_year, end_year).set_index("claim_id")
    rows = []
    for result in results:
        if result.id not in claims.index:
            continue
        claim = claims.loc[result.id]
        first = int(claim["year"])
        last = first if pd.isna(claim["year_end"]) else int(claim["year_end"])
        rows.append(
            {
                **result.as_dict(),
                "statement": str(claim[f"statement_{lang}"]),
                "year": first,
                "year_end": last,
            }
        )
    from analysis_lib.claims.report import COLUMNS

    frame = pd.DataFrame(rows, columns=[*COLUMNS, "statement", "year", "year_end"])
    return frame.rename(columns={"id": "claim_id"})


def claims_in_years(registry, start_year: int, end_year: int):
    """Return the claims whose years (``year`` to ``year_end``) overlap the range.

    Parameters
    ----------
    registry : pandas.DataFrame
        The claims registry.
    start_year, end_year : int
        Inclusive range.
    """
    first = registry["year"].astype("int64")
    last = registry["year_end"].fillna(registry["year"]).astype("int64")
    return registry[(last >= start_year) & (first <= end_year)].reset_index(drop=True)


def verdict_counts(audit_df):
    """Count verdicts per source.

    Parameters
    ----------
    audit_df : pandas.DataFrame
        From :func:`audit_frame` (columns ``source``, ``verdict``).

    Returns
    -------
    pandas.DataFrame
        Columns ``source``, one per verdict of :data:`VERDICTS`, ``total``; sources in
        order of first appearance.
    """
    import pandas as pd

    sources = list(dict.fromkeys(audit_df["source"]))
    counts = (
        pd.crosstab(audit_df["source"], audit_df["verdict"])
        .reindex(index=sources, columns=list(VERDICTS), fill_value=0)
        .astype("int64")
    )
    counts["total"] = counts.sum(axis=1)
    return counts.rename_axis(index="source", columns=None).reset_index()


def verdict_grid(audit_df):
    """Return the figure's rows: the primary verdicts in one column, cross-checks beside it.

    Parameters
    ----------
    audit_df : pandas.DataFrame
        From :func:`audit_frame`.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim_id``, ``source`` (:data:`PRIMARY_COLUMN` for each claim's
        primary verdict, else the cross-check's trade source, or :data:`RECORDS_COLUMN`
        for results without a role), ``verdict``, ``claim_label`` (the claim's statement).
    """
    grid = audit_df[["claim_id", "source", "verdict", "statement"]].copy()
    if "role" in audit_df.columns:
        grid.loc[audit_df["role"] == "primary", "source"] = PRIMARY_COLUMN
    grid.loc[grid["source"].isin(TABLE_SOURCES), "source"] = RECORDS_COLUMN
    return grid.rename(columns={"statement": "claim_label"}).reset_index(drop=True)
