"""The claim registry (``data/claims.csv``) and the audit of the article's claims.

- :mod:`~analysis_lib.claims.registry`: registry names (kinds, checks and the
  tolerances and tables each accepts), ``load_registry``, ``validate_registry``.
- :mod:`~analysis_lib.claims.rules`: tolerance rules, pure functions that turn a
  computed figure and a claim as written into a verdict and a rule sentence.
- :mod:`~analysis_lib.claims.audit`: ``run_audit(*, source="all", data_dir=None)``
  returning ``AuditResult`` objects, and ``verdict_counts(results)``.
- :mod:`~analysis_lib.claims.trade_checks` / :mod:`~analysis_lib.claims.record_checks`:
  one function per check; :mod:`~analysis_lib.claims.evidence`: cached data access.
- :mod:`~analysis_lib.claims.report`: table / JSON / CSV rendering;
  :mod:`~analysis_lib.claims.commands`: the ``audit`` sub-command.

Nothing here imports pandas at import time except through the functions that
load data.
"""
