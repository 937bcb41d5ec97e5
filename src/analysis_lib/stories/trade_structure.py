"""Notebook 04, the trade's commodity structure, and the claim that its model never changed.

The article: "for 20 years the model of Sino-Russian trade has not changed" (claim
``structure-unchanged-20y``). The audit reads it through a proxy (the share of crude
materials and fuels in Russia's exports to China, the share of manufactures in
China's exports to Russia); this story shows that proxy for every year of the
``trade_structure`` table, with the concentration (HHI), the change between years
(structure distance) and the two-way trade (Grubel-Lloyd) beside it.

The data come from :mod:`analysis_lib.views.trade_structure`; this module draws and tells them.
"""

from __future__ import annotations

from analysis_lib.plots.labels import direction_label
from analysis_lib.stories.common import fmt, fmt_all, heading
from analysis_lib.stories.context import Report, escape_markdown, story_start
from analysis_lib.stories.texts.trade_structure import TEXT
from analysis_lib.views.common import claim_results, row_source_ids, year_span
from analysis_lib.views.trade_structure import (
    DIRECTIONS,
    change_summary,
    flow_metrics,
    intra_industry,
    one_way,
    proxy_shares,
    select,
)

NOTEBOOK = "04-trade-structure"
CLAIM_ID = "structure-unchanged-20y"
SITC = "SITC3"
CUSTOMS = "RU_CUSTOMS"
PRESS = "PRESS"


def _data_years() -> tuple[int, int]:
    from analysis_lib.loaders import load_trade_structure

    return year_span(load_trade_structure())


start = story_start(
    NOTEBOOK,
    _data_years,
    years="Years of the ``trade_structure`` table to show (default: all of them).",
)


def _years(report: Report) -> tuple[int, int]:
    return report.params.start_year, report.params.end_year


def show_claim(report: Report) -> None:
    """Quote the claim and state the audit's proxy."""
    from analysis_lib.claims.registry import load_registry
    from analysis_lib.claims.rules import MAJORITY_PCT

    heading(report, TEXT, "h_claim")
    text = TEXT[report.lang]
    registry = load_registry()
    claim = registry[registry["claim_id"] == CLAIM_ID].iloc[0]
    report.say(
        text["claim"].format(
            quote=escape_markdown(claim["quote"]),
            statement=escape_markdown(claim[f"statement_{report.lang}"]),
        )
    )
    report.say(text["proxy"].format(threshold=fmt(MAJORITY_PCT, report.lang, 0)))
    report.cite("article")


