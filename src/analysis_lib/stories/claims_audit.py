"""Notebook 07, the claims audit: every checkable claim of the article, per source.

The data, :func:`audit` (the audit's results about the report's years, a view of
:mod:`analysis_lib.views.claims_audit`), told four ways: an overview with counts,
the verdict grid (:func:`verdict_grid`, drawn by :func:`draw_verdicts`), the table
of figures and the arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis_lib.params import check_lang
from analysis_lib.plots.labels import source_name, verdict_name
from analysis_lib.stories.common import DASH
from analysis_lib.stories.context import Report, start_report
from analysis_lib.views import claims_audit as views
from analysis_lib.vocabulary import ALL_SOURCES, AUDIT_SOURCES, TABLE_SOURCES, VERDICTS

NOTEBOOK = "07-claims-audit"
VERDICT_MARKS = {"consistent": "✓", "inconsistent": "✗", "unverifiable": "?"}
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
    check_lang(lang)
    views.check_source(source)
    from analysis_lib.claims.registry import load_registry

    base = start_report(
        NOTEBOOK,
        lang=lang,
        output_dir=output_dir,
        start_year=start_year,
        end_year=end_year,
        source=source if source in AUDIT_SOURCES else None,
        data_years=views.claim_years(load_registry()),
    )
    return AuditReport(params=base.params, recorder=base.recorder, audit_source=source)


def source_label(source: str, report: Report) -> str:
    """Return the readable name of an audit source or a recorded table."""
    t = report.t
    tables = {
        "timeline": t.gettext("Timeline of programmes and events"),
        "programme_budgets": t.gettext("Programme budgets"),
        "trade_structure": t.gettext("Commodity structure of trade"),
    }
    if source in TABLE_SOURCES:
        return tables[source]
    return source_name(source, report.lang)


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
    """State how many claims and verdicts there are, and count the verdicts per source."""
    from analysis_lib.claims.registry import load_registry

    t = report.t
    start_year, end_year = report.params.start_year, report.params.end_year
    in_years = len(views.claims_in_years(load_registry(), start_year, end_year))
    report.values({"audit_source": report.audit_source, "claims_in_years": in_years})
    report.say(
        t.ngettext(
            "The article makes {claims} checkable claim about {start}–{end}. It is "
            "recomputed from the cited data: a figure of China–Russia trade against each "
            "source of that trade, any other claim against the recorded table that can check "
            "it.",
            "The article makes {claims} checkable claims about {start}–{end}. Each is "
            "recomputed from the cited data: figures of China–Russia trade against each "
            "source of that trade, every other claim against the recorded table that can "
            "check it.",
            in_years,
            claims=in_years,
            start=start_year,
            end=end_year,
        )
    )
    report.value("checks_total", len(audit))
    if _empty(report, audit):
        return
    totals = {v: int((audit["verdict"] == v).sum()) for v in VERDICTS}
    claims = audit["claim_id"].nunique()
    report.values(
        {"claims_checked": claims, **{f"checks_{verdict}": n for verdict, n in totals.items()}}
    )
    if report.audit_source == ALL_SOURCES:
        scope = t.gettext("All sources:")
    else:
        scope = t.gettext(
            "Against {source} only:", source=source_label(report.audit_source, report)
        )
    report.say(
        t.gettext(
            "{scope} {verdicts} on {claims}: {consistent} consistent, {inconsistent} "
            "inconsistent and {unverifiable} unverifiable. Per source:",
            scope=scope,
            verdicts=t.ngettext("{n} verdict", "{n} verdicts", len(audit), n=len(audit)),
            claims=t.npgettext("verdicts on", "{n} claim", "{n} claims", claims, n=claims),
            **totals,
        )
    )
    counts = views.verdict_counts(audit)
    for row in counts.to_dict("records"):
        for verdict in VERDICTS:
            report.value(f"count_{row['source']}_{verdict}", int(row[verdict]))
    headers = {
        "source": t.gettext("Source"),
        "total": t.gettext("Total"),
        **{verdict: verdict_name(verdict, report.lang) for verdict in VERDICTS},
    }
    shown = counts.assign(source=[source_label(s, report) for s in counts["source"]])
    report.table(shown.rename(columns=headers), decimals=0)
    report.cite([*_cited(audit), "article"])


def verdict_grid(report: AuditReport, audit):
    """Return the figure's cells: one per claim and source, recorded tables in one column.

    Returns
    -------
    pandas.DataFrame
        :func:`analysis_lib.views.claims_audit.verdict_grid` with each row's cited
        ``sources``.
    """
    return views.verdict_grid(audit).assign(sources=list(audit["sources"]))


def draw_verdicts(report: AuditReport, grid) -> None:
    """Draw the verdict grid: claims down, sources across (``plots.audit_verdicts``)."""
    import pandas as pd

    from analysis_lib.loaders import load_sources
    from analysis_lib.plots import audit_verdicts

    if _empty(report, grid):
        return
    t = report.t
    records = pd.DataFrame(
        [
            {
                "source_id": views.RECORDS_COLUMN,
                "publisher": t.gettext("Recorded tables"),
                "title": t.gettext("timeline, budgets, structure"),
            }
        ]
    )
    sources_df = pd.concat([load_sources(), records], ignore_index=True)
    caption_ids = [*dict.fromkeys(grid["source"]), "article"]
    report.say(
        t.gettext(
            "Each row is a claim, each column a source; “no data” marks a source that does not "
            "check that claim."
        )
    )
    cells = grid[["claim_id", "source", "verdict", "claim_label"]]
    fig = audit_verdicts(cells, source_ids=caption_ids, lang=report.lang, sources_df=sources_df)
    # audit_verdicts sizes its width by the number of sources; one column leaves
    # no room for the claim labels and the legend (constrained layout collapses).
    fig.set_figwidth(max(fig.get_figwidth(), MIN_FIGURE_WIDTH))
    report.figure(fig, "audit_verdicts", [*_cited(grid), "article"])


def tell_table(report: AuditReport, audit) -> None:
    """Show every claim and source with its verdict marked, the claimed and computed figures."""
    if _empty(report, audit):
        return
    t = report.t
    for row in audit.to_dict("records"):
        report.value(f"verdict_{row['claim_id']}_{row['source']}", row["verdict"])
    shown = audit.assign(
        source=[source_label(s, report) for s in audit["source"]],
        verdict=[f"{VERDICT_MARKS[v]} {verdict_name(v, report.lang)}" for v in audit["verdict"]],
        computed=audit["computed"].fillna(DASH),
    )
    columns = {
        "statement": t.gettext("Claim"),
        "source": t.gettext("Source"),
        "verdict": t.gettext("Verdict"),
        "claimed": t.pgettext("the article's figure", "Article"),
        "computed": t.gettext("Data"),
    }
    report.say(
        t.gettext(
            "Each claim and source, with the figure the article states and the figure the "
            "data give (✓ consistent, ✗ inconsistent, ? unverifiable):"
        )
    )
    report.table(shown[list(columns)].rename(columns=columns))
    report.cite([*_cited(audit), "article"])


def tell_arithmetic(report: AuditReport, audit) -> None:
    """Show the audit's explanation (figures, sources, rule) of every verdict."""
    if _empty(report, audit):
        return
    t = report.t
    shown = audit.assign(source=[source_label(s, report) for s in audit["source"]])
    columns = {
        "claim_id": t.gettext("Claim id"),
        "source": t.gettext("Source"),
        "explanation": t.pgettext("table header", "Arithmetic"),
    }
    report.say(t.gettext("The arithmetic behind each verdict, as the audit wrote it:"))
    report.table(shown[list(columns)].rename(columns=columns))
