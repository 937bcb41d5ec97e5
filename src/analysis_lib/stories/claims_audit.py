"""Notebook 07, the claims audit: every checkable claim of the article, per source.

The data come from :mod:`analysis_lib.views.claims_audit`; this module draws
and tells them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis_lib.params import check_lang
from analysis_lib.stories.common import heading
from analysis_lib.stories.context import Report, start_report
from analysis_lib.stories.texts.claims_audit import TEXT
from analysis_lib.views.claims_audit import (
    RECORDS_COLUMN,
    audit_frame,
    check_source,
    claim_years,
    claims_in_years,
    verdict_counts,
    verdict_grid,
)
from analysis_lib.vocabulary import ALL_SOURCES as ALL
from analysis_lib.vocabulary import AUDIT_SOURCES, TABLE_SOURCES, VERDICTS

NOTEBOOK = "07-claims-audit"
VERDICT_MARKS = {"consistent": "✓", "inconsistent": "✗", "unverifiable": "?"}
MIN_FIGURE_WIDTH = 9.0


@dataclass
class AuditReport(Report):
    """A :class:`Report` that also carries the audit's ``source`` filter (may be ``'all'``)."""

    audit_source: str = ALL
    # run_audit reads every table afresh; one notebook runs it once.
    audit_results: list | None = field(default=None, repr=False)


def start(
    lang: object = "en",
    start_year: object = None,
    end_year: object = None,
    source: object = ALL,
    output_dir: object = "",
) -> AuditReport:
    """Validate the notebook's parameters and return its report.

    Parameters
    ----------
    lang : {'en', 'ru'}
    start_year, end_year : int, optional
        Show the claims about years in this range (default: every claim's years).
    source : str, default 'all'
        One of :data:`SOURCES`.
    output_dir : str
        Folder for figures and ``values.json``; "" means the build's default.

    Returns
    -------
    AuditReport
    """
    check_lang(lang)
    check_source(source)
    from analysis_lib.claims.registry import load_registry

    base = start_report(
        NOTEBOOK,
        lang=lang,
        output_dir=output_dir,
        start_year=start_year,
        end_year=end_year,
        source=source if source in AUDIT_SOURCES else None,
        data_years=claim_years(load_registry()),
    )
    return AuditReport(params=base.params, recorder=base.recorder, audit_source=source)


def source_label(source: str, lang: str) -> str:
    """Return the readable name of an audit source or a recorded table."""
    from analysis_lib.plots.labels import source_name

    if source in TABLE_SOURCES:
        return TEXT[lang][f"table_source.{source}"]
    return source_name(source, lang)


def _load(report: AuditReport):
    from analysis_lib.claims.audit import run_audit
    from analysis_lib.claims.registry import load_registry

    if report.audit_results is None:
        report.audit_results = run_audit(source=report.audit_source)
    return audit_frame(
        report.audit_results,
        load_registry(),
        report.params.start_year,
        report.params.end_year,
        report.lang,
    )


def _cited(audit_df) -> list[str]:
    return sorted({source_id for ids in audit_df["sources"] for source_id in ids})


def _scope(report: AuditReport) -> str:
    text = TEXT[report.lang]
    if report.audit_source == ALL:
        return text["scope_all"]
    return text["scope_one"].format(source=source_label(report.audit_source, report.lang))


def _empty(report: AuditReport, audit_df) -> bool:
    if not audit_df.empty:
        return False
    report.say(
        TEXT[report.lang]["none"].format(
            start=report.params.start_year,
            end=report.params.end_year,
            source=source_label(report.audit_source, report.lang)
            if report.audit_source != ALL
            else "—",
        )
    )
    return True


def _section(report: AuditReport, key: str):
    """Show the heading ``key``; return the audit rows, or None once it said there are none."""
    heading(report, TEXT, key)
    audit_df = _load(report)
    return None if _empty(report, audit_df) else audit_df


