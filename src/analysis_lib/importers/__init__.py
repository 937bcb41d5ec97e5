"""Importers: official raw files -> tidy tables in ``data/``.

- `analysis_lib.importers.dots`: IMF DOTS workbooks -> ``data/dots_trade.csv``.
"""
