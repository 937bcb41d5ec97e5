"""Figure test fixtures: seeded synthetic frames, strict warnings, closed figures."""

from __future__ import annotations

import warnings
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from analysis_lib.plots.figures_policy import TIMELINE_COLUMNS


@pytest.fixture(autouse=True)
def _strict_warnings_and_closed_figures():
    """Turn every warning (a missing glyph above all) into an error; close figures after."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield
    plt.close("all")


@pytest.fixture
def frames() -> SimpleNamespace:
    """Synthetic inputs for every figure function (not real data: seeded random numbers)."""
    rng = np.random.default_rng(20240601)
    years = list(range(2009, 2015))
    levels = pd.DataFrame(
        [
            {"year": y, "source": s, "value_usd_bn": float(rng.uniform(30, 100))}
            for s in ("gacc", "imf_dots_cn", "imf_dots_ru")
            for y in years
        ]
    )
    growth = levels.rename(columns={"value_usd_bn": "growth_pct"}).assign(
        growth_pct=rng.uniform(-30, 40, len(levels))
    )
    claims_levels = pd.DataFrame({"year": [2010, 2014], "claimed_usd_bn": rng.uniform(50, 99, 2)})
    claims_growth = pd.DataFrame({"year": [2014], "claimed_growth_pct": rng.uniform(0, 9, 1)})
    partners = pd.DataFrame(
        {
            "partner": ["RU", "US", "JP", "KR", "WLD"] * 2,
            "source": ["imf_dots_cn"] * 5 + ["imf_dots_ru"] * 5,
            "value_usd_bn": rng.uniform(50, 4000, 10),
        }
    )
    ratios = pd.DataFrame(
        {
            "partner": ["US", "JP", "KR"],
            "ratio": rng.uniform(0.1, 0.4, 3),
            "fraction_label": ["1/6", "1/3", "1/3"],
            "claimed_label": ["1/6", "1/5", None],
        }
    )
    events = pd.DataFrame(
        [
            ("p1", "1996-04-15", "2005", "day", "RU", "programme", "Programme A", "Программа А"),
            ("e1", "2002", None, "year", "RU", "audit", "Audit B", "Проверка Б"),
            ("e2", "2003-09-10", None, "day", "CN", "strategy", "Strategy C", "Стратегия В"),
            ("p2", "2009-09", "2018", "month", "CN-RU", "programme", "Programme D", "Программа Г"),
        ],
        columns=list(TIMELINE_COLUMNS),
    )
    trade = pd.DataFrame({"year": years, "value_usd_bn": rng.uniform(30, 100, len(years))})
    structure = pd.DataFrame(
        [
            {
                "exporter": exporter,
                "importer": importer,
                "year": year,
                "category": code,
                "category_en": f"Group {code}",
                "category_ru": f"Группа {code}",
                "share_pct": float(rng.uniform(2, 24)),
            }
            for exporter, importer in (("RU", "CN"), ("CN", "RU"))
            for year in (1995, 2005, 2015)
            for code in ("SITC0", "SITC3", "SITC7", "SITC8")
        ]
    )
    heilongjiang = pd.DataFrame(
        {
            "year": [2005, 2008, 2013],
            "total_usd_bn": rng.uniform(5, 25, 3),
            "national_usd_bn": [np.nan, *rng.uniform(50, 100, 2)],
            "share_pct": [np.nan, *rng.uniform(15, 30, 2)],
            "share_pct_stated": [19.0, np.nan, 25.0],
        }
    )
    budgets = pd.DataFrame(
        {
            "programme_id": ["a", "a", "a", "b"],
            "title_en": ["Programme A", "Programme A", "Programme A", "Programme B"],
            "title_ru": ["Программа А", "Программа А", "Программа А", "Программа Б"],
            "component": ["total", "federal", "off_budget", "federal"],
            "amount": rng.uniform(10, 700, 4),
            "unit": "bn",
            "currency": "RUB",
            "approximate": [True, True, False, False],
        }
    )
    verdicts = pd.DataFrame(
        {
            "claim_id": ["c1", "c1", "c2", "c3"],
            "source": ["gacc", "imf_dots_cn", "imf_dots_ru", "gacc"],
            "verdict": ["consistent", "inconsistent", "unverifiable", "consistent"],
        }
    )
    after = pd.DataFrame({"year": range(2015, 2026), "value_usd_bn": rng.uniform(60, 250, 11)})
    return SimpleNamespace(
        levels=levels,
        growth=growth,
        claims_levels=claims_levels,
        claims_growth=claims_growth,
        partners=partners,
        ratios=ratios,
        events=events,
        trade=trade,
        structure=structure,
        heilongjiang=heilongjiang,
        budgets=budgets,
        verdicts=verdicts,
        after=after,
    )
