"""Notebook 07, the claims audit: every checkable claim of the article, its primary verdict.

The data, :func:`audit` (the audit's results about the report's years, a view of
:mod:`analysis_lib.views.claims_audit`: each claim's primary result, then its
cross-checks), told four ways: an overview with the headline (claims counted by
primary verdict, from :mod:`analysis_lib.claims.verdicts`), the verdict grid
(:func:`verdict_grid`, drawn by :func:`draw_verdicts`), the table of figures and
the arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis_lib.plots.labels import role_name, severity_name, verdict_name
from analysis_lib.stories.common import (
    DASH,
    figure_text,
    gap_text,
    reason_text,
    record_verdicts,
    source_or_table_name,
    verdict_text,
)
from analysis_lib.stories.context import Report, start_claims_report
from analysis_lib.views import claims_audit as views
from analysis_lib.vocabulary import (
    ALL_SOURCES,
    SEVERITIES,
    VERDICT_SYMBOLS,
    VERDICTS,
)

NOTEBOOK = "07-claims-audit"

MIN_FIGURE_WIDTH = 9.0


@dataclass
class AuditReport(Report):
    """A :class:`Report` that also carries the audit's ``source`` filter (may be ``'all'``)."""

    audit_source: str = ALL_SOURCES


def start(
    lang: object = "en",
    start_year: object = None,
    end_year: object = None,
    source: object = ALL_SOURCES,
    output_dir: object = "",
) -> AuditReport:
    """Validate the notebook's parameters and return its report.

    Parameters
    ----------
    lang : {'en', 'ru'}
    start_year, end_year : int, optional
        Show the claims about years in this range (default: every claim's years).
    source : str, default 'all'
        One of :data:`analysis_lib.views.claims_audit.SOURCES`.
    output_dir : str
        Folder for figures and ``values.json``; "" means the build's default.

    Returns
    -------
    AuditReport
    """
    base = start_claims_report(
        NOTEBOOK,
        lang=lang,
        start_year=start_year,
        end_year=end_year,
        source=source,
        output_dir=output_dir,
    )
    return AuditReport(params=base.params, recorder=base.recorder, audit_source=source)


def source_label(source: str, report: Report) -> str:
    """Return the readable name of an audit source or a recorded table."""
    return source_or_table_name(source, report.lang)


def audit(report: AuditReport):
    """Return the audit's results on the claims about the report's years.

    Returns
    -------
    pandas.DataFrame
        See :func:`analysis_lib.views.claims_audit.audit_frame`: one row per claim
        and source, with the verdict, the claimed and computed figures, the
        arithmetic and the statement in the report's language.
    """
    from analysis_lib.claims.audit import run_audit
    from analysis_lib.claims.registry import load_registry

    return views.audit_frame(
        run_audit(source=report.audit_source),
        load_registry(),
        report.params.start_year,
        report.params.end_year,
        report.lang,
    )


def _cited(audit) -> list[str]:
    return sorted({source_id for ids in audit["sources"] for source_id in ids})


def _empty(report: AuditReport, audit) -> bool:
    if not audit.empty:
        return False
    report.say(
        report.t.gettext(
            "No claim about {start}–{end} is checked against {source}.",
            start=report.params.start_year,
            end=report.params.end_year,
            source=source_label(report.audit_source, report)
            if report.audit_source != ALL_SOURCES
            else "—",
        )
    )
    return True


