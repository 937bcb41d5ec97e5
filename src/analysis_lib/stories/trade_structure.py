"""Notebook 04, the trade's commodity structure, and the claim that its model never changed.

The article: "for 20 years the model of Sino-Russian trade has not changed" (claim
``structure-unchanged-20y``). The audit reads it through a proxy (the share of crude
materials and fuels in Russia's exports to China, the share of manufactures in
China's exports to Russia). Sections: :func:`shares`, :func:`metrics`, :func:`customs`,
:func:`verdict` give the data (views of :mod:`analysis_lib.views.trade_structure`);
``draw_*`` and ``tell_*`` draw and say them in the report's language.
"""

from __future__ import annotations

from functools import partial

from analysis_lib.plots.labels import direction_label
from analysis_lib.stories.common import fmt, fmt_all, quoted_english
from analysis_lib.stories.context import Report, escape_markdown, phrase_markdown, story_start
from analysis_lib.views import trade_structure as views
from analysis_lib.views.common import claim_results, row_source_ids, year_span

NOTEBOOK = "04-trade-structure"
CLAIM_ID = "structure-unchanged-20y"
SITC = "SITC3"
CUSTOMS = "RU_CUSTOMS"
PRESS = "PRESS"


def _structure():
    from analysis_lib.loaders import load_trade_structure

    return load_trade_structure()


start = story_start(
    NOTEBOOK,
    lambda: year_span(_structure()),
    years="Years of the ``trade_structure`` table to show (default: all of them).",
)


def _years(report: Report) -> tuple[int, int]:
    return report.params.start_year, report.params.end_year


def tell_claim(report: Report) -> None:
    """Quote the claim and state the audit's proxy."""
    from analysis_lib.claims.registry import load_registry
    from analysis_lib.claims.rules import MAJORITY_PCT

    t = report.t
    registry = load_registry()
    claim = registry[registry["claim_id"] == CLAIM_ID].iloc[0]
    report.say(
        t.gettext(
            "The article: “{quote}” The audit reads it as: {statement}",
            quote=quoted_english(escape_markdown(claim["quote"]), report.lang),
            statement=escape_markdown(claim[f"statement_{report.lang}"]),
        )
    )
    report.say(
        t.gettext(
            "The audit's proxy: crude materials and fuels (SITC 2+3) in Russia's exports to "
            "China and manufactures (SITC 6+7+8) in China's exports to Russia; the model holds "
            "in a year when both exceed {threshold}%.",
            threshold=fmt(MAJORITY_PCT, report.lang, 0),
        )
    )
    report.cite("article")


# ---------------------------------------------------------------- SITC shares


def shares(report: Report):
    """Return the SITC shares of both flows in the report's years.

    Returns
    -------
    pandas.DataFrame
        Rows of ``trade_structure`` with classification ``SITC3``.
    """
    return views.select(_structure(), SITC, *_years(report))


def draw_shares(report: Report, shares) -> None:
    """Draw the shares of both flows as stacked bars (``plots.structure_shares``)."""
    from analysis_lib.loaders import load_sources
    from analysis_lib.plots import structure_shares

    if shares.empty:
        return
    ids = row_source_ids(shares)

    draw = partial(
        structure_shares, shares, source_ids=ids, lang=report.lang, sources_df=load_sources()
    )

    report.figure(draw, "structure_shares", ids)


def tell_shares(report: Report, shares) -> None:
    """State the proxy for each year and the largest group of each flow."""
    lang, t = report.lang, report.t
    if shares.empty:
        start_year, end_year = _years(report)
        report.say(
            t.gettext(
                "The chosen years {start}–{end} hold no SITC breakdown.",
                start=start_year,
                end=end_year,
            )
        )
        return
    for row in shares.to_dict("records"):
        name = f"share_{row['exporter']}_{row['importer']}_{row['year']}_{row['category']}_pct"
        report.value(name, round(float(row["share_pct"]), 4))
    lines = []
    for row in views.proxy_shares(shares).to_dict("records"):
        report.values(
            {
                f"proxy_commodities_{row['year']}_pct": round(row["commodities_pct"], 4),
                f"proxy_manufactures_{row['year']}_pct": round(row["manufactures_pct"], 4),
                f"proxy_holds_{row['year']}": row["holds"],
            }
        )
        lines.append(
            t.gettext(
                "- {year}: Russia → China {commodities}% commodities, China → Russia "
                "{manufactures}% manufactures: {holds}",
                year=row["year"],
                commodities=fmt(row["commodities_pct"], lang),
                manufactures=fmt(row["manufactures_pct"], lang),
                holds=t.gettext("the model holds")
                if row["holds"]
                else t.gettext("the model does not hold"),
            )
        )
    report.say("\n".join(lines))
    _tell_largest(report, views.flow_metrics(shares))


