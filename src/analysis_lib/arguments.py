"""Option types and options shared by the sub-commands of ``python -m analysis_lib``.

Standard library only, and nothing of the package above it: each concern's
``commands.py`` imports from here, and :mod:`analysis_lib.cli` imports those.
"""

from __future__ import annotations

import argparse
from pathlib import Path


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


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    """Add ``--data-dir DIR``: the data folder a command reads instead of the project's."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="data folder with datapackage.json (default: the project's data/, or "
        "ANALYSIS_LIB_DATA_DIR)",
    )