def tell_overview(report: AuditReport, audit) -> None:
    """State the headline (claims by primary verdict, minor ones named), the severities and
    the cross-checks per source."""
    import pandas as pd

    from analysis_lib.claims.audit import run_audit
    from analysis_lib.claims.registry import load_registry
    from analysis_lib.claims.verdicts import headline_counts, headline_sentence

    t, lang = report.t, report.lang
    start_year, end_year = report.params.start_year, report.params.end_year
    in_years = len(views.claims_in_years(load_registry(), start_year, end_year))
    report.values({"audit_source": report.audit_source, "claims_in_years": in_years})
    report.say(
        t.ngettext(
            "The article makes {claims} checkable claim about {start}–{end}.",
            "The article makes {claims} checkable claims about {start}–{end}.",
            in_years,
            claims=in_years,
            start=start_year,
            end=end_year,
        )
        + " "
        + t.gettext(
            "Each is judged against the source the article relies on: China's official "
            "figures (customs, or the Ministry of Commerce or state media where the customs "
            "release is not in the data) for its trade figures, the best independent record "
            "for its dates, names and other statements. Both the claim and the source are read "
            "with the precision they were written with (95.3 against 95.28, “over 79” as a "
            "bound), and every verdict that is not unverifiable has a severity: exact, within "
            "rounding, minor or material. Every other source is a cross-check shown beside "
            "the verdict."
        )
    )
    report.value("checks_total", len(audit))
    if _empty(report, audit):
        return
    shown = set(audit["claim_id"])
    results = [r for r in run_audit(source=report.audit_source) if r.id in shown]
    counts = headline_counts(results)
    report.values({f"headline_{key}": value for key, value in counts.as_dict().items()})
    sentence = headline_sentence(counts, lang)
    if report.audit_source == ALL_SOURCES:
        report.say(t.gettext("By primary verdict, {headline}.", headline=sentence))
    else:
        report.say(
            t.gettext(
                "Results by {source} only, claims whose primary source it is: {headline}.",
                source=source_label(report.audit_source, report),
                headline=sentence,
            )
        )
    claims = audit["claim_id"].nunique()
    report.say(
        t.gettext(
            "Each claim has one verdict, judged against the source the article relies on; a "
            "restated claim counts once. The other sources are cross-checks shown beside it, "
            "with their gap to the primary figure and the reason the sources differ; they are "
            "not counted."
        )
        + " "
        + t.gettext(
            "In all {verdicts} on {claims}: one primary verdict per claim, the others "
            "cross-checks.",
            verdicts=t.ngettext("{n} verdict", "{n} verdicts", len(audit), n=len(audit)),
            claims=t.npgettext("verdicts on", "{n} claim", "{n} claims", claims, n=claims),
        )
    )
    primary = audit[audit["role"] == "primary"]
    table = pd.DataFrame(
        [
            {
                t.gettext("Verdict"): verdict_name(verdict, lang),
                **{
                    severity_name(severity, lang): int(
                        ((primary["verdict"] == verdict) & (primary["severity"] == severity)).sum()
                    )
                    for severity in SEVERITIES
                },
                t.gettext("Total"): int((primary["verdict"] == verdict).sum()),
            }
            for verdict in VERDICTS
        ]
    )
    report.say(t.gettext("Primary verdicts by severity (one per claim, a restatement included):"))
    report.table(table, decimals=0)
    crosses = audit[audit["role"] == "cross-check"]
    if len(crosses):
        by_source = views.verdict_counts(crosses)
        for row in by_source.to_dict("records"):
            for verdict in VERDICTS:
                report.value(f"cross_{row['source']}_{verdict}", int(row[verdict]))
        headers = {
            "source": t.gettext("Source"),
            "total": t.gettext("Total"),
            **{verdict: verdict_name(verdict, lang) for verdict in VERDICTS},
        }
        named = by_source.assign(source=[source_label(s, report) for s in by_source["source"]])
        report.say(
            t.gettext(
                "Cross-checks by source (not counted above: IMF DOTS as China reports it "
                "carries later revisions, the partner's report is another reporter's record "
                "with CIF/FOB valuation, the press rounds the official figure):"
            )
        )
        report.table(named.rename(columns=headers), decimals=0)
    report.cite([*_cited(audit), "article"])


def verdict_grid(report: AuditReport, audit):
    """Return the figure's cells: each claim's primary verdict in one column, cross-checks beside.

    Returns
    -------
    pandas.DataFrame
        :func:`analysis_lib.views.claims_audit.verdict_grid` with each row's cited
        ``sources``.
    """
    return views.verdict_grid(audit).assign(sources=list(audit["sources"]))


def draw_verdicts(report: AuditReport, grid) -> None:
    """Draw the verdict grid: claims down, the primary verdict then the cross-checks
    (``plots.audit_verdicts``)."""
    import pandas as pd

    from analysis_lib.loaders import load_sources
    from analysis_lib.plots import audit_verdicts

    if _empty(report, grid):
        return
    t = report.t
    pseudo = pd.DataFrame(
        [
            {
                "source_id": views.PRIMARY_COLUMN,
                "publisher": t.gettext("Primary verdict"),
                "title": t.gettext("against the source the article relies on"),
            },
            {
                "source_id": views.RECORDS_COLUMN,
                "publisher": t.gettext("Recorded tables"),
                "title": t.gettext("timeline, budgets, structure"),
            },
        ]
    )
    sources_df = pd.concat([load_sources(), pseudo], ignore_index=True)
    caption_ids = [*dict.fromkeys(grid["source"]), "article"]
    report.say(
        t.gettext(
            "Each row is a claim. The first column is its primary verdict, against the source "
            "the article relies on; the other columns are the cross-checks; “no data” marks a "
            "source that has no figure for that claim."
        )
    )
    cells = grid[["claim_id", "source", "verdict", "claim_label"]]

    def draw():
        fig = audit_verdicts(
            cells, source_ids=caption_ids, lang=report.lang, sources_df=sources_df
        )
        # audit_verdicts sizes its width by the number of sources; one column leaves
        # no room for the claim labels and the legend (constrained layout collapses).
        fig.set_figwidth(max(fig.get_figwidth(), MIN_FIGURE_WIDTH))
        return fig

    report.figure(draw, "audit_verdicts", [*_cited(grid), "article"])


