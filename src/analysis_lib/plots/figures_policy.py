"""Figures of policy: the programmes-and-events timeline and the programmes' funding."""

from __future__ import annotations

import datetime as dt
import math

from analysis_lib.exceptions import ParameterError
from analysis_lib.i18n import N_, translator
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
from analysis_lib.plots.labels import component_name, country_name, format_number, source_name
from analysis_lib.plots.theme import (
    CATEGORY_COLORS,
    COUNTRY_COLORS,
    OKABE_ITO,
    SOURCE_COLORS,
    SOURCE_MARKERS,
)

TIMELINE_COLUMNS = (
    "event_id",
    "start_date",
    "end_date",
    "date_precision",
    "country",
    "kind",
    "title_en",
    "title_ru",
)
DATE_PRECISIONS = ("day", "month", "year")
BUDGET_COLUMNS = ("programme_id", "title_en", "component", "amount", "unit", "currency")
AMOUNT_AXES = {
    ("bn", "RUB"): N_("Funding, RUB bn"),
    ("bn", "USD"): N_("Funding, USD bn"),
    ("bn", "CNY"): N_("Funding, CNY bn"),
}
"""The value axis of programme_budgets, by the frame's ``unit`` and ``currency``."""


def policy_timeline(
    events_df,
    *,
    source_ids,
    lang="en",
    trade_df=None,
    trade_source="gacc",
    sources_df=None,
):
    """Draw programmes as spans and events as points, with a trade series below.

    Dates become decimal years. A date known only to the month or year sits in the
    middle of that month or year and is drawn hollow; an end date known only to the
    year ends with that year. Annual trade totals sit mid-year.

    Parameters
    ----------
    events_df : pandas.DataFrame
        Columns ``event_id``, ``start_date`` (ISO text ``YYYY``, ``YYYY-MM`` or
        ``YYYY-MM-DD``, or a date), ``end_date`` (same, missing for events),
        ``date_precision`` (``'day'``, ``'month'``, ``'year'``), ``country``
        (``'CN'``, ``'RU'``, ``'CN-RU'``, gives the colour), ``kind``, ``title_en``, ``title_ru``.
    source_ids : iterable of str
        Ids of the sources shown, for the caption.
    lang : {'en', 'ru'}, default 'en'
    trade_df : pandas.DataFrame, optional
        Columns ``year``, ``value_usd_bn``: drawn in a lower panel on the same time axis.
    trade_source : str, default 'gacc'
        Source of ``trade_df``, for its colour and marker.
    sources_df : pandas.DataFrame, optional
        The ``sources`` table, to name source ids in the caption.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    name = "policy_timeline"
    lang = check_lang(lang)
    t = translator(lang)
    require_frame(events_df, TIMELINE_COLUMNS, figure=name, name="events_df")
    require_values(events_df, "date_precision", DATE_PRECISIONS, figure=name, name="events_df")
    require_values(events_df, "country", tuple(COUNTRY_COLORS), figure=name, name="events_df")
    if trade_source not in SOURCE_COLORS:
        options = ", ".join(map(repr, SOURCE_COLORS))
        raise ParameterError(
            f"{name}: trade_source must be one of {options}; not {trade_source!r}"
        )
    rows = []
    for row in events_df.itertuples(index=False):
        start = _decimal_year(row.start_date, row.date_precision, name, "start_date")
        end = None if _missing(row.end_date) else _end_year(row.end_date, name)
        if end is not None and end < start:
            raise ParameterError(
                f"{name}: events_df row {row.event_id!r} ends ({row.end_date}) before it starts"
            )
        rows.append((start, end, row))
    rows.sort(key=lambda item: (item[0], str(item[2].event_id)))
    first = math.floor(min(start for start, _, _ in rows))
    last = math.ceil(max(end if end is not None else start for start, end, _ in rows))

    height_events = 0.9 + 0.42 * len(rows)
    panels = {"nrows": 2, "sharex": True, "height_ratios": [height_events, 2.4]}
    if trade_df is None:
        panels = {"nrows": 1}
    height = height_events + (2.4 if trade_df is not None else 0) + 1.3
    fig, axes = new_figure(11, height, squeeze=False, **panels)
    ax = axes[0][0]
    positions = list(range(len(rows)))[::-1]
    for y, (start, end, row) in zip(positions, rows, strict=True):
        colour = COUNTRY_COLORS[row.country]
        if end is not None:
            ax.barh(y, end - start, left=start, height=0.5, color=colour, alpha=0.55)
        hollow = row.date_precision != "day"
        ax.scatter(
            start,
            y,
            s=45,
            zorder=3,
            marker="o",
            color=colour,
            facecolors="white" if hollow else colour,
            linewidths=1.5,
        )
    titles = [getattr(row, f"title_{lang}") for _, _, row in rows]
    ax.set_yticks(positions, wrap_ticks(titles, chars=48), fontsize=8)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    handles = [
        Patch(color=COUNTRY_COLORS[c], label=country_name(c, lang))
        for c in COUNTRY_COLORS
        if c in set(events_df["country"])
    ]
    handles += [
        Patch(color=OKABE_ITO["grey"], alpha=0.55, label=t.gettext("Programme (its period)")),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=OKABE_ITO["grey"],
            label=t.gettext("Event"),
        ),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=OKABE_ITO["grey"],
            markerfacecolor="white",
            label=t.gettext("Date known to the month or year only"),
        ),
    ]
    place_legend(ax, handles=handles)
    set_axis_labels(
        ax, None if trade_df is not None else t.gettext("Year"), t.gettext("Programme or event")
    )
    if trade_df is not None:
        first, last = _plot_trade_panel(
            axes[1][0], trade_df, trade_source, lang, name, first, last
        )
    ax.set_xlim(first, last)
    title_of(fig, t.gettext("Programmes and events, {start}–{end}", start=first, end=last - 1))
    add_caption(fig, source_ids, lang, sources_df)
    return fig


def programme_budgets(df, *, source_ids, lang="en", note=None, sources_df=None):
    """Compare the funding of the Far East programmes, one bar per budget component.

    Parameters
    ----------
    df : pandas.DataFrame
        Columns ``programme_id``, ``title_en``, ``component`` (e.g. ``'total'``,
        ``'federal'``, ``'regional'``, ``'off_budget'``; named from the labels table,
        else from an optional ``component_en``/``component_ru`` column), ``amount``
        (float), ``unit`` and ``currency`` (one pair for the whole frame, e.g. ``'bn'``,
        ``'RUB'``). Optional: ``title_ru`` (used when ``lang='ru'``; else ``title_en``),
        ``approximate`` (bool: the amount is shown as "≈ value").
    source_ids : iterable of str
        Ids of the sources shown, for the caption.
    lang : {'en', 'ru'}, default 'en'
    note : str, optional
        A sentence printed above the caption, already in ``lang``.
    sources_df : pandas.DataFrame, optional
        The ``sources`` table, to name source ids in the caption.

    Returns
    -------
    matplotlib.figure.Figure
    """
    name = "programme_budgets"
    lang = check_lang(lang)
    t = translator(lang)
    require_frame(df, BUDGET_COLUMNS, figure=name)
    data = df.assign(amount=numeric(df, "amount", figure=name))
    duplicated = data.duplicated(["programme_id", "component"])
    if duplicated.any():
        row = data[duplicated].iloc[0]
        raise ParameterError(
            f"{name}: df has more than one row for programme {row['programme_id']!r} "
            f"and component {row['component']!r}"
        )
    pairs = data[["unit", "currency"]].drop_duplicates()
    if len(pairs) != 1:
        raise ParameterError(
            f"{name}: df must hold one unit and currency; found "
            + ", ".join(f"{u} {c}" for u, c in pairs.itertuples(index=False))
        )
    unit, currency = pairs.iloc[0]
    if (unit, currency) not in AMOUNT_AXES:
        options = ", ".join(f"{u} {c}" for u, c in AMOUNT_AXES)
        raise ParameterError(
            f"{name}: df unit and currency must be one of {options}; not {unit} {currency}"
        )
    axis = t.gettext(AMOUNT_AXES[(unit, currency)])
    programmes = list(dict.fromkeys(data["programme_id"]))
    components = list(dict.fromkeys(data["component"]))
    names = {c: _component_name(data, c, lang, name) for c in components}
    fig, ax = new_figure(9, 1.6 + 0.35 * len(programmes) * (len(components) + 1))
    height = 0.8 / len(components)
    for index, component in enumerate(components):
        part = data[data["component"] == component].set_index("programme_id")
        ys, widths, texts = [], [], []
        for position, programme in enumerate(programmes):
            if programme not in part.index:
                continue
            row = part.loc[programme]
            ys.append(
                len(programmes) - 1 - position + ((len(components) - 1) / 2 - index) * height
            )
            widths.append(row["amount"])
            text = format_number(row["amount"], lang, decimals=0)
            if "approximate" in part.columns and bool(row["approximate"]):
                text = t.gettext("≈ {value}", value=text)
            texts.append(text)
        bars = ax.barh(
            ys,
            widths,
            height=height * 0.95,
            label=names[component],
            color=CATEGORY_COLORS[index % len(CATEGORY_COLORS)],
        )
        ax.bar_label(bars, labels=texts, fontsize=8, padding=3)
    title_column = "title_ru" if lang == "ru" and "title_ru" in data.columns else "title_en"
    titles = data.drop_duplicates("programme_id").set_index("programme_id")[title_column]
    ax.set_yticks(
        range(len(programmes))[::-1],
        wrap_ticks((str(titles[p]) for p in programmes), chars=34),
        fontsize=9,
    )
    ax.set_xlim(0, data["amount"].max() * 1.18)
    set_axis_labels(ax, axis, t.gettext("Programme"))
    place_legend(ax, title=t.gettext("Component"))
    title_of(fig, t.gettext("Far East development programmes: funding"))
    add_caption(fig, source_ids, lang, sources_df, note=note)
    return fig


def _plot_trade_panel(ax, trade_df, source, lang, figure, first, last):
    t = translator(lang)
    require_frame(trade_df, ("year", "value_usd_bn"), figure=figure, name="trade_df")
    data = (
        trade_df.assign(
            year=years(trade_df, figure=figure, name="trade_df"),
            value_usd_bn=numeric(trade_df, "value_usd_bn", figure=figure, name="trade_df"),
        )
        .dropna(subset=["value_usd_bn"])
        .sort_values("year")
    )
    # An annual total belongs to the whole year: draw it at mid-year.
    ax.plot(
        data["year"] + 0.5,
        data["value_usd_bn"],
        marker=SOURCE_MARKERS[source],
        markersize=4,
        color=SOURCE_COLORS[source],
        label=source_name(source, lang),
    )
    ax.set_ylim(bottom=0)
    place_legend(ax)
    set_axis_labels(ax, t.gettext("Year"), t.gettext("Trade turnover, USD bn"))
    return min(first, int(data["year"].min())), max(last, int(data["year"].max()) + 1)


def _component_name(data, component, lang, figure):
    named = component_name(component, lang)
    if named is not None:
        return named
    column = f"component_{lang}"
    if column in data.columns:
        return str(data.loc[data["component"] == component, column].iloc[0])
    raise ParameterError(
        f"{figure}: component {component!r} has no label; add 'component.{component}' to "
        f"analysis_lib.plots.labels or give df a {column!r} column"
    )


def _missing(value) -> bool:
    return (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or str(value)
        in (
            "",
            "NaT",
            "nan",
            "<NA>",
        )
    )


def _parse_date(value, figure, column):
    text = str(value)[:10]
    parts = text.split("-")
    try:
        numbers = [int(part) for part in parts]
        year = numbers[0]
        month = numbers[1] if len(numbers) > 1 else 1
        day = numbers[2] if len(numbers) > 2 else 1
        dt.date(year, month, day)
    except (ValueError, IndexError):
        raise ParameterError(
            f"{figure}: events_df column {column!r} must hold ISO dates like '1996-04-15', "
            f"'2007-08' or '2002'; not {value!r}"
        ) from None
    return numbers


def _decimal_year(value, precision, figure, column) -> float:
    numbers = _parse_date(value, figure, column)
    year = numbers[0]
    if precision == "year":
        return year + 0.5
    month = numbers[1] if len(numbers) > 1 else None
    if month is None:
        raise ParameterError(
            f"{figure}: events_df column {column!r} has precision {precision!r} but no month: "
            f"{value!r}"
        )
    if precision == "month":
        return year + (month - 0.5) / 12
    day = numbers[2] if len(numbers) > 2 else None
    if day is None:
        raise ParameterError(
            f"{figure}: events_df column {column!r} has precision 'day' but no day: {value!r}"
        )
    return _fraction_of_year(dt.date(year, month, day))


def _end_year(value, figure) -> float:
    numbers = _parse_date(value, figure, "end_date")
    if len(numbers) == 1:
        return numbers[0] + 1.0
    if len(numbers) == 2:
        year, month = numbers
        return year + month / 12
    return _fraction_of_year(dt.date(*numbers[:3]) + dt.timedelta(days=1))


def _fraction_of_year(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length
