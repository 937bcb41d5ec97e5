"""Pages opened in the real headless Chromium over the DevTools pipe.

The remote image is requested for real: without network it fails fast
(``example.invalid`` never resolves), and either way it must be reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis_lib.exceptions import SystemDependencyError
from analysis_lib.publish import browser, pdf

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(pdf.find_chromium() is None, reason="needs the system Chromium"),
]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _page(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"<!DOCTYPE html><html><body>{body}</body></html>", encoding="utf-8")
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
    checks = browser.check_pages(pages, folder / "shots", base=folder)
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
