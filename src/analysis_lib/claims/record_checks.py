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
from analysis_lib.claims.evidence import Evidence, Finding, cite
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
    Term,
    joined,
    nphrase,
    phrase,
)

_KNOWN_TO = {
    "day": N_("{record}: start {start} (known to the day); claimed {claimed}."),
    "month": N_("{record}: start {start} (known to the month); claimed {claimed}."),
    "year": N_("{record}: start {start} (known to the year); claimed {claimed}."),
}

MONEY = {("bn", "RUB"): N_("bn RUB"), ("bn", "USD"): N_("bn USD")}
"""Amounts' ``(unit, currency)`` as the funding share prints them, as catalog messages."""


def _describe_filters(claim: dict) -> Code:
    return Code(";".join(f"{c}={v}" for c, v in parse_filters(claim.get("filters"))))


def _sources(source_ids) -> Code:
    return Code(cite(source_ids))


def _claimed(claim: dict):
    """Return the claimed text marked by its kind: a date, an English name, a figure."""
    text = claim["claimed_text"]
    if claim.get("check") == "event_date":
        return Date(text)
    if claim.get("check") in ("programme_name", "recorded_outcome"):
        return English(text)
    return Figure(text)


def _present(text: object) -> bool:
    return isinstance(text, str) and bool(text.strip())


def _note(claim: dict) -> Phrase | str:
    """Return the registry's note on the claim as a sentence, or "" when it has none."""
    note = claim.get("note")
    if not _present(note):
        return ""
    return phrase("Registry note: {note}", note=Localized(note, ru=claim.get("note_ru")))


def _record_note(record: dict) -> Phrase | str:
    note = record.get("note")
    if not _present(note):
        return ""
    return phrase("Record note: {note}", note=Localized(note, ru=record.get("note_ru")))


def _with_note(sentence: Phrase, claim: dict) -> Phrase:
    """Return ``sentence`` followed by the registry note (when the claim has one)."""
    return joined([sentence, _note(claim)], " ")


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
                rules.UNVERIFIABLE, None, _with_note(why, claim), (record["source_id"],)
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
    return None, Finding(rules.UNVERIFIABLE, None, _with_note(why, claim))


def _finding(judgement: rules.Judgement, computed, explanation, ids) -> Finding:
    return Finding(judgement.verdict, computed, explanation, tuple(ids), judgement.severity)


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
        sources=_sources([record["source_id"]]),
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
        [recorded, rules.close(judgement), _record_note(record), _note(claim)], " "
    )
    return _finding(judgement, Date(start), explanation, (record["source_id"],))


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
    return _finding(judgement, computed, explanation, (record["source_id"],))


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
                _note(claim),
            ],
            " ",
        )
        return _finding(judgement, _years(shown, high), explanation, ids)
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
        return Finding(rules.UNVERIFIABLE, None, _with_note(why, claim), ids)
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
    return _finding(judgement, _years(years, years), explanation, ids)


def _money(unit: str, currency: str) -> Term | English:
    name = MONEY.get((unit, currency))
    return Term(name) if name else English(f"{unit} {currency}")


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
    where = phrase(
        "{table} rows with {filters}",
        table=Code("programme_budgets"),
        filters=Code(";".join(f"{c}={v}" for c, v in programme)),
    )
    ids = tuple(sorted(set(rows["source_id"].astype(str))))
    claimed = Figure(claim["claimed_text"])
    if rows.empty:
        why = phrase(
            "{where} has no row, so no recorded figure can check the claimed {claimed}.",
            where=where,
            claimed=claimed,
        )
        return Finding(rules.UNVERIFIABLE, None, _with_note(why, claim))
    measures = rows["measure"].astype("string")
    chosen = rows[measures.isin([funded_measure, needed_measure])]
    present = set(chosen["measure"].astype(str))
    if (
        present != {funded_measure, needed_measure}
        or len(chosen[["unit", "currency"]].drop_duplicates()) != 1
    ):
        why = phrase(
            "{where} needs amounts of measure {funded} and {needed} in one unit and currency; "
            "found measures {found}.",
            where=where,
            funded=Code(repr(funded_measure)),
            needed=Code(repr(needed_measure)),
            found=Code(str(sorted(set(measures.astype(str))))),
        )
        return Finding(rules.UNVERIFIABLE, None, _with_note(why, claim), ids)
    funded = float(chosen.loc[measures == funded_measure, "amount"].sum())
    needed = float(chosen.loc[measures == needed_measure, "amount"].sum())
    if needed <= 0:
        why = phrase(
            "{where}: {measure} is {amount}.",
            where=where,
            measure=Code(needed_measure),
            amount=Figure(f"{needed:g}"),
        )
        return Finding(rules.UNVERIFIABLE, None, why, ids)
    share = funded / needed * 100
    judgement = rules.judge_half_last_digit(share, claim["claimed_text"], "%")
    arithmetic = phrase(
        "{where} {sources}: {funded_measure} {funded} / {needed_measure} {needed} {money} "
        "× 100 = {share}%; claimed {claimed}.",
        where=where,
        sources=_sources(ids),
        funded_measure=Code(funded_measure),
        funded=Figure(f"{funded:g}"),
        needed_measure=Code(needed_measure),
        needed=Figure(f"{needed:g}"),
        money=_money(str(chosen["unit"].iloc[0]), str(chosen["currency"].iloc[0])),
        share=Figure(f"{share:.2f}"),
        claimed=claimed,
    )
    explanation = joined([arithmetic, rules.close(judgement)], " ")
    return _finding(judgement, Figure(f"{share:.2f}%"), explanation, ids)


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
        return Finding(rules.UNVERIFIABLE, None, _with_note(why, claim), (record["source_id"],))
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
    return _finding(judgement, name, explanation, (record["source_id"],))


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
        return Finding(rules.UNVERIFIABLE, None, _with_note(why, claim), (record["source_id"],))
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
            _note(claim),
        ],
        " ",
    )
    computed = phrase("{year}: {finding}", year=year, finding=finding)
    return _finding(judgement, computed, explanation, (record["source_id"],))


RECORD_CHECK_FUNCTIONS = {
    "event_date": check_event_date,
    "period": check_period,
    "duration": check_duration,
    "funding_share": check_funding_share,
    "structure_proxy": check_structure_proxy,
    "programme_name": check_programme_name,
    "recorded_outcome": check_recorded_outcome,
}
