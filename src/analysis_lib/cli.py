"""Command line: ``python -m analysis_lib COMMAND ...``.

Each command lives in the module of its concern; this file only parses
arguments. Errors of the package print as one line on stderr, no traceback.
"""

from __future__ import annotations

import argparse
import sys

from analysis_lib.exceptions import AnalysisLibError


def positive_int(text: str) -> int:
    """Parse a whole number >= 1 for an argparse option (e.g. ``--jobs``).

    Raises
    ------
    argparse.ArgumentTypeError
        "must be a positive integer; not 'x'".
    """
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer; not {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis_lib",
        description="Reproduce and audit the article's numbers from cited official data.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for register in _registrars():
        register(sub)
    return parser


def _registrars():
    # Each concern adds its own sub-command; imports stay inside so that
    # parsing is cheap and pandas loads only for commands that need it.
    from analysis_lib import cli_commands

    return cli_commands.REGISTRARS


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
