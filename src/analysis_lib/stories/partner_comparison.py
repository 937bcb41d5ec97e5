"""Notebook 02: China-Russia trade against China's trade with the US, Japan, Korea and the world.

Sections: :func:`coverage` (why the default source), :func:`totals`, :func:`ratios`,
:func:`audit` (each fraction's primary verdict, cross-checks beside it),
:func:`ratio_years` give the data (views of
:mod:`analysis_lib.views.partner_comparison`); ``draw_*`` and ``tell_*`` draw and
say them in the report's language.
"""

from __future__ import annotations

import math
from functools import partial

from analysis_lib.plots.labels import partner_name, source_name
from analysis_lib.stories.common import (
    claim_cells,
    figure_text,
    fmt,
    headline,
    join_years,
    record_verdicts,
    source_label,
    text_table,
    verdict_label,
)
from analysis_lib.stories.context import Report, story_start
from analysis_lib.views import partner_comparison as views
from analysis_lib.views.common import (
    article_claims,
    audit_results,
    load_claims,
    load_series,
    series_source_ids,
    trade_years,
    verdict_table,
)
from analysis_lib.vocabulary import AUDIT_SOURCES, COMPARISON_PARTNERS

NOTEBOOK = "02-partner-comparison"

start = story_start(NOTEBOOK, trade_years, start_year=2014, end_year=2014, source="imf_dots_cn")


def with_partner(partner: str, report: Report) -> str:
    """Return "with <partner>" in the report's language (Russian: the instrumental case)."""
    t = report.t
    phrases = {
        "RU": t.pgettext("with partner", "with Russia"),
        "US": t.pgettext("with partner", "with the United States"),
        "JP": t.pgettext("with partner", "with Japan"),
        "KR": t.pgettext("with partner", "with the Republic of Korea"),
        "WLD": t.pgettext("with partner", "with the world as a whole"),
    }
    return phrases[partner]


def _and(items: list[str], report: Report) -> str:
    if len(items) == 1:
        return items[0]
    return report.t.gettext("{items} and {last}", items=", ".join(items[:-1]), last=items[-1])


# ---------------------------------------------------------------- the source


def coverage(report: Report):
    """Return the years with GACC totals of China's trade with the US, Japan and Korea.

    Returns
    -------
    pandas.DataFrame
        Columns ``partner``, ``gacc_years`` (list of int).
    """
    import pandas as pd

    from analysis_lib.loaders import load_table

    years = views.gacc_partner_years(load_table("customs_totals"))
    return pd.DataFrame({"partner": list(years), "gacc_years": list(years.values())})


def tell_source_choice(report: Report, coverage) -> None:
    """Explain the default source from what the data hold for the article's year."""
    lang, t = report.lang, report.t
    listed = "; ".join(
        t.gettext(
            "{partner}: {years}", partner=with_partner(p, report), years=join_years(ys, lang)
        )
        if ys
        else t.gettext("{partner}: none", partner=with_partner(p, report))
        for p, ys in zip(coverage["partner"], coverage["gacc_years"], strict=True)
    )
    claim = article_claims(load_claims(), (views.LEVEL_CLAIM,)).iloc[0]
    claim_year = int(claim["year"])
    dots_value = float(load_series("RU")["imf_dots_cn"].get(claim_year, math.nan))
    report.value(f"trade_{claim_year}_RU_imf_dots_cn_usd_bn", round(dots_value, 4))
    report.value(f"claim_{views.LEVEL_CLAIM}_usd_bn", float(claim["claimed_value"]))
    sentences = [
        t.gettext(
            "The article cites Chinese customs statistics. China Customs (GACC) totals of "
            "China's trade with the partners are in the data only for some years ({coverage}).",
            coverage=listed,
        )
    ]
    if any(claim_year not in ys for ys in coverage["gacc_years"]):
        sentences.append(
            t.gettext(
                "So for {claim_year} only IMF DOTS gives all the ratios as a series; the audit "
                "below judges the article's fractions against China's official figures, the "
                "Ministry of Commerce's where customs gives none.",
                claim_year=claim_year,
            )
        )
    sentences.append(
        t.gettext(
            "As China reports it to the IMF, China–Russia trade in {claim_year} was "
            "{dots_value} USD bn (the article: {claimed} USD bn), so IMF DOTS as reported by "
            "China is this report's default source. The chosen source is **{source}**.",
            claim_year=claim_year,
            dots_value=fmt(dots_value, lang, 2),
            claimed=fmt(claim["claimed_value"], lang),
            source=source_label(report.params.source, lang),
        )
    )
    report.say(" ".join(sentences))
    report.cite(["imf_dots", "article"])


