"""Pages opened in the real headless Chromium over the DevTools pipe.

The remote image is requested for real: without network it fails fast
(``example.invalid`` never resolves), and either way it must be reported.
The layout pages are opened at a phone's and a laptop's width.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis_lib.exceptions import SystemDependencyError
from analysis_lib.publish import browser, layout, pdf

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(pdf.find_chromium() is None, reason="needs the system Chromium"),
]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'
LOREM = "Trade between the two countries grew in most years of the decade. " * 6


def _page(folder: Path, name: str, body: str, head: str = VIEWPORT) -> Path:
    path = folder / name
    path.write_text(
        f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>", encoding="utf-8"
    )
    return path


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, browser.PageCheck]:
    """Three pages checked in one browser session: bad, throwing and clean."""
    folder = tmp_path_factory.mktemp("pages")
    (folder / "pixel.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', encoding="utf-8"
    )
    pages = [
        _page(
            folder,
            "bad.html",
            '<script>console.error("boom from the page")</script>'
            '<img src="http://example.invalid/x.png" alt="">',
        ),
        _page(folder, "throws.html", "<script>undefinedFunction()</script>"),
        _page(folder, "clean.html", '<h1>Clean</h1><img src="pixel.svg" alt="">'),
    ]
    checks = browser.check_pages(pages, folder / "shots", base=folder, viewports=(None,))
    return {check.page: check for check in checks}


def test_console_error_and_remote_image_are_reported(checked):
    problems = checked["bad.html"].problems()

    assert "bad.html: console error: console.error: boom from the page" in problems
    assert "bad.html: network request: http://example.invalid/x.png" in problems
    assert any(
        line.startswith("bad.html: failed request: http://example.invalid/x.png:")
        for line in problems
    ), problems


def test_uncaught_exception_is_reported(checked):
    (line,) = [p for p in checked["throws.html"].problems() if "uncaught exception" in p]

    assert "undefinedFunction" in line


def test_clean_page_passes_and_gets_a_screenshot(checked):
    clean = checked["clean.html"]

    assert clean.problems() == []
    assert clean.url.startswith("file://")
    assert clean.screenshot.name == "clean.png"
    assert clean.screenshot.read_bytes().startswith(PNG_SIGNATURE)


def test_missing_chromium_is_a_system_dependency_error(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(pdf, "find_chromium", lambda: None)

    with pytest.raises(SystemDependencyError, match=r"Chromium not found at .*apt-get install"):
        browser.check_pages([_page(tmp_path, "a.html", "a")])


@pytest.fixture(scope="module")
def layouts(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], browser.PageCheck]:
    """Layout pages checked at 390 and 1280 px, keyed by (page, width)."""
    folder = tmp_path_factory.mktemp("layouts")
    column = f'<main style="max-width: 36rem; margin: auto"><p>{LOREM}</p></main>'
    wide_table = "<table><tr>" + "<td>cell&nbsp;with&nbsp;words</td>" * 12 + "</tr></table>"
    pages = [
        _page(folder, "column.html", column),
        _page(folder, "long-lines.html", f"<p>{LOREM}</p>"),
        _page(folder, "wide-table.html", column + wide_table),
        _page(
            folder, "scroll-box.html", f'{column}<div style="overflow-x: auto">{wide_table}</div>'
        ),
        _page(
            folder,
            "cut-off.html",
            f'<div style="overflow: hidden"><p style="margin-left: 3rem; width: 100%">{LOREM}</p>'
            "</div>",
        ),
        _page(folder, "no-viewport.html", column, head=""),
    ]
    checks = browser.check_pages(pages, folder / "shots", base=folder)
    return {(check.page, check.viewport.width): check for check in checks}


def test_each_page_is_opened_at_a_phone_and_a_laptop_width(layouts):
    widths = sorted({width for _, width in layouts})
    shot = layouts[("column.html", 390)].screenshot

    assert widths == [layout.PHONE.width, layout.LAPTOP.width] == [390, 1280]
    assert shot.name == "column-390.png"
    assert shot.read_bytes().startswith(PNG_SIGNATURE)
    assert layouts[("column.html", 1280)].screenshot.name == "column-1280.png"


def test_a_reading_column_passes_at_both_widths(layouts):
    assert layouts[("column.html", 390)].problems() == []
    assert layouts[("column.html", 1280)].problems() == []
    assert layouts[("scroll-box.html", 390)].problems() == []


def test_prose_wider_than_the_limit_fails_on_a_laptop_only(layouts):
    (line,) = layouts[("long-lines.html", 1280)].problems()

    assert layouts[("long-lines.html", 390)].problems() == []
    assert line.startswith("long-lines.html at 1280 px: 1 prose block(s) wider than 900 px")
    assert '"Trade between the two countries' in line


def test_a_page_wider_than_a_phone_names_what_sticks_out(layouts):
    (line,) = layouts[("wide-table.html", 390)].problems()

    assert line.startswith("wide-table.html at 390 px: page is ")
    assert "wider than the 390 px window: table" in line


def test_content_cut_off_by_a_hidden_overflow_is_reported(layouts):
    problems = layouts[("cut-off.html", 390)].problems()

    assert any("cut off by a box that hides what overflows it: p" in line for line in problems)


def test_a_page_without_a_viewport_tag_fails_on_a_phone(layouts):
    problems = layouts[("no-viewport.html", 390)].problems()

    assert any('no <meta name="viewport"' in line for line in problems), problems
    assert layouts[("no-viewport.html", 1280)].problems() == []
