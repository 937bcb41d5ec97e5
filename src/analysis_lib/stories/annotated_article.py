"""Notebook 09, the annotated article: the article's own text with every claim marked.

Sections: :func:`article` (the paragraphs, each claim's passage and every number's
account) and :func:`marks` (the claims the report marks, with their primary
verdicts, views of :mod:`analysis_lib.views.annotated_article`), told as a header
with the count per verdict, the article paragraph by paragraph with a note under
each marked passage, and the numbers that are not claims.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from analysis_lib import paths
from analysis_lib.plots.labels import (
    non_claim_reason_name,
    severity_name,
    verdict_name,
)
from analysis_lib.stories.common import (
    DASH,
    figure_text,
    headline,
    publisher_html,
    source_or_table_name,
)
from analysis_lib.stories.context import Report, start_claims_report
from analysis_lib.views import annotated_article as views
from analysis_lib.vocabulary import (
    ALL_SOURCES,
    VERDICT_SYMBOLS,
    VERDICTS,
)

NOTEBOOK = "09-annotated-article"
AUDIT_REPORT = "07-claims-audit.html"

STYLESHEET = paths.TEMPLATES_DIR / "annotated_article.css"
_FOOTNOTE_REF = re.compile(r"\[footnoteRef:(\d+)\]")
# A footnote's text as the article file writes it: "[4: Russian President ...]".
_FOOTNOTE = re.compile(r"\[\d+:[^\]]*\]?")


@dataclass
class ArticleReport(Report):
    """A :class:`Report` that also carries the ``source`` whose verdicts it marks (or 'all')."""

    mark_source: str = ALL_SOURCES


def start(
    lang: object = "en",
    start_year: object = None,
    end_year: object = None,
    source: object = ALL_SOURCES,
    output_dir: object = "",
) -> ArticleReport:
    """Validate the notebook's parameters and return its report.

    Parameters
    ----------
    lang : {'en', 'ru'}
    start_year, end_year : int, optional
        Mark the claims about years in this range (default: every claim's years).
    source : str, default 'all'
        Mark only the claims whose primary verdict comes from this source (a
        value of :data:`analysis_lib.views.claims_audit.SOURCES`).
    output_dir : str
        Folder for ``values.json``; "" means the build's default.

    Returns
    -------
    ArticleReport
    """
    base = start_claims_report(
        NOTEBOOK,
        lang=lang,
        start_year=start_year,
        end_year=end_year,
        source=source,
        output_dir=output_dir,
    )
    return ArticleReport(params=base.params, recorder=base.recorder, mark_source=source)


def article(report: ArticleReport) -> views.ArticleText:
    """Return the article's paragraphs, every claim's passage and every number's account.

    Returns
    -------
    ArticleText
        See :func:`analysis_lib.views.annotated_article.article_text`.
    """
    from analysis_lib.loaders import load_table

    return views.article_text(load_table("claims"), load_table("non_claims"))


def marks(report: ArticleReport, text: views.ArticleText):
    """Return the claims the report marks, numbered in the article's order.

    Returns
    -------
    pandas.DataFrame
        :func:`analysis_lib.views.annotated_article.marked_claims` with ``number``
        (1, 2, ... in the order the passages stand in the article).
    """
    from analysis_lib.claims.audit import run_audit
    from analysis_lib.claims.registry import load_registry
    from analysis_lib.claims.verdicts import claim_verdicts

    verdicts = claim_verdicts(run_audit())
    marked = views.marked_claims(
        load_registry(),
        {v.claim_id: v.primary for v in verdicts if v.primary is not None},
        report.params.start_year,
        report.params.end_year,
        report.mark_source,
    )
    order = {p.claim_id: (int(p.place.split("¶")[1]), p.start) for p in text.passages}
    marked = marked.assign(_order=[order[c] for c in marked["claim_id"]])
    marked = marked.sort_values("_order", kind="stable").drop(columns="_order")
    return marked.assign(number=range(1, len(marked) + 1)).reset_index(drop=True)


def _symbol(verdict: str) -> str:
    return VERDICT_SYMBOLS.get(verdict, "•")


def _verdict_class(verdict: str) -> str:
    return f"v-{verdict}" if verdict in VERDICTS else "v-other"


def tell_header(report: ArticleReport, marks) -> None:
    """Say what the marks mean, count them per verdict, give the audit's headline and link
    the full arithmetic."""
    from analysis_lib.claims.audit import run_audit
    from analysis_lib.claims.registry import load_registry

    t, e = report.t, html.escape
    counts = views.verdict_counts(marks)
    unmarked = len(load_registry()) - len(marks)
    report.values(
        {
            "mark_source": report.mark_source,
            "claims_marked": len(marks),
            "claims_unmarked": unmarked,
            **{f"marked_{verdict}": n for verdict, n in counts.items()},
        }
    )
    report.say(
        t.gettext(
            "The article as published, paragraph by paragraph. Each checkable passage is "
            "marked with its claim's primary verdict, by a colour, an underline and a symbol; "
            "the note under the paragraph gives the article's figure, the source's figure, the "
            "severity and the sources. The full arithmetic of every verdict is in "
            "[{audit}]({link}).",
            audit=t.gettext("The article's claims checked against the data"),
            link=AUDIT_REPORT,
        )
    )
    items = "".join(
        f'<li><mark class="claim {_verdict_class(v)}">{e(_symbol(v))} '
        f"{e(verdict_name(v, report.lang))}</mark>: {counts[v]}</li>"
        for v in VERDICTS
    )
    style = STYLESHEET.read_text(encoding="utf-8")
    report.html(f'<style>{style}</style><ul class="annotated-legend">{items}</ul>')
    report.say(
        t.ngettext("{n} claim is marked.", "{n} claims are marked.", len(marks), n=len(marks))
        + (
            " "
            + t.ngettext(
                "{n} claim outside the chosen years or source is left unmarked.",
                "{n} claims outside the chosen years or source are left unmarked.",
                unmarked,
                n=unmarked,
            )
            if unmarked
            else ""
        )
        + " "
        + t.gettext("By primary verdict, {headline}.", headline=headline(run_audit(), report.lang))
    )


def _note(report: ArticleReport, mark: dict, sources_df) -> str:
    t, e, lang = report.t, html.escape, report.lang
    verdict = mark["verdict"]
    severity = mark["severity"]
    graded = "" if not isinstance(severity, str) else f" ({e(severity_name(severity, lang))})"
    computed = mark["computed"] if isinstance(mark["computed"], str) else DASH
    # A claim in words is the English article's own: figure_text marks its language.
    article_label = t.pgettext("the article's figure", "Article")
    source = e(source_or_table_name(mark["source"], lang))
    figures = (
        f"{e(article_label)}: {figure_text(mark['claimed'], lang, html=True)} · "
        f"{source}: {figure_text(computed, lang, html=True)}"
    )
    names = [publisher_html(source_id, sources_df, lang) for source_id in mark["sources"]]
    cited = t.ngettext(
        "Source: {names}", "Sources: {names}", len(names), names="; ".join(["{}"] * len(names))
    )
    cited = e(cited).format(*names)
    claim_id = e(mark["claim_id"], quote=True)
    return (
        f'<li class="claim-note {_verdict_class(verdict)}" id="note-{claim_id}">'
        f'<span class="note-symbol">{e(_symbol(verdict))}&#8239;{int(mark["number"])}</span> '
        f"<strong>{e(verdict_name(verdict, lang))}</strong>{graded} · "
        f"{e(str(mark[f'statement_{lang}']))}"
        f'<span class="note-figures">{figures}</span>'
        f'<span class="note-sources">{cited}</span></li>'
    )


def _footnote_refs(escaped: str) -> str:
    """Show the article file's footnote marks (``[footnoteRef:2]``) as superscript numbers."""
    return _FOOTNOTE_REF.sub(r'<sup class="footnote-ref">\1</sup>', escaped)


def _leaf(text: str, start: int, end: int, tokens) -> str:
    """Escape ``text[start:end]``: footnotes in small type, numbers that are not claims marked."""
    out, pos = [], start
    for match in _FOOTNOTE.finditer(text):
        inside_start, inside_end = max(match.start(), start), min(match.end(), end)
        if inside_start >= inside_end:
            continue
        out.append(_numbers(text, pos, inside_start, tokens))
        inner = _numbers(text, inside_start, inside_end, tokens)
        out.append(f'<span class="footnote-text">{inner}</span>')
        pos = inside_end
    out.append(_numbers(text, pos, end, tokens))
    return "".join(out)


def _numbers(text: str, start: int, end: int, tokens) -> str:
    out, pos = [], start
    for account in tokens:
        token = account.token
        if token.start < start or token.end > end or account.claim_ids:
            continue
        out.append(html.escape(text[pos : token.start]))
        css = "non-claim" if account.reason else "unaccounted"
        reason = html.escape(account.reason or "unaccounted", quote=True)
        shown = _footnote_refs(html.escape(token.text))
        out.append(f'<span class="{css}" data-reason="{reason}">{shown}</span>')
        pos = token.end
    out.append(_footnote_refs(html.escape(text[pos:end])))
    return "".join(out)


def _marked(text: str, nodes, start: int, end: int, tokens, by_id: dict) -> str:
    out, pos = [], start
    for node in nodes:
        out.append(_leaf(text, pos, node.start, tokens))
        inner = _marked(text, node.children, node.start, node.end, tokens, by_id)
        mark = by_id[node.claim_id]
        verdict = str(mark["verdict"])
        claim_id = html.escape(node.claim_id, quote=True)
        css = f"claim {_verdict_class(verdict)} depth-{min(node.depth(), 3)}"
        out.append(
            f'<mark class="{css}" data-claim-id="{claim_id}" '
            f'data-verdict="{html.escape(verdict, quote=True)}">{inner}</mark>'
            f'<a class="claim-symbol {_verdict_class(verdict)}" href="#note-{claim_id}">'
            f"{html.escape(_symbol(verdict))}&#8239;{int(mark['number'])}</a>"
        )
        pos = node.end
    out.append(_leaf(text, pos, end, tokens))
    return "".join(out)


def show_article(report: ArticleReport, text: views.ArticleText, marks) -> None:
    """Show the article paragraph by paragraph, its marked passages with their notes."""
    from analysis_lib.loaders import load_table

    sources_df = load_table("sources")
    by_id = {m["claim_id"]: m for m in marks.to_dict("records")}
    blocks = []
    for paragraph, role in zip(text.paragraphs, text.roles, strict=True):
        passages = [p for p in text.passages if p.place == paragraph.place and p.claim_id in by_id]
        tokens = [a for a in text.coverage.accounts if a.token.place == paragraph.place]
        body = _marked(paragraph.text, views.nest(passages), 0, len(paragraph.text), tokens, by_id)
        notes = sorted((by_id[p.claim_id] for p in passages), key=lambda m: m["number"])
        note_list = "".join(_note(report, mark, sources_df) for mark in notes)
        blocks.append(
            f'<div class="article-paragraph role-{role}{" has-notes" if notes else ""}" '
            f'id="paragraph-{paragraph.number}">'
            f'<p lang="{paragraph.lang}"><span class="place">{html.escape(paragraph.place)}'
            f"</span> {body}</p>"
            + (f'<ul class="claim-notes" lang="{report.lang}">{note_list}</ul>' if notes else "")
            + "</div>"
        )
    for mark in by_id.values():
        report.value(f"verdict_{mark['claim_id']}", mark["verdict"])
    report.values(
        {
            "paragraphs": len(text.paragraphs),
            "paragraphs_marked": len({p.place for p in text.passages if p.claim_id in by_id}),
        }
    )
    report.cite(["article", *(s for m in by_id.values() for s in m["sources"])])
    report.html(f'<div class="annotated-article">{"".join(blocks)}</div>')


def numbers(report: ArticleReport, text: views.ArticleText):
    """Return every number of the article with its place and account.

    Returns
    -------
    pandas.DataFrame
        Columns ``place``, ``token``, ``kind``, ``status`` (``claim``, ``not a
        claim``, ``unaccounted``), ``claim_ids``, ``reason``, ``note``.
    """
    import pandas as pd

    rows = [{**a.as_dict(), "claim_ids": ", ".join(a.claim_ids)} for a in text.coverage.accounts]
    columns = ["place", "token", "kind", "status", "claim_ids", "reason", "note"]
    return pd.DataFrame(rows, columns=columns)


def tell_numbers(report: ArticleReport, numbers) -> None:
    """Count the article's numbers by account and list those that are not claims."""
    from analysis_lib.phrases import Code, render
    from analysis_lib.stories.html import Html

    t = report.t
    counts = numbers["status"].value_counts()
    total = len(numbers)
    checked = int(counts.get("claim", 0))
    not_claims = int(counts.get("not a claim", 0))
    unaccounted = int(counts.get("unaccounted", 0))
    report.values(
        {
            "numbers_total": total,
            "numbers_claim": checked,
            "numbers_not_a_claim": not_claims,
            "numbers_unaccounted": unaccounted,
        }
    )
    report.say(
        t.gettext(
            "The article writes {total} numbers, dates, codes and addresses: {checked} are "
            "checked by its claims, {not_claims} are not claims, for the reasons below.",
            total=total,
            checked=checked,
            not_claims=not_claims,
        )
    )
    if unaccounted:
        report.say(
            t.ngettext(
                "**{n} number is accounted for by nothing**: neither a claim nor a reason.",
                "**{n} numbers are accounted for by nothing**: neither a claim nor a reason.",
                unaccounted,
                n=unaccounted,
            )
        )
    shown = numbers[numbers["status"] != "claim"]
    if shown.empty:
        return
    table = shown.assign(
        reason=[
            non_claim_reason_name(r, report.lang)
            if isinstance(r, str)
            else t.gettext("unaccounted")
            for r in shown["reason"]
        ],
        token=[Html(Code(token).render(report.lang, html=True)) for token in shown["token"]],
        note=[
            Html(render(note, report.lang, html=True)) if isinstance(note, str) else DASH
            for note in shown["note"]
        ],
    )
    columns = {
        "place": t.gettext("Place"),
        "token": t.gettext("As written"),
        "reason": t.gettext("Why it is not a claim"),
        "note": t.gettext("Note"),
    }
    report.table(table[list(columns)].rename(columns=columns))
    report.cite(["article"])
