"""Figures of China's trade totals: levels, growth, partners, ratios, years after the article.

Every function takes tidy DataFrames (no loading here), the report language and
the ids of the sources shown, and returns a :class:`matplotlib.figure.Figure`
with title, axis labels with units, legend and source caption.
"""

from __future__ import annotations

from analysis_lib.exceptions import ParameterError
from analysis_lib.i18n import translator
from analysis_lib.params import check_lang
from analysis_lib.plots._common import (
    add_caption,
    new_figure,
    numeric,
    place_legend,
    require_frame,
    require_values,
    set_axis_labels,
    title_of,
    wrap_ticks,
    years,
)
from analysis_lib.plots.labels import format_number, partner_name, source_name
from analysis_lib.plots.theme import PARTNER_COLORS, SOURCE_COLORS, SOURCE_MARKERS
from analysis_lib.vocabulary import PARTNERS, SERIES_SOURCES


def trade_levels(df, *, source_ids, lang="en", claims=None, sources_df=None):
    """Plot China-Russia trade per year, one line per source, with the article's figures.

    Parameters
    ----------
    df : pandas.DataFrame
        Columns ``year`` (int), ``source`` (one of ``'gacc'``, ``'imf_dots_cn'``,
        ``'imf_dots_ru'``, ``'fcs'``), ``value_usd_bn`` (float; missing values skipped).
    source_ids : iterable of str
        Ids of the sources shown, for the caption.
    lang : {'en', 'ru'}, default 'en'
    claims : pandas.DataFrame, optional
        The article's figures: columns ``year``, ``claimed_usd_bn``; drawn as black crosses.
    sources_df : pandas.DataFrame, optional
        The ``sources`` table, to name source ids in the caption.

    Returns
    -------
    matplotlib.figure.Figure
    """
    name = "trade_levels"
    lang = check_lang(lang)
    t = translator(lang)
    _check_series(df, "value_usd_bn", name)
    fig, ax = new_figure(8, 4.8)
    _plot_source_lines(ax, df, "value_usd_bn", lang, name)
    if claims is not None:
        _plot_claims(ax, claims, "claimed_usd_bn", lang, name, annotate=True)
    _integer_years(ax)
    set_axis_labels(ax, t.gettext("Year"), t.gettext("Trade turnover, USD bn"))
    ax.set_ylim(bottom=0)
    place_legend(ax)
    title_of(fig, t.gettext("China–Russia trade turnover"))
    add_caption(fig, source_ids, lang, sources_df)
    return fig


def trade_growth(df, *, source_ids, lang="en", claims=None, sources_df=None):
    """Plot year-on-year growth of China-Russia trade as grouped bars, one colour per source.

    Parameters
    ----------
    df : pandas.DataFrame
        Columns ``year`` (int), ``source`` (as in :func:`trade_levels`), ``growth_pct`` (float, %).
    source_ids : iterable of str
        Ids of the sources shown, for the caption.
    lang : {'en', 'ru'}, default 'en'
    claims : pandas.DataFrame, optional
        The article's growth figures: columns ``year``, ``claimed_growth_pct``.
    sources_df : pandas.DataFrame, optional
        The ``sources`` table, to name source ids in the caption.

    Returns
    -------
    matplotlib.figure.Figure
    """
    name = "trade_growth"
    lang = check_lang(lang)
    t = translator(lang)
    _check_series(df, "growth_pct", name)
    data = df.assign(
        year=years(df, figure=name), growth_pct=numeric(df, "growth_pct", figure=name)
    )
    data = data.dropna(subset=["growth_pct"])
    fig, ax = new_figure(8, 4.8)
    present = [s for s in SERIES_SOURCES if s in set(data["source"])]
    width = 0.8 / max(1, len(present))
    for index, source in enumerate(present):
        rows = data[data["source"] == source].sort_values("year")
        offset = (index - (len(present) - 1) / 2) * width
        ax.bar(
            rows["year"] + offset,
            rows["growth_pct"],
            width=width,
            color=SOURCE_COLORS[source],
            label=source_name(source, lang),
        )
    ax.axhline(0, color="#333333", linewidth=0.8)
    if claims is not None:
        _plot_claims(ax, claims, "claimed_growth_pct", lang, name, annotate=False)
    _integer_years(ax)
    set_axis_labels(ax, t.gettext("Year"), t.gettext("Change on the previous year, %"))
    place_legend(ax)
    title_of(fig, t.gettext("Growth of China–Russia trade"))
    add_caption(fig, source_ids, lang, sources_df)
    return fig


