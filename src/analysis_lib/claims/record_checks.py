"""Checks of claims against one recorded table: timeline, programme budgets, trade structure.

The audit source of these results is the table's name. Each function returns
a :class:`Finding` whose explanation names the rows used, their sources and
the rule that decided.
"""

from __future__ import annotations

import re

from analysis_lib.claims import record_rules, rules
from analysis_lib.claims.evidence import Evidence, Finding, cite
from analysis_lib.claims.registry import parse_filters
from analysis_lib.claims.structure_check import (  # noqa: F401 (STRUCTURE_GROUPS: stories)
    STRUCTURE_GROUPS,
    check_structure_proxy,
)


def _describe_filters(claim: dict) -> str:
    return ";".join(f"{c}={v}" for c, v in parse_filters(claim.get("filters")))


def _note(claim: dict) -> str:
    note = claim.get("note")
    return f" Registry note: {note}" if isinstance(note, str) and note.strip() else ""


def _one_record(claim: dict, table: str, evidence: Evidence) -> tuple[dict | None, Finding | None]:
    rows = evidence.rows(table, parse_filters(claim.get("filters")))
    if len(rows) == 1:
        record = rows.to_dict("records")[0]
        if record["source_id"] == claim["source_id"]:
            # A record that cites the claim's own source cannot confirm it.
            return None, Finding(
                rules.UNVERIFIABLE,
                None,
                f"{table} row {_describe_filters(claim)} cites only {record['source_id']!r}, the "
                f"claim's own source, so no independent record can check the claimed "
                f"{claim['claimed_text']}.{_note(claim)}",
                (record["source_id"],),
            )
        return record, None
    problem = "no row" if rows.empty else f"{len(rows)} rows (expected one)"
    finding = Finding(
        rules.UNVERIFIABLE,
        None,
        f"{table} has {problem} with {_describe_filters(claim)}, so there is no recorded figure "
        f"to compare with the claim.{_note(claim)}",
    )
    return None, finding


def _close(judgement: rules.Judgement) -> str:
    if judgement.severity is None:
        return f"{judgement.rule} → {judgement.verdict}."
    return f"{judgement.rule} → {judgement.verdict} ({judgement.severity})."


def _finding(judgement: rules.Judgement, computed, explanation, ids) -> Finding:
    return Finding(judgement.verdict, computed, explanation, tuple(ids), judgement.severity)


def _year_of(value: object) -> int | None:
    text = "" if value is None else str(value).strip()
    if text in ("", "nan", "NaT", "<NA>", "None"):
        return None
    parts, _precision = rules.parse_partial_date(text[:10])
    return parts[0]


def _record_label(record: dict) -> str:
    title = record.get("title_en", "")
    return f"timeline {record['event_id']} ({title}) {cite([record['source_id']])}"


def check_event_date(claim: dict, evidence: Evidence) -> Finding:
    """Compare a claimed date (or year) with the event's recorded start date."""
    record, failure = _one_record(claim, "timeline", evidence)
    if failure:
        return failure
    start = str(record["start_date"])[:10]
    precision = str(record["date_precision"])
    if claim["tolerance"] == "same_date_at_precision":
        judgement = rules.judge_same_date_at_precision(claim["claimed_text"], start, precision)
    else:
        claimed_year = rules.parse_partial_date(claim["claimed_text"])[0][0]
        judgement = rules.judge_same_year((claimed_year,), (_year_of(start),))
    note = record.get("note")
    recorded_note = f" Record note: {note}" if isinstance(note, str) and note.strip() else ""
    explanation = (
        f"{_record_label(record)}: start {start} (known to the {precision}); claimed "
        f"{claim['claimed_text']}. {_close(judgement)}{recorded_note}{_note(claim)}"
    )
    return _finding(judgement, start, explanation, (record["source_id"],))