def _tell_largest(report: Report, metrics) -> None:
    lang, t = report.lang, report.t
    ru = metrics[metrics["exporter"] == "RU"].sort_values("year")
    cn = metrics[metrics["exporter"] == "CN"].sort_values("year")
    if ru.empty or cn.empty:
        return
    first, last, cn_first, cn_last = ru.iloc[0], ru.iloc[-1], cn.iloc[0], cn.iloc[-1]
    if len(ru) == 1:
        report.say(
            t.gettext(
                "In {year} Russia's largest export group to China was {name} ({share}%), "
                "China's {cn_name} ({cn_share}%).",
                year=first["year"],
                name=escape_markdown(first[f"top_name_{lang}"]),
                share=fmt(first["top_share_pct"], lang),
                cn_name=escape_markdown(cn_first[f"top_name_{lang}"]),
                cn_share=fmt(cn_first["top_share_pct"], lang),
            )
        )
        return
    report.say(
        t.gettext(
            "Russia's largest export group to China was {first_name} in {first_year} "
            "({first_share}%) and {last_name} in {last_year} ({last_share}%); China's was "
            "{cn_first_name} ({cn_first_share}%) and {cn_last_name} ({cn_last_share}%).",
            first_name=escape_markdown(first[f"top_name_{lang}"]),
            first_year=first["year"],
            first_share=fmt(first["top_share_pct"], lang),
            last_name=escape_markdown(last[f"top_name_{lang}"]),
            last_year=last["year"],
            last_share=fmt(last["top_share_pct"], lang),
            cn_first_name=escape_markdown(cn_first[f"top_name_{lang}"]),
            cn_first_share=fmt(cn_first["top_share_pct"], lang),
            cn_last_name=escape_markdown(cn_last[f"top_name_{lang}"]),
            cn_last_share=fmt(cn_last["top_share_pct"], lang),
        )
    )


# ---------------------------------------------------------------- concentration and change


def metrics(report: Report):
    """Return HHI, largest group, structure distance and Grubel-Lloyd per flow and year.

    Returns
    -------
    pandas.DataFrame
        :func:`analysis_lib.views.trade_structure.flow_metrics` with ``grubel_lloyd``
        (NaN in a year without both flows).
    """
    sitc = shares(report)
    if sitc.empty:
        return views.flow_metrics(sitc).assign(grubel_lloyd=[])
    return views.flow_metrics(sitc).merge(views.intra_industry(sitc), on="year", how="left")


def tell_metrics(report: Report, metrics) -> None:
    """Table the metrics per flow and year; say how the structure changed over the years."""
    import pandas as pd

    lang, t = report.lang, report.t
    if metrics.empty:
        return
    for row in metrics.to_dict("records"):
        key = f"{row['exporter']}_{row['importer']}_{row['year']}"
        report.value(f"hhi_{key}", round(row["hhi"], 4))
        if not pd.isna(row["distance_pp"]):
            report.value(f"distance_{key}_pp", round(row["distance_pp"], 4))
    for row in metrics.dropna(subset=["grubel_lloyd"]).drop_duplicates("year").to_dict("records"):
        report.value(f"grubel_lloyd_{row['year']}", round(row["grubel_lloyd"], 4))
    shown = pd.DataFrame(
        {
            t.gettext("Flow"): [
                direction_label(e, i, lang)
                for e, i in zip(metrics["exporter"], metrics["importer"], strict=True)
            ],
            t.gettext("Year"): metrics["year"].astype(str),
            t.gettext("HHI"): fmt_all(metrics["hhi"], lang, 3),
            t.gettext("Largest group"): metrics[f"top_name_{lang}"],
            t.gettext("Its share, %"): fmt_all(metrics["top_share_pct"], lang, 1),
            t.gettext("Change since the previous year shown, p.p."): fmt_all(
                metrics["distance_pp"], lang, 1
            ),
            t.gettext("Grubel-Lloyd index"): fmt_all(metrics["grubel_lloyd"], lang, 3),
        }
    )
    report.table(shown)
    sitc = shares(report)
    report.cite(row_source_ids(sitc))
    _tell_change(report, views.change_summary(sitc))


def _tell_change(report: Report, summary: dict | None) -> None:
    lang, t = report.lang, report.t
    if summary is None:
        return
    if summary["first"] == summary["last"]:
        report.say(
            t.gettext(
                "Only {year} is in the chosen years, so no change can be measured; the "
                "concentration (HHI) of Russia's exports to China was {ru_hhi} and the "
                "Grubel-Lloyd index {gl}.",
                year=summary["first"],
                ru_hhi=fmt(summary["ru_hhi_first"], lang, 3),
                gl=fmt(summary["gl_first"], lang, 3),
            )
        )
        return
    span = f"{summary['first']}_{summary['last']}"
    report.values(
        {
            f"distance_RU_CN_{span}_pp": round(summary["ru_distance"], 4),
            f"distance_CN_RU_{span}_pp": round(summary["cn_distance"], 4),
        }
    )
    shown = {
        key: fmt(summary[key], lang, 1 if key.endswith("distance") else 3)
        for key in (
            "ru_distance",
            "cn_distance",
            "ru_hhi_first",
            "ru_hhi_last",
            "gl_first",
            "gl_last",
        )
    }
    report.say(
        t.gettext(
            "Between {first} and {last} Russia's exports to China changed by {ru_distance} "
            "percentage points of structure (half the sum of the share changes) and China's "
            "by {cn_distance}. The concentration (HHI) of Russia's exports went from "
            "{ru_hhi_first} to {ru_hhi_last}. The Grubel-Lloyd index of two-way trade over the "
            "listed sections went from {gl_first} to {gl_last} (0: each section flows one way, "
            "1: fully two-way).",
            first=summary["first"],
            last=summary["last"],
            **shown,
        )
    )


