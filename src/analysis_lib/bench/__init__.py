"""``python -m analysis_lib bench``: time the report build and the data path.

Modules: ``synthetic`` (seeded bilateral trade table), ``measure`` (one timing
per section), ``runner`` (options, sections, medians), ``table`` (text table
and JSON). Nothing here is imported by the build or the notebooks.
"""
