"""The claim registry (``data/claims.csv``) and the audit of the article's claims.

- :mod:`~analysis_lib.claims.registry`: registry names (kinds, checks and the
  tolerances and tables each accepts), ``load_registry``, ``validate_registry``,
  ``primary_source_of``.
- :mod:`~analysis_lib.claims.rules` / :mod:`~analysis_lib.claims.record_rules`:
  tolerance rules, pure functions that turn a computed figure and a claim as
  written into a verdict, its severity and a rule sentence.
- :mod:`~analysis_lib.claims.audit`: ``run_audit(*, source="all", data_dir=None)``
  returning ``AuditResult`` objects (one ``primary`` per claim, ``cross-check``
  results beside it), and ``verdict_counts(results)``.
- :mod:`~analysis_lib.claims.verdicts`: ``claim_verdicts`` (per claim: primary
  and cross-checks), ``headline_counts`` and ``headline_sentence`` (claims
  counted by primary verdict), what the reports, the index and the CLI show.
- :mod:`~analysis_lib.claims.trade_checks` / :mod:`~analysis_lib.claims.record_checks` /
  :mod:`~analysis_lib.claims.structure_check`: one function per check;
  :mod:`~analysis_lib.claims.evidence`: cached data access and the trade sources.
- :mod:`~analysis_lib.claims.report`: table / JSON / CSV rendering;
  :mod:`~analysis_lib.claims.commands`: the ``audit`` sub-command.

Nothing here imports pandas at import time except through the functions that
load data.
"""
