"""Figures for the notebooks: one theme, EN/RU labels, pure figure functions.

Each figure function takes tidy DataFrames (never loads data), ``lang`` (``'en'``
or ``'ru'``) and the ``source_ids`` of what it shows, and returns a
:class:`matplotlib.figure.Figure` with a title, axis labels with units, a legend
and a source caption. Figures are not registered with pyplot: end a notebook
cell with the figure (or ``display(fig)``) to show it, and write it with
:func:`save_figure`.

Names are imported lazily, so ``analysis_lib.plots.labels`` stays light.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "trade_levels": "figures_trade",
    "trade_growth": "figures_trade",
    "partner_comparison": "figures_trade",
    "ratio_fractions": "figures_trade",
    "after_article": "figures_trade",
    "policy_timeline": "figures_policy",
    "programme_budgets": "figures_policy",
    "structure_shares": "figures_structure",
    "heilongjiang_share": "figures_structure",
    "audit_verdicts": "figures_audit",
    "set_theme": "theme",
    "save_figure": "theme",
    "SOURCE_COLORS": "theme",
    "PARTNER_COLORS": "theme",
    "VERDICT_COLORS": "theme",
    "label": "labels",
    "caption": "labels",
    "format_number": "labels",
    "source_name": "labels",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'analysis_lib.plots' has no attribute {name!r}")
    module = importlib.import_module(f"analysis_lib.plots.{_EXPORTS[name]}")
    return getattr(module, name)


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