def show_overview(report: AuditReport) -> None:
    """State how many claims and verdicts there are, and count the verdicts per source."""
    from analysis_lib.claims.registry import load_registry

    heading(report, TEXT, "h_overview")
    text = TEXT[report.lang]
    start_year, end_year = report.params.start_year, report.params.end_year
    in_years = claims_in_years(load_registry(), start_year, end_year)
    report.values({"audit_source": report.audit_source, "claims_in_years": len(in_years)})
    report.say(text["intro"].format(claims=len(in_years), start=start_year, end=end_year))
    audit_df = _load(report)
    report.value("checks_total", len(audit_df))
    if _empty(report, audit_df):
        return
    totals = {v: int((audit_df["verdict"] == v).sum()) for v in VERDICTS}
    claims = audit_df["claim_id"].nunique()
    report.values(
        {"claims_checked": claims, **{f"checks_{verdict}": n for verdict, n in totals.items()}}
    )
    report.say(
        text["shown"].format(scope=_scope(report), checks=len(audit_df), claims=claims, **totals)
    )
    counts = verdict_counts(audit_df)
    for row in counts.to_dict("records"):
        for verdict in VERDICTS:
            report.value(f"count_{row['source']}_{verdict}", int(row[verdict]))
    shown = counts.assign(source=[source_label(s, report.lang) for s in counts["source"]])
    report.table(shown.rename(columns=_count_headers(report.lang)), decimals=0)
    report.cite([*_cited(audit_df), "article"])


def _count_headers(lang: str) -> dict[str, str]:
    from analysis_lib.plots.labels import label

    headers = {verdict: label(f"verdict.{verdict}", lang) for verdict in VERDICTS}
    return {"source": TEXT[lang]["col_source"], "total": TEXT[lang]["col_total"], **headers}


def show_figure(report: AuditReport) -> None:
    """Draw the audit_verdicts grid: claims down, sources across."""
    import pandas as pd

    from analysis_lib.loaders import load_sources
    from analysis_lib.plots import audit_verdicts

    audit_df = _section(report, "h_figure")
    if audit_df is None:
        return
    text = TEXT[report.lang]
    grid = verdict_grid(audit_df)
    records = pd.DataFrame(
        [
            {
                "source_id": RECORDS_COLUMN,
                "publisher": text["records_publisher"],
                "title": text["records_title"],
            }
        ]
    )
    sources_df = pd.concat([load_sources(), records], ignore_index=True)
    caption_ids = [*dict.fromkeys(grid["source"]), "article"]
    report.say(text["figure_intro"])
    fig = audit_verdicts(grid, source_ids=caption_ids, lang=report.lang, sources_df=sources_df)
    # audit_verdicts sizes its width by the number of sources; one column leaves
    # no room for the claim labels and the legend (constrained layout collapses).
    fig.set_figwidth(max(fig.get_figwidth(), MIN_FIGURE_WIDTH))
    report.figure(fig, "audit_verdicts", [*_cited(audit_df), "article"])


def show_table(report: AuditReport) -> None:
    """Show every claim and source with its verdict marked, the claimed and computed figures."""
    from analysis_lib.plots.labels import label

    audit_df = _section(report, "h_table")
    if audit_df is None:
        return
    text = TEXT[report.lang]
    for row in audit_df.to_dict("records"):
        report.value(f"verdict_{row['claim_id']}_{row['source']}", row["verdict"])
    shown = audit_df.assign(
        source=[source_label(s, report.lang) for s in audit_df["source"]],
        verdict=[
            f"{VERDICT_MARKS[v]} {label(f'verdict.{v}', report.lang)}" for v in audit_df["verdict"]
        ],
        computed=audit_df["computed"].fillna("–"),
    )
    columns = {
        "statement": text["col_claim"],
        "source": text["col_source"],
        "verdict": text["col_verdict"],
        "claimed": text["col_claimed"],
        "computed": text["col_computed"],
    }
    report.say(text["table_intro"])
    report.table(shown[list(columns)].rename(columns=columns))
    report.cite([*_cited(audit_df), "article"])


def show_arithmetic(report: AuditReport) -> None:
    """Show the audit's explanation (figures, sources, rule) of every verdict."""
    audit_df = _section(report, "h_arithmetic")
    if audit_df is None:
        return
    text = TEXT[report.lang]
    shown = audit_df.assign(source=[source_label(s, report.lang) for s in audit_df["source"]])
    columns = {
        "claim_id": text["col_claim_id"],
        "source": text["col_source"],
        "explanation": text["col_explanation"],
    }
    report.say(text["arithmetic_intro"])
    report.table(shown[list(columns)].rename(columns=columns))
