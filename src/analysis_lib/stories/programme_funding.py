"""Notebook 06, Far East programme funding: the "24%" claim and the later programmes' budgets.

The article says the 1996-2005 programme received "only 24% of the necessary
funds" (claim ``programme-1996-funding``). What the audit can say about it is
quoted from the audit itself; the budgets of the later programmes
(``programme_budgets``) are shown with the shares that can be computed from them.

The data come from :mod:`analysis_lib.views.programme_funding`; this module draws and tells them.
"""

from __future__ import annotations

from analysis_lib.stories.common import fmt, heading
from analysis_lib.stories.context import Report, escape_markdown, story_start
from analysis_lib.stories.texts.programme_funding import TEXT
from analysis_lib.views.common import claim_results, row_source_ids
from analysis_lib.views.programme_funding import (
    CLAIM_ID,
    COMPONENTS,
    amount_of,
    commitments,
    component_shares,
    data_years,
    figure_frame,
    programmes_in,
    revisions,
    timeline_events,
    year_text,
)
from analysis_lib.vocabulary import LANGS

NOTEBOOK = "06-programme-funding"


def _data_years() -> tuple[int, int]:
    from analysis_lib.claims.registry import load_registry
    from analysis_lib.loaders import load_programme_budgets

    return data_years(load_registry(), load_programme_budgets())


start = story_start(
    NOTEBOOK,
    _data_years,
    years="Programmes ending in this range are shown (default: all of them).",
)


def _amount(row, lang: str) -> str:
    """Format an amount in bn with the decimals it was written with; mark it if approximate."""
    amount = float(row["amount"])
    text = fmt(amount, lang, 0 if amount == int(amount) else 1)
    return TEXT[lang]["approximate"].format(value=text) if bool(row["approximate"]) else text


def _component_names(frame):
    """Add ``component_en``/``component_ru``: the figure's names for keys without a label."""
    named = frame.copy()
    for language in LANGS:
        template = TEXT[language]["component.federal_committed"]
        named[f"component_{language}"] = [
            template.format(start=year_text(row["period_start"]), end=year_text(row["period_end"]))
            if row["component"] == "federal_committed"
            else row["component"]
            for row in named.to_dict("records")
        ]
    return named


def _title(budgets_df, programme: str, lang: str) -> str:
    rows = budgets_df[budgets_df["programme_id"] == programme]
    return escape_markdown(rows.iloc[0][f"title_{lang}"])


def show_claim(report: Report) -> None:
    """Quote the 24% claim, the audit's verdict and reason, and what the timeline holds."""
    from analysis_lib.claims.registry import load_registry
    from analysis_lib.loaders import load_timeline
    from analysis_lib.plots.labels import label

    heading(report, TEXT, "h_claim")
    text, lang = TEXT[report.lang], report.lang
    registry = load_registry()
    claim = registry[registry["claim_id"] == CLAIM_ID].iloc[0]
    first, last = int(claim["year"]), int(claim["year_end"])
    for result in claim_results(CLAIM_ID):
        report.value(f"verdict_{CLAIM_ID}", result.verdict)
        report.say(
            text["claim"].format(
                quote=escape_markdown(claim["quote"]),
                period=f"{first}–{last}",
                verdict=label(f"verdict.{result.verdict}", lang),
                explanation=escape_markdown(result.explanation),
            )
        )
        report.cite(result.sources)
    events = timeline_events(load_timeline(), "RU", first, last)
    if not events.empty:
        listed = "; ".join(
            text["event"].format(
                date=escape_markdown(row["start_date"]),
                title=escape_markdown(row[f"title_{lang}"]),
            )
            for row in events.to_dict("records")
        )
        report.say(text["claim_timeline"].format(start=first, end=last, events=listed))
        report.cite(row_source_ids(events))


def show_budgets(report: Report) -> None:
    """Draw the programmes' budgets and state the computed shares, commitments and revisions."""
    from analysis_lib.loaders import load_programme_budgets, load_sources
    from analysis_lib.plots import programme_budgets

    heading(report, TEXT, "h_budgets")
    text, lang = TEXT[report.lang], report.lang
    start_year, end_year = report.params.start_year, report.params.end_year
    budgets = programmes_in(load_programme_budgets(), start_year, end_year)
    if budgets.empty:
        report.say(text["no_budgets"].format(start=start_year, end=end_year))
        return
    results = claim_results(CLAIM_ID)
    unverifiable = any(r.verdict == "unverifiable" for r in results)
    frame = _component_names(figure_frame(budgets))
    # One figure per programme: their measures differ, and a shared figure would
    # keep an empty bar slot for every component another programme has.
    for index, (programme, part) in enumerate(frame.groupby("programme_id", sort=False)):
        part_ids = row_source_ids(part)
        fig = programme_budgets(
            part,
            source_ids=part_ids,
            lang=lang,
            note_key="note.funding_claim_unverifiable" if unverifiable and index == 0 else None,
            note_fields={"claimed": results[0].claimed} if results else None,
            sources_df=load_sources(),
        )
        report.figure(fig, f"programme_budgets_{programme}", part_ids)
    for row in budgets.to_dict("records"):
        name = f"budget_{row['programme_id']}_{row['component']}_{row['measure']}_bn_rub"
        report.value(name, round(float(row["amount"]), 4))
    _say_components(report, budgets)
    claimed = results[0].claimed if results else ""
    _say_commitments(report, budgets, escape_markdown(claimed))
    _say_revisions(report, budgets)


