"""Sub-commands of the article concern: ``coverage``.

pandas is imported only when the command runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from analysis_lib.arguments import add_data_dir

FORMAT_CHOICES = ("table", "json")


def register(subparsers) -> None:
    """Add this concern's sub-commands to the CLI."""
    coverage = subparsers.add_parser(
        "coverage",
        help="list every number of the article with the claim that checks it or why it is none",
        description="Scan the article's text (both languages) for every number, fraction, "
        "percentage, date, code, footnote marker and address; list each with its place "
        "('en ¶16') and the claim of data/claims.csv that checks it or the reason of "
        "data/non_claims.csv why it is not a claim. Exit 1, with one line per token on "
        "stderr, when a token has neither.",
    )
    coverage.add_argument(
        "--format",
        default="table",
        metavar="|".join(FORMAT_CHOICES),
        help="table (aligned, for people; default) or json",
    )
    add_data_dir(coverage)
    coverage.add_argument(
        "--article-dir",
        metavar="DIR",
        type=Path,
        help="folder with the article's .txt (default: ../shared/reference/article, or "
        "ANALYSIS_LIB_ARTICLE_DIR)",
    )
    coverage.set_defaults(handler=run_coverage_command)


def run_coverage_command(args) -> int:
    """Print the article's numbers with their accounts; exit 1 when one is unaccounted."""
    from analysis_lib.exceptions import must_be_one_of

    if args.format not in FORMAT_CHOICES:
        raise must_be_one_of("--format", args.format, FORMAT_CHOICES)
    from analysis_lib.article.coverage import article_coverage
    from analysis_lib.article.report import render

    data_dir = args.data_dir.resolve() if args.data_dir is not None else None
    coverage = article_coverage(data_dir, args.article_dir)
    sys.stdout.write(render(coverage, args.format))
    for problem in coverage.problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if coverage.problems else 0