# ---------------------------------------------------------------- the partners' totals


def totals(report: Report):
    """Return China's trade with Russia and each partner in the end year, per source.

    Returns
    -------
    pandas.DataFrame
        Columns ``partner``, ``source``, ``value_usd_bn`` (only pairs with a value).
    """
    return views.partner_totals(views.load_partner_series(), report.params.end_year)


def draw_totals(report: Report, totals) -> None:
    """Draw :func:`totals`, every source side by side (``plots.partner_comparison``)."""
    from analysis_lib.plots import partner_comparison

    year = report.params.end_year
    if totals.empty:
        return
    shown_sources = [s for s in AUDIT_SOURCES if s in set(totals["source"])]

    def draw():
        fig = partner_comparison(
            totals, year=year, source_ids=shown_sources, lang=report.lang, log_scale=True
        )
        # Three sources side by side need more room than the function's default width,
        # or the value labels of neighbouring bars and the partner names collide.
        fig.set_size_inches(11, 5.4)
        return fig

    cited = {
        sid
        for s in shown_sources
        for p in totals["partner"].unique()
        for sid in series_source_ids(s, p, [year])
    }
    report.figure(draw, "partner_comparison", sorted(cited))


def tell_totals(report: Report, totals) -> None:
    """State the chosen source's China-Russia total against the other partners."""
    lang, t = report.lang, report.t
    source, year = report.params.source, report.params.end_year
    for row in totals.itertuples(index=False):
        report.value(f"trade_{year}_{row.partner}_{row.source}_usd_bn", round(row.value_usd_bn, 4))
    chosen = totals[totals["source"] == source].set_index("partner")["value_usd_bn"]
    name = source_label(source, lang)
    if "RU" not in chosen.index:
        report.say(
            t.gettext("{source} has no China–Russia value for {year}.", source=name, year=year)
        )
        return
    items = [
        t.gettext(
            "{value} USD bn {partner}",
            value=fmt(chosen[p], lang, 2),
            partner=with_partner(p, report),
        )
        for p in COMPARISON_PARTNERS
        if p in chosen.index
    ]
    if not items:
        report.say(
            t.gettext(
                "In {year}, according to {source}, China–Russia trade was {ru} USD bn; this "
                "source has no value of China's trade with the other partners for that year.",
                year=year,
                source=name,
                ru=fmt(chosen["RU"], lang, 2),
            )
        )
        return
    report.say(
        t.gettext(
            "In {year}, according to {source}, China–Russia trade was {ru} USD bn, against "
            "{partners}.",
            year=year,
            source=name,
            ru=fmt(chosen["RU"], lang, 2),
            partners=_and(items, report),
        )
    )


# ---------------------------------------------------------------- the ratios


def ratios(report: Report):
    """Return CN-RU / CN-partner in the end year by the chosen source, beside the article's.

    Returns
    -------
    pandas.DataFrame
        :func:`analysis_lib.views.partner_comparison.ratio_table` with ``claim_year``,
        the audit's ``verdict`` on the article's fraction by the chosen source (None
        for the world), and the claim's own verdict: ``primary_source`` (its name)
        and ``primary_verdict_text``.
    """
    source, year = report.params.source, report.params.end_year
    claimed, claim_year = views.claimed_fractions(load_claims())
    table = views.ratio_table(views.load_partner_series(), source, year, claimed)
    verdicts = verdict_table(audit_results(), tuple(views.RATIO_CLAIMS.values()))
    chosen = verdicts[verdicts["source"] == source].set_index("claim_id")["verdict"]
    table["claim_year"] = claim_year
    table["verdict"] = [
        chosen.get(views.RATIO_CLAIMS[p], "unverifiable") if p in views.RATIO_CLAIMS else None
        for p in table["partner"]
    ]
    primary = claim_cells(
        audit_results(), tuple(views.RATIO_CLAIMS.values()), report.lang
    ).set_index("claim_id")
    for column in ("primary_source", "verdict_text"):
        table[f"primary_{column}" if column == "verdict_text" else column] = [
            primary.loc[views.RATIO_CLAIMS[p], column] if p in views.RATIO_CLAIMS else None
            for p in table["partner"]
        ]
    return table


