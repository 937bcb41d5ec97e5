"""Notebook 05, Heilongjiang: the province's trade with Russia and its share of China's.

Sections: :func:`province` (the province's trade, a view of
:mod:`analysis_lib.views.heilongjiang`) told as levels and a year-by-year table, and
:func:`shares` (its share of national trade, drawn by :func:`draw_share`).
"""

from __future__ import annotations

from functools import partial

from analysis_lib.stories.common import fmt, fmt_all, join_years, source_label
from analysis_lib.stories.context import Report, story_start
from analysis_lib.views import heilongjiang as views
from analysis_lib.views.common import row_source_ids, year_span

NOTEBOOK = "05-heilongjiang"


def _province_table():
    from analysis_lib.loaders import load_heilongjiang_trade

    return load_heilongjiang_trade()


start = story_start(
    NOTEBOOK,
    lambda: year_span(_province_table()),
    source="gacc",
    years="Years to show (default: the ``heilongjiang_trade`` table's range); the "
    "source's national China-Russia series is the share's denominator.",
)


def _national(report: Report):
    start_year, end_year = report.params.start_year, report.params.end_year
    return views.national_trade(report.params.source, range(start_year, end_year + 1))


def province(report: Report):
    """Return the province's trade with Russia, its computed share and growth, per year.

    Returns
    -------
    pandas.DataFrame
        See :func:`analysis_lib.views.heilongjiang.province_view`; the national
        series is the chosen source's.
    """
    params = report.params
    return views.province_view(
        _province_table(), _national(report), params.start_year, params.end_year
    )


def shares(report: Report):
    """Return the province's share of national China-Russia trade, computed and stated.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``total_usd_bn``, ``national_usd_bn`` (the chosen source's;
        NaN where it has no value), ``share_pct`` (computed), ``share_pct_stated``,
        ``source_id``.
    """
    columns = ["year", "total_usd_bn", "national_usd_bn", "share_pct", "share_pct_stated"]
    return province(report)[[*columns, "source_id"]]


def _cited(report: Report, province) -> list[str]:
    national = _national(report)
    return sorted(
        {str(s) for s in province["source_id"]}
        | {i for ids in national["national_source_ids"] for i in ids}
    )


