"""Figures of the trade's make-up: commodity shares by direction, Heilongjiang's part."""

from __future__ import annotations

import textwrap

from analysis_lib.exceptions import ParameterError
from analysis_lib.i18n import translator
from analysis_lib.params import check_lang
from analysis_lib.plots._common import (
    add_caption,
    new_figure,
    numeric,
    place_legend,
    require_frame,
    set_axis_labels,
    title_of,
    years,
)
from analysis_lib.plots.labels import category_name, direction_label, format_number
from analysis_lib.plots.theme import (
    CATEGORY_COLORS,
    OKABE_ITO,
    OTHER_COLOR,
    PARTNER_COLORS,
    SOURCE_COLORS,
)

STRUCTURE_COLUMNS = (
    "exporter",
    "importer",
    "year",
    "category",
    "category_en",
    "category_ru",
    "share_pct",
)
HEILONGJIANG_COLUMNS = ("year", "total_usd_bn", "national_usd_bn", "share_pct")
# Shares rounded to 0.1 may add up to a little over 100.
_SHARE_TOLERANCE = 0.5
# Segments narrower than this carry no number: the text would not fit.
_MIN_LABELLED_SHARE = 4.0


def structure_shares(df, *, source_ids, lang="en", sources_df=None):
    """Draw each direction's commodity shares as stacked bars, one bar per year.

    One panel per direction (exporter to importer; China to Russia first). Each
    category keeps one colour in both panels; what the categories leave to 100%
    is drawn in grey as "other groups".

    Parameters
    ----------
    df : pandas.DataFrame
        Columns ``exporter``, ``importer`` (country codes), ``year`` (int), ``category``
        (code, e.g. ``'SITC7'``), ``category_en``, ``category_ru`` (names), ``share_pct``
        (float, % of the flow). Filter to one classification and period first.
    source_ids : iterable of str
        Ids of the sources shown, for the caption.
    lang : {'en', 'ru'}, default 'en'
    sources_df : pandas.DataFrame, optional
        The ``sources`` table, to name source ids in the caption.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.patches import Patch

    name = "structure_shares"
    lang = check_lang(lang)
    t = translator(lang)
    require_frame(df, STRUCTURE_COLUMNS, figure=name)
    data = df.assign(year=years(df, figure=name), share_pct=numeric(df, "share_pct", figure=name))
    directions = sorted(
        data[["exporter", "importer"]].drop_duplicates().itertuples(index=False, name=None),
        key=lambda pair: (pair != ("CN", "RU"), pair),
    )
    categories = sorted(data["category"].drop_duplicates(), key=str)
    colours = {c: CATEGORY_COLORS[i % len(CATEGORY_COLORS)] for i, c in enumerate(categories)}
    names = {c: _category_name(data, c, lang) for c in categories}
    year_counts = [
        data[(data["exporter"] == e) & (data["importer"] == i)]["year"].nunique()
        for e, i in directions
    ]
    heights = [0.8 + 0.55 * n for n in year_counts]
    fig, axes = new_figure(
        10, sum(heights) + 1.6, nrows=len(directions), squeeze=False, height_ratios=heights
    )
    need_other = False
    for ax, (exporter, importer) in zip(axes[:, 0], directions, strict=True):
        flow = data[(data["exporter"] == exporter) & (data["importer"] == importer)]
        flow_years = sorted(flow["year"].unique())
        positions = {year: len(flow_years) - 1 - i for i, year in enumerate(flow_years)}
        for year in flow_years:
            shares = flow[flow["year"] == year].set_index("category")["share_pct"]
            total = shares.sum()
            if total > 100 + _SHARE_TOLERANCE:
                raise ParameterError(
                    f"{name}: shares of {exporter}->{importer} {year} add up to "
                    f"{total:.1f}%, more than 100%"
                )
            left = 0.0
            for category in categories:
                if category not in shares.index:
                    continue
                _segment(ax, positions[year], left, shares[category], colours[category], lang)
                left += shares[category]
            if 100 - left > _SHARE_TOLERANCE:
                need_other = True
                _segment(ax, positions[year], left, 100 - left, OTHER_COLOR, lang)
        ax.set_yticks(list(positions.values()), [str(y) for y in positions])
        ax.set_xlim(0, 100)
        ax.set_title(direction_label(exporter, importer, lang), loc="left", fontsize=11)
        set_axis_labels(ax, t.gettext("Share of the flow, %"), t.gettext("Year"))
    handles = [Patch(color=colours[c], label=textwrap.fill(names[c], 32)) for c in categories]
    if need_other:
        handles.append(
            Patch(
                color=OTHER_COLOR,
                label=textwrap.fill(t.gettext("Other groups (rest to 100%)"), 32),
            )
        )
    place_legend(axes[0, 0], handles=handles, title=t.gettext("Commodity group"))
    title_of(fig, t.gettext("Commodity structure of China–Russia trade"))
    add_caption(fig, source_ids, lang, sources_df)
    return fig


def heilongjiang_share(df, *, source_ids, lang="en", sources_df=None):
    """Draw Heilongjiang's trade with Russia beside national trade, and its share.

    Upper panel: Heilongjiang-Russia and national China-Russia trade, USD bn, as bars.
    Lower panel: Heilongjiang's computed share in %, and the share stated in the press
    where the frame gives one.

    Parameters
    ----------
    df : pandas.DataFrame
        Columns ``year`` (int), ``total_usd_bn`` (Heilongjiang-Russia trade),
        ``national_usd_bn`` (China-Russia trade, may be missing), ``share_pct`` (computed,
        may be missing). Optional: ``share_pct_stated``.
    source_ids : iterable of str
        Ids of the sources shown, for the caption.
    lang : {'en', 'ru'}, default 'en'
    sources_df : pandas.DataFrame, optional
        The ``sources`` table, to name source ids in the caption.

    Returns
    -------
    matplotlib.figure.Figure
    """
    name = "heilongjiang_share"
    lang = check_lang(lang)
    t = translator(lang)
    require_frame(df, HEILONGJIANG_COLUMNS, figure=name)
    columns = {c: numeric(df, c, figure=name) for c in HEILONGJIANG_COLUMNS[1:]}
    if "share_pct_stated" in df.columns:
        columns["share_pct_stated"] = numeric(df, "share_pct_stated", figure=name)
    data = df.assign(year=years(df, figure=name), **columns).sort_values("year")
    fig, (top, bottom) = new_figure(9, 6.6, nrows=2, sharex=True, height_ratios=[3, 2])
    width = 0.4
    top.bar(
        data["year"] - width / 2,
        data["total_usd_bn"],
        width=width,
        color=OKABE_ITO["bluish_green"],
        label=t.gettext("Heilongjiang–Russia trade"),
    )
    national = data.dropna(subset=["national_usd_bn"])
    top.bar(
        national["year"] + width / 2,
        national["national_usd_bn"],
        width=width,
        color=PARTNER_COLORS["RU"],
        label=t.gettext("China–Russia trade (whole country)"),
    )
    place_legend(top)
    set_axis_labels(top, None, t.gettext("Trade turnover, USD bn"))
    shares = data.dropna(subset=["share_pct"])
    bottom.plot(
        shares["year"],
        shares["share_pct"],
        marker="o",
        color=OKABE_ITO["bluish_green"],
        label=t.gettext("Heilongjiang's share"),
    )
    for row in shares.itertuples(index=False):
        bottom.annotate(
            format_number(row.share_pct, lang),
            (row.year, row.share_pct),
            xytext=(0, 7),
            textcoords="offset points",
            ha="center",
            fontsize=8,
        )
    if "share_pct_stated" in data.columns:
        stated = data.dropna(subset=["share_pct_stated"])
        bottom.scatter(
            stated["year"],
            stated["share_pct_stated"],
            marker="X",
            s=60,
            zorder=4,
            color=SOURCE_COLORS["article"],
            label=t.gettext("Share stated in the press"),
        )
    bottom.set_ylim(bottom=0)
    place_legend(bottom)
    set_axis_labels(
        bottom, t.gettext("Year"), t.gettext("Share of national China–Russia trade, %")
    )
    from matplotlib.ticker import MaxNLocator

    bottom.xaxis.set_major_locator(MaxNLocator(integer=True))
    title_of(fig, t.gettext("Heilongjiang's trade with Russia"))
    add_caption(fig, source_ids, lang, sources_df)
    return fig


def _segment(ax, y, left, width, colour, lang):
    ax.barh(y, width, left=left, height=0.6, color=colour, edgecolor="white", linewidth=0.6)
    if width >= _MIN_LABELLED_SHARE:
        dark = colour in (OKABE_ITO["blue"], OKABE_ITO["black"], OKABE_ITO["vermillion"])
        ax.text(
            left + width / 2,
            y,
            format_number(width, lang),
            ha="center",
            va="center",
            fontsize=7,
            color="white" if dark else "black",
        )


def _category_name(data, category, lang):
    names = data.loc[data["category"] == category, f"category_{lang}"].dropna()
    if len(names) and str(names.iloc[0]).strip():
        return str(names.iloc[0])
    named = category_name(category, lang)
    if named is not None:
        return named
    raise ParameterError(
        f"structure_shares: df column 'category_{lang}' is empty for category {category!r}"
    )