def draw_ratios(report: Report, ratios) -> None:
    """Draw the ratios as fractions against the article's (``plots.ratio_fractions``)."""
    from analysis_lib.plots import ratio_fractions

    source, year = report.params.source, report.params.end_year
    known = ratios.dropna(subset=["ratio"])
    if known.empty:
        return

    draw = partial(
        ratio_fractions,
        known[["partner", "ratio", "fraction_label", "claimed_label"]],
        source_ids=[source, "article"],
        lang=report.lang,
    )

    ids = {sid for p in ("RU", *known["partner"]) for sid in series_source_ids(source, p, [year])}
    report.figure(draw, "ratio_fractions", sorted(ids | {"article"}))


def tell_ratios(report: Report, ratios) -> None:
    """State each ratio, its nearest unit fraction and the verdict on the article's."""
    lang, t = report.lang, report.t
    source, year = report.params.source, report.params.end_year
    claim_year = int(ratios["claim_year"].iloc[0])
    if year != claim_year:
        report.say(
            t.gettext(
                "The article's fractions refer to {claim_year}; this report shows {year}, so "
                "its verdicts below still judge {claim_year}.",
                claim_year=claim_year,
                year=year,
            )
        )
    lines = []
    for row in ratios.itertuples(index=False):
        partner = with_partner(row.partner, report)
        if math.isnan(row.ratio):
            lines.append(
                t.gettext(
                    "{source} has no value of China's trade {partner} for {year}: the ratio "
                    "cannot be computed.",
                    source=source_label(source, lang),
                    partner=partner,
                    year=year,
                )
            )
            continue
        report.value(f"ratio_{year}_{row.partner}_{source}", round(row.ratio, 4))
        report.value(f"fraction_{year}_{row.partner}_{source}", row.fraction_label)
        line = t.gettext(
            "China–Russia trade was {ratio} of China's trade {partner} ({percent}%); the "
            "nearest unit fraction is {fraction}.",
            ratio=fmt(row.ratio, lang, 3),
            partner=partner,
            percent=fmt(row.ratio * 100, lang),
            fraction=row.fraction_label,
        )
        if isinstance(row.verdict, str):
            line += " " + t.gettext(
                "The article says {claimed} for {claim_year}: against this source "
                "**{verdict}**; the claim's verdict, against {primary}, is "
                "**{primary_verdict}**.",
                claimed=row.claimed_label,
                claim_year=claim_year,
                verdict=verdict_label(row.verdict, lang),
                primary=row.primary_source,
                primary_verdict=row.primary_verdict_text,
            )
        lines.append(line)
    report.say("\n".join(f"- {line}" for line in lines))


# ---------------------------------------------------------------- the audit


def audit(report: Report):
    """Return the article's three fractions, each with its primary verdict and cross-checks.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim_id``, ``year``, ``statement`` (report's language),
        ``claimed_text`` and those of :func:`analysis_lib.stories.common.claim_cells`
        (``primary_source``, ``figure``, ``verdict``, ``severity``, ``verdict_text``,
        ``cross_checks``).
    """
    claims = article_claims(load_claims(), tuple(views.RATIO_CLAIMS.values()))
    cells = claim_cells(audit_results(), claims["claim_id"], report.lang)
    table = claims[["claim_id", "year", "claimed_text"]].assign(
        statement=list(claims[f"statement_{report.lang}"])
    )
    return table.merge(cells, on="claim_id", how="left")