def _say_components(report: Report, budgets) -> None:
    text, lang = TEXT[report.lang], report.lang
    for row in component_shares(budgets).to_dict("records"):
        programme = row["programme_id"]
        part = budgets[budgets["programme_id"] == programme]
        if any(row[c] != row[c] for c in COMPONENTS):
            continue
        for component in COMPONENTS:
            report.value(
                f"share_{programme}_{component}_pct", round(row[f"{component}_share_pct"], 4)
            )
        report.value(f"component_sum_{programme}_bn_rub", round(row["component_sum"], 4))
        amounts = {c: _amount(amount_of(part, c, "budget"), lang) for c in ("total", *COMPONENTS)}
        report.say(
            text["components"].format(
                title=_title(budgets, programme, lang),
                **amounts,
                **{f"{c}_share": fmt(row[f"{c}_share_pct"], lang) for c in COMPONENTS},
                component_sum=fmt(row["component_sum"], lang, 0),
            )
        )


def _say_commitments(report: Report, budgets, claimed: str) -> None:
    text, lang = TEXT[report.lang], report.lang
    for row in commitments(budgets).to_dict("records"):
        if (
            row["of_federal_pct"] != row["of_federal_pct"]
            or row["of_total_pct"] != row["of_total_pct"]
        ):
            continue
        programme = row["programme_id"]
        report.values(
            {
                f"committed_{programme}_of_federal_pct": round(row["of_federal_pct"], 4),
                f"committed_{programme}_of_total_pct": round(row["of_total_pct"], 4),
            }
        )
        report.say(
            text["committed"].format(
                start=year_text(row["period_start"]),
                end=year_text(row["period_end"]),
                committed=fmt(row["committed"], lang, 0),
                of_federal=fmt(row["of_federal_pct"], lang),
                federal=fmt(row["federal"], lang, 0),
                of_total=fmt(row["of_total_pct"], lang),
                total=fmt(row["total"], lang, 0),
                claimed=claimed,
            )
        )


def _say_revisions(report: Report, budgets) -> None:
    text, lang = TEXT[report.lang], report.lang
    for row in revisions(budgets).to_dict("records"):
        programme = row["programme_id"]
        part = budgets[budgets["programme_id"] == programme]
        report.values(
            {
                f"revision_{programme}_ratio_pct": round(row["ratio_pct"], 4),
                f"revision_{programme}_difference_bn_rub": round(row["difference"], 4),
            }
        )
        if row["increase"] != row["increase"]:
            continue
        report.value(f"revision_{programme}_adds_up", row["adds_up"])
        report.say(
            text["revision" if not row["adds_up"] else "revision_consistent"].format(
                title=_title(budgets, programme, lang),
                planned=fmt(row["planned"], lang, 0),
                revised=_amount(amount_of(part, "federal", "revised"), lang),
                revised_plain=fmt(row["revised"], lang, 0),
                ratio=fmt(row["ratio_pct"], lang),
                difference=fmt(row["difference"], lang, 0),
                increase=fmt(row["increase"], lang, 1),
                raised_sum=fmt(row["raised_sum"], lang, 1),
            )
        )


def show_table(report: Report) -> None:
    """Show every budget row of the programmes in range, with its share of the programme total."""
    import pandas as pd

    from analysis_lib.loaders import load_programme_budgets
    from analysis_lib.plots.labels import has_label, label

    text, lang = TEXT[report.lang], report.lang
    budgets = programmes_in(
        load_programme_budgets(), report.params.start_year, report.params.end_year
    )
    if budgets.empty:
        return
    heading(report, TEXT, "h_table")
    totals = {
        p: float(row["amount"])
        for p in budgets["programme_id"].unique()
        if (row := amount_of(budgets[budgets["programme_id"] == p], "total", "budget")) is not None
    }
    shares = [
        "–"
        if r["programme_id"] not in totals
        else fmt(r["amount"] / totals[r["programme_id"]] * 100, lang)
        for r in budgets.to_dict("records")
    ]
    shown = pd.DataFrame(
        {
            text["col_programme"]: budgets[f"title_{lang}"],
            text["col_component"]: [
                label(f"component.{c}", lang) if has_label(f"component.{c}") else c
                for c in budgets["component"]
            ],
            text["col_measure"]: [text[f"measure.{m}"] for m in budgets["measure"]],
            text["col_years"]: [
                text["years_to"].format(end=year_text(b))
                if pd.isna(a)
                else f"{year_text(a)}–{year_text(b)}"
                for a, b in zip(budgets["period_start"], budgets["period_end"], strict=True)
            ],
            text["col_amount"]: [_amount(r, lang) for r in budgets.to_dict("records")],
            text["col_share"]: shares,
        }
    )
    report.table(shown)
    report.cite(row_source_ids(budgets))
