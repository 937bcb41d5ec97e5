"""One Chromium prints many PDFs over the DevTools pipe and dies with its owner."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from analysis_lib.publish import pdf, printer

CHROMIUM = pdf.find_chromium()
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")

PAGE = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{title}</title>
<style>@page {{ size: A4; margin: 20mm; }}</style></head>
<body><h1>{title}</h1><p>Товарооборот Китая и России, 中俄贸易</p>
<table><tr><th>год</th><th>млрд</th></tr><tr><td>2014</td><td>95,3</td></tr></table>
</body></html>"""


def _page(folder: Path, name: str, title: str) -> Path:
    path = folder / f"{name}.html"
    path.write_text(PAGE.format(title=title), encoding="utf-8")
    return path


@needs_chromium
def test_one_browser_prints_every_page_byte_stable_and_honours_css_page_size(tmp_path):
    first, second = _page(tmp_path, "a", "Первый"), _page(tmp_path, "b", "Second")
    try:
        for name, page in (("a1", first), ("b1", second), ("a2", first)):
            pdf.print_in_browser(CHROMIUM, page, tmp_path / f"{name}.pdf", 0)
        shared = printer.shared_printer(CHROMIUM)
        assert shared is printer.shared_printer(CHROMIUM), "a second browser was started"
    finally:
        printer.close_shared_printer()
    a1, a2 = (tmp_path / "a1.pdf").read_bytes(), (tmp_path / "a2.pdf").read_bytes()
    assert a1.startswith(b"%PDF") and a1 == a2
    assert a1 != (tmp_path / "b1.pdf").read_bytes()
    assert b"/MediaBox [0 0 594.9" in a1  # A4 from the page's @page rule, not Letter


@needs_chromium
def test_a_printer_closed_after_use_leaves_no_browser(tmp_path):
    page = _page(tmp_path, "a", "A")
    shared = printer.PdfPrinter(CHROMIUM)
    pid = shared._pipe.process.pid
    assert shared.print_pdf(page).startswith(b"%PDF")
    shared.close()
    assert not Path(f"/proc/{pid}").exists()


OWNER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from analysis_lib.publish import printer

    shared = printer.shared_printer(Path(sys.argv[1]))
    print(shared._pipe.process.pid, flush=True)
    time.sleep(300)
    """
)


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state == "Z"


@needs_chromium
def test_the_browser_dies_with_a_killed_owner():
    owner = subprocess.Popen(
        [sys.executable, "-c", OWNER, str(CHROMIUM)], stdout=subprocess.PIPE, text=True
    )
    try:
        browser = int(owner.stdout.readline())
        assert not _gone(browser)
        os.kill(owner.pid, signal.SIGKILL)
        owner.wait(timeout=30)
        deadline = time.monotonic() + 30
        while not _gone(browser) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _gone(browser), "Chromium outlived the process that started it"
    finally:
        owner.kill()
        owner.wait(timeout=30)
        owner.stdout.close()


LINKED = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>
<body><p id="top">See <a href="07-claims-audit.html">report 07</a>,
<a href="https://www.imf.org/">the IMF</a> and <a href="#top">the top</a>.</p></body></html>"""


@needs_chromium
def test_a_link_to_a_sibling_report_does_not_carry_the_build_folder(tmp_path):
    prints = []
    try:
        for folder in ("build-one", "build-two-longer"):
            (tmp_path / folder).mkdir()
            page = tmp_path / folder / "09.html"
            page.write_text(LINKED, encoding="utf-8")
            pdf.print_in_browser(CHROMIUM, page, tmp_path / folder / "09.pdf", 0)
            prints.append((tmp_path / folder / "09.pdf").read_bytes())
    finally:
        printer.close_shared_printer()
    assert prints[0] == prints[1]
    assert b"file://" not in prints[0]
    assert b"https://www.imf.org/" in prints[0]
