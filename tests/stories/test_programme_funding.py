"""Notebook 06's story: the budgets' shares, commitments and revisions; the 24% verdict."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis_lib.claims.registry import load_registry
from analysis_lib.i18n import translator
from analysis_lib.loaders import load_programme_budgets
from analysis_lib.stories import programme_funding as funding
from analysis_lib.views import programme_funding as views


def budget(programme, component, measure, amount, start=None, end=2020, approximate=False):
    return {
        "programme_id": programme,
        "title_en": f"Programme {programme}",
        "title_ru": f"Программа {programme}",
        "period_start": start,
        "period_end": end,
        "component": component,
        "measure": measure,
        "amount": amount,
        "unit": "bn",
        "currency": "RUB",
        "approximate": approximate,
        "note": None,
        "source_id": "src",
    }


def synthetic() -> pd.DataFrame:
    return pd.DataFrame(
        [
            budget("a", "total", "budget", 100.0),
            budget("a", "federal", "budget", 40.0),
            budget("a", "regional", "budget", 10.0),
            budget("a", "off_budget", "budget", 50.0),
            budget("a", "federal", "committed", 20.0, start=2016, end=2019),
            budget("b", "federal", "planned", 200.0, end=2010),
            budget("b", "federal", "revised", 250.0, end=2010, approximate=True),
            budget("b", "federal", "increase", 50.0, end=2010),
        ]
    )


def test_component_shares_of_the_total():
    shares = views.component_shares(synthetic()).set_index("programme_id")
    assert list(shares.index) == ["a"]
    assert shares.loc["a", "federal_share_pct"] == pytest.approx(40.0)
    assert shares.loc["a", "off_budget_share_pct"] == pytest.approx(50.0)
    assert shares.loc["a", "component_sum"] == pytest.approx(100.0)


def test_commitments_against_federal_budget_and_total():
    row = views.commitments(synthetic()).iloc[0]
    assert (row["period_start"], row["period_end"]) == (2016, 2019)
    assert row["of_federal_pct"] == pytest.approx(50.0)
    assert row["of_total_pct"] == pytest.approx(20.0)


def test_revision_that_adds_up():
    row = views.revisions(synthetic()).iloc[0]
    assert row["ratio_pct"] == pytest.approx(125.0)
    assert row["difference"] == pytest.approx(50.0)
    assert bool(row["adds_up"]) is True


def test_real_budgets():
    budgets = load_programme_budgets()
    shares = views.component_shares(budgets).set_index("programme_id")
    # FACTS.md: about 697 in all, federal about 213, regional 11, off-budget 473.
    assert shares.loc["far_east_baikal_to_2018", "federal_share_pct"] == pytest.approx(
        213 / 697 * 100
    )
    assert shares.loc["far_east_baikal_to_2018", "component_sum"] == pytest.approx(697.0)
    committed = views.commitments(budgets).iloc[0]
    assert committed["of_federal_pct"] == pytest.approx(171 / 213 * 100)
    assert committed["of_total_pct"] == pytest.approx(171 / 697 * 100)
    # Raised "by 72.5 bn to about 421 bn against 377 bn planned": 377 + 72.5 != 421.
    revision = views.revisions(budgets).iloc[0]
    assert revision["difference"] == pytest.approx(44.0)
    assert revision["raised_sum"] == pytest.approx(449.5)
    assert bool(revision["adds_up"]) is False


def test_programmes_in_filters_by_last_year():
    chosen = views.programmes_in(synthetic(), 2015, 2020)
    assert set(chosen["programme_id"]) == {"a"}
    assert views.programmes_in(synthetic(), 2011, 2015).empty


def test_figure_frame_drops_increases_and_names_commitments():
    frame = views.figure_frame(synthetic())
    assert "increase" not in set(frame["measure"])
    committed = frame[frame["component"] == "federal_committed"].iloc[0]
    assert (committed["period_start"], committed["period_end"]) == (2016, 2019)

    class Russian:
        lang, t = "ru", translator("ru")

    named = funding._figure_frame(Russian(), synthetic())
    committed = named[named["component"] == "federal_committed"].iloc[0]
    assert committed["component_ru"] == "Федеральные обязательства (2016–2019\u00a0гг.)"
    assert set(frame["component"]) >= {"total", "federal_planned", "federal_raised"}


def test_data_years_span_the_claim_and_the_budgets():
    assert views.data_years(load_registry(), load_programme_budgets()) == (1996, 2018)


def test_timeline_events_of_the_claimed_programme_years():
    timeline = pd.DataFrame(
        {
            "start_date": ["1996-04-15", "2002", "2003-09-10", "1997"],
            "country": ["RU", "RU", "CN", "RU"],
            "source_id": ["s"] * 4,
        }
    )
    events = views.timeline_events(timeline, "RU", 1996, 2002)
    assert list(events["start_date"]) == ["1996-04-15", "1997", "2002"]
