"""Kernels forked from a warm parent instead of started cold.

A new kernel costs an interpreter start and the imports of ipykernel,
pandas, matplotlib and seaborn: about 3 s, paid again for every report. A
build instead starts one :mod:`warm parent <analysis_lib.publish.warm_parent>`
with the environment its kernels get (``MATPLOTLIBRC``, ``MPLBACKEND``) as
soon as it knows a report is stale, before it forks its workers; it imports
those once while the build prepares, and every worker asks it for kernels
over a Unix socket. Each kernel is a fork of it that then runs
``ipykernel_launcher`` with its own environment, folder, sockets and log, so
every notebook still starts from an empty namespace, and dies with the
worker that asked for it. A kernel whose command or import-time environment
differs from the parent's is started cold.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from analysis_lib.exceptions import BuildError
from analysis_lib.publish import servers
from analysis_lib.publish.servers import Server
from analysis_lib.publish.warm_parent import LIBRARY_ENV

PARENT_SCRIPT = Path(__file__).with_name("warm_parent.py")
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
# What the preloaded libraries read from the environment when they are imported.
IMPORT_TIME_ENV = ("MATPLOTLIBRC", "MPLBACKEND", "MPLCONFIGDIR", "PYTHONPATH", "PYTHONHASHSEED")
_RUN = "import runpy, sys; runpy.run_path(sys.argv[1], run_name='__main__')"


def interpreter(kernel_cmd: list[str]) -> list[str] | None:
    """Return the interpreter and its options of ``python [options] -m ipykernel_launcher ...``.

    None for any other kernel command.
    """
    for index in range(1, len(kernel_cmd) - 1):
        if kernel_cmd[index : index + 2] == ["-m", "ipykernel_launcher"]:
            return kernel_cmd[:index]
    return None


def kernel_env(env: dict) -> dict:
    """Return ``env`` as the kernel sees it at import time (ipykernel's inline backend)."""
    return {**env, "MPLBACKEND": env.get("MPLBACKEND") or INLINE_BACKEND}


class ForkedKernel:
    """The part of ``subprocess.Popen`` a kernel provisioner uses, for a forked kernel.

    The kernel is a child of the warm parent, which reaps it; it leads its own
    process group, as a cold kernel does.
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """Return None while the kernel runs, else an exit code (-9 when unknown)."""
        if self.returncode is None:
            try:
                state = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except (OSError, IndexError):
                state = "gone"
            if state in ("gone", "Z", "X"):
                self.returncode = -int(signal.SIGKILL)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the kernel to end; ``subprocess.TimeoutExpired`` after ``timeout``."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.02)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        """Send ``signum`` to the kernel."""
        if self.poll() is None:
            os.kill(self.pid, signum)

    def terminate(self) -> None:
        """Send SIGTERM."""
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        """Send SIGKILL."""
        self.send_signal(signal.SIGKILL)


class WarmParent:
    """One warm parent process and the socket it takes requests on.

    The parent serves any process forked from the one that started it: a
    build starts it once, before it forks its workers, and every worker asks
    it for kernels. Each request is one connection, so workers never share a
    stream; a request sent while the parent is still importing waits in the
    socket's queue.

    Parameters
    ----------
    python : list of str
        The kernel's interpreter and its options (see :func:`interpreter`).
    env : dict
        The environment the parent imports with (see :func:`kernel_env`).
    timeout : float
        Seconds the parent may take to import and to answer a request.
    """

    def __init__(
        self, python: list[str], env: dict, timeout: float = 300.0, server: Server | None = None
    ):
        import socket
        import tempfile

        from analysis_lib.publish.browser import parent_death_signal

        self.python, self.env, self.owner, self.timeout = python, dict(env), os.getpid(), timeout
        self.server = server
        parent_env = {**self.env, LIBRARY_ENV: "1"}
        self.folder = None if server else Path(tempfile.mkdtemp(prefix="analysis-lib-warm-"))
        try:
            if server is None:
                self.address = str(self.folder / "parent")
                listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                listener.bind(self.address)
                listener.listen(64)
                tail, options = [str(os.getpid())], {"preexec_fn": parent_death_signal()}
            else:
                self.address = str(server.address)
                listener = server.listen(server_key(python, env))
                tail, options = ["0", f"{servers.idle_seconds():g}", self.address], {}
        except OSError as error:
            self._remove_folder()
            raise BuildError(
                f"{PARENT_SCRIPT.name}: cannot open the warm kernel parent's socket: {error}"
            ) from None
        try:
            self.process = subprocess.Popen(
                [*python, "-c", _RUN, str(PARENT_SCRIPT), str(listener.fileno()), *tail],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=parent_env,
                start_new_session=True,
                pass_fds=(listener.fileno(),),
                **options,
            )
            if server is not None:
                self.process.wait()  # the server forks itself away at once
                self.process = None
        except OSError as error:
            self._remove_folder()
            raise BuildError(
                f"{PARENT_SCRIPT.name}: cannot start the warm kernel parent: {error}"
            ) from None
        finally:
            listener.close()  # the parent's copy only: a dead parent then refuses requests

    @classmethod
    def attach(cls, python: list[str], env: dict, server: Server) -> WarmParent:
        """Return the running kernel server of ``server`` as a parent (it is not started)."""
        parent = cls.__new__(cls)
        parent.python, parent.env, parent.owner, parent.timeout = python, dict(env), 0, 300.0
        parent.server, parent.folder, parent.process = server, None, None
        parent.address = str(server.address)
        return parent

    def _remove_folder(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def fits(self, kernel_cmd: list[str], env: dict) -> bool:
        """Whether a kernel of this command and environment can be forked from this parent."""
        return (
            self.alive()
            and interpreter(kernel_cmd) == self.python
            and all(kernel_env(env).get(k) == self.env.get(k) for k in IMPORT_TIME_ENV)
        )

    def alive(self) -> bool:
        """Whether the parent still runs (checked without reaping it from another process)."""
        if self.server is not None:
            return self.server.running()
        if os.getpid() == self.owner:
            return self.process.poll() is None
        return ForkedKernel(self.process.pid).poll() is None

    def spawn(self, kernel_cmd: list[str], env: dict, cwd: str, log: Path) -> ForkedKernel:
        """Fork a kernel running ``kernel_cmd``; return its process handle.

        The kernel dies with the calling process. Raises BuildError when the
        parent does not answer within the timeout.
        """
        import socket

        arguments = kernel_cmd[len(self.python) + 2 :]
        request = {
            "argv": arguments,
            "env": dict(env),
            "cwd": str(cwd),
            "log": str(log),
            "owner": os.getpid(),
        }
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as channel:
                channel.settimeout(self.timeout)
                channel.connect(self.address)
                channel.sendall(json.dumps(request).encode() + b"\n")
                with channel.makefile("rb") as reader:
                    answer = reader.readline()
            return ForkedKernel(int(json.loads(answer)["pid"]))
        except (OSError, ValueError, KeyError) as error:
            raise BuildError(
                f"{PARENT_SCRIPT.name}: the warm kernel parent did not answer ({error})"
            ) from None

    def close(self) -> None:
        """End the parent (its kernels die with it); only the process that started it can.

        A server is left running for the next build.
        """
        if os.getpid() != self.owner or self.server is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except OSError:
            self.process.kill()
        self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


_parent: WarmParent | None = None


def _enabled() -> bool:
    return os.environ.get("ANALYSIS_LIB_WARM_KERNELS", "1") != "0" and sys.platform == "linux"


def warm_parent(kernel_cmd: list[str], env: dict) -> WarmParent | None:
    """Return the warm parent for a kernel like this one, starting it if needed.

    A process forked after the parent started (a build worker) uses it too.
    Returns None (start the kernel cold) when ``ANALYSIS_LIB_WARM_KERNELS=0``,
    outside Linux, or when the command is not ``python -m ipykernel_launcher``.
    """
    global _parent
    if not _enabled():
        return None
    python = interpreter(kernel_cmd)
    if python is None:
        return None
    if _parent is not None and not _parent.fits(kernel_cmd, env):
        _parent.close()
        _parent = None
    if _parent is None:
        _parent = _start(python, kernel_env(env))
    return _parent


def _start(python: list[str], env: dict) -> WarmParent:
    from multiprocessing import util

    parent = WarmParent(python, env)
    util.Finalize(parent, parent.close, exitpriority=10)
    return parent


def start_for_build(kernel_name: str, env: dict) -> None:
    """Start the warm parent for the kernels of a build, before its workers are forked.

    It imports while the build prepares; the workers then share it. Does
    nothing when warm kernels are off or the kernel is not an ipykernel.

    Parameters
    ----------
    kernel_name : str
        The Jupyter kernel the build runs.
    env : dict
        The environment the build adds to the kernels' (``MATPLOTLIBRC`` ...).
    """
    global _parent
    if not _enabled():
        return
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel:
        return  # the build reports the missing kernel itself
    python = interpreter(spec.argv)
    full_env = kernel_env({**os.environ, **env, **(spec.env or {})})
    if python is None or (_parent is not None and _parent.fits(spec.argv, full_env)):
        return
    close_warm_parent()
    _parent = _start(python, full_env)


def server_key(python: list[str], env: dict) -> str:
    """Return the key of a kernel server: interpreter, import-time environment, library
    code, locked packages."""
    from analysis_lib.publish import manifest

    imported = {name: env.get(name) for name in IMPORT_TIME_ENV}
    # The library it preloads, the locked packages, its own code (part of the library).
    return servers.key_of("kernels", python, imported, manifest.shared_inputs())


def use_server(build_root: Path, kernel_name: str, env: dict) -> bool:
    """Use the kernel server of ``build_root``, starting it if none fits; False if none can be.

    The workers forked afterwards ask it for their kernels, as they would a
    build's own warm parent; it stays for the next build
    (:mod:`analysis_lib.publish.servers`).

    Parameters
    ----------
    build_root : Path
        The build folder.
    kernel_name : str
        The Jupyter kernel the build runs.
    env : dict
        The environment the build adds to the kernels' (``MATPLOTLIBRC`` ...).
    """
    global _parent
    server = servers.Server(build_root, "kernels")
    if not _enabled() or not server.usable():
        return False
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel:
        return False  # the build reports the missing kernel itself
    python = interpreter(spec.argv)
    if python is None:
        return False
    full_env = kernel_env({**os.environ, **env, **(spec.env or {})})
    close_warm_parent()
    if server.running(server_key(python, full_env)):
        _parent = WarmParent.attach(python, full_env, server)
    else:
        _parent = WarmParent(python, full_env, server=server)
    return True


def report_builder():
    """Return a builder that sends reports to the kernel server, or None without one.

    Only a server running this build's interpreter builds its reports
    (:mod:`analysis_lib.publish.remote_report`); otherwise the build's own
    workers do.
    """
    if _parent is None or _parent.server is None or _parent.python[0] != sys.executable:
        return None
    from analysis_lib.publish.remote_report import RemoteBuilder

    return RemoteBuilder(_parent.address, _parent.python, _parent.env)


def attach_kernel_server(python: list[str], env: dict, build_root: Path) -> None:
    """Ask the kernel server of ``build_root`` for this process's kernels (a fork of it)."""
    global _parent
    _parent = WarmParent.attach(python, env, Server(Path(build_root), "kernels"))


def close_warm_parent() -> None:
    """End this process's warm parent, if it started one."""
    global _parent
    if _parent is not None:
        _parent.close()
    _parent = None