def tell_levels(report: Report, province) -> None:
    """Describe the province's trade with Russia: first and last year, peak, largest fall."""
    lang, t = report.lang, report.t
    for row in province.to_dict("records"):
        report.value(f"hlj_trade_{row['year']}_usd_bn", round(row["total_usd_bn"], 4))
    if province.empty:
        return
    first, last = province.iloc[0], province.iloc[-1]
    if len(province) == 1:
        report.say(
            t.gettext(
                "Heilongjiang's trade with Russia was USD {value} bn in {year}.",
                value=fmt(first["total_usd_bn"], lang, 2),
                year=first["year"],
            )
        )
        report.cite(first["source_id"])
        return
    peak = province.loc[province["total_usd_bn"].idxmax()]
    factor = last["total_usd_bn"] / first["total_usd_bn"]
    report.values(
        {
            f"hlj_factor_{first['year']}_{last['year']}": round(factor, 4),
            "hlj_peak_year": int(peak["year"]),
        }
    )
    fields = {
        "first_value": fmt(first["total_usd_bn"], lang, 2),
        "first_year": first["year"],
        "last_value": fmt(last["total_usd_bn"], lang, 2),
        "last_year": last["year"],
        "factor": fmt(factor if factor >= 1 else 1 / factor, lang, 1),
    }
    if factor >= 1:
        sentence = t.gettext(
            "Heilongjiang's trade with Russia was USD {first_value} bn in {first_year} and "
            "USD {last_value} bn in {last_year}, {factor} times as much.",
            **fields,
        )
    else:
        sentence = t.gettext(
            "Heilongjiang's trade with Russia was USD {first_value} bn in {first_year} and "
            "USD {last_value} bn in {last_year}, {factor} times less.",
            **fields,
        )
    if peak["year"] not in (first["year"], last["year"]):
        sentence += " " + t.gettext(
            "Its highest value in these years was USD {peak_value} bn in {peak_year}.",
            peak_value=fmt(peak["total_usd_bn"], lang, 2),
            peak_year=peak["year"],
        )
    report.say(sentence)
    growth = province.dropna(subset=["growth_pct"])
    if not growth.empty and growth["growth_pct"].min() < 0:
        fall = growth.loc[growth["growth_pct"].idxmin()]
        before = province.loc[province["year"] == fall["year"] - 1, "total_usd_bn"].iloc[0]
        report.value(f"hlj_growth_{fall['year']}_pct", round(fall["growth_pct"], 4))
        report.say(
            t.gettext(
                "The largest fall from one year to the next was {fall}%, in {year} (from USD "
                "{before} bn to USD {after} bn).",
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
                t.gettext(
                    "{year} stated {stated}%, computed {computed}%",
                    year=row["year"],
                    stated=fmt(row["growth_pct_stated"], lang),
                    computed=fmt(row["growth_pct"], lang),
                )
            )
        report.say(
            t.gettext(
                "Growth rates stated in the press against the growth computed from the "
                "levels: {pairs}.",
                pairs="; ".join(pairs),
            )
        )
    report.cite(row_source_ids(province))


def draw_share(report: Report, shares) -> None:
    """Draw the province beside national trade, and its share (``plots.heilongjiang_share``)."""
    from analysis_lib.loaders import load_sources
    from analysis_lib.plots import heilongjiang_share

    if shares.empty:
        return
    # The caption names the national series by its source's translated name; the
    # report still cites the rows' own source ids.
    caption_ids = [*row_source_ids(shares), report.params.source]

    draw = partial(
        heilongjiang_share,
        shares,
        source_ids=caption_ids,
        lang=report.lang,
        sources_df=load_sources(),
    )

    report.figure(draw, "heilongjiang_share", _cited(report, shares))


def tell_share(report: Report, shares) -> None:
    """State the range of the computed share, the years without it, the shares stated."""
    lang, t, code = report.lang, report.t, report.params.source
    source = source_label(code, lang)
    known = shares.dropna(subset=["share_pct"])
    for row in known.to_dict("records"):
        report.values(
            {
                f"national_{row['year']}_{code}_usd_bn": round(row["national_usd_bn"], 4),
                f"hlj_share_{row['year']}_{code}_pct": round(row["share_pct"], 4),
            }
        )
    if known.empty:
        report.say(
            t.gettext("{source} has no national figure for any of the years shown.", source=source)
        )
    elif len(known) == 1:
        row = known.iloc[0]
        report.say(
            t.gettext(
                "Against the national figure of {source}, Heilongjiang's share of China–Russia "
                "trade was {share}% in {year}.",
                source=source,
                share=fmt(row["share_pct"], lang),
                year=row["year"],
            )
        )
    else:
        low = known.loc[known["share_pct"].idxmin()]
        high = known.loc[known["share_pct"].idxmax()]
        report.say(
            t.gettext(
                "Against the national figures of {source}, Heilongjiang's share of "
                "China–Russia trade ranged from {low}% in {low_year} to {high}% in {high_year}.",
                source=source,
                low=fmt(low["share_pct"], lang),
                low_year=low["year"],
                high=fmt(high["share_pct"], lang),
                high_year=high["year"],
            )
        )
    missing = [int(y) for y in shares.loc[shares["national_usd_bn"].isna(), "year"]]
    report.value(f"national_missing_years_{code}", missing)
    if missing:
        report.say(
            t.gettext(
                "{source} gives no national China–Russia figure for {years}.",
                source=source,
                years=join_years(missing, lang),
            )
        )
    stated = shares.dropna(subset=["share_pct_stated"])
    if stated.empty:
        return
    pairs = []
    for row in stated.to_dict("records"):
        report.value(f"hlj_share_stated_{row['year']}_pct", round(row["share_pct_stated"], 4))
        if row["share_pct"] != row["share_pct"]:
            pairs.append(
                t.gettext(
                    "{year} stated {stated}%, not computable",
                    year=row["year"],
                    stated=fmt(row["share_pct_stated"], lang),
                )
            )
        else:
            pairs.append(
                t.gettext(
                    "{year} stated {stated}%, computed {computed}%",
                    year=row["year"],
                    stated=fmt(row["share_pct_stated"], lang),
                    computed=fmt(row["share_pct"], lang),
                )
            )
    report.say(
        t.gettext(
            "Shares stated in the press beside the computed ones: {pairs}.",
            pairs="; ".join(pairs),
        )
    )


def tell_table(report: Report, province) -> None:
    """Show the year-by-year table: levels, national series, shares and growth."""
    import pandas as pd

    lang, t = report.lang, report.t
    shown = pd.DataFrame(
        {
            t.gettext("Year"): province["year"].astype(str),
            t.gettext("Heilongjiang–Russia, USD bn"): fmt_all(province["total_usd_bn"], lang, 2),
            t.gettext("China–Russia, USD bn"): fmt_all(province["national_usd_bn"], lang, 2),
            t.gettext("Share, computed, %"): fmt_all(province["share_pct"], lang, 1),
            t.gettext("Share, stated, %"): fmt_all(province["share_pct_stated"], lang, 1),
            t.gettext("Growth, computed, %"): fmt_all(province["growth_pct"], lang, 1),
            t.gettext("Growth, stated, %"): fmt_all(province["growth_pct_stated"], lang, 1),
        }
    )
    report.say(
        t.gettext(
            "Year by year; the national figures are those of {source}:",
            source=source_label(report.params.source, lang),
        )
    )
    report.table(shown)
    report.cite(_cited(report, province))
