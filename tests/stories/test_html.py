"""The HTML of a report's figures and tables: phones get a narrow figure and stacked rows."""

from __future__ import annotations

import base64
import math
import struct
import zlib

import pandas as pd
import pytest

from analysis_lib.stories import html as report_html


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\0" + b"\xff" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_png_size_reads_the_header_and_refuses_other_files():
    assert report_html.png_size(_png(300, 150)) == (300, 150)
    with pytest.raises(ValueError, match="not a PNG"):
        report_html.png_size(b"GIF89a" + b"\0" * 30)


def test_figure_shows_the_narrow_rendition_on_phones_and_the_wide_one_elsewhere():
    wide, narrow = _png(1200, 720), _png(630, 900)

    page = report_html.figure_html(wide, narrow, 'Trade "2014" <b>')

    narrow_url = "data:image/png;base64," + base64.b64encode(narrow).decode()
    wide_url = "data:image/png;base64," + base64.b64encode(wide).decode()
    assert page.startswith('<figure class="analysis-figure"><picture><source media="screen and')
    assert f'srcset="{narrow_url}" width="403" height="576">' in page
    assert (
        f'<img src="{wide_url}" width="768" height="461" alt="Trade &quot;2014&quot; &lt;b&gt;">'
        in page
    )
    assert page.index("<source") < page.index("<img")


def test_figure_without_a_narrow_rendition_has_no_source():
    page = report_html.figure_html(_png(150, 150), None, "T")

    assert "<source" not in page and 'width="96" height="96"' in page


def test_table_labels_every_cell_escapes_it_and_marks_number_columns():
    df = pd.DataFrame(
        {
            "Claim <i>": ["Trade & growth", "x < y"],
            "Value": [1234.5, math.nan],
            "Share": ["55,4 %", "–"],
            "Note": ["about 1/6", "12"],
        }
    )

    page = report_html.table_html(df, decimals=1)

    assert page.startswith('<div class="analysis-table-wrap"><table class="analysis-table">')
    assert '<th scope="col">Claim &lt;i&gt;</th>\n<th scope="col" class="num">Value</th>' in page
    assert '<td data-label="Claim &lt;i&gt;">Trade &amp; growth</td>' in page
    assert '<td data-label="Value" class="num">1,234.5</td>' in page
    assert '<td data-label="Value" class="num">–</td>' in page
    assert '<td data-label="Share" class="num">55,4 %</td>' in page
    assert '<td data-label="Note">about 1/6</td>' in page
    assert "<i>" not in page and page.count("<tr>") == 3


def test_table_with_two_header_levels_joins_them():
    df = pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("2014", "a"), ("2014", "b")]))

    page = report_html.table_html(df)

    assert '<td data-label="2014 / a" class="num">1</td>' in page


def test_a_cell_of_html_is_kept_and_wrapped_in_one_element():
    df = pd.DataFrame({"Rule": [report_html.Html("a <code>x_y</code> b"), "c <d>"]})

    page = report_html.table_html(df)

    assert '<td data-label="Rule"><span>a <code>x_y</code> b</span></td>' in page
    assert '<td data-label="Rule">c &lt;d&gt;</td>' in page
