"""The prose of notebook 05 (Heilongjiang) in English and Russian.

Used by :mod:`analysis_lib.stories.heilongjiang`.
"""

TEXT = {
    "en": {
        "h_levels": "The province's trade with Russia",
        "h_share": "Share of national China–Russia trade",
        "h_table": "Year by year",
        "levels": (
            "Heilongjiang's trade with Russia was USD {first_value} bn in {first_year} and "
            "USD {last_value} bn in {last_year}, {factor} times as much."
        ),
        "levels_down": (
            "Heilongjiang's trade with Russia was USD {first_value} bn in {first_year} and "
            "USD {last_value} bn in {last_year}, {factor} times less."
        ),
        "peak": "Its highest value in these years was USD {peak_value} bn in {peak_year}.",
        "levels_one": "Heilongjiang's trade with Russia was USD {value} bn in {year}.",
        "fall": (
            "The largest fall from one year to the next was {fall}%, in {year} (from USD "
            "{before} bn to USD {after} bn)."
        ),
        "growth_check": (
            "Growth rates stated in the press against the growth computed from the levels: "
            "{pairs}."
        ),
        "growth_pair": "{year} stated {stated}%, computed {computed}%",
        "share": (
            "Against the national figures of {source}, Heilongjiang's share of China–Russia "
            "trade ranged from {low}% in {low_year} to {high}% in {high_year}."
        ),
        "share_one": (
            "Against the national figure of {source}, Heilongjiang's share of China–Russia "
            "trade was {share}% in {year}."
        ),
        "no_share": "{source} has no national figure for any of the years shown.",
        "missing": "{source} gives no national China–Russia figure for {years}.",
        "stated": "Shares stated in the press beside the computed ones: {pairs}.",
        "stated_pair": "{year} stated {stated}%, computed {computed}%",
        "stated_pair_missing": "{year} stated {stated}%, not computable",
        "col_year": "Year",
        "col_total": "Heilongjiang–Russia, USD bn",
        "col_national": "China–Russia, USD bn",
        "table_intro": "Year by year; the national figures are those of {source}:",
        "col_share": "Share, computed, %",
        "col_share_stated": "Share, stated, %",
        "col_growth": "Growth, computed, %",
        "col_growth_stated": "Growth, stated, %",
        "and": " and ",
    },
    "ru": {
        "h_levels": "Торговля провинции с Россией",
        "h_share": "Доля в общенациональном товарообороте Китая и России",
        "h_table": "По годам",
        "levels": (
            "Торговля Хэйлунцзяна с Россией составила {first_value} млрд долл. США в "
            "{first_year} г. и {last_value} млрд долл. США в {last_year} г., то есть "
            "выросла в {factor} раза."
        ),
        "levels_down": (
            "Торговля Хэйлунцзяна с Россией составила {first_value} млрд долл. США в "
            "{first_year} г. и {last_value} млрд долл. США в {last_year} г., то есть "
            "сократилась в {factor} раза."
        ),
        "peak": "Наибольшее значение за эти годы — {peak_value} млрд долл. США в {peak_year} г.",
        "levels_one": (
            "Торговля Хэйлунцзяна с Россией составила {value} млрд долл. США в {year} г."
        ),
        "fall": (
            "Самое сильное падение за год — на {fall}% в {year} г. (с {before} до {after} "
            "млрд долл. США)."
        ),
        "growth_check": (
            "Темпы роста по сообщениям прессы и рассчитанные по уровням торговли: {pairs}."
        ),
        "growth_pair": "{year} г.: в прессе {stated}%, по расчёту {computed}%",
        "share": (
            "По общенациональным данным источника «{source}» доля Хэйлунцзяна в "
            "товарообороте Китая и России колебалась от {low}% в {low_year} г. до {high}% в "
            "{high_year} г."
        ),
        "share_one": (
            "По общенациональным данным источника «{source}» доля Хэйлунцзяна в "
            "товарообороте Китая и России составила {share}% в {year} г."
        ),
        "no_share": (
            "Источник «{source}» не даёт общенациональных данных ни за один из показанных лет."
        ),
        "missing": "Источник «{source}» не даёт общенациональной цифры за {years} гг.",
        "stated": "Доли по сообщениям прессы и рассчитанные: {pairs}.",
        "stated_pair": "{year} г.: в прессе {stated}%, по расчёту {computed}%",
        "stated_pair_missing": "{year} г.: в прессе {stated}%, рассчитать нельзя",
        "col_year": "Год",
        "col_total": "Хэйлунцзян–Россия, млрд долл. США",
        "col_national": "Китай–Россия, млрд долл. США",
        "table_intro": "По годам; общенациональные цифры — по источнику «{source}»:",
        "col_share": "Доля, расчёт, %",
        "col_share_stated": "Доля, по прессе, %",
        "col_growth": "Рост, расчёт, %",
        "col_growth_stated": "Рост, по прессе, %",
        "and": " и ",
    },
}
