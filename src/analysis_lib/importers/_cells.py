"""Excel cell addresses: 1-based row and column numbers <-> ``'B7'``."""

from __future__ import annotations


def cell_name(row: int, column: int) -> str:
    """Return the Excel address of a 1-based row and column, e.g. ``(7, 2) -> 'B7'``."""
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return f"{letters}{row}"


def column_number(letters: str) -> int:
    """Return the 1-based number of an Excel column, e.g. ``'B' -> 2``, ``'AT' -> 46``."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number
