"""Notebook 02: China-Russia trade against China's trade with the US, Japan, Korea and the world.

The data come from :mod:`analysis_lib.views.partner_comparison`; this module draws
and tells them.
"""

from __future__ import annotations

import math

from analysis_lib.loaders import load_table
from analysis_lib.plots.labels import label
from analysis_lib.stories.common import (
    fmt,
    join_years,
    source_label,
    text_table,
    verdict_label,
)
from analysis_lib.stories.context import Report, story_start
from analysis_lib.stories.texts.partner_comparison import TEXT
from analysis_lib.views.common import (
    article_claims,
    audit_results,
    load_claims,
    load_series,
    series_source_ids,
    trade_years,
    verdict_table,
)
from analysis_lib.views.partner_comparison import (
    LEVEL_CLAIM,
    RATIO_CLAIMS,
    claimed_fractions,
    gacc_partner_years,
    load_partner_series,
    partner_totals,
    ratio_table,
    ratio_years,
)
from analysis_lib.vocabulary import AUDIT_SOURCES as SOURCES
from analysis_lib.vocabulary import COMPARISON_PARTNERS as PARTNERS

NOTEBOOK = "02-partner-comparison"


start = story_start(NOTEBOOK, trade_years, start_year=2014, end_year=2014, source="imf_dots_cn")


def _partner(partner: str, lang: str) -> str:
    """Return "with <partner>" in ``lang`` (Russian needs the instrumental case)."""
    return TEXT[lang][f"with.{partner}"]


def show_source_choice(report: Report) -> None:
    """Explain the default source from what the data hold for the article's year."""
    lang = report.lang
    text = TEXT[lang]
    years = gacc_partner_years(load_table("customs_totals"))
    coverage = "; ".join(
        text["coverage_item"].format(partner=_partner(p, lang), years=join_years(ys, lang))
        if ys
        else text["coverage_none"].format(partner=_partner(p, lang))
        for p, ys in years.items()
    )
    claim = article_claims(load_claims(), (LEVEL_CLAIM,)).iloc[0]
    claim_year = int(claim["year"])
    dots = load_series("RU")["imf_dots_cn"]
    dots_value = float(dots.get(claim_year, math.nan))
    report.value(f"trade_{claim_year}_RU_imf_dots_cn_usd_bn", round(dots_value, 4))
    report.value(f"claim_{LEVEL_CLAIM}_usd_bn", float(claim["claimed_value"]))
    paragraph = text["coverage"].format(coverage=coverage)
    if any(claim_year not in ys for ys in years.values()):
        paragraph += text["gacc_lacks"].format(claim_year=claim_year)
    paragraph += text["choice"].format(
        claim_year=claim_year,
        dots_value=fmt(dots_value, lang, 2),
        claimed=fmt(claim["claimed_value"], lang),
        source=source_label(report.params.source, lang),
    )
    report.say(paragraph)
    report.cite(["imf_dots", "article"])


def show_comparison(report: Report) -> None:
    """Plot China's trade with each partner in the end year, every source side by side."""
    from analysis_lib.plots import partner_comparison

    lang, source, year = report.lang, report.params.source, report.params.end_year
    text = TEXT[lang]
    series = load_partner_series()
    totals = partner_totals(series, year)
    for row in totals.itertuples(index=False):
        report.value(f"trade_{year}_{row.partner}_{row.source}_usd_bn", round(row.value_usd_bn, 4))
    if totals.empty:
        report.say(text["comparison_empty"].format(source=source_label(source, lang), year=year))
        return
    shown_sources = [s for s in SOURCES if s in set(totals["source"])]
    fig = partner_comparison(
        totals, year=year, source_ids=shown_sources, lang=lang, log_scale=True
    )
    # Three sources side by side need more room than the function's default width,
    # or the value labels of neighbouring bars and the partner names collide.
    fig.set_size_inches(11, 5.4)
    cited = {
        sid
        for s in shown_sources
        for p in totals["partner"].unique()
        for sid in series_source_ids(s, p, [year])
    }
    report.figure(fig, "partner_comparison", sorted(cited))
    chosen = totals[totals["source"] == source].set_index("partner")["value_usd_bn"]
    if "RU" not in chosen.index:
        report.say(text["comparison_empty"].format(source=source_label(source, lang), year=year))
        return
    items = [
        text["comparison_item"].format(value=fmt(chosen[p], lang, 2), partner=_partner(p, lang))
        for p in PARTNERS
        if p in chosen.index
    ]
    if not items:
        report.say(
            text["comparison_alone"].format(
                year=year, source=source_label(source, lang), ru=fmt(chosen["RU"], lang, 2)
            )
        )
        return
    joined = ", ".join(items[:-1]) + text["and"] + items[-1] if len(items) > 1 else items[0]
    report.say(
        text["comparison"].format(
            year=year,
            source=source_label(source, lang),
            ru=fmt(chosen["RU"], lang, 2),
            partners=joined,
        )
    )


