"""Build servers: kept for the next build, replaced when their key changes, gone when asked."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from demo_tree import make_demo_tree

from analysis_lib import cli
from analysis_lib.exceptions import BuildError, ParameterError
from analysis_lib.publish import manifest, pipeline, servers, warm
from analysis_lib.publish.printer import close_shared_printer


def _pids_with(text: str) -> list[int]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            command = (Path("/proc") / pid / "cmdline").read_bytes()
        except OSError:
            continue
        if os.fsencode(text) in command:
            found.append(int(pid))
    return found


def _gone_within(text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _pids_with(text):
            return True
        time.sleep(0.2)
    return False


def test_a_server_is_running_only_with_a_listener_and_its_key(tmp_path):
    server = servers.Server(tmp_path, "kernels")
    assert not server.running()
    listener = server.listen("key-a")
    try:
        assert server.running() and server.running("key-a")
        assert not server.running("key-b")
        assert server.key_file.read_text(encoding="utf-8") == "key-a\n"
    finally:
        listener.close()
    assert not server.running()  # the socket file is there, nobody listens
    server.stop()
    assert not server.address.exists() and not server.key_file.exists()


def test_listen_takes_the_place_of_an_old_socket(tmp_path):
    server = servers.Server(tmp_path, "printer")
    old = server.listen("old")
    new = server.listen("new")
    try:
        assert server.running("new")
        assert os.stat(server.address).st_ino != os.fstat(old.fileno()).st_ino
    finally:
        old.close()
        new.close()


def test_a_build_folder_too_deep_for_a_socket_builds_without_servers(tmp_path):
    deep = tmp_path / ("d" * 120)
    assert not servers.Server(deep, "kernels").usable()
    assert servers.Server(tmp_path, "kernels").usable()


@pytest.mark.parametrize("text", ["0", "-3", "soon", "nan"])
def test_idle_seconds_must_be_positive(monkeypatch, text):
    monkeypatch.setenv(servers.IDLE_ENV, text)
    with pytest.raises(
        ParameterError, match=f"must be a positive number of seconds; not '{text}'"
    ):
        servers.idle_seconds()


def test_idle_seconds_default_and_setting(monkeypatch):
    monkeypatch.delenv(servers.IDLE_ENV, raising=False)
    assert servers.idle_seconds() == servers.DEFAULT_IDLE_SECONDS
    monkeypatch.setenv(servers.IDLE_ENV, "2.5")
    assert servers.idle_seconds() == 2.5


def test_servers_are_off_in_the_test_suite_and_for_zero(monkeypatch):
    assert not servers.enabled()  # tests/conftest.py: no test leaves servers behind
    monkeypatch.setenv(servers.SERVERS_ENV, "1")
    assert servers.enabled()


def test_the_key_changes_with_any_part():
    assert servers.key_of("a", 1) == servers.key_of("a", 1)
    assert servers.key_of("a", 1) != servers.key_of("a", 2)


def test_status_and_stop_on_an_empty_build_folder(tmp_path, capsys):
    assert cli.main(["servers", "status", "--build-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "kernels: not running" in out and "printer: not running" in out
    assert cli.main(["servers", "stop", "--build-dir", str(tmp_path)]) == 0
    assert "no build server runs in" in capsys.readouterr().out


@pytest.mark.slow
def test_a_kernel_server_ends_when_its_socket_goes_or_it_is_idle(tmp_path, monkeypatch):
    from jupyter_client.kernelspec import KernelSpecManager

    monkeypatch.setenv(servers.IDLE_ENV, "1")
    spec = KernelSpecManager().get_kernel_spec("analysis-lib")
    python = warm.interpreter(spec.argv)
    env = warm.kernel_env(dict(os.environ))
    first = warm.WarmParent(python, env, server=servers.Server(tmp_path / "a", "kernels"))
    second = warm.WarmParent(python, env, server=servers.Server(tmp_path / "b", "kernels"))
    assert first.alive() and second.alive()
    servers.Server(tmp_path / "a", "kernels").stop()
    assert _gone_within(str(tmp_path / "a"), 10), "a server outlived its socket file"
    assert _gone_within(str(tmp_path / "b"), 15), "an idle server did not end"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """Two demo notebooks and their data; servers on, stopped after the test.

    The builds go to a short folder in /tmp: a socket path is at most 107 bytes,
    and pytest-xdist's tmp_path can be longer.
    """
    short = Path(tempfile.mkdtemp(prefix="srv-", dir="/tmp"))
    _, data = make_demo_tree(tmp_path)
    monkeypatch.setenv("ANALYSIS_LIB_DATA_DIR", str(data))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setattr(manifest, "library_hash", lambda *args: "pinned-library")
    monkeypatch.setattr(pipeline, "build_commit", lambda: "0123abcd")
    (short / "notebooks").symlink_to(tmp_path / "notebooks")
    (short / "data").symlink_to(data)
    yield short
    warm.close_warm_parent()
    close_shared_printer()
    servers.stop_all(short / "with" / "build")
    try:
        assert _gone_within(str(short / "with" / "build" / "servers"), 10)
    finally:
        shutil.rmtree(short, ignore_errors=True)


def _build(tree: Path, name: str, **changes):
    options = pipeline.BuildOptions(
        notebooks_dir=tree / "notebooks",
        reports_dir=tree / name / "reports",
        build_dir=tree / name / "build",
        data_dir=tree / "data",
        jobs=2,
        **changes,
    )
    pipeline.build(options)
    return {
        p.relative_to(options.reports_dir).as_posix(): p.read_bytes()
        for p in options.reports_dir.rglob("*")
        if p.is_file()
    }


@pytest.mark.slow
def test_a_build_with_servers_gives_the_bytes_of_one_without_and_keeps_them(tree):
    without = _build(tree, "without")
    assert not _pids_with(str(tree / "without" / "build" / "servers"))

    first = _build(tree, "with", servers=True)
    folder = tree / "with" / "build" / "servers"
    kernels, printer = (
        servers.Server(folder.parent, "kernels"),
        servers.Server(folder.parent, "printer"),
    )
    assert kernels.running() and printer.running()
    running = sorted(_pids_with(str(folder)))
    second = _build(tree, "with", servers=True, force=True)

    assert first == without and second == without
    assert any(name.endswith(".pdf") for name in without)
    assert set(running) <= set(_pids_with(str(folder))), "the second build started new servers"


@pytest.mark.slow
def test_a_changed_key_replaces_the_kernel_server(tree, monkeypatch):
    _build(tree, "with", servers=True, pdf=False)
    folder = tree / "with" / "build" / "servers"
    old_key = (folder / "kernels.key").read_text(encoding="utf-8")
    monkeypatch.setattr(manifest, "library_hash", lambda *args: "another-library")
    _build(tree, "with", servers=True, pdf=False, force=True)
    assert (folder / "kernels.key").read_text(encoding="utf-8") != old_key
    assert servers.Server(folder.parent, "kernels").running()


@pytest.mark.slow
def test_a_killed_print_server_is_started_again_once(tmp_path):
    import signal

    from analysis_lib.publish.pdf import find_chromium
    from analysis_lib.publish.printer import RemotePrinter

    chromium = find_chromium()
    if chromium is None:
        pytest.skip("no Chromium")
    root = Path(tempfile.mkdtemp(prefix="srv-", dir="/tmp"))
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><title>t</title><p>Printed twice.</p>", encoding="utf-8")
    try:
        printer = RemotePrinter(chromium, servers.Server(root, "printer"))
        assert printer.print_pdf(page).startswith(b"%PDF")
        for pid in _pids_with(f"{root}/servers/printer.sock"):
            os.kill(pid, signal.SIGKILL)
        assert _gone_within(f"{root}/servers/printer.sock", 10)
        assert printer.print_pdf(page).startswith(b"%PDF")
        assert servers.Server(root, "printer").running()
    finally:
        servers.stop_all(root)
        _gone_within(str(root), 10)
        shutil.rmtree(root, ignore_errors=True)


def _append_cell(tree: Path, code: str) -> None:
    """Give the demo notebook 02-demo-text a last cell running ``code``."""
    import nbformat

    notebook = tree / "notebooks" / "02-demo-text.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(code))
    nbformat.write(nb, notebook)


@pytest.mark.slow
def test_a_failing_cell_fails_the_same_with_servers_and_without(tree):
    _append_cell(tree, "raise ValueError('demo failure')")
    messages = []
    for name, on in (("without", False), ("with", True)):
        with pytest.raises(BuildError) as caught:
            _build(tree, name, servers=on, pdf=False, languages=("en",))
        messages.append(str(caught.value).replace(f"/{name}/build/", "/<name>/build/"))
        assert not (tree / name / "reports").exists() or not list(
            (tree / name / "reports").rglob("02-demo-text*")
        )
    assert messages[0] == messages[1]
    assert "02-demo-text" in messages[1] and "demo failure" in messages[1]


@pytest.mark.slow
def test_an_unknown_parameter_is_refused_with_servers_too(tree):
    with pytest.raises(ParameterError, match="start_year"):
        _build(tree, "with", servers=True, pdf=False, parameters={"start_year": 2001})


@pytest.mark.slow
def test_a_report_fork_dies_when_the_build_stops_waiting(tree):
    import threading

    _append_cell(tree, "import time; time.sleep(120)")
    (tree / "notebooks" / "01-demo-growth.ipynb").unlink()
    folder = tree / "with" / "build" / "servers"
    builder = {}
    original = warm.report_builder

    def keep(*args):
        builder["remote"] = original(*args)
        return builder["remote"]

    failed = []

    def run():
        try:
            _build(tree, "with", servers=True, pdf=False, languages=("en",))
        except BuildError as error:
            failed.append(str(error))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(warm, "report_builder", keep)
        thread = threading.Thread(target=run)
        thread.start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(_pids_with(str(folder))) < 3:
            time.sleep(0.2)  # the server, its fork for the report, the fork's kernel
        assert len(_pids_with(str(folder))) >= 3, "the report never started in the server"
        builder["remote"].stop()
        thread.join(30)
    assert not thread.is_alive() and failed and "02-demo-text" in failed[0]
    server = servers.Server(folder.parent, "kernels")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and len(_pids_with(str(folder))) > 1:
        time.sleep(0.2)
    assert len(_pids_with(str(folder))) == 1 and server.running()
