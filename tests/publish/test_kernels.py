"""Kernels on private Unix sockets: parallel starts never collide; a failed start is retried."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from analysis_lib.exceptions import BuildError
from analysis_lib.publish import execute as execute_module
from analysis_lib.publish.execute import ExecutionSpec, execute
from analysis_lib.publish.kernels import SOCKET_PREFIX

TRANSPORT_CELL = (
    "from ipykernel.connect import get_connection_info\n"
    "info = get_connection_info(unpack=True)\n"
    "print(info['transport'], info['ip'])"
)


def _notebook(folder: Path) -> Path:
    nb = new_notebook(
        cells=[
            new_code_cell("lang = 'en'\noutput_dir = '.'", metadata={"tags": ["parameters"]}),
            new_code_cell(TRANSPORT_CELL),
        ]
    )
    path = folder / "kernel.ipynb"
    nbformat.write(nb, path)
    return path


def _spec(folder: Path, name: str = "out") -> ExecutionSpec:
    return ExecutionSpec(
        notebook=_notebook(folder),
        executed=folder / name / "kernel.ipynb",
        parameters={"lang": "en"},
        cwd=folder,
        display_name="kernel.ipynb",
    )


def _printed(executed: Path) -> str:
    return nbformat.read(executed, as_version=4).cells[-1].outputs[0]["text"]


@pytest.mark.slow
def test_the_kernel_talks_over_unix_sockets_in_a_private_folder(tmp_path):
    spec = _spec(tmp_path)
    execute(spec)
    transport, ip = _printed(spec.executed).split()
    assert transport == "ipc"
    assert Path(ip).parent.name.startswith(SOCKET_PREFIX)
    assert Path(ip).parent.parent == Path(tempfile.gettempdir())
    assert not Path(ip).parent.exists()  # removed with its sockets
    assert not spec.log.exists()  # an empty kernel log is not kept


def _failing_then_real(failures: int, error: Exception):
    real = execute_module._run_papermill
    calls = []

    def run(spec):
        calls.append(spec)
        if len(calls) <= failures:
            raise error
        real(spec)

    return run, calls


@pytest.mark.slow
def test_a_kernel_that_fails_to_start_is_started_once_more(tmp_path, monkeypatch):
    run, calls = _failing_then_real(1, RuntimeError("Kernel didn't respond in 60 seconds"))
    monkeypatch.setattr(execute_module, "_run_papermill", run)
    spec = _spec(tmp_path)
    execute(spec)
    assert len(calls) == 2
    assert _printed(spec.executed).startswith("ipc ")
    assert "Kernel didn't respond in 60 seconds" in spec.log.read_text()


def test_a_kernel_that_fails_twice_stops_the_report_in_one_line_naming_the_log(
    tmp_path, monkeypatch
):
    error = RuntimeError("Kernel died before replying to kernel_info\nTraceback ...")
    run, calls = _failing_then_real(2, error)
    monkeypatch.setattr(execute_module, "_run_papermill", run)
    spec = _spec(tmp_path)
    with pytest.raises(BuildError) as raised:
        execute(spec)
    assert len(calls) == 2
    assert str(raised.value) == (
        "kernel.ipynb (en): the kernel failed 2 times (RuntimeError: Kernel died before "
        f"replying to kernel_info); details in {spec.log}"
    )
    assert spec.log.read_text().count("Traceback (most recent call last)") == 2


def test_a_notebook_that_is_not_json_is_not_retried(tmp_path, monkeypatch):
    run, calls = _failing_then_real(2, ValueError("Notebook does not appear to be JSON"))
    monkeypatch.setattr(execute_module, "_run_papermill", run)
    with pytest.raises(BuildError, match=r"^kernel.ipynb \(en\): ValueError: Notebook does"):
        execute(_spec(tmp_path))
    assert len(calls) == 1


# A leader that forks more workers than the machine has cores, as the build does, and
# starts a kernel in each, several rounds; it prints what each kernel reported.
LEADER = textwrap.dedent(
    """
    import multiprocessing, sys
    from concurrent.futures import ProcessPoolExecutor
    from pathlib import Path

    import nbformat
    from analysis_lib.publish.execute import ExecutionSpec, execute

    def run(folder):
        folder = Path(folder)
        spec = ExecutionSpec(
            notebook=Path(sys.argv[1]), executed=folder / "kernel.ipynb",
            parameters={"lang": "en"}, cwd=folder, display_name="kernel.ipynb",
        )
        execute(spec)
        return nbformat.read(spec.executed, as_version=4).cells[-1].outputs[0]["text"]

    workers, folders = int(sys.argv[2]), sys.argv[3:]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        sys.stdout.write("".join(pool.map(run, folders)))
    """
)


@pytest.mark.slow
def test_many_kernels_started_at_once_never_collide(tmp_path):
    workers, rounds = 6, 3  # more workers than the machine's cores, several rounds
    folders = [tmp_path / f"k{n}" for n in range(workers * rounds)]
    for folder in folders:
        folder.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", LEADER, _notebook(tmp_path), str(workers), *folders],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    printed = done.stdout.splitlines()
    assert len(printed) == len(folders)
    assert all(line.startswith("ipc ") for line in printed)
    assert len({line.split()[1] for line in printed}) == len(printed)
    assert "Address already in use" not in done.stderr
    logs = [p.read_text() for p in tmp_path.rglob("*.kernel.log")]
    assert not any("Address already in use" in text for text in logs)


def _fork_and_run(folder: str) -> str:
    spec = _spec(Path(folder), "forked")
    execute(spec)
    return _printed(spec.executed)


@pytest.mark.slow
def test_a_worker_forked_after_a_kernel_ran_here_can_start_its_own(tmp_path):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    execute(_spec(tmp_path))  # leaves nbclient's and jupyter_client's state in this process
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        printed = pool.submit(_fork_and_run, str(tmp_path)).result(timeout=180)
    assert printed.startswith("ipc ")
