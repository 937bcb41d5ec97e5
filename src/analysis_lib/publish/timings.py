"""Where a build spends its time: an opt-in breakdown by stage, printed to stderr.

``ANALYSIS_LIB_TIMINGS=1`` (or ``analysis_lib build --timings``) prints, after
the build, one line per stage: the wall time of the build's own steps
(planning, waiting for the lock, publishing) and, summed over the reports, the
time the workers spent starting kernels, running cells, exporting HTML and
printing PDFs. Without it the build prints what it always printed. Standard
library only: the up-to-date path imports this module.
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from typing import TextIO

ENV_VAR = "ANALYSIS_LIB_TIMINGS"


def enabled() -> bool:
    """Whether the breakdown was asked for (``ANALYSIS_LIB_TIMINGS=1``)."""
    return os.environ.get(ENV_VAR, "").strip() not in ("", "0")


class StageClock:
    """Seconds spent per named stage, added up over every :meth:`stage` of that name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.merged = 0

    @contextmanager
    def stage(self, name: str):
        """Add the wall time of the ``with`` block to stage ``name``."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started

    def add(self, name: str, seconds: float) -> None:
        """Add ``seconds`` to stage ``name``."""
        self.seconds[name] += seconds

    def merge(self, other: dict[str, float]) -> None:
        """Add every stage of ``other`` (e.g. a worker's) to this clock."""
        for name, seconds in other.items():
            self.seconds[name] += seconds
        self.merged += 1


_worker = StageClock()


def worker_clock() -> StageClock:
    """Return this process's clock for the stages of the report it is building."""
    return _worker


def take_worker_stages() -> dict[str, float]:
    """Return and reset this process's worker stages (one report's worth)."""
    global _worker
    taken, _worker = dict(_worker.seconds), StageClock()
    return taken


def print_breakdown(
    leader: StageClock, workers: StageClock, wall: float, out: TextIO | None = None
) -> None:
    """Print the stage table: the build's own steps, then the workers' sums.

    Parameters
    ----------
    leader : StageClock
        The stages of the build process itself (wall time).
    workers : StageClock
        The stages of every report, summed over the reports (they overlap in time).
    wall : float
        Seconds the whole build took.
    out : TextIO, optional
        Where to print; standard error by default.
    """
    out = out or sys.stderr
    sys.stdout.flush()  # the build's own lines come first
    print(f"timings: {wall:.2f} s wall, {workers.merged} report(s) built", file=out)
    for name, seconds in leader.seconds.items():
        print(f"  build  {name:<28} {seconds:7.2f} s", file=out)
    for name, seconds in workers.seconds.items():
        print(f"  report {name:<28} {seconds:7.2f} s (sum over reports)", file=out)
