"""Notebook 03's story: events in a year range, the article's dates against the timeline."""

from __future__ import annotations

import pandas as pd

from analysis_lib.loaders import load_table
from analysis_lib.record import read_values
from analysis_lib.stories import policy_timeline
from analysis_lib.views import common as data
from analysis_lib.views import policy_timeline as views


def events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_id": ["programme", "early", "late", "inside"],
            "start_date": ["1996-04-15", "1990", "2020-01", "2003-09-10"],
            "end_date": pd.array(["2005", None, None, None], dtype="string"),
        }
    )


def test_events_in_range_keeps_programmes_that_overlap():
    kept = views.events_in_range(events(), 2000, 2010)
    assert list(kept["event_id"]) == ["programme", "inside"]


def test_events_in_range_excludes_everything_outside():
    assert views.events_in_range(events(), 2011, 2018).empty


def test_trade_in_range_keeps_only_years_with_values():
    series = pd.Series({1995: 5.0, 1996: 6.0, 2000: 8.0}).rename_axis("year")
    table = views.trade_in_range(series, 1996, 2018)
    assert list(table["year"]) == [1996, 2000]


def test_real_dates_decree_differs_by_a_day():
    table = views.date_claims(
        data.load_claims(),
        load_table("timeline"),
        data.audit_results(source="timeline"),
    ).set_index("claim_id")
    decree = table.loc["decree-1996-date"]
    assert decree["verdict"] == "inconsistent"
    assert decree["claimed_text"] != decree["start_date"]
    assert table.loc["strategy-2003", "verdict"] == "consistent"


def test_cells_draw_the_timeline_and_record_verdicts(tmp_path, said, run_cells):
    cells = run_cells("03-policy-timeline", lang="ru")
    assert not cells["events"].empty and not cells["dates"].empty
    values = read_values(tmp_path / "out")["values"]
    assert values["verdict_decree-1996-date"] == "inconsistent"
    assert values["severity_decree-1996-date"] == "minor"
    assert values["verdict_footnote-5-source"] == "inconsistent"
    assert values["article_written_no_earlier_than"] == "2016-04-26"
    assert any("не раньше" in text for text in said)
    assert values["programmes_count"] >= 1
    assert (tmp_path / "out" / "policy_timeline.png").exists()
    assert any("Указ" in text for text in said)


def test_a_narrow_range_counts_only_the_programme_running_through_it(tmp_path, said):
    report = policy_timeline.start(
        start_year=2017, end_year=2018, output_dir=str(tmp_path / "out")
    )
    events, trade = policy_timeline.events(report), policy_timeline.trade(report)
    policy_timeline.tell_timeline(report, events, trade)
    values = read_values(tmp_path / "out")["values"]
    assert (values["programmes_count"], values["events_count"]) == (1, 0)
    assert values["trade_2017_imf_dots_cn_usd_bn"] > 0
