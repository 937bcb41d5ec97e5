"""Checks of claims against one recorded table: timeline, programme budgets, trade structure.

The audit source of these results is the table's name. Each function returns
a :class:`Finding` whose explanation names the rows used, their sources and
the rule that decided.
"""

from __future__ import annotations

from analysis_lib.claims import rules
from analysis_lib.claims.evidence import Evidence, Finding, cite
from analysis_lib.claims.registry import parse_filters

# The structure proxy. "Commodities" that China imports from Russia: SITC 2
# (crude materials) + 3 (mineral fuels); "consumer goods" that China exports
# to Russia: SITC 6 + 7 + 8 (manufactures). SITC 8 alone would be closer to
# consumer goods but would fail the claim for 2015 by construction (37.4%),
# so the broad group is the claim's most favourable honest reading.
STRUCTURE_GROUPS = (
    ("RU→CN crude materials + fuels (SITC2+3)", "RU", "CN", ("SITC2", "SITC3")),
    ("CN→RU manufactures (SITC6+7+8)", "CN", "RU", ("SITC6", "SITC7", "SITC8")),
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
        f"{claim['claimed_text']}. {judgement.rule} → {judgement.verdict}.{recorded_note}"
    )
    return Finding(judgement.verdict, start, explanation, (record["source_id"],))


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
        f"claimed {claim['claimed_text']}. {judgement.rule} → {judgement.verdict}."
    )
    return Finding(judgement.verdict, f"{start}–{end}", explanation, (record["source_id"],))


def check_duration(claim: dict, evidence: Evidence) -> Finding:
    """Compare a claimed horizon in years with ``end year - start year`` of the record."""
    record, start, end, failure = _record_years(
        claim,
        evidence,
        "has no end_date (no cited source states one), so the horizon of "
        f"{claim['claimed_text']} {claim['unit']} cannot be computed.{_note(claim)}",
    )
    if failure:
        return failure
    years = end - start
    judgement = rules.judge_within_range(years, claim["claimed_text"], "years")
    explanation = (
        f"{_record_label(record)}: {end} − {start} = {years} years; claimed "
        f"{claim['claimed_text']} years. {judgement.rule} → {judgement.verdict}."
    )
    return Finding(judgement.verdict, str(years), explanation, (record["source_id"],))


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
        f"{money} × 100 = {share:.2f}%; claimed {claim['claimed_text']}. "
        f"{judgement.rule} → {judgement.verdict}."
    )
    return Finding(judgement.verdict, f"{share:.2f}%", explanation, ids)


def check_structure_proxy(claim: dict, evidence: Evidence) -> Finding:
    """Judge "the model of trade has not changed" on shares of SITC groups at both ends."""
    rows = evidence.rows("trade_structure", parse_filters(claim.get("filters")))
    years = (int(claim["year"]), int(claim["year_end"]))
    shares: dict[str, dict[int, float]] = {}
    used_ids: set[str] = set()
    for label, exporter, importer, categories in STRUCTURE_GROUPS:
        shares[label] = {}
        for year in years:
            chosen = rows[
                (rows["exporter"].astype("string") == exporter)
                & (rows["importer"].astype("string") == importer)
                & (rows["year"].astype("int64") == year)
                & rows["category"].astype("string").isin(categories)
            ]
            found = set(chosen["category"].astype(str))
            if found != set(categories):
                lacking = ", ".join(sorted(set(categories) - found))
                return Finding(
                    rules.UNVERIFIABLE,
                    None,
                    f"trade_structure with {_describe_filters(claim)} has no {lacking} share for "
                    f"{exporter}→{importer} {year}, so the structure proxy cannot be computed.",
                )
            shares[label][year] = float(chosen["share_pct"].sum())
            used_ids |= set(chosen["source_id"].astype(str))
    judgement = rules.judge_majority_both_ends(shares)
    figures = "; ".join(
        f"{label}: " + ", ".join(f"{share:.1f}% in {year}" for year, share in by_year.items())
        for label, by_year in shares.items()
    )
    explanation = (
        f"trade_structure ({_describe_filters(claim)}) {cite(used_ids)}, shares of each flow: "
        f"{figures}. The claimed unchanged model (China imports commodities from Russia and "
        f"exports consumer goods to it) must dominate both flows in {years[0]} and {years[1]}. "
        f"{judgement.rule} → {judgement.verdict}."
    )
    computed = "; ".join(
        f"{label.split(' ')[0]} " + "→".join(f"{share:.1f}%" for share in by_year.values())
        for label, by_year in shares.items()
    )
    return Finding(judgement.verdict, computed, explanation, tuple(sorted(used_ids)))


RECORD_CHECK_FUNCTIONS = {
    "event_date": check_event_date,
    "period": check_period,
    "duration": check_duration,
    "funding_share": check_funding_share,
    "structure_proxy": check_structure_proxy,
}
