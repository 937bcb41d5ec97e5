"""Sub-commands of the loaders concern."""

from __future__ import annotations


def register(subparsers) -> None:
    """Add this concern's sub-commands to the CLI."""
