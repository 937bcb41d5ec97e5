"""Sub-commands of the bench concern: ``bench``.

Only argparse here: the runner is imported when the command runs.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from analysis_lib import paths
from analysis_lib.arguments import positive_int

SECTIONS = ("build", "floor", "rebuild", "importer", "metrics")


def register(subparsers) -> None:
    """Add the ``bench`` sub-command."""
    parser = subparsers.add_parser(
        "bench",
        help="time the build against the naive loop and the floor, and the data path",
        description=(
            "Time a full cold build (into build/bench, never reports/) against the naive "
            "papermill/nbconvert/Chromium loop and the floor, no-op and one-notebook "
            "rebuilds, the DOTS importer engines, and the loaders and metrics on a "
            "synthetic 1,000,000-row table against plain pandas. Prints medians and "
            "writes them to <work-dir>/bench.json."
        ),
    )
    parser.add_argument("--repeat", type=positive_int, default=3, help="runs per measurement")
    parser.add_argument(
        "--quick", action="store_true", help="one notebook, English, small inputs (for tests)"
    )
    parser.add_argument(
        "--sections",
        nargs="+",
        choices=SECTIONS,
        default=list(SECTIONS),
        metavar="SECTION",
        help=f"what to time, among: {', '.join(SECTIONS)}",
    )
    parser.add_argument("--jobs", type=positive_int, default=os.cpu_count() or 1)
    parser.add_argument("--rows", type=positive_int, default=None, help="synthetic table rows")
    parser.add_argument("--notebooks-dir", type=Path, default=paths.NOTEBOOKS_DIR)
    parser.add_argument(
        "--work-dir", type=Path, default=None, help="scratch folder; default: build/bench"
    )
    parser.add_argument("--no-pdf", action="store_true", help="time HTML only")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run the benchmark, print the table, write the JSON; return 0."""
    from analysis_lib.bench.runner import BenchOptions, context, run_bench
    from analysis_lib.bench.table import format_table, write_json

    options = BenchOptions(
        repeat=args.repeat,
        quick=args.quick,
        sections=tuple(args.sections),
        work_dir=args.work_dir,
        notebooks_dir=args.notebooks_dir,
        jobs=args.jobs,
        pdf=not args.no_pdf,
        rows=args.rows,
    )
    rows = run_bench(options)
    work = Path(options.work_dir or paths.build_dir() / "bench").resolve()
    write_json(work / "bench.json", rows, context(options))
    print(format_table(rows))
    print(f"medians of {options.repeat} run(s); written to {work / 'bench.json'}")
    return 0
