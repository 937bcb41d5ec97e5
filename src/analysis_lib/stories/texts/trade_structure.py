"""The prose of notebook 04 (trade structure) in English and Russian.

Used by :mod:`analysis_lib.stories.trade_structure`.
"""

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
