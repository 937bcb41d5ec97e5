"""The structure claim: "for 20 years the model of China-Russia trade has not changed".

Read on the SITC sections of ``trade_structure`` under two groupings of goods
(:data:`STRUCTURE_GROUPINGS`); the first decides the verdict, and the
explanation says whether the other grouping would give another one.
"""

from __future__ import annotations

from analysis_lib.claims import record_rules, rules
from analysis_lib.claims.evidence import Evidence, Finding, cite
from analysis_lib.claims.registry import parse_filters
from analysis_lib.i18n import N_
from analysis_lib.phrases import Code, Figure, Phrase, Term, joined, phrase

# The structure proxy, the grouping the verdict uses. "Commodities" that China
# imports from Russia: SITC 2 (crude materials) + 3 (mineral fuels), raw
# materials in the narrow sense; "consumer goods" that China exports to Russia:
# SITC 6 + 7 + 8 (manufactures). SITC 8 alone would be closer to consumer goods
# but would fail the claim for 2015 by construction (37.4%), so the broad group
# is the claim's most favourable honest reading of that side.
STRUCTURE_GROUPS = (
    (N_("RU→CN crude materials + fuels (SITC2+3)"), "RU", "CN", ("SITC2", "SITC3")),
    (N_("CN→RU manufactures (SITC6+7+8)"), "CN", "RU", ("SITC6", "SITC7", "SITC8")),
)
# The other defensible grouping the SITC sections allow: one partition for both
# flows, resource-based goods (food, crude materials, fuels, chemicals and basic
# manufactures such as metals: SITC 0+2+3+5+6) against finished manufactures
# (machinery and miscellaneous manufactured goods: SITC 7+8). It counts Russia's
# metals and fertilisers of the 1990s as the resource exports they are.
RESOURCE_BASED_GROUPS = (
    (
        N_("RU→CN resource-based goods (SITC0+2+3+5+6)"),
        "RU",
        "CN",
        ("SITC0", "SITC2", "SITC3", "SITC5", "SITC6"),
    ),
    (N_("CN→RU finished manufactures (SITC7+8)"), "CN", "RU", ("SITC7", "SITC8")),
)
STRUCTURE_GROUPINGS = (
    (
        "raw_materials",
        N_("raw materials (SITC2+3) against manufactures (SITC6+7+8)"),
        STRUCTURE_GROUPS,
    ),
    (
        "resource_based",
        N_("resource-based goods (SITC0+2+3+5+6) against finished manufactures (SITC7+8)"),
        RESOURCE_BASED_GROUPS,
    ),
)
"""The groupings the structure claim is read under, ``(key, name, groups)``; the first
decides the verdict. Names and group labels are catalog messages (shown through
:class:`~analysis_lib.phrases.Term`)."""

FLOWS = {("RU", "CN"): N_("RU→CN"), ("CN", "RU"): N_("CN→RU")}
"""The flows of the groups, as the computed value names them."""


def _describe_filters(claim: dict) -> Code:
    return Code(";".join(f"{c}={v}" for c, v in parse_filters(claim.get("filters"))))


def _flow(exporter: str, importer: str) -> Term | Code:
    name = FLOWS.get((exporter, importer))
    return Term(name) if name else Code(f"{exporter}→{importer}")


def _grouping_shares(claim: dict, rows, groups, years):
    """Return ``({label: {year: share}}, source ids, failure)`` of one grouping of goods.

    The labels are :class:`~analysis_lib.phrases.Term` (their catalog messages).
    """
    shares: dict[str, dict[int, float]] = {}
    used_ids: set[str] = set()
    for label, exporter, importer, categories in groups:
        label = Term(label)
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
                why = phrase(
                    "{table} with {filters} has no {lacking} share for {flow} {year}, so the "
                    "structure proxy cannot be computed.",
                    table=Code("trade_structure"),
                    filters=_describe_filters(claim),
                    lacking=Code(", ".join(sorted(set(categories) - found))),
                    flow=_flow(exporter, importer),
                    year=year,
                )
                return None, used_ids, Finding(rules.UNVERIFIABLE, None, why)
            shares[label][year] = float(chosen["share_pct"].sum())
            used_ids |= set(chosen["source_id"].astype(str))
    return shares, used_ids, None


def _shares_text(shares: dict[str, dict[int, float]]) -> Phrase:
    return joined(
        [
            phrase("{label}: {shares}", label=label, shares=_shares_by_year(by_year))
            for label, by_year in shares.items()
        ],
        "; ",
    )


def _shares_by_year(by_year: dict[int, float]) -> Phrase:
    """Return e.g. ``"7.9% in 1995, 80.8% in 2015"``."""
    return joined(
        [
            phrase("{share}% in {year}", share=Figure(f"{share:.1f}"), year=year)
            for year, share in by_year.items()
        ],
        ", ",
    )


def _computed(shares: dict[str, dict[int, float]], groups) -> Phrase:
    """Return e.g. ``"RU→CN 7.9%→80.8%; CN→RU 65.2%→88.2%"``: each flow's shares in turn."""
    return joined(
        [
            phrase(
                "{flow} {shares}",
                flow=_flow(exporter, importer),
                shares=joined([Figure(f"{share:.1f}%") for share in by_year.values()], "→"),
            )
            for (_, exporter, importer, _), by_year in zip(groups, shares.values(), strict=True)
        ],
        "; ",
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
    parts = [
        phrase(
            "{table} ({filters}) {sources}, shares of each flow: {shares}.",
            table=Code("trade_structure"),
            filters=_describe_filters(claim),
            sources=Code(cite(used_ids)),
            shares=_shares_text(shares),
        ),
        phrase(
            "The claimed unchanged model (China imports commodities from Russia and exports "
            "consumer goods to it) must dominate both flows in {first} and {last}.",
            first=years[0],
            last=years[1],
        ),
        phrase("Grouping used for the verdict: {grouping}.", grouping=Term(name)),
        rules.close(judgement),
    ]
    other, other_ids, other_failure = _grouping_shares(claim, rows, other_groups, years)
    if other_failure:
        parts.append(
            phrase(
                "The other grouping ({grouping}) cannot be computed: {why}",
                grouping=Term(other_name),
                why=other_failure.explanation,
            )
        )
    else:
        used_ids |= other_ids
        alternative = record_rules.judge_majority_both_ends(other)
        if alternative.verdict != judgement.verdict:
            decides = phrase(
                "The grouping decides the verdict: under the other grouping the claim is "
                "{verdict}.",
                verdict=Term(alternative.verdict, "verdict in a sentence"),
            )
        else:
            decides = phrase(
                "The verdict does not depend on the grouping: both give {verdict}.",
                verdict=Term(judgement.verdict, "verdict in a sentence"),
            )
        parts += [
            phrase(
                "Other grouping, {grouping}: {shares}.",
                grouping=Term(other_name),
                shares=_shares_text(other),
            ),
            rules.close(alternative),
            decides,
        ]
    return Finding(
        judgement.verdict,
        _computed(shares, groups),
        joined(parts, " "),
        tuple(sorted(used_ids)),
        judgement.severity,
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
