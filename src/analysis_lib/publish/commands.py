"""Sub-commands of the publish concern: ``build``, ``check``, ``golden`` and the notebook filter.

Only argparse here: the pipeline is imported when the command runs, and it
imports papermill and nbconvert only when a report is stale.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from analysis_lib import paths
from analysis_lib.arguments import positive_int
from analysis_lib.publish import servers
from analysis_lib.vocabulary import LANGS


def register(subparsers) -> None:
    """Add this concern's sub-commands to the CLI."""
    parser = subparsers.add_parser(
        "build",
        help="execute the notebooks and build the HTML/PDF reports (incremental)",
        description=(
            "Execute each notebook per language with papermill and convert it to HTML "
            "and PDF in reports/. Only reports whose inputs changed are rebuilt."
        ),
    )
    parser.add_argument(
        "--jobs", type=positive_int, default=os.cpu_count() or 1, help="notebooks run at once"
    )
    parser.add_argument("--lang", choices=(*LANGS, "all"), default="all")
    parser.add_argument("--only", nargs="+", metavar="STEM", default=[], help="notebook stems")
    parser.add_argument("--notebooks-dir", type=Path, default=paths.NOTEBOOKS_DIR)
    parser.add_argument("--reports-dir", type=Path, default=paths.REPORTS_DIR)
    parser.add_argument("--build-dir", type=Path, default=None, help="default: build/")
    parser.add_argument(
        "--start-year", type=int, default=None, help="first year shown (default: each notebook's)"
    )
    parser.add_argument(
        "--end-year", type=int, default=None, help="last year shown (default: each notebook's)"
    )
    parser.add_argument(
        "--source", default=None, help="trade series, e.g. gacc (default: each notebook's)"
    )
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    parser.add_argument("--no-pdf", action="store_true", help="HTML only")
    parser.add_argument(
        "--no-wait",
        action="store_true",
        help="refuse, instead of waiting, when another build holds the build folder",
    )
    parser.add_argument(
        "--timeout", type=positive_int, default=300, help="per-cell timeout in seconds"
    )
    parser.add_argument(
        "--timings",
        action="store_true",
        help="print the time spent per stage (kernels, cells, HTML, PDF ...) to stderr",
    )
    parser.add_argument(
        "--no-servers",
        action="store_true",
        help="start the warm kernel parent and the browser for this build only "
        "(default: keep them for the next build; ANALYSIS_LIB_SERVERS=0 does the same)",
    )
    parser.set_defaults(handler=run_build)
    _register_servers(subparsers)
    _register_check(subparsers)
    _register_notebook_hygiene(subparsers)


def run_build(args: argparse.Namespace) -> int:
    """Run the build for parsed CLI arguments; return the exit code."""
    from analysis_lib.publish.pipeline import LANGUAGES, BuildOptions, build
    from analysis_lib.publish.timings import ENV_VAR

    if args.timings:
        os.environ[ENV_VAR] = "1"
    build(
        BuildOptions(
            notebooks_dir=args.notebooks_dir,
            reports_dir=args.reports_dir,
            build_dir=args.build_dir,
            languages=LANGUAGES if args.lang == "all" else (args.lang,),
            only=tuple(args.only),
            jobs=args.jobs,
            force=args.force,
            pdf=not args.no_pdf,
            timeout=args.timeout,
            wait=not args.no_wait,
            parameters=notebook_parameters(args),
            servers=servers.enabled() and not args.no_servers,
        )
    )
    return 0


def _register_servers(subparsers) -> None:
    parser = subparsers.add_parser(
        "servers",
        help="show or stop the build servers (warm kernel parent, browser) of a build folder",
        description=(
            "A build from the command line keeps its warm kernel parent and its browser "
            "running for the next build, until they are idle for "
            f"{servers.DEFAULT_IDLE_SECONDS:g} s ({servers.IDLE_ENV}). "
            "'status' lists them; 'stop' ends them."
        ),
    )
    parser.add_argument("action", choices=("status", "stop"))
    parser.add_argument("--build-dir", type=Path, default=None, help="default: build/")
    parser.set_defaults(handler=run_servers)


def run_servers(args: argparse.Namespace) -> int:
    """Print or stop the build servers of a build folder; return the exit code."""
    root = (args.build_dir or paths.build_dir()).resolve()
    if args.action == "stop":
        stopped = servers.stop_all(root)
        print(f"stopped: {', '.join(stopped)}" if stopped else f"no build server runs in {root}")
        return 0
    for server in servers.servers(root):
        state = "running" if server.running() else "not running"
        print(f"{server.role}: {state} ({server.address})")
    return 0


