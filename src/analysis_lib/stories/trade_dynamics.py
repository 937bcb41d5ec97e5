"""Notebook 01: China-Russia trade in each source, beside the article's figures.

Sections (each a notebook cell): :func:`levels`, :func:`growth`, :func:`slowdown`,
:func:`claims` give the data (pure views of :mod:`analysis_lib.views.trade_dynamics`
over the loaded series); ``draw_*`` draws it with an :mod:`analysis_lib.plots`
function; ``tell_*`` says it in the report's language and records its values.
"""

from __future__ import annotations

import math

from analysis_lib.stories.common import (
    DASH,
    fmt,
    highlight_source,
    join_years,
    source_label,
    thin_year_ticks,
    verdict_label,
)
from analysis_lib.stories.context import Report, story_start
from analysis_lib.views import trade_dynamics as views
from analysis_lib.views.common import (
    article_claims,
    audit_results,
    load_claims,
    load_series,
    series_source_ids,
    trade_years,
    verdict_table,
)
from analysis_lib.vocabulary import AUDIT_SOURCES

NOTEBOOK = "01-trade-dynamics"

start = story_start(NOTEBOOK, trade_years, start_year=2009, end_year=2014, source="gacc")


def _range(report: Report) -> tuple[int, int]:
    return report.params.start_year, report.params.end_year


def _claims_in_range(claim_ids, column: str, start_year: int, end_year: int):
    """Return the article's claims in the years, and their ``year``/``column`` frame to draw.

    The frame is None when no claim falls in the years.
    """
    claims = article_claims(load_claims(), claim_ids)
    in_range = claims[claims["year"].between(start_year, end_year)]
    claimed = in_range.rename(columns={"claimed_value": column})[["year", column]]
    return in_range, claimed if len(claimed) else None


def _cited_with_article(first: int, last: int) -> list[str]:
    """Return the source ids of every source's series in ``first``–``last``, and the article."""
    ids = {
        sid for s in AUDIT_SOURCES for sid in series_source_ids(s, "RU", range(first, last + 1))
    }
    return sorted(ids | {"article"})


def tell_intro(report: Report) -> None:
    """Say what the report compares and which source is chosen."""
    lang, t = report.lang, report.t
    start_year, end_year = _range(report)
    report.say(
        t.gettext(
            "This report follows China–Russia trade (China's exports plus imports, USD bn) "
            "from {start} to {end} in three sources: {sources}. The chosen source, "
            "highlighted in the figures, is **{source}**.",
            start=start_year,
            end=end_year,
            sources="; ".join(source_label(s, lang) for s in AUDIT_SOURCES),
            source=source_label(report.params.source, lang),
        )
    )


# ---------------------------------------------------------------- levels


def levels(report: Report):
    """Return China-Russia trade per year and source in the report's years.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``source``, ``value_usd_bn`` (NaN where a source has no value).
    """
    return views.levels_table(load_series(), *_range(report))


def draw_levels(report: Report, levels) -> None:
    """Draw :func:`levels` and the article's figures (``plots.trade_levels``); source in bold."""
    from analysis_lib.plots import trade_levels

    lang, source = report.lang, report.params.source
    start_year, end_year = _range(report)
    in_range, claimed = _claims_in_range(
        views.LEVEL_CLAIMS, "claimed_usd_bn", start_year, end_year
    )
    fig = trade_levels(levels, source_ids=[*AUDIT_SOURCES, "article"], lang=lang, claims=claimed)
    highlight_source(fig, source, lang)
    thin_year_ticks(fig)
    # Room right of the last year for the article's value label.
    fig.axes[0].set_xlim(start_year - 0.3, end_year + 0.6)
    report.figure(fig, "trade_levels", _cited_with_article(start_year, end_year))
    for claim in in_range.itertuples(index=False):
        report.value(f"claim_{claim.claim_id}_usd_bn", float(claim.claimed_value))


