"""The prose of notebook 01 (trade dynamics) in English and Russian.

Used by :mod:`analysis_lib.stories.trade_dynamics`.
"""

TEXT = {
    "en": {
        "intro": (
            "This report follows China–Russia trade (China's exports plus imports, USD bn) "
            "from {start} to {end} in three sources: {sources}. The chosen source, "
            "highlighted in the figures, is **{source}**."
        ),
        "levels": (
            "According to {source}, China–Russia trade was {first_value} USD bn in {first_year} "
            "and {last_value} USD bn in {last_year}."
        ),
        "levels_empty": "{source} has no China–Russia value between {start} and {end}.",
        "missing": (
            "{source} has no value in the data for {years}: the figure leaves a gap there, "
            "it does not fill it in."
        ),
        "growth": (
            "The fastest growth in {source} was {max_growth}% in {max_year}; the weakest "
            "year was {min_year} ({min_growth}%)."
        ),
        "growth_empty": (
            "{source} gives no year-on-year growth between {start} and {end}: growth needs "
            "the value of the year before."
        ),
        "slowdown_lead": (
            "The article says that in {year} the growth of China–Russia trade slowed down "
            "somewhat compared with {previous_year}."
        ),
        "slowdown": (
            "{source}: growth of {previous}% in {previous_year}, then {current}% in {year}; "
            "verdict: **{verdict}**."
        ),
        "slowdown_missing": (
            "{source}: no value for {years}, so the slowdown cannot be checked against this "
            "source."
        ),
        "claims": (
            "The article, citing Chinese customs statistics, gives the figures in the first "
            "column below; the other columns give what each source holds, with the audit's "
            "verdict."
        ),
        "verdict_counts": (
            "Against {source}: {consistent} consistent, {inconsistent} inconsistent, "
            "{unverifiable} not checkable."
        ),
        "claim_missing": (
            "{source} has no value for {year}, so the article's {claimed} USD bn for {year} "
            "cannot be checked against it."
        ),
        "col_year": "Year",
        "col_claim": "Claim of the article",
        "col_article": "Article",
        "col_source": "Source",
        "col_value": "Value",
    },
    "ru": {
        "intro": (
            "В этом отчёте прослеживается товарооборот Китая и России (экспорт и импорт Китая, "
            "млрд долл. США) с {start} по {end} г. по трём источникам: {sources}. Выбранный "
            "источник, выделенный на графиках, — **{source}**."
        ),
        "levels": (
            "По данным источника «{source}», товарооборот Китая и России составил "
            "{first_value} млрд долл. США в {first_year} г. и {last_value} млрд долл. США "
            "в {last_year} г."
        ),
        "levels_empty": (
            "В источнике «{source}» нет данных о товарообороте Китая и России за {start}–{end} гг."
        ),
        "missing": (
            "В источнике «{source}» нет значений за {years}: на графике там разрыв, "
            "пропуск ничем не заполняется."
        ),
        "growth": (
            "Самый быстрый рост по источнику «{source}» — {max_growth}% в {max_year} г.; "
            "самый слабый год — {min_year} ({min_growth}%)."
        ),
        "growth_empty": (
            "Источник «{source}» не позволяет вычислить годовой прирост за {start}–{end} гг.: "
            "для этого нужно значение предыдущего года."
        ),
        "slowdown_lead": (
            "Статья утверждает, что в {year} г. рост товарооборота Китая и России несколько "
            "замедлился по сравнению с {previous_year} г."
        ),
        "slowdown": (
            "«{source}»: рост {previous}% в {previous_year} г., затем {current}% в {year} г.; "
            "вердикт: **{verdict}**."
        ),
        "slowdown_missing": (
            "«{source}»: нет значений за {years}, поэтому по этому источнику замедление "
            "проверить нельзя."
        ),
        "claims": (
            "Статья со ссылкой на таможенную статистику КНР приводит цифры из первого "
            "столбца таблицы; в остальных столбцах — данные каждого источника и вердикт "
            "проверки."
        ),
        "verdict_counts": (
            "По источнику «{source}»: согласуется — {consistent}, не согласуется — "
            "{inconsistent}, проверить невозможно — {unverifiable}."
        ),
        "claim_missing": (
            "В источнике «{source}» нет значения за {year} г., поэтому цифру статьи "
            "{claimed} млрд долл. США за {year} г. по нему проверить нельзя."
        ),
        "col_year": "Год",
        "col_claim": "Утверждение статьи",
        "col_article": "Статья",
        "col_source": "Источник",
        "col_value": "Значение",
    },
}
