"""The article's own text: its paragraphs, the numbers written in it, and their accounting.

- :mod:`~analysis_lib.article.text`: ``read_article()``, the article as numbered
  paragraphs, each with its language and place (``en ¶16``).
- :mod:`~analysis_lib.article.tokens`: ``scan()``, every number, fraction,
  percentage, date, code, footnote marker and address written in a paragraph.
- :mod:`~analysis_lib.article.coverage`: ``account()``, each token with the claim
  that checks it (``data/claims.csv``) or the reason it is not a claim
  (``data/non_claims.csv``); :mod:`~analysis_lib.article.commands`: ``coverage``.
- :mod:`~analysis_lib.article.passages`: where each claim's quote stands in its
  paragraph, as the annotated article marks it.

Standard library only at import time.
"""
