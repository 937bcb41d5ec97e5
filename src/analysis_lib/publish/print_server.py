"""The PDF printer as a build server: Chromium kept between builds, a browser per core.

Started by :class:`analysis_lib.publish.printer.RemotePrinter` for a build
with servers (:mod:`analysis_lib.publish.servers`), as ``python -m
analysis_lib.publish.print_server FD IDLE SOCKET CHROMIUM``: it forks itself
away from the build, starts :data:`BROWSERS` Chromiums with their tabs open,
then prints one page per connection, as many at once as it has browsers (the
two reports of one notebook print side by side). A request is one JSON line,
``{"html": path}``; the answer is a JSON line, ``{"size": n}`` followed by
the n bytes of the PDF as Chromium printed it, or ``{"error": message}``. It
ends like the kernel server: idle, or when its socket's path no longer leads
to its socket; after a browser fails it ends once the pages in hand are
answered, and the next build starts a new one. Its browsers die with it.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import socket
import sys
import threading
import time
from pathlib import Path

BROWSERS = max(1, min(2, os.cpu_count() or 1))


def _answer(printer, connection: socket.socket) -> bool:
    """Print the page one connection asks for and send it; False if the browser failed."""
    from analysis_lib.exceptions import BuildError

    with connection, connection.makefile("rb") as reader:
        line = reader.readline()
        if not line:
            return True  # a probe: is the server there?
        try:
            data = printer.print_pdf(Path(json.loads(line)["html"]))
            header, healthy = {"size": len(data)}, True
        except (BuildError, KeyError, TypeError, ValueError) as error:
            header, data, healthy = {"error": str(error)}, b"", False
        with contextlib.suppress(OSError):  # the build that asked may be gone
            connection.sendall(json.dumps(header).encode() + b"\n" + data)
    return healthy


def _print_loop(printer, pages: queue.Queue, broken: threading.Event) -> None:
    while (connection := pages.get()) is not None:
        if not _answer(printer, connection):
            broken.set()


def serve(listener: socket.socket, idle: float, path: str, chromium: Path) -> None:
    """Print the pages asked for on ``listener`` until idle, replaced or broken."""
    from analysis_lib.publish.printer import PdfPrinter
    from analysis_lib.publish.warm_parent import SERVER_CHECK_SECONDS, keep_serving, socket_file

    own = socket_file(path)
    printers = []
    try:
        for _ in range(BROWSERS):  # started before any thread, so no fork meets a thread
            printers.append(PdfPrinter(chromium))
            printers[-1].open_tab()
        pages: queue.Queue = queue.Queue()
        broken = threading.Event()
        threads = [
            threading.Thread(target=_print_loop, args=(p, pages, broken), daemon=True)
            for p in printers
        ]
        for thread in threads:
            thread.start()
        listener.settimeout(SERVER_CHECK_SECONDS)
        last = time.monotonic()
        while not broken.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                if keep_serving(own, path, idle, last, []):
                    continue
                break
            last = time.monotonic()
            connection.settimeout(None)
            pages.put(connection)
        listener.close()
        for _ in threads:
            pages.put(None)
        for thread in threads:
            thread.join()
    finally:
        for printer in printers:
            printer.close()


def main() -> None:
    """Fork away from the build, then serve until idle or replaced."""
    fd, idle, path, chromium = sys.argv[1:5]
    if os.fork() > 0:
        os._exit(0)
    os.set_inheritable(int(fd), False)  # Chromium must not hold the socket after the server ends
    null = os.open(os.devnull, os.O_RDWR)
    for target in (0, 1, 2):
        os.dup2(null, target)
    serve(socket.socket(fileno=int(fd)), float(idle), path, Path(chromium))


if __name__ == "__main__":
    main()
