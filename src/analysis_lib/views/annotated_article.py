"""Notebook 09's data: the article's paragraphs, each claim's passage and verdict, its numbers.

The verdicts are the audit's primary ones (:mod:`analysis_lib.claims.verdicts`),
the passages those of :mod:`analysis_lib.article.passages`, the numbers the
accounting of :mod:`analysis_lib.article.coverage`; these views select the
claims a report marks and nest the passages of a paragraph for drawing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis_lib.vocabulary import ALL_SOURCES, VERDICTS

# A heading of the article: a short paragraph that does not end a sentence.
_HEADING_MAX_CHARS = 160
_SENTENCE_END = re.compile(r"[.!?:;…]$")


@dataclass
class ArticleText:
    """The article as the report shows it.

    Attributes
    ----------
    paragraphs : list of Paragraph
    roles : list of str
        Each paragraph's role (:func:`paragraph_roles`).
    passages : list of Passage
        Every registered claim's place (:func:`analysis_lib.article.passages.locate`).
    coverage : Coverage
        Every number of the article with its account.
    """

    paragraphs: list
    roles: list
    passages: list
    coverage: object


@dataclass
class Node:
    """A marked passage and the passages marked inside it.

    Attributes
    ----------
    claim_id : str
    start, end : int
        The marked span in the paragraph's text.
    children : list of Node
        Passages inside this one, in the text's order.
    """

    claim_id: str
    start: int
    end: int
    children: list[Node] = field(default_factory=list)

    def depth(self) -> int:
        """Return how many levels of passages this one holds (0: none)."""
        return 1 + max(child.depth() for child in self.children) if self.children else 0


def article_text(claims, non_claims, article_dir=None) -> ArticleText:
    """Read the article and place every claim and number of it.

    Parameters
    ----------
    claims, non_claims : pandas.DataFrame
        The claim registry and the ``non_claims`` table.
    article_dir : path-like, optional
        The article's folder; default :func:`analysis_lib.paths.article_dir`.

    Returns
    -------
    ArticleText
    """
    from analysis_lib.article.coverage import account
    from analysis_lib.article.passages import locate
    from analysis_lib.article.text import read_article

    paragraphs = read_article(article_dir)
    return ArticleText(
        paragraphs=paragraphs,
        roles=paragraph_roles(paragraphs),
        passages=locate(paragraphs, claims),
        coverage=account(paragraphs, claims, non_claims),
    )


def paragraph_roles(paragraphs) -> list[str]:
    """Return each paragraph's role: ``'title'``, ``'heading'`` or ``'body'``.

    The first paragraph in each language is a title; a short paragraph that
    does not end in sentence punctuation is a heading.
    """
    roles, seen = [], set()
    for paragraph in paragraphs:
        text = paragraph.text.rstrip("\"'»”")
        if paragraph.lang not in seen:
            roles.append("title")
        elif len(text) <= _HEADING_MAX_CHARS and not _SENTENCE_END.search(text):
            roles.append("heading")
        else:
            roles.append("body")
        seen.add(paragraph.lang)
    return roles


def marked_claims(registry, primary: dict, start_year: int, end_year: int, source: str):
    """Return the claims the report marks, with their primary verdicts, in the article's order.

    Parameters
    ----------
    registry : pandas.DataFrame
        The claim registry.
    primary : dict
        ``{claim_id: AuditResult}``: each claim's primary result
        (:func:`analysis_lib.claims.verdicts.claim_verdicts`).
    start_year, end_year : int
        A claim is marked when its years (``year`` to ``year_end``) overlap this range.
    source : str
        ``'all'``, or the source whose primary verdicts are marked.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim_id``, ``location``, ``verdict``, ``severity``, ``source``,
        ``claimed``, ``computed``, ``sources`` (tuple of ids), ``statement_en``,
        ``statement_ru``.
    """
    import pandas as pd

    from analysis_lib.views.claims_audit import claims_in_years

    rows = []
    for claim in claims_in_years(registry, start_year, end_year).to_dict("records"):
        result = primary.get(claim["claim_id"])
        if result is None or source not in (ALL_SOURCES, result.source):
            continue
        rows.append(
            {
                "claim_id": claim["claim_id"],
                "location": claim["location"],
                "verdict": result.verdict,
                "severity": result.severity,
                "source": result.source,
                "claimed": result.claimed,
                "computed": result.computed,
                "sources": tuple(result.sources),
                "statement_en": claim["statement_en"],
                "statement_ru": claim["statement_ru"],
            }
        )
    columns = [
        "claim_id",
        "location",
        "verdict",
        "severity",
        "source",
        "claimed",
        "computed",
        "sources",
        "statement_en",
        "statement_ru",
    ]
    return pd.DataFrame(rows, columns=columns)


def verdict_counts(marks) -> dict[str, int]:
    """Return the number of marked claims per verdict, every verdict present."""
    return {verdict: int((marks["verdict"] == verdict).sum()) for verdict in VERDICTS}


def nest(passages) -> list[Node]:
    """Return the passages of one paragraph as trees: each inside the smallest that holds it.

    Parameters
    ----------
    passages : iterable of Passage
        Passages of one paragraph that do not cross (:func:`analysis_lib.article.passages.locate`
        clips those that would); equal spans nest in the given order.

    Returns
    -------
    list of Node
        The outermost passages, in the text's order.

    Raises
    ------
    ValueError
        Two passages cross.
    """
    ordered = sorted(enumerate(passages), key=lambda item: (item[1].start, -item[1].end, item[0]))
    roots: list[Node] = []
    open_nodes: list[Node] = []
    for _, passage in ordered:
        node = Node(passage.claim_id, passage.start, passage.end)
        while open_nodes and open_nodes[-1].end <= node.start:
            open_nodes.pop()
        if open_nodes:
            parent = open_nodes[-1]
            if node.end > parent.end:
                raise ValueError(f"passages {parent.claim_id!r} and {node.claim_id!r} cross")
            parent.children.append(node)
        else:
            roots.append(node)
        open_nodes.append(node)
    return roots
