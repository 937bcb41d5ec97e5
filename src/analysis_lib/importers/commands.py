"""Sub-commands of the importers concern."""

from __future__ import annotations


def register(subparsers) -> None:
    """Add this concern's sub-commands to the CLI."""
