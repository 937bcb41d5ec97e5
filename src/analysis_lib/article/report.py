"""The ``coverage`` listing as an aligned table or JSON."""

from __future__ import annotations

import json

from analysis_lib.article.coverage import Coverage

COLUMNS = ("place", "token", "kind", "accounted by")


def accounted_by(account) -> str:
    """Return what accounts for a token, in words: its claims or its reason."""
    if account.claim_ids:
        return "claim " + ", ".join(account.claim_ids)
    if account.reason:
        restated = f" of {account.restates}" if account.restates else ""
        return f"not a claim: {account.reason.replace('_', ' ')}{restated}"
    return "UNACCOUNTED"


def render(coverage: Coverage, fmt: str) -> str:
    """Return the coverage as ``'table'`` or ``'json'`` text, ending in a newline.

    Parameters
    ----------
    coverage : Coverage
        From :func:`analysis_lib.article.coverage.article_coverage`.
    fmt : {'table', 'json'}
    """
    if fmt == "json":
        document = {
            "counts": coverage.counts(),
            "tokens": [account.as_dict() for account in coverage.accounts],
            "problems": coverage.problems,
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    rows = [
        (a.token.place, a.token.text, a.token.kind.replace("_", " "), accounted_by(a))
        for a in coverage.accounts
    ]
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(COLUMNS)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [COLUMNS, tuple("-" * w for w in widths), *rows]
    ]
    counts = coverage.counts()
    lines.append(
        f"{len(coverage.accounts)} numbers: {counts['claim']} checked by claims, "
        f"{counts['not a claim']} not claims, {counts['unaccounted']} unaccounted"
    )
    return "\n".join(lines) + "\n"
