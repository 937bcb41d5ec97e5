"""Sub-commands of the claims concern: ``audit``.

pandas is imported only when the command runs.
"""

from __future__ import annotations

import sys

from analysis_lib.arguments import add_data_dir
from analysis_lib.vocabulary import ALL_SOURCES, TABLE_SOURCES, TRADE_CLAIM_SOURCES

SOURCE_CHOICES = (*TRADE_CLAIM_SOURCES, *TABLE_SOURCES, ALL_SOURCES)
FORMAT_CHOICES = ("table", "json", "csv")


def register(subparsers) -> None:
    """Add this concern's sub-commands to the CLI."""
    audit = subparsers.add_parser(
        "audit",
        help="check every claim of the article against the data",
        description="Check every registered claim (data/claims.csv) against its primary source "
        "(the source the article relies on) and print its verdict (consistent, inconsistent or "
        "unverifiable) with its severity, then the cross-checks by the other sources beside it. "
        "The table opens with the claims counted by primary verdict.",
    )
    # Values are checked by the handler, not by argparse choices, so a wrong
    # value gives the package's one-line error instead of a usage dump.
    audit.add_argument(
        "--source",
        default="all",
        metavar="|".join(SOURCE_CHOICES),
        help="show only the results by one source, primary or cross-check (default: all); "
        "the table's headline still counts every claim",
    )
    audit.add_argument(
        "--format",
        default="table",
        metavar="|".join(FORMAT_CHOICES),
        help="table (aligned, for people; default), json or csv",
    )
    add_data_dir(audit)
    audit.set_defaults(handler=run_audit_command)


def run_audit_command(args) -> int:
    """Run the audit and print it in the chosen format."""
    from analysis_lib.exceptions import must_be_one_of

    if args.source not in SOURCE_CHOICES:
        raise must_be_one_of("--source", args.source, SOURCE_CHOICES)
    if args.format not in FORMAT_CHOICES:
        raise must_be_one_of("--format", args.format, FORMAT_CHOICES)

    from analysis_lib.claims.audit import ALL_SOURCES, run_audit
    from analysis_lib.claims.report import render
    from analysis_lib.claims.verdicts import headline_counts

    data_dir = args.data_dir.resolve() if args.data_dir is not None else None
    results = run_audit(data_dir=data_dir)
    shown = [r for r in results if args.source in (ALL_SOURCES, r.source)]
    sys.stdout.write(render(shown, args.format, headline_counts(results)))
    return 0