def tell_audit(report: Report, audit) -> None:
    """Table each fraction's primary verdict with the cross-checks beside it; name the official
    figures where there are two."""
    import pandas as pd

    lang, t = report.lang, report.t
    claim_ids = tuple(audit["claim_id"])
    results = audit_results()
    shown = {
        t.gettext("Claim of the article"): list(audit["statement"]),
        t.pgettext("table header", "Article"): list(audit["claimed_text"]),
        t.gettext("Primary source"): list(audit["primary_source"]),
        t.gettext("Its ratio"): list(audit["figure"]),
        t.gettext("Verdict"): list(audit["verdict_text"]),
        t.gettext("Cross-checks"): list(audit["cross_checks"]),
    }
    record_verdicts(report, results, claim_ids)
    mine = [r for r in results if r.id in claim_ids]
    report.say(
        t.gettext(
            "The article's three fractions, each judged against China's official figures for "
            "{year} (the customs totals where customs gives both, else the Ministry of "
            "Commerce's, which announced China's trade with Japan, Korea and Russia together); "
            "the other sources are cross-checks beside it, with their gap to the primary ratio.",
            year=int(audit["year"].max()),
        )
    )
    report.table(pd.DataFrame(shown))
    report.say(
        t.gettext(
            "{headline} (primary verdicts; the cross-checks are not counted).",
            headline=headline(mine, lang),
        )
    )
    cited = {sid for r in mine for sid in r.sources} | {"article"}
    cited |= _tell_official_figures(report, int(audit["year"].max()))
    report.cite(sorted(cited))


def _tell_official_figures(report: Report, year: int) -> set[str]:
    """Name each partner whose trade with China has more than one official figure."""
    from analysis_lib.claims.evidence import official_figures

    lang, t, cited = report.lang, report.t, set()
    for partner in ("RU", *views.RATIO_CLAIMS):
        points = official_figures(partner, year)
        if len(points) < 2:
            continue
        for point in points:
            report.value(f"official_{year}_{partner}_{point.source}_usd_bn", point.value)
            cited |= set(point.source_ids)
        figures = "; ".join(
            t.gettext(
                "{source}: {value} USD bn",
                source=source_name(p.source, lang),
                value=figure_text(p.figure(), lang),
            )
            for p in points
        )
        report.say(
            t.gettext(
                "China's trade {partner} in {year} has more than one official figure, all "
                "kept: {figures}.",
                partner=with_partner(partner, report),
                year=year,
                figures=figures,
            )
        )
    return cited


# ---------------------------------------------------------------- every year


def ratio_years(report: Report):
    """Return CN-RU / CN-partner in every year of the report by the chosen source.

    Returns
    -------
    pandas.DataFrame
        Columns ``year`` and one per partner (``US``, ``JP``, ``KR``, ``WLD``).
    """
    params = report.params
    return views.ratio_years(
        views.load_partner_series(), params.source, params.start_year, params.end_year
    )


def tell_ratio_years(report: Report, ratio_years) -> None:
    """Table the ratios in every year of the range for the chosen source."""
    lang, t, source = report.lang, report.t, report.params.source
    start_year, end_year = report.params.start_year, report.params.end_year
    shown = ratio_years.rename(
        columns={
            "year": t.gettext("Year"),
            **{p: partner_name(p, lang) for p in COMPARISON_PARTNERS},
        }
    )
    if start_year == end_year:
        said = t.gettext(
            "The ratios in {year} ({source}):", year=start_year, source=source_label(source, lang)
        )
    else:
        said = t.gettext(
            "The ratios in every year from {start} to {end} ({source}):",
            start=start_year,
            end=end_year,
            source=source_label(source, lang),
        )
    report.say(said)
    report.table(text_table(shown, lang, decimals=3))
    ids = {
        sid
        for p in ("RU", *COMPARISON_PARTNERS)
        for sid in series_source_ids(source, p, range(start_year, end_year + 1))
    }
    report.cite(sorted(ids))
