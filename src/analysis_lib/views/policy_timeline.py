"""Notebook 03's data: the policy timeline's programmes and events, trade over them, dated claims.

Programmes are spans, events points; the article's dates are set against the
timeline's.
"""

from __future__ import annotations


def _year(text) -> int:
    return int(str(text)[:4])


def events_in_range(timeline_df, start_year: int, end_year: int):
    """Return the timeline rows that overlap ``start_year``-``end_year``, by start date.

    An event counts in its year; a programme counts from its start to its end year.
    """
    import pandas as pd

    starts = timeline_df["start_date"].map(_year)
    ends = [
        _year(end) if not pd.isna(end) and str(end) else start
        for start, end in zip(starts, timeline_df["end_date"], strict=True)
    ]
    keep = (starts <= end_year) & (pd.Series(ends, index=timeline_df.index) >= start_year)
    return timeline_df[keep].sort_values(["start_date", "event_id"]).reset_index(drop=True)


def trade_in_range(series, start_year: int, end_year: int):
    """Return year, value_usd_bn of a trade series within the range (years it has)."""
    import pandas as pd

    part = series[(series.index >= start_year) & (series.index <= end_year)]
    return pd.DataFrame({"year": part.index.astype(int), "value_usd_bn": part.to_numpy()})


def date_claims(claims_df, timeline_df, results):
    """Return the article's dated claims against the timeline, with the audit's verdicts.

    Returns
    -------
    pandas.DataFrame
        claim_id, event_id, statement_en, statement_ru, claimed_text, start_date,
        end_date, date_precision, title_en, title_ru, verdict (the primary verdict),
        severity (None when unverifiable), check, recorded (what the record gives, as the
        audit computed it).
    """
    import pandas as pd

    from analysis_lib.claims.registry import parse_filters

    claims = claims_df[claims_df["table"] == "timeline"]
    primary = [r for r in results if r.source == "timeline" and r.role == "primary"]
    verdicts = {r.id: r.verdict for r in primary}
    severities = {r.id: r.severity for r in primary}
    computed = {r.id: r.computed for r in primary}
    events = timeline_df.set_index("event_id")
    rows = []
    for claim in claims.itertuples(index=False):
        event_id = dict(parse_filters(claim.filters)).get("event_id")
        event = events.loc[event_id] if event_id in events.index else None
        rows.append(
            {
                "claim_id": claim.claim_id,
                "event_id": event_id,
                "statement_en": claim.statement_en,
                "statement_ru": claim.statement_ru,
                "claimed_text": claim.claimed_text,
                "start_date": None if event is None else event["start_date"],
                "end_date": None if event is None else event["end_date"],
                "date_precision": None if event is None else event["date_precision"],
                "title_en": None if event is None else event["title_en"],
                "title_ru": None if event is None else event["title_ru"],
                "verdict": verdicts.get(claim.claim_id, "unverifiable"),
                "severity": severities.get(claim.claim_id),
                "check": claim.check,
                "recorded": computed.get(claim.claim_id),
            }
        )
    return pd.DataFrame(rows)
