"""The PDF printer as a build server: one Chromium kept between builds.

Started by :func:`analysis_lib.publish.printer.shared_printer` for a build
with servers (:mod:`analysis_lib.publish.servers`), as ``python -m
analysis_lib.publish.print_server FD IDLE SOCKET CHROMIUM``: it forks itself
away from the build, starts Chromium and opens its tab at once, then prints
one page per connection. A request is one JSON line, ``{"html": path}``; the
answer is a JSON line, ``{"size": n}`` followed by the n bytes of the PDF as
Chromium printed it, or ``{"error": message}``. It ends like the kernel
server: idle, or when its socket's path no longer leads to its socket; its
browser dies with it.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from pathlib import Path


def _answer(printer, request: dict) -> tuple[dict, bytes]:
    from analysis_lib.exceptions import BuildError

    try:
        data = printer.print_pdf(Path(request["html"]))
    except (BuildError, KeyError, TypeError) as error:
        return {"error": str(error)}, b""
    return {"size": len(data)}, data


def serve(listener: socket.socket, idle: float, path: str, chromium: Path) -> None:
    """Print the pages asked for on ``listener`` until idle or replaced."""
    from analysis_lib.exceptions import BuildError
    from analysis_lib.publish.printer import PdfPrinter
    from analysis_lib.publish.warm_parent import SERVER_CHECK_SECONDS, keep_serving, socket_file

    own = socket_file(path)
    printer = PdfPrinter(chromium)
    try:
        printer.open_tab()
        listener.settimeout(SERVER_CHECK_SECONDS)
        last = time.monotonic()
        while True:
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                if keep_serving(own, path, idle, last, []):
                    continue
                return
            last = time.monotonic()
            connection.settimeout(None)
            with connection, connection.makefile("rb") as reader:
                line = reader.readline()
                if not line:
                    continue  # a probe: is the server there?
                header, data = _answer(printer, json.loads(line))
                try:
                    connection.sendall(json.dumps(header).encode() + b"\n" + data)
                except OSError:
                    continue  # the build that asked is gone
            if "error" in header:
                printer.close()  # a browser that failed once is replaced
                try:
                    printer = PdfPrinter(chromium)
                except BuildError:
                    return
    finally:
        printer.close()


def main() -> None:
    """Fork away from the build, then serve until idle or replaced."""
    fd, idle, path, chromium = sys.argv[1:5]
    if os.fork() > 0:
        os._exit(0)
    null = os.open(os.devnull, os.O_RDWR)
    for target in (0, 1, 2):
        os.dup2(null, target)
    serve(socket.socket(fileno=int(fd)), float(idle), path, Path(chromium))


if __name__ == "__main__":
    main()
