"""The modules that contribute CLI sub-commands, each with ``register(subparsers)``."""

from __future__ import annotations

from importlib import import_module

COMMAND_MODULES = (
    "analysis_lib.importers.commands",
    "analysis_lib.loaders.commands",
    "analysis_lib.claims.commands",
    "analysis_lib.publish.commands",
)

REGISTRARS = [import_module(name).register for name in COMMAND_MODULES]
