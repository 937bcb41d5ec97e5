"""Notebook 07, the claims audit: every checkable claim of the article, per source.

The verdicts, the computed figures and the arithmetic come from
:func:`analysis_lib.claims.audit.run_audit`; this module only selects, counts
and tells them. :func:`claim_results` is also what the structure and funding
stories use to quote the audit's verdict on their claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis_lib.exceptions import must_be_one_of
from analysis_lib.params import AUDIT_SOURCES, check_lang
from analysis_lib.stories.common import heading
from analysis_lib.stories.context import Report, start_report
from analysis_lib.stories.texts.audit_story import TEXT

NOTEBOOK = "07-claims-audit"
ALL = "all"
TABLE_SOURCES = ("timeline", "programme_budgets", "trade_structure")
SOURCES = (ALL, *AUDIT_SOURCES, *TABLE_SOURCES)
"""Values of the notebook's ``source`` parameter: the audit's own set."""
VERDICTS = ("consistent", "inconsistent", "unverifiable")
VERDICT_MARKS = {"consistent": "✓", "inconsistent": "✗", "unverifiable": "?"}
# The figure shows the claims checked against a recorded table in one column:
# each such claim has exactly one table, so no cell holds two verdicts.
RECORDS_COLUMN = "recorded_tables"
MIN_FIGURE_WIDTH = 9.0


@dataclass
class AuditReport(Report):
    """A :class:`Report` that also carries the audit's ``source`` filter (may be ``'all'``)."""

    audit_source: str = ALL
    # run_audit reads every table afresh; one notebook runs it once.
    audit_results: list | None = field(default=None, repr=False)


def check_source(source: object) -> str:
    """Return ``source`` if the audit accepts it, else raise a one-line ParameterError.

    Parameters
    ----------
    source : object
        ``'all'``, a trade source (``'gacc'``, ``'imf_dots_cn'``, ``'imf_dots_ru'``) or a
        recorded table (``'timeline'``, ``'programme_budgets'``, ``'trade_structure'``).
    """
    if not isinstance(source, str) or source not in SOURCES:
        raise must_be_one_of("source", source, SOURCES)
    return source


def claim_years(registry) -> tuple[int, int]:
    """Return the first and last year the registry's claims are about.

    Parameters
    ----------
    registry : pandas.DataFrame
        The claims registry (columns ``year``, ``year_end``).
    """
    ends = registry["year_end"].fillna(registry["year"])
    return int(registry["year"].min()), int(max(ends.max(), registry["year"].max()))


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


def audit_frame(results, registry, start_year: int, end_year: int, lang: str = "en"):
    """Return the audit results about ``start_year``–``end_year`` as a DataFrame.

    Parameters
    ----------
    results : iterable of AuditResult
        From :func:`analysis_lib.claims.audit.run_audit`.
    registry : pandas.DataFrame
        The claims registry, for each claim's years and statement.
    start_year, end_year : int
        A claim is kept when its years (``year`` to ``year_end``) overlap this range.
    lang : {'en', 'ru'}
        Language of the ``statement`` column.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim_id``, ``source``, ``verdict``, ``claimed``, ``computed``,
        ``explanation``, ``sources`` (list of source ids), ``statement``, ``year``,
        ``year_end``; in the audit's order.
    """
    import pandas as pd

    lang = check_lang(lang)
    claims = claims_in_years(registry, start_year, end_year).set_index("claim_id")
    rows = []
    for result in results:
        if result.id not in claims.index:
            continue
        claim = claims.loc[result.id]
        first = int(claim["year"])
        last = first if pd.isna(claim["year_end"]) else int(claim["year_end"])
        rows.append(
            {
                **result.as_dict(),
                "statement": str(claim[f"statement_{lang}"]),
                "year": first,
                "year_end": last,
            }
        )
    columns = ["id", "source", "verdict", "claimed", "computed", "explanation", "sources"]
    frame = pd.DataFrame(rows, columns=[*columns, "statement", "year", "year_end"])
    return frame.rename(columns={"id": "claim_id"})


def claims_in_years(registry, start_year: int, end_year: int):
    """Return the claims whose years (``year`` to ``year_end``) overlap the range.

    Parameters
    ----------
    registry : pandas.DataFrame
        The claims registry.
    start_year, end_year : int
        Inclusive range.
    """
    first = registry["year"].astype("int64")
    last = registry["year_end"].fillna(registry["year"]).astype("int64")
    return registry[(last >= start_year) & (first <= end_year)].reset_index(drop=True)


def claim_results(claim_id: str, *, data_dir=None) -> list:
    """Return the audit's results for one claim (one per source that checks it).

    Parameters
    ----------
    claim_id : str
        A ``claim_id`` of the registry, e.g. ``'structure-unchanged-20y'``.
    data_dir : path-like, optional
        Data package folder; default :func:`analysis_lib.paths.data_dir`.

    Returns
    -------
    list of AuditResult
    """
    from analysis_lib.claims.audit import run_audit
    from analysis_lib.claims.registry import TRADE_CHECKS, load_registry

    registry = load_registry(data_dir)
    claim = registry[registry["claim_id"] == claim_id]
    if claim.empty:
        raise must_be_one_of("claim_id", claim_id, registry["claim_id"].tolist())
    # A claim checked against one table needs only that table's part of the audit.
    check, table = claim.iloc[0]["check"], claim.iloc[0]["table"]
    source = ALL if check in TRADE_CHECKS else str(table)
    return [r for r in run_audit(source=source, data_dir=data_dir) if r.id == claim_id]


def verdict_counts(audit_df):
    """Count verdicts per source.

    Parameters
    ----------
    audit_df : pandas.DataFrame
        From :func:`audit_frame` (columns ``source``, ``verdict``).

    Returns
    -------
    pandas.DataFrame
        Columns ``source``, one per verdict of :data:`VERDICTS`, ``total``; sources in
        order of first appearance.
    """
    import pandas as pd

    sources = list(dict.fromkeys(audit_df["source"]))
    counts = (
        pd.crosstab(audit_df["source"], audit_df["verdict"])
        .reindex(index=sources, columns=list(VERDICTS), fill_value=0)
        .astype("int64")
    )
    counts["total"] = counts.sum(axis=1)
    return counts.rename_axis(index="source", columns=None).reset_index()


def verdict_grid(audit_df):
    """Return the figure's rows: claims checked against a table share one column.

    Parameters
    ----------
    audit_df : pandas.DataFrame
        From :func:`audit_frame`.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim_id``, ``source`` (a trade source, or :data:`RECORDS_COLUMN`),
        ``verdict``, ``claim_label`` (the claim's statement).
    """
    grid = audit_df[["claim_id", "source", "verdict", "statement"]].copy()
    grid.loc[grid["source"].isin(TABLE_SOURCES), "source"] = RECORDS_COLUMN
    return grid.rename(columns={"statement": "claim_label"}).reset_index(drop=True)


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
