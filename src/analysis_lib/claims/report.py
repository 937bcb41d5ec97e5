"""Render audit results as an aligned table (for people), JSON or CSV (for programs)."""

from __future__ import annotations

import csv
import io
import json

from analysis_lib.exceptions import must_be_one_of

FORMATS = ("table", "json", "csv")
COLUMNS = ("id", "source", "verdict", "claimed", "computed", "explanation", "sources")

# The table shows the explanation last and unpadded: it is long, and padding
# it would push every row off screen.
_TABLE_COLUMNS = ("id", "source", "verdict", "claimed", "computed", "explanation")


def _cells(result) -> dict[str, str]:
    row = result.as_dict()
    row["computed"] = "" if row["computed"] is None else row["computed"]
    row["sources"] = ";".join(row["sources"])
    return {key: str(row[key]) for key in COLUMNS}


def render_table(results) -> str:
    """Return one aligned text row per claim and source, with a header line.

    Parameters
    ----------
    results : iterable of AuditResult
    """
    rows = [_cells(result) for result in results]
    header = {key: key for key in _TABLE_COLUMNS}
    widths = {key: max(len(row[key]) for row in [header, *rows]) for key in _TABLE_COLUMNS[:-1]}
    lines = []
    for row in [header, *rows]:
        padded = [row[key].ljust(widths[key]) for key in _TABLE_COLUMNS[:-1]]
        lines.append("  ".join([*padded, row["explanation"]]).rstrip())
    return "\n".join(lines) + "\n"


def render_json(results) -> str:
    """Return a JSON list of objects with keys id, source, verdict, claimed, computed,
    explanation and sources (a list of source ids)."""
    return json.dumps([r.as_dict() for r in results], indent=2, ensure_ascii=False) + "\n"


def render_csv(results) -> str:
    """Return CSV with the columns of :data:`COLUMNS`; ``sources`` joined by ``;``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_cells(result) for result in results)
    return buffer.getvalue()


def render(results, fmt: str = "table") -> str:
    """Render results in ``fmt`` (``table``, ``json`` or ``csv``).

    Raises
    ------
    ParameterError
        If ``fmt`` is not one of :data:`FORMATS`.
    """
    renderers = {"table": render_table, "json": render_json, "csv": render_csv}
    if fmt not in renderers:
        raise must_be_one_of("--format", fmt, FORMATS)
    return renderers[fmt](list(results))