def _record_years(claim: dict, evidence: Evidence, no_end: str):
    """Return ``(record, start year, end year, failure)`` of the claim's timeline row.

    ``failure`` is a Finding when there is no single row, or (unverifiable, with
    ``no_end`` after the row's label) when the row has no end date.
    """
    record, failure = _one_record(claim, "timeline", evidence)
    if failure:
        return None, None, None, failure
    start, end = _year_of(record["start_date"]), _year_of(record.get("end_date"))
    if end is None:
        failure = Finding(
            rules.UNVERIFIABLE, None, f"{_record_label(record)} {no_end}", (record["source_id"],)
        )
    return record, start, end, failure


def check_period(claim: dict, evidence: Evidence) -> Finding:
    """Compare a claimed period (first and last year) with the recorded start and end."""
    record, start, end, failure = _record_years(
        claim, evidence, "has no end_date, so the period cannot be compared."
    )
    if failure:
        return failure
    claimed = (int(claim["year"]), int(claim["year_end"]))
    judgement = rules.judge_same_year(claimed, (start, end))
    explanation = (
        f"{_record_label(record)}: from {record['start_date']} to {record['end_date']}; "
        f"claimed {claim['claimed_text']}. {_close(judgement)}"
    )
    return _finding(judgement, f"{start}–{end}", explanation, (record["source_id"],))


def _horizon(record: dict) -> tuple[int, int] | None:
    low, high = record.get("horizon_min_years"), record.get("horizon_max_years")
    if _is_blank(low) or _is_blank(high):
        return None
    return int(low), int(high)


def _is_blank(value: object) -> bool:
    return value is None or str(value).strip() in ("", "nan", "<NA>", "None")


def check_duration(claim: dict, evidence: Evidence) -> Finding:
    """Compare a claimed horizon in years with the horizon the document states.

    A document that states no horizon but has an end date gives
    ``end year - start year`` instead.
    """
    record, failure = _one_record(claim, "timeline", evidence)
    if failure:
        return failure
    ids = (record["source_id"],)
    stated = _horizon(record)
    if stated is not None:
        low, high = stated
        judgement = rules.judge_within_range(low, high, claim["claimed_text"], "years")
        shown = f"{low}–{high}" if low != high else str(low)
        explanation = (
            f"{_record_label(record)}: the document states a horizon of {shown} years from "
            f"{record['start_date']}; claimed {claim['claimed_text']} years. "
            f"{_close(judgement)}{_note(claim)}"
        )
        return _finding(judgement, f"{shown} years", explanation, ids)
    start, end = _year_of(record["start_date"]), _year_of(record.get("end_date"))
    if end is None:
        return Finding(
            rules.UNVERIFIABLE,
            None,
            f"{_record_label(record)} states no horizon and has no end_date, so the horizon "
            f"of {claim['claimed_text']} {claim['unit']} cannot be checked.{_note(claim)}",
            ids,
        )
    years = end - start
    judgement = rules.judge_within_range(
        years, years, claim["claimed_text"], "years", stated=False
    )
    explanation = (
        f"{_record_label(record)}: {end} − {start} = {years} years; claimed "
        f"{claim['claimed_text']} years. {_close(judgement)}"
    )
    return _finding(judgement, f"{years} years", explanation, ids)


