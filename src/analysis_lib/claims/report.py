"""Render audit results as an aligned table (for people), JSON or CSV (for programs).

The table opens with the headline (claims counted by primary verdict) when it
is given one, and lists each claim's primary result first, its cross-checks
under it (the audit's own order).
"""

from __future__ import annotations

import csv
import io
import json

from analysis_lib.exceptions import must_be_one_of

FORMATS = ("table", "json", "csv")
COLUMNS = (
    "id",
    "source",
    "verdict",
    "claimed",
    "computed",
    "explanation",
    "sources",
    "role",
    "severity",
)

# The table shows the explanation last and unpadded: it is long, and padding
# it would push every row off screen.
_TABLE_COLUMNS = (
    "id",
    "role",
    "source",
    "verdict",
    "severity",
    "claimed",
    "computed",
    "explanation",
)


def _cells(result) -> dict[str, str]:
    row = result.as_dict()
    for key in ("computed", "severity"):
        row[key] = "" if row[key] is None else row[key]
    row["sources"] = ";".join(row["sources"])
    return {key: str(row[key]) for key in COLUMNS}


def render_table(results, headline=None) -> str:
    """Return one aligned text row per claim and source, under a header line.

    Parameters
    ----------
    results : iterable of AuditResult
        Each claim's primary result first, then its cross-checks (the audit's order).
    headline : HeadlineCounts, optional
        When given, the table opens with the headline sentence and a note on
        what it counts (:mod:`analysis_lib.claims.verdicts`).
    """
    rows = [_cells(result) for result in results]
    header = {key: key for key in _TABLE_COLUMNS}
    widths = {key: max(len(row[key]) for row in [header, *rows]) for key in _TABLE_COLUMNS[:-1]}
    lines = []
    if headline is not None:
        from analysis_lib.claims.verdicts import headline_sentence

        lines += [
            headline_sentence(headline),
            f"(one primary verdict per claim, a restated claim counted once; the "
            f"{headline.cross_checks} cross-checks beside them are not counted)",
            "",
        ]
    for row in [header, *rows]:
        padded = [row[key].ljust(widths[key]) for key in _TABLE_COLUMNS[:-1]]
        lines.append("  ".join([*padded, row["explanation"]]).rstrip())
    return "\n".join(lines) + "\n"


def render_json(results) -> str:
    """Return a JSON list of objects with keys id, source, verdict, claimed, computed,
    explanation, sources (a list of source ids), role (``primary`` or ``cross-check``)
    and severity (``exact``, ``within rounding``, ``minor``, ``material`` or null)."""
    return json.dumps([r.as_dict() for r in results], indent=2, ensure_ascii=False) + "\n"


def render_csv(results) -> str:
    """Return CSV with the columns of :data:`COLUMNS`; ``sources`` joined by ``;``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_cells(result) for result in results)
    return buffer.getvalue()


def render(results, fmt: str = "table", headline=None) -> str:
    """Render results in ``fmt`` (``table``, ``json`` or ``csv``).

    ``headline`` (a :class:`~analysis_lib.claims.verdicts.HeadlineCounts`) opens
    the table; JSON and CSV carry only the results.

    Raises
    ------
    ParameterError
        If ``fmt`` is not one of :data:`FORMATS`.
    """
    renderers = {"json": render_json, "csv": render_csv}
    if fmt not in (*renderers, "table"):
        raise must_be_one_of("--format", fmt, FORMATS)
    if fmt == "table":
        return render_table(list(results), headline)
    return renderers[fmt](list(results))
