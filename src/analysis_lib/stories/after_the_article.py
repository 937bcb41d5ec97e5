"""Notebook 08: China-Russia trade in the years after the article, against its 2014 level.

Sections: :func:`after` (the years after the article, a view of
:mod:`analysis_lib.views.after_the_article`) told as levels, growth since the
article's year and a table; :func:`us_ratio` follows up the "1/6 of China-US trade".
"""

from __future__ import annotations

import math

from analysis_lib.stories.common import (
    fmt,
    format_date,
    join_years,
    source_label,
    text_table,
    thin_year_ticks,
)
from analysis_lib.stories.context import Report, story_start
from analysis_lib.views import after_the_article as views
from analysis_lib.views.common import (
    article_claims,
    audit_results,
    load_claims,
    load_series,
    series_source_ids,
    trade_years,
)

NOTEBOOK = "08-after-the-article"

start = story_start(NOTEBOOK, trade_years, start_year=2015, end_year=2025, source="gacc")


def _article_level() -> tuple[int, float]:
    """Return the article's year and its China-Russia trade level (USD bn) for that year."""
    claim = article_claims(load_claims(), (views.LEVEL_CLAIM,)).iloc[0]
    return int(claim["year"]), float(claim["claimed_value"])


def _series(report: Report):
    return load_series("RU")[report.params.source]


def tell_intro(report: Report) -> None:
    """Recall the article's level and say which years and source the report follows."""
    lang, t = report.lang, report.t
    base_year, claimed = _article_level()
    report.value(f"claim_{views.LEVEL_CLAIM}_usd_bn", claimed)
    report.say(
        t.gettext(
            "The article put China–Russia trade at {claimed} USD bn in {base_year} and found "
            "it disproportionately small for the two countries' strategic partnership. This "
            "report follows the years {start}–{end} according to **{source}**.",
            claimed=fmt(claimed, lang),
            base_year=base_year,
            start=report.params.start_year,
            end=report.params.end_year,
            source=source_label(report.params.source, lang),
        )
    )
    from analysis_lib.claims.verdicts import article_written_no_earlier_than

    written = article_written_no_earlier_than(audit_results(source="timeline"))
    if written is not None:
        report.value("article_written_no_earlier_than", written)
        report.say(
            t.gettext(
                "The article's figures end in {base_year}, but it was written no earlier than "
                "{date}: its footnote 5 cites a page of that date. “After the article” here "
                "means after its figures.",
                base_year=base_year,
                date=format_date(written, lang),
            )
        )


def after(report: Report):
    """Return the level, growth, change since the article's year and multiple of its level.

    Returns
    -------
    pandas.DataFrame
        See :func:`analysis_lib.views.after_the_article.after_table`, by the chosen source.
    """
    base_year, claimed = _article_level()
    params = report.params
    return views.after_table(
        _series(report), base_year, claimed, params.start_year, params.end_year
    )


def _summary(report: Report, after):
    base_year, _ = _article_level()
    base_value = float(_series(report).get(base_year, math.nan))
    return views.after_summary(after, base_year, base_value), base_year, base_value


def draw_after(report: Report, after) -> None:
    """Draw the years after the article against its 2014 level (``plots.after_article``)."""
    from analysis_lib.plots import after_article

    source = report.params.source
    known = after.dropna(subset=["value_usd_bn"])
    if known.empty:
        return
    _, claimed = _article_level()

    def draw():
        fig = after_article(
            known[["year", "value_usd_bn"]],
            article_2014_value=claimed,
            source_ids=[source, "article"],
            lang=report.lang,
            source=source,
        )
        thin_year_ticks(fig)
        return fig

    ids = series_source_ids(source, "RU", known["year"])
    report.figure(draw, "after_article", sorted({*ids, "article"}))


