"""Workers of a parallel build die with their leader, even when it is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from analysis_lib.publish import workers

# The leader forks two workers through run_jobs; each worker notes its pid and then
# holds its job far longer than the test waits.
LEADER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from types import SimpleNamespace

    from analysis_lib.publish import workers

    pid_dir = Path(sys.argv[1])

    def hold(job):
        (pid_dir / str(os.getpid())).touch()
        time.sleep(300)

    workers.build_report = hold
    jobs = [
        SimpleNamespace(
            key=f"en/{n}", stem=str(n), lang="en", display_name=str(n),
            build_root=pid_dir.parent / "build",
        )
        for n in range(2)
    ]
    workers.run_jobs(jobs, 2, workers.Progress(len(jobs), sys.stdout))
    """
)
STARTUP_LIMIT = 60.0  # seconds for the leader to import nbconvert and fork
EXIT_LIMIT = 10.0  # seconds for the kernel to kill and the system to reap the workers


def _state(pid: int) -> str | None:
    """Return the process state letter from /proc, or None if the process is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return stat.rsplit(")", 1)[1].split()[0]


def _parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def _alive(pid: int) -> bool:
    # A zombie has died; only its reaping is pending.
    return _state(pid) not in (None, "Z", "X")


def _wait_for(condition, limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_when_the_leader_is_killed(tmp_path):
    pid_dir = tmp_path / "pids"
    pid_dir.mkdir()
    script = tmp_path / "leader.py"
    script.write_text(LEADER)
    leader = subprocess.Popen(
        [sys.executable, str(script), str(pid_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    pids: list[int] = []
    try:
        assert _wait_for(lambda: len(list(pid_dir.iterdir())) == 2, STARTUP_LIMIT), (
            "the leader never started two workers"
        )
        pids = [int(path.name) for path in pid_dir.iterdir()]
        assert all(_parent(pid) == leader.pid for pid in pids)
        leader.kill()
        leader.wait()
        assert _wait_for(lambda: not any(_alive(pid) for pid in pids), EXIT_LIMIT), (
            f"workers outlived their leader: {[pid for pid in pids if _alive(pid)]}"
        )
    finally:
        if leader.poll() is None:
            leader.kill()
            leader.wait()
        for pid in pids:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_the_initializer_does_nothing_off_linux(monkeypatch):
    import ctypes

    def no_libc(*args, **kwargs):
        raise AssertionError("libc loaded off Linux")

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(ctypes, "CDLL", no_libc)
    assert workers.die_with_leader(os.getppid()) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_worker_whose_leader_is_already_gone_kills_itself(tmp_path):
    # The race the initializer closes: the leader died before prctl took effect.
    code = "import os; from analysis_lib.publish import workers; workers.die_with_leader(-1)"
    done = subprocess.run([sys.executable, "-c", code], check=False)
    assert done.returncode == -signal.SIGKILL
