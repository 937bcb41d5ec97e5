"""Run the benchmark sections, repeat them, and collect the rows of the table."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from analysis_lib import paths
from analysis_lib.bench import measure
from analysis_lib.bench.table import Row
from analysis_lib.exceptions import must_be_one_of
from analysis_lib.publish import servers
from analysis_lib.vocabulary import LANGS

SECTIONS = ("build", "floor", "rebuild", "importer", "metrics")
FULL_ROWS = 1_000_000
QUICK_ROWS = 2_000
# Targets as upper bounds on measured / baseline (the no-op one in seconds).
BUILD_VS_NAIVE = 1 / 4
BUILD_VS_FLOOR = 1.5
BUILD_VS_IN_PROCESS = 3.0
NO_OP_SECONDS = 1.0
ONE_NOTEBOOK_SECONDS = 3.0
METRICS_VS_PANDAS = 1.3


@dataclass
class BenchOptions:
    """What to time and where.

    ``quick`` times one notebook in English, one workbook and a small table
    (for tests); ``sections`` picks among :data:`SECTIONS`.
    """

    repeat: int = 3
    quick: bool = False
    sections: tuple[str, ...] = SECTIONS
    work_dir: Path | None = None
    notebooks_dir: Path = paths.NOTEBOOKS_DIR
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    kernel_name: str = paths.KERNEL_NAME
    pdf: bool = True
    rows: int | None = None
    seed: int = 0


def _notebooks(options: BenchOptions) -> list[Path]:
    from analysis_lib.publish.pipeline import discover

    found = discover(Path(options.notebooks_dir))
    return found[:1] if options.quick else found


def _languages(options: BenchOptions) -> tuple[str, ...]:
    return LANGS[:1] if options.quick else LANGS


def run_bench(options: BenchOptions) -> list[Row]:
    """Run the selected sections ``options.repeat`` times; return the rows (medians).

    Raises
    ------
    ParameterError
        An unknown section.
    """
    for section in options.sections:
        if section not in SECTIONS:
            raise must_be_one_of("--sections", section, SECTIONS)
    work = Path(options.work_dir or paths.build_dir() / "bench").resolve()
    work.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    wanted = set(options.sections)
    if wanted & {"build", "floor", "rebuild"}:
        rows += _build_rows(options, work, wanted)
    if "importer" in wanted:
        rows += _importer_rows(options)
    if "metrics" in wanted:
        rows += _metrics_rows(options, work)
    return rows


def _build_rows(options: BenchOptions, work: Path, wanted: set[str]) -> list[Row]:
    notebooks = _notebooks(options)
    languages = _languages(options)
    reports = len(notebooks) * len(languages)
    source = work / "notebooks"
    shutil.rmtree(source, ignore_errors=True)
    source.mkdir(parents=True)
    for notebook in notebooks:
        shutil.copyfile(notebook, source / notebook.name)
    scratch = work / "full"
    cores = max(1, min(options.jobs, os.cpu_count() or 1))
    full, naive, floor, no_op, touched, redrawn, rebuilt = [], [], [], [], [], [], []
    in_process: list[float] = []

    def build(force: bool) -> tuple[float, int]:
        return measure.build(
            source, scratch, jobs=options.jobs, languages=languages, pdf=options.pdf, force=force
        )

    # Memory is sampled in a cold build of its own, not timed: one sample reads
    # /proc for every process (about 0.07 s of CPU), which would slow the timed builds.
    memory = measure.MemorySampler(servers=scratch / "build" / "servers")
    servers.stop_all(scratch / "build")
    shutil.rmtree(scratch, ignore_errors=True)
    with memory:
        build(force=True)
    for attempt in range(options.repeat):
        # A cold build starts its build servers too: none is left from the run before.
        servers.stop_all(scratch / "build")
        shutil.rmtree(scratch, ignore_errors=True)
        full.append(build(force=True)[0])
        # Right after the full build: another engineer's code edit would make every
        # report stale (the library hash), and the "no-op" would rebuild them all.
        if "rebuild" in wanted:
            noop_seconds, built = build(force=False)
            no_op.append(noop_seconds)
            rebuilt.append(built)
            measure.touch_notebook(source / notebooks[0].name, f"run {attempt}")
            touched.append(build(force=False)[0])
            # The same, for an edit that changes its figures: none is in the figure cache.
            measure.touch_notebook(source / notebooks[0].name, f"run {attempt}, redrawn")
            shutil.rmtree(paths.figure_cache_dir(scratch / "build"), ignore_errors=True)
            redrawn.append(build(force=False)[0])
        servers.stop_all(scratch / "build")  # nothing of the build runs beside the loops below
        if "build" in wanted:
            naive.append(
                measure.naive_loop(
                    [source / n.name for n in notebooks],
                    work / "naive",
                    languages=languages,
                    kernel_name=options.kernel_name,
                    pdf=options.pdf,
                )
            )
        if "floor" in wanted:
            kernel = measure.kernel_floor(options.kernel_name)
            prints = 0.0
            if options.pdf:
                html = scratch / "reports" / languages[0] / f"{notebooks[0].stem}.html"
                prints = measure.pdf_print(html, work / "floor.pdf")
            floor.append((kernel + prints) * reports / cores)
            in_process.append(
                measure.in_process_floor(
                    [source / n.name for n in notebooks],
                    work / "in-process",
                    languages=languages,
                    env=_floor_env(scratch),
                )
                / cores
            )
    what = f"{len(notebooks)} notebooks x {len(languages)} languages, jobs {options.jobs}"
    what += f"; {memory.summary()}"
    rows = [Row("build", "full cold build", full, note=what)]
    if naive:
        rows.append(
            Row("build", "full cold build", full, "naive CLI loop", naive, ("<=", BUILD_VS_NAIVE))
        )
    if floor:
        note = f"(kernel + imports + 1 PDF) x {reports} / {cores} cores"
        rows.append(
            Row("floor", "full cold build", full, "floor", floor, ("<=", BUILD_VS_FLOOR), note)
        )
    if in_process:
        note = f"notebooks' own code in one warm process / {cores} cores"
        rows.append(
            Row(
                "floor",
                "full cold build",
                full,
                "in-process floor",
                in_process,
                ("<=", BUILD_VS_IN_PROCESS),
                note,
            )
        )
    if no_op:
        note = f"rebuilt {max(rebuilt)}: code changed meanwhile" if any(rebuilt) else ""
        rows.append(Row("rebuild", "no-op rebuild", no_op, target=("<", NO_OP_SECONDS), note=note))
        note = f"{notebooks[0].stem}: {len(languages)} report(s)"
        rows.append(
            Row(
                "rebuild",
                "one notebook touched",
                touched,
                target=("<", ONE_NOTEBOOK_SECONDS),
                note=note,
            )
        )
        rows.append(
            Row(
                "rebuild",
                "one notebook touched, figures redrawn",
                redrawn,
                target=("<", ONE_NOTEBOOK_SECONDS),
                note=f"{note}; its figures not in the figure cache",
            )
        )
    return rows


def _floor_env(scratch: Path) -> dict:
    """The environment the build gives kernels, for the in-process floor."""
    from analysis_lib.publish.pipeline import source_date_epoch

    return {
        "SOURCE_DATE_EPOCH": str(source_date_epoch()),
        "MATPLOTLIBRC": str(paths.MATPLOTLIBRC),
        "ANALYSIS_LIB_BUILD_DIR": str(scratch / "build"),
        "ANALYSIS_LIB_DATA_DIR": str(paths.data_dir()),
        "PYTHONHASHSEED": "0",
    }


def _importer_rows(options: BenchOptions) -> list[Row]:
    from analysis_lib.importers.dots import default_workbooks

    workbooks = default_workbooks()
    workbooks = workbooks[:1] if options.quick else workbooks
    calamine = [measure.importer(workbooks, "calamine") for _ in range(options.repeat)]
    openpyxl = [measure.importer(workbooks, "openpyxl") for _ in range(options.repeat)]
    note = f"{len(workbooks)} DOTS workbook(s)"
    return [Row("importer", "calamine", calamine, "openpyxl", openpyxl, note=note)]


def _metrics_rows(options: BenchOptions, work: Path) -> list[Row]:
    from analysis_lib.bench import scale, synthetic

    rows_wanted = options.rows or (QUICK_ROWS if options.quick else FULL_ROWS)
    countries = synthetic.countries_for_rows(rows_wanted)
    table = synthetic.bilateral_table(countries, seed=options.seed)
    data_dir = synthetic.write_data_dir(work / "synthetic-data", table)
    timings: dict[str, tuple[list[float], list[float]]] = {}
    for _ in range(options.repeat):
        for step, (package, plain) in scale.run(data_dir).items():
            runs = timings.setdefault(step, ([], []))
            runs[0].append(package)
            runs[1].append(plain)
    note = f"{len(table):,} rows, {countries} countries"
    rows = []
    for step, (package, plain) in timings.items():
        is_metric = not step.startswith(("load", "validate"))
        target = ("<=", METRICS_VS_PANDAS) if is_metric else None
        rows.append(Row("metrics", step, package, "plain pandas", plain, target, note))
    return rows


def context(options: BenchOptions) -> dict:
    """Return the run's options and machine context for the JSON file."""
    return {
        **measure.environment(),
        "repeat": options.repeat,
        "quick": options.quick,
        "sections": list(options.sections),
        "jobs": options.jobs,
    }
