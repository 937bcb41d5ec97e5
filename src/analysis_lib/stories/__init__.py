"""What each notebook tells: one module per notebook stem, section by section.

A notebook cell binds a section's data to a name (``levels = story.levels(report)``,
a view of :mod:`analysis_lib.views`), draws it (``story.draw_levels``, which calls
an :mod:`analysis_lib.plots` function) and tells it (``story.tell_levels``: the
sentences, in the report's language through :mod:`analysis_lib.i18n`, and the
values recorded for the CI check). No story imports another.
"""
