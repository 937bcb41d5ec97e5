"""Helpers every story shares: numbers, years and names in the report language, figure marks.

The data the stories show come from :mod:`analysis_lib.views`; what is here only
formats and marks.
"""

from __future__ import annotations

import math

from analysis_lib.i18n import translator
from analysis_lib.plots.labels import source_name, verdict_in_prose
from analysis_lib.vocabulary import AUDIT_SOURCES

DASH = "–"
"""What a table or sentence shows for a missing number."""


def fmt(value: object, lang: str, decimals: int = 1) -> str:
    """Format a number for prose or a table in ``lang``; a missing value gives a dash.

    Parameters
    ----------
    value : number or None
        The value; None and NaN are missing.
    lang : {'en', 'ru'}
    decimals : int, default 1
        Digits after the decimal separator.

    Returns
    -------
    str
    """
    from analysis_lib.plots.labels import format_number

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    return format_number(float(value), lang, decimals)


def fmt_all(values, lang: str, decimals: int = 1) -> list[str]:
    """Return :func:`fmt` of every value, e.g. a table column."""
    return [fmt(value, lang, decimals) for value in values]


def source_label(source: str, lang: str) -> str:
    """Return the translated name of an audit source (e.g. ``gacc``)."""
    return source_name(source, lang)


def verdict_label(verdict: str, lang: str) -> str:
    """Return a verdict in lower-case prose form in ``lang``."""
    return verdict_in_prose(verdict, lang)


def join_years(years, lang: str) -> str:
    """Return ``"2011 and 2012"`` in English, ``"2011 и 2012 гг."`` or ``"2011 г."`` in Russian.

    Runs of three or more consecutive years collapse to ``"1995–2007"``.
    """
    t = translator(lang)
    runs: list[list[int]] = []
    for year in sorted(int(y) for y in years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    parts: list[str] = []
    for run in runs:
        parts += [f"{run[0]}–{run[-1]}"] if len(run) >= 3 else [str(y) for y in run]
    if len(parts) == 1:
        text = parts[0]
    else:
        text = t.gettext("{items} and {last}", items=", ".join(parts[:-1]), last=parts[-1])
    if len(parts) == 1 and "–" not in parts[0]:
        # TRANSLATORS: one year, e.g. "2015"; Russian adds "г."
        return t.pgettext("one year", "{years}", years=text)
    # TRANSLATORS: several years, e.g. "2011 and 2012" or "1995–1997"; Russian adds "гг."
    return t.pgettext("several years", "{years}", years=text)


def text_table(df, lang: str, decimals: dict | int = 2):
    """Return ``df`` with every number formatted for ``lang`` and missing values as dashes.

    Parameters
    ----------
    df : pandas.DataFrame
        The table to show.
    lang : {'en', 'ru'}
    decimals : int or dict
        Digits after the separator, for all float columns or per column.

    Returns
    -------
    pandas.DataFrame
        All cells as strings.
    """
    import pandas as pd

    shown = df.copy()
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_float_dtype(values):
            digits = decimals.get(column, 2) if isinstance(decimals, dict) else decimals
            shown[column] = [fmt(v, lang, digits) for v in values]
        else:
            shown[column] = [DASH if pd.isna(v) else str(v) for v in values]
    return shown


def highlight_source(fig, source: str, lang: str) -> None:
    """Draw the chosen source's series bold and fade the other sources' series.

    The figure functions draw every source alike; the story marks its choice
    afterwards, finding the artists by their translated legend label.
    """
    from analysis_lib.plots._common import place_legend

    chosen = source_label(source, lang)
    others = {source_label(s, lang) for s in AUDIT_SOURCES if s != source}
    for ax in fig.axes:
        for line in ax.get_lines():
            if line.get_label() == chosen:
                line.set_linewidth(3.0)
                line.set_zorder(3)
            elif line.get_label() in others:
                line.set_alpha(0.45)
        for container in ax.containers:
            if container.get_label() in others:
                for patch in container:
                    patch.set_alpha(0.45)
        if ax.get_legend() is not None:
            place_legend(ax)


def thin_year_ticks(fig, max_ticks: int = 8) -> None:
    """Limit the year axis to about ``max_ticks`` whole-year ticks so labels never collide.

    The figure functions tick every year, which crowds a decade into a narrow axis.
    """
    from matplotlib.ticker import MaxNLocator

    for ax in fig.axes:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=max_ticks, integer=True))


def format_date(text: object, lang: str) -> str:
    """Return an ISO date of the data as a reader writes it in ``lang``.

    ``"1996-04-23"`` gives "23 April 1996" / «23 апреля 1996 г.», ``"2009-09"``
    "September 2009" / «сентябрь 2009 г.», ``"2009"`` "2009" / «2009 г.». The
    patterns are messages of the catalog; the month names are CLDR's (Babel).
    A missing value gives a dash; text that is not an ISO date is returned as is.
    """
    import datetime

    from babel.dates import format_date as cldr_date

    if text is None or (isinstance(text, float) and math.isnan(text)) or str(text) in ("", "<NA>"):
        return DASH
    value = str(text)
    t = translator(lang)
    parts = value.split("-")
    if not all(part.isdigit() for part in parts) or len(parts[0]) != 4 or len(parts) > 3:
        return value
    if len(parts) == 1:
        return t.pgettext("one year", "{years}", years=value)
    day = datetime.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 1)
    # TRANSLATORS: CLDR date patterns (d day, MMMM month in a date, LLLL month alone, y year).
    pattern = t.gettext("d MMMM y") if len(parts) == 3 else t.gettext("LLLL y")
    return cldr_date(day, pattern, locale=lang)


def format_period(start: object, end: object, lang: str) -> str:
    """Return a period from two ISO dates, e.g. «сентябрь 2009 г. – 2018 г.»; no end: the start."""
    first = format_date(start, lang)
    last = format_date(end, lang)
    if last == DASH:
        return first
    return f"{first} – {last}"


def quoted_english(markdown: str, lang: str) -> str:
    """Return an English quotation (escaped Markdown), marked ``lang="en"`` in other reports.

    A Russian report may quote the article's English text; the mark tells screen
    readers and hyphenation that the words are English.
    """
    return markdown if lang == "en" else f'<span lang="en">{markdown}</span>'
