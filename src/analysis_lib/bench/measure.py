"""One measurement each: the functions return seconds (or a dict of seconds) of one run.

Builds go into scratch folders given by the caller, never into ``reports/``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

FLOOR_IMPORTS = "import pandas, seaborn, analysis_lib"


def seconds(function, *args, **kwargs) -> float:
    """Return the wall time of one call."""
    started = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - started


def build(notebooks_dir: Path, scratch: Path, *, jobs: int, languages, pdf: bool, force: bool):
    """Run the build as a user does (``python -m analysis_lib build``) into ``scratch/reports``.

    A new process each time, so the interpreter start and the imports are
    timed too. Returns the wall time and the number of reports built.
    """
    command = [sys.executable, "-m", "analysis_lib", "build", "--jobs", str(jobs)]
    command += ["--notebooks-dir", str(notebooks_dir), "--reports-dir", str(scratch / "reports")]
    command += ["--build-dir", str(scratch / "build")]
    command += ["--lang", languages[0]] if len(languages) == 1 else []
    command += ["--force"] if force else []
    command += [] if pdf else ["--no-pdf"]
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        last = (completed.stderr.strip().splitlines() or ["no message"])[-1]
        raise RuntimeError(f"build failed: {last}")
    built = re.search(r"^built (\d+) report", completed.stdout, re.MULTILINE)
    return seconds, int(built.group(1)) if built else 0


def touch_notebook(notebook: Path, mark: str) -> None:
    """Change a notebook's metadata (not its cells), so its reports become stale."""
    content = json.loads(notebook.read_text(encoding="utf-8"))
    content.setdefault("metadata", {})["bench_touch"] = mark
    notebook.write_text(json.dumps(content, indent=1, ensure_ascii=False) + "\n", "utf-8")


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def naive_loop(notebooks: list[Path], scratch: Path, *, languages, kernel_name: str, pdf: bool):
    """Per report: papermill CLI, ``jupyter nbconvert --to html`` CLI, then the PDF."""
    from analysis_lib.publish import pdf as pdf_route

    chromium = pdf_route.find_chromium() if pdf else None
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    started = time.perf_counter()
    for notebook in notebooks:
        for lang in languages:
            executed = scratch / f"{notebook.stem}.{lang}.ipynb"
            run = [_tool("papermill"), str(notebook), str(executed), "-k", kernel_name]
            run += ["-p", "lang", lang, "-p", "output_dir", f"work/{lang}/{notebook.stem}"]
            subprocess.run([*run, "--cwd", str(scratch)], check=True, capture_output=True)
            convert = [_tool("jupyter"), "nbconvert", "--to", "html", str(executed)]
            subprocess.run(convert, check=True, capture_output=True)
            if chromium is not None:
                html = executed.with_suffix(".html")
                pdf_route.print_with_chromium(chromium, html, html.with_suffix(".pdf"), 0)
    return time.perf_counter() - started


def kernel_floor(kernel_name: str) -> float:
    """Start a kernel, import the notebooks' libraries, shut it down; return the wall time."""
    from jupyter_client.manager import start_new_kernel

    started = time.perf_counter()
    manager, client = start_new_kernel(kernel_name=kernel_name)
    try:
        reply = client.execute_interactive(FLOOR_IMPORTS, store_history=False, timeout=120)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"kernel could not run {FLOOR_IMPORTS!r}")
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)
    return time.perf_counter() - started


def pdf_print(html: Path, out: Path) -> float:
    """Print one HTML report with the build's Chromium route; return the wall time."""
    from analysis_lib.publish import pdf as pdf_route

    chromium = pdf_route.find_chromium()
    if chromium is None:
        raise pdf_route.missing_chromium_error()
    return seconds(pdf_route.print_with_chromium, chromium, html, out, 0)


def importer(workbooks: list[Path], engine: str) -> float:
    """Read every DOTS workbook with one engine; return the wall time."""
    from analysis_lib.importers.dots import read_dots_workbook

    started = time.perf_counter()
    for workbook in workbooks:
        read_dots_workbook(workbook, engine=engine)
    return time.perf_counter() - started


def environment() -> dict:
    """Return what the timings depend on: cores, load, versions."""
    import platform

    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return {
        "cores": os.cpu_count() or 1,
        "load_average_1min": round(load[0], 2),
        "python": platform.python_version(),
    }


