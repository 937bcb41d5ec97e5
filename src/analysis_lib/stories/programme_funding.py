"""Notebook 06, Far East programme funding: the "24%" claim and the later programmes' budgets.

The article says the 1996-2005 programme received "only 24% of the necessary
funds" (claim ``programme-1996-funding``). Sections: :func:`claim` (what the audit
says of it) and :func:`budgets` (the later programmes, views of
:mod:`analysis_lib.views.programme_funding`); ``draw_*`` and ``tell_*`` draw and
say them in the report's language.
"""

from __future__ import annotations

from functools import partial

from analysis_lib.stories.common import DASH, fmt, format_date, quoted_english
from analysis_lib.stories.context import Report, escape_markdown, phrase_markdown, story_start
from analysis_lib.views import programme_funding as views
from analysis_lib.views.common import claim_results, row_source_ids

NOTEBOOK = "06-programme-funding"


def _data_years() -> tuple[int, int]:
    from analysis_lib.claims.registry import load_registry
    from analysis_lib.loaders import load_programme_budgets

    return views.data_years(load_registry(), load_programme_budgets())


start = story_start(
    NOTEBOOK,
    _data_years,
    years="Programmes ending in this range are shown (default: all of them).",
)


def _amount(row, report: Report) -> str:
    """Format an amount in bn with the decimals it was written with; mark it if approximate."""
    amount = float(row["amount"])
    text = fmt(amount, report.lang, 0 if amount == int(amount) else 1)
    return report.t.gettext("about {value}", value=text) if bool(row["approximate"]) else text


def _title(budgets_df, programme: str, lang: str) -> str:
    rows = budgets_df[budgets_df["programme_id"] == programme]
    return escape_markdown(rows.iloc[0][f"title_{lang}"])


# ---------------------------------------------------------------- the claim


def claim(report: Report):
    """Return the audit's verdict on the article's funding claim, with its reason.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim_id``, ``quote``, ``year``, ``year_end``, ``verdict``,
        ``claimed``, ``explanation``, ``sources`` (one row per checking source).
    """
    import pandas as pd

    from analysis_lib.claims.registry import load_registry

    registry = load_registry()
    row = registry[registry["claim_id"] == views.CLAIM_ID].iloc[0]
    results = claim_results(views.CLAIM_ID)
    return pd.DataFrame(
        [
            {
                "claim_id": views.CLAIM_ID,
                "quote": row["quote"],
                "year": int(row["year"]),
                "year_end": int(row["year_end"]),
                "verdict": r.verdict,
                "claimed": r.claimed,
                "explanation": r.explanation,
                "sources": r.sources,
            }
            for r in results
        ]
    )


def tell_claim(report: Report, claim) -> None:
    """Quote the claim, the audit's verdict and reason, and what the timeline holds."""
    from analysis_lib.loaders import load_timeline
    from analysis_lib.plots.labels import verdict_in_prose

    lang, t = report.lang, report.t
    for row in claim.itertuples(index=False):
        report.value(f"verdict_{views.CLAIM_ID}", row.verdict)
        period = f"{row.year}–{row.year_end}"
        report.say(
            t.gettext(
                "The article: “{quote}” ({period}). Verdict of the audit: **{verdict}**. The "
                "audit's reason: {explanation}",
                quote=quoted_english(escape_markdown(row.quote), lang),
                period=period,
                verdict=verdict_in_prose(row.verdict, lang),
                explanation=phrase_markdown(row.explanation, lang),
            )
        )
        report.cite(row.sources)
    if claim.empty:
        return
    first, last = int(claim["year"].iloc[0]), int(claim["year_end"].iloc[0])
    events = views.timeline_events(load_timeline(), "RU", first, last)
    if events.empty:
        return
    listed = "; ".join(
        f"{escape_markdown(format_date(row['start_date'], lang))}: "
        f"{escape_markdown(row[f'title_{lang}'])}"
        for row in events.to_dict("records")
    )
    report.say(
        t.gettext(
            "What the timeline records in Russia for {start}–{end}: {events}.",
            start=first,
            end=last,
            events=listed,
        )
    )
    report.cite(row_source_ids(events))


# ---------------------------------------------------------------- the later programmes


