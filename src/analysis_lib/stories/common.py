"""Helpers every story shares: numbers, years and names in the report language, figure marks.

The data the stories show come from :mod:`analysis_lib.views`; what is here only
formats and marks. That includes how a claim's primary verdict and the
cross-checks beside it are worded (:func:`claim_cells`, :func:`headline`); the
verdicts themselves come from :mod:`analysis_lib.claims.verdicts`.
"""

from __future__ import annotations

import math
import re
from html import escape as html_escape

from analysis_lib.i18n import N_, translator
from analysis_lib.phrases import format_date
from analysis_lib.plots.labels import severity_name, source_name, verdict_in_prose
from analysis_lib.vocabulary import AUDIT_SOURCES

DASH = "–"
"""What a table or sentence shows for a missing number."""


def fmt(value: object, lang: str, decimals: int = 1) -> str:
    """Format a number for prose or a table in ``lang``; a missing value gives a dash.

    Parameters
    ----------
    value : number or None
        The value; None and NaN are missing.
    lang : {'en', 'ru'}
    decimals : int, default 1
        Digits after the decimal separator.

    Returns
    -------
    str
    """
    from analysis_lib.plots.labels import format_number

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    return format_number(float(value), lang, decimals)


def fmt_all(values, lang: str, decimals: int = 1) -> list[str]:
    """Return :func:`fmt` of every value, e.g. a table column."""
    return [fmt(value, lang, decimals) for value in values]


def source_label(source: str, lang: str) -> str:
    """Return the translated name of an audit source (e.g. ``gacc``)."""
    return source_name(source, lang)


def verdict_label(verdict: str, lang: str) -> str:
    """Return a verdict in lower-case prose form in ``lang``."""
    return verdict_in_prose(verdict, lang)


def join_years(years, lang: str) -> str:
    """Return ``"2011 and 2012"`` in English, ``"2011 и 2012 гг."`` or ``"2011 г."`` in Russian.

    Runs of three or more consecutive years collapse to ``"1995–2007"``.
    """
    t = translator(lang)
    runs: list[list[int]] = []
    for year in sorted(int(y) for y in years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    parts: list[str] = []
    for run in runs:
        parts += [f"{run[0]}–{run[-1]}"] if len(run) >= 3 else [str(y) for y in run]
    if len(parts) == 1:
        text = parts[0]
    else:
        text = t.gettext("{items} and {last}", items=", ".join(parts[:-1]), last=parts[-1])
    if len(parts) == 1 and "–" not in parts[0]:
        # TRANSLATORS: one year, e.g. "2015"; Russian adds "г."
        return t.pgettext("one year", "{years}", years=text)
    # TRANSLATORS: several years, e.g. "2011 and 2012" or "1995–1997"; Russian adds "гг."
    return t.pgettext("several years", "{years}", years=text)


def text_table(df, lang: str, decimals: dict | int = 2):
    """Return ``df`` with every number formatted for ``lang`` and missing values as dashes.

    Parameters
    ----------
    df : pandas.DataFrame
        The table to show.
    lang : {'en', 'ru'}
    decimals : int or dict
        Digits after the separator, for all float columns or per column.

    Returns
    -------
    pandas.DataFrame
        All cells as strings.
    """
    import pandas as pd

    shown = df.copy()
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_float_dtype(values):
            digits = decimals.get(column, 2) if isinstance(decimals, dict) else decimals
            shown[column] = [fmt(v, lang, digits) for v in values]
        else:
            shown[column] = [
                v if isinstance(v, str) else DASH if pd.isna(v) else str(v) for v in values
            ]
    return shown


def highlight_source(fig, source: str, lang: str) -> None:
    """Draw the chosen source's series bold and fade the other sources' series.

    The figure functions draw every source alike; the story marks its choice
    afterwards, finding the artists by their translated legend label.
    """
    from analysis_lib.plots._common import place_legend

    chosen = source_label(source, lang)
    others = {source_label(s, lang) for s in AUDIT_SOURCES if s != source}
    for ax in fig.axes:
        for line in ax.get_lines():
            if line.get_label() == chosen:
                line.set_linewidth(3.0)
                line.set_zorder(3)
            elif line.get_label() in others:
                line.set_alpha(0.45)
        for container in ax.containers:
            if container.get_label() in others:
                for patch in container:
                    patch.set_alpha(0.45)
        if ax.get_legend() is not None:
            place_legend(ax)


def thin_year_ticks(fig, max_ticks: int = 8) -> None:
    """Limit the year axis to about ``max_ticks`` whole-year ticks so labels never collide.

    The figure functions tick every year, which crowds a decade into a narrow axis.
    """
    from matplotlib.ticker import MaxNLocator

    for ax in fig.axes:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=max_ticks, integer=True))


