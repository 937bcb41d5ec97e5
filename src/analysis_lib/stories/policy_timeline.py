"""Notebook 03: the policy timeline, with China-Russia trade over it.

Sections: :func:`events` and :func:`trade` (drawn together by :func:`draw_timeline`),
:func:`article_dates`; the data are views of :mod:`analysis_lib.views.policy_timeline`,
``draw_*`` and ``tell_*`` draw and say them in the report's language.
"""

from __future__ import annotations

import re
from functools import partial

from analysis_lib.plots.labels import country_name, kind_name
from analysis_lib.stories.common import (
    figure_text,
    fmt,
    format_date,
    format_period,
    headline,
    publisher_html,
    record_verdicts,
    source_label,
    text_table,
    verdict_text,
)
from analysis_lib.stories.context import Report, escape_markdown, story_start
from analysis_lib.views import policy_timeline as views
from analysis_lib.views.common import (
    audit_results,
    load_claims,
    load_series,
    series_source_ids,
    timeline_years,
)

NOTEBOOK = "03-policy-timeline"

start = story_start(NOTEBOOK, timeline_years, start_year=1996, end_year=2018, source="imf_dots_cn")


def _timeline():
    from analysis_lib.loaders import load_table

    return load_table("timeline")


def events(report: Report):
    """Return the programmes and events of the timeline that overlap the report's years.

    Returns
    -------
    pandas.DataFrame
        Rows of the ``timeline`` table, by start date.
    """
    return views.events_in_range(_timeline(), report.params.start_year, report.params.end_year)


def trade(report: Report):
    """Return China-Russia trade in the report's years by the chosen source.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``value_usd_bn`` (the years the source has).
    """
    series = load_series("RU")[report.params.source]
    return views.trade_in_range(series, report.params.start_year, report.params.end_year)


def draw_timeline(report: Report, events, trade) -> None:
    """Draw programmes and events, with the trade series below (``plots.policy_timeline``)."""
    from analysis_lib.loaders import load_table
    from analysis_lib.plots import policy_timeline

    source = report.params.source
    if events.empty:
        return

    draw = partial(
        policy_timeline,
        events,
        source_ids=[*dict.fromkeys(events["source_id"]), source],
        lang=report.lang,
        trade_df=trade if len(trade) else None,
        trade_source=source,
        sources_df=load_table("sources"),
    )

    trade_ids = series_source_ids(source, "RU", trade["year"]) if len(trade) else []
    report.figure(draw, "policy_timeline", sorted({*events["source_id"], *trade_ids}))


def tell_timeline(report: Report, events, trade) -> None:
    """Count the programmes and events, say why the default series, state the trade levels."""
    lang, t, source = report.lang, report.t, report.params.source
    start_year, end_year = report.params.start_year, report.params.end_year
    point = events["end_date"].isna() | (events["end_date"].astype("string") == "")
    programmes, points = int((~point).sum()), int(point.sum())
    report.values({"programmes_count": programmes, "events_count": points})
    if events.empty:
        report.say(
            t.gettext(
                "The timeline has no programme or event between {start} and {end}.",
                start=start_year,
                end=end_year,
            )
        )
        return
    report.say(
        t.gettext(
            "From {start} to {end} the timeline holds {programmes} and {events}. Below them "
            "runs China–Russia trade according to **{source}**.",
            start=start_year,
            end=end_year,
            programmes=t.ngettext(
                "{n} programme (drawn as a span)",
                "{n} programmes (drawn as spans)",
                programmes,
                n=programmes,
            ),
            events=t.ngettext(
                "{n} dated event (a point)", "{n} dated events (points)", points, n=points
            ),
            source=source_label(source, lang),
        )
    )
    series = load_series("RU")
    gacc, dots = series["gacc"], series["imf_dots_cn"]
    if len(gacc) and len(dots):
        report.say(
            t.gettext(
                "China Customs (GACC) headline totals in the data start in {first}; IMF DOTS "
                "as China reports it covers every year from {dots_first}, which is why it is "
                "this report's default trade series.",
                first=int(gacc.index.min()),
                dots_first=int(dots.index.min()),
            )
        )
    for row in trade.itertuples(index=False):
        report.value(f"trade_{row.year}_{source}_usd_bn", round(row.value_usd_bn, 4))
    if trade.empty:
        report.say(
            t.gettext(
                "{source} has no China–Russia value between {start} and {end}.",
                source=source_label(source, lang),
                start=start_year,
                end=end_year,
            )
        )
        return
    first, last = trade.iloc[0], trade.iloc[-1]
    report.say(
        t.gettext(
            "Trade was {first_value} USD bn in {first_year} and {last_value} USD bn in "
            "{last_year} ({source}).",
            first_value=fmt(first["value_usd_bn"], lang, 2),
            first_year=int(first["year"]),
            last_value=fmt(last["value_usd_bn"], lang, 2),
            last_year=int(last["year"]),
            source=source_label(source, lang),
        )
    )