def tell_levels(report: Report, levels) -> None:
    """State the chosen source's first and last level and every source's missing years."""
    lang, t, source = report.lang, report.t, report.params.source
    start_year, end_year = _range(report)
    for row in levels.dropna().itertuples(index=False):
        report.value(f"trade_{row.year}_{row.source}_usd_bn", round(row.value_usd_bn, 4))
    chosen = levels[levels["source"] == source].dropna()
    name = source_label(source, lang)
    if chosen.empty:
        report.say(
            t.gettext(
                "{source} has no China–Russia value between {start} and {end}.",
                source=name,
                start=start_year,
                end=end_year,
            )
        )
    else:
        first, last = chosen.iloc[0], chosen.iloc[-1]
        report.say(
            t.gettext(
                "According to {source}, China–Russia trade was {first_value} USD bn in "
                "{first_year} and {last_value} USD bn in {last_year}.",
                source=name,
                first_value=fmt(first["value_usd_bn"], lang, 2),
                first_year=int(first["year"]),
                last_value=fmt(last["value_usd_bn"], lang, 2),
                last_year=int(last["year"]),
            )
        )
    for each in AUDIT_SOURCES:
        gaps = views.missing_years(levels, each)
        if gaps:
            report.say(
                t.gettext(
                    "{source} has no value in the data for {years}: the figure leaves a gap "
                    "there, it does not fill it in.",
                    source=source_label(each, lang),
                    years=join_years(gaps, lang),
                )
            )
            report.value(f"missing_years_{each}", gaps)


# ---------------------------------------------------------------- growth


def growth(report: Report):
    """Return year-on-year growth per source in the report's years.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``source``, ``growth_pct`` (NaN without the year before).
    """
    return views.growth_table(load_series(), *_range(report))


def draw_growth(report: Report, growth) -> None:
    """Draw :func:`growth` with the article's growth figure (``plots.trade_growth``)."""
    from analysis_lib.plots import trade_growth

    lang, source = report.lang, report.params.source
    start_year, end_year = _range(report)
    shown = growth.dropna()
    if shown.empty:
        return
    _, claimed = _claims_in_range(views.GROWTH_CLAIMS, "claimed_growth_pct", start_year, end_year)
    fig = trade_growth(shown, source_ids=[*AUDIT_SOURCES, "article"], lang=lang, claims=claimed)
    highlight_source(fig, source, lang)
    thin_year_ticks(fig)
    # Growth in the first year rests on the year before it.
    report.figure(fig, "trade_growth", _cited_with_article(start_year - 1, end_year))


def tell_growth(report: Report, growth) -> None:
    """State the chosen source's fastest and weakest year."""
    lang, t, source = report.lang, report.t, report.params.source
    start_year, end_year = _range(report)
    shown = growth.dropna()
    for row in shown.itertuples(index=False):
        report.value(f"growth_{row.year}_{row.source}_pct", round(row.growth_pct, 4))
    chosen = shown[shown["source"] == source]
    name = source_label(source, lang)
    if chosen.empty:
        report.say(
            t.gettext(
                "{source} gives no year-on-year growth between {start} and {end}: growth "
                "needs the value of the year before.",
                source=name,
                start=start_year,
                end=end_year,
            )
        )
        return
    top = chosen.loc[chosen["growth_pct"].idxmax()]
    low = chosen.loc[chosen["growth_pct"].idxmin()]
    report.say(
        t.gettext(
            "The fastest growth in {source} was {max_growth}% in {max_year}; the weakest "
            "year was {min_year} ({min_growth}%).",
            source=name,
            max_growth=fmt(top["growth_pct"], lang),
            max_year=int(top["year"]),
            min_growth=fmt(low["growth_pct"], lang),
            min_year=int(low["year"]),
        )
    )


# ---------------------------------------------------------------- slowdown


def slowdown(report: Report):
    """Return, per source, the growth before and in the article's slowdown year, and the verdict.

    Returns
    -------
    pandas.DataFrame
        Columns ``year`` (the slowdown year), ``source``, ``previous_pct``,
        ``current_pct``, ``slowed`` (bool, None with a value missing), ``missing``
        (years without a level), ``verdict`` (the audit's).
    """
    claim = article_claims(load_claims(), (views.SLOWDOWN_CLAIM,)).iloc[0]
    year = int(claim["year"])
    table = views.slowdown_table(load_series(), year)
    verdicts = verdict_table(audit_results(), (views.SLOWDOWN_CLAIM,)).set_index("source")
    table["verdict"] = [
        verdicts.loc[s, "verdict"] if s in verdicts.index else "unverifiable"
        for s in table["source"]
    ]
    table.insert(0, "year", year)
    return table


