"""One measurement each: the functions return seconds (or a dict of seconds) of one run.

Builds go into scratch folders given by the caller, never into ``reports/``.
"""

from __future__ import annotations

import io
import json
import os
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
    """Run the real build into ``scratch/reports``; return its wall time and the reports built."""
    from analysis_lib.publish.pipeline import BuildOptions
    from analysis_lib.publish.pipeline import build as run_build

    options = BuildOptions(
        notebooks_dir=notebooks_dir,
        reports_dir=scratch / "reports",
        build_dir=scratch / "build",
        languages=tuple(languages),
        jobs=jobs,
        force=force,
        pdf=pdf,
        out=io.StringIO(),
    )
    started = time.perf_counter()
    summary = run_build(options)
    return time.perf_counter() - started, len(summary.built)


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


def children_peak_rss_mib() -> float:
    """Return the peak resident memory of the largest finished child process, in MiB."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
