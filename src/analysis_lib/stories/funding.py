"""Notebook 06, Far East programme funding: the "24%" claim and the later programmes' budgets.

The article says the 1996-2005 programme received "only 24% of the necessary
funds" (claim ``programme-1996-funding``). What the audit can say about it is
quoted from the audit itself; the budgets of the later programmes
(``programme_budgets``) are shown with the shares that can be computed from them.
"""

from __future__ import annotations

from analysis_lib.params import check_lang
from analysis_lib.stories.context import Report, escape_markdown, start_report

NOTEBOOK = "06-programme-funding"
CLAIM_ID = "programme-1996-funding"
COMPONENTS = ("federal", "regional", "off_budget")
# Figure rows: (component, measure) -> the figure's component key. Keys without a
# label in analysis_lib.plots.labels are named from TEXT (component_en/_ru).
FIGURE_COMPONENTS = {
    ("total", "budget"): "total",
    ("federal", "budget"): "federal",
    ("regional", "budget"): "regional",
    ("off_budget", "budget"): "off_budget",
    ("federal", "committed"): "federal_committed",
    ("federal", "planned"): "federal_planned",
    ("federal", "revised"): "federal_raised",
}

TEXT = {
    "en": {
        "h_claim": "The article's funding claim",
        "h_budgets": "Budgets of the later programmes",
        "h_table": "Budget rows",
        "claim": (
            "The article: “{quote}” ({period}). Verdict of the audit: **{verdict}**. "
            "The audit's reason: {explanation}"
        ),
        "claim_timeline": "What the timeline records in Russia for {start}–{end}: {events}.",
        "event": "{date}: {title}",
        "components": (
            "{title}: {total} bn roubles in all — federal budget {federal} bn "
            "({federal_share}%), regional budgets {regional} bn ({regional_share}%), "
            "off-budget sources {off_budget} bn ({off_budget_share}%); the components add "
            "up to {component_sum} bn."
        ),
        "committed": (
            "For {start}–{end} the federal commitments were {committed} bn roubles: "
            "{of_federal}% of the programme's federal budget ({federal} bn) and "
            "{of_total}% of its total ({total} bn). These shares concern another "
            "programme and other years, so they cannot stand in for the article's {claimed}."
        ),
        "revision": (
            "{title}: federal funding of {planned} bn roubles planned, {revised} bn after "
            "the revision ({ratio}% of the plan, {difference} bn more). The source "
            "gives the increase as {increase} bn: {planned} + {increase} = {raised_sum}, "
            "not {revised_plain}, so its three figures do not add up."
        ),
        "revision_consistent": (
            "{title}: federal funding of {planned} bn roubles planned, {revised} bn after "
            "the revision ({ratio}% of the plan); the stated increase of {increase} "
            "bn matches."
        ),
        "no_budgets": "No programme in programme_budgets ends within {start}–{end}.",
        "col_programme": "Programme",
        "col_component": "Component",
        "col_measure": "Measure",
        "col_years": "Years",
        "col_amount": "Amount, bn RUB",
        "col_share": "Share of the total, %",
        "measure.budget": "budget",
        "measure.committed": "committed",
        "measure.planned": "planned",
        "measure.revised": "revised",
        "measure.increase": "increase",
        "component.federal_committed": "Federal commitments, {start}–{end}",
        "approximate": "about {value}",
        "years_to": "to {end}",
    },
    "ru": {
        "h_claim": "Утверждение статьи о финансировании",
        "h_budgets": "Бюджеты более поздних программ",
        "h_table": "Строки бюджетов",
        "claim": (
            "Утверждение статьи (в английском тексте: «{quote}», {period} гг.). Вердикт "
            "проверки: **{verdict}**. Обоснование модуля проверки (на английском языке): "
            "{explanation}"
        ),
        "claim_timeline": "Что записано в хронологии по России за {start}–{end} гг.: {events}.",
        "event": "{date}: {title}",
        "components": (
            "{title}: всего {total} млрд руб., из них федеральный бюджет — {federal} "
            "млрд ({federal_share}%), региональные бюджеты — {regional} млрд "
            "({regional_share}%), внебюджетные источники — {off_budget} млрд "
            "({off_budget_share}%); сумма статей — {component_sum} млрд."
        ),
        "committed": (
            "На {start}–{end} гг. федеральные обязательства составили {committed} млрд "
            "руб.: {of_federal}% федерального бюджета программы ({federal} млрд) и "
            "{of_total}% её общего объёма ({total} млрд). Эти доли относятся к другой "
            "программе и другим годам, поэтому заменить цифру статьи ({claimed}) они не могут."
        ),
        "revision": (
            "{title}: по плану федеральное финансирование — {planned} млрд руб., после "
            "пересмотра — {revised} млрд ({ratio}% плана, на {difference} млрд "
            "больше). Источник называет увеличение в {increase} млрд: {planned} + "
            "{increase} = {raised_sum}, а не {revised_plain}, то есть три его цифры не "
            "сходятся."
        ),
        "revision_consistent": (
            "{title}: по плану федеральное финансирование — {planned} млрд руб., после "
            "пересмотра — {revised} млрд ({ratio}% плана); названное увеличение на "
            "{increase} млрд с этим сходится."
        ),
        "no_budgets": "Ни одна программа из programme_budgets не завершается в {start}–{end} гг.",
        "col_programme": "Программа",
        "col_component": "Статья",
        "col_measure": "Показатель",
        "col_years": "Годы",
        "col_amount": "Сумма, млрд руб.",
        "col_share": "Доля в общем объёме, %",
        "measure.budget": "бюджет",
        "measure.committed": "обязательства",
        "measure.planned": "план",
        "measure.revised": "после пересмотра",
        "measure.increase": "увеличение",
        "component.federal_committed": "Федеральные обязательства, {start}–{end} гг.",
        "approximate": "около {value}",
        "years_to": "до {end} г.",
    },
}


