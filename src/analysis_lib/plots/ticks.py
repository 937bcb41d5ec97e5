"""Tick labels in the report's number typography: decimal comma in Russian, U+2212 minus."""

from __future__ import annotations

import re

from matplotlib.category import StrCategoryFormatter
from matplotlib.ticker import Formatter

from analysis_lib.plots.labels import MINUS

_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_HYPHEN_MINUS = re.compile(r"(?<![\w.,])-(?=[\d.,])")


def localize_number_text(text: str, lang: str) -> str:
    """Return a tick label with the minus sign (U+2212) and, in Russian, the decimal comma."""
    text = _HYPHEN_MINUS.sub(MINUS, str(text))
    return _DECIMAL_POINT.sub(",", text) if lang == "ru" else text


class _LocalizedFormatter(Formatter):
    """Wrap an axis formatter so that its labels follow the report's number typography."""

    def __init__(self, inner, lang: str):
        self.inner = inner
        self.lang = lang

    def set_axis(self, axis):
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def set_locs(self, locs):
        self.inner.set_locs(locs)

    def __call__(self, x, pos=None):
        return localize_number_text(self.inner(x, pos), self.lang)

    def format_ticks(self, values):
        return [localize_number_text(text, self.lang) for text in self.inner.format_ticks(values)]

    def format_data_short(self, value):
        return localize_number_text(self.inner.format_data_short(value), self.lang)

    def get_offset(self):
        return localize_number_text(self.inner.get_offset(), self.lang)


def localize_ticks(fig, lang: str) -> None:
    """Make every numeric tick label of ``fig`` use the number typography of ``lang``.

    The formatters matplotlib and the figure functions set print ``2.5`` and
    ``-10``; a Russian figure shows ``2,5`` and ``−10``, an English one ``−10``.
    Category labels (names) are left as they are.
    """
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for getter, setter in (
                (axis.get_major_formatter, axis.set_major_formatter),
                (axis.get_minor_formatter, axis.set_minor_formatter),
            ):
                inner = getter()
                if not isinstance(inner, _LocalizedFormatter | StrCategoryFormatter):
                    setter(_LocalizedFormatter(inner, lang))
