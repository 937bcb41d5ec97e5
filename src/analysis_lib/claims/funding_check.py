"""The funding claim: the share of a programme's needed funds that it received.

Read on ``programme_budgets``: the amounts of the two measures the claim names,
summed over the programme's rows.
"""

from __future__ import annotations

from analysis_lib.claims import rules
from analysis_lib.claims.evidence import Evidence, Finding
from analysis_lib.claims.record_notes import finding_of, sources_cited, with_note
from analysis_lib.claims.registry import parse_filters
from analysis_lib.i18n import N_
from analysis_lib.phrases import Code, English, Figure, Term, joined, phrase

MONEY = {("bn", "RUB"): N_("bn RUB"), ("bn", "USD"): N_("bn USD")}
"""Amounts' ``(unit, currency)`` as the funding share prints them, as catalog messages."""


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
        return Finding(rules.UNVERIFIABLE, None, with_note(why, claim))
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
        return Finding(rules.UNVERIFIABLE, None, with_note(why, claim), ids)
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
        sources=sources_cited(ids),
        funded_measure=Code(funded_measure),
        funded=Figure(f"{funded:g}"),
        needed_measure=Code(needed_measure),
        needed=Figure(f"{needed:g}"),
        money=_money(str(chosen["unit"].iloc[0]), str(chosen["currency"].iloc[0])),
        share=Figure(f"{share:.2f}"),
        claimed=claimed,
    )
    explanation = joined([arithmetic, rules.close(judgement)], " ")
    return finding_of(judgement, Figure(f"{share:.2f}%"), explanation, ids)
