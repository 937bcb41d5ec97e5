"""A seeded synthetic bilateral trade table shaped like ``dots_trade``, for timings only.

The values are random numbers, never real data: they are written only into a
scratch data folder under the build folder, never into ``data/``.
"""

from __future__ import annotations

import itertools
import shutil
import string
from pathlib import Path

from analysis_lib import paths

FIRST_YEAR, LAST_YEAR = 1948, 2030  # the dots_trade schema's year range
SYNTHETIC_SOURCE = "imf_dots"


def country_codes(count: int) -> list[str]:
    """Return ``count`` distinct two-letter codes ``AA``, ``AB``, ... (at most 676)."""
    codes = ["".join(pair) for pair in itertools.product(string.ascii_uppercase, repeat=2)]
    return codes[:count]


def countries_for_rows(rows: int, years: int = LAST_YEAR - FIRST_YEAR + 1) -> int:
    """Return the smallest country count whose full table has at least ``rows`` rows."""
    count = 2
    while count * (count - 1) * 2 * years < rows:
        count += 1
    return count


def bilateral_table(countries: int, years: int = LAST_YEAR - FIRST_YEAR + 1, seed: int = 0):
    """Return every reporter x partner x flow x year row with random values (USD mn).

    Parameters
    ----------
    countries : int
        Reporters and partners (each pair of different countries, both ways).
    years : int
        Consecutive years from 1948.
    seed : int
        Seed of the random values (same seed, same table).

    Returns
    -------
    pandas.DataFrame
        The ``dots_trade`` columns; about 1 value in 50 is missing.
    """
    import numpy as np
    import pandas as pd

    codes = np.array(country_codes(countries), dtype=object)
    reporter, partner = np.meshgrid(np.arange(countries), np.arange(countries), indexing="ij")
    off_diagonal = reporter != partner
    reporter, partner = reporter[off_diagonal], partner[off_diagonal]
    flows = np.array(["exports_fob", "imports_cif"], dtype=object)
    year_values = np.arange(FIRST_YEAR, FIRST_YEAR + years)
    pairs, n_years = len(reporter), len(year_values)
    size = pairs * 2 * n_years
    rng = np.random.default_rng(seed)
    values = np.round(rng.lognormal(mean=6.0, sigma=2.0, size=size), 3)
    values[rng.random(size) < 0.02] = np.nan
    return pd.DataFrame(
        {
            "reporter": np.repeat(codes[reporter], 2 * n_years),
            "partner": np.repeat(codes[partner], 2 * n_years),
            "flow": np.tile(np.repeat(flows, n_years), pairs),
            "year": np.tile(year_values, pairs * 2),
            "value_usd_mn": values,
            "source_id": SYNTHETIC_SOURCE,
        }
    )


def write_data_dir(folder: Path, table) -> Path:
    """Write a data folder (the project's descriptor and sources + ``table``); return it."""
    folder.mkdir(parents=True, exist_ok=True)
    source = paths.PROJECT_ROOT / "data"
    for name in ("datapackage.json", "sources.csv"):
        shutil.copyfile(source / name, folder / name)
    table.to_csv(folder / "dots_trade.csv", index=False, lineterminator="\n")
    return folder
