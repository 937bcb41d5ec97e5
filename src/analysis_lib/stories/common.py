"""Helpers every story shares: number formatting, headings, source ids, year spans.

The trade stories have more in :mod:`~analysis_lib.stories.trade_common`.
"""

from __future__ import annotations

import math

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


def heading(report, text: dict, key: str) -> None:
    """Display the section heading ``text[report.lang][key]`` (Markdown level 2).

    Parameters
    ----------
    report : Report
    text : dict
        A story's ``TEXT`` table.
    key : str
        The heading's key, e.g. ``"h_claim"``.
    """
    report.say(f"## {text[report.lang][key]}")


def row_source_ids(rows) -> list[str]:
    """Return the distinct ``source_id`` values of a table's rows, sorted."""
    return sorted(set(rows["source_id"].astype(str)))


def year_span(df, column: str = "year") -> tuple[int, int]:
    """Return the first and last year in ``df[column]``."""
    return int(df[column].min()), int(df[column].max())
