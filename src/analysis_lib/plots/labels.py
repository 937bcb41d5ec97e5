"""The one translation table for every text a figure shows, in English and Russian.

Figure functions never hold strings of their own: titles, axis labels (always
with their unit), legend entries, source, partner, verdict, kind and category
names all come from :data:`TRANSLATIONS` through :func:`label`. Templates use
``str.format`` fields, e.g. ``label("title.partner_comparison", "ru", year=2014)``.

This module imports nothing heavy (no pandas, no matplotlib).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from analysis_lib.exceptions import ParameterError
from analysis_lib.params import LANGS, check_lang

# key -> {lang: text}. One table, so a key cannot exist in one language only.
TRANSLATIONS: Mapping[str, Mapping[str, str]] = {
    # Captions
    "caption.source": {"en": "Source", "ru": "Источник"},
    "caption.sources": {"en": "Sources", "ru": "Источники"},
    # Axes (label, unit)
    "axis.year": {"en": "Year", "ru": "Год"},
    "axis.trade_usd_bn": {
        "en": "Trade turnover, USD bn",
        "ru": "Товарооборот, млрд долл. США",
    },
    "axis.growth_pct": {
        "en": "Change on the previous year, %",
        "ru": "Изменение к предыдущему году, %",
    },
    "axis.ratio": {
        "en": "China–Russia trade / China's trade with the partner, ratio",
        "ru": "Товарооборот Китай–Россия / товарооборот Китая с партнёром, отношение",
    },
    "axis.share_pct": {"en": "Share of the flow, %", "ru": "Доля в потоке, %"},
    "axis.hlj_share_pct": {
        "en": "Share of national China–Russia trade, %",
        "ru": "Доля в товарообороте Китай–Россия, %",
    },
    "axis.log_scale": {"en": "{axis} (log scale)", "ru": "{axis} (логарифмическая шкала)"},
    "axis.partner": {"en": "Partner of China", "ru": "Партнёр Китая"},
    "axis.claim": {"en": "Claim of the article", "ru": "Утверждение статьи"},
    "axis.source": {"en": "Source", "ru": "Источник"},
    "axis.event": {"en": "Programme or event", "ru": "Программа или событие"},
    "axis.programme": {"en": "Programme", "ru": "Программа"},
    "amount.bn_RUB": {"en": "Funding, RUB bn", "ru": "Финансирование, млрд руб."},
    "amount.bn_USD": {"en": "Funding, USD bn", "ru": "Финансирование, млрд долл. США"},
    "amount.bn_CNY": {"en": "Funding, CNY bn", "ru": "Финансирование, млрд юаней"},
    # Titles
    "title.trade_levels": {
        "en": "China–Russia trade turnover",
        "ru": "Товарооборот Китая и России",
    },
    "title.trade_growth": {
        "en": "Growth of China–Russia trade",
        "ru": "Темпы роста товарооборота Китая и России",
    },
    "title.partner_comparison": {
        "en": "China's trade with its partners, {year}",
        "ru": "Товарооборот Китая с партнёрами, {year} г.",
    },
    "title.ratio_fractions": {
        "en": "China–Russia trade relative to China's trade with other partners",
        "ru": "Товарооборот Китая и России относительно торговли Китая с другими партнёрами",
    },
    "title.policy_timeline": {
        "en": "Programmes and events, {start}–{end}",
        "ru": "Программы и события, {start}–{end} гг.",
    },
    "title.structure_shares": {
        "en": "Commodity structure of China–Russia trade",
        "ru": "Товарная структура торговли Китая и России",
    },
    "title.direction": {"en": "{exporter} → {importer}", "ru": "{exporter} → {importer}"},
    "title.heilongjiang_share": {
        "en": "Heilongjiang's trade with Russia",
        "ru": "Торговля провинции Хэйлунцзян с Россией",
    },
    "title.programme_budgets": {
        "en": "Far East development programmes: funding",
        "ru": "Программы развития Дальнего Востока: финансирование",
    },
    "title.audit_verdicts": {
        "en": "The article's figures checked against each source",
        "ru": "Проверка цифр статьи по каждому источнику",
    },
    "title.after_article": {
        "en": "China–Russia trade after the article, {start}–{end}",
        "ru": "Товарооборот Китая и России после статьи, {start}–{end} гг.",
    },
    # Legend entries and annotations
    "legend.article_claim": {"en": "The article's figure", "ru": "Цифра статьи"},
    "legend.article_2014": {
        "en": "The article's 2014 level ({value} USD bn)",
        "ru": "Уровень 2014 г. по статье ({value} млрд долл. США)",
    },
    "legend.trade_series": {
        "en": "China–Russia trade, USD bn",
        "ru": "Товарооборот Китай–Россия, млрд долл. США",
    },
    "legend.national_trade": {
        "en": "China–Russia trade (whole country)",
        "ru": "Товарооборот Китай–Россия (вся страна)",
    },
    "legend.heilongjiang_trade": {
        "en": "Heilongjiang–Russia trade",
        "ru": "Торговля Хэйлунцзяна с Россией",
    },
    "legend.hlj_share": {"en": "Heilongjiang's share", "ru": "Доля Хэйлунцзяна"},
    "legend.hlj_share_stated": {
        "en": "Share stated in the press",
        "ru": "Доля по сообщениям прессы",
    },
    "legend.programme": {"en": "Programme (its period)", "ru": "Программа (период действия)"},
    "legend.event": {"en": "Event", "ru": "Событие"},
    "legend.imprecise_date": {
        "en": "Date known to the month or year only",
        "ru": "Дата известна с точностью до месяца или года",
    },
    "legend.ratio": {"en": "Computed ratio", "ru": "Расчётное отношение"},
    "legend.category": {"en": "Commodity group", "ru": "Товарная группа"},
    "legend.verdict": {"en": "Verdict", "ru": "Вердикт"},
    "legend.component": {"en": "Component", "ru": "Статья финансирования"},
    "annot.fraction": {
        "en": "≈ {fraction} (article: {claimed})",
        "ru": "≈ {fraction} (в статье: {claimed})",
    },
    "annot.fraction_only": {"en": "≈ {fraction}", "ru": "≈ {fraction}"},
    "annot.approximate": {"en": "≈ {value}", "ru": "≈ {value}"},
    "note.funding_claim_unverifiable": {
        "en": "The article's “{claimed} of the necessary funds” for the first Far East "
        "programme was found in no public source: it cannot be checked.",
        "ru": "Цифра статьи «{claimed} необходимых средств» для первой программы "
        "по Дальнему Востоку не найдена ни в одном открытом источнике: проверить её невозможно.",
    },
    # Sources of series (audit sources and the article itself)
    "source.gacc": {"en": "China Customs (GACC)", "ru": "Таможня КНР (ГТУ КНР)"},
    "source.fcs": {"en": "Russian Customs (FCS)", "ru": "ФТС России"},
    "source.imf_dots_cn": {
        "en": "IMF DOTS, reported by China",
        "ru": "МВФ DOTS, данные Китая",
    },
    "source.imf_dots_ru": {
        "en": "IMF DOTS, reported by the partner (mirror)",
        "ru": "МВФ DOTS, данные партнёра (зеркальные)",
    },
    "source.article": {"en": "The article", "ru": "Статья"},
    # Partners and countries (ISO 3166 alpha-2, WLD = world)
    "partner.CN": {"en": "China", "ru": "Китай"},
    "partner.RU": {"en": "Russia", "ru": "Россия"},
    "partner.US": {"en": "United States", "ru": "США"},
    "partner.JP": {"en": "Japan", "ru": "Япония"},
    "partner.KR": {"en": "Korea, Rep.", "ru": "Республика Корея"},
    "partner.WLD": {"en": "World", "ru": "Весь мир"},
    "country.CN": {"en": "China", "ru": "Китай"},
    "country.RU": {"en": "Russia", "ru": "Россия"},
    "country.CN-RU": {"en": "China and Russia jointly", "ru": "Китай и Россия совместно"},
    # Audit verdicts
    "verdict.consistent": {"en": "Consistent", "ru": "Согласуется"},
    "verdict.inconsistent": {"en": "Inconsistent", "ru": "Не согласуется"},
    "verdict.unverifiable": {"en": "Unverifiable", "ru": "Проверить невозможно"},
    "verdict.no_data": {"en": "No data", "ru": "Нет данных"},
    # Kinds of claims
    "claim_kind.level": {"en": "Level", "ru": "Уровень"},
    "claim_kind.growth": {"en": "Growth", "ru": "Рост"},
    "claim_kind.ratio": {"en": "Ratio", "ru": "Соотношение"},
    "claim_kind.share": {"en": "Share", "ru": "Доля"},
    "claim_kind.funding": {"en": "Funding", "ru": "Финансирование"},
    "claim_kind.date": {"en": "Date", "ru": "Дата"},
    # Kinds of timeline entries
    "kind.programme": {"en": "Programme", "ru": "Программа"},
    "kind.decree": {"en": "Decree or resolution", "ru": "Указ или постановление"},
    "kind.strategy": {"en": "Strategy", "ru": "Стратегия"},
    "kind.plan": {"en": "Plan", "ru": "План"},
    "kind.policy": {"en": "Policy document", "ru": "Программный документ"},
    "kind.agreement": {"en": "Agreement", "ru": "Соглашение"},
    "kind.visit": {"en": "Visit", "ru": "Визит"},
    "kind.initiative": {"en": "Initiative", "ru": "Инициатива"},
    "kind.audit": {"en": "Audit", "ru": "Проверка"},
    "kind.event": {"en": "Event", "ru": "Событие"},
    # Programme budget components
    "component.total": {"en": "Total", "ru": "Всего"},
    "component.federal": {"en": "Federal budget", "ru": "Федеральный бюджет"},
    "component.federal_planned": {
        "en": "Federal budget, planned",
        "ru": "Федеральный бюджет, план",
    },
    "component.federal_raised": {
        "en": "Federal budget, after the increase",
        "ru": "Федеральный бюджет после увеличения",
    },
    "component.regional": {"en": "Regional budgets", "ru": "Региональные бюджеты"},
    "component.off_budget": {"en": "Off-budget sources", "ru": "Внебюджетные источники"},
    # SITC Rev.3 sections
    "category.SITC0": {"en": "Food and live animals", "ru": "Продовольствие и живые животные"},
    "category.SITC1": {"en": "Beverages and tobacco", "ru": "Напитки и табак"},
    "category.SITC2": {
        "en": "Crude materials, except fuels",
        "ru": "Сырьё непродовольственное, кроме топлива",
    },
    "category.SITC3": {"en": "Mineral fuels", "ru": "Минеральное топливо"},
    "category.SITC4": {
        "en": "Animal and vegetable oils and fats",
        "ru": "Животные и растительные масла и жиры",
    },
    "category.SITC5": {"en": "Chemicals", "ru": "Химическая продукция"},
    "category.SITC6": {
        "en": "Manufactured goods by material",
        "ru": "Промышленные товары по виду материала",
    },
    "category.SITC7": {
        "en": "Machinery and transport equipment",
        "ru": "Машины и транспортное оборудование",
    },
    "category.SITC8": {"en": "Miscellaneous manufactures", "ru": "Разные готовые изделия"},
    "category.SITC9": {"en": "Not classified elsewhere", "ru": "Прочие товары"},
    "category.other": {
        "en": "Other groups (rest to 100%)",
        "ru": "Прочие группы (до 100%)",
    },
}


def label(key: str, lang: str, **fields: object) -> str:
    """Return the text of ``key`` in ``lang``, with ``fields`` filled in.

    Parameters
    ----------
    key : str
        A key of :data:`TRANSLATIONS`, e.g. ``"axis.trade_usd_bn"``.
    lang : str
        ``'en'`` or ``'ru'``.
    **fields
        Values for the template's ``{name}`` fields.

    Returns
    -------
    str

    Raises
    ------
    ParameterError
        Unknown language, unknown key, or a template field left without a value.
    """
    lang = check_lang(lang)
    if key not in TRANSLATIONS:
        raise ParameterError(
            f"label key {key!r} is not in analysis_lib.plots.labels.TRANSLATIONS; add it there"
        )
    text = TRANSLATIONS[key][lang]
    try:
        return text.format(**fields) if fields or "{" in text else text
    except KeyError as missing:
        raise ParameterError(f"label {key!r} needs the field {missing}; pass it") from None


def has_label(key: str) -> bool:
    """Return whether ``key`` is in the translation table."""
    return key in TRANSLATIONS


def keys(lang: str) -> frozenset[str]:
    """Return every key that has a text in ``lang``."""
    lang = check_lang(lang)
    return frozenset(key for key, texts in TRANSLATIONS.items() if texts.get(lang))


def direction_label(exporter: str, importer: str, lang: str) -> str:
    """Return a direction of trade, e.g. ``"China → Russia"``, from two country codes."""
    return label(
        "title.direction",
        lang,
        exporter=label(f"partner.{exporter}", lang),
        importer=label(f"partner.{importer}", lang),
    )


def format_number(value: float, lang: str, decimals: int = 1) -> str:
    """Format a number for figure text: ``95.3`` in English, ``95,3`` in Russian.

    Parameters
    ----------
    value : float
        The number.
    lang : str
        ``'en'`` or ``'ru'``.
    decimals : int, default 1
        Digits after the decimal separator.
    """
    lang = check_lang(lang)
    text = f"{value:,.{decimals}f}"
    if lang == "ru":
        # Russian typography: thin no-break space for thousands, comma for decimals.
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def source_name(source_id: str, lang: str, sources_df=None) -> str:
    """Return a readable name for a source id.

    Audit sources and the article have translated names in the table; any other
    id is named from ``sources_df`` (columns ``source_id``, ``publisher``, ``title``)
    as "publisher, title".

    Parameters
    ----------
    source_id : str
        A source id.
    lang : str
        ``'en'`` or ``'ru'``.
    sources_df : pandas.DataFrame, optional
        The ``sources`` table (or a part of it).

    Raises
    ------
    ParameterError
        The id has no translated name and is not in ``sources_df``.
    """
    lang = check_lang(lang)
    key = f"source.{source_id}"
    if key in TRANSLATIONS:
        return TRANSLATIONS[key][lang]
    if sources_df is not None:
        missing = {"source_id", "publisher", "title"} - set(sources_df.columns)
        if missing:
            raise ParameterError(f"sources_df must have the column {sorted(missing)[0]!r}")
        rows = sources_df[sources_df["source_id"] == source_id]
        if len(rows):
            row = rows.iloc[0]
            return f"{row['publisher']}, {row['title']}"
    raise ParameterError(
        f"source id {source_id!r} has no name: pass sources_df with a row for it, "
        f"or add 'source.{source_id}' to analysis_lib.plots.labels.TRANSLATIONS"
    )


def caption(source_ids: Iterable[str], lang: str, sources_df=None) -> str:
    """Return a figure's source line, e.g. "Sources: China Customs (GACC); IMF DOTS, ...".

    Parameters
    ----------
    source_ids : iterable of str
        The sources of the data shown, in the order to cite them; repeats are dropped.
    lang : str
        ``'en'`` or ``'ru'``.
    sources_df : pandas.DataFrame, optional
        The ``sources`` table, to name ids that the translation table does not know.

    Raises
    ------
    ParameterError
        No source id, a non-string id, or an id without a name.
    """
    lang = check_lang(lang)
    if isinstance(source_ids, str):
        source_ids = [source_ids]
    unique: list[str] = []
    for source_id in source_ids:
        if not isinstance(source_id, str) or not source_id:
            raise ParameterError(f"source_ids must hold non-empty strings; not {source_id!r}")
        if source_id not in unique:
            unique.append(source_id)
    if not unique:
        raise ParameterError("source_ids must name at least one source; got none")
    names = [source_name(source_id, lang, sources_df) for source_id in unique]
    prefix = label("caption.source" if len(names) == 1 else "caption.sources", lang)
    return f"{prefix}: {'; '.join(names)}"


__all__ = [
    "LANGS",
    "TRANSLATIONS",
    "caption",
    "direction_label",
    "format_number",
    "has_label",
    "keys",
    "label",
    "source_name",
]
