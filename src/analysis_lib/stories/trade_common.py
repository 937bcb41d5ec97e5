"""Helpers the trade stories share: cached loading, number and label formatting, highlighting.

``fmt`` and ``DASH`` come from :mod:`~analysis_lib.stories.common` (imported here for them).

Used by :mod:`~analysis_lib.stories.trade_dynamics`, :mod:`~analysis_lib.stories.partners`,
:mod:`~analysis_lib.stories.timeline` and :mod:`~analysis_lib.stories.after_article`.
"""

from __future__ import annotations

from analysis_lib.plots.labels import label
from analysis_lib.stories.common import DASH, fmt

SOURCES = ("gacc", "imf_dots_cn", "imf_dots_ru")
"""The audit sources, in the order the stories show them."""

VERDICTS = {
    "en": {
        "consistent": "consistent",
        "inconsistent": "inconsistent",
        "unverifiable": "not checkable",
    },
    "ru": {
        "consistent": "согласуется",
        "inconsistent": "не согласуется",
        "unverifiable": "проверить невозможно",
    },
}
"""Verdicts in lower-case prose form (figures use the labels table instead)."""
_AND = {"en": " and ", "ru": " и "}


# ---------------------------------------------------------------- shared helpers


def source_label(source: str, lang: str) -> str:
    """Return the translated name of an audit source (e.g. ``gacc``)."""
    return label(f"source.{source}", lang)


def verdict_label(verdict: str, lang: str) -> str:
    """Return a verdict in lower-case prose form in ``lang``."""
    return VERDICTS[lang][verdict]


def join_years(years, lang: str) -> str:
    """Return ``"2011 and 2012"`` in English, ``"2011 и 2012 гг."`` or ``"2011 г."`` in Russian.

    Runs of three or more consecutive years collapse to ``"1995–2007"``.
    """
    runs: list[list[int]] = []
    for year in sorted(int(y) for y in years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    parts: list[str] = []
    for run in runs:
        parts += [f"{run[0]}–{run[-1]}"] if len(run) >= 3 else [str(y) for y in run]
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + _AND[lang] + parts[-1]
    if lang == "ru":
        single = len(parts) == 1 and "–" not in parts[0]
        text += " г." if single else " гг."
    return text


def text_table(df, lang: str, decimals: dict | int = 2):
    """Return ``df`` with every number formatted for ``lang`` and missing values as dashes.

    Parameters
    ----------
    df : pandas.DataFrame
        The table to show.
    lang : {'en', 'ru'}
    decimals : int or dict
        Digits after the separator, for all float columns or per column.

    Returns
    -------
    pandas.DataFrame
        All cells as strings.
    """
    import pandas as pd

    shown = df.copy()
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_float_dtype(values):
            digits = decimals.get(column, 2) if isinstance(decimals, dict) else decimals
            shown[column] = [fmt(v, lang, digits) for v in values]
        else:
            shown[column] = [DASH if pd.isna(v) else str(v) for v in values]
    return shown


def highlight_source(fig, source: str, lang: str) -> None:
    """Draw the chosen source's series bold and fade the other sources' series.

    The figure functions draw every source alike; the story marks its choice
    afterwards, finding the artists by their translated legend label.
    """
    from analysis_lib.plots._common import place_legend

    chosen = source_label(source, lang)
    others = {source_label(s, lang) for s in SOURCES if s != source}
    for ax in fig.axes:
        for line in ax.get_lines():
            if line.get_label() == chosen:
                line.set_linewidth(3.0)
                line.set_zorder(3)
            elif line.get_label() in others:
                line.set_alpha(0.45)
        for container in ax.containers:
            if container.get_label() in others:
                for patch in container:
                    patch.set_alpha(0.45)
        if ax.get_legend() is not None:
            place_legend(ax)


def thin_year_ticks(fig, max_ticks: int = 8) -> None:
    """Limit the year axis to about ``max_ticks`` whole-year ticks so labels never collide.

    The figure functions tick every year, which crowds a decade into a narrow axis.
    """
    from matplotlib.ticker import MaxNLocator

    for ax in fig.axes:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=max_ticks, integer=True))


# ---------------------------------------------------------------- loading

# Loading validates every table (pandera), which costs a noticeable fraction of a
# second per call; one notebook run reads the same files many times, so each
# result is kept per data folder for the life of the kernel.
_CACHE: dict = {}


def _cached(name: str, data_dir, factory):
    from pathlib import Path

    from analysis_lib import paths

    folder = Path(data_dir).resolve() if data_dir is not None else paths.data_dir()
    key = (name, str(folder))
    if key not in _CACHE:
        _CACHE[key] = factory(folder)
    return _CACHE[key]


def clear_cache() -> None:
    """Forget every loaded table, series and audit (e.g. after the data changed)."""
    _CACHE.clear()


def load_series(partner: str = "RU", data_dir=None) -> dict:
    """Return ``{source: trade_series(source, partner)}`` for every audit source that has it.

    The mirror source (``imf_dots_ru``) has no series for the world (``WLD``).
    """
    from analysis_lib.loaders import trade_series

    sources = SOURCES[:2] if partner == "WLD" else SOURCES
    return _cached(
        f"series-{partner}",
        data_dir,
        lambda folder: {s: trade_series(s, partner, data_dir=folder) for s in sources},
    )


def load_claims(data_dir=None):
    """Return the claim registry (``data/claims.csv``) through the loaders."""
    from analysis_lib.loaders import load_table

    return _cached("claims", data_dir, lambda folder: load_table("claims", data_dir=folder))


def load_named_table(name: str, data_dir=None):
    """Return the validated table ``name`` of the data package (cached)."""
    from analysis_lib.loaders import load_table

    return _cached(f"table-{name}", data_dir, lambda folder: load_table(name, data_dir=folder))


def audit_results(data_dir=None, source: str = "all") -> list:
    """Return :func:`analysis_lib.claims.audit.run_audit` for ``source`` (cached).

    ``source`` is ``"all"``, one trade audit source or a table name such as
    ``"timeline"`` (much faster: no trade series are read).
    """
    from analysis_lib.claims.audit import run_audit

    return _cached(
        f"audit-{source}", data_dir, lambda folder: run_audit(source=source, data_dir=folder)
    )


def series_source_ids(source: str, partner: str, years, data_dir=None) -> list[str]:
    """Return the ``source_id`` values behind a trade series in ``years``.

    GACC figures come from one press report each; both IMF DOTS sides are ``imf_dots``.
    """
    if source != "gacc":
        return ["imf_dots"]
    table = load_named_table("customs_totals", data_dir)
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


def trade_years() -> tuple[int, int]:
    """Return the first and last year any audit source has China-Russia trade for.

    The trade notebooks accept years within this span, so the bounds follow the
    data package instead of being typed into the stories.
    """
    from analysis_lib.loaders import AUDIT_SOURCES, trade_series

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
