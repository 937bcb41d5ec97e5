"""The audit runs once per data state in a process, and again as soon as a data file changes."""

from __future__ import annotations

import pytest

from analysis_lib.claims import audit
from analysis_lib.claims.evidence import Evidence


@pytest.fixture
def counted(monkeypatch):
    """Count the audits actually computed (not served from the cache)."""
    calls = []
    compute = audit._audit

    def counting(source, data_dir):
        calls.append(source)
        return compute(source, data_dir)

    monkeypatch.setattr(audit, "_audit", counting)
    audit.clear_cache()
    yield calls
    audit.clear_cache()


def test_the_same_data_is_audited_once(data_copy, counted):
    first = audit.run_audit(data_dir=data_copy)
    second = audit.run_audit(data_dir=data_copy)
    assert first == second and first
    assert counted == ["all"]


def test_a_caller_changing_its_list_does_not_change_the_next_answer(data_copy, counted):
    first = audit.run_audit(data_dir=data_copy)
    size = len(first)
    first.clear()
    assert len(audit.run_audit(data_dir=data_copy)) == size


def test_each_source_is_its_own_audit(data_copy, counted):
    audit.run_audit(data_dir=data_copy, source="timeline")
    audit.run_audit(data_dir=data_copy)
    audit.run_audit(data_dir=data_copy, source="timeline")
    assert counted == ["timeline", "all"]


def test_a_changed_data_file_is_audited_again(data_copy, counted):
    before = audit.run_audit(data_dir=data_copy, source="timeline")
    timeline = data_copy / "timeline.csv"
    lines = timeline.read_text(encoding="utf-8").splitlines(keepends=True)
    timeline.write_text("".join(lines[:1] + lines[2:]), encoding="utf-8")
    after = audit.run_audit(data_dir=data_copy, source="timeline")
    assert counted == ["timeline", "timeline"]
    assert after != before


def test_an_unknown_source_is_refused_before_the_cache(data_copy, counted):
    with pytest.raises(Exception, match="must be one of"):
        audit.run_audit(data_dir=data_copy, source="nope")
    assert counted == []


def test_evidence_keeps_each_trade_point():
    evidence = Evidence()
    first = evidence.trade_point("gacc", "RU", 2014)
    assert evidence.trade_point("gacc", "RU", 2014) is first
    assert first == Evidence().trade_point("gacc", "RU", 2014)


def test_a_kept_audit_still_logs_the_files_it_read(data_copy, counted, tmp_path, monkeypatch):
    from analysis_lib.loaders.reading import READ_LOG_ENV

    first_log, second_log = tmp_path / "first.reads", tmp_path / "second.reads"
    monkeypatch.setenv(READ_LOG_ENV, str(first_log))
    audit.run_audit(data_dir=data_copy)
    monkeypatch.setenv(READ_LOG_ENV, str(second_log))
    audit.run_audit(data_dir=data_copy)
    assert counted == ["all"]
    read = first_log.read_text(encoding="utf-8").splitlines()
    assert any(line.endswith("customs_totals.csv") for line in read)
    assert second_log.read_text(encoding="utf-8").splitlines() == read
