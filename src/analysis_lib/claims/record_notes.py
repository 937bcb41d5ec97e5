"""What every check against a recorded table adds to its finding: the notes and the sources.

A registry note (``claims.note``) follows the sentence it explains; a record's own
note (``timeline.note``) follows the record. Both show in Russian when the
table has ``note_ru``.
"""

from __future__ import annotations

from analysis_lib.claims import rules
from analysis_lib.claims.evidence import Finding, cite
from analysis_lib.phrases import Code, Localized, Phrase, joined, phrase


def sources_cited(source_ids) -> Code:
    """Return ``[a, b]``, the source ids behind a figure, as code."""
    return Code(cite(source_ids))


def _present(text: object) -> bool:
    return isinstance(text, str) and bool(text.strip())


def registry_note(claim: dict) -> Phrase | str:
    """Return the registry's note on the claim as a sentence, or "" when it has none."""
    note = claim.get("note")
    if not _present(note):
        return ""
    return phrase("Registry note: {note}", note=Localized(note, ru=claim.get("note_ru")))


def record_note(record: dict) -> Phrase | str:
    """Return the record's own note as a sentence, or "" when it has none."""
    note = record.get("note")
    if not _present(note):
        return ""
    return phrase("Record note: {note}", note=Localized(note, ru=record.get("note_ru")))


def with_note(sentence: Phrase, claim: dict) -> Phrase:
    """Return ``sentence`` followed by the registry note (when the claim has one)."""
    return joined([sentence, registry_note(claim)], " ")


def finding_of(judgement: rules.Judgement, computed, explanation, ids) -> Finding:
    """Return the finding a judgement gives: its verdict and severity, with what was computed."""
    return Finding(judgement.verdict, computed, explanation, tuple(ids), judgement.severity)
