"""Edits of a copy of the article's text, for the coverage tests."""

from __future__ import annotations

from pathlib import Path


def edit_paragraph(folder: Path, number: int, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` once in the ``number``-th non-empty line of the copy."""
    path = next(folder.glob("*.txt"))
    lines = path.read_text(encoding="utf-8").split("\n")
    seen = 0
    for i, line in enumerate(lines):
        if line.strip():
            seen += 1
            if seen == number:
                assert old in line, (number, old)
                lines[i] = line.replace(old, new, 1)
                break
    path.write_text("\n".join(lines), encoding="utf-8")
