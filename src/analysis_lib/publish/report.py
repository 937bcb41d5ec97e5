"""Build one report (one notebook, one language) into the staging folder.

A worker process executes with papermill, collects figures and values and
renders the reader and full HTML; the build process prints the PDF in its one
browser (:func:`print_report`). Nothing here touches ``reports/``; the
pipeline moves the staged files there once every report built.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from analysis_lib.exceptions import AnalysisLibError, BuildError, SystemDependencyError
from analysis_lib.publish import manifest
from analysis_lib.publish.execute import ExecutionSpec, execute, read_log

FIGURE_SUFFIXES = (".png", ".svg")
LONG_BUILD = 4  # reports; from here on a tty gets a progress bar
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@dataclass(frozen=True)
class ReportJob:
    """One report to build; picklable, so it can go to a worker process."""

    stem: str
    lang: str
    title: str
    notebook: Path
    display_name: str
    parameters: dict
    effective_parameters: dict
    build_root: Path
    reports_dir: Path
    env: dict
    kernel_name: str
    timeout: int
    commit: str
    epoch: int
    sources_csv: Path
    pdf_engine: str | None = None
    chromium: Path | None = None

    @property
    def key(self) -> str:
        """Manifest key, ``<lang>/<stem>``."""
        return f"{self.lang}/{self.stem}"

    @property
    def work_dir(self) -> Path:
        """The notebook's ``output_dir`` (absolute)."""
        return self.build_root / "staging" / "work" / self.lang / self.stem

    @property
    def stage_dir(self) -> Path:
        """Staging copy of the reports folder."""
        return self.build_root / "staging" / "reports"

    @property
    def executed(self) -> Path:
        """Where the executed notebook is kept."""
        return self.build_root / "executed" / self.lang / f"{self.stem}.ipynb"

    @property
    def read_log(self) -> Path:
        """File the loaders append the data files they read to."""
        return self.build_root / "staging" / "logs" / self.lang / f"{self.stem}.reads"


@dataclass
class ReportResult:
    """What a worker built: staged files, their hashes, and the data they came from."""

    key: str
    staged: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    data: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    pdf: bool = False
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)

    @property
    def formats(self) -> str:
        """``html`` or ``html+pdf`` for the progress line."""
        return "html+pdf" if self.pdf else "html"


def _stage_figures(job: ReportJob, staged: dict[str, str]) -> None:
    for path in sorted(job.work_dir.rglob("*")):
        if path.is_file() and path.suffix.lower() in FIGURE_SUFFIXES:
            name = f"{job.lang}/figures/{job.stem}/{path.relative_to(job.work_dir).as_posix()}"
            target = job.stage_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            staged[name] = str(target)


def _write_staged(job: ReportJob, staged: dict[str, str], name: str, data: bytes | str) -> Path:
    target = job.stage_dir / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    staged[name] = str(target)
    return target


def _build(job: ReportJob) -> ReportResult:
    from analysis_lib.publish.timings import worker_clock

    clock = worker_clock()
    started = time.monotonic()
    shutil.rmtree(job.work_dir, ignore_errors=True)
    job.work_dir.mkdir(parents=True)
    job.read_log.parent.mkdir(parents=True, exist_ok=True)
    job.read_log.unlink(missing_ok=True)
    spec = ExecutionSpec(
        notebook=job.notebook,
        executed=job.executed,
        parameters=job.parameters,
        cwd=job.build_root,
        env={**job.env, "ANALYSIS_LIB_READ_LOG": str(job.read_log)},
        kernel_name=job.kernel_name,
        timeout=job.timeout,
        display_name=job.display_name,
    )
    with clock.stage("execute (kernel + cells)"):
        execute(spec)

    result = ReportResult(key=job.key)
    with clock.stage("values and figures"):
        _stage_values_and_figures(job, result)
    with clock.stage("html export"):
        _stage_html(job, result)
    with clock.stage("pdf print"):
        _stage_pdf(job, result)
    with clock.stage("hashing"):
        data_files = read_log(job.read_log)
        if job.sources_csv.exists():  # the provenance footer read it
            data_files.append(job.sources_csv.resolve())
        result.data = manifest.hash_data(sorted(set(data_files)), job.reports_dir)
        result.outputs = {name: manifest.sha256_file(Path(p)) for name, p in result.staged.items()}
    result.seconds = time.monotonic() - started
    return result


