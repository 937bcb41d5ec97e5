"""A warm parent for kernels: imports the heavy libraries once, then forks a kernel per request.

Run as a script by :mod:`analysis_lib.publish.warm`. It gets a listening Unix
socket as the file descriptor in its next-to-last argument, already bound, so a request can be
sent before the imports are done: it waits in the socket's queue. Each
connection carries one JSON request, ``{"argv": [...], "env": {...}, "cwd":
..., "log": ..., "owner": pid}``; the parent forks and answers ``{"pid": N}``.
The child becomes ``python -m ipykernel_launcher <argv>`` in a new session:
the environment, working folder, ``sys.path`` and random seeds of a fresh
kernel, its output appended to the log. A kernel dies with this process and
with the process that asked for it (``owner``).

After the libraries of :data:`PRELOAD`, with ``ANALYSIS_LIB_WARM_LIBRARY``
set, it does the library's own start once for all its kernels
(:func:`analysis_lib.publish.warm_library.prepare`); a kernel's environment
is its own, and the library reads its environment variables when called,
not when imported.

A build server also takes report requests, which start with the byte
:data:`REPORT_REQUEST` instead of JSON: it forks a process that builds one
report (:mod:`analysis_lib.publish.remote_report`), having imported
papermill and nbconvert and built the HTML exporters once, as it started.

Arguments after the socket: the process it dies with, or ``0`` for a build
server (:mod:`analysis_lib.publish.servers`) that outlives the build, followed
then by its idle seconds and its socket's path. A server ends once it has had
no request and no live kernel for its idle seconds, or as soon as its socket's
path no longer leads to its socket (the build folder was removed, or a newer
server took the path).
"""

import ctypes
import json
import os
import select
import signal
import socket
import sys
import threading
import time

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
LIBRARY_ENV = "ANALYSIS_LIB_WARM_LIBRARY"  # set by the build: prepare the library
PR_SET_PDEATHSIG, PR_SET_NAME = 1, 15
KERNEL_NAME = b"warm-kernel"  # the kernel's process name (its command line is the parent's)
OWNER_POLL_SECONDS = 0.5  # without pidfd_open only
SERVER_CHECK_SECONDS = 2.0  # how often a server looks at its socket's path and its idle time
REPORT_REQUEST = b"R"  # a build server also builds reports (analysis_lib.publish.remote_report)

_libc = ctypes.CDLL(None, use_errno=True)


def _die_with_parent(parent: int) -> None:
    _libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def die_with_owner(owner: int) -> None:
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


def _set_name(name: bytes) -> None:
    _libc.prctl(PR_SET_NAME, ctypes.c_char_p(name), 0, 0, 0)


def _become_kernel(request: dict, parent: int) -> None:
    os.setsid()
    _die_with_parent(parent)
    _set_name(KERNEL_NAME)
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
        die_with_owner(int(request["owner"]))
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def socket_file(path: str) -> tuple[int, int]:
    """Return the device and inode of the socket file at ``path`` (a server's own, at start)."""
    status = os.stat(path)
    return status.st_dev, status.st_ino


def keep_serving(own: tuple[int, int], path: str, idle: float, last: float, children) -> bool:
    """Whether a build server goes on: its socket file ``own`` is still at ``path``, and
    it had a request within ``idle`` seconds or has a live child (kernel, report fork)."""
    try:
        if socket_file(path) != own:
            return False
    except OSError:
        return False
    children[:] = [pid for pid in children if _alive(pid)]
    return bool(children) or time.monotonic() - last < idle


def _serve(listener: socket.socket, idle: float | None = None, path: str = "") -> None:
    server = os.getpid()
    children: list[int] = []
    last = time.monotonic()
    if idle is not None:
        own = socket_file(path)
        listener.settimeout(SERVER_CHECK_SECONDS)
    while True:
        try:
            connection, _ = listener.accept()
        except TimeoutError:
            if keep_serving(own, path, idle, last, children):
                continue
            return
        last = time.monotonic()
        connection.settimeout(None)
        with connection:
            try:
                first, fds, _, _ = socket.recv_fds(connection, 1, 2)
            except OSError:
                continue
            if first == REPORT_REQUEST and idle is not None:
                children.append(_fork_report(listener, connection, fds))
                continue
            for fd in fds:
                os.close(fd)
            if first == REPORT_REQUEST:  # only a build server builds reports
                continue
            with connection.makefile("rb") as reader:
                line = first + reader.readline()
            if not line.strip():
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
            children.append(pid)
            connection.sendall(json.dumps({"pid": pid}).encode() + b"\n")


def _fork_report(listener: socket.socket, connection: socket.socket, fds: list[int]) -> int:
    """Fork a process that builds the report sent on ``connection``; return its pid."""
    pid = os.fork()
    if pid == 0:
        try:
            listener.close()
            from analysis_lib.publish.remote_report import serve

            serve(connection, fds, _set_name)
        finally:
            os._exit(1)
    for fd in fds:
        os.close(fd)
    return pid


def main() -> None:
    """Preload, then serve fork requests on the inherited socket."""
    fd, starter, *server = sys.argv[2:]  # after "-c" and this script's path
    if int(starter):
        _die_with_parent(int(starter))
    elif os.fork() > 0:
        os._exit(0)  # a server is nobody's child: the build that started it goes on and ends
    listener = socket.socket(fileno=int(fd))
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    if os.environ.get(LIBRARY_ENV):
        try:
            from analysis_lib.publish.warm_library import prepare

            prepare()
        except Exception:  # the kernels import it again and report the error
            pass
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    if server:
        idle, path = server
        try:
            from analysis_lib.publish.remote_report import prepare

            prepare(path)
        except Exception:  # the build's reports then fail and say why
            pass
        _serve(listener, float(idle), path)
    else:
        _serve(listener)


if __name__ == "__main__":
    main()