def budgets(report: Report):
    """Return the budget rows of the programmes that end in the report's years.

    Returns
    -------
    pandas.DataFrame
        Rows of ``programme_budgets``.
    """
    from analysis_lib.loaders import load_programme_budgets

    params = report.params
    return views.programmes_in(load_programme_budgets(), params.start_year, params.end_year)


def _figure_frame(report: Report, budgets):
    """Return the rows the figure draws, a commitment named with its years."""
    frame = views.figure_frame(budgets)
    frame[f"component_{report.lang}"] = [
        report.t.gettext(
            "Federal commitments, {start}–{end}",
            start=views.year_text(row["period_start"]),
            end=views.year_text(row["period_end"]),
        )
        if row["component"] == "federal_committed"
        else row["component"]
        for row in frame.to_dict("records")
    ]
    return frame


def draw_budgets(report: Report, budgets) -> None:
    """Draw each programme's budget components (``plots.programme_budgets``)."""
    from analysis_lib.loaders import load_sources
    from analysis_lib.plots import programme_budgets

    if budgets.empty:
        return
    results = claim_results(views.CLAIM_ID)
    note = None
    if any(r.verdict == "unverifiable" for r in results):
        note = report.t.gettext(
            "The article's “{claimed} of the necessary funds” for the first Far East programme "
            "was found in no public source: it cannot be checked.",
            claimed=results[0].claimed,
        )
    # One figure per programme: their measures differ, and a shared figure would
    # keep an empty bar slot for every component another programme has.
    frame = _figure_frame(report, budgets)
    for index, (programme, part) in enumerate(frame.groupby("programme_id", sort=False)):
        part_ids = row_source_ids(part)
        draw = partial(
            programme_budgets,
            part,
            source_ids=part_ids,
            lang=report.lang,
            note=note if index == 0 else None,
            sources_df=load_sources(),
        )
        report.figure(draw, f"programme_budgets_{programme}", part_ids)


def tell_budgets(report: Report, budgets) -> None:
    """State the computed shares of each budget, the commitments and the revisions."""
    t = report.t
    if budgets.empty:
        report.say(
            t.gettext(
                "No programme in programme_budgets ends within {start}–{end}.",
                start=report.params.start_year,
                end=report.params.end_year,
            )
        )
        return
    for row in budgets.to_dict("records"):
        name = f"budget_{row['programme_id']}_{row['component']}_{row['measure']}_bn_rub"
        report.value(name, round(float(row["amount"]), 4))
    _tell_components(report, budgets)
    results = claim_results(views.CLAIM_ID)
    _tell_commitments(report, budgets, escape_markdown(results[0].claimed if results else ""))
    _tell_revisions(report, budgets)


def _tell_components(report: Report, budgets) -> None:
    lang, t = report.lang, report.t
    for row in views.component_shares(budgets).to_dict("records"):
        programme = row["programme_id"]
        part = budgets[budgets["programme_id"] == programme]
        if any(row[c] != row[c] for c in views.COMPONENTS):
            continue
        for component in views.COMPONENTS:
            report.value(
                f"share_{programme}_{component}_pct", round(row[f"{component}_share_pct"], 4)
            )
        report.value(f"component_sum_{programme}_bn_rub", round(row["component_sum"], 4))
        amounts = {
            c: _amount(views.amount_of(part, c, "budget"), report)
            for c in ("total", *views.COMPONENTS)
        }
        shares = {f"{c}_share": fmt(row[f"{c}_share_pct"], lang) for c in views.COMPONENTS}
        report.say(
            t.gettext(
                "{title}: {total} bn roubles in all — federal budget {federal} bn "
                "({federal_share}%), regional budgets {regional} bn ({regional_share}%), "
                "off-budget sources {off_budget} bn ({off_budget_share}%); the components add "
                "up to {component_sum} bn.",
                title=_title(budgets, programme, lang),
                **amounts,
                **shares,
                component_sum=fmt(row["component_sum"], lang, 0),
            )
        )


