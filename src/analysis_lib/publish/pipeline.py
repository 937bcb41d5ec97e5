"""Orchestrate the report build: decide what is stale, build it in parallel, publish atomically.

The up-to-date path imports only the standard library and hashes files, so a
no-op build answers in well under a second. Reports are built into
``build/staging``; only when every selected report succeeded are the files
published into ``reports/`` by :class:`manifest.Publication`: first every new
file is made ready on the reports' file system (a full disk fails here, leaving
``reports/`` as it was), then they are renamed into place, the manifest last.
A build killed at any point leaves only complete files in ``reports/``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from analysis_lib import paths
from analysis_lib.exceptions import BuildError, must_be_one_of
from analysis_lib.publish import manifest
from analysis_lib.publish.lock import BuildLock
from analysis_lib.publish.timings import StageClock
from analysis_lib.vocabulary import LANGS as LANGUAGES


@dataclass
class BuildOptions:
    """What to build and where; every path can be moved (tests build into tmp dirs)."""

    notebooks_dir: Path = paths.NOTEBOOKS_DIR
    reports_dir: Path = paths.REPORTS_DIR
    build_dir: Path | None = None
    data_dir: Path | None = None
    languages: tuple[str, ...] = LANGUAGES
    only: tuple[str, ...] = ()
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    force: bool = False
    pdf: bool = True
    timeout: int = 300
    kernel_name: str = paths.KERNEL_NAME
    parameters: dict = field(default_factory=dict)
    lock_file: Path = paths.LOCK_FILE
    out: TextIO | None = None
    wait: bool = True
    servers: bool = False


@dataclass
class BuildSummary:
    """Keys (``<lang>/<stem>``) of the reports built and of those already up to date."""

    built: list[str] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)
    index_written: bool = False


def discover(notebooks_dir: Path, only: tuple[str, ...] = ()) -> list[Path]:
    """Return the notebooks to build (sorted), restricted to the stems in ``only``."""
    if not notebooks_dir.is_dir():
        what = "is not a folder" if notebooks_dir.exists() else "notebooks folder not found"
        raise BuildError(f"{notebooks_dir}: {what}")
    notebooks = sorted(
        p for p in notebooks_dir.glob("*.ipynb") if not p.name.startswith((".", "_"))
    )
    if not notebooks:
        raise BuildError(f"no notebooks NN-*.ipynb in {notebooks_dir}")
    stems = [p.stem for p in notebooks]
    for stem in only:
        if stem not in stems:
            raise must_be_one_of("--only", stem, stems)
    return [p for p in notebooks if not only or p.stem in only]


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(paths.PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=paths.PROJECT_ROOT, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else None


def source_date_epoch() -> int:
    """Return SOURCE_DATE_EPOCH: the environment's, else the last commit's time, else 0."""
    from_env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if from_env.isdigit():
        return int(from_env)
    from_git = _git("log", "-1", "--format=%ct") or ""
    return int(from_git) if from_git.isdigit() else 0


def build_commit() -> str:
    """Return the checked-out commit (``git rev-parse HEAD``), or ``"unknown"``."""
    return _git("rev-parse", "HEAD") or "unknown"


def _index_inputs(reports: dict, shared: dict, data_dir: Path) -> str:
    listing = {
        key: {"title": e.get("title"), "outputs": sorted(e.get("outputs", {}))}
        for key, e in reports.items()
    }
    data = {p.name: manifest.sha256_file(p) for p in sorted(data_dir.glob("*.csv"))}
    return manifest.sha256_json({"reports": listing, "library": shared["library"], "data": data})


@dataclass
class _Plan:
    """What a build found before building: the manifest, the stale reports, the gone ones."""

    state: dict
    shared: dict
    summary: BuildSummary
    stale: list
    gone: list
    index_fresh: bool

    @property
    def nothing_to_do(self) -> bool:
        """True when every report and the index are up to date."""
        return not self.stale and self.index_fresh


def _plan(options: BuildOptions, reports_dir: Path, data_dir: Path) -> _Plan:
    """Compare the notebooks, data and code with the manifest of ``reports_dir``."""
    notebooks = discover(Path(options.notebooks_dir), tuple(options.only))
    state = manifest.load(reports_dir)
    shared = manifest.shared_inputs(options.lock_file)
    summary = BuildSummary()
    stale = []
    for notebook in notebooks:
        notebook_sha = manifest.notebook_sha(notebook)
        for lang in options.languages:
            key = f"{lang}/{notebook.stem}"
            parameters = {
                **options.parameters,
                "lang": lang,
                "output_dir": f"staging/work/{lang}/{notebook.stem}",
            }
            fresh = not options.force and manifest.is_up_to_date(
                state["reports"].get(key),
                notebook_sha=notebook_sha,
                parameters=parameters,
                shared=shared,
                reports_dir=reports_dir,
                want_pdf=options.pdf,
            )
            if fresh:
                summary.up_to_date.append(key)
            else:
                stale.append((notebook, notebook_sha, lang, parameters))

    gone = [
        key
        for key, entry in state["reports"].items()
        if not (reports_dir / entry.get("notebook", "")).is_file()
    ]
    index_fresh = (
        not gone
        and (reports_dir / "index.html").exists()
        and state["index"].get("inputs") == _index_inputs(state["reports"], shared, data_dir)
    )
    return _Plan(state, shared, summary, stale, gone, index_fresh)


def build(options: BuildOptions | None = None) -> BuildSummary:
    """Build the stale reports; see the module docstring for the steps.

    Parameters
    ----------
    options : BuildOptions, optional
        Paths, languages, selection, parallelism. Defaults build everything.

    Returns
    -------
    BuildSummary
        What was built and what was already up to date.

    Raises
    ------
    ParameterError
        A notebook lacks ``lang``/``output_dir`` or gets an unknown parameter.
    BuildError
        A notebook failed: ``reports/`` is left as it was.
    SystemDependencyError
        Chromium is missing (raised after the HTML reports were published).
    """
    from analysis_lib.publish import timings

    options = options or BuildOptions()
    clock, reports = StageClock(), StageClock()
    started = time.perf_counter()
    try:
        return _build(options, clock, reports)
    finally:
        if timings.enabled():
            timings.print_breakdown(clock, reports, time.perf_counter() - started)


def _build(options: BuildOptions, clock: StageClock, reports: StageClock) -> BuildSummary:
    out = options.out or sys.stdout
    reports_dir = Path(options.reports_dir).resolve()
    build_root = Path(options.build_dir or paths.build_dir()).resolve()
    data_dir = Path(options.data_dir or paths.data_dir()).resolve()
    manifest.check_folder(reports_dir, "--reports-dir", write=False)
    manifest.check_folder(build_root, "--build-dir", write=False)
    for lang in options.languages:
        if lang not in LANGUAGES:
            raise must_be_one_of("--lang", lang, LANGUAGES)

    with clock.stage("plan"):
        plan = _plan(options, reports_dir, data_dir)
    if plan.nothing_to_do:
        print(f"reports up to date ({len(plan.summary.up_to_date)} reports)", file=out)
        return plan.summary

    waiting = time.perf_counter()
    with BuildLock(build_root, wait=options.wait) as lock:
        clock.add("lock", time.perf_counter() - waiting)
        if lock.waited:  # the other build may have built what was stale here
            plan = _plan(options, reports_dir, data_dir)
            if plan.nothing_to_do:
                print(f"reports up to date ({len(plan.summary.up_to_date)} reports)", file=out)
                return plan.summary
        state, shared, summary, stale, gone = (
            plan.state,
            plan.shared,
            plan.summary,
            plan.stale,
            plan.gone,
        )
        manifest.remove_leftovers(reports_dir)
        manifest.check_folder(reports_dir, "--reports-dir", write=True)
        built, missing_pdf = _build_stale(stale, options, reports_dir, build_root, out, clock)
        for _, _, result in built:
            reports.merge(result.stages)
        publication = manifest.Publication(reports_dir, build_root / "staging" / "publish")
        removed = []
        for item, job, result in built:
            removed += _stage_report(publication, item, job, result, state, shared)
        summary.built = [job.key for _, job, _ in built]
        for key in gone:
            removed += list(state["reports"].pop(key).get("outputs", {}))
        with clock.stage("index"):
            index_inputs = _index_inputs(state["reports"], shared, data_dir)
            index_missing = not (reports_dir / "index.html").exists()
            if state["index"].get("inputs") != index_inputs or index_missing:
                _stage_index(publication, reports_dir, state, index_inputs, data_dir)
                summary.index_written = True
        with clock.stage("publish"):
            publication.prepare_bytes(manifest.MANIFEST_NAME, manifest.dumps(state))
            publication.commit(removed)
            shutil.rmtree(build_root / "staging", ignore_errors=True)
    print(
        f"built {len(summary.built)} report(s), {len(summary.up_to_date)} up to date"
        f"{', index rewritten' if summary.index_written else ''}: {reports_dir}",
        file=out,
    )
    if missing_pdf is not None:
        raise missing_pdf
    return summary


def _build_stale(stale, options, reports_dir, build_root, out, clock):
    """Build the stale reports into staging; return (stale item, job, result) triples
    and the missing-Chromium error, if any."""
    if not stale:
        return [], None
    from analysis_lib.publish import warm

    env = _kernel_environment(options, build_root)
    with clock.stage("start warm kernel parent"):
        printer_server, remote = None, None
        if options.servers and warm.use_server(build_root, options.kernel_name, env):
            from analysis_lib.publish.servers import Server

            printer_server = Server(build_root, "printer")
            remote = warm.report_builder()
        else:
            warm.start_for_build(options.kernel_name, env)
    try:
        with clock.stage("prepare jobs"):
            jobs, missing_pdf = _jobs(
                stale, options, reports_dir, build_root, env, check=remote is None
            )
        shutil.rmtree(build_root / "staging", ignore_errors=True)
        from analysis_lib.publish.workers import Progress, run_jobs

        progress = Progress(len(jobs), out)
        try:
            with clock.stage("build reports"):
                workers = max(1, min(options.jobs, len(jobs)))
                results = run_jobs(jobs, workers, progress, printer_server, remote)
        finally:
            progress.close()
    finally:
        warm.close_warm_parent()
    built = [(item, job, results[job.key]) for item, job in zip(stale, jobs, strict=True)]
    return built, missing_pdf


def _kernel_environment(options: BuildOptions, build_root: Path) -> dict:
    """Return what the build adds to every kernel's environment."""
    from analysis_lib.plots import figure_cache

    figures = paths.figure_cache_dir(build_root)
    if options.force:
        figure_cache.clear(figures)  # a forced build draws every figure
    return {
        "SOURCE_DATE_EPOCH": str(source_date_epoch()),
        "MATPLOTLIBRC": str(paths.MATPLOTLIBRC),
        "ANALYSIS_LIB_BUILD_DIR": str(build_root),
        "ANALYSIS_LIB_DATA_DIR": str(Path(options.data_dir or paths.data_dir()).resolve()),
        "PYTHONHASHSEED": "0",
        figure_cache.CACHE_ENV: str(figures),
    }


