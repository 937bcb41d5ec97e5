"""A warm parent for kernels: imports the heavy libraries once, then forks a kernel per request.

Run as a script by :mod:`analysis_lib.publish.warm` (never imported by the
library, so it loads nothing of analysis_lib, whose modules read per-report
environment). It reads one JSON request per line on stdin,
``{"argv": [...], "env": {...}, "cwd": ..., "log": ...}``, forks, and answers
``{"pid": N}`` on stdout. The child becomes ``python -m ipykernel_launcher
<argv>`` in a new session: the environment, working folder, ``sys.path``
and random seeds of a fresh kernel, its output appended to the log. Children
die with this process, and this process with the one that started it.
"""

import ctypes
import json
import os
import signal
import sys

PRELOAD = ("numpy", "pandas", "matplotlib", "matplotlib.pyplot", "seaborn", "ipykernel.kernelapp")
PR_SET_PDEATHSIG, PR_SET_NAME = 1, 15
KERNEL_NAME = b"warm-kernel"  # the kernel's process name (its command line is the parent's)

_libc = ctypes.CDLL(None, use_errno=True)


def _die_with_parent(parent: int) -> None:
    _libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def _become_kernel(request: dict, parent: int, channels: tuple[int, int]) -> None:
    os.setsid()
    _die_with_parent(parent)
    _libc.prctl(PR_SET_NAME, ctypes.c_char_p(KERNEL_NAME), 0, 0, 0)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    for fd in channels:
        os.close(fd)
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
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


def main() -> None:
    """Preload, then serve fork requests until stdin closes."""
    _die_with_parent(int(sys.argv[-1]))
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    requests, answers = sys.stdin.fileno(), sys.stdout.fileno()
    reader = os.fdopen(requests, "rb", buffering=0, closefd=False)
    server = os.getpid()
    os.write(answers, b'{"ready": true}\n')
    for line in iter(reader.readline, b""):
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                _become_kernel(request, server, (requests, answers))
                code = 0
            finally:
                os._exit(code)
        os.write(answers, json.dumps({"pid": pid}).encode() + b"\n")


if __name__ == "__main__":
    main()
