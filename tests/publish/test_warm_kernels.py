"""Kernels forked from a warm parent start clean: run order does not change any output."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from analysis_lib import paths
from analysis_lib.publish import warm
from analysis_lib.publish.execute import ExecutionSpec, execute

PARAMETERS = "lang = 'en'\noutput_dir = '.'"
# Everything a notebook could leave behind for the next one in a shared process.
LEAVE_STATE = """\
import os, random, sys
import matplotlib as mpl
import numpy as np
import pandas as pd
leak = 1
pd.set_option("display.max_rows", 3)
mpl.rcParams["lines.linewidth"] = 9.0
os.environ["ANALYSIS_LIB_TEST_LEAK"] = "1"
sys.modules["analysis_lib_test_leak"] = sys
random.seed(1)
np.random.seed(1)
print("state left")"""
PROBE = """\
import os, sys
import matplotlib as mpl
import pandas as pd
print("leak" in globals(), pd.get_option("display.max_rows"), mpl.rcParams["lines.linewidth"])
print(os.environ.get("ANALYSIS_LIB_TEST_LEAK"), "analysis_lib_test_leak" in sys.modules)
print(sorted(k for k in globals() if not k.startswith("_")))"""


def _notebook(folder: Path, name: str, code: str) -> Path:
    nb = new_notebook(
        cells=[
            new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
            new_code_cell(code),
        ]
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def _run_in_order(tmp_path: Path, order: list[str]) -> dict[str, bytes]:
    sources = tmp_path / "notebooks"
    out = tmp_path / "-".join(order)
    for name in order:
        execute(
            ExecutionSpec(
                notebook=sources / f"{name}.ipynb",
                executed=out / f"{name}.ipynb",
                parameters={"lang": "en"},
                cwd=tmp_path,
                display_name=f"{name}.ipynb",
            )
        )
    return {name: (out / f"{name}.ipynb").read_bytes() for name in order}


@pytest.mark.slow
def test_two_orders_give_the_same_bytes_and_the_probe_sees_a_clean_kernel(tmp_path):
    _notebook(tmp_path / "notebooks", "state", LEAVE_STATE)
    _notebook(tmp_path / "notebooks", "probe", PROBE)
    warm.close_warm_parent()
    try:
        first = _run_in_order(tmp_path, ["state", "probe"])
        assert warm._parent is not None, "the kernels were not forked from a warm parent"
        second = _run_in_order(tmp_path, ["probe", "state"])
    finally:
        warm.close_warm_parent()
    assert first == second
    printed = nbformat.reads(first["probe"].decode(), as_version=4).cells[-1].outputs[0]["text"]
    lines = printed.splitlines()
    assert lines[0] == "False 60 1.5"
    assert lines[1] == "None False"


def test_only_ipykernel_launcher_commands_are_forked():
    assert warm.interpreter(["/py", "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "c"])
    assert warm.interpreter(["/py", "-m", "other_kernel", "-f", "c"]) is None
    assert warm.kernel_env({})["MPLBACKEND"] == warm.INLINE_BACKEND


def _ask_for_a_kernel(kernel_cmd: list[str], folder: Path, answers) -> None:
    """In a forked worker: get a kernel from the inherited parent, report it, then hang."""
    import time

    parent = warm.warm_parent(kernel_cmd, dict(os.environ))
    kernel = parent.spawn(kernel_cmd, {**os.environ}, str(folder), folder / "kernel.log")
    answers.send((parent.process.pid, kernel.pid))
    time.sleep(300)


def _gone(pid: int, within: float) -> bool:
    import time

    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if warm.ForkedKernel(pid).poll() is not None:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
def test_workers_share_the_build_parent_and_their_kernels_die_with_them(tmp_path):
    import multiprocessing

    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec(paths.KERNEL_NAME).argv
    kernel_cmd = [str(tmp_path / "k.json") if a == "{connection_file}" else a for a in spec]
    warm.close_warm_parent()
    warm.start_for_build(paths.KERNEL_NAME, {})
    try:
        started = warm._parent.process.pid
        context = multiprocessing.get_context("fork")
        answers, sender = context.Pipe(duplex=False)
        worker = context.Process(target=_ask_for_a_kernel, args=(kernel_cmd, tmp_path, sender))
        worker.start()
        assert answers.poll(120), "the worker got no kernel"
        parent, kernel = answers.recv()

        assert parent == started, "the worker started a parent of its own"
        assert warm.ForkedKernel(kernel).poll() is None
        worker.kill()
        worker.join()
        assert _gone(kernel, within=10), "the kernel outlived the worker that asked for it"
        assert warm._parent.alive()
    finally:
        warm.close_warm_parent()
