"""Notebook 08: China-Russia trade in the years after the article, against its 2014 level.

The data come from :mod:`analysis_lib.views.after_the_article`; this module draws
and tells them.
"""

from __future__ import annotations

import math

from analysis_lib.loaders import load_table
from analysis_lib.stories.common import (
    fmt,
    join_years,
    source_label,
    text_table,
    thin_year_ticks,
)
from analysis_lib.stories.context import Report, story_start
from analysis_lib.stories.texts.after_the_article import TEXT
from analysis_lib.views.after_the_article import (
    LEVEL_CLAIM,
    US_RATIO_CLAIM,
    after_summary,
    after_table,
    early_releases,
    latest_partner_ratio,
)
from analysis_lib.views.common import (
    article_claims,
    load_claims,
    load_series,
    series_source_ids,
    trade_years,
)

NOTEBOOK = "08-after-the-article"


start = story_start(NOTEBOOK, trade_years, start_year=2015, end_year=2025, source="gacc")


def _context(report: Report):
    claim = article_claims(load_claims(), (LEVEL_CLAIM,)).iloc[0]
    base_year, claimed = int(claim["year"]), float(claim["claimed_value"])
    series = load_series("RU")[report.params.source]
    table = after_table(
        series, base_year, claimed, report.params.start_year, report.params.end_year
    )
    return base_year, claimed, series, table


def show_series(report: Report) -> None:
    """Plot the years after the article against its 2014 level; state the levels."""
    from analysis_lib.plots import after_article

    lang, source = report.lang, report.params.source
    text = TEXT[lang]
    start_year, end_year = report.params.start_year, report.params.end_year
    base_year, claimed, series, table = _context(report)
    name = source_label(source, lang)
    report.value(f"claim_{LEVEL_CLAIM}_usd_bn", claimed)
    report.say(
        text["intro"].format(
            claimed=fmt(claimed, lang),
            base_year=base_year,
            start=start_year,
            end=end_year,
            source=name,
        )
    )
    summary = after_summary(table, base_year, float(series.get(base_year, math.nan)))
    if summary is None:
        report.say(text["empty"].format(source=name, start=start_year, end=end_year))
        return
    known = table.dropna(subset=["value_usd_bn"])
    fig = after_article(
        known[["year", "value_usd_bn"]],
        article_2014_value=claimed,
        source_ids=[source, "article"],
        lang=lang,
        source=source,
    )
    thin_year_ticks(fig)
    ids = series_source_ids(source, "RU", known["year"])
    report.figure(fig, "after_article", sorted({*ids, "article"}))
    for row in known.itertuples(index=False):
        report.value(f"trade_{row.year}_{source}_usd_bn", round(row.value_usd_bn, 4))
    report.say(
        text["levels"].format(
            first_value=fmt(summary["first_value"], lang, 2),
            first_year=summary["first_year"],
            last_value=fmt(summary["last_value"], lang, 2),
            last_year=summary["last_year"],
            peak_value=fmt(summary["peak_value"], lang, 2),
            peak_year=summary["peak_year"],
        )
    )
    if summary["missing_years"]:
        report.value(f"missing_years_{source}", summary["missing_years"])
        report.say(
            text["missing"].format(source=name, years=join_years(summary["missing_years"], lang))
        )
    if source == "gacc":
        customs = load_table("customs_totals")
        for year, value in early_releases(customs, summary["missing_years"]).items():
            report.value(f"trade_{year}_gacc_early_usd_bn", value)
            report.say(text["early"].format(year=year, value=fmt(value, lang)))
            rows = customs[(customs["year"] == year) & (customs["release"] == "early")]
            report.cite(sorted(set(rows["source_id"])))


def show_growth_since(report: Report) -> None:
    """State growth since the article's year, the CAGR and the multiple of its level."""
    lang, source = report.lang, report.params.source
    text = TEXT[lang]
    base_year, claimed, series, table = _context(report)
    base_value = float(series.get(base_year, math.nan))
    summary = after_summary(table, base_year, base_value)
    if summary is None:
        return
    name = source_label(source, lang)
    last_year = summary["last_year"]
    report.values(
        {
            f"ratio_{last_year}_to_claim_{base_year}": round(summary["ratio_to_claimed"], 4),
        }
    )
    if math.isnan(summary["growth_since_base_pct"]):
        report.say(
            text["no_base"].format(
                source=name,
                base_year=base_year,
                last_year=last_year,
                ratio=fmt(summary["ratio_to_claimed"], lang, 2),
                claimed=fmt(claimed, lang),
            )
        )
        return
    report.values(
        {
            f"trade_{base_year}_{source}_usd_bn": round(base_value, 4),
            f"growth_{base_year}_{last_year}_{source}_pct": round(
                summary["growth_since_base_pct"], 4
            ),
            f"cagr_{base_year}_{last_year}_{source}_pct": round(summary["cagr_pct"], 4),
        }
    )
    report.say(
        text["growth"].format(
            base_year=base_year,
            base_value=fmt(base_value, lang, 2),
            source=name,
            last_year=last_year,
            growth=fmt(summary["growth_since_base_pct"], lang),
            cagr=fmt(summary["cagr_pct"], lang),
            ratio=fmt(summary["ratio_to_claimed"], lang, 2),
            claimed=fmt(claimed, lang),
        )
    )
    report.cite(sorted({*series_source_ids(source, "RU", [base_year, last_year]), "article"}))


def show_table(report: Report) -> None:
    """Table the yearly levels, growth and multiples of the article's level."""
    lang = report.lang
    text = TEXT[lang]
    base_year, _, _, table = _context(report)
    shown = table.rename(
        columns={
            "year": text["col_year"],
            "value_usd_bn": text["col_value"],
            "growth_pct": text["col_growth"],
            "since_base_pct": text["col_since"].format(base_year=base_year),
            "ratio_to_claimed": text["col_ratio"].format(base_year=base_year),
        }
    )
    report.table(text_table(shown, lang, decimals=2))


def show_us_ratio(report: Report) -> None:
    """Follow up the article's "only 1/6 of China-US trade" in the latest year with data."""
    lang, source = report.lang, report.params.source
    text = TEXT[lang]
    start_year, end_year = report.params.start_year, report.params.end_year
    claim = article_claims(load_claims(), (US_RATIO_CLAIM,)).iloc[0]
    russia, usa = load_series("RU")[source], load_series("US")[source]
    found = latest_partner_ratio(russia, usa, start_year, end_year)
    name = source_label(source, lang)
    if found is None:
        report.say(
            text["us_ratio_missing"].format(
                source=name, start=start_year, end=end_year, claimed=claim["claimed_text"]
            )
        )
        return
    year, ratio, fraction = found
    report.values(
        {f"ratio_{year}_US_{source}": round(ratio, 4), f"fraction_{year}_US_{source}": fraction}
    )
    report.say(
        text["us_ratio"].format(
            claimed=claim["claimed_text"],
            base_year=int(claim["year"]),
            year=year,
            source=name,
            ratio=fmt(ratio, lang, 3),
            percent=fmt(ratio * 100, lang),
            fraction=fraction,
        )
    )
    ids = {*series_source_ids(source, "RU", [year]), *series_source_ids(source, "US", [year])}
    report.cite(sorted(ids | {"article"}))
