"""Build servers: the warm kernel parent and the PDF printer, kept for the next build.

Every build used to start its own warm kernel parent (an interpreter that
imports pandas, matplotlib, seaborn and ipykernel: about 1.2 s of CPU) and its
own Chromium (about 1 s): on a 2-core machine that is most of what rebuilding
one edited notebook costs. ``analysis_lib build`` from the command line
therefore leaves both running, as build servers, for the next build in the
same build folder, the way Gradle and Bazel keep theirs:

- each listens on a Unix socket in ``build/servers/`` (``kernels.sock``,
  ``printer.sock``), beside the key of what it was started with
  (``kernels.key``, ``printer.key``): the interpreter, the import-time
  environment, the lock file and the server's own code; a build whose key
  differs starts a new server in its place;
- a server ends after :data:`DEFAULT_IDLE_SECONDS` without a request (and,
  for the kernel server, without a live kernel), or within seconds once its
  socket file is gone: ``make clean``, ``analysis_lib servers stop``, or a
  newer server taking its place;
- a kernel still starts from the server's untouched, freshly imported state
  and dies with the build worker that asked for it, so a build with servers
  gives the same bytes as one without;
- the kernel server also builds the reports, each in a fork of itself
  (:mod:`analysis_lib.publish.remote_report`), so a build's own process
  neither imports papermill and nbconvert nor builds exporters.

``ANALYSIS_LIB_SERVERS=0`` or ``build --no-servers`` builds without them (the
test suite and ``make check`` do); ``ANALYSIS_LIB_SERVER_IDLE`` sets the idle
seconds.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

SERVERS_ENV = "ANALYSIS_LIB_SERVERS"
IDLE_ENV = "ANALYSIS_LIB_SERVER_IDLE"
DEFAULT_IDLE_SECONDS = 600.0
ROLES = ("kernels", "printer")
# AF_UNIX paths are at most 107 bytes on Linux; a deeper build folder builds without servers.
MAX_SOCKET_PATH = 100


def enabled() -> bool:
    """Whether builds from the command line keep servers (``ANALYSIS_LIB_SERVERS``, Linux)."""
    return os.environ.get(SERVERS_ENV, "1") != "0" and sys.platform == "linux"


def idle_seconds() -> float:
    """Seconds a server waits for its next request (``ANALYSIS_LIB_SERVER_IDLE``)."""
    from analysis_lib.exceptions import ParameterError

    text = os.environ.get(IDLE_ENV, "").strip()
    if not text:
        return DEFAULT_IDLE_SECONDS
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not seconds > 0:
        raise ParameterError(f"{IDLE_ENV} must be a positive number of seconds; not {text!r}")
    return seconds


def key_of(*parts: object) -> str:
    """Return a short hash of ``parts`` (JSON-serialisable) for a server's key file."""
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def file_hash(*files: Path) -> str:
    """Return the hash of the bytes of ``files`` (a missing file counts as empty)."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


@dataclass(frozen=True)
class Server:
    """Where one build server of one build folder listens, and the key it was started with.

    Parameters
    ----------
    build_root : Path
        The build folder; the server lives in its ``servers/`` folder.
    role : str
        One of :data:`ROLES`.
    """

    build_root: Path
    role: str

    @property
    def folder(self) -> Path:
        """``<build>/servers``."""
        return Path(self.build_root) / "servers"

    @property
    def address(self) -> Path:
        """The server's Unix socket."""
        return self.folder / f"{self.role}.sock"

    @property
    def key_file(self) -> Path:
        """What the running server was started with (see :func:`key_of`)."""
        return self.folder / f"{self.role}.key"

    def usable(self) -> bool:
        """Whether this build folder is shallow enough for a Unix socket path."""
        return len(os.fsencode(self.address)) <= MAX_SOCKET_PATH

    def running(self, key: str | None = None) -> bool:
        """Whether a server answers on the socket (and was started with ``key``, if given)."""
        if key is not None:
            try:
                if self.key_file.read_text(encoding="utf-8").strip() != key:
                    return False
            except OSError:
                return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.settimeout(2.0)
                probe.connect(str(self.address))
        except OSError:
            return False
        return True

    def stop(self) -> None:
        """Remove the socket and key: the server ends within seconds, its kernels with it."""
        self.key_file.unlink(missing_ok=True)
        self.address.unlink(missing_ok=True)

    def listen(self, key: str) -> socket.socket:
        """Bind a new listening socket in place of any old server's; record ``key``.

        The caller passes the socket to the new server process and closes its copy.
        """
        self.stop()
        self.folder.mkdir(parents=True, exist_ok=True)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(str(self.address))
            listener.listen(64)
            temporary = self.key_file.with_suffix(".key.tmp")
            temporary.write_text(key + "\n", encoding="utf-8")
            os.replace(temporary, self.key_file)
        except OSError:
            listener.close()
            raise
        return listener


def build_root_of(address: str | Path) -> Path:
    """Return the build folder of a server's socket (the inverse of :attr:`Server.address`)."""
    return Path(address).parent.parent


def servers(build_root: Path) -> list[Server]:
    """Return the servers a build folder can have, in the order of :data:`ROLES`."""
    return [Server(Path(build_root), role) for role in ROLES]


def stop_all(build_root: Path) -> list[str]:
    """Stop the servers of a build folder; return the roles that were running."""
    stopped = []
    for server in servers(build_root):
        if server.running():
            stopped.append(server.role)
        server.stop()
    return stopped
