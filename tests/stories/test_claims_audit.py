"""Notebook 07's story: selecting, counting and gridding the audit's verdicts."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from analysis_lib.claims.audit import AuditResult
from analysis_lib.exceptions import ParameterError
from analysis_lib.stories import claims_audit
from analysis_lib.views import claims_audit as views
from analysis_lib.views.common import claim_results


def registry() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "claim_id": ["level-2010", "period-1996", "date-2014"],
            "year": pd.array([2010, 1996, 2014], dtype="Int64"),
            "year_end": pd.array([None, 2005, None], dtype="Int64"),
            "statement_en": ["Level in 2010.", "Programme 1996-2005.", "Date in 2014."],
            "statement_ru": ["Уровень 2010.", "Программа 1996-2005.", "Дата 2014."],
        }
    )


def result(claim_id, source, verdict):
    return AuditResult(claim_id, source, verdict, "1", None, "why", ("src", "article"))


RESULTS = [
    result("level-2010", "gacc", "consistent"),
    result("level-2010", "imf_dots_cn", "inconsistent"),
    result("period-1996", "timeline", "unverifiable"),
    result("date-2014", "timeline", "consistent"),
]


def test_claims_in_years_overlap_the_range():
    chosen = views.claims_in_years(registry(), 2000, 2010)
    assert list(chosen["claim_id"]) == ["level-2010", "period-1996"]
    assert views.claims_in_years(registry(), 2006, 2009).empty


def test_audit_frame_filters_by_years_and_names_statements():
    frame = views.audit_frame(RESULTS, registry(), 2000, 2010, "ru")
    assert list(frame["claim_id"]) == ["level-2010", "level-2010", "period-1996"]
    assert frame["statement"].iloc[0] == "Уровень 2010."
    assert frame["year_end"].tolist() == [2010, 2010, 2005]


def test_verdict_counts_per_source_with_every_verdict():
    counts = views.verdict_counts(views.audit_frame(RESULTS, registry(), 1990, 2020))
    table = counts.set_index("source")
    assert list(table.index) == ["gacc", "imf_dots_cn", "timeline"]
    assert table.loc["timeline", "consistent"] == 1
    assert table.loc["timeline", "unverifiable"] == 1
    assert table.loc["timeline", "inconsistent"] == 0
    assert table.loc["timeline", "total"] == 2


def test_verdict_grid_puts_the_primary_verdicts_in_one_column():
    grid = views.verdict_grid(views.audit_frame(RESULTS, registry(), 1990, 2020))
    # RESULTS are all primary (the default role): one column holds them.
    assert set(grid["source"]) == {views.PRIMARY_COLUMN}
    crossed = [*RESULTS[:1], dataclasses.replace(RESULTS[1], role="cross-check"), *RESULTS[2:]]
    grid = views.verdict_grid(views.audit_frame(crossed, registry(), 1990, 2020))
    assert set(grid["source"]) == {views.PRIMARY_COLUMN, "imf_dots_cn"}
    assert not grid.duplicated(["claim_id", "source"]).any()


def test_cells_tell_the_headline_and_record_primary_verdicts(tmp_path, said, run_cells):
    from analysis_lib.record import read_values

    run_cells("07-claims-audit", lang="en")
    values = read_values(tmp_path / "out")["values"]
    assert values["headline_claims"] == values["claims_in_years"] - 1  # one restatement
    assert values["verdict_ratio-2014-jp"] == "inconsistent"
    assert values["severity_decree-1996-date"] == "minor"
    assert values["grouping_structure-unchanged-20y_raw_materials"] == "inconsistent"
    assert values["grouping_structure-unchanged-20y_resource_based"] == "consistent"
    prose = "\n".join(said)
    headline = (
        f"{values['headline_claims']} claims: {values['headline_consistent']} consistent, "
        f"{values['headline_inconsistent']} inconsistent ({values['headline_minor']} minor), "
        f"{values['headline_unverifiable']} unverifiable"
    )
    assert headline in prose
    assert "the grouping decides its verdict" in prose


@pytest.mark.parametrize("source", views.SOURCES)
def test_check_source_accepts_the_audit_set(source):
    assert views.check_source(source) == source


def test_check_source_error_is_one_line():
    with pytest.raises(ParameterError) as error:
        views.check_source("fcs")
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith("source must be one of 'all', 'gacc'")
    assert message.endswith("not 'fcs'")


def test_start_rejects_an_unknown_source_before_any_work(tmp_path):
    with pytest.raises(ParameterError, match=r"^source must be one of"):
        claims_audit.start(source="nope", output_dir=str(tmp_path))
    assert not any(tmp_path.iterdir())


def test_start_keeps_all_as_the_audit_source(tmp_path):
    report = claims_audit.start(output_dir=str(tmp_path))
    assert report.audit_source == "all"
    assert report.params.source is None
    assert (report.params.start_year, report.params.end_year) == (1995, 2018)


def test_claim_results_on_real_data():
    (funding,) = claim_results("programme-1996-funding")
    assert (funding.source, funding.verdict) == ("programme_budgets", "unverifiable")
    (structure,) = claim_results("structure-unchanged-20y")
    assert structure.verdict == "inconsistent"


def test_claim_results_rejects_an_unknown_claim():
    with pytest.raises(ParameterError, match=r"^claim_id must be one of"):
        claim_results("no-such-claim")
