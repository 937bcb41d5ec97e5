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
from analysis_lib.publish import servers
from analysis_lib.publish.browser import DevToolsPipe
from analysis_lib.publish.servers import Server

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

    concurrency = 1  # pages it prints at once: one tab, one thread
    server = None  # its own browser, not a print server's

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
        session = self.open_tab()
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

    def open_tab(self) -> str:
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


class RemotePrinter:
    """The print server of a build folder (:mod:`analysis_lib.publish.print_server`).

    Same :meth:`print_pdf` as :class:`PdfPrinter`; the browser is the
    server's, kept for the next build, so :meth:`close` leaves it running.

    Parameters
    ----------
    chromium : Path
        The browser binary.
    server : Server
        Where the print server listens; started here unless one with the same
        key already runs.
    timeout : float
        Seconds a page may take to load and print.
    """

    def __init__(self, chromium: Path, server: Server, timeout: float = 120.0):
        import threading

        from analysis_lib.publish.print_server import BROWSERS

        self.chromium, self.server, self.timeout = Path(chromium), server, timeout
        self.concurrency = BROWSERS  # pages it prints at once
        self.owner = os.getpid()
        self._restarting = threading.Lock()
        key = print_server_key(self.chromium)
        if not server.running(key):
            _start_print_server(self.chromium, server, key)

    def close(self) -> None:
        """Nothing to do: the server's browser stays for the next build."""

    def print_pdf(self, html_path: Path) -> bytes:
        """Return the PDF of ``html_path`` as the server's Chromium prints it.

        A server that is gone (killed, or ended after a browser failure) is
        started again once.

        Raises
        ------
        BuildError
            When the server does not answer in time or its browser fails.
        """
        try:
            return self._print(html_path)
        except _ServerGone:
            with self._restarting:
                if not self.server.running():
                    _start_print_server(
                        self.chromium, self.server, print_server_key(self.chromium)
                    )
            try:
                return self._print(html_path)
            except _ServerGone as gone:
                raise BuildError(
                    f"{html_path}: the print server in {self.server.folder} did not answer "
                    f"({gone.__cause__}); run the build again"
                ) from None

    def _print(self, html_path: Path) -> bytes:
        import json
        import socket

        request = json.dumps({"html": str(Path(html_path).resolve())}).encode() + b"\n"
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as channel:
                channel.settimeout(self.timeout + 60)
                try:
                    channel.connect(str(self.server.address))
                    channel.sendall(request)
                    reader = channel.makefile("rb")
                    line = reader.readline()
                except (ConnectionRefusedError, ConnectionResetError, FileNotFoundError) as error:
                    raise _ServerGone from error
                with reader:
                    if not line:  # a server that died with the request in its queue
                        raise _ServerGone from ConnectionResetError("closed without an answer")
                    header = json.loads(line)
                    if "error" in header:
                        raise BuildError(header["error"])
                    data = reader.read(int(header["size"]))
        except (OSError, ValueError, KeyError) as error:
            raise BuildError(
                f"{html_path}: the print server in {self.server.folder} did not answer ({error})"
            ) from None
        if len(data) != int(header["size"]):
            raise BuildError(f"{html_path}: the print server sent a truncated PDF")
        return data


class _ServerGone(Exception):
    """Nothing listens on the print server's socket."""


def print_server_key(chromium: Path) -> str:
    """Return the key of a print server: the browser and the code that drives it."""
    here = Path(__file__).parent
    stat = chromium.stat() if chromium.exists() else None
    code = servers.file_hash(here / "printer.py", here / "browser.py", here / "print_server.py")
    return servers.key_of("printer", str(chromium), stat and stat.st_mtime_ns, code)


def _start_print_server(chromium: Path, server: Server, key: str) -> None:
    import subprocess
    import sys

    try:
        listener = server.listen(key)
    except OSError as error:
        raise BuildError(
            f"{server.address}: cannot open the print server's socket: {error}"
        ) from None
    try:
        arguments = [str(listener.fileno()), f"{servers.idle_seconds():g}", str(server.address)]
        subprocess.run(
            [sys.executable, "-m", "analysis_lib.publish.print_server", *arguments, str(chromium)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            pass_fds=(listener.fileno(),),
            check=True,
            timeout=60,
        )  # returns as soon as the server has forked itself away
    except (OSError, subprocess.SubprocessError) as error:
        server.stop()
        raise BuildError(f"cannot start the print server: {error}") from None
    finally:
        listener.close()


_shared: PdfPrinter | RemotePrinter | None = None


def shared_printer(chromium: Path, server: Server | None = None) -> PdfPrinter | RemotePrinter:
    """Return this process's printer, starting Chromium (or the print server) on first use.

    A forked worker never uses its parent's browser: it starts its own. The
    printer is closed by :func:`close_shared_printer`, or when a
    ``multiprocessing`` worker exits. With ``server`` (a build with servers)
    the pages go to the print server of the build folder, started if needed.
    """
    global _shared
    if _shared is not None and (
        _shared.owner != os.getpid()
        or _shared.chromium != chromium
        or (server is not None and _shared.server != server)
    ):
        if _shared.owner == os.getpid():
            _shared.close()
        _shared = None
    if _shared is None:
        from multiprocessing import util

        _shared = PdfPrinter(chromium) if server is None else RemotePrinter(chromium, server)
        util.Finalize(_shared, _shared.close, exitpriority=10)
    return _shared


def printing_concurrency() -> int:
    """Return how many pages this process's printer prints at once (1 before it starts)."""
    return _shared.concurrency if _shared is not None else 1


def close_shared_printer() -> None:
    """Close this process's printer, if it started one."""
    global _shared
    if _shared is not None and _shared.owner == os.getpid():
        _shared.close()
    _shared = None
