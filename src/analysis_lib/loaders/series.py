"""China's total trade with a partner per year, from each audit source."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis_lib.exceptions import must_be_one_of
from analysis_lib.loaders.tables import load_customs_totals, load_dots_trade
from analysis_lib.vocabulary import AUDIT_SOURCES, MIRROR_PARTNERS, PARTNERS

SERIES_NAME = "value_usd_bn"


def trade_series(
    source: str, partner: str = "RU", *, data_dir: Path | str | None = None
) -> pd.Series:
    """Return China's total trade (exports + imports) with ``partner`` per year.

    Parameters
    ----------
    source : {"gacc", "imf_dots_cn", "imf_dots_ru"}
        ``gacc``: ``customs_totals`` rows of agency GACC, reporter CN, release
        final. ``imf_dots_cn``: ``dots_trade`` reported by China, exports FOB +
        imports CIF. ``imf_dots_ru``: the mirror, reported by the partner about
        China (exports + imports).
    partner : str, default "RU"
        ISO 3166 alpha-2 code, or ``"WLD"`` (not for the mirror source).
    data_dir : path-like, optional
        Data folder; default ``analysis_lib.paths.data_dir()``.

    Returns
    -------
    pandas.Series
        float64 values in USD bn, index ``year`` (int, ascending), name
        ``value_usd_bn``. Years where a flow is missing are left out.

    Raises
    ------
    ParameterError
        Unknown ``source`` or ``partner``.
    """
    if source not in AUDIT_SOURCES:
        raise must_be_one_of("source", source, AUDIT_SOURCES)
    allowed = MIRROR_PARTNERS if source == "imf_dots_ru" else PARTNERS
    if partner not in allowed:
        raise must_be_one_of("partner", partner, allowed)
    if source == "gacc":
        table = load_customs_totals(data_dir=data_dir)
        chosen = table[
            (table["agency"] == "GACC")
            & (table["reporter"] == "CN")
            & (table["partner"] == partner)
            & (table["release"] == "final")
        ]
        values = chosen.set_index("year")["total_usd_bn"]
    else:
        reporter, counterpart = ("CN", partner) if source == "imf_dots_cn" else (partner, "CN")
        table = load_dots_trade(data_dir=data_dir)
        chosen = table[(table["reporter"] == reporter) & (table["partner"] == counterpart)]
        flows = chosen.pivot(index="year", columns="flow", values="value_usd_mn")
        flows = flows.reindex(columns=["exports_fob", "imports_cif"])
        values = flows.sum(axis=1, min_count=2) / 1000
    values = values.dropna().astype("float64").sort_index()
    values.index = pd.Index(values.index.astype("int64"), name="year")
    values.name = SERIES_NAME
    return values
