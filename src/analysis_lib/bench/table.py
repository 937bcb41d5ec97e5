"""The benchmark's rows, their text table and their JSON file."""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Row:
    """One timing (median of its runs) against a baseline, with an optional target ratio.

    ``ratio`` is ``seconds / baseline_seconds``; a target ``("<=", 0.25)`` means
    the measured time must be at most a quarter of the baseline's.
    """

    section: str
    name: str
    runs: list[float]
    baseline: str = ""
    baseline_runs: list[float] = field(default_factory=list)
    target: tuple[str, float] | None = None
    note: str = ""

    @property
    def seconds(self) -> float:
        """Median of the runs."""
        return statistics.median(self.runs)

    @property
    def baseline_seconds(self) -> float | None:
        """Median of the baseline runs, if any."""
        return statistics.median(self.baseline_runs) if self.baseline_runs else None

    @property
    def ratio(self) -> float | None:
        """Measured over baseline, or over 1 s for an absolute target."""
        base = self.baseline_seconds
        if base is None:
            return None
        return self.seconds / base if base > 0 else float("inf")

    @property
    def met(self) -> bool | None:
        """Whether the target holds (None without a target)."""
        if self.target is None:
            return None
        value = self.ratio if self.baseline_runs else self.seconds
        return value <= self.target[1]

    def as_dict(self) -> dict:
        """JSON-ready record."""
        record = asdict(self)
        record.update(
            seconds=self.seconds,
            baseline_seconds=self.baseline_seconds,
            ratio=self.ratio,
            met=self.met,
        )
        return record


def _target_text(row: Row) -> str:
    if row.target is None:
        return ""
    bound = row.target[1]
    text = f"<= {bound:g}x" if row.baseline_runs else f"< {bound:g} s"
    return f"{text} {'ok' if row.met else 'MISSED'}"


def format_table(rows: list[Row]) -> str:
    """Return the rows as an aligned text table (medians; ratio = measured / baseline)."""
    header = ("section", "measurement", "s", "baseline", "base s", "ratio", "target")
    lines = [header]
    for row in rows:
        base = row.baseline_seconds
        lines.append(
            (
                row.section,
                row.name + (f" ({row.note})" if row.note else ""),
                f"{row.seconds:.2f}",
                row.baseline,
                "" if base is None else f"{base:.2f}",
                "" if row.ratio is None else f"{row.ratio:.2f}",
                _target_text(row),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def write_json(path: Path, rows: list[Row], context: dict) -> None:
    """Write the rows and the context (cores, load, options) as sorted JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    content = {"context": context, "rows": [row.as_dict() for row in rows]}
    path.write_text(json.dumps(content, indent=2, sort_keys=True) + "\n", encoding="utf-8")
