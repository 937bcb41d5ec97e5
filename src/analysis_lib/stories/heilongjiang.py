"""Notebook 05, Heilongjiang: the province's trade with Russia and its share of China's.

The province's figures come from press reports (``heilongjiang_trade``); its share
of national China-Russia trade is computed against the national series of the
chosen audit source wherever that source has the year, and shown beside the
shares the press stated.
"""

from __future__ import annotations

from analysis_lib.stories.common import fmt, fmt_all, heading, row_source_ids, year_span
from analysis_lib.stories.context import Report, story_start
from analysis_lib.stories.texts.heilongjiang import TEXT

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


def national_trade(source: str, years, *, data_dir=None):
    """Return China's total trade with Russia from ``source`` for ``years``, with source ids.

    Parameters
    ----------
    source : {'gacc', 'imf_dots_cn', 'imf_dots_ru'}
    years : iterable of int
    data_dir : path-like, optional

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``national_usd_bn`` (NaN where the source has no value),
        ``national_source_ids`` (tuple of str).
    """
    import pandas as pd

    from analysis_lib.claims.evidence import Evidence

    evidence = Evidence(data_dir)
    rows = []
    for year in years:
        point = evidence.trade_point(source, "RU", int(year))
        rows.append(
            {
                "year": int(year),
                "national_usd_bn": float("nan") if point.value is None else point.value,
                "national_source_ids": point.source_ids,
            }
        )
    return pd.DataFrame(rows, columns=["year", "national_usd_bn", "national_source_ids"])


def province_view(heilongjiang_df, national_df, start_year: int, end_year: int):
    """Return the province's trade with its computed share and growth, year by year.

    Parameters
    ----------
    heilongjiang_df : pandas.DataFrame
        The ``heilongjiang_trade`` table.
    national_df : pandas.DataFrame
        Columns ``year``, ``national_usd_bn`` (see :func:`national_trade`).
    start_year, end_year : int
        Inclusive range of years to keep.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``total_usd_bn``, ``national_usd_bn``, ``share_pct`` (computed,
        NaN without a national value), ``share_pct_stated``, ``growth_pct`` (computed
        from the previous calendar year when the table has it, else NaN),
        ``growth_pct_stated``, ``note``, ``source_id``.
    """
    import pandas as pd

    from analysis_lib.metrics import regional_share

    table = heilongjiang_df.sort_values("year")
    previous = table.set_index("year")["total_usd_bn"].astype(float)
    chosen = table[table["year"].between(start_year, end_year)].copy()
    chosen["year"] = chosen["year"].astype("int64")
    view = chosen.merge(national_df[["year", "national_usd_bn"]], on="year", how="left")
    view["total_usd_bn"] = view["total_usd_bn"].astype(float)
    view["national_usd_bn"] = view["national_usd_bn"].astype(float)
    known = view["national_usd_bn"].notna()
    view["share_pct"] = float("nan")
    if known.any():
        view.loc[known, "share_pct"] = (
            regional_share(view.loc[known, "total_usd_bn"], view.loc[known, "national_usd_bn"])
            * 100
        )
    before = view["year"].map(lambda y: previous.get(y - 1, float("nan")))
    view["growth_pct"] = (view["total_usd_bn"] / before.astype(float) - 1) * 100
    columns = [
        "year",
        "total_usd_bn",
        "national_usd_bn",
        "share_pct",
        "share_pct_stated",
        "growth_pct",
        "growth_pct_stated",
        "note",
        "source_id",
    ]
    return pd.DataFrame(view[columns]).reset_index(drop=True)


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