def show_ratios(report: Report) -> None:
    """Plot CN-RU / CN-partner as fractions against the article's; state each in words."""
    from analysis_lib.plots import ratio_fractions

    lang, source, year = report.lang, report.params.source, report.params.end_year
    text = TEXT[lang]
    claimed, claim_year = claimed_fractions(load_claims())
    table = ratio_table(load_partner_series(), source, year, claimed)
    verdicts = verdict_table(audit_results(), tuple(RATIO_CLAIMS.values()))
    if year != claim_year:
        report.say(text["other_year"].format(claim_year=claim_year, year=year))
    known = table.dropna(subset=["ratio"])
    if len(known):
        fig = ratio_fractions(
            known[["partner", "ratio", "fraction_label", "claimed_label"]],
            source_ids=[source, "article"],
            lang=lang,
        )
        ids = {
            sid for p in ("RU", *known["partner"]) for sid in series_source_ids(source, p, [year])
        }
        report.figure(fig, "ratio_fractions", sorted(ids | {"article"}))
    lines = []
    for row in table.itertuples(index=False):
        name = _partner(row.partner, lang)
        if math.isnan(row.ratio):
            lines.append(
                text["ratio_missing"].format(
                    source=source_label(source, lang), partner=name, year=year
                )
            )
            continue
        report.value(f"ratio_{year}_{row.partner}_{source}", round(row.ratio, 4))
        report.value(f"fraction_{year}_{row.partner}_{source}", row.fraction_label)
        line = text["ratio"].format(
            ratio=fmt(row.ratio, lang, 3),
            partner=name,
            percent=fmt(row.ratio * 100, lang),
            fraction=row.fraction_label,
        )
        claim_id = RATIO_CLAIMS.get(row.partner)
        if claim_id:
            found = verdicts[(verdicts["claim_id"] == claim_id) & (verdicts["source"] == source)]
            verdict = found["verdict"].iloc[0] if len(found) else "unverifiable"
            line += text["ratio_claim"].format(
                claimed=claimed[row.partner],
                claim_year=claim_year,
                verdict=verdict_label(verdict, lang),
            )
        lines.append(line)
    report.say("\n".join(f"- {line}" for line in lines))


def show_audit(report: Report) -> None:
    """Table the audit's verdicts on the article's fractions, one column per source."""
    import pandas as pd

    lang = report.lang
    text = TEXT[lang]
    claims = article_claims(load_claims(), tuple(RATIO_CLAIMS.values()))
    verdicts = verdict_table(audit_results(), tuple(RATIO_CLAIMS.values()))
    shown = {
        text["col_claim"]: list(claims[f"statement_{lang}"]),
        text["col_article"]: list(claims["claimed_text"]),
    }
    for source in SOURCES:
        column = []
        for claim_id in claims["claim_id"]:
            row = verdicts[(verdicts["claim_id"] == claim_id) & (verdicts["source"] == source)]
            verdict = row["verdict"].iloc[0] if len(row) else "unverifiable"
            computed = row["computed"].iloc[0] if len(row) else None
            report.value(f"verdict_{claim_id}_{source}", verdict)
            fraction = "–" if pd.isna(computed) or not computed else str(computed).split(" ")[0]
            column.append(f"{fraction} ({verdict_label(verdict, lang)})")
        shown[source_label(source, lang)] = column
    report.say(text["audit"])
    report.table(pd.DataFrame(shown))
    ids = {
        sid
        for s in SOURCES
        for p in ("RU", *RATIO_CLAIMS)
        for sid in series_source_ids(s, p, list(claims["year"].unique()))
    }
    report.cite(sorted(ids | {"article"}))


def show_ratio_years(report: Report) -> None:
    """Table the ratios in every year of the range for the chosen source."""
    lang, source = report.lang, report.params.source
    start_year, end_year = report.params.start_year, report.params.end_year
    table = ratio_years(load_partner_series(), source, start_year, end_year)
    shown = table.rename(
        columns={
            "year": TEXT[lang]["col_year"],
            **{p: label(f"partner.{p}", lang) for p in PARTNERS},
        }
    )
    report.say(
        TEXT[lang]["years_table"].format(
            start=start_year, end=end_year, source=source_label(source, lang)
        )
    )
    report.table(text_table(shown, lang, decimals=3))
    ids = {
        sid
        for p in ("RU", *PARTNERS)
        for sid in series_source_ids(source, p, range(start_year, end_year + 1))
    }
    report.cite(sorted(ids))
