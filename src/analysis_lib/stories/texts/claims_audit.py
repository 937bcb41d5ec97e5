"""The prose of notebook 07 (the claims audit) in English and Russian.

Used by :mod:`analysis_lib.stories.claims_audit`.
"""

TEXT = {
    "en": {
        "h_overview": "Overview",
        "h_figure": "Verdicts by claim and source",
        "h_table": "Claims, figures and verdicts",
        "h_arithmetic": "Arithmetic",
        "intro": (
            "The article makes {claims} checkable claims about {start}–{end}. Each is "
            "recomputed from the cited data: figures of China–Russia trade against each "
            "source of that trade, every other claim against the recorded table that can "
            "check it."
        ),
        "shown": (
            "{scope} {checks} verdicts on {claims} claims: {consistent} consistent, "
            "{inconsistent} inconsistent and {unverifiable} unverifiable. Per source:"
        ),
        "scope_all": "All sources:",
        "scope_one": "Against {source} only:",
        "none": "No claim about {start}–{end} is checked against {source}.",
        "figure_intro": (
            "Each row is a claim, each column a source; “no data” marks a source that "
            "does not check that claim."
        ),
        "table_intro": (
            "Each claim and source, with the figure the article states and the figure "
            "the data give (✓ consistent, ✗ inconsistent, ? unverifiable):"
        ),
        "arithmetic_intro": "The arithmetic behind each verdict, as the audit wrote it:",
        "col_claim": "Claim",
        "col_claim_id": "Claim id",
        "col_source": "Source",
        "col_verdict": "Verdict",
        "col_claimed": "Article",
        "col_computed": "Data",
        "col_explanation": "Arithmetic",
        "col_total": "Total",
        "records_publisher": "Recorded tables",
        "records_title": "timeline, budgets, structure",
        "table_source.timeline": "Timeline of programmes and events",
        "table_source.programme_budgets": "Programme budgets",
        "table_source.trade_structure": "Commodity structure of trade",
    },
    "ru": {
        "h_overview": "Обзор",
        "h_figure": "Вердикты по утверждениям и источникам",
        "h_table": "Утверждения, цифры и вердикты",
        "h_arithmetic": "Расчёты",
        "intro": (
            "Проверяемых утверждений статьи о {start}–{end} гг.: {claims}. Каждое "
            "пересчитано по указанным данным: цифры товарооборота Китая и России — по "
            "каждому источнику этих данных, остальные утверждения — по таблице, которая "
            "позволяет их проверить."
        ),
        "shown": (
            "{scope} вердиктов — {checks}, утверждений — {claims}; согласуется — "
            "{consistent}, не согласуется — {inconsistent}, проверить невозможно — "
            "{unverifiable}. По источникам:"
        ),
        "scope_all": "Все источники:",
        "scope_one": "Только источник «{source}»:",
        "none": "Ни одно утверждение о {start}–{end} гг. не проверяется по источнику «{source}».",
        "figure_intro": (
            "Строки — утверждения, столбцы — источники; «нет данных» означает, что "
            "источник это утверждение не проверяет."
        ),
        "table_intro": (
            "Каждое утверждение и источник: цифра статьи и цифра, которую дают данные "
            "(✓ согласуется, ✗ не согласуется, ? проверить невозможно):"
        ),
        "arithmetic_intro": (
            "Расчёты, на которых основан каждый вердикт, в том виде, в каком их записал "
            "модуль проверки (на английском языке):"
        ),
        "col_claim": "Утверждение",
        "col_claim_id": "Код утверждения",
        "col_source": "Источник",
        "col_verdict": "Вердикт",
        "col_claimed": "В статье",
        "col_computed": "По данным",
        "col_explanation": "Расчёт",
        "col_total": "Всего",
        "records_publisher": "Таблицы данных",
        "records_title": "хронология, бюджеты, структура",
        "table_source.timeline": "Хронология программ и событий",
        "table_source.programme_budgets": "Бюджеты программ",
        "table_source.trade_structure": "Товарная структура торговли",
    },
}
