"""Where each claim of the registry stands in the article: its quote's span in its paragraph.

The annotated article marks these spans. Quotes may nest or coincide (two
claims about one phrase); where two cross, the later one is marked from the end
of the earlier, so every claim stays one element of the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis_lib.article.text import Paragraph, paragraph_at
from analysis_lib.exceptions import ClaimRegistryError


@dataclass(frozen=True)
class Passage:
    """A claim's place in the article.

    Attributes
    ----------
    claim_id : str
    place : str
        The paragraph's place, e.g. ``'en ¶13'``.
    quote_start, quote_end : int
        The span of the claim's quote in the paragraph's text.
    start, end : int
        The span the annotated article marks: the quote's, or its part after an
        earlier quote it crosses.
    """

    claim_id: str
    place: str
    quote_start: int
    quote_end: int
    start: int
    end: int


def locate(paragraphs: list[Paragraph], claims) -> list[Passage]:
    """Return every claim's passage, in the registry's order.

    Parameters
    ----------
    paragraphs : list of Paragraph
        From :func:`analysis_lib.article.text.read_article`.
    claims : pandas.DataFrame
        The registry (columns ``claim_id``, ``location``, ``quote``).

    Returns
    -------
    list of Passage

    Raises
    ------
    ClaimRegistryError
        A claim's location names no paragraph of the article (or one in the
        other language), or its quote is not written there exactly once.
    """
    found = []
    for claim in claims.to_dict("records"):
        claim_id, place, quote = claim["claim_id"], claim["location"], str(claim["quote"])
        paragraph = paragraph_at(paragraphs, place)
        if paragraph is None:
            raise ClaimRegistryError(
                f"claims.csv: claim {claim_id!r}: location {place!r} must name a paragraph of "
                f"the article in its language (en ¶1 to ¶{len(paragraphs)})"
            )
        start = paragraph.text.find(quote)
        count = paragraph.text.count(quote)
        if count != 1:
            where = "is not" if count == 0 else f"stands {count} times"
            raise ClaimRegistryError(
                f"claims.csv: claim {claim_id!r}: quote {quote[:60]!r} {where} in {place}; "
                "expected the paragraph's exact words, once"
            )
        found.append(
            Passage(claim_id, place, start, start + len(quote), start, start + len(quote))
        )
    return _uncrossed(found)


def _uncrossed(passages: list[Passage]) -> list[Passage]:
    """Clip each passage that crosses an earlier one (by start) to begin at its end."""
    by_place: dict[str, list[Passage]] = {}
    for passage in passages:
        by_place.setdefault(passage.place, []).append(passage)
    clipped: dict[str, Passage] = {}
    for group in by_place.values():
        placed: list[Passage] = []
        for passage in sorted(group, key=lambda p: (p.start, -p.end)):
            start = passage.start
            for other in placed:
                if other.start < start < other.end < passage.end:
                    start = other.end
            kept = Passage(
                passage.claim_id,
                passage.place,
                passage.quote_start,
                passage.quote_end,
                start,
                passage.end,
            )
            placed.append(kept)
            clipped[passage.claim_id] = kept
    return [clipped[p.claim_id] for p in passages]
