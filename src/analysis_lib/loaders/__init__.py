"""Validated loaders for the data package, driven by ``data/datapackage.json``.

Public API: ``load_table(name, path=None, *, data_dir=None)``, one
``load_<name>()`` per table of ``TABLE_NAMES``, ``validate_file(name, path)``,
``read_descriptor(data_dir=None)``, ``build_schema(resource)``,
``trade_series(source, partner="RU", *, data_dir=None)`` and ``AUDIT_SOURCES``.

Names are resolved lazily so that importing the CLI does not import pandas.
"""

from __future__ import annotations

from importlib import import_module

from analysis_lib.loaders.descriptor import TABLE_NAMES, read_descriptor

_LAZY = {
    "load_table": "tables",
    "validate_file": "tables",
    **{f"load_{name}": "tables" for name in TABLE_NAMES},
    "build_schema": "schema",
    "trade_series": "series",
    "AUDIT_SOURCES": "series",
    "READ_LOG_ENV": "reading",
}

__all__ = ["TABLE_NAMES", "read_descriptor", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(f"analysis_lib.loaders.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'analysis_lib.loaders' has no attribute {name!r}")
