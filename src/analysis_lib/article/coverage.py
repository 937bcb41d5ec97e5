"""Every number of the article accounted for: checked by a claim, or not a claim and why.

A token (:mod:`analysis_lib.article.tokens`) is checked by a claim of
``data/claims.csv`` when it stands inside the claim's quote and every number it
writes is one the claim states (its claimed text, its year or last year): in
``grew by 6.8% to 95.3 billion USD`` the 95.3 belongs to ``trade-2014`` and the
6.8% to ``growth-2014``. Any other token needs a row of ``data/non_claims.csv``
with its place and exact text, giving the reason it is not a claim. A token with
neither, a row that matches no token, or a token with both, is a problem.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from analysis_lib.article.passages import Passage, locate
from analysis_lib.article.text import read_article
from analysis_lib.article.tokens import Token, scan_article, written_numbers
from analysis_lib.phrases import Localized

NON_CLAIMS_TABLE = "non_claims"
RESTATEMENT = "restatement"
CHECKED, NOT_A_CLAIM, UNACCOUNTED = "claim", "not a claim", "unaccounted"
STATUSES = (CHECKED, NOT_A_CLAIM, UNACCOUNTED)
"""What the accounting says of a token."""


@dataclass(frozen=True)
class Account:
    """One token of the article and what accounts for it.

    Attributes
    ----------
    token : Token
    claim_ids : tuple of str
        The claims that check it (empty when none).
    reason : str or None
        Why it is not a claim (``non_claims.reason``), when it is not.
    note : str or None
        The non-claim row's note (a :class:`~analysis_lib.phrases.Localized` text,
        with ``note_ru`` when the table has it).
    restates : str or None
        The claim a restatement repeats (``non_claims.claim_id``).
    """

    token: Token
    claim_ids: tuple[str, ...] = ()
    reason: str | None = None
    note: str | None = None
    restates: str | None = None

    @property
    def status(self) -> str:
        """``'claim'``, ``'not a claim'`` or ``'unaccounted'``."""
        if self.claim_ids:
            return CHECKED
        return NOT_A_CLAIM if self.reason else UNACCOUNTED

    def as_dict(self) -> dict:
        """Return the account as a JSON-ready dict."""
        return {
            "place": self.token.place,
            "token": self.token.text,
            "kind": self.token.kind,
            "status": self.status,
            "claim_ids": list(self.claim_ids),
            "reason": self.reason,
            "restates": self.restates,
            "note": self.note,
        }


@dataclass
class Coverage:
    """The accounting of the whole article.

    Attributes
    ----------
    accounts : list of Account
        One per token, in the article's order.
    problems : list of str
        One line per token with no account or two, and per non-claim row that
        matches no token; empty when every number is accounted for.
    """

    accounts: list[Account] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Return the number of tokens per status (every status present)."""
        counts = dict.fromkeys(STATUSES, 0)
        for account in self.accounts:
            counts[account.status] += 1
        return counts


def claim_numbers(claim: dict) -> frozenset[float]:
    """Return the numbers a claim states: those of its claimed text, its year and last year."""
    numbers = set(written_numbers(str(claim["claimed_text"])))
    for column in ("year", "year_end"):
        value = claim.get(column)
        if value is not None and not (isinstance(value, float) and math.isnan(value)):
            try:
                numbers.add(float(value))
            except (TypeError, ValueError):
                continue
    return frozenset(numbers)


def checking_claims(token: Token, passages: list[Passage], claims: dict[str, dict]) -> tuple:
    """Return the ids of the claims whose quote holds ``token`` and states its numbers."""
    return tuple(
        p.claim_id
        for p in passages
        if p.place == token.place
        and p.quote_start <= token.start
        and token.end <= p.quote_end
        and token.numbers() <= claim_numbers(claims[p.claim_id])
    )


def account(paragraphs, claims_df, non_claims_df) -> Coverage:
    """Account for every token of the article.

    Parameters
    ----------
    paragraphs : list of Paragraph
        The article (:func:`analysis_lib.article.text.read_article`).
    claims_df : pandas.DataFrame
        The claim registry.
    non_claims_df : pandas.DataFrame
        The ``non_claims`` table (columns ``location``, ``token``, ``reason``,
        ``claim_id``, ``note``).

    Returns
    -------
    Coverage

    Raises
    ------
    ClaimRegistryError
        A claim's quote is not in the paragraph its location names.
    """
    passages = locate(paragraphs, claims_df)
    claims = {c["claim_id"]: c for c in claims_df.to_dict("records")}
    rows = {}
    problems = []
    for row in non_claims_df.to_dict("records"):
        rows[(row["location"], row["token"])] = row
        if row["reason"] == RESTATEMENT and not isinstance(row["claim_id"], str):
            problems.append(
                f"non_claims.csv: {row['location']} {row['token']!r}: reason 'restatement' "
                "needs the claim_id it restates"
            )
    accounts = []
    used = set()
    for token in scan_article(paragraphs):
        checked = checking_claims(token, passages, claims)
        row = rows.get((token.place, token.text))
        if row is not None:
            used.add((token.place, token.text))
        if checked and row is not None:
            problems.append(
                f"{token.place} {token.text!r}: checked by {', '.join(checked)} and listed in "
                "non_claims.csv; keep one"
            )
        if not checked and row is None:
            problems.append(
                f"{token.place} {token.text!r} ({token.kind.replace('_', ' ')}): no claim checks "
                "it and non_claims.csv gives no reason; add a claim to claims.csv or a row to "
                "non_claims.csv"
            )
        accounts.append(_account(token, checked, None if checked else row))
    for key in [key for key in rows if key not in used]:
        problems.append(
            f"non_claims.csv: {key[0]} {key[1]!r} matches no number of the article; fix its "
            "location or token, or remove the row"
        )
    return Coverage(accounts=accounts, problems=problems)


def _account(token: Token, checked: tuple, row: dict | None) -> Account:
    if row is None:
        return Account(token=token, claim_ids=checked)
    note, restates = row.get("note"), row.get("claim_id")
    return Account(
        token=token,
        reason=str(row["reason"]),
        note=Localized(note, ru=row.get("note_ru")) if isinstance(note, str) else None,
        restates=restates if isinstance(restates, str) else None,
    )


def article_coverage(data_dir: Path | str | None = None, article_dir=None) -> Coverage:
    """Read the article, the registry and ``non_claims`` and account for every token.

    Parameters
    ----------
    data_dir : path-like, optional
        Data package folder; default :func:`analysis_lib.paths.data_dir`.
    article_dir : path-like, optional
        The article's folder; default :func:`analysis_lib.paths.article_dir`.

    Returns
    -------
    Coverage
    """
    from analysis_lib.loaders import load_table

    return account(
        read_article(article_dir),
        load_table("claims", data_dir=data_dir),
        load_table(NON_CLAIMS_TABLE, data_dir=data_dir),
    )
