"""The prose of notebook 08 (after the article) in English and Russian.

Used by :mod:`analysis_lib.stories.after_the_article`.
"""

TEXT = {
    "en": {
        "intro": (
            "The article put China–Russia trade at {claimed} USD bn in {base_year} and found it "
            "disproportionately small for the two countries' strategic partnership. This report "
            "follows the years {start}–{end} according to **{source}**."
        ),
        "levels": (
            "Trade was {first_value} USD bn in {first_year} and {last_value} USD bn in "
            "{last_year}; its peak in these years was {peak_value} USD bn in {peak_year}."
        ),
        "empty": "{source} has no China–Russia value between {start} and {end}.",
        "missing": "{source} has no value in the data for {years}.",
        "early": (
            "For {year} only an early GACC release is in the data: {value} USD bn, announced "
            "before the final figure; it is not used as a final total."
        ),
        "growth": (
            "From {base_year} ({base_value} USD bn according to {source}) to {last_year}, trade "
            "grew by "
            "{growth}%, a compound annual growth rate of {cagr}%. In {last_year} it was "
            "{ratio} times the article's {claimed} USD bn for {base_year}."
        ),
        "no_base": (
            "{source} has no value for {base_year}, so growth since the article's year cannot "
            "be computed from it; in {last_year} trade was {ratio} times the article's "
            "{claimed} USD bn."
        ),
        "us_ratio": (
            "The article said China–Russia trade was only {claimed} of China–US trade in "
            "{base_year}. In {year}, by {source}, it was {ratio} of it ({percent}%): nearest "
            "unit fraction {fraction}."
        ),
        "us_ratio_missing": (
            "{source} has no year between {start} and {end} with both China–Russia and "
            "China–US trade, so the article's {claimed} cannot be followed up with it."
        ),
        "col_year": "Year",
        "col_value": "Trade, USD bn",
        "col_growth": "Change on the previous year, %",
        "col_since": "Change since {base_year}, %",
        "col_ratio": "Times the article's {base_year} level",
    },
    "ru": {
        "intro": (
            "Статья оценила товарооборот Китая и России в {base_year} г. в {claimed} млрд долл. "
            "США и сочла его непропорционально малым для стратегического партнёрства двух "
            "стран. В этом отчёте прослеживаются {start}–{end} гг. по данным источника "
            "**«{source}»**."
        ),
        "levels": (
            "Товарооборот составил {first_value} млрд долл. США в {first_year} г. и "
            "{last_value} млрд долл. США в {last_year} г.; максимум за эти годы — "
            "{peak_value} млрд долл. США в {peak_year} г."
        ),
        "empty": (
            "В источнике «{source}» нет данных о товарообороте Китая и России за {start}–{end} гг."
        ),
        "missing": "В источнике «{source}» за {years} значений нет.",
        "early": (
            "За {year} г. в наборе данных есть только предварительные данные ГТУ КНР: "
            "{value} млрд долл. США, объявленные до окончательной цифры; как итоговые они "
            "не используются."
        ),
        "growth": (
            "С {base_year} г. ({base_value} млрд долл. США по данным источника «{source}») "
            "по {last_year} г. товарооборот вырос на {growth}%, что соответствует "
            "среднегодовому росту {cagr}%. В {last_year} г. он в {ratio} раза превышал "
            "уровень {base_year} г. по статье ({claimed} млрд долл. США)."
        ),
        "no_base": (
            "В источнике «{source}» нет значения за {base_year} г., поэтому рост после года "
            "статьи по нему не вычислить; в {last_year} г. товарооборот в {ratio} раза "
            "превышал уровень статьи ({claimed} млрд долл. США)."
        ),
        "us_ratio": (
            "Статья отмечала, что в {base_year} г. товарооборот Китая и России составлял лишь "
            "{claimed} товарооборота Китая и США. В {year} г., по данным источника "
            "«{source}», он составил {ratio} от него ({percent}%): ближайшая дробь вида "
            "1/n — {fraction}."
        ),
        "us_ratio_missing": (
            "В источнике «{source}» нет года в интервале {start}–{end} гг., за который были бы "
            "данные и о торговле Китая с Россией, и о торговле Китая с США, поэтому сравнить "
            "с дробью статьи {claimed} нельзя."
        ),
        "col_year": "Год",
        "col_value": "Товарооборот, млрд долл. США",
        "col_growth": "Изменение к предыдущему году, %",
        "col_since": "Изменение к {base_year} г., %",
        "col_ratio": "Кратность уровню {base_year} г. по статье",
    },
}
