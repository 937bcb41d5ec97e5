"""Run the report jobs of a build: in forked workers or in the kernel server, with progress.

The workers (or the kernel server's forks, :mod:`analysis_lib.publish.remote_report`)
execute and export; the build process prints each report's PDF as soon as it
comes back, while the next notebooks run, and prints one progress line per
finished report.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from analysis_lib import paths
from analysis_lib.exceptions import AnalysisLibError, BuildError
from analysis_lib.publish.report import ReportJob, ReportResult, build_report, print_report

LONG_BUILD = 4  # reports; from here on a tty gets a progress bar
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


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


def run_jobs(
    jobs: list, workers: int, progress: Progress, printer_server=None, remote=None
) -> dict:
    """Build every job; return results by key, or raise the first failure.

    The workers execute and export; this process prints the PDFs in its one
    browser, started at once so that it is ready by the first PDF, or through
    ``printer_server`` (a :class:`~analysis_lib.publish.servers.Server`), whose
    browser stays for the next build.

    Parameters
    ----------
    jobs : list of ReportJob
        The reports to build.
    workers : int
        How many reports build at once.
    progress : Progress
        Told of every finished report.
    printer_server : Server, optional
        The print server to print with, instead of a browser of this build.
    remote : RemoteBuilder, optional
        Builds each report in a fork of the kernel server instead of a worker
        of this process (:mod:`analysis_lib.publish.remote_report`).
    """
    from analysis_lib.publish.printer import close_shared_printer, shared_printer
    from analysis_lib.publish.warm import close_warm_parent

    results, failures = {}, []
    chromium = _chromium(jobs)
    try:
        if chromium is not None:
            shared_printer(chromium, printer_server)
        if workers <= 1 and remote is None:
            for job in jobs:
                try:
                    results[job.key] = print_report(job, build_report(job))
                except BuildError as error:
                    failures.append(error)
                    break
                progress.report(job, results[job.key])
        else:
            _run_in_pool(jobs, workers, progress, results, failures, remote)
    finally:
        close_shared_printer()
        close_warm_parent()
    if failures:
        raise failures[0]
    return results


def _worker_failed(job: ReportJob, error: BaseException) -> AnalysisLibError:
    if isinstance(error, AnalysisLibError):  # BuildError, or a server fork's ParameterError
        return error
    return BuildError(
        f"{job.display_name} ({job.lang}): worker failed: {type(error).__name__}: {error}"
    )


def _run_in_pool(
    jobs: list, workers: int, progress: Progress, results: dict, failures: list, remote=None
):
    """Execute in forked workers (or the kernel server's forks); print each report's PDF
    as it comes back.

    PDFs print in threads of this process, as many at once as the printer
    takes (two with the print server, one with the build's own browser).
    """
    from concurrent.futures import ThreadPoolExecutor

    from analysis_lib.publish.printer import printing_concurrency

    with (
        _pool(jobs, workers, remote) as (pool, build),
        ThreadPoolExecutor(max_workers=printing_concurrency()) as printing,
    ):
        try:
            _collect(pool, build, printing, jobs, progress, results, failures)
        finally:
            if remote is not None:
                remote.stop()  # after a failure or an interrupt, the server's forks end
        if failures:
            pool.shutdown(wait=True, cancel_futures=True)


def _collect(pool, build, printing, jobs, progress, results, failures) -> None:
    from concurrent.futures import FIRST_COMPLETED, wait

    built = {pool.submit(build, job): job for job in jobs}
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


@contextmanager
def _pool(jobs: list, workers: int, remote):
    """Yield the executor and the function it builds a report with."""
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    if remote is not None:  # a thread of this process waits for each fork of the server
        with ThreadPoolExecutor(max_workers=workers) as pool:
            yield pool, remote.build
        return
    import multiprocessing

    from analysis_lib.publish.convert import prepare_exporters

    # Once, shared by the forks; the compiled templates are kept for the next build.
    languages = sorted({job.lang for job in jobs})
    prepare_exporters(languages, paths.template_cache_dir(jobs[0].build_root))
    # fork: the workers inherit papermill, nbconvert and the exporters from here.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=die_with_leader,
        initargs=(os.getpid(),),
    ) as pool:
        yield pool, build_report
