"""The data an audit reads: tables and trade figures, loaded once, with their sources.

Each figure the audit uses travels with the ``source_id`` values of the rows it
came from, so every explanation can cite them, and with the precision it was
published with (half a unit of its last digit, or a bound), so every rule can
judge it within the rounding of both the claim and the source.

Trade sources (China's total trade with a partner in a year):

- ``gacc``: China's customs release (``customs_totals``, agency GACC, final);
- ``mofcom``, ``peoples_daily``, ``xinhua``: the official figure as the Ministry
  of Commerce announced it or as state media stated it (``official_announcements``);
- ``official_cn``: China's official figure of each year, customs first, then
  MOFCOM, then People's Daily, then Xinhua;
- ``imf_dots_cn``, ``imf_dots_ru``: IMF DOTS as China reports it and as the
  partner reports it (the mirror); computed, so no rounding of their own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from analysis_lib.claims.rules import as_written, half_unit_of
from analysis_lib.exceptions import AnalysisLibError, UnknownTableError
from analysis_lib.i18n import N_
from analysis_lib.phrases import Code, Figure, Phrase, Term, phrase
from analysis_lib.vocabulary import OFFICIAL_CN, OFFICIAL_SOURCES

ANNOUNCERS = {"mofcom": "MOFCOM", "peoples_daily": "PEOPLES_DAILY", "xinhua": "XINHUA"}
ANNOUNCEMENTS_TABLE = "official_announcements"

SOURCE_LABELS = {
    "gacc": N_("GACC (customs_totals, agency GACC, final release)"),
    "mofcom": N_("MOFCOM (official_announcements, China's Ministry of Commerce)"),
    "peoples_daily": N_(
        "People's Daily (official_announcements, China's official figure as the paper states it)"
    ),
    "xinhua": N_(
        "Xinhua (official_announcements, China's official figure as the agency states it)"
    ),
    "official_cn": N_("China's official figures (customs first, then MOFCOM, then state media)"),
    "imf_dots_cn": N_("IMF DOTS reported by China (dots_trade, exports FOB + imports CIF)"),
    "imf_dots_ru": N_(
        "IMF DOTS reported by the partner (dots_trade mirror, exports FOB + imports CIF)"
    ),
}
"""What each trade source is, as the audit's arithmetic names it (catalog messages)."""

_BOUNDS = {"over": N_("over {figure}"), "nearly": N_("nearly {figure}")}


def source_label(source: str) -> Term:
    """Return the label of a trade source (:data:`SOURCE_LABELS`), translated where shown."""
    return Term(SOURCE_LABELS[source])


def source_term(source: str) -> Term | Code:
    """Return a trade source for a sentence: its id in English, its name in another language."""
    from analysis_lib.plots.labels import SOURCE_NAMES

    return Term(SOURCE_NAMES[source], english=source) if source in SOURCE_NAMES else Code(source)


def pair(partner: str) -> Phrase:
    """Return ``CN-RU`` for China's trade with ``partner`` (Китай — Россия in Russian)."""
    from analysis_lib.plots.labels import PARTNER_NAMES

    name = PARTNER_NAMES.get(partner)
    shown = Term(name, english=partner) if name else Code(partner)
    return phrase("CN-{partner}", partner=shown)


def _bounded(bound: str, figure: str) -> Phrase | Figure:
    if bound in _BOUNDS:
        return Phrase(_BOUNDS[bound], {"figure": Figure(figure)})
    return Figure(f"{bound} {figure}" if bound else figure)


_ZERO = Decimal(0)


@dataclass(frozen=True)
class Finding:
    """What one check found for one claim and one source, before it becomes a result.

    ``severity`` is one of :data:`~analysis_lib.claims.rules.SEVERITIES`, None when
    unverifiable; ``value`` is the number the claim was compared with (for a
    cross-check's gap to the primary figure), None when there is none.
    """

    verdict: str
    computed: str | None
    explanation: str
    source_ids: tuple[str, ...] = ()
    severity: str | None = None
    value: float | None = None


