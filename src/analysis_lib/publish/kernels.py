"""Kernels that cannot collide: Unix sockets in a private folder, output to a log file.

With the default TCP transport every kernel manager picks "free" ports by
binding port 0 and closing the socket; two forked workers can pick the same
port between that check and the kernel's bind ("Address already in use").
Here every kernel gets its own folder of Unix sockets (the ``ipc`` transport),
so no two kernels of one machine share a name, and its stdout and stderr go to
the report's kernel log instead of the terminal. Kernels are forked from a
warm parent when they can be (:mod:`analysis_lib.publish.warm`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

SOCKET_PREFIX = "analysis-lib-kernel-"  # short: a Unix socket path holds at most 107 bytes


def manager_class(socket_dir: Path, log: Path):
    """Return a kernel manager class bound to one socket folder and one log file.

    An ``AsyncKernelManager``, as nbclient's default: the synchronous one would
    start a helper thread that a worker forked afterwards inherits dead.

    Parameters
    ----------
    socket_dir : Path
        A private folder; the kernel's five sockets are ``<socket_dir>/kernel-<n>``.
    log : Path
        File the kernel process's stdout and stderr are appended to.

    Returns
    -------
    type
        For nbclient's ``kernel_manager_class``: it creates the manager itself,
        so it also shuts the kernel down and removes the sockets.
    """
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    from analysis_lib.publish.timings import worker_clock
    from analysis_lib.publish.warm import warm_parent

    class PrivateSocketKernelManager(AsyncKernelManager):
        @default("client_factory")
        def _ready_without_idle_wait(self) -> type:
            return _client_class()

        @default("transport")
        def _private_transport(self) -> str:
            return "ipc"

        @default("ip")
        def _private_ip(self) -> str:
            return str(socket_dir / "kernel")

        async def _async_launch_kernel(self, kernel_cmd, **kw):
            log.parent.mkdir(parents=True, exist_ok=True)
            env = kw.get("env") or dict(os.environ)
            parent = warm_parent(kernel_cmd, env)
            if parent is not None:
                with worker_clock().stage("kernel launch"):
                    process = parent.spawn(kernel_cmd, env, kw.get("cwd") or os.getcwd(), log)
                provisioner = self.provisioner
                provisioner.process, provisioner.pid = process, process.pid
                provisioner.pgid, provisioner.cwd = process.pid, kw.get("cwd")
                self._reconcile_connection_info(provisioner.connection_info)
                return
            with open(log, "ab") as sink, worker_clock().stage("kernel launch"):
                kw["stdout"] = kw["stderr"] = sink  # the child keeps its own copy
                await super()._async_launch_kernel(kernel_cmd, **kw)

    return PrivateSocketKernelManager


_CLIENT = None


def _client_class() -> type:
    """Return an ``AsyncKernelClient`` whose ``wait_for_ready`` does not wait 0.2 s for silence.

    jupyter_client's waits for the ``kernel_info`` reply and one IOPub message,
    then reads IOPub until nothing came for 0.2 s: a fixed 0.2 s per report.
    This one takes what IOPub holds at that moment and goes on; nbclient
    ignores messages that answer no request of its own anyway.
    """
    global _CLIENT
    if _CLIENT is not None:
        return _CLIENT
    import time
    from queue import Empty

    from jupyter_client.asynchronous import AsyncKernelClient

    class ReadyKernelClient(AsyncKernelClient):
        async def wait_for_ready(self, timeout: float | None = None) -> None:
            deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
            while True:
                self.kernel_info()
                try:
                    reply = await self.shell_channel.get_msg(timeout=1)
                except Empty:
                    reply = None
                if reply is not None and reply["msg_type"] == "kernel_info_reply":
                    try:  # IOPub is connected once it delivers a message
                        await self.iopub_channel.get_msg(timeout=0.2)
                    except Empty:
                        pass
                    else:
                        self._handle_kernel_info_reply(reply)
                        break
                if not await self._async_is_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")
            while True:
                try:
                    await self.iopub_channel.get_msg(timeout=0)
                except Empty:
                    break

    _CLIENT = ReadyKernelClient
    return _CLIENT


@contextmanager
def private_socket_dir():
    """Yield a new private folder for one kernel's sockets; remove it afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=SOCKET_PREFIX))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
