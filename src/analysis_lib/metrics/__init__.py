"""Small pure metrics over numbers, Series and DataFrames; no I/O.

Units: growth rates are in percent; shares and ratios are fractions (shares
in [0, 1]); structure distances are in percentage points; money keeps the
unit of its inputs. Bad input raises
:class:`analysis_lib.exceptions.ParameterError` with a one-line message.

The article's "1/n of" claims are audited with :func:`nearest_unit_fraction`.
"""

from analysis_lib.metrics.fractions import Fraction, nearest_fraction, nearest_unit_fraction
from analysis_lib.metrics.growth import cagr, growth_between, growth_by_group, yoy_growth
from analysis_lib.metrics.mirror import MirrorGap, mirror_gap, mirror_gap_table, mirror_pairs
from analysis_lib.metrics.ratios import ratio, regional_share, share, shares_by_group
from analysis_lib.metrics.structure import herfindahl_hirschman, structure_distance
from analysis_lib.metrics.trade import (
    coverage_ratio,
    grubel_lloyd,
    grubel_lloyd_by_category,
    trade_balance,
)

__all__ = [
    "Fraction",
    "MirrorGap",
    "cagr",
    "coverage_ratio",
    "growth_between",
    "growth_by_group",
    "grubel_lloyd",
    "grubel_lloyd_by_category",
    "herfindahl_hirschman",
    "mirror_gap",
    "mirror_gap_table",
    "mirror_pairs",
    "nearest_fraction",
    "nearest_unit_fraction",
    "ratio",
    "regional_share",
    "share",
    "shares_by_group",
    "structure_distance",
    "trade_balance",
    "yoy_growth",
]
