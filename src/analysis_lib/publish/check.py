"""``python -m analysis_lib check``: prove the reports still say what they said.

Five steps, each reported on its own:

1. build every report from clean into ``build/check/run-1/reports`` (a
   scratch folder: the user's ``reports/`` is never touched);
2. compare every recorded value and every audit verdict with the golden files
   in ``tests/golden/``, exactly, naming the input whose hash changed;
3. build again from clean into ``build/check/run-2/reports`` and compare every
   file byte for byte (both runs sit at the same depth, so the relative paths
   in the manifests are equal);
4. every ``href``/``src`` of ``index.html`` resolves to a file;
5. open ``index.html`` and every reader report in headless Chromium, at a
   phone's width (390 px) and a laptop's (1280 px): no console error, no failed
   request, no network request, no page wider than the window, no prose line
   wider than about 70 characters (:mod:`analysis_lib.publish.layout`);
   screenshots at both widths go to ``build/check/screenshots``.

``python -m analysis_lib golden`` builds once (into ``build/golden``) and
rewrites ``tests/golden`` from it, printing the same diff.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TextIO
from urllib.parse import unquote, urlsplit

from analysis_lib import paths
from analysis_lib.exceptions import AnalysisLibError
from analysis_lib.publish import golden, manifest, pipeline
from analysis_lib.publish.pipeline import LANGUAGES, BuildOptions, build

STEPS = 5


@dataclass
class CheckOptions:
    """What to check and where; every path can be moved (tests check tiny trees)."""

    notebooks_dir: Path = paths.NOTEBOOKS_DIR
    data_dir: Path | None = None
    golden_dir: Path = paths.GOLDEN_DIR
    work_dir: Path | None = None
    languages: tuple[str, ...] = LANGUAGES
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    timeout: int = 300
    pdf: bool = True
    second_build: bool = True
    browser: bool = True
    out: TextIO | None = None


@dataclass
class StepResult:
    """The outcome of one step: a summary, detail lines and one line per failure."""

    title: str
    summary: str = ""
    details: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


@dataclass
class CheckResult:
    """Every step's outcome; ``ok`` when no step failed."""

    steps: list[StepResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every step passed."""
        return not self.failures

    @property
    def failures(self) -> list[str]:
        """Every failure line, prefixed with its step."""
        return [f"{step.title}: {line}" for step in self.steps for line in step.failures]


def _display(path: Path) -> str:
    try:
        return Path(path).resolve().relative_to(paths.PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


@contextmanager
def _data_dir_env(data_dir: Path):
    """Point ``ANALYSIS_LIB_DATA_DIR`` at ``data_dir`` (the index's audit summary reads it)."""
    previous = os.environ.get("ANALYSIS_LIB_DATA_DIR")
    os.environ["ANALYSIS_LIB_DATA_DIR"] = str(data_dir)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("ANALYSIS_LIB_DATA_DIR", None)
        else:
            os.environ["ANALYSIS_LIB_DATA_DIR"] = previous


def fresh_build(options: CheckOptions, run_dir: Path) -> Path:
    """Build every report from clean into ``run_dir/reports``; return that folder.

    Raises
    ------
    BuildError, SystemDependencyError
        As :func:`analysis_lib.publish.pipeline.build`.
    """
    run_dir = Path(run_dir)
    shutil.rmtree(run_dir, ignore_errors=True)
    data_dir = Path(options.data_dir or paths.data_dir()).resolve()
    build_options = BuildOptions(
        notebooks_dir=Path(options.notebooks_dir),
        reports_dir=run_dir / "reports",
        build_dir=run_dir / "work",
        data_dir=data_dir,
        languages=tuple(options.languages),
        jobs=options.jobs,
        force=True,
        pdf=options.pdf,
        timeout=options.timeout,
        out=options.out,
    )
    with _data_dir_env(data_dir):
        build(build_options)
    return run_dir / "reports"


def _files(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def differing_files(first: Path, second: Path) -> list[str]:
    """Return one line per file that differs between two folders (or is in one only)."""
    a, b = _files(Path(first)), _files(Path(second))
    lines = []
    for name in sorted(set(a) | set(b)):
        if name not in b:
            lines.append(f"{name}: only in the first build")
        elif name not in a:
            lines.append(f"{name}: only in the second build")
        elif manifest.sha256_file(a[name]) != manifest.sha256_file(b[name]):
            lines.append(f"{name}: differs between the two builds")
    return lines


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.links += [value for name, value in attrs if name in ("href", "src") and value]


def broken_links(page: Path) -> tuple[int, list[str]]:
    """Return how many ``href``/``src`` links a page has, and one line per broken one.

    A link is fine when it is a fragment, a ``data:`` URL, or a relative path
    to an existing file; anything else (including ``http:``) is broken.
    """
    parser = _LinkParser()
    parser.feed(Path(page).read_text(encoding="utf-8"))
    broken = []
    for link in parser.links:
        parts = urlsplit(link)
        if link.startswith("#") or parts.scheme == "data":
            continue
        if parts.scheme or parts.netloc:
            broken.append(f"{link}: not a local file")
            continue
        target = Path(page).parent / unquote(parts.path)
        if not target.is_file():
            broken.append(f"{link}: no such file")
    return len(parser.links), broken


def _step_golden(options: CheckOptions, reports_dir: Path, data_dir: Path) -> StepResult:
    step = StepResult("golden values")
    new = golden.collect(reports_dir, data_dir)
    old = golden.load(options.golden_dir)
    where = _display(options.golden_dir)
    if not old:
        step.failures.append(f"{where}: no golden files; create them with: make golden")
        return step
    diffs = golden.compare(old, new)
    step.details = golden.format_diff(diffs, where)
    step.failures = [diff.summary(where) for diff in diffs if diff.failed]
    values = sum(len(golden.leaves(document)) for document in new.values())
    step.summary = f"{values} values in {len(new)} documents compared with {where}"
    return step


def _step_links(reports_dir: Path) -> StepResult:
    step = StepResult("index links")
    index = reports_dir / "index.html"
    if not index.is_file():
        step.failures.append(f"{_display(index)}: not built")
        return step
    count, broken = broken_links(index)
    step.failures = [f"index.html: {line}" for line in broken]
    step.summary = f"{count} links in index.html"
    return step


def pages_to_open(reports_dir: Path, languages) -> list[Path]:
    """Return ``index.html`` and every reader report of ``languages``, by language then stem."""
    state = manifest.load(reports_dir)
    pages = [reports_dir / "index.html"]
    for lang in languages:
        keys = sorted(key for key, entry in state["reports"].items() if entry["lang"] == lang)
        pages += [reports_dir / f"{key}.html" for key in keys]
    return pages


def _step_browser(options: CheckOptions, reports_dir: Path, work_dir: Path) -> StepResult:
    from analysis_lib.publish.browser import check_pages

    step = StepResult("browser")
    shots = work_dir / "screenshots"
    shutil.rmtree(shots, ignore_errors=True)
    pages = pages_to_open(reports_dir, options.languages)
    try:
        checks = check_pages(pages, shots, base=reports_dir)
    except AnalysisLibError as error:  # no Chromium, or it hung: a failed step, not a crash
        step.failures.append(str(error))
        step.summary = "Chromium did not check the pages"
        return step
    for check in checks:
        step.failures += check.problems()
        state = "ok" if not check.problems() else f"{len(check.problems())} problem(s)"
        step.details.append(f"{check.where}: {state}; screenshot {_display(check.screenshot)}")
    opened = sorted({check.viewport.width for check in checks if check.viewport})
    widths = " and ".join(f"{width} px" for width in opened)
    step.summary = f"{len(pages)} pages opened in headless Chromium at {widths}"
    return step


def _checkout_state() -> dict[str, str]:
    return {"commit": pipeline.build_commit(), "library": manifest.library_hash()}


def _checkout_moved(before: dict[str, str], after: dict[str, str]) -> str:
    """Say how the checkout changed during the check (a new commit, edited code), if it did."""
    if before["commit"] != after["commit"]:
        return f"the commit changed ({before['commit'][:10]} -> {after['commit'][:10]})"
    if before["library"] != after["library"]:
        return "the library code changed"
    return ""


def _print_step(number: int, step: StepResult, seconds: float, out: TextIO) -> None:
    state = "ok" if not step.failures else "FAILED"
    print(f"[{number}/{STEPS}] {step.title}: {state} ({step.summary}; {seconds:.0f} s)", file=out)
    for line in step.details:
        print(f"    {line}", file=out)
    out.flush()


def run_check(options: CheckOptions | None = None) -> CheckResult:
    """Run the five steps of the module docstring and print a short report per step.

    Parameters
    ----------
    options : CheckOptions, optional
        Defaults check the project's notebooks against ``tests/golden``.

    Returns
    -------
    CheckResult
        Every step's outcome (``ok`` when all passed).

    Raises
    ------
    BuildError, SystemDependencyError
        A build failed or Chromium is missing: the check cannot go on.
    """
    options = options or CheckOptions()
    out = options.out or sys.stdout
    work_dir = Path(options.work_dir or paths.build_dir() / "check").resolve()
    data_dir = Path(options.data_dir or paths.data_dir()).resolve()
    result = CheckResult()
    checkout: dict[str, str] = {}

    def timed(number: int, run) -> StepResult:
        started = time.monotonic()
        step = run()
        result.steps.append(step)
        _print_step(number, step, time.monotonic() - started, out)
        return step

    def first_build() -> StepResult:
        shutil.rmtree(work_dir, ignore_errors=True)
        checkout.update(_checkout_state())
        reports = fresh_build(options, work_dir / "run-1")
        count = len(manifest.load(reports)["reports"])
        return StepResult("build from clean", f"{count} reports in {_display(reports)}")

    def second_build() -> StepResult:
        step = StepResult("second build, byte for byte")
        if not options.second_build:
            step.summary = "skipped"
            return step
        second = fresh_build(options, work_dir / "run-2")
        step.failures = differing_files(first, second)
        moved = _checkout_moved(checkout, _checkout_state())
        if step.failures and moved:
            step.failures.insert(0, f"{moved} between the two builds: rerun on a quiet checkout")
        files = len(_files(first))
        step.summary = f"{files} files compared with {_display(second)}"
        return step

    def browser() -> StepResult:
        if not options.browser:
            return StepResult("browser", "skipped")
        return _step_browser(options, first, work_dir)

    print(f"check: scratch folder {_display(work_dir)} (reports/ is not touched)", file=out)
    timed(1, first_build)
    first = work_dir / "run-1" / "reports"
    timed(2, lambda: _step_golden(options, first, data_dir))
    timed(3, second_build)
    timed(4, lambda: _step_links(first))
    timed(5, browser)
    if result.ok:
        print(f"check passed: {STEPS} steps", file=out)
    else:
        print(f"check FAILED: {len(result.failures)} problem(s)", file=out)
        for line in result.failures:
            print(f"  {line}", file=out)
    return result


def run_golden(options: CheckOptions | None = None) -> list[golden.DocumentDiff]:
    """Build from clean, print how the golden values change, and rewrite ``tests/golden``.

    Returns
    -------
    list of DocumentDiff
        The differences between the old golden files and the new ones.
    """
    options = options or CheckOptions()
    out = options.out or sys.stdout
    work_dir = Path(options.work_dir or paths.build_dir() / "golden").resolve()
    data_dir = Path(options.data_dir or paths.data_dir()).resolve()
    reports = fresh_build(options, work_dir)
    documents = golden.collect(reports, data_dir)
    where = _display(options.golden_dir)
    diffs = golden.compare(golden.load(options.golden_dir), documents)
    for line in golden.format_diff(diffs, where):
        print(line, file=out)
    touched = golden.save(options.golden_dir, documents)
    if touched:
        print(f"golden: {len(touched)} file(s) written or removed in {where}", file=out)
    else:
        print(f"golden: {where} unchanged ({len(documents)} files)", file=out)
    return diffs
