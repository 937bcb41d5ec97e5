"""Notebook 06's data: pure functions of ``programme_budgets`` (shares, commitments, revisions).

:mod:`analysis_lib.stories.programme_funding` draws and tells them.
"""

from __future__ import annotations

CLAIM_ID = "programme-1996-funding"


COMPONENTS = ("federal", "regional", "off_budget")


# Figure rows: (component, measure) -> the figure's component key. Keys without a
# label in analysis_lib.plots.labels are named by the story (component_en/_ru).
FIGURE_COMPONENTS = {
    ("total", "budget"): "total",
    ("federal", "budget"): "federal",
    ("regional", "budget"): "regional",
    ("off_budget", "budget"): "off_budget",
    ("federal", "committed"): "federal_committed",
    ("federal", "planned"): "federal_planned",
    ("federal", "revised"): "federal_raised",
}


def data_years(registry, budgets_df) -> tuple[int, int]:
    """Return the years the notebook covers: the claim's first year to the last budget year.

    Parameters
    ----------
    registry : pandas.DataFrame
        The claims registry.
    budgets_df : pandas.DataFrame
        The ``programme_budgets`` table.
    """
    claim = registry[registry["claim_id"] == CLAIM_ID]
    first = [int(budgets_df["period_end"].min())]
    if not claim.empty:
        first.append(int(claim.iloc[0]["year"]))
    return min(first), int(budgets_df["period_end"].max())


def programmes_in(budgets_df, start_year: int, end_year: int):
    """Return the budget rows of the programmes whose last year lies in the range.

    Parameters
    ----------
    budgets_df : pandas.DataFrame
        The ``programme_budgets`` table.
    start_year, end_year : int
        Inclusive range for a programme's last ``period_end``.
    """
    ends = budgets_df.groupby("programme_id")["period_end"].transform("max")
    return budgets_df[ends.between(start_year, end_year)].reset_index(drop=True)


def amount_of(rows, component: str, measure: str):
    """Return the first row of ``component`` and ``measure`` in ``rows``, or None."""
    chosen = rows[(rows["component"] == component) & (rows["measure"] == measure)]
    return None if chosen.empty else chosen.iloc[0]


def component_shares(budgets_df):
    """Return each programme's budget components with their share of its total.

    Parameters
    ----------
    budgets_df : pandas.DataFrame
        Rows of ``programme_budgets``.

    Returns
    -------
    pandas.DataFrame
        One row per programme with a ``total`` budget: ``programme_id``, ``total``,
        ``component_sum`` (federal + regional + off-budget, of those present), and per
        component of :data:`COMPONENTS` its amount and ``<component>_share_pct``.
    """
    import pandas as pd

    from analysis_lib.metrics import share

    rows = []
    for programme, part in budgets_df.groupby("programme_id", sort=False):
        total = amount_of(part, "total", "budget")
        if total is None:
            continue
        row = {"programme_id": programme, "total": float(total["amount"]), "component_sum": 0.0}
        for component in COMPONENTS:
            found = amount_of(part, component, "budget")
            amount = float("nan") if found is None else float(found["amount"])
            row[component] = amount
            row[f"{component}_share_pct"] = (
                float("nan") if found is None else share(amount, row["total"]) * 100
            )
            row["component_sum"] += 0.0 if found is None else amount
        rows.append(row)
    return pd.DataFrame(rows)


def commitments(budgets_df):
    """Return each federal commitment beside the programme's federal budget and total.

    Returns
    -------
    pandas.DataFrame
        Columns ``programme_id``, ``period_start``, ``period_end``, ``committed``,
        ``federal``, ``total``, ``of_federal_pct``, ``of_total_pct`` (NaN when the
        programme lacks that budget).
    """
    import pandas as pd

    rows = []
    for programme, part in budgets_df.groupby("programme_id", sort=False):
        committed = amount_of(part, "federal", "committed")
        if committed is None:
            continue
        federal = amount_of(part, "federal", "budget")
        total = amount_of(part, "total", "budget")
        amount = float(committed["amount"])
        federal_amount = float("nan") if federal is None else float(federal["amount"])
        total_amount = float("nan") if total is None else float(total["amount"])
        rows.append(
            {
                "programme_id": programme,
                "period_start": committed["period_start"],
                "period_end": committed["period_end"],
                "committed": amount,
                "federal": federal_amount,
                "total": total_amount,
                "of_federal_pct": amount / federal_amount * 100,
                "of_total_pct": amount / total_amount * 100,
            }
        )
    return pd.DataFrame(rows)


def revisions(budgets_df):
    """Return each programme's planned and revised federal funding and the stated increase.

    Returns
    -------
    pandas.DataFrame
        Columns ``programme_id``, ``planned``, ``revised``, ``revised_approximate``,
        ``increase`` (NaN if not stated), ``ratio_pct`` (revised / planned × 100),
        ``difference`` (revised − planned), ``raised_sum`` (planned + increase),
        ``adds_up`` (the stated increase equals the difference within half a unit of
        the last digit of the approximate figure, i.e. 0.5 bn).
    """
    import pandas as pd

    rows = []
    for programme, part in budgets_df.groupby("programme_id", sort=False):
        planned = amount_of(part, "federal", "planned")
        revised = amount_of(part, "federal", "revised")
        if planned is None or revised is None:
            continue
        increase = amount_of(part, "federal", "increase")
        plan, new = float(planned["amount"]), float(revised["amount"])
        stated = float("nan") if increase is None else float(increase["amount"])
        rows.append(
            {
                "programme_id": programme,
                "planned": plan,
                "revised": new,
                "revised_approximate": bool(revised["approximate"]),
                "increase": stated,
                "ratio_pct": new / plan * 100,
                "difference": new - plan,
                "raised_sum": plan + stated,
                "adds_up": bool(abs(plan + stated - new) <= 0.5),
            }
        )
    return pd.DataFrame(rows)


def figure_frame(budgets_df):
    """Return the rows the programme_budgets figure draws (no ``increase`` rows).

    Parameters
    ----------
    budgets_df : pandas.DataFrame
        Rows of ``programme_budgets``.

    Returns
    -------
    pandas.DataFrame
        Columns of the table with ``component`` renamed to the figure's keys
        (:data:`FIGURE_COMPONENTS`).
    """
    keys = [
        FIGURE_COMPONENTS.get((c, m))
        for c, m in zip(budgets_df["component"], budgets_df["measure"], strict=True)
    ]
    frame = budgets_df.assign(component=keys).dropna(subset=["component"])
    return frame.reset_index(drop=True)


def year_text(value) -> str:
    """Return a year as text; a missing year gives ``"?"``."""
    import pandas as pd

    return "?" if pd.isna(value) else str(int(value))


def timeline_events(timeline_df, country: str, start_year: int, end_year: int):
    """Return the timeline entries of ``country`` that start within the years, by date."""
    years = timeline_df["start_date"].astype(str).str[:4].astype(int)
    chosen = timeline_df[(timeline_df["country"] == country) & years.between(start_year, end_year)]
    return chosen.sort_values("start_date").reset_index(drop=True)
