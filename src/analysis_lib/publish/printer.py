"""Print many PDFs through one headless Chromium per process (the DevTools protocol).

Starting Chromium costs about twice the CPU of printing a page with it; a
build starts one browser as soon as it has reports to build, while its
workers run the notebooks, and prints every report in one tab of it with
``Page.printToPDF``. The browser dies with the process that started it
(parent-death signal), and is closed when that process exits normally.

The print options are those of ``chromium --print-to-pdf --no-pdf-header-footer``:
the report's CSS ``@page`` rule sets the paper, margins, running title and
page numbers; backgrounds are printed; Chromium's own header and footer are off.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

from analysis_lib.exceptions import BuildError
from analysis_lib.publish.browser import DevToolsPipe

PRINT_OPTIONS = {
    "printBackground": True,
    "preferCSSPageSize": True,
    "displayHeaderFooter": False,
    "generateTaggedPDF": True,
    "transferMode": "ReturnAsBase64",
}
# Web fonts, images and layout are settled before printing (like --virtual-time-budget).
_SETTLED = (
    "new Promise(done => document.fonts.ready.then(() => "
    "requestAnimationFrame(() => requestAnimationFrame(() => done(true)))))"
)


# Chromium writes a link as an absolute address: a link to a sibling report would
# carry the build folder's path and differ between two builds. In the PDF such a
# link stays as text; links to the web and within the page are kept.
_LOCAL_LINKS_AS_TEXT = (
    "document.querySelectorAll('a[href]').forEach(a => {"
    " if (a.protocol === 'file:' && !a.getAttribute('href').startsWith('#'))"
    " a.removeAttribute('href'); })"
)


class PdfPrinter:
    """One running Chromium that prints local HTML files to PDF bytes.

    Parameters
    ----------
    chromium : Path
        The browser binary.
    timeout : float
        Seconds a page may take to load and print.
    """

    def __init__(self, chromium: Path, timeout: float = 120.0):
        self.chromium = Path(chromium)
        self.owner = os.getpid()
        self._pipe = DevToolsPipe(self.chromium, timeout).__enter__()
        self._session: str | None = None

    def close(self) -> None:
        """Kill the browser (its whole process group) and remove its profile."""
        if self._pipe is not None and os.getpid() == self.owner:
            pipe, self._pipe = self._pipe, None
            pipe.__exit__(None, None, None)

    def print_pdf(self, html_path: Path) -> bytes:
        """Return the PDF of ``html_path`` as Chromium prints it (dates not yet fixed).

        Raises
        ------
        BuildError
            When the page does not load or print in time, or the browser is gone.
        """
        pipe = self._pipe
        if pipe is None:
            raise BuildError(f"{html_path}: the PDF printer was closed")
        session = self._tab()
        try:
            pipe.events.clear()
            pipe.call("Page.navigate", {"url": Path(html_path).resolve().as_uri()}, session)
            self._wait_for_load(session, html_path)
            pipe.call("Runtime.evaluate", {"expression": _LOCAL_LINKS_AS_TEXT}, session)
            pipe.call(
                "Runtime.evaluate",
                {"expression": _SETTLED, "awaitPromise": True, "returnByValue": True},
                session,
            )
            printed = pipe.call("Page.printToPDF", PRINT_OPTIONS, session)
        finally:
            pipe.events.clear()
        return base64.b64decode(printed["data"])

    def _tab(self) -> str:
        """Return the session of the one tab every page is printed in, opening it on first use.

        One tab keeps one renderer process, whose fonts and caches stay loaded
        from one report to the next: about a fifth less CPU a PDF than a tab
        each. Navigating replaces the page, and the node-id renumbering makes
        the bytes independent of what the tab printed before.
        """
        if self._session is None:
            pipe = self._pipe
            target = pipe.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            attached = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})
            pipe.call("Page.enable", session=attached["sessionId"])
            self._session = attached["sessionId"]
        return self._session

    def _wait_for_load(self, session: str, html_path: Path) -> None:
        import time

        pipe = self._pipe
        deadline = time.monotonic() + pipe.timeout
        while time.monotonic() < deadline:
            while pipe.events:
                event = pipe.events.pop(0)
                if event.get("sessionId") == session and event.get("method") == (
                    "Page.loadEventFired"
                ):
                    return
            message = pipe.receive(max(0.0, deadline - time.monotonic()))
            if message is not None and "method" in message:
                pipe.events.append(message)
        raise BuildError(f"{html_path}: Chromium did not load the page within {pipe.timeout:g} s")


_shared: PdfPrinter | None = None


def shared_printer(chromium: Path) -> PdfPrinter:
    """Return this process's printer, starting Chromium on first use.

    A forked worker never uses its parent's browser: it starts its own. The
    printer is closed by :func:`close_shared_printer`, or when a
    ``multiprocessing`` worker exits.
    """
    global _shared
    if _shared is not None and (_shared.owner != os.getpid() or _shared.chromium != chromium):
        if _shared.owner == os.getpid():
            _shared.close()
        _shared = None
    if _shared is None:
        from multiprocessing import util

        _shared = PdfPrinter(chromium)
        util.Finalize(_shared, _shared.close, exitpriority=10)
    return _shared


def close_shared_printer() -> None:
    """Close this process's printer, if it started one."""
    global _shared
    if _shared is not None and _shared.owner == os.getpid():
        _shared.close()
    _shared = None
