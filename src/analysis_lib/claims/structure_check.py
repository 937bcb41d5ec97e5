"""The structure claim: "for 20 years the model of China-Russia trade has not changed".

Read on the SITC sections of ``trade_structure`` under two groupings of goods
(:data:`STRUCTURE_GROUPINGS`); the first decides the verdict, and the
explanation says whether the other grouping would give another one.
"""

from __future__ import annotations

from analysis_lib.claims import record_rules, rules
from analysis_lib.claims.evidence import Evidence, Finding, cite
from analysis_lib.claims.registry import parse_filters

# The structure proxy, the grouping the verdict uses. "Commodities" that China
# imports from Russia: SITC 2 (crude materials) + 3 (mineral fuels), raw
# materials in the narrow sense; "consumer goods" that China exports to Russia:
# SITC 6 + 7 + 8 (manufactures). SITC 8 alone would be closer to consumer goods
# but would fail the claim for 2015 by construction (37.4%), so the broad group
# is the claim's most favourable honest reading of that side.
STRUCTURE_GROUPS = (
    ("RU→CN crude materials + fuels (SITC2+3)", "RU", "CN", ("SITC2", "SITC3")),
    ("CN→RU manufactures (SITC6+7+8)", "CN", "RU", ("SITC6", "SITC7", "SITC8")),
)
# The other defensible grouping the SITC sections allow: one partition for both
# flows, resource-based goods (food, crude materials, fuels, chemicals and basic
# manufactures such as metals: SITC 0+2+3+5+6) against finished manufactures
# (machinery and miscellaneous manufactured goods: SITC 7+8). It counts Russia's
# metals and fertilisers of the 1990s as the resource exports they are.
RESOURCE_BASED_GROUPS = (
    (
        "RU→CN resource-based goods (SITC0+2+3+5+6)",
        "RU",
        "CN",
        ("SITC0", "SITC2", "SITC3", "SITC5", "SITC6"),
    ),
    ("CN→RU finished manufactures (SITC7+8)", "CN", "RU", ("SITC7", "SITC8")),
)
STRUCTURE_GROUPINGS = (
    (
        "raw_materials",
        "raw materials (SITC2+3) against manufactures (SITC6+7+8)",
        STRUCTURE_GROUPS,
    ),
    (
        "resource_based",
        "resource-based goods (SITC0+2+3+5+6) against finished manufactures (SITC7+8)",
        RESOURCE_BASED_GROUPS,
    ),
)
"""The groupings the structure claim is read under, ``(key, name, groups)``; the first
decides the verdict."""


def _describe_filters(claim: dict) -> str:
    return ";".join(f"{c}={v}" for c, v in parse_filters(claim.get("filters")))


def _close(judgement: rules.Judgement) -> str:
    return f"{judgement.rule} → {judgement.verdict} ({judgement.severity})."


def _grouping_shares(claim: dict, rows, groups, years):
    """Return ``({label: {year: share}}, source ids, failure)`` of one grouping of goods."""
    shares: dict[str, dict[int, float]] = {}
    used_ids: set[str] = set()
    for label, exporter, importer, categories in groups:
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
                why = (
                    f"trade_structure with {_describe_filters(claim)} has no {lacking} share "
                    f"for {exporter}→{importer} {year}, so the structure proxy cannot be computed."
                )
                return None, used_ids, Finding(rules.UNVERIFIABLE, None, why)
            shares[label][year] = float(chosen["share_pct"].sum())
            used_ids |= set(chosen["source_id"].astype(str))
    return shares, used_ids, None


def _shares_text(shares: dict[str, dict[int, float]]) -> str:
    return "; ".join(
        f"{label}: " + ", ".join(f"{share:.1f}% in {year}" for year, share in by_year.items())
        for label, by_year in shares.items()
    )


def check_structure_proxy(claim: dict, evidence: Evidence) -> Finding:
    """Judge "the model of trade has not changed" on shares of SITC groups at both ends.

    The verdict uses the first grouping of :data:`STRUCTURE_GROUPINGS`; the
    explanation gives the other grouping's result too and says whether the
    verdict depends on the grouping.
    """
    rows = evidence.rows("trade_structure", parse_filters(claim.get("filters")))
    years = (int(claim["year"]), int(claim["year_end"]))
    (_, name, groups), (_, other_name, other_groups) = STRUCTURE_GROUPINGS
    shares, used_ids, failure = _grouping_shares(claim, rows, groups, years)
    if failure:
        return failure
    judgement = record_rules.judge_majority_both_ends(shares)
    explanation = (
        f"trade_structure ({_describe_filters(claim)}) {cite(used_ids)}, shares of each flow: "
        f"{_shares_text(shares)}. The claimed unchanged model (China imports commodities from "
        f"Russia and exports consumer goods to it) must dominate both flows in {years[0]} and "
        f"{years[1]}. Grouping used for the verdict: {name}. {_close(judgement)}"
    )
    other, other_ids, other_failure = _grouping_shares(claim, rows, other_groups, years)
    if other_failure:
        explanation += f" The other grouping ({other_name}) cannot be computed: " + (
            other_failure.explanation
        )
    else:
        used_ids |= other_ids
        alternative = record_rules.judge_majority_both_ends(other)
        decides = (
            "The grouping decides the verdict: under the other grouping the claim is "
            f"{alternative.verdict}."
            if alternative.verdict != judgement.verdict
            else f"The verdict does not depend on the grouping: both give {judgement.verdict}."
        )
        explanation += (
            f" Other grouping, {other_name}: {_shares_text(other)}. {_close(alternative)} "
            f"{decides}"
        )
    computed = "; ".join(
        f"{label.split(' ')[0]} " + "→".join(f"{share:.1f}%" for share in by_year.values())
        for label, by_year in shares.items()
    )
    return Finding(
        judgement.verdict, computed, explanation, tuple(sorted(used_ids)), judgement.severity
    )


def grouping_verdicts(claim: dict, evidence: Evidence) -> list[tuple[str, str | None]]:
    """Return ``(grouping key, verdict)`` for each grouping of :data:`STRUCTURE_GROUPINGS`.

    The verdict is None when the data lack a share that grouping needs.
    """
    rows = evidence.rows("trade_structure", parse_filters(claim.get("filters")))
    years = (int(claim["year"]), int(claim["year_end"]))
    verdicts = []
    for key, _name, groups in STRUCTURE_GROUPINGS:
        shares, _ids, failure = _grouping_shares(claim, rows, groups, years)
        verdict = None if failure else record_rules.judge_majority_both_ends(shares).verdict
        verdicts.append((key, verdict))
    return verdicts
