"""Notebook 04, the trade's commodity structure, and the claim that its model never changed.

The article: "for 20 years the model of Sino-Russian trade has not changed" (claim
``structure-unchanged-20y``). The audit reads it through a proxy (the share of crude
materials and fuels in Russia's exports to China, the share of manufactures in
China's exports to Russia); this story shows that proxy for every year of the
``trade_structure`` table, with the concentration (HHI), the change between years
(structure distance) and the two-way trade (Grubel-Lloyd) beside it.
"""

from __future__ import annotations

from analysis_lib.params import check_lang
from analysis_lib.stories.context import Report, escape_markdown, start_report

NOTEBOOK = "04-trade-structure"
CLAIM_ID = "structure-unchanged-20y"
SITC = "SITC3"
CUSTOMS = "RU_CUSTOMS"
PRESS = "PRESS"
DIRECTIONS = (("CN", "RU"), ("RU", "CN"))

TEXT = {
    "en": {
        "h_claim": "The claim",
        "h_shares": "Shares by SITC section",
        "h_metrics": "Concentration, change and two-way trade",
        "h_customs": "Russian customs and later figures",
        "h_verdict": "Verdict of the audit",
        "claim": "The article: “{quote}” The audit reads it as: {statement}",
        "proxy": (
            "The audit's proxy: crude materials and fuels (SITC 2+3) in Russia's exports "
            "to China and manufactures (SITC 6+7+8) in China's exports to Russia; the model "
            "holds in a year when both exceed {threshold}%."
        ),
        "proxy_year": (
            "- {year}: Russia → China {commodities}% commodities, China → Russia "
            "{manufactures}% manufactures: {holds}"
        ),
        "holds_yes": "the model holds",
        "holds_no": "the model does not hold",
        "largest": (
            "Russia's largest export group to China was {first_name} in {first_year} "
            "({first_share}%) and {last_name} in {last_year} ({last_share}%); China's was "
            "{cn_first_name} ({cn_first_share}%) and {cn_last_name} ({cn_last_share}%)."
        ),
        "metrics": (
            "Between {first} and {last} Russia's exports to China changed by "
            "{ru_distance} percentage points of structure (half the sum of the share "
            "changes) and China's by {cn_distance}. The concentration (HHI) of Russia's "
            "exports went from {ru_hhi_first} to {ru_hhi_last}. The Grubel-Lloyd index of "
            "two-way trade over the listed sections went from {gl_first} to {gl_last} "
            "(0: each section flows one way, 1: fully two-way)."
        ),
        "metrics_one_year": (
            "Only {year} is in the chosen years, so no change can be measured; the "
            "concentration (HHI) of Russia's exports to China was {ru_hhi} and the "
            "Grubel-Lloyd index {gl}."
        ),
        "customs": (
            "Russian customs for {year}: the largest group of Russia's exports to China "
            "was {ru_top_name} ({ru_top}%), of its imports from China {cn_top_name} "
            "({cn_top}%)."
        ),
        "later": (
            "Later, in {when}, {category} made up {share}% of Russia's exports to China "
            "(press report)."
        ),
        "when_year": "{year}",
        "when_period": "{period} {year}",
        "largest_one": (
            "In {year} Russia's largest export group to China was {name} ({share}%), "
            "China's {cn_name} ({cn_share}%)."
        ),
        "verdict": "Verdict of the audit: **{verdict}**. The audit's arithmetic: {explanation}",
        "no_sitc": "The chosen years {start}–{end} hold no SITC breakdown.",
        "col_year": "Year",
        "col_direction": "Flow",
        "col_hhi": "HHI",
        "col_top": "Largest group",
        "col_top_share": "Its share, %",
        "col_proxy": "Proxy group share, %",
        "col_distance": "Change since the previous year shown, p.p.",
        "col_gl": "Grubel-Lloyd index",
        "period.jan-aug": "January–August",
    },
    "ru": {
        "h_claim": "Утверждение статьи",
        "h_shares": "Доли разделов МСТК",
        "h_metrics": "Концентрация, изменения и встречная торговля",
        "h_customs": "Данные российской таможни и более поздние цифры",
        "h_verdict": "Вердикт проверки",
        "claim": (
            "Утверждение статьи (в английском тексте: «{quote}»). Проверка понимает его "
            "так: {statement}"
        ),
        "proxy": (
            "Показатель, по которому проводится проверка: доля сырья и топлива (разделы "
            "МСТК 2+3) в экспорте России в Китай и доля готовых изделий (разделы 6+7+8) в "
            "экспорте Китая в Россию; модель сохраняется в тот год, когда обе доли "
            "превышают {threshold}%."
        ),
        "proxy_year": (
            "- {year} г.: Россия → Китай — сырьё и топливо {commodities}%, Китай → Россия "
            "— готовые изделия {manufactures}%: {holds}"
        ),
        "holds_yes": "модель сохраняется",
        "holds_no": "модель не выполняется",
        "largest": (
            "Крупнейшей группой экспорта России в Китай в {first_year} г. была группа "
            "«{first_name}» ({first_share}%), в {last_year} г. — «{last_name}» "
            "({last_share}%); в экспорте Китая — «{cn_first_name}» ({cn_first_share}%) и "
            "«{cn_last_name}» ({cn_last_share}%)."
        ),
        "metrics": (
            "С {first} по {last} г. структура экспорта России в Китай изменилась на "
            "{ru_distance} процентного пункта (половина суммы изменений долей), экспорта "
            "Китая в Россию — на {cn_distance}. Концентрация (индекс Херфиндаля–Хиршмана) "
            "экспорта России изменилась с {ru_hhi_first} до {ru_hhi_last}. Индекс "
            "Грубеля–Ллойда для встречной торговли по указанным разделам изменился с "
            "{gl_first} до {gl_last} (0 — каждый раздел идёт в одну сторону, 1 — торговля "
            "полностью встречная)."
        ),
        "metrics_one_year": (
            "В выбранные годы попадает только {year} г., поэтому изменение измерить "
            "нельзя; концентрация экспорта России в Китай (индекс Херфиндаля–Хиршмана) "
            "составила {ru_hhi}, индекс Грубеля–Ллойда — {gl}."
        ),
        "customs": (
            "По данным российской таможни за {year} г., крупнейшая группа экспорта России "
            "в Китай — «{ru_top_name}» ({ru_top}%), импорта из Китая — «{cn_top_name}» "
            "({cn_top}%)."
        ),
        "later": (
            "Позднее, в {when} г., на группу «{category}» приходилось {share}% экспорта "
            "России в Китай (по сообщениям прессы)."
        ),
        "when_year": "{year}",
        "when_period": "{period} {year}",
        "largest_one": (
            "В {year} г. крупнейшей группой экспорта России в Китай была группа «{name}» "
            "({share}%), экспорта Китая в Россию — «{cn_name}» ({cn_share}%)."
        ),
        "verdict": (
            "Вердикт проверки: **{verdict}**. Расчёт модуля проверки (на английском "
            "языке): {explanation}"
        ),
        "no_sitc": "В выбранные годы {start}–{end} нет данных о структуре по МСТК.",
        "col_year": "Год",
        "col_direction": "Поток",
        "col_hhi": "Индекс Херфиндаля–Хиршмана",
        "col_top": "Крупнейшая группа",
        "col_top_share": "Её доля, %",
        "col_proxy": "Доля группы показателя, %",
        "col_distance": "Изменение с предыдущего показанного года, п.п.",
        "col_gl": "Индекс Грубеля–Ллойда",
        "period.jan-aug": "январе–августе",
    },
}