def cite(source_ids) -> Code:
    """Return ``"[a, b]"`` for the source ids behind a figure."""
    return Code("[" + ", ".join(sorted(set(source_ids))) + "]")


@dataclass(frozen=True)
class TradePoint:
    """China's total trade with a partner in one year, by one trade source.

    ``value`` is None when the source has no figure for that year; ``missing``
    then says why. ``half`` is half a unit of the published figure's last digit
    (0 for a figure computed from unrounded data); ``bound`` is ``"over"`` when
    the source gives only a lower bound. ``growth`` is the growth the source
    states for the year (None when it states none), ``growth_bound`` ``"nearly"``
    when it says "nearly". ``by`` and ``growth_by`` name the official source
    that gave the figure and the growth (they differ within ``official_cn``).
    """

    source: str
    partner: str
    year: int
    value: float | None
    source_ids: tuple[str, ...]
    missing: Phrase | str = ""
    half: Decimal = _ZERO
    bound: str = ""
    growth: float | None = None
    growth_half: Decimal = _ZERO
    growth_bound: str = ""
    by: str = ""
    growth_by: str = ""

    @property
    def published(self) -> bool:
        """True when the figure is a published one (it carries its own rounding)."""
        return self.half != _ZERO or bool(self.bound)

    def figure(self) -> Phrase | Figure:
        """Return the figure as published (``95.285``, ``over 79``) or computed (``95.24``)."""
        if self.bound:
            return _bounded(self.bound, f"{as_written(self.value)}")
        return Figure(f"{as_written(self.value)}" if self.published else f"{self.value:.2f}")

    def describe(self) -> Phrase:
        """Return e.g. ``"CN-RU 2014 = 95.28 USD bn"`` (with ``by MOFCOM`` when chosen)."""
        fields = {"pair": pair(self.partner), "year": self.year, "figure": self.figure()}
        if self.by and self.by != self.source:
            by = source_term(self.by)
            return phrase("{pair} {year} = {figure} USD bn (by {by})", by=by, **fields)
        return phrase("{pair} {year} = {figure} USD bn", **fields)

    def growth_figure(self) -> Phrase | Figure:
        """Return the stated growth as published, e.g. ``"nearly 43%"``."""
        return _bounded(self.growth_bound, f"{as_written(self.growth)}%")


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
        self._rows: dict[tuple, object] = {}
        self._points: dict[tuple[str, str, int], TradePoint] = {}

    def table(self, name: str):
        """Return the validated table ``name`` (a pandas DataFrame)."""
        if name not in self._tables:
            from analysis_lib.loaders import load_table

            self._tables[name] = load_table(name, data_dir=self.data_dir)
        return self._tables[name]

    def rows(self, name: str, filters: tuple[tuple[str, str], ...]):
        """Return the rows of table ``name`` whose columns equal the filter values (as text)."""
        key = (name, filters)
        if key not in self._rows:
            self._rows[key] = self._select(name, filters)
        return self._rows[key]

    def _select(self, name: str, filters: tuple[tuple[str, str], ...]):
        frame = self.table(name)
        mask = None
        for column, value in filters:
            match = frame[column].astype("string") == value
            mask = match if mask is None else (mask & match)
        return frame if mask is None else frame[mask.fillna(False)]

    def trade_point(self, source: str, partner: str, year: int) -> TradePoint:
        """Return China's total trade with ``partner`` in ``year`` as ``source`` gives it."""
        key = (source, partner, int(year))
        if key not in self._points:
            self._points[key] = self._trade_point(source, partner, year)
        return self._points[key]

    def _trade_point(self, source: str, partner: str, year: int) -> TradePoint:
        if source == OFFICIAL_CN:
            return self._official_cn_point(partner, year)
        if source in OFFICIAL_SOURCES:
            return self._official_point(source, partner, year)
        return self._dots_point(source, partner, year)

    def _dots_point(self, source: str, partner: str, year: int) -> TradePoint:
        from analysis_lib.loaders import trade_series

        key = (source, partner)
        if key not in self._series:
            try:
                self._series[key] = trade_series(source, partner, data_dir=self.data_dir)
            except AnalysisLibError as error:
                self._series[key] = error
        series = self._series[key]
        if isinstance(series, AnalysisLibError):
            missing = phrase(
                "{source} gives no series: {error}", source=Code(source), error=str(series)
            )
            return TradePoint(source, partner, year, None, (), missing)
        value = series.get(year) if hasattr(series, "get") else None
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return TradePoint(source, partner, year, None, (), _no_value(source, partner, year))
        reporter, counterpart = ("CN", partner) if source == "imf_dots_cn" else (partner, "CN")
        rows = self.rows("dots_trade", (("reporter", reporter), ("partner", counterpart)))
        rows = rows[rows["year"].astype("int64") == int(year)]
        ids = tuple(sorted(set(rows["source_id"].astype(str))))
        return TradePoint(source, partner, year, float(value), ids)

    def _official_rows(self, source: str):
        if source == "gacc":
            return self.rows(
                "customs_totals", (("agency", "GACC"), ("release", "final"), ("reporter", "CN"))
            )
        try:
            return self.rows(
                ANNOUNCEMENTS_TABLE, (("announced_by", ANNOUNCERS[source]), ("reporter", "CN"))
            )
        except UnknownTableError:
            # A data package from before the table existed has no announcements.
            return None

    def _official_point(self, source: str, partner: str, year: int) -> TradePoint:
        rows = self._official_rows(source)
        if rows is not None:
            rows = rows[
                (rows["partner"].astype("string") == partner)
                & (rows["year"].astype("int64") == int(year))
            ]
        if rows is None or rows.empty:
            return TradePoint(source, partner, year, None, (), _no_value(source, partner, year))
        row = rows.to_dict("records")[0]
        growth = row.get("reported_growth_pct")
        has_growth = growth is not None and not (isinstance(growth, float) and math.isnan(growth))
        return TradePoint(
            source,
            partner,
            year,
            float(row["total_usd_bn"]),
            (str(row["source_id"]),),
            half=half_unit_of(row["total_usd_bn"]),
            bound=_text(row.get("total_bound")),
            growth=float(growth) if has_growth else None,
            growth_half=half_unit_of(growth) if has_growth else _ZERO,
            growth_bound=_text(row.get("growth_bound")),
            by=source,
            growth_by=source if has_growth else "",
        )

    def _official_cn_point(self, partner: str, year: int) -> TradePoint:
        points = [self._official_point(s, partner, year) for s in OFFICIAL_SOURCES]
        found = [p for p in points if p.value is not None]
        if not found:
            missing = phrase(
                "{source} have no {pair} value for {year}",
                source=source_label(OFFICIAL_CN),
                pair=pair(partner),
                year=year,
            )
            return TradePoint(OFFICIAL_CN, partner, year, None, (), missing)
        chosen = found[0]
        stated = next((p for p in found if p.growth is not None), None)
        ids = chosen.source_ids + (stated.source_ids if stated else ())
        return TradePoint(
            OFFICIAL_CN,
            partner,
            year,
            chosen.value,
            tuple(dict.fromkeys(ids)),
            half=chosen.half,
            bound=chosen.bound,
            growth=stated.growth if stated else None,
            growth_half=stated.growth_half if stated else _ZERO,
            growth_bound=stated.growth_bound if stated else "",
            by=chosen.by,
            growth_by=stated.by if stated else "",
        )


def _no_value(source: str, partner: str, year: int) -> Phrase:
    return phrase(
        "{source} has no {pair} value for {year}",
        source=source_label(source),
        pair=pair(partner),
        year=year,
    )


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value).strip()
    return "" if text in ("<NA>", "nan") else text


def official_figures(partner: str, year: int, data_dir: Path | None = None) -> list[TradePoint]:
    """Return every official Chinese figure of China's trade with ``partner`` in ``year``.

    One :class:`TradePoint` per official source that has one, in the order of
    :data:`OFFICIAL_SOURCES` (customs first); two official figures for the same
    year (e.g. customs and MOFCOM) are both kept.
    """
    evidence = Evidence(data_dir)
    points = [evidence.trade_point(source, partner, year) for source in OFFICIAL_SOURCES]
    return [point for point in points if point.value is not None]
