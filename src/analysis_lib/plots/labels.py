"""Names and numbers as reports show them: sources, partners, verdicts, kinds, captions.

The names are English message ids translated through the gettext catalog
(:mod:`analysis_lib.i18n`); a name with two grammatical uses in Russian has a
message context (``pgettext``), e.g. a partner as a name and "with" a partner.
Figure functions take every other text they show from :func:`analysis_lib.i18n.translator`.

This module imports nothing heavy (no pandas, no matplotlib).
"""

from __future__ import annotations

from collections.abc import Iterable

from analysis_lib.exceptions import ParameterError
from analysis_lib.i18n import N_, translator
from analysis_lib.params import check_lang

MINUS = "\u2212"
"""The minus sign of every negative number a report shows (not the hyphen-minus)."""

SOURCE_NAMES = {
    "gacc": N_("China Customs (GACC)"),
    "fcs": N_("Russian Customs (FCS)"),
    "imf_dots_cn": N_("IMF DOTS, reported by China"),
    "imf_dots_ru": N_("IMF DOTS, reported by the partner (mirror)"),
    "article": N_("The article"),
    "mofcom": N_("China's Ministry of Commerce (MOFCOM)"),
    "peoples_daily": N_("People's Daily (China's official figure)"),
    "xinhua": N_("Xinhua (China's official figure)"),
    "official_cn": N_("China's official figures (customs, MOFCOM, state media)"),
}
"""Names of the series and audit sources and of the article, by source id."""

PARTNER_NAMES = {
    "CN": N_("China"),
    "RU": N_("Russia"),
    "US": N_("United States"),
    "JP": N_("Japan"),
    "KR": N_("Korea, Rep."),
    "WLD": N_("World"),
}
"""Countries by ISO 3166 alpha-2 code (``WLD``: the world)."""

COUNTRY_NAMES = {**PARTNER_NAMES, "CN-RU": N_("China and Russia jointly")}
"""Who took a step of the timeline."""

VERDICT_NAMES = {
    "consistent": N_("Consistent"),
    "inconsistent": N_("Inconsistent"),
    "unverifiable": N_("Unverifiable"),
    "no_data": N_("No data"),
}
"""Verdicts as figure cells, legends and table cells show them."""

ROLE_NAMES = {
    "primary": N_("Primary verdict"),
    "cross-check": N_("Cross-check"),
}
"""A result's role: the claim's verdict against its primary source, or a cross-check."""

KIND_NAMES = {
    "programme": N_("Programme"),
    "decree": N_("Decree"),
    "strategy": N_("Strategy"),
    "plan": N_("Plan"),
    "policy": N_("Policy document"),
    "agreement": N_("Agreement"),
    "visit": N_("Visit"),
    "initiative": N_("Initiative"),
    "audit": N_("Audit"),
    "event": N_("Event"),
}
"""Kinds of timeline entries."""

COMPONENT_NAMES = {
    "total": N_("Total"),
    "federal": N_("Federal budget"),
    "federal_planned": N_("Federal budget, planned"),
    "federal_raised": N_("Federal budget, after the increase"),
    "regional": N_("Regional budgets"),
    "off_budget": N_("Off-budget sources"),
}
"""Components of a programme's funding."""

CATEGORY_NAMES = {
    "SITC0": N_("Food and live animals"),
    "SITC1": N_("Beverages and tobacco"),
    "SITC2": N_("Crude materials, except fuels"),
    "SITC3": N_("Mineral fuels"),
    "SITC4": N_("Animal and vegetable oils and fats"),
    "SITC5": N_("Chemicals"),
    "SITC6": N_("Manufactured goods by material"),
    "SITC7": N_("Machinery and transport equipment"),
    "SITC8": N_("Miscellaneous manufactures"),
    "SITC9": N_("Not classified elsewhere"),
}
"""SITC Rev.3 sections, for rows whose own names are missing."""


def _named(table: dict, key: str, what: str, lang: str) -> str:
    if key not in table:
        options = ", ".join(repr(k) for k in table)
        raise ParameterError(f"{what} must be one of {options}; not {key!r}")
    return translator(lang).gettext(table[key])


def partner_name(code: str, lang: str) -> str:
    """Return a partner's name, e.g. ``"Japan"`` / ``"Япония"``."""
    return _named(PARTNER_NAMES, code, "partner", lang)


def country_name(code: str, lang: str) -> str:
    """Return who took a timeline step: a country or ``CN-RU`` (both jointly)."""
    return _named(COUNTRY_NAMES, code, "country", lang)


def verdict_name(verdict: str, lang: str) -> str:
    """Return a verdict as a cell or legend shows it (``"Consistent"``, ``"No data"``)."""
    return _named(VERDICT_NAMES, verdict, "verdict", lang)


def role_name(role: str, lang: str) -> str:
    """Return a result's role (``"Primary verdict"``, ``"Cross-check"``)."""
    return _named(ROLE_NAMES, role, "role", lang)


