"""A tiny project tree for the fault tests, and builds of it in killable subprocesses.

Each build runs ``fault_runner.py`` (the CLI with the library hash, the commit
and the audit summary pinned, so that other code changing during the run does
not change the outputs) as the leader of its own process group. Jupyter
kernels start in sessions of their own and exit about a second after the
process that started them dies; :func:`kill_build` waits for them and kills
any left by pid.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

FIXTURES = Path(__file__).parents[1] / "publish" / "fixtures"
RUNNER = Path(__file__).with_name("fault_runner.py")
STEM = "01-demo-growth"
SOURCES_CSV = (
    "source_id,publisher,publisher_ru,title,title_ru,url,accessed,notes\n"
    "demo-src,Demo Agency,,Demo trade,,https://example.org/demo,2024-01-01,\n"
)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file under ``folder`` (relative POSIX name -> bytes)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def write_data(data_dir: Path, last_value: str) -> None:
    """Write the demo table; a new ``last_value`` makes both reports stale."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "demo.csv").write_text(
        f"year,value,source_id\n2020,100.0,demo-src\n2023,{last_value},demo-src\n",
        encoding="utf-8",
    )
    (data_dir / "sources.csv").write_text(SOURCES_CSV, encoding="utf-8")


class FaultTree:
    """notebooks/, data/ and any number of sibling reports and build folders."""

    def __init__(self, root: Path):
        self.root = root
        self.notebooks = root / "notebooks"
        self.data = root / "data"
        self.reports = root / "reports"
        self.build = root / "build"
        self.notebooks.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / f"{STEM}.ipynb", self.notebooks)

    def argv(
        self, reports: Path | None = None, build: Path | None = None, pdf: bool = False
    ) -> list[str]:
        """The build command line: both languages, two jobs (forked workers), HTML only
        unless ``pdf``."""
        return [
            "build",
            "--notebooks-dir", str(self.notebooks),
            "--reports-dir", str(reports or self.reports),
            "--build-dir", str(build or self.build),
            "--jobs", "2",
            *([] if pdf else ["--no-pdf"]),
        ]  # fmt: skip

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a build: this tree's data, a fixed SOURCE_DATE_EPOCH."""
        env = {key: value for key, value in os.environ.items() if key != "ANALYSIS_LIB_FAULT"}
        env.update(ANALYSIS_LIB_DATA_DIR=str(self.data), SOURCE_DATE_EPOCH="1700000000", **extra)
        return env

    def start(self, *args: str, fault: str | None = None, **folders) -> subprocess.Popen:
        """Start a build as the leader of a new process group."""
        extra = {"ANALYSIS_LIB_FAULT": fault} if fault else {}
        return subprocess.Popen(
            [sys.executable, str(RUNNER), *self.argv(**folders), *args],
            env=self.env(**extra),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )

    def run(self, *args: str, timeout: float = 240, **folders) -> subprocess.CompletedProcess:
        """Run a build to the end and return its exit code and output."""
        return subprocess.run(
            [sys.executable, str(RUNNER), *self.argv(**folders), *args],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name is in parentheses and may hold spaces.
    return text[text.rindex(")") + 2 :].split()


def alive(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie."""
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def descendants(pid: int) -> set[int]:
    """Return every live descendant of ``pid`` (kernels included: they keep their parent)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) and fields[0] != "Z":
            parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def command_line(pid: int) -> str:
    """Return the command line of ``pid`` ('' once it is gone)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def wait_until(condition, proc: subprocess.Popen, limit: float = 120) -> bool:
    """Poll ``condition`` every 20 ms; False if the build ended first or time ran out."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.02)
    return False


def kill_build(proc: subprocess.Popen, *, group: bool = True, grace: float = 15) -> set[int]:
    """SIGKILL the build's process group (or only its leader), reap it, then its children.

    Kernels exit on their own within about a second of losing their parent;
    whatever this build started and is still alive after ``grace`` seconds is
    killed by pid. Returns the processes the build had started.
    """
    started = descendants(proc.pid)
    try:
        if group:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            os.kill(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)
    # Orphaned workers may still hold the pipes: do not wait for end of file.
    proc.stdout.close()
    proc.stderr.close()
    reap(started, grace)
    return started


def reap(started: set[int], grace: float) -> None:
    """Wait up to ``grace`` seconds for these processes to end, then SIGKILL each by pid."""
    deadline = time.monotonic() + grace
    while any(alive(p) for p in started) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in started:  # only processes a test build started, each by its id
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