def data_years(structure_df) -> tuple[int, int]:
    """Return the first and last year of the ``trade_structure`` table."""
    return int(structure_df["year"].min()), int(structure_df["year"].max())


def start(
    lang: object = "en",
    start_year: object = None,
    end_year: object = None,
    output_dir: object = "",
) -> Report:
    """Validate the notebook's parameters and return its report.

    Parameters
    ----------
    lang : {'en', 'ru'}
    start_year, end_year : int, optional
        Years of the ``trade_structure`` table to show (default: all of them).
    output_dir : str
        Folder for figures and ``values.json``; "" means the build's default.
    """
    check_lang(lang)
    from analysis_lib.loaders import load_trade_structure

    return start_report(
        NOTEBOOK,
        lang=lang,
        output_dir=output_dir,
        start_year=start_year,
        end_year=end_year,
        data_years=data_years(load_trade_structure()),
    )


def select(structure_df, classification: str, start_year: int, end_year: int):
    """Return the rows of one classification whose year lies in ``start_year``–``end_year``."""
    chosen = structure_df[
        (structure_df["classification"] == classification)
        & structure_df["year"].between(start_year, end_year)
    ]
    return chosen.reset_index(drop=True)


def proxy_shares(sitc_df):
    """Return the audit's structure proxy for each year of an SITC breakdown.

    Parameters
    ----------
    sitc_df : pandas.DataFrame
        SITC rows of ``trade_structure`` (columns ``exporter``, ``importer``, ``year``,
        ``category``, ``share_pct``).

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``commodities_pct`` (RU→CN SITC 2+3), ``manufactures_pct``
        (CN→RU SITC 6+7+8), ``holds`` (both above the audit's majority threshold).
    """
    import pandas as pd

    from analysis_lib.claims.record_checks import STRUCTURE_GROUPS
    from analysis_lib.claims.rules import MAJORITY_PCT

    (_, ru_exp, ru_imp, commodities), (_, cn_exp, cn_imp, manufactures) = STRUCTURE_GROUPS
    rows = []
    for year in sorted(sitc_df["year"].unique()):
        in_year = sitc_df[sitc_df["year"] == year]
        first = _group_share(in_year, ru_exp, ru_imp, commodities)
        second = _group_share(in_year, cn_exp, cn_imp, manufactures)
        rows.append(
            {
                "year": int(year),
                "commodities_pct": first,
                "manufactures_pct": second,
                "holds": bool(first > MAJORITY_PCT and second > MAJORITY_PCT),
            }
        )
    return pd.DataFrame(rows, columns=["year", "commodities_pct", "manufactures_pct", "holds"])


