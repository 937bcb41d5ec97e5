"""The prose of notebook 03 (policy timeline) in English and Russian.

Used by :mod:`analysis_lib.stories.policy_timeline`.
"""

TEXT = {
    "en": {
        "intro": (
            "From {start} to {end} the timeline holds {programmes} programmes (drawn as spans) "
            "and {events} dated events (points). Below them runs China–Russia trade according "
            "to **{source}**."
        ),
        "source_note": (
            "China Customs (GACC) headline totals in the data start in {first}; IMF DOTS as "
            "China reports it covers every year from {dots_first}, which is why it is this "
            "report's default trade series."
        ),
        "trade": (
            "Trade was {first_value} USD bn in {first_year} and {last_value} USD bn in "
            "{last_year} ({source})."
        ),
        "trade_missing": "{source} has no China–Russia value between {start} and {end}.",
        "no_events": "The timeline has no programme or event between {start} and {end}.",
        "events_table": "The programmes and events, with the source of each date:",
        "dates": (
            "The article gives {claims} dates of policy steps; the audit compares each with "
            "the timeline's: {consistent} agree, {inconsistent} disagree, {unverifiable} cannot "
            "be checked (the timeline has no independent record, or no end date)."
        ),
        "date_differs": (
            "{title}: the article says {claimed}, the timeline's source says {recorded}."
        ),
        "col_date": "Date",
        "col_end": "Until",
        "col_country": "Country",
        "col_kind": "Kind",
        "col_title": "Programme or event",
        "col_source": "Source",
        "col_claim": "Claim of the article",
        "col_article": "Article's date",
        "col_timeline": "Timeline's date",
        "col_verdict": "Verdict",
    },
    "ru": {
        "intro": (
            "С {start} по {end} г. временная шкала содержит программы ({programmes}, показаны "
            "полосами) и датированные события ({events}, показаны точками). Ниже показан "
            "товарооборот Китая и России по данным источника **«{source}»**."
        ),
        "source_note": (
            "Итоги таможни КНР (ГТУ КНР) в наборе данных начинаются с {first} г.; данные "
            "МВФ DOTS по отчётности Китая охватывают все годы начиная с {dots_first} г., "
            "поэтому по умолчанию в отчёте используется этот ряд."
        ),
        "trade": (
            "Товарооборот составил {first_value} млрд долл. США в {first_year} г. и "
            "{last_value} млрд долл. США в {last_year} г. (источник «{source}»)."
        ),
        "trade_missing": (
            "В источнике «{source}» нет данных о товарообороте Китая и России за {start}–{end} гг."
        ),
        "no_events": "За {start}–{end} гг. на временной шкале нет ни программ, ни событий.",
        "events_table": "Программы и события с источником каждой даты:",
        "dates": (
            "Даты шагов политики в статье (всего {claims}) сверены с временной шкалой: "
            "совпадают — {consistent}, расходятся — {inconsistent}, "
            "проверить невозможно — {unverifiable} (нет независимой записи или даты "
            "окончания)."
        ),
        "date_differs": (
            "{title}: в статье — {claimed}, по источнику временной шкалы — {recorded}."
        ),
        "col_date": "Дата",
        "col_end": "До",
        "col_country": "Страна",
        "col_kind": "Вид",
        "col_title": "Программа или событие",
        "col_source": "Источник",
        "col_claim": "Утверждение статьи",
        "col_article": "Дата в статье",
        "col_timeline": "Дата по временной шкале",
        "col_verdict": "Вердикт",
    },
}
