"""The HTML a report shows for a figure and for a table, readable on a phone, a laptop and paper.

A figure is a ``<picture>``: the narrow rendition (see
:mod:`analysis_lib.plots.rendition`) on screens up to :data:`NARROW_SCREEN`, the
wide one elsewhere and on paper. Both are PNG data URLs, so a report stays one
self-contained file whose bytes depend only on the figure files.

A table labels every cell with its column (``data-label``), so that the report's
style sheet can stack each row into a card on a phone, and marks the columns
that hold only numbers (``class="num"``), which are right-aligned.
"""

from __future__ import annotations

import base64
import html
import re
import struct

from analysis_lib.plots.theme import PNG_DPI

# Where the narrow rendition takes over: a phone held either way, not paper
# (an A4 page is about 680-720 CSS px wide between its margins).
NARROW_SCREEN = "screen and (max-width: 700px)"
# Browsers lay out 96 CSS px per inch: a figure shown at its natural size has
# text the size the figure was drawn with.
_CSS_PX_PER_INCH = 96
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<td>(.*?)</td>", re.S)
# A number as the reports print it: sign, digits with thousands separators
# (comma, space, no-break or thin space), decimals, percent.
_NUMBER = re.compile(r"[-−+]?\d[\d,.\s\u00a0\u202f]*%?")
_MISSING = {"", "–", "—", "-"}


class Html(str):
    """A table cell that is HTML already (escaped, with its ``lang`` and ``code`` marks)."""

    __slots__ = ()


def png_size(data: bytes) -> tuple[int, int]:
    """Return a PNG's width and height in pixels, from its header."""
    if data[:8] != _PNG_SIGNATURE or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    return struct.unpack(">II", data[16:24])


def _css_size(data: bytes) -> str:
    width, height = png_size(data)
    scale = _CSS_PX_PER_INCH / PNG_DPI
    return f'width="{round(width * scale)}" height="{round(height * scale)}"'


def _data_url(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def figure_html(wide: bytes, narrow: bytes | None, alt: str) -> str:
    """Return a ``<figure>`` showing ``narrow`` on phones and ``wide`` elsewhere.

    Parameters
    ----------
    wide : bytes
        PNG of the figure for laptops and paper.
    narrow : bytes or None
        PNG of the narrow rendition; None shows ``wide`` everywhere.
    alt : str
        Text alternative (the figure's title); escaped here.
    """
    source = ""
    if narrow is not None:
        source = (
            f'<source media="{NARROW_SCREEN}" srcset="{_data_url(narrow)}" {_css_size(narrow)}>'
        )
    image = f'<img src="{_data_url(wide)}" {_css_size(wide)} alt="{html.escape(alt)}">'
    return f'<figure class="analysis-figure"><picture>{source}{image}</picture></figure>'


def _header(column) -> str:
    parts = column if isinstance(column, tuple) else (column,)
    return html.escape(" / ".join(str(part) for part in parts))


def _numeric(cells: list[str]) -> bool:
    present = [cell.strip() for cell in cells if cell.strip() not in _MISSING]
    return bool(present) and all(_NUMBER.fullmatch(html.unescape(cell)) for cell in present)


def _one_item(text: str) -> str:
    """Wrap a cell holding markup in one ``<span>``: a phone lays each cell out as a grid
    (its label, then its content), where every child element would be a grid item."""
    return f"<span>{text}</span>" if "<" in text else text


def table_html(df, *, decimals: int = 2, float_format=None) -> str:
    """Return ``df`` as an HTML table, every cell escaped and labelled with its column.

    Cells are formatted by pandas (``to_html``; missing values as "–"); a text
    cell is escaped here unless it is :class:`Html`.

    Parameters
    ----------
    df : pandas.DataFrame
        The table; its index is not shown.
    decimals : int
        Digits after the point for float cells, with thousands separators,
        when ``float_format`` is not given.
    float_format : callable, optional
        Formats a float cell (e.g. in the report's language).
    """
    escaped = df.copy()
    for column in escaped.columns:
        values = escaped[column]
        if any(isinstance(v, str) for v in values):
            escaped[column] = [
                v if isinstance(v, Html) or not isinstance(v, str) else html.escape(v)
                for v in values
            ]
    rendered = escaped.to_html(
        index=False,
        escape=False,
        na_rep="–",
        float_format=float_format or (lambda x: f"{x:,.{decimals}f}"),
        border=0,
    )
    body = rendered.split("<tbody>", 1)[1] if "<tbody>" in rendered else ""
    rows = [_CELL.findall(row) for row in _ROW.findall(body)]
    headers = [_header(column) for column in df.columns]
    numeric = [_numeric([row[i] for row in rows if i < len(row)]) for i in range(len(headers))]

    kinds = [' class="num"' if is_number else "" for is_number in numeric]
    # One cell a line: text taken from the page keeps its cells apart.
    head = "\n".join(f'<th scope="col"{kinds[i]}>{h}</th>' for i, h in enumerate(headers))
    lines = [
        "\n".join(
            f'<td data-label="{headers[i]}"{kinds[i]}>{_one_item(text)}</td>'
            for i, text in enumerate(row)
        )
        for row in rows
    ]
    tbody = "\n".join(f"<tr>\n{line}\n</tr>" for line in lines)
    return (
        '<div class="analysis-table-wrap"><table class="analysis-table">\n'
        f"<thead><tr>\n{head}\n</tr></thead>\n<tbody>\n{tbody}\n</tbody>\n</table></div>"
    )