def _group_share(rows, exporter, importer, categories) -> float:
    flow = rows[(rows["exporter"] == exporter) & (rows["importer"] == importer)]
    return float(flow.loc[flow["category"].isin(categories), "share_pct"].sum())


def flow_metrics(sitc_df):
    """Return concentration and change of each flow's structure, year by year.

    Parameters
    ----------
    sitc_df : pandas.DataFrame
        SITC rows of ``trade_structure``.

    Returns
    -------
    pandas.DataFrame
        One row per direction and year: ``exporter``, ``importer``, ``year``, ``hhi``
        (of the listed sections' shares as fractions), ``top_category``,
        ``top_name_en``, ``top_name_ru``, ``top_share_pct``, ``distance_pp`` (structure
        distance from the previous year of that direction; NaN for the first).
    """
    import pandas as pd

    from analysis_lib.metrics import herfindahl_hirschman, structure_distance

    rows = []
    for exporter, importer in DIRECTIONS:
        flow = sitc_df[(sitc_df["exporter"] == exporter) & (sitc_df["importer"] == importer)]
        previous = None
        for year in sorted(flow["year"].unique()):
            shares = flow[flow["year"] == year].set_index("category")
            fractions = shares["share_pct"].astype(float) / 100
            top = shares["share_pct"].idxmax()
            rows.append(
                {
                    "exporter": exporter,
                    "importer": importer,
                    "year": int(year),
                    "hhi": herfindahl_hirschman(fractions),
                    "top_category": top,
                    "top_name_en": str(shares.loc[top, "category_en"]),
                    "top_name_ru": str(shares.loc[top, "category_ru"]),
                    "top_share_pct": float(shares.loc[top, "share_pct"]),
                    "distance_pp": float("nan")
                    if previous is None
                    else structure_distance(previous, fractions),
                }
            )
            previous = fractions
    return pd.DataFrame(rows)