def format_period(start: object, end: object, lang: str) -> str:
    """Return a period from two ISO dates, e.g. «сентябрь 2009 г. – 2018 г.»; no end: the start."""
    first = format_date(start, lang)
    last = format_date(end, lang)
    if last == DASH:
        return first
    return f"{first} – {last}"


def quoted_english(markdown: str, lang: str) -> str:
    """Return an English quotation (escaped Markdown), marked ``lang="en"`` in other reports.

    A Russian report may quote the article's English text; the mark tells screen
    readers and hyphenation that the words are English.
    """
    return markdown if lang == "en" else f'<span lang="en">{markdown}</span>'


# ---------------------------------------------------------------- verdicts in words

TABLE_NAMES = {
    "timeline": N_("Timeline of programmes and events"),
    "programme_budgets": N_("Programme budgets"),
    "trade_structure": N_("Commodity structure of trade"),
}
"""Names of the recorded tables the audit checks claims against."""

REASON_NAMES = {
    "revision": N_("same reporter, later revisions"),
    "other_reporter": N_("other reporter, CIF/FOB valuation"),
    "other_official": N_("another official figure"),
    "press_rounding": N_("rounded in the press"),
}
"""Why a cross-check's figure differs from the primary one, in short (reason codes of
:data:`analysis_lib.claims.audit.REASONS`)."""


def source_or_table_name(source: str, lang: str) -> str:
    """Return the readable name of a trade source or of a recorded table."""
    if source in TABLE_NAMES:
        return translator(lang).gettext(TABLE_NAMES[source])
    return source_name(source, lang)


def verdict_text(verdict: str, severity: str | None, lang: str) -> str:
    """Return e.g. ``"consistent (within rounding)"``; an unverifiable verdict alone."""
    word = verdict_in_prose(verdict, lang)
    if not isinstance(severity, str) or not severity:
        return word
    return translator(lang).gettext(
        "{verdict} ({severity})", verdict=word, severity=severity_name(severity, lang)
    )


def figure_text(computed: object, lang: str, *, html: bool = False) -> str:
    """Return a figure of the audit (computed or claimed) in ``lang``.

    A phrase of the audit (:mod:`analysis_lib.phrases`) is rendered in ``lang``; a
    number as written gets the language's decimal separator and minus sign, an ISO
    date is written as a reader writes it; a
    claim written in words quotes the English article, marked ``lang="en"`` in
    the HTML of another language. With ``html`` the result is an
    :class:`~analysis_lib.stories.html.Html` table cell.
    """
    from analysis_lib.phrases import English, render, typeset_number
    from analysis_lib.stories.html import Html

    if computed is None or (isinstance(computed, float) and computed != computed):
        return DASH
    if hasattr(computed, "render"):
        text = render(computed, lang, html=html)
    elif re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", str(computed)):
        text = format_date(str(computed), lang)
    elif re.search(r"[A-Za-z]{2,}", str(computed)):
        text = English(str(computed)).render(lang, html=html)
    else:
        text = typeset_number(str(computed), lang)
        text = html_escape(text) if html else text
    return Html(text) if html else text


def publisher_html(source_id: str, sources_df, lang: str) -> str:
    """Return a source's publisher as an HTML cell in ``lang`` (English ones marked).

    Parameters
    ----------
    source_id : str
        A source id (``sources.csv``); ``article`` names the article.
    sources_df : pandas.DataFrame
        The ``sources`` table (columns ``source_id``, ``publisher``, ``publisher_ru``).
    lang : {'en', 'ru'}
    """
    from analysis_lib.phrases import Localized
    from analysis_lib.stories.html import Html

    rows = sources_df[sources_df["source_id"] == source_id]
    if source_id == "article" or rows.empty:
        return Html(html_escape(source_name(source_id, lang)))
    row = rows.iloc[0]
    return Html(
        Localized(str(row["publisher"]), ru=row.get("publisher_ru")).render(lang, html=True)
    )