def partner_comparison(df, *, year, source_ids, lang="en", log_scale=False, sources_df=None):
    """Compare China's trade with Russia, the US, Japan, Korea and the world in one year.

    Parameters
    ----------
    df : pandas.DataFrame
        Columns ``partner`` (``'RU'``, ``'US'``, ``'JP'``, ``'KR'``, ``'WLD'``),
        ``source`` (as in :func:`trade_levels`), ``value_usd_bn`` (float), all for ``year``.
    year : int
        The year shown, for the title.
    source_ids : iterable of str
        Ids of the sources shown, for the caption.
    lang : {'en', 'ru'}, default 'en'
    log_scale : bool, default False
        Logarithmic value axis, to show Russia beside the world total.
    sources_df : pandas.DataFrame, optional
        The ``sources`` table, to name source ids in the caption.

    Returns
    -------
    matplotlib.figure.Figure
    """
    name = "partner_comparison"
    lang = check_lang(lang)
    t = translator(lang)
    require_frame(df, ("partner", "source", "value_usd_bn"), figure=name)
    require_values(df, "partner", PARTNERS, figure=name)
    require_values(df, "source", SERIES_SOURCES, figure=name)
    data = df.assign(value_usd_bn=numeric(df, "value_usd_bn", figure=name))
    partners = [p for p in PARTNERS if p in set(data["partner"])]
    present = [s for s in SERIES_SOURCES if s in set(data["source"])]
    fig, ax = new_figure(8, 4.8)
    width = 0.8 / len(present)
    for index, source in enumerate(present):
        rows = data[data["source"] == source].set_index("partner").reindex(partners)
        positions = [i + (index - (len(present) - 1) / 2) * width for i in range(len(partners))]
        bars = ax.bar(
            positions,
            rows["value_usd_bn"].fillna(0),
            width=width,
            color=SOURCE_COLORS[source],
            label=source_name(source, lang),
        )
        texts = ["" if v != v else format_number(v, lang) for v in rows["value_usd_bn"]]
        ax.bar_label(bars, labels=texts, fontsize=7, padding=2)
    ax.set_xticks(range(len(partners)), wrap_ticks(partner_name(p, lang) for p in partners))
    axis = t.gettext("Trade turnover, USD bn")
    if log_scale:
        from matplotlib.ticker import FuncFormatter

        ax.set_yscale("log")
        ax.set_ylim(bottom=data["value_usd_bn"].min() * 0.5)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
        axis = t.gettext("{axis} (log scale)", axis=axis)
    set_axis_labels(ax, t.gettext("Partner of China"), axis)
    place_legend(ax)
    title_of(fig, t.gettext("China's trade with its partners, {year}", year=year))
    add_caption(fig, source_ids, lang, sources_df)
    return fig