# ---------------------------------------------------------------- Russian customs, later figures


def customs(report: Report):
    """Return the Russian customs breakdown and the later press figures in the report's years.

    Returns
    -------
    pandas.DataFrame
        Rows of ``trade_structure`` with classification ``RU_CUSTOMS`` or ``PRESS``.
    """
    import pandas as pd

    structure = _structure()
    parts = [views.select(structure, c, *_years(report)) for c in (CUSTOMS, PRESS)]
    return pd.concat(parts, ignore_index=True)


def draw_customs(report: Report, customs) -> None:
    """Draw the Russian customs breakdown (``plots.structure_shares``)."""
    from analysis_lib.loaders import load_sources
    from analysis_lib.plots import structure_shares

    breakdown = customs[customs["classification"] == CUSTOMS]
    if breakdown.empty:
        return
    ids = row_source_ids(breakdown)

    draw = partial(
        structure_shares, breakdown, source_ids=ids, lang=report.lang, sources_df=load_sources()
    )

    report.figure(draw, "structure_customs", ids)


def tell_customs(report: Report, customs) -> None:
    """State each year's largest customs group per flow, and each later press figure."""
    lang, t = report.lang, report.t
    breakdown = customs[customs["classification"] == CUSTOMS]
    for year in sorted(breakdown["year"].unique()):
        in_year = breakdown[breakdown["year"] == year]
        tops = {}
        for exporter, importer in views.DIRECTIONS:
            rows = views.one_way(in_year, exporter, importer)
            if rows.empty:
                continue
            top = rows.loc[rows["share_pct"].idxmax()]
            tops[exporter] = top
            report.value(
                f"customs_top_{exporter}_{importer}_{year}_pct", round(float(top["share_pct"]), 4)
            )
        if set(tops) != {"CN", "RU"}:
            continue
        report.say(
            t.gettext(
                "Russian customs for {year}: the largest group of Russia's exports to China "
                "was {ru_top_name} ({ru_top}%), of its imports from China {cn_top_name} "
                "({cn_top}%).",
                year=int(year),
                ru_top_name=escape_markdown(tops["RU"][f"category_{lang}"]),
                ru_top=fmt(tops["RU"]["share_pct"], lang),
                cn_top_name=escape_markdown(tops["CN"][f"category_{lang}"]),
                cn_top=fmt(tops["CN"]["share_pct"], lang),
            )
        )
    # TRANSLATORS: a period of a year, shown as "in {period} {year}" (Russian: prepositional).
    periods = {"jan-aug": t.gettext("January–August")}
    for row in customs[customs["classification"] == PRESS].to_dict("records"):
        report.value(
            f"press_{row['exporter']}_{row['importer']}_{row['year']}_{row['category']}_pct",
            round(float(row["share_pct"]), 4),
        )
        when = str(row["year"])
        if row["period"] != "year":
            period = periods.get(row["period"], escape_markdown(row["period"]))
            when = f"{period} {row['year']}"
        report.say(
            t.gettext(
                "Later, in {when}, {category} made up {share}% of Russia's exports to China "
                "(press report).",
                when=when,
                category=escape_markdown(row[f"category_{lang}"]),
                share=fmt(row["share_pct"], lang, 0),
            )
        )
        report.cite(row["source_id"])


# ---------------------------------------------------------------- the verdict


def verdict(report: Report):
    """Return the audit's verdict on the claim, with its arithmetic and sources.

    Returns
    -------
    pandas.DataFrame
        Columns ``verdict``, ``explanation``, ``sources`` (one row per checking source).
    """
    import pandas as pd

    results = claim_results(CLAIM_ID)
    return pd.DataFrame(
        [
            {"verdict": r.verdict, "explanation": r.explanation, "sources": r.sources}
            for r in results
        ],
        columns=["verdict", "explanation", "sources"],
    )


def tell_verdict(report: Report, verdict) -> None:
    """State the audit's verdict on the claim and its arithmetic, as the audit wrote them."""
    from analysis_lib.plots.labels import verdict_in_prose

    t = report.t
    for row in verdict.itertuples(index=False):
        report.value(f"verdict_{CLAIM_ID}", row.verdict)
        report.say(
            t.gettext(
                "Verdict of the audit: **{verdict}**. The audit's arithmetic: {explanation}",
                verdict=verdict_in_prose(row.verdict, report.lang),
                explanation=phrase_markdown(row.explanation, report.lang),
            )
        )
        report.cite(row.sources)
