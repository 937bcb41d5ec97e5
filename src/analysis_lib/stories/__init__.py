"""What each notebook tells: its data views, its prose in English and Russian.

A notebook stays thin: a ``parameters`` cell, then calls into one story module
(``analysis_lib.stories.<name>``) through a :class:`~analysis_lib.stories.context.Report`.
Every number in the prose is computed here and recorded for the CI check.
"""
