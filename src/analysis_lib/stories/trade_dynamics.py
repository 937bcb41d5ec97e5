"""Notebook 01: China-Russia trade in each source, beside the article's figures.

Sections (each a notebook cell): :func:`levels`, :func:`growth`, :func:`slowdown`,
:func:`claims` (each claim's primary verdict, the cross-checks beside it) give the
data (pure views of :mod:`analysis_lib.views.trade_dynamics`
over the loaded series); ``draw_*`` draws it with an :mod:`analysis_lib.plots`
function; ``tell_*`` says it in the report's language and records its values.
"""

from __future__ import annotations

from analysis_lib.stories.common import (
    claim_cells,
    fmt,
    headline,
    highlight_source,
    join_years,
    record_verdicts,
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

    def draw():
        fig = trade_levels(
            levels, source_ids=[*AUDIT_SOURCES, "article"], lang=lang, claims=claimed
        )
        highlight_source(fig, source, lang)
        thin_year_ticks(fig)
        # Room right of the last year for the article's value label.
        fig.axes[0].set_xlim(start_year - 0.3, end_year + 0.6)
        return fig

    report.figure(draw, "trade_levels", _cited_with_article(start_year, end_year))
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

    def draw():
        fig = trade_growth(
            shown, source_ids=[*AUDIT_SOURCES, "article"], lang=lang, claims=claimed
        )
        highlight_source(fig, source, lang)
        thin_year_ticks(fig)
        return fig

    # Growth in the first year rests on the year before it.
    report.figure(draw, "trade_growth", _cited_with_article(start_year - 1, end_year))


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
    primary = claim_cells(audit_results(), (views.SLOWDOWN_CLAIM,), lang).iloc[0]
    report.value(f"verdict_{views.SLOWDOWN_CLAIM}", primary["verdict"])
    lines.append(
        t.gettext(
            "Against {source}, the source the article relies on: {figure}; the claim's "
            "verdict: **{verdict}**. Cross-checks:",
            source=primary["primary_source"],
            figure=primary["figure"],
            verdict=primary["verdict_text"],
        )
    )
    for row in slowdown.itertuples(index=False):
        name = source_label(row.source, lang)
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
                "{year}; cross-check: **{verdict}**.",
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
    ids = {sid for r in audit_results() if r.id == views.SLOWDOWN_CLAIM for sid in r.sources}
    report.cite(sorted(ids | {"article"}))


# ---------------------------------------------------------------- the article's figures


def claims(report: Report):
    """Return the article's levels and growth, each with its primary verdict and cross-checks.

    Returns
    -------
    pandas.DataFrame
        One row per claim: ``claim_id``, ``kind``, ``year``, ``claimed_value``, the
        statement in the report's language (``statement``) and the columns of
        :func:`analysis_lib.stories.common.claim_cells` (``primary_source``,
        ``figure``, ``verdict``, ``severity``, ``verdict_text``, ``cross_checks``).
    """
    registry = article_claims(load_claims(), (*views.LEVEL_CLAIMS, *views.GROWTH_CLAIMS))
    cells = claim_cells(audit_results(), registry["claim_id"], report.lang)
    cells = cells.set_index("claim_id").reindex(registry["claim_id"]).reset_index()
    statements = registry[f"statement_{report.lang}"]
    table = registry[["claim_id", "kind", "year", "claimed_value"]].assign(
        statement=list(statements)
    )
    return table.merge(cells, on="claim_id", how="left")


def tell_claims(report: Report, claims) -> None:
    """Table the article's figures, each with its primary verdict and the cross-checks beside."""
    import pandas as pd

    lang, t = report.lang, report.t
    results = audit_results()
    report.say(
        t.gettext(
            "The article, citing Chinese customs statistics, gives the figures in the second "
            "column below. Each is judged against China's official figure for its year (the "
            "customs release, or the Ministry of Commerce's or state media's statement of it "
            "where the customs release is not in the data), within the rounding of both "
            "figures; the other sources are cross-checks beside it."
        )
    )
    units = ["%" if kind == "growth" else "" for kind in claims["kind"]]
    shown = {
        t.gettext("Claim of the article"): list(claims["statement"]),
        t.pgettext("table header", "Article"): [
            fmt(v, lang, 1) + unit for v, unit in zip(claims["claimed_value"], units, strict=True)
        ],
        t.gettext("Primary source"): list(claims["primary_source"]),
        t.gettext("Its figure"): list(claims["figure"]),
        t.gettext("Verdict"): list(claims["verdict_text"]),
        t.gettext("Cross-checks"): list(claims["cross_checks"]),
    }
    report.table(pd.DataFrame(shown))
    record_verdicts(report, results, views.CLAIM_IDS)
    mine = [r for r in results if r.id in views.CLAIM_IDS]
    report.say(
        t.gettext(
            "{headline} (primary verdicts). The cross-checks are not counted: IMF DOTS as China "
            "reports it carries later revisions, and the partner's report (the mirror) is "
            "another reporter's record with CIF/FOB valuation.",
            headline=headline(mine, lang),
        )
    )
    first, last = int(claims["year"].min()) - 1, int(claims["year"].max())
    ids = {sid for r in mine for sid in r.sources}
    report.cite(sorted(ids | set(_cited_with_article(first, last))))
