"""Mirror statistics: one trade flow as reported by the exporter and by the importer.

The exporter values its exports FOB (free on board, at its border); the
importer values the same goods CIF (cost, insurance and freight, at its own
border). CIF includes freight and insurance, so the importer's figure normally
exceeds the exporter's: a positive gap of a few percent is expected. Larger
or negative gaps come from timing, re-exports via third countries, partner
attribution and under-reporting.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis_lib.exceptions import ParameterError, must_be_one_of
from analysis_lib.metrics._validation import (
    check_columns,
    check_non_negative,
    check_numeric_column,
    check_positive,
    coerce_pair,
    first_label,
    plain,
)

DOTS_COLUMNS = ["reporter", "partner", "flow", "year", "value_usd_mn"]
FLOWS = ("exports_fob", "imports_cif")
MIRROR_COLUMNS = [
    "exporter",
    "importer",
    "year",
    "exports_fob_usd_mn",
    "imports_cif_usd_mn",
    "gap_usd_mn",
    "gap_pct",
]


@dataclass(frozen=True)
class MirrorGap:
    """The difference between a reported figure and its mirror.

    Attributes
    ----------
    reported : float
        The figure as one side reports it.
    mirror : float
        The same flow as the partner reports it.
    gap : float
        ``mirror - reported``, in the unit of the inputs.
    gap_pct : float
        ``gap / reported * 100``.
    """

    reported: float
    mirror: float
    gap: float
    gap_pct: float


def mirror_gap(reported: float | pd.Series, mirror: float | pd.Series) -> MirrorGap | pd.DataFrame:
    """Absolute and percent gap between a reported figure and its mirror.

    ``gap = mirror - reported``; ``gap_pct = gap / reported * 100``.

    With ``reported`` = exporter's exports FOB and ``mirror`` = importer's
    imports CIF, a positive gap is normal (CIF adds freight and insurance);
    with the roles swapped (reported = imports CIF) it is normally negative.

    Parameters
    ----------
    reported : float or pandas.Series
        Positive figure as reported by one side (e.g. USD mn).
    mirror : float or pandas.Series
        Non-negative partner figure for the same flow, same unit. Two Series
        must share their index labels (e.g. years); a scalar broadcasts.

    Returns
    -------
    MirrorGap or pandas.DataFrame
        A :class:`MirrorGap` for two scalars; otherwise a DataFrame with
        columns ``reported``, ``mirror``, ``gap``, ``gap_pct``.

    Raises
    ------
    ParameterError
        If ``reported`` is not positive, ``mirror`` is negative, or the
        indexes differ.

    Examples
    --------
    >>> mirror_gap(100.0, 105.0)
    MirrorGap(reported=100.0, mirror=105.0, gap=5.0, gap_pct=5.0)
    """
    rep, mir = coerce_pair("mirror_gap", "reported", reported, "mirror", mirror)
    check_positive("mirror_gap", "reported", rep)
    check_non_negative("mirror_gap", "mirror", mir)
    gap = mir - rep
    gap_pct = gap / rep * 100.0
    if isinstance(gap, pd.Series):
        return pd.DataFrame({"reported": rep, "mirror": mir, "gap": gap, "gap_pct": gap_pct})
    return MirrorGap(reported=rep, mirror=mir, gap=gap, gap_pct=gap_pct)


def _export_mask(func: str, dots_df: pd.DataFrame) -> np.ndarray:
    """Check the table; return a boolean array marking its ``exports_fob`` rows."""
    check_columns(func, "dots_df", dots_df, DOTS_COLUMNS)
    check_numeric_column(func, dots_df, "value_usd_mn")
    flow = dots_df["flow"]
    is_export = (flow == "exports_fob").to_numpy(dtype=bool, na_value=False)
    is_import = (flow == "imports_cif").to_numpy(dtype=bool, na_value=False)
    unknown = ~(is_export | is_import)
    if unknown.any():
        position = np.flatnonzero(unknown)[0]
        raise ParameterError(
            f"{func}: column 'flow' must be one of 'exports_fob', 'imports_cif'; "
            f"not {plain(flow.iloc[position])!r} at index {plain(dots_df.index[position])!r}"
        )
    negative = dots_df["value_usd_mn"] < 0
    if negative.any():
        raise ParameterError(
            f"{func}: column 'value_usd_mn' must be non-negative; it is negative at "
            f"index {first_label(negative)!r}"
        )
    return is_export


def _pair_flows(dots_df: pd.DataFrame, is_export: np.ndarray, how: str) -> pd.DataFrame:
    exports = dots_df.loc[is_export, ["reporter", "partner", "year", "value_usd_mn"]]
    exports.columns = ["exporter", "importer", "year", "exports_fob_usd_mn"]
    imports = dots_df.loc[~is_export, ["partner", "reporter", "year", "value_usd_mn"]]
    imports.columns = ["exporter", "importer", "year", "imports_cif_usd_mn"]
    table = exports.merge(imports, on=["exporter", "importer", "year"], how=how, sort=False)
    fob = table["exports_fob_usd_mn"].to_numpy(dtype="float64", na_value=np.nan)
    cif = table["imports_cif_usd_mn"].to_numpy(dtype="float64", na_value=np.nan)
    gap = cif - fob
    with np.errstate(divide="ignore", invalid="ignore"):
        gap_pct = np.where(fob != 0, gap / fob * 100.0, np.nan)
    table["gap_usd_mn"] = gap
    table["gap_pct"] = gap_pct
    return table.reset_index(drop=True)


def mirror_gap_table(dots_df: pd.DataFrame, how: str = "inner") -> pd.DataFrame:
    """Pair every trade flow with its mirror, for all reporter pairs at once.

    Each row of the result is one flow, exporter -> importer, in one year:
    the exporter's ``exports_fob`` row (reporter = exporter, partner =
    importer) is merged on year with the importer's ``imports_cif`` row
    (reporter = importer, partner = exporter). Every row of ``dots_df`` thus
    appears on one side of one pair.

    ``gap_usd_mn = imports_cif_usd_mn - exports_fob_usd_mn`` and
    ``gap_pct = gap_usd_mn / exports_fob_usd_mn * 100`` (positive is normal:
    CIF includes freight and insurance, see the module notes).

    Parameters
    ----------
    dots_df : pandas.DataFrame
        The ``dots_trade`` table: columns reporter, partner, flow
        (``exports_fob``/``imports_cif``), year, value_usd_mn (USD millions);
        (reporter, partner, flow, year) unique, as the loader guarantees.
    how : {"inner", "outer"}, default "inner"
        "inner" keeps flows reported by both sides; "outer" also keeps
        one-sided flows (the missing side and the gap are NaN).

    Returns
    -------
    pandas.DataFrame
        Columns exporter, importer, year, exports_fob_usd_mn,
        imports_cif_usd_mn, gap_usd_mn, gap_pct; gap_pct is NaN where the
        FOB figure is zero or missing.

    Raises
    ------
    ParameterError
        If a column is missing, the table is empty, a flow is unknown, a
        value is negative, or ``how`` is not allowed.
    """
    if how not in ("inner", "outer"):
        raise must_be_one_of("how", how, ("inner", "outer"))
    is_export = _export_mask("mirror_gap_table", dots_df)
    return _pair_flows(dots_df, is_export, how)


def mirror_pairs(dots_df: pd.DataFrame, a: str, b: str, how: str = "outer") -> pd.DataFrame:
    """Line up the two reports of the trade between ``a`` and ``b``, per year.

    Rows for flow a -> b hold a's exports FOB to b next to b's imports CIF
    from a; rows for b -> a hold b's exports to a next to a's imports from b.
    Columns and formulas as in :func:`mirror_gap_table`.

    Parameters
    ----------
    dots_df : pandas.DataFrame
        The ``dots_trade`` table (see :func:`mirror_gap_table`).
    a, b : str
        Two different country codes, e.g. "CN" and "RU".
    how : {"outer", "inner"}, default "outer"
        "outer" keeps the years that only one side reports (NaN on the other).

    Returns
    -------
    pandas.DataFrame
        The a -> b rows by year, then the b -> a rows by year.

    Raises
    ------
    ParameterError
        If ``a`` equals ``b``, neither side reports any trade between them, or
        the table is invalid (see :func:`mirror_gap_table`).
    """
    if how not in ("inner", "outer"):
        raise must_be_one_of("how", how, ("inner", "outer"))
    if a == b:
        raise ParameterError(f"mirror_pairs: a and b must be two different countries; both {a!r}")
    is_export = _export_mask("mirror_pairs", dots_df)
    reporter, partner = dots_df["reporter"], dots_df["partner"]
    between = ((reporter == a) & (partner == b)) | ((reporter == b) & (partner == a))
    between = between.to_numpy(dtype=bool, na_value=False)
    if not between.any():
        raise ParameterError(f"mirror_pairs: dots_df holds no trade between {a!r} and {b!r}")
    table = _pair_flows(dots_df[between], is_export[between], how)
    table["_order"] = (table["exporter"] != a).astype(int)
    table = table.sort_values(["_order", "year"], kind="stable").drop(columns="_order")
    return table.reset_index(drop=True)