def tell_events(report: Report, events) -> None:
    """Table the programmes and events of the range, titles in the report language."""
    import pandas as pd

    lang, t = report.lang, report.t
    if events.empty:
        return
    from analysis_lib.loaders import load_table

    sources = load_table("sources")
    shown = pd.DataFrame(
        {
            t.gettext("Date"): [format_date(d, lang) for d in events["start_date"]],
            t.gettext("Until"): [format_date(d, lang) for d in events["end_date"]],
            t.gettext("Country"): [country_name(c, lang) for c in events["country"]],
            t.gettext("Kind"): [kind_name(k, lang) for k in events["kind"]],
            t.gettext("Programme or event"): events[f"title_{lang}"],
            t.gettext("Source"): [publisher_html(s, sources, lang) for s in events["source_id"]],
        }
    )
    report.say(t.gettext("The programmes and events, with the source of each date:"))
    report.table(text_table(shown, lang))
    report.cite(sorted(set(events["source_id"])))


def _period(start, end, lang: str) -> str:
    return format_period(start, end, lang)


def article_dates(report: Report):
    """Return the article's claims checked against the timeline, with their primary verdicts.

    Returns
    -------
    pandas.DataFrame
        See :func:`analysis_lib.views.policy_timeline.date_claims`.
    """
    return views.date_claims(load_claims(), _timeline(), audit_results(source="timeline"))


def tell_article_dates(report: Report, dates) -> None:
    """Table each claim's primary verdict with its severity; say where a record differs and
    when the article was written at the earliest."""
    import pandas as pd

    lang, t = report.lang, report.t
    results = audit_results(source="timeline")
    report.say(
        t.gettext(
            "The article's statements about policy steps (dates, periods, a horizon, a "
            "programme's name and fate, a footnote), each judged against the best independent "
            "record of the event in the timeline, with the severity of any gap: {headline}.",
            headline=headline(results, lang),
        )
    )
    shown = pd.DataFrame(
        {
            t.gettext("Claim of the article"): dates[f"statement_{lang}"],
            t.pgettext("table header", "Article"): [
                _claimed_cell(d, lang) for d in dates["claimed_text"]
            ],
            t.gettext("Record (timeline)"): [
                _record_cell(row, lang) for row in dates.to_dict("records")
            ],
            t.gettext("Verdict"): [
                verdict_text(v, s, lang)
                for v, s in zip(dates["verdict"], dates["severity"], strict=True)
            ],
        }
    )
    report.table(text_table(shown, lang))
    record_verdicts(report, results, dates["claim_id"])
    for row in dates.itertuples(index=False):
        if row.verdict == "inconsistent":
            report.say(
                t.gettext(
                    "{title}: the article says {claimed}, the timeline's source says {recorded}.",
                    title=escape_markdown(getattr(row, f"title_{lang}")),
                    claimed=_claimed_cell(row.claimed_text, lang),
                    recorded=_recorded(row, lang),
                )
            )
    _tell_article_date(report, results)
    timeline = _timeline().set_index("event_id")
    ids = {timeline.loc[e, "source_id"] for e in dates["event_id"] if e in timeline.index}
    report.cite(sorted(ids | {"article"}))


def _claimed_cell(claimed: object, lang: str) -> str:
    """The claim as the article writes it: a date as a reader writes it, words quoted as
    the English article has them (HTML, marked ``lang="en"`` elsewhere)."""
    from analysis_lib.phrases import format_date as date_text
    from analysis_lib.stories.html import Html

    text = str(claimed)
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text):
        return Html(escape_markdown(date_text(text, lang)))
    return figure_text(text, lang, html=True)


def _recorded(row, lang: str) -> str:
    """What the record says against an inconsistent claim (HTML): its date, else the audit's
    figure."""
    if row.check == "event_date":
        return escape_markdown(format_date(row.start_date, lang))
    return figure_text(row.recorded, lang, html=True)


def _record_cell(row: dict, lang: str) -> str:
    """What the record gives: its dates for a dated claim, else the audit's figure."""
    if row["check"] in ("event_date", "period") or row["recorded"] is None:
        return _period(row["start_date"], row["end_date"], lang)
    if row["check"] in ("programme_name", "recorded_outcome"):
        return f"{format_date(row['start_date'], lang)}: {row[f'title_{lang}']}"
    return figure_text(row["recorded"], lang, html=True)


def _tell_article_date(report: Report, results) -> None:
    """Date the article by the latest page it cites (footnote 5's), when the timeline has it."""
    from analysis_lib.claims.verdicts import article_written_no_earlier_than

    date = article_written_no_earlier_than(results)
    if date is None:
        return
    report.value("article_written_no_earlier_than", date)
    report.say(
        report.t.gettext(
            "The page the article's footnote 5 cites is dated {date}: the article was written "
            "no earlier than that.",
            date=format_date(date, report.lang),
        )
    )
