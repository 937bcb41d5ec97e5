"""Notebook 01: China-Russia trade 2009-2014 in each source, beside the article's figures.

The data come from :mod:`analysis_lib.views.trade_dynamics`; this module draws
and tells them.
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
from analysis_lib.stories.texts.trade_dynamics import TEXT
from analysis_lib.views.common import (
    article_claims,
    audit_results,
    load_claims,
    load_series,
    series_source_ids,
    trade_years,
    verdict_table,
)
from analysis_lib.views.trade_dynamics import (
    CLAIM_IDS,
    GROWTH_CLAIMS,
    LEVEL_CLAIMS,
    SLOWDOWN_CLAIM,
    claims_comparison,
    growth_table,
    levels_table,
    missing_years,
    slowdown_table,
)
from analysis_lib.vocabulary import AUDIT_SOURCES as SOURCES

NOTEBOOK = "01-trade-dynamics"


start = story_start(NOTEBOOK, trade_years, start_year=2009, end_year=2014, source="gacc")


def _unit(kind: str) -> str:
    return "%" if kind == "growth" else ""


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
    ids = {sid for s in SOURCES for sid in series_source_ids(s, "RU", range(first, last + 1))}
    return sorted(ids | {"article"})


def show_intro(report: Report) -> None:
    """Say what the report compares and which source is chosen."""
    lang = report.lang
    start_year, end_year = _range(report)
    names = "; ".join(source_label(s, lang) for s in SOURCES)
    report.say(
        TEXT[lang]["intro"].format(
            start=start_year,
            end=end_year,
            sources=names,
            source=source_label(report.params.source, lang),
        )
    )


def show_levels(report: Report) -> None:
    """Plot the levels of every source with the article's figures; state the chosen source's."""
    from analysis_lib.plots import trade_levels

    lang, source = report.lang, report.params.source
    start_year, end_year = _range(report)
    series = load_series()
    levels = levels_table(series, start_year, end_year)
    in_range, claimed = _claims_in_range(LEVEL_CLAIMS, "claimed_usd_bn", start_year, end_year)
    fig = trade_levels(levels, source_ids=[*SOURCES, "article"], lang=lang, claims=claimed)
    highlight_source(fig, source, lang)
    thin_year_ticks(fig)
    # Room right of the last year for the article's value label.
    fig.axes[0].set_xlim(start_year - 0.3, end_year + 0.6)
    report.figure(fig, "trade_levels", _cited_with_article(start_year, end_year))
    for row in levels.dropna().itertuples(index=False):
        report.value(f"trade_{row.year}_{row.source}_usd_bn", round(row.value_usd_bn, 4))
    for claim in in_range.itertuples(index=False):
        report.value(f"claim_{claim.claim_id}_usd_bn", float(claim.claimed_value))
    chosen = levels[levels["source"] == source].dropna()
    name = source_label(source, lang)
    if chosen.empty:
        report.say(TEXT[lang]["levels_empty"].format(source=name, start=start_year, end=end_year))
    else:
        first, last = chosen.iloc[0], chosen.iloc[-1]
        report.say(
            TEXT[lang]["levels"].format(
                source=name,
                first_value=fmt(first["value_usd_bn"], lang, 2),
                first_year=int(first["year"]),
                last_value=fmt(last["value_usd_bn"], lang, 2),
                last_year=int(last["year"]),
            )
        )
    for each in SOURCES:
        gaps = missing_years(levels, each)
        if gaps:
            report.say(
                TEXT[lang]["missing"].format(
                    source=source_label(each, lang), years=join_years(gaps, lang)
                )
            )
            report.value(f"missing_years_{each}", gaps)


def show_growth(report: Report) -> None:
    """Plot year-on-year growth of every source; state the chosen source's extremes."""
    from analysis_lib.plots import trade_growth

    lang, source = report.lang, report.params.source
    start_year, end_year = _range(report)
    series = load_series()
    growth = growth_table(series, start_year, end_year)
    _, claimed = _claims_in_range(GROWTH_CLAIMS, "claimed_growth_pct", start_year, end_year)
    shown = growth.dropna()
    if shown.empty:
        report.say(
            TEXT[lang]["growth_empty"].format(
                source=source_label(source, lang), start=start_year, end=end_year
            )
        )
        return
    fig = trade_growth(shown, source_ids=[*SOURCES, "article"], lang=lang, claims=claimed)
    highlight_source(fig, source, lang)
    thin_year_ticks(fig)
    # Growth in the first year rests on the year before it.
    report.figure(fig, "trade_growth", _cited_with_article(start_year - 1, end_year))
    for row in shown.itertuples(index=False):
        report.value(f"growth_{row.year}_{row.source}_pct", round(row.growth_pct, 4))
    chosen = shown[shown["source"] == source]
    name = source_label(source, lang)
    if chosen.empty:
        report.say(TEXT[lang]["growth_empty"].format(source=name, start=start_year, end=end_year))
        return
    top = chosen.loc[chosen["growth_pct"].idxmax()]
    low = chosen.loc[chosen["growth_pct"].idxmin()]
    report.say(
        TEXT[lang]["growth"].format(
            source=name,
            max_growth=fmt(top["growth_pct"], lang),
            max_year=int(top["year"]),
            min_growth=fmt(low["growth_pct"], lang),
            min_year=int(low["year"]),
        )
    )


