"""The data an audit reads: tables and trade series, loaded once, with their sources.

Each figure the audit uses travels with the ``source_id`` values of the rows it
came from, so every explanation can cite them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from analysis_lib.exceptions import AnalysisLibError

SOURCE_LABELS = {
    "gacc": "GACC (customs_totals, agency GACC, final release)",
    "imf_dots_cn": "IMF DOTS reported by China (dots_trade, exports FOB + imports CIF)",
    "imf_dots_ru": (
        "IMF DOTS reported by the partner (dots_trade mirror, exports FOB + imports CIF)"
    ),
}


@dataclass(frozen=True)
class Finding:
    """What one check found for one claim and one source, before it becomes a result."""

    verdict: str
    computed: str | None
    explanation: str
    source_ids: tuple[str, ...] = ()


def cite(source_ids) -> str:
    """Return ``"[a, b]"`` for the source ids behind a figure."""
    return "[" + ", ".join(sorted(set(source_ids))) + "]"


@dataclass(frozen=True)
class TradePoint:
    """China's total trade with a partner in one year, by one audit source.

    ``value`` is None when the source has no figure for that year; ``missing``
    then says why.
    """

    source: str
    partner: str
    year: int
    value: float | None
    source_ids: tuple[str, ...]
    missing: str = ""

    def describe(self) -> str:
        """Return e.g. ``"CN-RU 2014 = 95.28 USD bn"``."""
        return f"CN-{self.partner} {self.year} = {self.value:.2f} USD bn"


class Evidence:
    """Lazy, cached access to the tables of one data folder.

    Parameters
    ----------
    data_dir : Path, optional
        Data package folder; default :func:`analysis_lib.paths.data_dir`.
    """

    def __init__(self, data_dir: Path | None = None):
        self.data_dir = data_dir
        self._tables: dict[str, object] = {}
        self._series: dict[tuple[str, str], object] = {}

    def table(self, name: str):
        """Return the validated table ``name`` (a pandas DataFrame)."""
        if name not in self._tables:
            from analysis_lib.loaders import load_table

            self._tables[name] = load_table(name, data_dir=self.data_dir)
        return self._tables[name]

    def rows(self, name: str, filters: tuple[tuple[str, str], ...]):
        """Return the rows of table ``name`` whose columns equal the filter values (as text)."""
        frame = self.table(name)
        mask = None
        for column, value in filters:
            match = frame[column].astype("string") == value
            mask = match if mask is None else (mask & match)
        return frame if mask is None else frame[mask.fillna(False)]

    def trade_point(self, source: str, partner: str, year: int) -> TradePoint:
        """Return China's total trade with ``partner`` in ``year`` as ``source`` reports it."""
        from analysis_lib.loaders import trade_series

        key = (source, partner)
        if key not in self._series:
            try:
                self._series[key] = trade_series(source, partner, data_dir=self.data_dir)
            except AnalysisLibError as error:
                self._series[key] = error
        series = self._series[key]
        if isinstance(series, AnalysisLibError):
            return TradePoint(
                source, partner, year, None, (), f"{source} gives no series: {series}"
            )
        value = series.get(year) if hasattr(series, "get") else None
        if value is None or (isinstance(value, float) and math.isnan(value)):
            missing = f"{SOURCE_LABELS[source]} has no CN-{partner} value for {year}"
            return TradePoint(source, partner, year, None, (), missing)
        return TradePoint(
            source, partner, year, float(value), self._trade_source_ids(source, partner, year)
        )

    def _trade_source_ids(self, source: str, partner: str, year: int) -> tuple[str, ...]:
        # Mirrors the selection documented in docs/design.md ("Audit sources"),
        # only to cite the rows behind a value that trade_series returned.
        if source == "gacc":
            rows = self.rows(
                "customs_totals",
                (
                    ("agency", "GACC"),
                    ("release", "final"),
                    ("reporter", "CN"),
                    ("partner", partner),
                ),
            )
        elif source == "imf_dots_cn":
            rows = self.rows("dots_trade", (("reporter", "CN"), ("partner", partner)))
        else:
            rows = self.rows("dots_trade", (("reporter", partner), ("partner", "CN")))
        rows = rows[rows["year"].astype("int64") == int(year)]
        return tuple(sorted(set(rows["source_id"].astype(str))))
