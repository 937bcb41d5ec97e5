"""Faults during a build: SIGKILL at seeded moments, a full disk, a read-only reports
folder, a hung kernel, a stale lock.

One tiny tree (one notebook, English and Russian, two forked workers, HTML
only but for the Chromium kill) is built once with data v1 (the "previous
build") and once with data v2 (the "uninterrupted build"), into sibling
folders. Each test copies the build it starts from into a reports folder of
its own, so the tests hold in any order and on any xdist worker.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fault_tree import (
    FaultTree,
    command_line,
    descendants,
    kill_build,
    reap,
    snapshot,
    wait_until,
    write_data,
)

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hostile-faults")]

SEED = 20261128
LOCK_PROBE = (
    "import fcntl, sys; lock = open(sys.argv[1], 'a+'); "
    "fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)"
)


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    built = FaultTree(tmp_path_factory.mktemp("faults"))
    write_data(built.data, "126.3")
    first = built.run(reports=built.root / "reports-previous", build=built.root / "build-v1")
    assert first.returncode == 0, first.stderr
    built.previous = snapshot(built.root / "reports-previous")
    write_data(built.data, "150.0")
    started = time.monotonic()
    second = built.run(reports=built.root / "reports-v2", build=built.root / "build-v2")
    built.seconds = time.monotonic() - started  # where to put the random kills
    assert second.returncode == 0, second.stderr
    built.uninterrupted = snapshot(built.root / "reports-v2")
    return built


def _folders(tree: FaultTree, name: str, files: dict[str, bytes]) -> dict[str, Path]:
    """A reports folder holding ``files`` and an empty build folder, beside data/."""
    reports, build = tree.root / f"reports-{name}", tree.root / f"build-{name}"
    for file_name, data in files.items():
        (reports / file_name).parent.mkdir(parents=True, exist_ok=True)
        (reports / file_name).write_bytes(data)
    build.mkdir()
    return {"reports": reports, "build": build}


def _is_kernel(pid: int) -> bool:
    """A cold kernel by its command line, a forked (warm) one by its process name."""
    try:
        name = Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        name = ""
    return name == "warm-kernel" or "ipykernel_launcher" in command_line(pid)


def _kernels(proc) -> list[int]:
    return [p for p in descendants(proc.pid) if _is_kernel(p)]


def _kernels_after(proc, settle: float) -> bool:
    """True when both kernels run and, ``settle`` seconds later, one still does."""
    if len(_kernels(proc)) < 2:
        return False
    time.sleep(settle)
    return bool(_kernels(proc))


def _chromium(proc) -> list[int]:
    return [p for p in descendants(proc.pid) if "chromium" in command_line(p)]


def test_the_two_builds_differ(tree):
    # Otherwise a half-published build could not be told from either.
    assert sorted(tree.previous) == sorted(tree.uninterrupted)
    assert tree.previous["en/01-demo-growth.html"] != tree.uninterrupted["en/01-demo-growth.html"]


def _kill(tree, folders, condition, **start) -> None:
    proc, t0 = tree.start(**start, **folders), time.monotonic()
    reached = wait_until(lambda: condition(proc, t0), proc)
    assert reached, f"the build ended first: {proc.communicate()}"
    kill_build(proc)


def _kill_at_fault(tree, folders, fault: str) -> None:
    proc = tree.start(fault=fault, **folders)
    assert proc.wait(timeout=240) == -9, proc.communicate()
    kill_build(proc)


def test_killed_builds_leave_only_complete_files_and_a_rerun_finishes(tree):
    folders = _folders(tree, "kills", tree.previous)
    reports = folders["reports"]
    rng = random.Random(SEED)
    # Random moments up to 60 % of an uninterrupted build: before publishing starts.
    for moment in [rng.uniform(0.05, 0.6) * tree.seconds for _ in range(2)]:
        _kill(tree, folders, lambda proc, t0, m=moment: time.monotonic() > t0 + m)
        assert snapshot(reports) == tree.previous, f"killed at {moment:.1f} s"
        assert (folders["build"] / ".build.lock").exists()  # left behind, must not block
    # A warm kernel of the tiny notebook lives a few tenths of a second: the kill
    # comes at a random moment of that life, and only while a kernel still runs.
    settle = rng.uniform(0.0, 0.1)
    _kill(tree, folders, lambda proc, t0: _kernels_after(proc, settle))
    assert snapshot(reports) == tree.previous, "killed while the kernels run"
    if Path("/usr/lib/chromium/chromium").exists():
        # The build's browser starts with the build; it prints once a worker staged a page.
        staged = folders["build"] / "staging" / "reports"
        printing = lambda proc, t0: bool(_chromium(proc)) and any(staged.rglob("*.html"))  # noqa: E731
        _kill(tree, folders, printing, pdf=True)
        assert snapshot(reports) == tree.previous, "killed while Chromium prints a PDF"
    _kill_at_fault(tree, folders, "write:manifest.json")  # into build/staging/publish
    assert snapshot(reports) == tree.previous, "killed while writing the manifest"

    # Killed while renaming the files into place: each file is whole, old or new.
    for fault in ("publish", "rename:manifest.json"):
        _kill_at_fault(tree, folders, fault)
        now = snapshot(reports)
        for name, data in now.items():
            assert data in (tree.previous.get(name), tree.uninterrupted.get(name)), (fault, name)
        assert now["manifest.json"] == tree.previous["manifest.json"], fault
    assert now["en/01-demo-growth.html"] == tree.uninterrupted["en/01-demo-growth.html"]

    done = tree.run(**folders)
    assert done.returncode == 0, done.stderr
    assert "built 2 report(s)" in done.stdout
    rebuilt = snapshot(reports)
    assert sorted(rebuilt) == sorted(tree.uninterrupted)
    assert [n for n in rebuilt if rebuilt[n] != tree.uninterrupted[n]] == []
    assert "reports up to date (2 reports)" in tree.run(**folders).stdout


def test_killing_only_the_leader_does_not_leave_the_folder_locked(tree):
    folders = _folders(tree, "leader", tree.previous)
    proc = tree.start(**folders)
    assert wait_until(lambda: len(_kernels(proc)) == 2, proc), proc.communicate()
    started = descendants(proc.pid)
    proc.kill()
    proc.wait(timeout=30)
    # Its forked workers may live on: they must not hold the build folder's lock.
    probe = subprocess.run(
        [sys.executable, "-c", LOCK_PROBE, str(folders["build"] / ".build.lock")], check=False
    )
    proc.stdout.close()
    proc.stderr.close()
    reap(started, grace=3)
    assert probe.returncode == 0
    assert snapshot(folders["reports"]) == tree.previous


def _holding_the_lock(lock: Path) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", f"{LOCK_PROBE}; print('locked', flush=True); input()", lock],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline() == "locked\n"
    return holder


def test_a_running_build_is_refused_in_one_line_with_no_wait(tree):
    folders = _folders(tree, "locked", tree.previous)
    lock = folders["build"] / ".build.lock"
    holder = _holding_the_lock(lock)
    try:
        refused = tree.run("--no-wait", **folders)
    finally:
        holder.communicate("\n")
    assert refused.returncode == 1
    assert refused.stderr.startswith(f"error: {lock}: another build (process ")
    assert refused.stderr.count("\n") == 1
    assert snapshot(folders["reports"]) == tree.previous


def test_a_second_build_waits_for_the_running_one_saying_so_in_one_line(tree):
    folders = _folders(tree, "waits", tree.previous)
    lock = folders["build"] / ".build.lock"
    holder = _holding_the_lock(lock)
    try:
        waiting = tree.start(**folders)
        line = waiting.stderr.readline()
        assert snapshot(folders["reports"]) == tree.previous  # nothing written while waiting
    finally:
        holder.communicate("\n")
    out, err = waiting.communicate(timeout=240)
    assert line == f"waiting for another build (process unknown) to finish: {lock}\n"
    assert waiting.returncode == 0, err
    assert err == ""
    assert "built 2 report(s)" in out
    assert snapshot(folders["reports"]) == tree.uninterrupted


def test_two_builds_started_together_both_end_cleanly_as_one_lone_build(tree):
    folders = _folders(tree, "together", tree.previous)
    first, second = tree.start(**folders), tree.start(**folders)
    results = [first.communicate(timeout=240), second.communicate(timeout=240)]
    assert [first.returncode, second.returncode] == [0, 0], results
    (built, _), (waited, waited_err) = sorted(results, key=lambda r: "waiting" in r[1])
    assert "built 2 report(s)" in built, results
    # The one that waited found everything built: it did nothing more.
    assert waited == "reports up to date (2 reports)\n", results
    assert waited_err.startswith("waiting for another build (process "), results
    assert waited_err.count("\n") == 1, results
    assert snapshot(folders["reports"]) == tree.uninterrupted
    assert "reports up to date (2 reports)" in tree.run(**folders).stdout
    assert snapshot(folders["reports"]) == tree.uninterrupted


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here: {done.stderr.strip()}")


def _unmount(target: Path) -> None:
    subprocess.run(["umount", str(target)], check=True)


def test_read_only_reports_folder_fails_in_one_line_and_keeps_the_reports(tree):
    folders = _folders(tree, "read-only", tree.previous)
    reports = folders["reports"]
    _mount("--bind", str(reports), str(reports))
    try:
        _mount("-o", "remount,bind,ro", str(reports))
        done = tree.run(**folders)
    finally:
        _unmount(reports)

    assert done.returncode == 1
    assert done.stderr == (
        f"error: {reports}: cannot be written (Read-only file system); "
        "expected a writable folder for --reports-dir\n"
    )
    assert done.stdout == ""
    assert snapshot(reports) == tree.previous


@pytest.mark.parametrize("full", ["reports", "build"])
def test_full_disk_fails_in_one_line_and_loses_nothing(tree, full):
    reports, build = tree.root / f"full-{full}-reports", tree.root / f"full-{full}-build"
    reports.mkdir()
    build.mkdir()
    used = sum(len(data) for data in tree.uninterrupted.values())
    # The full folder has room for what is there plus a little: a new page does not fit.
    target, size = (reports, used + 64 * 1024) if full == "reports" else (build, 64 * 1024)
    _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target))
    try:
        for name, data in tree.uninterrupted.items():
            (reports / name).parent.mkdir(parents=True, exist_ok=True)
            (reports / name).write_bytes(data)
        done = tree.run("--force", "--lang", "en", reports=reports, build=build)
        after = snapshot(reports)
    finally:
        _unmount(target)

    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: ")
    assert "No space left on device" in done.stderr
    if full == "reports":
        assert "nothing was published" in done.stderr
    assert after == tree.uninterrupted


def test_hung_kernel_hits_the_timeout_and_fails(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    hung = FaultTree(tmp_path)
    write_data(hung.data, "126.3")
    (hung.notebooks / "01-demo-growth.ipynb").unlink()
    cells = [
        new_code_cell('lang = "en"\noutput_dir = ""', metadata={"tags": ["parameters"]}),
        new_code_cell("x = 1"),
        new_code_cell("import time\nwhile True:\n    time.sleep(3600)"),
    ]
    nbformat.write(new_notebook(cells=cells), str(hung.notebooks / "01-hang.ipynb"))

    done = hung.run("--lang", "en", "--no-pdf", "--timeout", "2", timeout=120)

    assert done.returncode == 1
    assert done.stderr == (
        f"error: {hung.notebooks / '01-hang.ipynb'} (en), cell 3: still running after the "
        "per-cell timeout of 2 s (--timeout); the kernel was stopped\n"
    )
    assert not hung.reports.exists() or snapshot(hung.reports) == {}
