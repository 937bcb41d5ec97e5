"""Loaders and metrics on a large synthetic table, each against plain pandas.

Every pair computes the same thing: the package function, then the shortest
plain-pandas code for the same arithmetic (or the same checks).
"""

from __future__ import annotations

import time
from pathlib import Path

KEYS = ["reporter", "partner", "flow"]
DTYPES = {
    "reporter": "string",
    "partner": "string",
    "flow": "string",
    "year": "Int64",
    "value_usd_mn": "float64",
    "source_id": "string",
}


def _timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def plain_read(path: Path):
    """``pandas.read_csv`` with the loaders' dtypes (an empty cell is missing)."""
    import pandas as pd

    return pd.read_csv(path, dtype=DTYPES, keep_default_na=False, na_values={"value_usd_mn": [""]})


def plain_validate(frame, sources: set[str]) -> None:
    """The dots_trade schema's checks written directly in pandas."""
    required = ["reporter", "partner", "flow", "year", "source_id"]
    problems = [
        frame[required].isna().any().any(),
        not frame["reporter"].str.fullmatch(r"[A-Z]{2}").all(),
        not frame["partner"].str.fullmatch(r"[A-Z]{2}|WLD").all(),
        not frame["flow"].isin(["exports_fob", "imports_cif"]).all(),
        not frame["year"].between(1948, 2030).all(),
        (frame["value_usd_mn"] < 0).any() or (frame["value_usd_mn"] > 1e8).any(),
        not frame["source_id"].str.fullmatch(r"[a-z0-9_]+").all(),
        frame.duplicated(["reporter", "partner", "flow", "year"]).any(),
        not frame["source_id"].isin(sources).all(),
    ]
    if any(problems):
        raise ValueError("synthetic table breaks the schema")


def plain_growth(frame):
    """Year-on-year growth within each series: sort, shift, divide."""
    import numpy as np

    ordered = frame.sort_values([*KEYS, "year"], kind="stable")
    grouped = ordered.groupby(KEYS, sort=False, observed=True)
    previous = grouped["value_usd_mn"].shift()
    follows = grouped["year"].shift() == ordered["year"] - 1
    growth = (ordered["value_usd_mn"] - previous) / previous * 100.0
    growth = growth.where(follows & (previous != 0), np.nan)
    return growth.reindex(frame.index)


def plain_shares(frame):
    """Each partner's share of a reporter's flow in a year."""
    keys = ["reporter", "flow", "year"]
    totals = frame.groupby(keys, sort=False, observed=True)["value_usd_mn"].transform("sum")
    return frame["value_usd_mn"] / totals


def plain_mirror(frame):
    """Exports FOB merged with the partner's imports CIF, gap and gap percent."""
    exports = frame[frame["flow"] == "exports_fob"]
    imports = frame[frame["flow"] == "imports_cif"]
    left = exports[["reporter", "partner", "year", "value_usd_mn"]].set_axis(
        ["exporter", "importer", "year", "exports_fob_usd_mn"], axis=1
    )
    right = imports[["partner", "reporter", "year", "value_usd_mn"]].set_axis(
        ["exporter", "importer", "year", "imports_cif_usd_mn"], axis=1
    )
    table = left.merge(right, on=["exporter", "importer", "year"], how="inner", sort=False)
    table["gap_usd_mn"] = table["imports_cif_usd_mn"] - table["exports_fob_usd_mn"]
    table["gap_pct"] = table["gap_usd_mn"] / table["exports_fob_usd_mn"] * 100.0
    return table


def run(data_dir: Path) -> dict[str, tuple[float, float]]:
    """Time each step on ``data_dir/dots_trade.csv``: ``{step: (package s, pandas s)}``."""
    from analysis_lib import metrics
    from analysis_lib.loaders import load_dots_trade, load_sources
    from analysis_lib.loaders.descriptor import get_resource, read_descriptor
    from analysis_lib.loaders.schema import build_schema
    from analysis_lib.loaders.tables import clear_cache

    path = data_dir / "dots_trade.csv"
    clear_cache()
    package_load, table = _timed(load_dots_trade, data_dir=data_dir)
    pandas_load, plain = _timed(plain_read, path)
    sources = set(load_sources(data_dir=data_dir)["source_id"])
    pandas_load += _timed(plain_validate, plain, sources)[0]
    schema = build_schema(get_resource("dots_trade", read_descriptor(data_dir)))
    package_validate, _ = _timed(schema.validate, plain, lazy=True)
    pandas_validate, _ = _timed(plain_validate, plain, sources)
    frame = table.copy()
    return {
        "load_dots_trade (read + validate)": (package_load, pandas_load),
        "validate (dots_trade schema)": (package_validate, pandas_validate),
        "growth_by_group": (
            _timed(metrics.growth_by_group, frame, KEYS, "value_usd_mn")[0],
            _timed(plain_growth, frame)[0],
        ),
        "shares_by_group": (
            _timed(metrics.shares_by_group, frame, ["reporter", "flow", "year"], "value_usd_mn")[
                0
            ],
            _timed(plain_shares, frame)[0],
        ),
        "mirror_gap_table": (
            _timed(metrics.mirror_gap_table, frame)[0],
            _timed(plain_mirror, frame)[0],
        ),
    }
