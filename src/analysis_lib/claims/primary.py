"""Each claim's one verdict: the result the reports mark the article with.

The audit gives one result per claim and source. A result that carries a
``role`` is the claim's verdict when its role is ``primary``; without roles,
the claim's first result is (China customs, GACC, for a trade claim: the
article's own source; the recorded table for any other claim).
"""

from __future__ import annotations

PRIMARY = "primary"


def primary_results(results) -> dict:
    """Return ``{claim_id: result}``: each claim's primary result, in the audit's order.

    Parameters
    ----------
    results : iterable of AuditResult
        From :func:`analysis_lib.claims.audit.run_audit` with ``source="all"``.

    Returns
    -------
    dict
        One result per claim that has any.
    """
    primary: dict = {}
    for result in results:
        role = getattr(result, "role", None)
        if role == PRIMARY or (role is None and result.id not in primary):
            primary.setdefault(result.id, result)
    return primary