def gap_text(value: object, unit: object, lang: str) -> str:
    """Return a signed gap, ``"−7.27%"`` or ``"+0,01 п. п."``; "" when there is none."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    signed = ("+" if float(value) >= 0 else "−") + fmt(abs(float(value)), lang, 2)
    if unit == "pp":
        return translator(lang).gettext("{gap} pp", gap=signed)
    return signed + "%"


def reason_text(code: object, lang: str) -> str:
    """Return a cross-check's reason in short, "" for none."""
    if not isinstance(code, str) or code not in REASON_NAMES:
        return ""
    return translator(lang).gettext(REASON_NAMES[code])


def cross_check_text(row: dict, lang: str) -> str:
    """Return one cross-check in words: source, figure, gap and reason, verdict."""
    t = translator(lang)
    reason = reason_text(row.get("reason"), lang)
    gap = gap_text(row.get("gap_value"), row.get("gap_unit"), lang)
    if gap:
        note = t.gettext("{gap} vs the primary figure; {reason}", gap=gap, reason=reason)
    else:
        note = reason
    bracketed = " (" + note + ")" if note else ""
    return t.gettext(
        "{source}: {figure}{note} → {verdict}",
        source=source_or_table_name(row["source"], lang),
        figure=figure_text(row.get("computed"), lang),
        note=bracketed,
        verdict=verdict_text(row["verdict"], row.get("severity"), lang),
    )


def claim_cells(results, claim_ids, lang: str):
    """Return one row per claim: its primary source, figure and verdict, and the cross-checks.

    Parameters
    ----------
    results : iterable of AuditResult
    claim_ids : iterable of str
    lang : {'en', 'ru'}

    Returns
    -------
    pandas.DataFrame
        Columns claim_id, source (the primary source's id), primary_source (its
        name), figure, verdict (code), severity, verdict_text, cross_checks (one
        line per cross-check, joined by ``"; "``, or a dash), cross_check_count.
    """
    import pandas as pd

    from analysis_lib.claims.verdicts import verdict_rows

    rows = verdict_rows(results, claim_ids)
    cells = []
    for claim_id in dict.fromkeys(rows["claim_id"]):
        mine = rows[rows["claim_id"] == claim_id].to_dict("records")
        primary = next((r for r in mine if r["role"] == "primary"), None)
        crosses = [cross_check_text(r, lang) for r in mine if r["role"] == "cross-check"]
        cells.append(
            {
                "claim_id": claim_id,
                "source": primary["source"] if primary else None,
                "primary_source": (
                    source_or_table_name(primary["source"], lang) if primary else DASH
                ),
                "figure": figure_text(primary["computed"], lang) if primary else DASH,
                "verdict": primary["verdict"] if primary else None,
                "severity": primary["severity"] if primary else None,
                "verdict_text": (
                    verdict_text(primary["verdict"], primary["severity"], lang)
                    if primary
                    else DASH
                ),
                "cross_checks": "; ".join(crosses) if crosses else DASH,
                "cross_check_count": len(crosses),
            }
        )
    return pd.DataFrame(cells)


def headline(results, lang: str) -> str:
    """Return the headline sentence: claims counted by primary verdict, the minor ones named."""
    from analysis_lib.claims.verdicts import headline_counts, headline_sentence

    return headline_sentence(headline_counts(results), lang)


def record_verdicts(report, results, claim_ids) -> None:
    """Record each claim's primary verdict, severity and source, and every cross-check's verdict.

    Value names: ``verdict_<claim>``, ``severity_<claim>``, ``primary_source_<claim>``,
    ``crosscheck_<claim>_<source>``.
    """
    from analysis_lib.claims.verdicts import verdict_rows

    for row in verdict_rows(results, claim_ids).to_dict("records"):
        claim_id = row["claim_id"]
        if row["role"] == "primary":
            report.value(f"verdict_{claim_id}", row["verdict"])
            report.value(f"severity_{claim_id}", row["severity"])
            report.value(f"primary_source_{claim_id}", row["source"])
        else:
            report.value(f"crosscheck_{claim_id}_{row['source']}", row["verdict"])
