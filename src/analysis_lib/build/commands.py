"""Sub-commands of the build concern: ``python -m analysis_lib build``.

Only argparse here: the pipeline is imported when the command runs, and it
imports papermill and nbconvert only when a report is stale.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from analysis_lib import paths


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a positive integer; not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer; not {text!r}")
    return value


def register(subparsers) -> None:
    """Add this concern's sub-commands to the CLI."""
    parser = subparsers.add_parser(
        "build",
        help="execute the notebooks and build the HTML/PDF reports (incremental)",
        description=(
            "Execute each notebook per language with papermill and convert it to HTML "
            "and PDF in reports/. Only reports whose inputs changed are rebuilt."
        ),
    )
    parser.add_argument(
        "--jobs", type=_positive, default=os.cpu_count() or 1, help="notebooks run at once"
    )
    parser.add_argument("--lang", choices=("en", "ru", "all"), default="all")
    parser.add_argument("--only", nargs="+", metavar="STEM", default=[], help="notebook stems")
    parser.add_argument("--notebooks-dir", type=Path, default=paths.NOTEBOOKS_DIR)
    parser.add_argument("--reports-dir", type=Path, default=paths.REPORTS_DIR)
    parser.add_argument("--build-dir", type=Path, default=None, help="default: build/")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    parser.add_argument("--no-pdf", action="store_true", help="HTML only")
    parser.add_argument(
        "--timeout", type=_positive, default=300, help="per-cell timeout in seconds"
    )
    parser.set_defaults(handler=run_build)


def run_build(args: argparse.Namespace) -> int:
    """Run the build for parsed CLI arguments; return the exit code."""
    from analysis_lib.build.pipeline import LANGUAGES, BuildOptions, build

    build(
        BuildOptions(
            notebooks_dir=args.notebooks_dir,
            reports_dir=args.reports_dir,
            build_dir=args.build_dir,
            languages=LANGUAGES if args.lang == "all" else (args.lang,),
            only=tuple(args.only),
            jobs=args.jobs,
            force=args.force,
            pdf=not args.no_pdf,
            timeout=args.timeout,
        )
    )
    return 0