_IN_PROCESS = """
import json, os, sys, time
import matplotlib
import matplotlib.pyplot as plt
import pandas, seaborn
jobs = json.loads(sys.argv[1])
started = time.perf_counter()
for notebook, lang, output_dir in jobs:
    cells = json.load(open(notebook, encoding="utf-8"))["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    tagged = [i for i, c in enumerate(c for c in cells if c["cell_type"] == "code")
              if "parameters" in c.get("metadata", {}).get("tags", [])]
    at = tagged[0] + 1 if tagged else 0
    code.insert(at, f"lang = {lang!r}\\noutput_dir = {output_dir!r}")
    namespace = {"__name__": "__main__"}
    for source in code:
        exec(compile(source, notebook, "exec"), namespace)
    plt.close("all")
print(json.dumps(time.perf_counter() - started))
"""


def in_process_floor(notebooks: list[Path], scratch: Path, *, languages, env: dict) -> float:
    """Run every notebook's own code, per language, in one warm Python process.

    The libraries are imported before the clock starts; no kernel, no
    conversion, no PDF. Returns the wall time of the notebooks' code alone.
    """
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    jobs = [
        [str(notebook), lang, str(scratch / "work" / lang / notebook.stem)]
        for notebook in notebooks
        for lang in languages
    ]
    for *_, folder in jobs:
        Path(folder).mkdir(parents=True, exist_ok=True)
    completed = subprocess.run(
        [sys.executable, "-c", _IN_PROCESS, json.dumps(jobs)],
        cwd=scratch,
        env={**os.environ, **env, "MPLBACKEND": "Agg"},
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        last = (completed.stderr.strip().splitlines() or ["no message"])[-1]
        raise RuntimeError(f"in-process floor failed: {last}")
    return float(completed.stdout.strip().splitlines()[-1])


MEMORY_ROLES = ("build process", "worker", "warm parent", "kernel", "browser")


def _role(pid: str) -> str:
    """Name what a process of the build is, from its process name and command line."""
    proc = Path("/proc") / pid
    name = (proc / "comm").read_text().strip()
    command = (proc / "cmdline").read_bytes()
    if name == "warm-kernel" or b"ipykernel_launcher" in command:
        return "kernel"
    if name == "warm-report":  # a report built in a fork of the kernel server
        return "worker"
    if b"warm_parent.py" in command:
        return "warm parent"
    if b"chromium" in command or b"chrome" in name.encode():
        return "browser"
    return "worker"


def _pss_mib(pid: str) -> float:
    """Proportional set size: a page shared by n processes counts 1/n in each."""
    for line in (Path("/proc") / pid / "smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


class MemorySampler:
    """Sample the memory of a command's process tree while it runs (Linux ``/proc``).

    Use as a context manager around a build started with ``subprocess``; the
    tree is every process descended from this one, and from the build servers
    whose sockets are in ``servers`` (they are nobody's children). Records, per role (see
    :data:`MEMORY_ROLES`), the largest proportional set size (PSS) one process
    of that role reached, the browser's summed over its processes, and the
    largest total of the whole tree. PSS shares the pages that forked
    processes have in common, so a warm parent and its kernels are not
    counted twice.
    """

    def __init__(self, interval: float = 0.2, servers: Path | None = None):
        self.interval, self.peak, self.total = interval, dict.fromkeys(MEMORY_ROLES, 0.0), 0.0
        # Build servers are nobody's children: found by their socket folder in their command line.
        self.servers = os.fsencode(servers) if servers is not None else None

    def __enter__(self) -> MemorySampler:
        import threading

        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.sample()
            except OSError:
                continue

    def _servers(self, pids) -> set[str]:
        found = set()
        for pid in pids if self.servers else ():
            try:
                if self.servers in (Path("/proc") / pid / "cmdline").read_bytes():
                    found.add(pid)
            except OSError:
                continue
        return found

    def sample(self) -> None:
        """Take one sample of every process below this one."""
        me = str(os.getpid())
        parents = {}
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                stat = (Path("/proc") / pid / "stat").read_text()
            except OSError:
                continue
            parents[pid] = stat.rsplit(")", 1)[1].split()[1]
        tree, grew = self._servers(parents), True
        while grew:
            found = {p for p, parent in parents.items() if parent == me or parent in tree}
            grew, tree = not found <= tree, tree | found
        browser = total = 0.0
        for pid in tree:
            try:
                role = "build process" if parents[pid] == me else _role(pid)
                pss = _pss_mib(pid)
            except OSError:
                continue
            total += pss
            if role == "browser":
                browser += pss
            else:
                self.peak[role] = max(self.peak[role], pss)
        self.peak["browser"] = max(self.peak["browser"], browser)
        self.total = max(self.total, total)

    def summary(self) -> str:
        """One line: the peak of each role, then of the whole tree, in MiB."""
        parts = [f"{role} {self.peak[role]:.0f}" for role in MEMORY_ROLES if self.peak[role]]
        return f"peak PSS MiB: {', '.join(parts)}; all {self.total:.0f}"
