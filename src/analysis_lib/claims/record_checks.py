"""Checks of claims against one recorded table: timeline, programme budgets, trade structure.

The audit source of these results is the table's name. Each function returns
a :class:`Finding` whose explanation names the rows used, their sources and
the rule that decided; explanations and computed values are
:class:`~analysis_lib.phrases.Phrase` (or marked text), so a report can show
them in its language.
"""

from __future__ import annotations

import re

from analysis_lib.claims import period_rules, record_rules, rules
from analysis_lib.claims.evidence import Evidence, Finding
from analysis_lib.claims.funding_check import check_funding_share
from analysis_lib.claims.record_notes import (
    finding_of,
    record_note,
    registry_note,
    sources_cited,
    with_note,
)
from analysis_lib.claims.registry import parse_filters
from analysis_lib.claims.structure_check import (  # noqa: F401 (STRUCTURE_GROUPS: stories)
    STRUCTURE_GROUPS,
    check_structure_proxy,
)
from analysis_lib.i18n import N_
from analysis_lib.phrases import (
    Code,
    Date,
    English,
    Figure,
    Localized,
    Phrase,
    joined,
    nphrase,
    phrase,
)

_KNOWN_TO = {
    "day": N_("{record}: start {start} (known to the day); claimed {claimed}."),
    "month": N_("{record}: start {start} (known to the month); claimed {claimed}."),
    "year": N_("{record}: start {start} (known to the year); claimed {claimed}."),
}


def _describe_filters(claim: dict) -> Code:
    return Code(";".join(f"{c}={v}" for c, v in parse_filters(claim.get("filters"))))


def _claimed(claim: dict):
    """Return the claimed text marked by its kind: a date, an English name, a figure."""
    text = claim["claimed_text"]
    if claim.get("check") == "event_date":
        return Date(text)
    if claim.get("check") in ("programme_name", "recorded_outcome"):
        return English(text)
    return Figure(text)


def _one_record(claim: dict, table: str, evidence: Evidence) -> tuple[dict | None, Finding | None]:
    rows = evidence.rows(table, parse_filters(claim.get("filters")))
    if len(rows) == 1:
        record = rows.to_dict("records")[0]
        if record["source_id"] == claim["source_id"]:
            # A record that cites the claim's own source cannot confirm it.
            why = phrase(
                "{table} row {filters} cites only {source}, the claim's own source, so no "
                "independent record can check the claimed {claimed}.",
                table=Code(table),
                filters=_describe_filters(claim),
                source=Code(repr(record["source_id"])),
                claimed=_claimed(claim),
            )
            return None, Finding(
                rules.UNVERIFIABLE, None, with_note(why, claim), (record["source_id"],)
            )
        return record, None
    fields = {"table": Code(table), "filters": _describe_filters(claim)}
    if rows.empty:
        why = phrase(
            "{table} has no row with {filters}, so there is no recorded figure to compare with "
            "the claim.",
            **fields,
        )
    else:
        why = nphrase(
            "{table} has {n} rows (expected one) with {filters}, so there is no recorded "
            "figure to compare with the claim.",
            "{table} has {n} rows (expected one) with {filters}, so there is no recorded "
            "figure to compare with the claim.",
            len(rows),
            **fields,
        )
    return None, Finding(rules.UNVERIFIABLE, None, with_note(why, claim))


def _year_of(value: object) -> int | None:
    text = "" if value is None else str(value).strip()
    if text in ("", "nan", "NaT", "<NA>", "None"):
        return None
    parts, _precision = period_rules.parse_partial_date(text[:10])
    return parts[0]


def _record_label(record: dict) -> Phrase:
    return phrase(
        "timeline {event} ({title}) {sources}",
        event=Code(record["event_id"]),
        title=Localized(str(record.get("title_en", "")), ru=record.get("title_ru")),
        sources=sources_cited([record["source_id"]]),
    )


def check_event_date(claim: dict, evidence: Evidence) -> Finding:
    """Compare a claimed date (or year) with the event's recorded start date."""
    record, failure = _one_record(claim, "timeline", evidence)
    if failure:
        return failure
    start = str(record["start_date"])[:10]
    precision = str(record["date_precision"])
    if claim["tolerance"] == "same_date_at_precision":
        judgement = period_rules.judge_same_date_at_precision(
            claim["claimed_text"], start, precision
        )
    else:
        claimed_year = period_rules.parse_partial_date(claim["claimed_text"])[0][0]
        judgement = period_rules.judge_same_year((claimed_year,), (_year_of(start),))
    recorded = Phrase(
        _KNOWN_TO[precision],
        {
            "record": _record_label(record),
            "start": Date(start),
            "claimed": Date(claim["claimed_text"]),
        },
    )
    explanation = joined(
        [recorded, rules.close(judgement), record_note(record), registry_note(claim)], " "
    )
    return finding_of(judgement, Date(start), explanation, (record["source_id"],))


def check_period(claim: dict, evidence: Evidence) -> Finding:
    """Compare a claimed period (first and last year) with the recorded start and end."""
    record, failure = _one_record(claim, "timeline", evidence)
    if failure:
        return failure
    start, end = _year_of(record["start_date"]), _year_of(record.get("end_date"))
    if end is None:
        why = phrase(
            "{record} has no {column}, so the period cannot be compared.",
            record=_record_label(record),
            column=Code("end_date"),
        )
        return Finding(rules.UNVERIFIABLE, None, why, (record["source_id"],))
    claimed = (int(claim["year"]), int(claim["year_end"]))
    judgement = period_rules.judge_same_year(claimed, (start, end))
    recorded = phrase(
        "{record}: from {start} to {end}; claimed {claimed}.",
        record=_record_label(record),
        start=Date(record["start_date"]),
        end=Date(record["end_date"]),
        claimed=Figure(claim["claimed_text"]),
    )
    computed = phrase("{first}–{last}", first=start, last=end)
    explanation = joined([recorded, rules.close(judgement)], " ")
    return finding_of(judgement, computed, explanation, (record["source_id"],))