def tell_after(report: Report, after) -> None:
    """State the first, last and peak levels, the missing years and any early GACC release."""
    from analysis_lib.loaders import load_table

    lang, t, source = report.lang, report.t, report.params.source
    name = source_label(source, lang)
    summary, _, _ = _summary(report, after)
    if summary is None:
        report.say(
            t.gettext(
                "{source} has no China–Russia value between {start} and {end}.",
                source=name,
                start=report.params.start_year,
                end=report.params.end_year,
            )
        )
        return
    for row in after.dropna(subset=["value_usd_bn"]).itertuples(index=False):
        report.value(f"trade_{row.year}_{source}_usd_bn", round(row.value_usd_bn, 4))
    report.say(
        t.gettext(
            "Trade was {first_value} USD bn in {first_year} and {last_value} USD bn in "
            "{last_year}; its peak in these years was {peak_value} USD bn in {peak_year}.",
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
            t.gettext(
                "{source} has no value in the data for {years}.",
                source=name,
                years=join_years(summary["missing_years"], lang),
            )
        )
    if source != "gacc":
        return
    customs = load_table("customs_totals")
    for year, value in views.early_releases(customs, summary["missing_years"]).items():
        report.value(f"trade_{year}_gacc_early_usd_bn", value)
        report.say(
            t.gettext(
                "For {year} only an early GACC release is in the data: {value} USD bn, "
                "announced before the final figure; it is not used as a final total.",
                year=year,
                value=fmt(value, lang),
            )
        )
        rows = customs[(customs["year"] == year) & (customs["release"] == "early")]
        report.cite(sorted(set(rows["source_id"])))


def tell_growth_since(report: Report, after) -> None:
    """State growth since the article's year, the CAGR and the multiple of its level."""
    lang, t, source = report.lang, report.t, report.params.source
    summary, base_year, base_value = _summary(report, after)
    if summary is None:
        return
    _, claimed = _article_level()
    name = source_label(source, lang)
    last_year = summary["last_year"]
    report.value(f"ratio_{last_year}_to_claim_{base_year}", round(summary["ratio_to_claimed"], 4))
    if math.isnan(summary["growth_since_base_pct"]):
        report.say(
            t.gettext(
                "{source} has no value for {base_year}, so growth since the article's year "
                "cannot be computed from it; in {last_year} trade was {ratio} times the "
                "article's {claimed} USD bn.",
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
        t.gettext(
            "From {base_year} ({base_value} USD bn according to {source}) to {last_year}, "
            "trade grew by {growth}%, a compound annual growth rate of {cagr}%. In {last_year} "
            "it was {ratio} times the article's {claimed} USD bn for {base_year}.",
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


def tell_table(report: Report, after) -> None:
    """Table the yearly levels, growth and multiples of the article's level."""
    t = report.t
    base_year, _ = _article_level()
    shown = after.rename(
        columns={
            "year": t.gettext("Year"),
            "value_usd_bn": t.gettext("Trade, USD bn"),
            "growth_pct": t.gettext("Change on the previous year, %"),
            "since_base_pct": t.gettext("Change since {base_year}, %", base_year=base_year),
            "ratio_to_claimed": t.gettext(
                "Times the article's {base_year} level", base_year=base_year
            ),
        }
    )
    report.table(text_table(shown, report.lang, decimals=2))


def us_ratio(report: Report):
    """Return China-Russia / China-US trade in the last year of the range with both series.

    Returns
    -------
    pandas.DataFrame
        One row (``year``, ``ratio``, ``fraction``, ``claimed``, ``claim_year``), or
        none when no year has both series.
    """
    import pandas as pd

    params = report.params
    claim = article_claims(load_claims(), (views.US_RATIO_CLAIM,)).iloc[0]
    russia, usa = load_series("RU")[params.source], load_series("US")[params.source]
    found = views.latest_partner_ratio(russia, usa, params.start_year, params.end_year)
    columns = ["year", "ratio", "fraction", "claimed", "claim_year"]
    if found is None:
        return pd.DataFrame(columns=columns)
    year, ratio, fraction = found
    row = [year, ratio, fraction, claim["claimed_text"], int(claim["year"])]
    return pd.DataFrame([row], columns=columns)


def tell_us_ratio(report: Report, us_ratio) -> None:
    """Follow up the article's "only 1/6 of China-US trade" in the latest year with data."""
    lang, t, source = report.lang, report.t, report.params.source
    name = source_label(source, lang)
    if us_ratio.empty:
        claim = article_claims(load_claims(), (views.US_RATIO_CLAIM,)).iloc[0]
        report.say(
            t.gettext(
                "{source} has no year between {start} and {end} with both China–Russia and "
                "China–US trade, so the article's {claimed} cannot be followed up with it.",
                source=name,
                start=report.params.start_year,
                end=report.params.end_year,
                claimed=claim["claimed_text"],
            )
        )
        return
    row = us_ratio.iloc[0]
    year = int(row["year"])
    report.values(
        {
            f"ratio_{year}_US_{source}": round(float(row["ratio"]), 4),
            f"fraction_{year}_US_{source}": row["fraction"],
        }
    )
    report.say(
        t.gettext(
            "The article said China–Russia trade was only {claimed} of China–US trade in "
            "{base_year}. In {year}, by {source}, it was {ratio} of it ({percent}%): nearest "
            "unit fraction {fraction}.",
            claimed=row["claimed"],
            base_year=int(row["claim_year"]),
            year=year,
            source=name,
            ratio=fmt(float(row["ratio"]), lang, 3),
            percent=fmt(float(row["ratio"]) * 100, lang),
            fraction=row["fraction"],
        )
    )
    ids = {*series_source_ids(source, "RU", [year]), *series_source_ids(source, "US", [year])}
    report.cite(sorted(ids | {"article"}))