def _jobs(stale, options, reports_dir, build_root, env, check=True):
    """Return the report jobs of the stale reports and the missing-Chromium error, if any.

    With ``check`` the notebooks' parameters are checked here, before any
    worker starts; otherwise the kernel server's forks check them.
    """
    from analysis_lib.publish import pdf
    from analysis_lib.publish.convert import report_title
    from analysis_lib.publish.execute import check_parameters
    from analysis_lib.publish.report import ReportJob

    engine, chromium, missing_pdf = None, None, None
    if options.pdf:
        engine = pdf.pdf_engine()
        if engine == "chromium":
            chromium = pdf.find_chromium()
            if chromium is None:
                missing_pdf = pdf.missing_chromium_error()
                print(f"warning: {missing_pdf}", file=sys.stderr)
        else:
            pdf.require_latex()

    import json

    epoch = int(env["SOURCE_DATE_EPOCH"])
    commit = build_commit()
    data_dir = Path(env["ANALYSIS_LIB_DATA_DIR"])
    jobs = []
    for notebook, _, lang, parameters in stale:
        effective = (
            check_parameters(notebook, parameters, _display(notebook), options.kernel_name)
            if check
            else None
        )
        metadata = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
        jobs.append(
            ReportJob(
                stem=notebook.stem,
                lang=lang,
                title=report_title(metadata, lang, notebook.stem),
                notebook=notebook.resolve(),
                display_name=_display(notebook),
                parameters=parameters,
                effective_parameters=effective,
                build_root=build_root,
                reports_dir=reports_dir,
                env=env,
                kernel_name=options.kernel_name,
                timeout=options.timeout,
                commit=commit,
                epoch=epoch,
                sources_csv=data_dir / "sources.csv",
                pdf_engine=engine if (engine == "latex" or chromium) else None,
                chromium=chromium,
            )
        )
    return jobs, missing_pdf


def _stage_report(publication, item, job, result, state, shared) -> list[str]:
    """Prepare one report's files for publication and record it; return its stale outputs."""
    notebook, notebook_sha, _, parameters = item
    for name in sorted(result.staged):
        publication.prepare_file(name, Path(result.staged[name]))
    old = state["reports"].get(job.key) or {}
    state["reports"][job.key] = {
        "lang": job.lang,
        "stem": job.stem,
        "title": job.title,
        "notebook": manifest.relative(notebook, job.reports_dir),
        "pdf": result.pdf,
        "sources": result.sources,
        "outputs": dict(sorted(result.outputs.items())),
        "inputs": manifest.report_inputs(notebook_sha, parameters, shared, result.data),
    }
    return [name for name in old.get("outputs", {}) if name not in result.outputs]


def _stage_index(
    publication, reports_dir: Path, state: dict, index_inputs: str, data_dir: Path
) -> None:
    from analysis_lib.publish.index import audit_summary, render_index

    page = render_index(reports_dir, state["reports"], audit_summary(data_dir)).encode("utf-8")
    publication.prepare_bytes("index.html", page)
    state["index"] = {
        "inputs": index_inputs,
        "outputs": {"index.html": hashlib.sha256(page).hexdigest()},
    }