def intra_industry(sitc_df):
    """Return the Grubel-Lloyd index of China-Russia trade per year, over the listed sections.

    Each direction's flow per section is ``share_pct / 100 × flow_total_usd_bn``; China's
    exports are the CN→RU flow, its imports the RU→CN flow (both exporter-reported).

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``grubel_lloyd``; only years with both directions.
    """
    import pandas as pd

    from analysis_lib.metrics import grubel_lloyd

    rows = []
    for year in sorted(sitc_df["year"].unique()):
        in_year = sitc_df[sitc_df["year"] == year]
        flows = {}
        for exporter, importer in DIRECTIONS:
            flow = in_year[(in_year["exporter"] == exporter) & (in_year["importer"] == importer)]
            usd = flow["share_pct"].astype(float) / 100 * flow["flow_total_usd_bn"].astype(float)
            flows[exporter] = pd.Series(usd.to_numpy(), index=flow["category"].to_numpy())
        if any(flow.empty for flow in flows.values()):
            continue
        categories = flows["CN"].index.intersection(flows["RU"].index)
        value = grubel_lloyd(flows["CN"][categories], flows["RU"][categories])
        rows.append({"year": int(year), "grubel_lloyd": value})
    return pd.DataFrame(rows, columns=["year", "grubel_lloyd"])


def _fmt(value: float, lang: str, decimals: int = 1) -> str:
    from analysis_lib.plots.labels import format_number

    return format_number(value, lang, decimals)


def _texts(values, lang: str, decimals: int) -> list[str]:
    """Format a column for a table in the report's language; a missing value shows "–"."""
    return ["–" if v != v else _fmt(float(v), lang, decimals) for v in values]


def _years(report: Report) -> tuple[int, int]:
    return report.params.start_year, report.params.end_year


def _sources(rows) -> list[str]:
    return sorted(set(rows["source_id"].astype(str)))


def show_claim(report: Report) -> None:
    """Quote the claim and state the audit's proxy."""
    from analysis_lib.claims.registry import load_registry
    from analysis_lib.claims.rules import MAJORITY_PCT

    _heading(report, "h_claim")
    text = TEXT[report.lang]
    registry = load_registry()
    claim = registry[registry["claim_id"] == CLAIM_ID].iloc[0]
    report.say(
        text["claim"].format(
            quote=escape_markdown(claim["quote"]),
            statement=escape_markdown(claim[f"statement_{report.lang}"]),
        )
    )
    report.say(text["proxy"].format(threshold=_fmt(MAJORITY_PCT, report.lang, 0)))
    report.cite("article")


def show_shares(report: Report) -> None:
    """Draw the SITC shares of both flows and state the proxy for each year."""
    from analysis_lib.loaders import load_sources, load_trade_structure
    from analysis_lib.plots import structure_shares

    _heading(report, "h_shares")
    text, lang = TEXT[report.lang], report.lang
    sitc = select(load_trade_structure(), SITC, *_years(report))
    if sitc.empty:
        report.say(text["no_sitc"].format(start=_years(report)[0], end=_years(report)[1]))
        return
    fig = structure_shares(sitc, source_ids=_sources(sitc), lang=lang, sources_df=load_sources())
    report.figure(fig, "structure_shares", _sources(sitc))
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
                commodities=_fmt(row["commodities_pct"], lang),
                manufactures=_fmt(row["manufactures_pct"], lang),
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
                share=_fmt(first["top_share_pct"], lang),
                cn_name=escape_markdown(cn_first[f"top_name_{lang}"]),
                cn_share=_fmt(cn_first["top_share_pct"], lang),
            )
        )
        return
    report.say(
        text["largest"].format(
            first_name=escape_markdown(first[f"top_name_{lang}"]),
            first_year=first["year"],
            first_share=_fmt(first["top_share_pct"], lang),
            last_name=escape_markdown(last[f"top_name_{lang}"]),
            last_year=last["year"],
            last_share=_fmt(last["top_share_pct"], lang),
            cn_first_name=escape_markdown(cn_first[f"top_name_{lang}"]),
            cn_first_share=_fmt(cn_first["top_share_pct"], lang),
            cn_last_name=escape_markdown(cn_last[f"top_name_{lang}"]),
            cn_last_share=_fmt(cn_last["top_share_pct"], lang),
        )
    )