def tell_table(report: AuditReport, audit) -> None:
    """Show every claim's primary verdict with its severity, the cross-checks under it with
    their gap and reason; say how the structure claim depends on the grouping of goods."""
    from analysis_lib.claims.audit import run_audit

    if _empty(report, audit):
        return
    t, lang = report.t, report.lang
    results = run_audit(source=report.audit_source)
    record_verdicts(report, results, list(dict.fromkeys(audit["claim_id"])))
    by_id = {(r.id, r.source): r for r in results}
    gaps = []
    for row in audit.to_dict("records"):
        result = by_id[row["claim_id"], row["source"]]
        gap = gap_text(result.gap_value, result.gap_unit, lang)
        parts = (gap, reason_text(result.reason, lang))
        gaps.append("; ".join(part for part in parts if part) or DASH)
    primary = audit["role"] == "primary"
    shown = audit.assign(
        statement=[s if p else "" for s, p in zip(audit["statement"], primary, strict=True)],
        role=[role_name(r, lang) for r in audit["role"]],
        source=[source_label(s, report) for s in audit["source"]],
        verdict=[
            f"{VERDICT_SYMBOLS[v]} {verdict_text(v, severity, lang)}"
            for v, severity in zip(audit["verdict"], audit["severity"], strict=True)
        ],
        claimed=[figure_text(c, lang, html=True) for c in audit["claimed"]],
        computed=[figure_text(c, lang, html=True) for c in audit["computed"]],
        gap=gaps,
    )
    columns = {
        "statement": t.gettext("Claim"),
        "role": t.gettext("Role"),
        "source": t.gettext("Source"),
        "verdict": t.gettext("Verdict"),
        "claimed": t.pgettext("the article's figure", "Article"),
        "computed": t.gettext("Data"),
        "gap": t.gettext("Gap to the primary figure; reason"),
    }
    report.say(
        t.gettext(
            "Each claim's primary verdict with its severity, then the cross-checks under it "
            "with their gap to the primary figure and the reason the sources differ "
            "(✓ consistent, ✗ inconsistent, ? unverifiable):"
        )
    )
    report.table(shown[list(columns)].rename(columns=columns))
    _tell_groupings(report)
    report.cite([*_cited(audit), "article"])


def _tell_groupings(report: AuditReport) -> None:
    """Say how a structure claim's verdict depends on the grouping of goods."""
    from analysis_lib.claims.verdicts import grouping_dependence

    t, lang = report.t, report.lang
    names = {
        "raw_materials": t.gettext(
            "Russia's crude materials and fuels (SITC 2+3) against China's manufactures "
            "(SITC 6+7+8)"
        ),
        "resource_based": t.gettext(
            "resource-based goods (SITC 0+2+3+5+6, metals and fertilisers included) against "
            "finished manufactures (SITC 7+8)"
        ),
    }
    for found in grouping_dependence():
        readings = "; ".join(
            t.gettext(
                "{grouping}: {verdict}",
                grouping=names.get(key, key),
                verdict=verdict_text(verdict, None, lang) if verdict else DASH,
            )
            for key, verdict in found["verdicts"]
        )
        for key, verdict in found["verdicts"]:
            report.value(f"grouping_{found['claim_id']}_{key}", verdict)
        if found["decides"]:
            report.say(
                t.gettext(
                    "The structure claim depends on how goods are grouped, and the grouping "
                    "decides its verdict: {readings}. The verdict above uses the first "
                    "grouping, raw materials in the narrow sense the article's words suggest.",
                    readings=readings,
                )
            )
        else:
            report.say(
                t.gettext(
                    "The structure claim gives the same verdict under both groupings of goods: "
                    "{readings}.",
                    readings=readings,
                )
            )


def tell_arithmetic(report: AuditReport, audit) -> None:
    """Show the audit's explanation (figures, sources, rule) of every verdict."""
    if _empty(report, audit):
        return
    from analysis_lib.phrases import Code, render
    from analysis_lib.stories.html import Html

    t = report.t
    shown = audit.assign(
        claim_id=[Html(Code(c).render(report.lang, html=True)) for c in audit["claim_id"]],
        source=[source_label(s, report) for s in audit["source"]],
        role=[role_name(r, report.lang) for r in audit["role"]],
        explanation=[Html(render(e, report.lang, html=True)) for e in audit["explanation"]],
    )
    columns = {
        "claim_id": t.gettext("Claim id"),
        "role": t.gettext("Role"),
        "source": t.gettext("Source"),
        "explanation": t.pgettext("table header", "Arithmetic"),
    }
    report.say(t.gettext("The arithmetic behind each verdict, as the audit wrote it:"))
    report.table(shown[list(columns)].rename(columns=columns))
