"""The build folder's lock: one build at a time per build folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from analysis_lib.exceptions import BuildError


class BuildLock:
    """An exclusive lock on the build folder: two builds would share the staging folder.

    A POSIX record lock (``lockf``), not ``flock``: the kernel drops it when the
    process dies, and forked report workers do not inherit it, so neither a
    killed build nor a worker it left behind keeps the next build waiting. The
    file stays; it holds the pid of the last build, for the message. A second
    build waits for the first, saying so in one line, or with ``wait=False``
    refuses in one line.
    """

    def __init__(self, build_root: Path, wait: bool = True):
        self.path = build_root / ".build.lock"
        self.wait = wait
        self.waited = False

    def __enter__(self):
        import fcntl

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = open(self.path, "a+", encoding="ascii")  # closed in __exit__
        except OSError as error:
            raise BuildError(
                f"{self.path.parent}: cannot be written ({error.strerror}); "
                "expected a writable folder for --build-dir"
            ) from None
        try:
            fcntl.lockf(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.handle.seek(0)
            holder = self.handle.read().strip() or "unknown"
            if not self.wait:
                self.handle.close()
                raise BuildError(
                    f"{self.path}: another build (process {holder}) is running in "
                    "this folder; wait for it to finish"
                ) from None
            print(
                f"waiting for another build (process {holder}) to finish: {self.path}",
                file=sys.stderr,
                flush=True,
            )
            fcntl.lockf(self.handle, fcntl.LOCK_EX)
            self.waited = True
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(f"{os.getpid()}\n")
        self.handle.flush()
        return self

    def __exit__(self, *exc):
        self.handle.close()