def show_metrics(report: Report) -> None:
    """Show HHI, structure distance and Grubel-Lloyd per year, with a sentence on the change."""
    import pandas as pd

    text, lang = TEXT[report.lang], report.lang
    sitc = select(_load(), SITC, *_years(report))
    if sitc.empty:
        return
    _heading(report, "h_metrics")
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
                _direction(e, i, lang)
                for e, i in zip(table["exporter"], table["importer"], strict=True)
            ],
            text["col_year"]: table["year"].astype(str),
            text["col_hhi"]: _texts(table["hhi"], lang, 3),
            text["col_top"]: table[f"top_name_{lang}"],
            text["col_top_share"]: _texts(table["top_share_pct"], lang, 1),
            text["col_distance"]: _texts(table["distance_pp"], lang, 1),
            text["col_gl"]: _texts(table["grubel_lloyd"], lang, 3),
        }
    )
    report.table(shown)
    report.cite(_sources(sitc))
    summary = change_summary(sitc)
    if summary is None:
        return
    if summary["first"] == summary["last"]:
        report.say(
            text["metrics_one_year"].format(
                year=summary["first"],
                ru_hhi=_fmt(summary["ru_hhi_first"], lang, 3),
                gl=_fmt(summary["gl_first"], lang, 3),
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
                key: _fmt(summary[key], lang, 1 if key.endswith("distance") else 3)
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


def change_summary(sitc_df) -> dict | None:
    """Return how the structure changed from the first to the last year of an SITC breakdown.

    Parameters
    ----------
    sitc_df : pandas.DataFrame
        SITC rows of ``trade_structure``.

    Returns
    -------
    dict or None
        ``first``, ``last`` (years), ``ru_distance``, ``cn_distance`` (structure distance
        between the two years over the sections both list, p.p.; NaN when they are the
        same year), ``ru_hhi_first``,
        ``ru_hhi_last`` (HHI of Russia's exports to China), ``gl_first``, ``gl_last``
        (Grubel-Lloyd). None when either end year lacks a direction.
    """
    from analysis_lib.metrics import structure_distance

    metrics = flow_metrics(sitc_df)
    gl = intra_industry(sitc_df).set_index("year")["grubel_lloyd"]
    if metrics.empty or gl.empty:
        return None
    first, last = int(sitc_df["year"].min()), int(sitc_df["year"].max())
    if first not in gl.index or last not in gl.index:
        return None
    hhi = metrics[metrics["exporter"] == "RU"].set_index("year")["hhi"]
    summary = {
        "first": first,
        "last": last,
        "ru_hhi_first": float(hhi[first]),
        "ru_hhi_last": float(hhi[last]),
        "gl_first": float(gl[first]),
        "gl_last": float(gl[last]),
    }
    for exporter, importer in DIRECTIONS:
        flow = sitc_df[(sitc_df["exporter"] == exporter) & (sitc_df["importer"] == importer)]
        shares = [
            flow[flow["year"] == year].set_index("category")["share_pct"].astype(float) / 100
            for year in (first, last)
        ]
        distance = float("nan") if first == last else structure_distance(*shares)
        summary[f"{exporter.lower()}_distance"] = distance
    return summary


def _direction(exporter: str, importer: str, lang: str) -> str:
    from analysis_lib.plots.labels import label

    return label(
        "title.direction",
        lang,
        exporter=label(f"partner.{exporter}", lang),
        importer=label(f"partner.{importer}", lang),
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
        _heading(report, "h_customs")
    if not customs.empty:
        fig = structure_shares(
            customs, source_ids=_sources(customs), lang=lang, sources_df=load_sources()
        )
        report.figure(fig, "structure_customs", _sources(customs))
        for year in sorted(customs["year"].unique()):
            in_year = customs[customs["year"] == year]
            tops = {}
            for exporter, importer in DIRECTIONS:
                flow = in_year[
                    (in_year["exporter"] == exporter) & (in_year["importer"] == importer)
                ]
                if flow.empty:
                    continue
                top = flow.loc[flow["share_pct"].idxmax()]
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
                    ru_top=_fmt(tops["RU"]["share_pct"], lang),
                    cn_top_name=escape_markdown(tops["CN"][f"category_{lang}"]),
                    cn_top=_fmt(tops["CN"]["share_pct"], lang),
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
                share=_fmt(row["share_pct"], lang, 0),
            )
        )
        report.cite(row["source_id"])


def show_verdict(report: Report) -> None:
    """State the audit's verdict on the claim and its arithmetic, as the audit wrote them."""
    from analysis_lib.plots.labels import label
    from analysis_lib.stories.audit_story import claim_results

    _heading(report, "h_verdict")
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


def _heading(report, key: str) -> None:
    report.say(f"## {TEXT[report.lang][key]}")
