"""Kernels forked from a warm parent instead of started cold.

A new kernel costs an interpreter start and the imports of ipykernel,
pandas, matplotlib and seaborn: about 3 s, paid again for every report. A
build worker instead starts one :mod:`warm parent <analysis_lib.publish.warm_parent>`
with the environment its kernels get (``MATPLOTLIBRC``, ``MPLBACKEND``), which
imports those once; each kernel is a fork of it that then runs
``ipykernel_launcher`` with its own environment, folder, sockets and log, so
every notebook still starts from an empty namespace. A kernel whose command
or import-time environment differs from the parent's is started cold.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from analysis_lib.exceptions import BuildError

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
    """One warm parent process and its request pipe.

    Parameters
    ----------
    python : list of str
        The kernel's interpreter and its options (see :func:`interpreter`).
    env : dict
        The environment the parent imports with (see :func:`kernel_env`).
    timeout : float
        Seconds the parent may take to import and to answer a request.
    """

    def __init__(self, python: list[str], env: dict, timeout: float = 300.0):
        from analysis_lib.publish.browser import parent_death_signal

        self.python, self.env, self.owner = python, dict(env), os.getpid()
        self.process = subprocess.Popen(
            [*python, "-c", _RUN, str(PARENT_SCRIPT), str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=self.env,
            start_new_session=True,
            preexec_fn=parent_death_signal(),
        )
        self._answer(timeout)

    def _answer(self, timeout: float) -> dict:
        import select

        ready = select.select([self.process.stdout], [], [], timeout)[0]
        line = self.process.stdout.readline() if ready else b""
        if not line:
            self.close()
            raise BuildError(f"{PARENT_SCRIPT.name}: the warm kernel parent did not answer")
        return json.loads(line)

    def fits(self, kernel_cmd: list[str], env: dict) -> bool:
        """Whether a kernel of this command and environment can be forked from this parent."""
        return (
            self.process.poll() is None
            and interpreter(kernel_cmd) == self.python
            and all(kernel_env(env).get(k) == self.env.get(k) for k in IMPORT_TIME_ENV)
        )

    def spawn(self, kernel_cmd: list[str], env: dict, cwd: str, log: Path) -> ForkedKernel:
        """Fork a kernel running ``kernel_cmd``; return its process handle."""
        arguments = kernel_cmd[len(self.python) + 2 :]
        request = {"argv": arguments, "env": dict(env), "cwd": str(cwd), "log": str(log)}
        self.process.stdin.write(json.dumps(request).encode() + b"\n")
        self.process.stdin.flush()
        return ForkedKernel(int(self._answer(60.0)["pid"]))

    def close(self) -> None:
        """End the parent (its kernels die with it)."""
        if os.getpid() != self.owner:
            return
        for stream in (self.process.stdin, self.process.stdout):
            stream.close()
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except OSError:
            self.process.kill()
        self.process.wait()


_parent: WarmParent | None = None


def warm_parent(kernel_cmd: list[str], env: dict) -> WarmParent | None:
    """Return this process's warm parent for a kernel like this one, starting it if needed.

    Returns None (start the kernel cold) when ``ANALYSIS_LIB_WARM_KERNELS=0``,
    outside Linux, or when the command is not ``python -m ipykernel_launcher``.
    """
    global _parent
    if os.environ.get("ANALYSIS_LIB_WARM_KERNELS", "1") == "0" or sys.platform != "linux":
        return None
    python = interpreter(kernel_cmd)
    if python is None:
        return None
    if _parent is not None and _parent.owner != os.getpid():
        _parent = None  # a forked worker starts its own
    if _parent is not None and not _parent.fits(kernel_cmd, env):
        _parent.close()
        _parent = None
    if _parent is None:
        from multiprocessing import util

        _parent = WarmParent(python, kernel_env(env))
        util.Finalize(_parent, _parent.close, exitpriority=10)
    return _parent


def close_warm_parent() -> None:
    """End this process's warm parent, if it started one."""
    global _parent
    if _parent is not None:
        _parent.close()
    _parent = None
