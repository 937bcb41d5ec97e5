"""The data each notebook shows: pure functions from validated tables to DataFrames.

One module per notebook, named after its file stem (``views.trade_dynamics`` for
``01-trade-dynamics.ipynb``), plus :mod:`~analysis_lib.views.common` for the data
access they share. A view neither draws nor speaks: the story module of the same
name (:mod:`analysis_lib.stories`) turns its frames into figures and sentences,
and a notebook cell binds them to a name the reader can inspect.
"""