def check_funding_share(claim: dict, evidence: Evidence) -> Finding:
    """Compare a claimed funding share with ``funded / needed × 100`` of the programme.

    The claim's filters name two ``measure`` values, the funds provided first and
    the funds needed second (``...;measure=committed;measure=budget``); the other
    filters choose the programme's rows. Amounts of each measure are summed.
    """
    filters = parse_filters(claim.get("filters"))
    funded_measure, needed_measure = [v for c, v in filters if c == "measure"][:2]
    programme = tuple((c, v) for c, v in filters if c != "measure")
    rows = evidence.rows("programme_budgets", programme)
    where = "programme_budgets rows with " + ";".join(f"{c}={v}" for c, v in programme)
    ids = tuple(sorted(set(rows["source_id"].astype(str))))
    if rows.empty:
        return Finding(
            rules.UNVERIFIABLE,
            None,
            f"{where} has no row, so no recorded figure can check the claimed "
            f"{claim['claimed_text']}.{_note(claim)}",
        )
    measures = rows["measure"].astype("string")
    chosen = rows[measures.isin([funded_measure, needed_measure])]
    present = set(chosen["measure"].astype(str))
    if (
        present != {funded_measure, needed_measure}
        or len(chosen[["unit", "currency"]].drop_duplicates()) != 1
    ):
        return Finding(
            rules.UNVERIFIABLE,
            None,
            f"{where} needs amounts of measure {funded_measure!r} and {needed_measure!r} in one "
            f"unit and currency; found measures {sorted(set(measures.astype(str)))}."
            f"{_note(claim)}",
            ids,
        )
    funded = float(chosen.loc[measures == funded_measure, "amount"].sum())
    needed = float(chosen.loc[measures == needed_measure, "amount"].sum())
    if needed <= 0:
        return Finding(rules.UNVERIFIABLE, None, f"{where}: {needed_measure} is {needed:g}.", ids)
    share = funded / needed * 100
    judgement = rules.judge_half_last_digit(share, claim["claimed_text"], "%")
    money = f"{chosen['unit'].iloc[0]} {chosen['currency'].iloc[0]}"
    explanation = (
        f"{where} {cite(ids)}: {funded_measure} {funded:g} / {needed_measure} {needed:g} "
        f"{money} × 100 = {share:.2f}%; claimed {claim['claimed_text']}. {_close(judgement)}"
    )
    return _finding(judgement, f"{share:.2f}%", explanation, ids)


def _quoted_name(title: str) -> str | None:
    """Return the name a record's title quotes ("…" or «…»), or None."""
    match = re.search(r"\"([^\"]+)\"|«([^»]+)»", title)
    return (match.group(1) or match.group(2)) if match else None


def check_programme_name(claim: dict, evidence: Evidence) -> Finding:
    """Compare a claimed programme name with the name its record quotes, word by word."""
    record, failure = _one_record(claim, "timeline", evidence)
    if failure:
        return failure
    name = _quoted_name(str(record.get("title_en", "")))
    if name is None:
        return Finding(
            rules.UNVERIFIABLE,
            None,
            f"{_record_label(record)} quotes no name, so the claimed name cannot be "
            f"compared.{_note(claim)}",
            (record["source_id"],),
        )
    judgement = record_rules.judge_same_words(claim["claimed_text"], name)
    explanation = (
        f"{_record_label(record)}: the programme's name is {name!r}; claimed "
        f"{claim['claimed_text']!r}. Years, dashes and the words "
        f"{', '.join(sorted(record_rules.FILLER_WORDS))} are not compared. "
        f"{_close(judgement)}"
    )
    return _finding(judgement, name, explanation, (record["source_id"],))


def check_recorded_outcome(claim: dict, evidence: Evidence) -> Finding:
    """Check a claimed outcome against a dated record of the result (kind ``audit``)."""
    record, failure = _one_record(claim, "timeline", evidence)
    if failure:
        return failure
    if record.get("kind") != "audit":
        return Finding(
            rules.UNVERIFIABLE,
            None,
            f"{_record_label(record)} is a {record.get('kind')!r}, not an audit of the "
            f"programme's result, so the claimed outcome cannot be checked.{_note(claim)}",
            (record["source_id"],),
        )
    year = _year_of(record["start_date"])
    title = str(record.get("title_en", ""))
    finding = title.split(": ", 1)[1] if ": " in title else title
    judgement = record_rules.judge_record_supports(
        year, int(claim["year"]), int(claim["year_end"]), finding
    )
    explanation = (
        f"{_record_label(record)}; claimed {claim['claimed_text']!r}. "
        f"{_close(judgement)}{_note(claim)}"
    )
    return _finding(judgement, f"{year}: {finding}", explanation, (record["source_id"],))


RECORD_CHECK_FUNCTIONS = {
    "event_date": check_event_date,
    "period": check_period,
    "duration": check_duration,
    "funding_share": check_funding_share,
    "structure_proxy": check_structure_proxy,
    "programme_name": check_programme_name,
    "recorded_outcome": check_recorded_outcome,
}