def ratio_fractions(df, *, source_ids, lang="en", sources_df=None):
    """Show China-Russia trade as a fraction of China's trade with each partner.

    Parameters
    ----------
    df : pandas.DataFrame
        Columns ``partner`` (``'US'``, ``'JP'``, ``'KR'``, ``'WLD'``), ``ratio`` (float,
        CN-RU trade divided by CN-partner trade), ``fraction_label`` (nearest simple
        fraction, e.g. ``'1/6'``), ``claimed_label`` (the article's fraction, e.g. ``'1/5'``,
        or missing). The claimed fraction is drawn as a black cross.
    source_ids : iterable of str
        Ids of the sources shown, for the caption.
    lang : {'en', 'ru'}, default 'en'
    sources_df : pandas.DataFrame, optional
        The ``sources`` table, to name source ids in the caption.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    name = "ratio_fractions"
    lang = check_lang(lang)
    t = translator(lang)
    require_frame(df, ("partner", "ratio", "fraction_label", "claimed_label"), figure=name)
    require_values(df, "partner", PARTNERS, figure=name)
    data = df.assign(ratio=numeric(df, "ratio", figure=name))
    order = {p: i for i, p in enumerate(PARTNERS)}
    data = data.sort_values("partner", key=lambda s: s.map(order)).reset_index(drop=True)
    fig, ax = new_figure(8, 1.6 + 0.7 * len(data))
    positions = list(range(len(data)))[::-1]
    ax.barh(
        positions,
        data["ratio"],
        color=[PARTNER_COLORS[p] for p in data["partner"]],
        height=0.6,
    )
    for y, row in zip(positions, data.itertuples(index=False), strict=True):
        claimed = row.claimed_label
        has_claim = isinstance(claimed, str) and claimed != ""
        if has_claim:
            ax.plot(
                _fraction_value(claimed, name),
                y,
                "X",
                color=SOURCE_COLORS["article"],
                markersize=9,
                zorder=3,
            )
            text = t.gettext(
                "≈ {fraction} (article: {claimed})", fraction=row.fraction_label, claimed=claimed
            )
        else:
            text = t.gettext("≈ {fraction}", fraction=row.fraction_label)
        ax.annotate(
            text,
            (row.ratio, y),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    ax.set_yticks(positions, [partner_name(p, lang) for p in data["partner"]])
    set_axis_labels(
        ax,
        t.gettext("China–Russia trade / China's trade with the partner, ratio"),
        t.gettext("Partner of China"),
    )
    ax.set_xlim(0, max(data["ratio"].max(), 0.05) * 1.45)
    handles = [
        Patch(color=PARTNER_COLORS["WLD"], label=t.gettext("Computed ratio")),
        Line2D(
            [],
            [],
            marker="X",
            linestyle="",
            color=SOURCE_COLORS["article"],
            label=t.gettext("The article's figure"),
        ),
    ]
    place_legend(ax, handles=handles)
    title_of(fig, t.gettext("China–Russia trade relative to China's trade with other partners"))
    add_caption(fig, source_ids, lang, sources_df)
    return fig


def after_article(
    df, *, article_2014_value, source_ids, lang="en", source="gacc", sources_df=None
):
    """Plot China-Russia trade in the years after the article against its 2014 level.

    Parameters
    ----------
    df : pandas.DataFrame
        Columns ``year`` (int), ``value_usd_bn`` (float), e.g. the GACC series 2015-2025.
    article_2014_value : float
        The article's 2014 turnover in USD bn, drawn as a dashed reference line.
    source_ids : iterable of str
        Ids of the sources shown, for the caption.
    lang : {'en', 'ru'}, default 'en'
    source : str, default 'gacc'
        Source of ``df``, for the line's colour and legend entry.
    sources_df : pandas.DataFrame, optional
        The ``sources`` table, to name source ids in the caption.

    Returns
    -------
    matplotlib.figure.Figure
    """
    name = "after_article"
    lang = check_lang(lang)
    t = translator(lang)
    require_frame(df, ("year", "value_usd_bn"), figure=name)
    if source not in SERIES_SOURCES:
        raise ParameterError(
            f"{name}: source must be one of {', '.join(map(repr, SERIES_SOURCES))}; not {source!r}"
        )
    if isinstance(article_2014_value, bool) or not isinstance(article_2014_value, int | float):
        raise ParameterError(
            f"{name}: article_2014_value must be a number; not {article_2014_value!r}"
        )
    data = df.assign(
        year=years(df, figure=name), value_usd_bn=numeric(df, "value_usd_bn", figure=name)
    )
    data = data.dropna(subset=["value_usd_bn"]).sort_values("year")
    fig, ax = new_figure(8, 4.8)
    ax.plot(
        data["year"],
        data["value_usd_bn"],
        marker=SOURCE_MARKERS[source],
        color=SOURCE_COLORS[source],
        label=source_name(source, lang),
    )
    ax.axhline(
        article_2014_value,
        color=SOURCE_COLORS["article"],
        linestyle="--",
        linewidth=1.2,
        label=t.gettext(
            "The article's 2014 level ({value} USD bn)",
            value=format_number(article_2014_value, lang),
        ),
    )
    _integer_years(ax)
    set_axis_labels(ax, t.gettext("Year"), t.gettext("Trade turnover, USD bn"))
    ax.set_ylim(bottom=0)
    place_legend(ax)
    title = t.gettext(
        "China–Russia trade after the article, {start}–{end}",
        start=data["year"].min(),
        end=data["year"].max(),
    )
    title_of(fig, title)
    add_caption(fig, source_ids, lang, sources_df)
    return fig


def _check_series(df, value_column, figure):
    require_frame(df, ("year", "source", value_column), figure=figure)
    require_values(df, "source", SERIES_SOURCES, figure=figure)


def _plot_source_lines(ax, df, value_column, lang, figure):
    data = df.assign(
        year=years(df, figure=figure), **{value_column: numeric(df, value_column, figure=figure)}
    )
    for source in SERIES_SOURCES:
        # NaN rows stay: matplotlib breaks the line there instead of bridging unknown years.
        rows = data[data["source"] == source].sort_values("year")
        if rows[value_column].isna().all():
            continue
        ax.plot(
            rows["year"],
            rows[value_column],
            marker=SOURCE_MARKERS[source],
            color=SOURCE_COLORS[source],
            label=source_name(source, lang),
        )


def _plot_claims(ax, claims, value_column, lang, figure, *, annotate):
    t = translator(lang)
    require_frame(claims, ("year", value_column), figure=figure, name="claims")
    data = claims.assign(
        year=years(claims, figure=figure, name="claims"),
        **{value_column: numeric(claims, value_column, figure=figure, name="claims")},
    ).dropna(subset=[value_column])
    ax.scatter(
        data["year"],
        data[value_column],
        marker=SOURCE_MARKERS["article"],
        s=70,
        color=SOURCE_COLORS["article"],
        zorder=4,
        label=t.gettext("The article's figure"),
    )
    if annotate:
        for row in data.itertuples(index=False):
            value = getattr(row, value_column)
            ax.annotate(
                format_number(value, lang),
                (row.year, value),
                xytext=(6, -12),
                textcoords="offset points",
                fontsize=8,
            )


def _integer_years(ax):
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _fraction_value(text, figure):
    try:
        if "/" in text:
            numerator, denominator = text.split("/")
            return int(numerator) / int(denominator)
        return float(text)
    except (ValueError, ZeroDivisionError):
        raise ParameterError(
            f"{figure}: df column 'claimed_label' must hold fractions like '1/5'; not {text!r}"
        ) from None