def _horizon(record: dict) -> tuple[int, int] | None:
    low, high = record.get("horizon_min_years"), record.get("horizon_max_years")
    if _is_blank(low) or _is_blank(high):
        return None
    return int(low), int(high)


def _is_blank(value: object) -> bool:
    return value is None or str(value).strip() in ("", "nan", "<NA>", "None")


def _years(shown, n: int) -> Phrase:
    """Return ``"10–15 years"``; ``n`` (the upper bound) chooses the plural form."""
    return nphrase("{shown} years", "{shown} years", n, shown=shown)


def _claimed_years(claim: dict) -> Phrase:
    """Return ``"claimed 10 – 15 years."``."""
    _, high = period_rules.parse_range(claim["claimed_text"])
    return nphrase(
        "claimed {claimed} years.",
        "claimed {claimed} years.",
        int(high),
        claimed=Figure(claim["claimed_text"]),
    )


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
        judgement = period_rules.judge_within_range(low, high, claim["claimed_text"], "years")
        shown = phrase("{low}–{high}", low=low, high=high) if low != high else low
        recorded = nphrase(
            "{record}: the document states a horizon of {shown} years from {start}",
            "{record}: the document states a horizon of {shown} years from {start}",
            high,
            record=_record_label(record),
            shown=shown,
            start=Date(record["start_date"]),
        )
        explanation = joined(
            [
                joined([recorded, _claimed_years(claim)], "; "),
                rules.close(judgement),
                registry_note(claim),
            ],
            " ",
        )
        return finding_of(judgement, _years(shown, high), explanation, ids)
    start, end = _year_of(record["start_date"]), _year_of(record.get("end_date"))
    if end is None:
        why = phrase(
            "{record} states no horizon and has no {column}, so the horizon of "
            "{claimed}{unit} cannot be checked.",
            record=_record_label(record),
            column=Code("end_date"),
            claimed=Figure(claim["claimed_text"]),
            unit=rules.unit_suffix(claim["unit"]),
        )
        return Finding(rules.UNVERIFIABLE, None, with_note(why, claim), ids)
    years = end - start
    judgement = period_rules.judge_within_range(
        years, years, claim["claimed_text"], "years", stated=False
    )
    recorded = nphrase(
        "{record}: {end} − {start} = {years} years",
        "{record}: {end} − {start} = {years} years",
        years,
        record=_record_label(record),
        end=end,
        start=start,
        years=years,
    )
    explanation = joined(
        [joined([recorded, _claimed_years(claim)], "; "), rules.close(judgement)], " "
    )
    return finding_of(judgement, _years(years, years), explanation, ids)


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
        why = phrase(
            "{record} quotes no name, so the claimed name cannot be compared.",
            record=_record_label(record),
        )
        return Finding(rules.UNVERIFIABLE, None, with_note(why, claim), (record["source_id"],))
    title_ru = record.get("title_ru")
    name = Localized(name, ru=_quoted_name(title_ru) if isinstance(title_ru, str) else None)
    judgement = record_rules.judge_same_words(claim["claimed_text"], name)
    compared = phrase(
        "{record}: the programme's name is {name}; claimed {claimed}. Years, dashes and the "
        "words {fillers} are not compared.",
        record=_record_label(record),
        name=record_rules.quoted(name),
        claimed=record_rules.quoted(English(claim["claimed_text"])),
        fillers=English(", ".join(sorted(record_rules.FILLER_WORDS))),
    )
    explanation = joined([compared, rules.close(judgement)], " ")
    return finding_of(judgement, name, explanation, (record["source_id"],))


def _finding_of(title: object) -> str | None:
    """Return what an audit's title says it found: the text after ``": "`` (or all of it)."""
    if not isinstance(title, str):
        return None
    return title.split(": ", 1)[1] if ": " in title else title


def check_recorded_outcome(claim: dict, evidence: Evidence) -> Finding:
    """Check a claimed outcome against a dated record of the result (kind ``audit``)."""
    record, failure = _one_record(claim, "timeline", evidence)
    if failure:
        return failure
    if record.get("kind") != "audit":
        why = phrase(
            "{record} is a {kind}, not an audit of the programme's result, so the claimed "
            "outcome cannot be checked.",
            record=_record_label(record),
            kind=Code(repr(record.get("kind"))),
        )
        return Finding(rules.UNVERIFIABLE, None, with_note(why, claim), (record["source_id"],))
    year = _year_of(record["start_date"])
    finding = Localized(
        _finding_of(str(record.get("title_en", ""))), ru=_finding_of(record.get("title_ru"))
    )
    judgement = record_rules.judge_record_supports(
        year, int(claim["year"]), int(claim["year_end"]), finding
    )
    explanation = joined(
        [
            phrase(
                "{record}; claimed {claimed}.",
                record=_record_label(record),
                claimed=record_rules.quoted(English(claim["claimed_text"])),
            ),
            rules.close(judgement),
            registry_note(claim),
        ],
        " ",
    )
    computed = phrase("{year}: {finding}", year=year, finding=finding)
    return finding_of(judgement, computed, explanation, (record["source_id"],))


RECORD_CHECK_FUNCTIONS = {
    "event_date": check_event_date,
    "period": check_period,
    "duration": check_duration,
    "funding_share": check_funding_share,
    "structure_proxy": check_structure_proxy,
    "programme_name": check_programme_name,
    "recorded_outcome": check_recorded_outcome,
}
