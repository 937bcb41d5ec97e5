"""analysis_lib: reproduce and audit the numbers of a bilingual policy article.

The article is "New aspects of cooperation for the development of the Russian
Far East and the revival of North-Eastern China". Data flows one way: official
files -> importers -> tidy CSV in ``data/`` -> loaders -> metrics and the claim
audit -> plots -> notebooks -> reports.

Submodules are imported lazily so that ``python -m analysis_lib build`` on an
up-to-date tree starts without pandas.
"""

__version__ = "0.1.0"
