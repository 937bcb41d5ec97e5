"""Notebook 03: the policy timeline 1996-2018, with China-Russia trade over it.

The data come from :mod:`analysis_lib.views.policy_timeline`; this module draws
and tells them.
"""

from __future__ import annotations

from analysis_lib.loaders import load_table
from analysis_lib.plots.labels import label
from analysis_lib.stories.common import fmt, source_label, text_table, verdict_label
from analysis_lib.stories.context import Report, escape_markdown, story_start
from analysis_lib.stories.texts.policy_timeline import TEXT
from analysis_lib.views.common import (
    audit_results,
    load_claims,
    load_series,
    series_source_ids,
    timeline_years,
)
from analysis_lib.views.policy_timeline import date_claims, events_in_range, trade_in_range

NOTEBOOK = "03-policy-timeline"


start = story_start(NOTEBOOK, timeline_years, start_year=1996, end_year=2018, source="imf_dots_cn")


def show_timeline(report: Report) -> None:
    """Plot programmes and events over the range, with the chosen trade series below."""
    from analysis_lib.plots import policy_timeline

    lang, source = report.lang, report.params.source
    start_year, end_year = report.params.start_year, report.params.end_year
    text = TEXT[lang]
    events = events_in_range(load_table("timeline"), start_year, end_year)
    all_series = load_series("RU")
    trade = trade_in_range(all_series[source], start_year, end_year)
    kinds = events["end_date"].isna() | (events["end_date"].astype("string") == "")
    programmes, points = int((~kinds).sum()), int(kinds.sum())
    report.values({"programmes_count": programmes, "events_count": points})
    if events.empty:
        report.say(text["no_events"].format(start=start_year, end=end_year))
        return
    report.say(
        text["intro"].format(
            start=start_year,
            end=end_year,
            programmes=programmes,
            events=points,
            source=source_label(source, lang),
        )
    )
    gacc, dots = all_series["gacc"], all_series["imf_dots_cn"]
    if len(gacc) and len(dots):
        report.say(
            text["source_note"].format(
                first=int(gacc.index.min()), dots_first=int(dots.index.min())
            )
        )
    fig = policy_timeline(
        events,
        source_ids=[*dict.fromkeys(events["source_id"]), source],
        lang=lang,
        trade_df=trade if len(trade) else None,
        trade_source=source,
        sources_df=load_table("sources"),
    )
    trade_ids = series_source_ids(source, "RU", trade["year"]) if len(trade) else []
    report.figure(fig, "policy_timeline", sorted({*events["source_id"], *trade_ids}))
    for row in trade.itertuples(index=False):
        report.value(f"trade_{row.year}_{source}_usd_bn", round(row.value_usd_bn, 4))
    if trade.empty:
        report.say(
            text["trade_missing"].format(
                source=source_label(source, lang), start=start_year, end=end_year
            )
        )
        return
    first, last = trade.iloc[0], trade.iloc[-1]
    report.say(
        text["trade"].format(
            first_value=fmt(first["value_usd_bn"], lang, 2),
            first_year=int(first["year"]),
            last_value=fmt(last["value_usd_bn"], lang, 2),
            last_year=int(last["year"]),
            source=source_label(source, lang),
        )
    )


def _period(start, end) -> str:
    import pandas as pd

    return f"{start}–{end}" if not pd.isna(end) and str(end) else str(start)


def show_events(report: Report) -> None:
    """Table the programmes and events of the range, titles in the report language."""
    import pandas as pd

    lang = report.lang
    text = TEXT[lang]
    events = events_in_range(
        load_table("timeline"), report.params.start_year, report.params.end_year
    )
    if events.empty:
        return
    kinds = [
        label(f"kind.{k}", lang) if f"kind.{k}" in _kind_keys() else k for k in events["kind"]
    ]
    shown = pd.DataFrame(
        {
            text["col_date"]: events["start_date"],
            text["col_end"]: events["end_date"],
            text["col_country"]: [label(f"country.{c}", lang) for c in events["country"]],
            text["col_kind"]: kinds,
            text["col_title"]: events[f"title_{lang}"],
            text["col_source"]: events["source_id"],
        }
    )
    report.say(text["events_table"])
    report.table(text_table(shown, lang))
    report.cite(sorted(set(events["source_id"])))


def _kind_keys() -> set:
    from analysis_lib.plots.labels import TRANSLATIONS

    return {key for key in TRANSLATIONS if key.startswith("kind.")}


def show_article_dates(report: Report) -> None:
    """Set the article's dates against the timeline's, with the audit's verdicts."""
    import pandas as pd

    lang = report.lang
    text = TEXT[lang]
    table = date_claims(load_claims(), load_table("timeline"), audit_results(source="timeline"))
    counts = table["verdict"].value_counts()
    report.say(
        text["dates"].format(
            claims=len(table),
            consistent=int(counts.get("consistent", 0)),
            inconsistent=int(counts.get("inconsistent", 0)),
            unverifiable=int(counts.get("unverifiable", 0)),
        )
    )
    shown = pd.DataFrame(
        {
            text["col_claim"]: table[f"statement_{lang}"],
            text["col_article"]: table["claimed_text"],
            text["col_timeline"]: [
                _period(s, e) for s, e in zip(table["start_date"], table["end_date"], strict=True)
            ],
            text["col_verdict"]: [verdict_label(v, lang) for v in table["verdict"]],
        }
    )
    report.table(text_table(shown, lang))
    for row in table.itertuples(index=False):
        report.value(f"verdict_{row.claim_id}_timeline", row.verdict)
        if row.verdict == "inconsistent":
            report.say(
                text["date_differs"].format(
                    title=escape_markdown(getattr(row, f"title_{lang}")),
                    claimed=escape_markdown(row.claimed_text),
                    recorded=escape_markdown(row.start_date),
                )
            )
    events = load_table("timeline").set_index("event_id")
    ids = {events.loc[e, "source_id"] for e in table["event_id"] if e in events.index}
    report.cite(sorted(ids | {"article"}))