def show_slowdown(report: Report) -> None:
    """Check the article's slowdown year in every source, in words."""
    lang = report.lang
    claim = article_claims(load_claims(), (SLOWDOWN_CLAIM,)).iloc[0]
    year = int(claim["year"])
    table = slowdown_table(load_series(), year)
    verdicts = verdict_table(audit_results(), (SLOWDOWN_CLAIM,))
    lines = []
    for row in table.itertuples(index=False):
        name = source_label(row.source, lang)
        found = verdicts[verdicts["source"] == row.source]["verdict"]
        verdict = found.iloc[0] if len(found) else "unverifiable"
        report.value(f"verdict_{SLOWDOWN_CLAIM}_{row.source}", verdict)
        if row.slowed is None:
            lines.append(
                TEXT[lang]["slowdown_missing"].format(
                    source=name, years=join_years(row.missing, lang)
                )
            )
            continue
        report.value(f"growth_{year - 1}_{row.source}_pct", round(row.previous_pct, 4))
        report.value(f"growth_{year}_{row.source}_pct", round(row.current_pct, 4))
        lines.append(
            TEXT[lang]["slowdown"].format(
                year=year,
                previous_year=year - 1,
                source=name,
                previous=fmt(row.previous_pct, lang),
                current=fmt(row.current_pct, lang),
                verdict=verdict_label(verdict, lang),
            )
        )
    lead = TEXT[lang]["slowdown_lead"].format(year=year, previous_year=year - 1)
    report.say("\n".join([lead, "", *(f"- {line}" for line in lines)]))
    report.cite(["article"])


def show_claims(report: Report) -> None:
    """Table the article's levels and growth beside each source, with the audit's verdicts."""
    lang = report.lang
    text = TEXT[lang]
    series = load_series()
    claims = article_claims(load_claims(), (*LEVEL_CLAIMS, *GROWTH_CLAIMS))
    first, last = int(claims["year"].min()) - 1, int(claims["year"].max())
    levels = levels_table(series, first, last)
    growth = growth_table(series, first, last)
    verdicts = verdict_table(audit_results(), CLAIM_IDS)
    comparison = claims_comparison(claims, levels, growth, verdicts)
    report.say(text["claims"])
    shown = {
        text["col_claim"]: [
            claims.set_index("claim_id").loc[c, f"statement_{lang}"]
            for c in comparison["claim_id"]
        ],
        text["col_article"]: [
            fmt(v, lang, 1) + _unit(kind)
            for v, kind in zip(comparison["claimed_value"], comparison["kind"], strict=True)
        ],
    }
    for source in SOURCES:
        shown[source_label(source, lang)] = [
            f"{fmt(value, lang, 2)}{_unit(kind)} "
            f"({verdict_label(verdict, lang) if isinstance(verdict, str) else DASH})"
            for value, kind, verdict in zip(
                comparison[source],
                comparison["kind"],
                comparison[f"{source}_verdict"],
                strict=True,
            )
        ]
    import pandas as pd

    report.table(pd.DataFrame(shown))
    for row in verdicts.itertuples(index=False):
        report.value(f"verdict_{row.claim_id}_{row.source}", row.verdict)
    for source in SOURCES:
        counts = verdicts[verdicts["source"] == source]["verdict"].value_counts()
        report.say(
            text["verdict_counts"].format(
                source=source_label(source, lang),
                consistent=int(counts.get("consistent", 0)),
                inconsistent=int(counts.get("inconsistent", 0)),
                unverifiable=int(counts.get("unverifiable", 0)),
            )
        )
    for row in comparison[comparison["kind"] == "level"].itertuples(index=False):
        for source in SOURCES:
            if math.isnan(getattr(row, source)):
                report.say(
                    text["claim_missing"].format(
                        source=source_label(source, lang),
                        year=row.year,
                        claimed=fmt(row.claimed_value, lang),
                    )
                )
    report.cite(_cited_with_article(first, last))