def data_years(registry, budgets_df) -> tuple[int, int]:
    """Return the years the notebook covers: the claim's first year to the last budget year.

    Parameters
    ----------
    registry : pandas.DataFrame
        The claims registry.
    budgets_df : pandas.DataFrame
        The ``programme_budgets`` table.
    """
    claim = registry[registry["claim_id"] == CLAIM_ID]
    first = [int(budgets_df["period_end"].min())]
    if not claim.empty:
        first.append(int(claim.iloc[0]["year"]))
    return min(first), int(budgets_df["period_end"].max())


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
        Programmes ending in this range are shown (default: all of them).
    output_dir : str
        Folder for figures and ``values.json``; "" means the build's default.
    """
    check_lang(lang)
    from analysis_lib.claims.registry import load_registry
    from analysis_lib.loaders import load_programme_budgets

    return start_report(
        NOTEBOOK,
        lang=lang,
        output_dir=output_dir,
        start_year=start_year,
        end_year=end_year,
        data_years=data_years(load_registry(), load_programme_budgets()),
    )


def programmes_in(budgets_df, start_year: int, end_year: int):
    """Return the budget rows of the programmes whose last year lies in the range.

    Parameters
    ----------
    budgets_df : pandas.DataFrame
        The ``programme_budgets`` table.
    start_year, end_year : int
        Inclusive range for a programme's last ``period_end``.
    """
    ends = budgets_df.groupby("programme_id")["period_end"].transform("max")
    return budgets_df[ends.between(start_year, end_year)].reset_index(drop=True)


def _amount_of(rows, component: str, measure: str):
    chosen = rows[(rows["component"] == component) & (rows["measure"] == measure)]
    return None if chosen.empty else chosen.iloc[0]


def component_shares(budgets_df):
    """Return each programme's budget components with their share of its total.

    Parameters
    ----------
    budgets_df : pandas.DataFrame
        Rows of ``programme_budgets``.

    Returns
    -------
    pandas.DataFrame
        One row per programme with a ``total`` budget: ``programme_id``, ``total``,
        ``component_sum`` (federal + regional + off-budget, of those present), and per
        component of :data:`COMPONENTS` its amount and ``<component>_share_pct``.
    """
    import pandas as pd

    from analysis_lib.metrics import share

    rows = []
    for programme, part in budgets_df.groupby("programme_id", sort=False):
        total = _amount_of(part, "total", "budget")
        if total is None:
            continue
        row = {"programme_id": programme, "total": float(total["amount"]), "component_sum": 0.0}
        for component in COMPONENTS:
            found = _amount_of(part, component, "budget")
            amount = float("nan") if found is None else float(found["amount"])
            row[component] = amount
            row[f"{component}_share_pct"] = (
                float("nan") if found is None else share(amount, row["total"]) * 100
            )
            row["component_sum"] += 0.0 if found is None else amount
        rows.append(row)
    return pd.DataFrame(rows)


def commitments(budgets_df):
    """Return each federal commitment beside the programme's federal budget and total.

    Returns
    -------
    pandas.DataFrame
        Columns ``programme_id``, ``period_start``, ``period_end``, ``committed``,
        ``federal``, ``total``, ``of_federal_pct``, ``of_total_pct`` (NaN when the
        programme lacks that budget).
    """
    import pandas as pd

    rows = []
    for programme, part in budgets_df.groupby("programme_id", sort=False):
        committed = _amount_of(part, "federal", "committed")
        if committed is None:
            continue
        federal = _amount_of(part, "federal", "budget")
        total = _amount_of(part, "total", "budget")
        amount = float(committed["amount"])
        federal_amount = float("nan") if federal is None else float(federal["amount"])
        total_amount = float("nan") if total is None else float(total["amount"])
        rows.append(
            {
                "programme_id": programme,
                "period_start": committed["period_start"],
                "period_end": committed["period_end"],
                "committed": amount,
                "federal": federal_amount,
                "total": total_amount,
                "of_federal_pct": amount / federal_amount * 100,
                "of_total_pct": amount / total_amount * 100,
            }
        )
    return pd.DataFrame(rows)


def revisions(budgets_df):
    """Return each programme's planned and revised federal funding and the stated increase.

    Returns
    -------
    pandas.DataFrame
        Columns ``programme_id``, ``planned``, ``revised``, ``revised_approximate``,
        ``increase`` (NaN if not stated), ``ratio_pct`` (revised / planned × 100),
        ``difference`` (revised − planned), ``raised_sum`` (planned + increase),
        ``adds_up`` (the stated increase equals the difference within half a unit of
        the last digit of the approximate figure, i.e. 0.5 bn).
    """
    import pandas as pd

    rows = []
    for programme, part in budgets_df.groupby("programme_id", sort=False):
        planned = _amount_of(part, "federal", "planned")
        revised = _amount_of(part, "federal", "revised")
        if planned is None or revised is None:
            continue
        increase = _amount_of(part, "federal", "increase")
        plan, new = float(planned["amount"]), float(revised["amount"])
        stated = float("nan") if increase is None else float(increase["amount"])
        rows.append(
            {
                "programme_id": programme,
                "planned": plan,
                "revised": new,
                "revised_approximate": bool(revised["approximate"]),
                "increase": stated,
                "ratio_pct": new / plan * 100,
                "difference": new - plan,
                "raised_sum": plan + stated,
                "adds_up": bool(abs(plan + stated - new) <= 0.5),
            }
        )
    return pd.DataFrame(rows)


def figure_frame(budgets_df, lang: str):
    """Return the rows the programme_budgets figure draws (no ``increase`` rows).

    Parameters
    ----------
    budgets_df : pandas.DataFrame
        Rows of ``programme_budgets``.
    lang : {'en', 'ru'}

    Returns
    -------
    pandas.DataFrame
        Columns of the table plus ``component`` renamed to the figure's keys and
        ``component_en``/``component_ru`` for keys the labels table lacks.
    """
    lang = check_lang(lang)
    keys = [
        FIGURE_COMPONENTS.get((c, m))
        for c, m in zip(budgets_df["component"], budgets_df["measure"], strict=True)
    ]
    frame = budgets_df.assign(component=keys).dropna(subset=["component"]).copy()
    for language in ("en", "ru"):
        template = TEXT[language]["component.federal_committed"]
        frame[f"component_{language}"] = [
            template.format(
                start=_year_text(row["period_start"]), end=_year_text(row["period_end"])
            )
            if row["component"] == "federal_committed"
            else row["component"]
            for row in frame.to_dict("records")
        ]
    return frame.reset_index(drop=True)


def _year_text(value) -> str:
    import pandas as pd

    return "?" if pd.isna(value) else str(int(value))


def _fmt(value: float, lang: str, decimals: int = 1) -> str:
    from analysis_lib.plots.labels import format_number

    return format_number(value, lang, decimals)


def _amount(row, lang: str) -> str:
    """Format an amount in bn with the decimals it was written with; mark it if approximate."""
    amount = float(row["amount"])
    text = _fmt(amount, lang, 0 if amount == int(amount) else 1)
    return TEXT[lang]["approximate"].format(value=text) if bool(row["approximate"]) else text


def _title(budgets_df, programme: str, lang: str) -> str:
    rows = budgets_df[budgets_df["programme_id"] == programme]
    return escape_markdown(rows.iloc[0][f"title_{lang}"])


def show_claim(report: Report) -> None:
    """Quote the 24% claim, the audit's verdict and reason, and what the timeline holds."""
    from analysis_lib.claims.registry import load_registry
    from analysis_lib.loaders import load_timeline
    from analysis_lib.plots.labels import label
    from analysis_lib.stories.audit_story import claim_results

    _heading(report, "h_claim")
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
        report.cite(sorted(set(events["source_id"].astype(str))))