def _tell_commitments(report: Report, budgets, claimed: str) -> None:
    lang, t = report.lang, report.t
    for row in views.commitments(budgets).to_dict("records"):
        if any(row[key] != row[key] for key in ("of_federal_pct", "of_total_pct")):
            continue
        programme = row["programme_id"]
        report.values(
            {
                f"committed_{programme}_of_federal_pct": round(row["of_federal_pct"], 4),
                f"committed_{programme}_of_total_pct": round(row["of_total_pct"], 4),
            }
        )
        report.say(
            t.gettext(
                "For {start}–{end} the federal commitments were {committed} bn roubles: "
                "{of_federal}% of the programme's federal budget ({federal} bn) and {of_total}% "
                "of its total ({total} bn). These shares concern another programme and other "
                "years, so they cannot stand in for the article's {claimed}.",
                start=views.year_text(row["period_start"]),
                end=views.year_text(row["period_end"]),
                committed=fmt(row["committed"], lang, 0),
                of_federal=fmt(row["of_federal_pct"], lang),
                federal=fmt(row["federal"], lang, 0),
                of_total=fmt(row["of_total_pct"], lang),
                total=fmt(row["total"], lang, 0),
                claimed=claimed,
            )
        )


def _tell_revisions(report: Report, budgets) -> None:
    lang, t = report.lang, report.t
    for row in views.revisions(budgets).to_dict("records"):
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
        fields = {
            "title": _title(budgets, programme, lang),
            "planned": fmt(row["planned"], lang, 0),
            "revised": _amount(views.amount_of(part, "federal", "revised"), report),
            "ratio": fmt(row["ratio_pct"], lang),
            "increase": fmt(row["increase"], lang, 1),
        }
        if row["adds_up"]:
            report.say(
                t.gettext(
                    "{title}: federal funding of {planned} bn roubles planned, {revised} bn "
                    "after the revision ({ratio}% of the plan); the stated increase of "
                    "{increase} bn matches.",
                    **fields,
                )
            )
            continue
        report.say(
            t.gettext(
                "{title}: federal funding of {planned} bn roubles planned, {revised} bn after "
                "the revision ({ratio}% of the plan, {difference} bn more). The source gives "
                "the increase as {increase} bn: {planned} + {increase} = {raised_sum}, not "
                "{revised_plain}, so its three figures do not add up.",
                **fields,
                revised_plain=fmt(row["revised"], lang, 0),
                difference=fmt(row["difference"], lang, 0),
                raised_sum=fmt(row["raised_sum"], lang, 1),
            )
        )


def tell_table(report: Report, budgets) -> None:
    """Show every budget row of the programmes, with its share of the programme total."""
    import pandas as pd

    from analysis_lib.plots.labels import component_name

    lang, t = report.lang, report.t
    if budgets.empty:
        return
    totals = {
        p: float(row["amount"])
        for p in budgets["programme_id"].unique()
        if (row := views.amount_of(budgets[budgets["programme_id"] == p], "total", "budget"))
        is not None
    }
    measures = {
        "budget": t.pgettext("budget measure", "budget"),
        "committed": t.pgettext("budget measure", "committed"),
        "planned": t.pgettext("budget measure", "planned"),
        "revised": t.pgettext("budget measure", "revised"),
        "increase": t.pgettext("budget measure", "increase"),
    }
    shown = pd.DataFrame(
        {
            t.gettext("Programme"): budgets[f"title_{lang}"],
            t.pgettext("table header", "Component"): [
                component_name(c, lang) or c for c in budgets["component"]
            ],
            t.gettext("Measure"): [measures.get(m, m) for m in budgets["measure"]],
            t.gettext("Years"): [
                t.gettext("to {end}", end=views.year_text(b))
                if pd.isna(a)
                else f"{views.year_text(a)}–{views.year_text(b)}"
                for a, b in zip(budgets["period_start"], budgets["period_end"], strict=True)
            ],
            t.gettext("Amount, bn RUB"): [_amount(r, report) for r in budgets.to_dict("records")],
            t.gettext("Share of the total, %"): [
                DASH
                if r["programme_id"] not in totals
                else fmt(r["amount"] / totals[r["programme_id"]] * 100, lang)
                for r in budgets.to_dict("records")
            ],
        }
    )
    report.table(shown)
    report.cite(row_source_ids(budgets))
