"""Command line: ``python -m analysis_lib COMMAND ...``.

Each command lives in the module of its concern; this file only parses
arguments. Errors of the package print as one line on stderr, no traceback.
"""

from __future__ import annotations

import argparse
import sys

from analysis_lib.article import commands as article_commands
from analysis_lib.bench import commands as bench_commands
from analysis_lib.claims import commands as claims_commands
from analysis_lib.exceptions import AnalysisLibError
from analysis_lib.importers import commands as importers_commands
from analysis_lib.loaders import commands as loaders_commands
from analysis_lib.publish import commands as publish_commands

# Each concern's ``commands.py`` adds its sub-commands with ``register(subparsers)``.
# They import argparse and the standard library only, never this module, so
# parsing is cheap: pandas and papermill load inside the command that needs them.
COMMAND_MODULES = (
    importers_commands,
    loaders_commands,
    claims_commands,
    article_commands,
    publish_commands,
    bench_commands,
)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis_lib",
        description="Reproduce and audit the article's numbers from cited official data.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except AnalysisLibError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: nothing was half-written; rerun to continue", file=sys.stderr)
        return 130
