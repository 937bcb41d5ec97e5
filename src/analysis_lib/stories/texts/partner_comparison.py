"""The prose of notebook 02 (partner comparison) in English and Russian.

Used by :mod:`analysis_lib.stories.partner_comparison`.
"""

TEXT = {
    "en": {
        "coverage": (
            "The article cites Chinese customs statistics. China Customs (GACC) totals of "
            "China's trade with the partners are in the data only for some years ({coverage})."
        ),
        "gacc_lacks": " So for {claim_year} only IMF DOTS can give all the ratios.",
        "choice": (
            " As China reports it to the IMF, China–Russia trade in {claim_year} was "
            "{dots_value} USD bn (the article: {claimed} USD bn), so IMF DOTS as reported by "
            "China is this report's default source. The chosen source is **{source}**."
        ),
        "coverage_item": "{partner}: {years}",
        "coverage_none": "{partner}: none",
        "comparison": (
            "In {year}, according to {source}, China–Russia trade was {ru} USD bn, against "
            "{partners}."
        ),
        "comparison_item": "{value} USD bn {partner}",
        "comparison_empty": "{source} has no China–Russia value for {year}.",
        "comparison_alone": (
            "In {year}, according to {source}, China–Russia trade was {ru} USD bn; this "
            "source has no value of China's trade with the other partners for that year."
        ),
        "ratio": (
            "China–Russia trade was {ratio} of China's trade {partner} ({percent}%); the "
            "nearest unit fraction is {fraction}."
        ),
        "ratio_claim": " The article says {claimed} for {claim_year}: verdict **{verdict}**.",
        "ratio_missing": (
            "{source} has no value of China's trade {partner} for {year}: the ratio "
            "cannot be computed."
        ),
        "other_year": (
            "The article's fractions refer to {claim_year}; this report shows {year}, so its "
            "verdicts below still judge {claim_year}."
        ),
        "audit": "The audit of the article's three fractions against every source:",
        "years_table": "The ratios in every year from {start} to {end} ({source}):",
        "col_claim": "Claim of the article",
        "col_article": "Article",
        "col_year": "Year",
        "and": " and ",
        "with.US": "with the United States",
        "with.JP": "with Japan",
        "with.KR": "with the Republic of Korea",
        "with.WLD": "with the world as a whole",
    },
    "ru": {
        "coverage": (
            "Статья ссылается на таможенную статистику КНР. Итоги таможни КНР (ГТУ КНР) "
            "по торговле Китая с этими партнёрами есть в наборе данных лишь за отдельные "
            "годы ({coverage})."
        ),
        "gacc_lacks": " Поэтому все отношения за {claim_year} г. может дать только МВФ DOTS.",
        "choice": (
            " По данным, которые Китай передаёт в МВФ, товарооборот Китая и России "
            "в {claim_year} г. составил {dots_value} млрд долл. США (в статье — {claimed} "
            "млрд долл. США), поэтому по умолчанию в отчёте используются данные МВФ DOTS "
            "по отчётности Китая. Выбранный источник — **{source}**."
        ),
        "coverage_item": "{partner} — {years}",
        "coverage_none": "{partner} — нет данных",
        "comparison": (
            "В {year} г., по данным источника «{source}», товарооборот Китая и России составил "
            "{ru} млрд долл. США, тогда как {partners}."
        ),
        "comparison_item": "{partner} — {value} млрд долл. США",
        "comparison_alone": (
            "В {year} г., по данным источника «{source}», товарооборот Китая и России "
            "составил {ru} млрд долл. США; данных о торговле Китая с другими партнёрами "
            "за этот год в источнике нет."
        ),
        "comparison_empty": "В источнике «{source}» нет данных о торговле Китая и России "
        "за {year} г.",
        "ratio": (
            "Товарооборот Китая и России составил {ratio} товарооборота Китая {partner} "
            "({percent}%); ближайшая дробь вида 1/n — {fraction}."
        ),
        "ratio_claim": " В статье за {claim_year} г. — {claimed}: вердикт **{verdict}**.",
        "ratio_missing": (
            "В источнике «{source}» нет данных о торговле Китая {partner} "
            "за {year} г.: отношение вычислить нельзя."
        ),
        "other_year": (
            "Дроби статьи относятся к {claim_year} г.; в этом отчёте показан {year} г., "
            "а вердикты ниже по-прежнему относятся к {claim_year} г."
        ),
        "audit": "Проверка трёх дробей статьи по каждому источнику:",
        "years_table": "Отношения по годам с {start} по {end} г. (источник «{source}»):",
        "col_claim": "Утверждение статьи",
        "col_article": "Статья",
        "col_year": "Год",
        "and": " и ",
        "with.US": "с США",
        "with.JP": "с Японией",
        "with.KR": "с Республикой Корея",
        "with.WLD": "со всем миром",
    },
}
