"""A warm parent for kernels: imports the heavy libraries once, then forks a kernel per request.

Run as a script by :mod:`analysis_lib.publish.warm` (never imported by the
library, so it loads nothing of analysis_lib). It gets a listening Unix
socket as the file descriptor in its next-to-last argument, already bound, so a request can be
sent before the imports are done: it waits in the socket's queue. Each
connection carries one JSON request, ``{"argv": [...], "env": {...}, "cwd":
..., "log": ..., "owner": pid}``; the parent forks and answers ``{"pid": N}``.
The child becomes ``python -m ipykernel_launcher <argv>`` in a new session:
the environment, working folder, ``sys.path`` and random seeds of a fresh
kernel, its output appended to the log. A kernel dies with this process and
with the process that asked for it (``owner``); this process dies with the
one that started it (its last argument).
"""

import ctypes
import json
import os
import select
import signal
import socket
import sys
import threading

PRELOAD = (
    "numpy",
    "pandas",
    "matplotlib",
    "matplotlib.pyplot",
    "seaborn",
    "ipykernel.kernelapp",
    # What a kernel imports as it starts (about 0.3 s): its debugger's debugpy
    # and pydevd, the IPython history and debugger, tornado's queues.
    "ipykernel.ipkernel",
    "ipykernel.debugger",
    "IPython.core.completerlib",
    "IPython.core.debugger",
    "IPython.core.history",
    "IPython.core.logger",
    "IPython.extensions.storemagic",
    "sqlite3",
    "tornado.locks",
    "tornado.queues",
    # What the library loads on a notebook's first table, figure and translation
    # (about 0.5 s a kernel): pandera's pandas backend, which imports hypothesis,
    # babel, matplotlib's PNG and SVG writers, pandas' HTML tables.
    "pandera.pandas",
    "pandera.backends.pandas.register",
    "pandera.strategies.pandas_strategies",
    "pandera.accessors.pandas_accessor",
    "babel.dates",
    "babel.numbers",
    "babel.messages.mofile",
    "matplotlib.backends.backend_agg",
    "matplotlib.backends.backend_svg",
    "pandas.io.formats.html",
)
PR_SET_PDEATHSIG, PR_SET_NAME = 1, 15
KERNEL_NAME = b"warm-kernel"  # the kernel's process name (its command line is the parent's)
OWNER_POLL_SECONDS = 0.5  # without pidfd_open only

_libc = ctypes.CDLL(None, use_errno=True)


def _die_with_parent(parent: int) -> None:
    _libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def _die_with_owner(owner: int) -> None:
    """Kill this process when ``owner`` (not its parent) ends: a thread waits for it."""

    def wait() -> None:
        try:
            handle = os.pidfd_open(owner)
        except (AttributeError, OSError):
            handle = None
        if handle is not None:
            select.select([handle], [], [])
        else:
            while True:
                try:
                    os.kill(owner, 0)
                except ProcessLookupError:
                    break
                threading.Event().wait(OWNER_POLL_SECONDS)
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=wait, name="owner-watch", daemon=True).start()


def _become_kernel(request: dict, parent: int) -> None:
    os.setsid()
    _die_with_parent(parent)
    _libc.prctl(PR_SET_NAME, ctypes.c_char_p(KERNEL_NAME), 0, 0, 0)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    null = os.open(os.devnull, os.O_RDONLY)
    log = os.open(request["log"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.dup2(null, 0)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(null)
    os.close(log)
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    import random

    import numpy

    random.seed()
    numpy.random.seed()  # noqa: NPY002 - the legacy global state, as a fresh import has it
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]  # as ipykernel_launcher does; the shell puts it back
    sys.argv = ["ipykernel_launcher", *request["argv"]]
    if request.get("owner"):
        _die_with_owner(int(request["owner"]))
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


def _serve(listener: socket.socket) -> None:
    server = os.getpid()
    while True:
        connection, _ = listener.accept()
        with connection, connection.makefile("rb") as reader:
            line = reader.readline()
            if not line:
                continue
            request = json.loads(line)
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    listener.close()
                    connection.close()
                    _become_kernel(request, server)
                    code = 0
                finally:
                    os._exit(code)
            connection.sendall(json.dumps({"pid": pid}).encode() + b"\n")


def main() -> None:
    """Preload, then serve fork requests on the inherited socket."""
    _die_with_parent(int(sys.argv[-1]))
    listener = socket.socket(fileno=int(sys.argv[-2]))
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    _serve(listener)


if __name__ == "__main__":
    main()