def show_shares(report: Report) -> None:
    """Draw the SITC shares of both flows and state the proxy for each year."""
    from analysis_lib.loaders import load_sources, load_trade_structure
    from analysis_lib.plots import structure_shares

    heading(report, TEXT, "h_shares")
    text, lang = TEXT[report.lang], report.lang
    sitc = select(load_trade_structure(), SITC, *_years(report))
    if sitc.empty:
        report.say(text["no_sitc"].format(start=_years(report)[0], end=_years(report)[1]))
        return
    fig = structure_shares(
        sitc, source_ids=row_source_ids(sitc), lang=lang, sources_df=load_sources()
    )
    report.figure(fig, "structure_shares", row_source_ids(sitc))
    for row in sitc.to_dict("records"):
        name = f"share_{row['exporter']}_{row['importer']}_{row['year']}_{row['category']}_pct"
        report.value(name, round(float(row["share_pct"]), 4))
    proxy = proxy_shares(sitc)
    lines = []
    for row in proxy.to_dict("records"):
        report.values(
            {
                f"proxy_commodities_{row['year']}_pct": round(row["commodities_pct"], 4),
                f"proxy_manufactures_{row['year']}_pct": round(row["manufactures_pct"], 4),
                f"proxy_holds_{row['year']}": row["holds"],
            }
        )
        lines.append(
            text["proxy_year"].format(
                year=row["year"],
                commodities=fmt(row["commodities_pct"], lang),
                manufactures=fmt(row["manufactures_pct"], lang),
                holds=text["holds_yes" if row["holds"] else "holds_no"],
            )
        )
    report.say("\n".join(lines))
    metrics = flow_metrics(sitc)
    ru = metrics[metrics["exporter"] == "RU"].sort_values("year")
    cn = metrics[metrics["exporter"] == "CN"].sort_values("year")
    if ru.empty or cn.empty:
        return
    first, last, cn_first, cn_last = ru.iloc[0], ru.iloc[-1], cn.iloc[0], cn.iloc[-1]
    if len(ru) == 1:
        report.say(
            text["largest_one"].format(
                year=first["year"],
                name=escape_markdown(first[f"top_name_{lang}"]),
                share=fmt(first["top_share_pct"], lang),
                cn_name=escape_markdown(cn_first[f"top_name_{lang}"]),
                cn_share=fmt(cn_first["top_share_pct"], lang),
            )
        )
        return
    report.say(
        text["largest"].format(
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


def show_metrics(report: Report) -> None:
    """Show HHI, structure distance and Grubel-Lloyd per year, with a sentence on the change."""
    import pandas as pd

    text, lang = TEXT[report.lang], report.lang
    sitc = select(_load(), SITC, *_years(report))
    if sitc.empty:
        return
    heading(report, TEXT, "h_metrics")
    metrics = flow_metrics(sitc)
    gl = intra_industry(sitc)
    for row in metrics.to_dict("records"):
        key = f"{row['exporter']}_{row['importer']}_{row['year']}"
        report.value(f"hhi_{key}", round(row["hhi"], 4))
        if not pd.isna(row["distance_pp"]):
            report.value(f"distance_{key}_pp", round(row["distance_pp"], 4))
    for row in gl.to_dict("records"):
        report.value(f"grubel_lloyd_{row['year']}", round(row["grubel_lloyd"], 4))
    table = metrics.merge(gl, on="year", how="left")
    shown = pd.DataFrame(
        {
            text["col_direction"]: [
                direction_label(e, i, lang)
                for e, i in zip(table["exporter"], table["importer"], strict=True)
            ],
            text["col_year"]: table["year"].astype(str),
            text["col_hhi"]: fmt_all(table["hhi"], lang, 3),
            text["col_top"]: table[f"top_name_{lang}"],
            text["col_top_share"]: fmt_all(table["top_share_pct"], lang, 1),
            text["col_distance"]: fmt_all(table["distance_pp"], lang, 1),
            text["col_gl"]: fmt_all(table["grubel_lloyd"], lang, 3),
        }
    )
    report.table(shown)
    report.cite(row_source_ids(sitc))
    summary = change_summary(sitc)
    if summary is None:
        return
    if summary["first"] == summary["last"]:
        report.say(
            text["metrics_one_year"].format(
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
    report.say(
        text["metrics"].format(
            first=summary["first"],
            last=summary["last"],
            **{
                key: fmt(summary[key], lang, 1 if key.endswith("distance") else 3)
                for key in (
                    "ru_distance",
                    "cn_distance",
                    "ru_hhi_first",
                    "ru_hhi_last",
                    "gl_first",
                    "gl_last",
                )
            },
        )
    )


def _load():
    from analysis_lib.loaders import load_trade_structure

    return load_trade_structure()


def show_customs(report: Report) -> None:
    """Draw and describe the Russian customs breakdown (and a later press figure) in range."""
    from analysis_lib.loaders import load_sources
    from analysis_lib.plots import structure_shares

    text, lang = TEXT[report.lang], report.lang
    structure = _load()
    customs = select(structure, CUSTOMS, *_years(report))
    press = select(structure, PRESS, *_years(report))
    if not (customs.empty and press.empty):
        heading(report, TEXT, "h_customs")
    if not customs.empty:
        fig = structure_shares(
            customs, source_ids=row_source_ids(customs), lang=lang, sources_df=load_sources()
        )
        report.figure(fig, "structure_customs", row_source_ids(customs))
        for year in sorted(customs["year"].unique()):
            in_year = customs[customs["year"] == year]
            tops = {}
            for exporter, importer in DIRECTIONS:
                rows = one_way(in_year, exporter, importer)
                if rows.empty:
                    continue
                top = rows.loc[rows["share_pct"].idxmax()]
                tops[exporter] = top
                report.value(
                    f"customs_top_{exporter}_{importer}_{year}_pct",
                    round(float(top["share_pct"]), 4),
                )
            if set(tops) != {"CN", "RU"}:
                continue
            report.say(
                text["customs"].format(
                    year=int(year),
                    ru_top_name=escape_markdown(tops["RU"][f"category_{lang}"]),
                    ru_top=fmt(tops["RU"]["share_pct"], lang),
                    cn_top_name=escape_markdown(tops["CN"][f"category_{lang}"]),
                    cn_top=fmt(tops["CN"]["share_pct"], lang),
                )
            )
    for row in press.to_dict("records"):
        report.value(
            f"press_{row['exporter']}_{row['importer']}_{row['year']}_{row['category']}_pct",
            round(float(row["share_pct"]), 4),
        )
        if row["period"] == "year":
            when = text["when_year"].format(year=row["year"])
        else:
            period = text.get(f"period.{row['period']}", escape_markdown(row["period"]))
            when = text["when_period"].format(period=period, year=row["year"])
        report.say(
            text["later"].format(
                when=when,
                category=escape_markdown(row[f"category_{lang}"]),
                share=fmt(row["share_pct"], lang, 0),
            )
        )
        report.cite(row["source_id"])


def show_verdict(report: Report) -> None:
    """State the audit's verdict on the claim and its arithmetic, as the audit wrote them."""
    from analysis_lib.plots.labels import label

    heading(report, TEXT, "h_verdict")
    text = TEXT[report.lang]
    for result in claim_results(CLAIM_ID):
        report.value(f"verdict_{CLAIM_ID}", result.verdict)
        report.say(
            text["verdict"].format(
                verdict=label(f"verdict.{result.verdict}", report.lang),
                explanation=escape_markdown(result.explanation),
            )
        )
        report.cite(result.sources)