def verdict_in_prose(verdict: str, lang: str) -> str:
    """Return a verdict in lower case, for a sentence (``"consistent"``, ``"not checkable"``)."""
    t = translator(lang)
    names = {
        "consistent": t.pgettext("verdict in a sentence", "consistent"),
        "inconsistent": t.pgettext("verdict in a sentence", "inconsistent"),
        "unverifiable": t.pgettext("verdict in a sentence", "not checkable"),
    }
    if verdict not in names:
        raise ParameterError(
            f"verdict must be one of {', '.join(map(repr, names))}; not {verdict!r}"
        )
    return names[verdict]


def kind_name(kind: str, lang: str) -> str:
    """Return the name of a timeline entry's kind; an unknown kind is shown as written."""
    return translator(lang).gettext(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def severity_name(severity: str, lang: str) -> str:
    """Return how far a claim is from its source (``"within rounding"``); unknown as written."""
    t = translator(lang)
    names = {
        "exact": t.pgettext("severity", "exact"),
        "within rounding": t.pgettext("severity", "within rounding"),
        "minor": t.pgettext("severity", "minor"),
        "material": t.pgettext("severity", "material"),
    }
    return names.get(severity, severity)


def non_claim_reason_name(reason: str, lang: str) -> str:
    """Return why a number of the article is not a claim (``non_claims.reason``), in words."""
    t = translator(lang)
    names = {
        "footnote_marker": t.pgettext("not a claim", "footnote marker"),
        "project_code": t.pgettext("not a claim", "project code"),
        "address": t.pgettext("not a claim", "web address"),
        "cited_page_date": t.pgettext("not a claim", "date of a cited page"),
        "restatement": t.pgettext("not a claim", "restatement of a claim"),
        "part_of_a_name": t.pgettext("not a claim", "part of a name"),
    }
    return names.get(reason, reason.replace("_", " "))


def component_name(component: str, lang: str) -> str | None:
    """Return the name of a funding component, or None when it has none here."""
    return (
        translator(lang).gettext(COMPONENT_NAMES[component])
        if component in COMPONENT_NAMES
        else None
    )


def category_name(category: str, lang: str) -> str | None:
    """Return the name of an SITC section, or None when it is not one."""
    return (
        translator(lang).gettext(CATEGORY_NAMES[category]) if category in CATEGORY_NAMES else None
    )


def direction_label(exporter: str, importer: str, lang: str) -> str:
    """Return a direction of trade, e.g. ``"China → Russia"``, from two country codes."""
    return f"{partner_name(exporter, lang)} → {partner_name(importer, lang)}"


def format_number(value: float, lang: str, decimals: int = 1) -> str:
    """Format a number for figure text: ``95.3`` in English, ``95,3`` in Russian.

    Negative numbers take the minus sign (U+2212) in both languages.

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
    return text.replace("-", MINUS)


def source_name(source_id: str, lang: str, sources_df=None) -> str:
    """Return a readable name for a source id.

    Audit sources and the article have translated names (:data:`SOURCE_NAMES`);
    any other id is named from ``sources_df`` (columns ``source_id``, ``publisher``,
    ``title``) as "publisher, title".

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
    if source_id in SOURCE_NAMES:
        return translator(lang).gettext(SOURCE_NAMES[source_id])
    if sources_df is not None:
        missing = {"source_id", "publisher", "title"} - set(sources_df.columns)
        if missing:
            raise ParameterError(f"sources_df must have the column {sorted(missing)[0]!r}")
        rows = sources_df[sources_df["source_id"] == source_id]
        if len(rows):
            row = rows.iloc[0]
            return f"{_in_lang(row, 'publisher', lang)}, {_in_lang(row, 'title', lang)}"
    raise ParameterError(
        f"source id {source_id!r} has no name: pass sources_df with a row for it, "
        f"or add it to analysis_lib.plots.labels.SOURCE_NAMES"
    )


def _in_lang(row, column: str, lang: str) -> str:
    """Return ``row[column]`` in ``lang``: its ``<column>_<lang>`` translation if it has one."""
    translated = row.get(f"{column}_{lang}") if lang != "en" else None
    if isinstance(translated, str) and translated.strip():
        return translated
    return str(row[column])


def caption(source_ids: Iterable[str], lang: str, sources_df=None) -> str:
    """Return a figure's source line, e.g. "Sources: China Customs (GACC); IMF DOTS, ...".

    Parameters
    ----------
    source_ids : iterable of str
        The sources of the data shown, in the order to cite them; repeats are dropped.
    lang : str
        ``'en'`` or ``'ru'``.
    sources_df : pandas.DataFrame, optional
        The ``sources`` table, to name ids that :data:`SOURCE_NAMES` does not know.

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
    names = "; ".join(source_name(source_id, lang, sources_df) for source_id in unique)
    return translator(lang).ngettext(
        "Source: {names}", "Sources: {names}", len(unique), names=names
    )
