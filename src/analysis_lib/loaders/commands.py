"""Sub-commands of the loaders concern: ``validate`` and ``tables``.

pandas is imported only when one of these commands runs.
"""

from __future__ import annotations

from pathlib import Path

from analysis_lib.arguments import add_data_dir


def register(subparsers) -> None:
    """Add this concern's sub-commands to the CLI."""
    validate = subparsers.add_parser(
        "validate",
        help="check a CSV file against a table's schema in datapackage.json",
        description="Check FILE against TABLE's schema; print one line and exit 0 if valid, "
        "1 if not.",
    )
    validate.add_argument("table", metavar="TABLE", help="resource name, e.g. customs_totals")
    validate.add_argument("file", metavar="FILE", type=Path, help="CSV file to check")
    add_data_dir(validate)
    validate.set_defaults(handler=run_validate)

    tables = subparsers.add_parser(
        "tables", help="list the data package's tables with their row counts"
    )
    add_data_dir(tables)
    tables.set_defaults(handler=run_tables)


def run_validate(args) -> int:
    """Validate one file; print the ok line (errors are printed by the CLI)."""
    from analysis_lib.loaders.tables import validate_file

    frame = validate_file(args.table, args.file, data_dir=args.data_dir)
    print(f"ok: {args.file} is a valid {args.table} table ({len(frame)} rows)")
    return 0


def run_tables(args) -> int:
    """Print each table of the descriptor with its row count; exit 1 if one is invalid."""
    from analysis_lib.exceptions import AnalysisLibError
    from analysis_lib.loaders.descriptor import read_descriptor
    from analysis_lib.loaders.tables import load_table

    failed = 0
    for resource in read_descriptor(args.data_dir)["resources"]:
        name = resource["name"]
        try:
            print(f"{name}\t{len(load_table(name, data_dir=args.data_dir))} rows")
        except AnalysisLibError as error:
            failed += 1
            print(f"{name}\terror: {error}")
    return 1 if failed else 0