def tell_slowdown(report: Report, slowdown) -> None:
    """Check the article's slowdown year in every source, in words."""
    lang, t = report.lang, report.t
    year = int(slowdown["year"].iloc[0])
    lines = []
    for row in slowdown.itertuples(index=False):
        name = source_label(row.source, lang)
        report.value(f"verdict_{views.SLOWDOWN_CLAIM}_{row.source}", row.verdict)
        if row.slowed is None:
            lines.append(
                t.gettext(
                    "{source}: no value for {years}, so the slowdown cannot be checked "
                    "against this source.",
                    source=name,
                    years=join_years(row.missing, lang),
                )
            )
            continue
        report.value(f"growth_{year - 1}_{row.source}_pct", round(row.previous_pct, 4))
        report.value(f"growth_{year}_{row.source}_pct", round(row.current_pct, 4))
        lines.append(
            t.gettext(
                "{source}: growth of {previous}% in {previous_year}, then {current}% in "
                "{year}; verdict: **{verdict}**.",
                year=year,
                previous_year=year - 1,
                source=name,
                previous=fmt(row.previous_pct, lang),
                current=fmt(row.current_pct, lang),
                verdict=verdict_label(row.verdict, lang),
            )
        )
    lead = t.gettext(
        "The article says that in {year} the growth of China–Russia trade slowed down "
        "somewhat compared with {previous_year}.",
        year=year,
        previous_year=year - 1,
    )
    report.say("\n".join([lead, "", *(f"- {line}" for line in lines)]))
    report.cite(["article"])


# ---------------------------------------------------------------- the article's figures


def claims(report: Report):
    """Return the article's levels and growth beside each source's figure and verdict.

    Returns
    -------
    pandas.DataFrame
        One row per claim: ``claim_id``, ``kind``, ``year``, ``claimed_value``, the
        statement in the report's language (``statement``), per source its value
        (``<source>``) and verdict (``<source>_verdict``).
    """
    series = load_series()
    registry = article_claims(load_claims(), (*views.LEVEL_CLAIMS, *views.GROWTH_CLAIMS))
    first, last = int(registry["year"].min()) - 1, int(registry["year"].max())
    comparison = views.claims_comparison(
        registry,
        views.levels_table(series, first, last),
        views.growth_table(series, first, last),
        verdict_table(audit_results(), views.CLAIM_IDS),
    )
    statements = registry.set_index("claim_id")[f"statement_{report.lang}"]
    comparison.insert(4, "statement", [statements[c] for c in comparison["claim_id"]])
    return comparison


def tell_claims(report: Report, claims) -> None:
    """Table the article's figures beside each source, count the verdicts, name the gaps."""
    import pandas as pd

    lang, t = report.lang, report.t
    verdicts = verdict_table(audit_results(), views.CLAIM_IDS)
    report.say(
        t.gettext(
            "The article, citing Chinese customs statistics, gives the figures in the first "
            "column below; the other columns give what each source holds, with the audit's "
            "verdict."
        )
    )
    units = ["%" if kind == "growth" else "" for kind in claims["kind"]]
    shown = {
        t.gettext("Claim of the article"): list(claims["statement"]),
        t.pgettext("table header", "Article"): [
            fmt(v, lang, 1) + unit for v, unit in zip(claims["claimed_value"], units, strict=True)
        ],
    }
    for source in AUDIT_SOURCES:
        shown[source_label(source, lang)] = [
            f"{fmt(value, lang, 2)}{unit} "
            f"({verdict_label(verdict, lang) if isinstance(verdict, str) else DASH})"
            for value, unit, verdict in zip(
                claims[source], units, claims[f"{source}_verdict"], strict=True
            )
        ]
    report.table(pd.DataFrame(shown))
    for row in verdicts.itertuples(index=False):
        report.value(f"verdict_{row.claim_id}_{row.source}", row.verdict)
    for source in AUDIT_SOURCES:
        counts = verdicts[verdicts["source"] == source]["verdict"].value_counts()
        report.say(
            t.gettext(
                "Against {source}: {consistent} consistent, {inconsistent} inconsistent, "
                "{unverifiable} not checkable.",
                source=source_label(source, lang),
                consistent=int(counts.get("consistent", 0)),
                inconsistent=int(counts.get("inconsistent", 0)),
                unverifiable=int(counts.get("unverifiable", 0)),
            )
        )
    for row in claims[claims["kind"] == "level"].itertuples(index=False):
        for source in AUDIT_SOURCES:
            if math.isnan(getattr(row, source)):
                report.say(
                    t.gettext(
                        "{source} has no value for {year}, so the article's {claimed} USD bn "
                        "for {year} cannot be checked against it.",
                        source=source_label(source, lang),
                        year=row.year,
                        claimed=fmt(row.claimed_value, lang),
                    )
                )
    first, last = int(claims["year"].min()) - 1, int(claims["year"].max())
    report.cite(_cited_with_article(first, last))
