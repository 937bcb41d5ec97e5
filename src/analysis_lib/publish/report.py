"""Build one report (one notebook, one language) into the staging folder.

A worker process (or a fork of the kernel server,
:mod:`analysis_lib.publish.remote_report`) executes with papermill, collects
figures and values and renders the reader and full HTML; the build process
prints the PDF (:func:`print_report`). :mod:`analysis_lib.publish.workers`
schedules both. Nothing here touches ``reports/``; the pipeline moves the
staged files there once every report built.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from analysis_lib.exceptions import AnalysisLibError, BuildError, SystemDependencyError
from analysis_lib.publish import manifest
from analysis_lib.publish.execute import ExecutionSpec, execute, read_log

FIGURE_SUFFIXES = (".png", ".svg")


@dataclass(frozen=True)
class ReportJob:
    """One report to build; picklable, so it can go to a worker process."""

    stem: str
    lang: str
    title: str
    notebook: Path
    display_name: str
    parameters: dict
    effective_parameters: dict | None
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

    if job.effective_parameters is None:  # left to the worker by a build with servers
        job = replace(job, effective_parameters=_check_parameters(job))
    take_worker_stages()  # a failed report's stages are not counted
    result = _named_errors(job, _build, job)
    result.stages = take_worker_stages()
    return result


def _check_parameters(job: ReportJob) -> dict:
    from analysis_lib.publish.execute import check_parameters

    return check_parameters(job.notebook, job.parameters, job.display_name, job.kernel_name)


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
