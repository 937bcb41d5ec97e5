"""Notebook 05, Heilongjiang: the province's trade with Russia and its share of China's.

The data come from :mod:`analysis_lib.views.heilongjiang`; this module draws
and tells them.
"""

from __future__ import annotations

from analysis_lib.stories.common import fmt, fmt_all, heading
from analysis_lib.stories.context import Report, story_start
from analysis_lib.stories.texts.heilongjiang import TEXT
from analysis_lib.views.common import row_source_ids, year_span
from analysis_lib.views.heilongjiang import national_trade, province_view

NOTEBOOK = "05-heilongjiang"


def _data_years() -> tuple[int, int]:
    from analysis_lib.loaders import load_heilongjiang_trade

    return year_span(load_heilongjiang_trade())


start = story_start(
    NOTEBOOK,
    _data_years,
    source="gacc",
    years="Years to show (default: the ``heilongjiang_trade`` table's range); the "
    "source's national China-Russia series is the share's denominator.",
)


def _source_name(report: Report) -> str:
    from analysis_lib.plots.labels import source_name

    return source_name(report.params.source, report.lang)


def _view(report: Report):
    from analysis_lib.loaders import load_heilongjiang_trade

    start_year, end_year = report.params.start_year, report.params.end_year
    national = national_trade(report.params.source, range(start_year, end_year + 1))
    view = province_view(load_heilongjiang_trade(), national, start_year, end_year)
    ids = sorted(
        {str(s) for s in view["source_id"]}
        | {i for ids in national["national_source_ids"] for i in ids}
    )
    return view, ids


def show_levels(report: Report) -> None:
    """Describe the province's trade with Russia: first and last year, peak, largest fall."""
    heading(report, TEXT, "h_levels")
    text, lang = TEXT[report.lang], report.lang
    view, _ = _view(report)
    for row in view.to_dict("records"):
        report.value(f"hlj_trade_{row['year']}_usd_bn", round(row["total_usd_bn"], 4))
    first, last = view.iloc[0], view.iloc[-1]
    if len(view) == 1:
        report.say(
            text["levels_one"].format(
                value=fmt(first["total_usd_bn"], lang, 2), year=first["year"]
            )
        )
        report.cite(first["source_id"])
        return
    peak = view.loc[view["total_usd_bn"].idxmax()]
    factor = last["total_usd_bn"] / first["total_usd_bn"]
    key = "levels" if factor >= 1 else "levels_down"
    shown_factor = factor if factor >= 1 else 1 / factor
    report.values(
        {
            f"hlj_factor_{first['year']}_{last['year']}": round(factor, 4),
            "hlj_peak_year": int(peak["year"]),
        }
    )
    sentence = text[key].format(
        first_value=fmt(first["total_usd_bn"], lang, 2),
        first_year=first["year"],
        last_value=fmt(last["total_usd_bn"], lang, 2),
        last_year=last["year"],
        factor=fmt(shown_factor, lang, 1),
    )
    if peak["year"] not in (first["year"], last["year"]):
        sentence += " " + text["peak"].format(
            peak_value=fmt(peak["total_usd_bn"], lang, 2), peak_year=peak["year"]
        )
    report.say(sentence)
    growth = view.dropna(subset=["growth_pct"])
    if not growth.empty and growth["growth_pct"].min() < 0:
        fall = growth.loc[growth["growth_pct"].idxmin()]
        before = view.loc[view["year"] == fall["year"] - 1, "total_usd_bn"].iloc[0]
        report.value(f"hlj_growth_{fall['year']}_pct", round(fall["growth_pct"], 4))
        report.say(
            text["fall"].format(
                fall=fmt(-fall["growth_pct"], lang),
                year=fall["year"],
                before=fmt(before, lang, 2),
                after=fmt(fall["total_usd_bn"], lang, 2),
            )
        )
    stated = growth.dropna(subset=["growth_pct_stated"])
    if not stated.empty:
        pairs = []
        for row in stated.to_dict("records"):
            report.values(
                {
                    f"hlj_growth_{row['year']}_pct": round(row["growth_pct"], 4),
                    f"hlj_growth_stated_{row['year']}_pct": round(row["growth_pct_stated"], 4),
                }
            )
            pairs.append(
                text["growth_pair"].format(
                    year=row["year"],
                    stated=fmt(row["growth_pct_stated"], lang),
                    computed=fmt(row["growth_pct"], lang),
                )
            )
        report.say(text["growth_check"].format(pairs="; ".join(pairs)))
    report.cite(row_source_ids(view))