def notebook_parameters(args: argparse.Namespace) -> dict:
    """Return the notebook parameters given on the command line (years, source)."""
    given = {"start_year": args.start_year, "end_year": args.end_year, "source": args.source}
    return {name: value for name, value in given.items() if value is not None}


def _register_check(subparsers) -> None:
    for name, summary, text in (
        (
            "check",
            "prove the reports still say what they said (CI reproducibility check)",
            "Build every report from clean into build/check, compare the recorded values "
            "and audit verdicts with tests/golden, build again and compare byte for byte, "
            "check the links of index.html and open the reports in headless Chromium. "
            "reports/ is not touched.",
        ),
        (
            "golden",
            "rewrite tests/golden from a fresh build and show what changed",
            "Build every report from clean into build/golden, print how the values and "
            "audit verdicts differ from tests/golden, then rewrite tests/golden.",
        ),
    ):
        parser = subparsers.add_parser(name, help=summary, description=text)
        parser.add_argument(
            "--jobs", type=positive_int, default=os.cpu_count() or 1, help="notebooks run at once"
        )
        parser.add_argument("--notebooks-dir", type=Path, default=paths.NOTEBOOKS_DIR)
        parser.add_argument("--golden-dir", type=Path, default=paths.GOLDEN_DIR)
        parser.add_argument(
            "--work-dir", type=Path, default=None, help=f"scratch folder; default: build/{name}"
        )
        parser.add_argument(
            "--timeout", type=positive_int, default=300, help="per-cell timeout in seconds"
        )
        parser.set_defaults(handler=run_check if name == "check" else run_golden)


def _check_options(args: argparse.Namespace):
    from analysis_lib.publish.check import CheckOptions

    return CheckOptions(
        notebooks_dir=args.notebooks_dir,
        golden_dir=args.golden_dir,
        work_dir=args.work_dir,
        jobs=args.jobs,
        timeout=args.timeout,
    )


def run_check(args: argparse.Namespace) -> int:
    """Run the reproducibility check; exit code 1 when a step failed."""
    from analysis_lib.publish import check

    return 0 if check.run_check(_check_options(args)).ok else 1


def run_golden(args: argparse.Namespace) -> int:
    """Rewrite tests/golden from a fresh build."""
    from analysis_lib.publish import check

    check.run_golden(_check_options(args))
    return 0


def _register_notebook_hygiene(subparsers) -> None:
    lint = subparsers.add_parser(
        "lint-notebooks",
        help="fail when a committed notebook carries outputs or front-end metadata",
        description="Check every notebook as git would commit it (the staged version; outside "
        "git, the files): no outputs, no execution counts, no metadata a front end writes "
        "(language_info, ...). Prints one line per offending notebook.",
    )
    lint.add_argument("--root", type=Path, default=paths.PROJECT_ROOT, help=argparse.SUPPRESS)
    lint.set_defaults(handler=run_lint_notebooks)

    install = subparsers.add_parser(
        "install-notebook-filter",
        help="configure the git filter that strips notebooks when they are staged",
        description="Set git's filter.nbstripout.clean in this checkout (.gitattributes names "
        "the filter): nbstripout drops outputs, execution counts and front-end metadata "
        "when a notebook is staged, so running one in JupyterLab leaves git status clean.",
    )
    install.add_argument("--root", type=Path, default=paths.PROJECT_ROOT, help=argparse.SUPPRESS)
    install.add_argument(
        "--python",
        type=Path,
        default=Path(sys.executable),
        help="interpreter with nbstripout (default: this one)",
    )
    install.set_defaults(handler=run_install_notebook_filter)


def run_lint_notebooks(args: argparse.Namespace) -> int:
    """Print one line per committed notebook with front-end state; exit 1 if any."""
    from analysis_lib.publish.notebook_content import lint

    problems = lint(args.root)
    for line in problems:
        print(line)
    return 1 if problems else 0


def run_install_notebook_filter(args: argparse.Namespace) -> int:
    """Configure the filter; say so, or that there is no git checkout to configure."""
    from analysis_lib.publish.notebook_content import install_filter

    command = install_filter(args.root, args.python)
    if command is None:
        print(f"{args.root}: not a git checkout; no notebook filter to install")
    return 0
