"""The prose of notebook 06 (programme funding) in English and Russian.

Used by :mod:`analysis_lib.stories.programme_funding`.
"""

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