def show_share(report: Report) -> None:
    """Draw the province beside national trade and its share; say where no share is possible."""
    from analysis_lib.loaders import load_sources
    from analysis_lib.plots import heilongjiang_share

    heading(report, TEXT, "h_share")
    text, lang = TEXT[report.lang], report.lang
    view, ids = _view(report)
    source = _source_name(report)
    code = report.params.source
    # The caption names the national series by its source's translated name; the
    # report still cites the rows' own source ids.
    caption_ids = [*row_source_ids(view), code]
    fig = heilongjiang_share(view, source_ids=caption_ids, lang=lang, sources_df=load_sources())
    report.figure(fig, "heilongjiang_share", ids)
    shares = view.dropna(subset=["share_pct"])
    for row in shares.to_dict("records"):
        report.values(
            {
                f"national_{row['year']}_{code}_usd_bn": round(row["national_usd_bn"], 4),
                f"hlj_share_{row['year']}_{code}_pct": round(row["share_pct"], 4),
            }
        )
    if shares.empty:
        report.say(text["no_share"].format(source=source))
    elif len(shares) == 1:
        row = shares.iloc[0]
        report.say(
            text["share_one"].format(
                source=source, share=fmt(row["share_pct"], lang), year=row["year"]
            )
        )
    else:
        low = shares.loc[shares["share_pct"].idxmin()]
        high = shares.loc[shares["share_pct"].idxmax()]
        report.say(
            text["share"].format(
                source=source,
                low=fmt(low["share_pct"], lang),
                low_year=low["year"],
                high=fmt(high["share_pct"], lang),
                high_year=high["year"],
            )
        )
    missing = [int(y) for y in view.loc[view["national_usd_bn"].isna(), "year"]]
    report.value(f"national_missing_years_{code}", missing)
    if missing:
        report.say(text["missing"].format(source=source, years=", ".join(str(y) for y in missing)))
    stated = view.dropna(subset=["share_pct_stated"])
    if not stated.empty:
        pairs = []
        for row in stated.to_dict("records"):
            report.value(f"hlj_share_stated_{row['year']}_pct", round(row["share_pct_stated"], 4))
            key = "stated_pair_missing" if row["share_pct"] != row["share_pct"] else "stated_pair"
            computed = "" if key == "stated_pair_missing" else fmt(row["share_pct"], lang)
            pairs.append(
                text[key].format(
                    year=row["year"], stated=fmt(row["share_pct_stated"], lang), computed=computed
                )
            )
        report.say(text["stated"].format(pairs="; ".join(pairs)))


def show_table(report: Report) -> None:
    """Show the year-by-year table: levels, national series, shares and growth."""
    import pandas as pd

    heading(report, TEXT, "h_table")
    text, lang = TEXT[report.lang], report.lang
    view, ids = _view(report)

    shown = pd.DataFrame(
        {
            text["col_year"]: view["year"].astype(str),
            text["col_total"]: fmt_all(view["total_usd_bn"], lang, 2),
            text["col_national"]: fmt_all(view["national_usd_bn"], lang, 2),
            text["col_share"]: fmt_all(view["share_pct"], lang, 1),
            text["col_share_stated"]: fmt_all(view["share_pct_stated"], lang, 1),
            text["col_growth"]: fmt_all(view["growth_pct"], lang, 1),
            text["col_growth_stated"]: fmt_all(view["growth_pct_stated"], lang, 1),
        }
    )
    report.say(text["table_intro"].format(source=_source_name(report)))
    report.table(shown)
    report.cite(ids)
