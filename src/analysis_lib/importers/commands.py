"""Sub-commands of the importers concern: ``import-dots``."""

from __future__ import annotations

import argparse
import sys


def register(subparsers) -> None:
    """Add this concern's sub-commands to the CLI."""
    parser = subparsers.add_parser(
        "import-dots",
        help="import the IMF DOTS workbooks into data/dots_trade.csv",
        description=(
            "Read IMF Direction of Trade Statistics workbooks (default: every DOTS_*.xlsx "
            "in the reference folder) and write the tidy table data/dots_trade.csv, "
            "recording each workbook's SHA-256 in data/datapackage.json."
        ),
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="DOTS workbooks (default: all in the folder)"
    )
    parser.add_argument(
        "--out", metavar="CSV", help="table to write (default: data/dots_trade.csv)"
    )
    parser.add_argument(
        "--engine",
        choices=("calamine", "openpyxl"),
        default="calamine",
        help="xlsx reader (default: calamine)",
    )
    parser.add_argument("--quiet", action="store_true", help="print nothing on success")
    parser.set_defaults(handler=_import_dots)


def _import_dots(args: argparse.Namespace) -> int:
    # pandas loads here, not at CLI start-up.
    from analysis_lib import paths
    from analysis_lib.importers.dots import import_dots

    def report(path, n_rows):
        print(f"{path.name}: {n_rows} rows")

    def warn(message):
        print(f"warning: {message}", file=sys.stderr)

    out_csv = args.out or paths.data_dir() / "dots_trade.csv"
    table = import_dots(
        args.files or None,
        out_csv,
        engine=args.engine,
        on_workbook=None if args.quiet else report,
        on_warning=warn,
    )
    if not args.quiet:
        print(f"wrote {len(table)} rows to {out_csv}")
    return 0
