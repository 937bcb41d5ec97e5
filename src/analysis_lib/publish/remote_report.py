"""Reports built in forks of the kernel server instead of the build's own workers.

Before its first kernel could start, a build's own workers needed papermill,
nbformat and nbconvert imported, the notebook's parameters checked and the
HTML exporters built: about 0.7 s of one core while the other waited, paid by
every build. With build servers (:mod:`analysis_lib.publish.servers`) the
kernel server does that once, as it starts (:func:`prepare`), and builds each
report in a fork of itself (:func:`serve`): the same
:func:`~analysis_lib.publish.report.build_report` a worker runs, with the
build's environment, working folder, standard output and error, and its
kernel asked from the server as a worker asks. The build sends each job from
a thread (:class:`RemoteBuilder`) and prints the PDF itself, as before.

One connection per report: the build sends the byte ``R`` with its standard
output and error attached (``SCM_RIGHTS``), then the pickled request; the fork
answers with the pickled result or the error it raised. The fork dies with
the build and as soon as the build closes the connection; its kernel dies
with it.
"""

from __future__ import annotations

import os
import pickle
import signal
import socket
import struct
import sys
import threading

from analysis_lib.exceptions import BuildError
from analysis_lib.publish.warm_parent import REPORT_REQUEST

PROCESS_NAME = b"warm-report"
POLL_SECONDS = 0.25  # how often a waiting build thread looks whether the build was stopped
_LENGTH = struct.Struct("!Q")


def _send(channel: socket.socket, payload: object) -> None:
    data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    channel.sendall(_LENGTH.pack(len(data)) + data)


def _receive_exactly(channel: socket.socket, size: int, stopped=None) -> bytes:
    chunks, left = [], size
    while left:
        try:
            chunk = channel.recv(min(left, 1 << 20))
        except TimeoutError:
            if stopped is not None and stopped.is_set():
                raise EOFError("the build stopped") from None
            continue
        if not chunk:
            raise EOFError("the connection closed")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _receive(channel: socket.socket, stopped=None) -> object:
    (size,) = _LENGTH.unpack(_receive_exactly(channel, _LENGTH.size, stopped))
    return pickle.loads(_receive_exactly(channel, size, stopped))  # from our own fork or build


def prepare(socket_path: str) -> None:
    """Import what a build worker imports and build its HTML exporters, in the kernel server.

    Parameters
    ----------
    socket_path : str
        The server's socket, ``<build>/servers/kernels.sock``; the compiled
        templates are kept in ``<build>/cache/templates`` as a build keeps them.
    """
    import nbclient  # noqa: F401
    import papermill  # noqa: F401

    from analysis_lib import paths
    from analysis_lib.publish import execute, report  # noqa: F401
    from analysis_lib.publish.convert import prepare_exporters
    from analysis_lib.publish.servers import build_root_of
    from analysis_lib.vocabulary import LANGS

    prepare_exporters(sorted(LANGS), paths.template_cache_dir(build_root_of(socket_path)))


def _die_on_hang_up(channel: socket.socket) -> None:
    """Kill this process once the build closes the connection (it stopped waiting)."""

    def wait() -> None:
        try:
            while channel.recv(1):
                pass
        except OSError:
            pass
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=wait, name="hang-up-watch", daemon=True).start()


def serve(channel: socket.socket, fds: list[int], set_name) -> None:
    """Build the report a build sent on ``channel`` and answer; never returns.

    Runs in a fresh fork of the kernel server. ``fds`` are the build's
    standard output and error; ``set_name`` names this process.
    """
    code = 1
    try:
        set_name(PROCESS_NAME)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # its own subprocesses are waited for
        request = _receive(channel)
        for target, fd in zip((1, 2), fds, strict=False):
            os.dup2(fd, target)
        for fd in fds:
            os.close(fd)
        os.environ.clear()
        os.environ.update(request["environ"])
        os.chdir(request["cwd"])
        from analysis_lib.publish import warm
        from analysis_lib.publish.report import build_report
        from analysis_lib.publish.warm_parent import die_with_owner

        die_with_owner(request["owner"])
        _die_on_hang_up(channel)
        job = request["job"]
        warm.attach_kernel_server(request["python"], request["kernel_env"], job.build_root)
        try:
            answer = ("result", build_report(job))
        except Exception as error:  # BuildError, ParameterError: the build raises it
            answer = ("error", error)
        try:
            _send(channel, answer)
        except (pickle.PicklingError, TypeError, AttributeError):
            _send(channel, ("error", BuildError(f"{job.display_name} ({job.lang}): {answer[1]}")))
        code = 0
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


class RemoteBuilder:
    """Send report jobs to the kernel server; a thread of the build waits for each.

    Parameters
    ----------
    address : str
        The kernel server's socket.
    python : list of str
        The kernels' interpreter and its options, as the build found them.
    kernel_env : dict
        The environment the server's kernels import with.
    """

    def __init__(self, address: str, python: list[str], kernel_env: dict):
        self.address, self.python, self.kernel_env = address, list(python), dict(kernel_env)
        self.stopped = threading.Event()

    def build(self, job):
        """Build ``job`` in a fork of the server; return its ``ReportResult``.

        Raises
        ------
        BuildError
            The report failed (naming the notebook and language), or the fork
            ended without an answer.
        ParameterError
            The notebook does not define a parameter the build passes.
        """
        request = {
            "job": job,
            "environ": dict(os.environ),
            "cwd": os.getcwd(),
            "owner": os.getpid(),
            "python": self.python,
            "kernel_env": self.kernel_env,
        }
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as channel:
                channel.connect(self.address)
                socket.send_fds(channel, [REPORT_REQUEST], [1, 2])
                _send(channel, request)
                channel.settimeout(POLL_SECONDS)
                kind, value = _receive(channel, self.stopped)
        except (OSError, EOFError, ValueError) as error:
            raise BuildError(
                f"{job.display_name} ({job.lang}): the kernel server's worker ended "
                f"without an answer ({error}); build again, or with --no-servers"
            ) from None
        if kind == "error":
            raise value
        return value

    def stop(self) -> None:
        """Stop waiting: every open connection closes, and its fork dies."""
        self.stopped.set()