def _stage_values_and_figures(job: ReportJob, result: ReportResult) -> None:
    from analysis_lib import record

    values = record.read_values(job.work_dir)
    result.sources = sorted(values["sources"])
    values_text = manifest.dumps({"sources": result.sources, "values": values["values"]})
    _write_staged(job, result.staged, f"{job.lang}/{job.stem}.values.json", values_text)
    _stage_figures(job, result.staged)


def _stage_html(job: ReportJob, result: ReportResult) -> None:
    import nbformat

    from analysis_lib.publish import convert

    nb = nbformat.read(str(job.executed), as_version=4)
    sources = convert.read_sources(job.sources_csv)
    footers = {
        full: convert.provenance_footer(
            job.lang,
            result.sources,
            sources,
            job.commit,
            job.effective_parameters,
            stem=job.stem,
            full=full,
        )
        for full in (False, True)
    }
    pages = convert.render_reports(nb, title=job.title, lang=job.lang, footers=footers)
    for name, full in ((f"{job.stem}.html", False), (f"{job.stem}.full.html", True)):
        _write_staged(job, result.staged, f"{job.lang}/{name}", pages[full])


def _stage_pdf(job: ReportJob, result: ReportResult) -> None:
    """Print with LaTeX here; Chromium PDFs are printed by the build process (print_report)."""
    from analysis_lib.publish import pdf

    if job.pdf_engine == "latex":
        pdf_name = f"{job.lang}/{job.stem}.pdf"
        pdf.print_with_latex(job.executed, job.stage_dir / pdf_name, job.title)
        result.staged[pdf_name] = str(job.stage_dir / pdf_name)
        result.pdf = True


def _print_report(job: ReportJob, result: ReportResult) -> ReportResult:
    if job.pdf_engine != "chromium" or job.chromium is None:
        return result
    from analysis_lib.publish import pdf

    started = time.monotonic()
    pdf_name = f"{job.lang}/{job.stem}.pdf"
    target = job.stage_dir / pdf_name
    reader = Path(result.staged[f"{job.lang}/{job.stem}.html"])
    pdf.print_in_browser(job.chromium, reader, target, job.epoch)
    result.staged[pdf_name] = str(target)
    result.outputs[pdf_name] = manifest.sha256_file(target)
    result.pdf = True
    seconds = time.monotonic() - started
    result.seconds += seconds
    result.stages["pdf print"] = result.stages.get("pdf print", 0.0) + seconds
    return result


def print_report(job: ReportJob, result: ReportResult) -> ReportResult:
    """Print a built report's PDF with Chromium and add it to the result.

    Runs in the build process, whose one browser prints every PDF of the
    build (:mod:`analysis_lib.publish.printer`) while the workers go on with
    the next notebooks. Does nothing for a report without a Chromium PDF.

    Raises
    ------
    BuildError
        Naming the notebook and language.
    """
    return _named_errors(job, _print_report, job, result)


def build_report(job: ReportJob) -> ReportResult:
    """Build one report into the staging folder and return what was staged.

    Raises
    ------
    BuildError
        Naming the notebook and language (and the failing cell, if any).
    """
    from analysis_lib.publish.timings import take_worker_stages

    take_worker_stages()  # a failed report's stages are not counted
    result = _named_errors(job, _build, job)
    result.stages = take_worker_stages()
    return result


def _named_errors(job: ReportJob, step, *args):
    """Return ``step(*args)``; any error becomes one BuildError line naming the report."""
    try:
        return step(*args)
    except (BuildError, SystemDependencyError):
        raise
    except AnalysisLibError as error:  # other subclasses do not unpickle from one argument
        raise BuildError(f"{job.display_name} ({job.lang}): {error}") from None
    except Exception as error:  # nbconvert, file system: still one line with the notebook
        raise BuildError(
            f"{job.display_name} ({job.lang}): {type(error).__name__}: {error}"
        ) from None


class Progress:
    """One line per finished report; a tqdm bar too when the build is long and on a tty."""

    def __init__(self, total: int, out: TextIO):
        self.total, self.done, self.out, self.bar = total, 0, out, None
        if total >= LONG_BUILD and sys.stderr.isatty():
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: workers are forked
            self.bar = tqdm(total=total, unit="report", file=sys.stderr, leave=False)

    def report(self, job: ReportJob, result: ReportResult) -> None:
        """Print the line of one finished report."""
        self.done += 1
        line = (
            f"[{self.done}/{self.total}] {job.stem} ({job.lang}) "
            f"{result.formats} {result.seconds:.1f}s"
        )
        if self.bar is not None:
            self.bar.write(line, file=self.out)
            self.bar.update()
        else:
            print(line, file=self.out, flush=True)

    def close(self) -> None:
        """Remove the bar, if any."""
        if self.bar is not None:
            self.bar.close()


