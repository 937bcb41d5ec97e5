"""The prose of each story, ``TEXT = {"en": {...}, "ru": {...}}`` of str.format templates.

One module per story module of the same name; the story imports its ``TEXT`` from here
(and keeps it available as ``<story>.TEXT``).
"""