def timeline_events(timeline_df, country: str, start_year: int, end_year: int):
    """Return the timeline entries of ``country`` that start within the years, by date."""
    years = timeline_df["start_date"].astype(str).str[:4].astype(int)
    chosen = timeline_df[(timeline_df["country"] == country) & years.between(start_year, end_year)]
    return chosen.sort_values("start_date").reset_index(drop=True)


def show_budgets(report: Report) -> None:
    """Draw the programmes' budgets and state the computed shares, commitments and revisions."""
    from analysis_lib.loaders import load_programme_budgets, load_sources
    from analysis_lib.plots import programme_budgets
    from analysis_lib.stories.audit_story import claim_results

    _heading(report, "h_budgets")
    text, lang = TEXT[report.lang], report.lang
    start_year, end_year = report.params.start_year, report.params.end_year
    budgets = programmes_in(load_programme_budgets(), start_year, end_year)
    if budgets.empty:
        report.say(text["no_budgets"].format(start=start_year, end=end_year))
        return
    results = claim_results(CLAIM_ID)
    unverifiable = any(r.verdict == "unverifiable" for r in results)
    frame = figure_frame(budgets, lang)
    # One figure per programme: their measures differ, and a shared figure would
    # keep an empty bar slot for every component another programme has.
    for index, (programme, part) in enumerate(frame.groupby("programme_id", sort=False)):
        part_ids = sorted(set(part["source_id"].astype(str)))
        fig = programme_budgets(
            part,
            source_ids=part_ids,
            lang=lang,
            note_key="note.funding_24pct_unverifiable" if unverifiable and index == 0 else None,
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
        amounts = {c: _amount(_amount_of(part, c, "budget"), lang) for c in ("total", *COMPONENTS)}
        report.say(
            text["components"].format(
                title=_title(budgets, programme, lang),
                **amounts,
                **{f"{c}_share": _fmt(row[f"{c}_share_pct"], lang) for c in COMPONENTS},
                component_sum=_fmt(row["component_sum"], lang, 0),
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
                start=_year_text(row["period_start"]),
                end=_year_text(row["period_end"]),
                committed=_fmt(row["committed"], lang, 0),
                of_federal=_fmt(row["of_federal_pct"], lang),
                federal=_fmt(row["federal"], lang, 0),
                of_total=_fmt(row["of_total_pct"], lang),
                total=_fmt(row["total"], lang, 0),
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
                planned=_fmt(row["planned"], lang, 0),
                revised=_amount(_amount_of(part, "federal", "revised"), lang),
                revised_plain=_fmt(row["revised"], lang, 0),
                ratio=_fmt(row["ratio_pct"], lang),
                difference=_fmt(row["difference"], lang, 0),
                increase=_fmt(row["increase"], lang, 1),
                raised_sum=_fmt(row["raised_sum"], lang, 1),
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
    _heading(report, "h_table")
    totals = {
        p: float(row["amount"])
        for p in budgets["programme_id"].unique()
        if (row := _amount_of(budgets[budgets["programme_id"] == p], "total", "budget"))
        is not None
    }
    shares = [
        "–"
        if r["programme_id"] not in totals
        else _fmt(r["amount"] / totals[r["programme_id"]] * 100, lang)
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
                text["years_to"].format(end=_year_text(b))
                if pd.isna(a)
                else f"{_year_text(a)}–{_year_text(b)}"
                for a, b in zip(budgets["period_start"], budgets["period_end"], strict=True)
            ],
            text["col_amount"]: [_amount(r, lang) for r in budgets.to_dict("records")],
            text["col_share"]: shares,
        }
    )
    report.table(shown)
    report.cite(sorted(set(budgets["source_id"].astype(str))))


def _heading(report, key: str) -> None:
    report.say(f"## {TEXT[report.lang][key]}")