def die_with_leader(leader_pid: int) -> None:
    """Worker initializer: on Linux, have the kernel SIGKILL this worker when the leader dies.

    A killed leader (``kill -9``, an OOM kill) cannot shut its pool down, and its
    forked workers would run on, holding kernels and files. Elsewhere, or without a
    loadable libc, this does nothing.

    Parameters
    ----------
    leader_pid : int
        The process id of the leader that forks the workers.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the running program's libc symbols
        prctl = libc.prctl
    except (OSError, AttributeError):
        return
    if prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) != 0:
        return
    # The leader may have died between the fork and the prctl call.
    if os.getppid() != leader_pid:
        os.kill(os.getpid(), signal.SIGKILL)


def _chromium(jobs: list) -> Path | None:
    """Return the browser the jobs print with, if any."""
    for job in jobs:
        if getattr(job, "pdf_engine", None) == "chromium" and job.chromium is not None:
            return job.chromium
    return None


def run_jobs(jobs: list, workers: int, progress: Progress, printer_server=None) -> dict:
    """Build every job; return results by key, or raise the first failure.

    The workers execute and export; this process prints the PDFs in its one
    browser, started at once so that it is ready by the first PDF, or through
    ``printer_server`` (a :class:`~analysis_lib.publish.servers.Server`), whose
    browser stays for the next build.
    """
    from analysis_lib.publish.printer import close_shared_printer, shared_printer
    from analysis_lib.publish.warm import close_warm_parent

    results, failures = {}, []
    chromium = _chromium(jobs)
    try:
        if chromium is not None:
            shared_printer(chromium, printer_server)
        if workers <= 1:
            for job in jobs:
                try:
                    results[job.key] = print_report(job, build_report(job))
                except BuildError as error:
                    failures.append(error)
                    break
                progress.report(job, results[job.key])
        else:
            _run_in_pool(jobs, workers, progress, results, failures)
    finally:
        close_shared_printer()
        close_warm_parent()
    if failures:
        raise failures[0]
    return results


def _worker_failed(job: ReportJob, error: BaseException) -> BuildError:
    if isinstance(error, BuildError):
        return error
    return BuildError(
        f"{job.display_name} ({job.lang}): worker failed: {type(error).__name__}: {error}"
    )


def _run_in_pool(jobs: list, workers: int, progress: Progress, results: dict, failures: list):
    """Execute in forked workers; print each report's PDF as its worker hands it back.

    PDFs print in threads of this process, as many at once as the printer
    takes (two with the print server, one with the build's own browser).
    """
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, ThreadPoolExecutor, wait

    from analysis_lib.publish.convert import prepare_exporters
    from analysis_lib.publish.printer import printing_concurrency

    # Once, shared by the forks; the compiled templates are kept for the next build.
    languages = sorted({job.lang for job in jobs})
    prepare_exporters(languages, jobs[0].build_root / "cache" / "templates")
    # fork: the workers inherit papermill, nbconvert and the exporters from here.
    context = multiprocessing.get_context("fork")
    with (
        ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=die_with_leader,
            initargs=(os.getpid(),),
        ) as pool,
        ThreadPoolExecutor(max_workers=printing_concurrency()) as printing,
    ):
        built = {pool.submit(build_report, job): job for job in jobs}
        printed: dict = {}
        waiting = set(built)
        while waiting and not failures:
            done, waiting = wait(waiting, return_when=FIRST_COMPLETED)
            for future in done:
                job = built.get(future) or printed[future]
                try:
                    result = future.result()
                except Exception as error:  # BuildError, or a worker that died
                    failures.append(_worker_failed(job, error))
                    break
                if future in built:
                    printing_job = printing.submit(print_report, job, result)
                    printed[printing_job] = job
                    waiting.add(printing_job)
                else:
                    results[job.key] = result
                    progress.report(job, result)
        if failures:
            pool.shutdown(wait=True, cancel_futures=True)
