"""Print the reader HTML to PDF with the system Chromium (default) or XeLaTeX (optional).

The page is the report's own: its CSS ``@page`` rule (``templates/analysis_lib``)
sets A4, the margins, the running title and the page numbers, so Chromium's
own header and footer (date, file URL) are off. ``<title>`` and ``<html lang>``
become the PDF's title and language.

Chromium ignores SOURCE_DATE_EPOCH; its PDFs differ between runs only in
``/CreationDate`` and ``/ModDate``, which are rewritten here to a value of the
same length derived from SOURCE_DATE_EPOCH, so offsets and xref stay valid.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from analysis_lib.exceptions import BuildError, SystemDependencyError, must_be_one_of

CHROMIUM_CANDIDATES = (Path("/usr/lib/chromium/chromium"), Path("/usr/bin/chromium"))
CHROMIUM_APT = "sudo apt-get install -y chromium fonts-noto-cjk"
LATEX_APT = (
    "sudo apt-get install -y texlive-xetex texlive-fonts-recommended "
    "texlive-plain-generic pandoc librsvg2-bin fonts-noto-cjk"
)
ENGINES = ("chromium", "latex")
# No network at build time: every background service Chromium would contact is off.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-pdf-header-footer",
    "--run-all-compositor-stages-before-draw",
    "--virtual-time-budget=10000",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
_DATE_FIELD = re.compile(rb"/(CreationDate|ModDate) \((D:[^)]*)\)")
# Tagged-PDF structure ids are Chromium's DOM node ids, which can shift by one
# between two prints of the same page; they appear in /ID, /Headers and /IDTree.
_NODE_ID = re.compile(rb"\(node(\d{8})\)")


def pdf_engine() -> str:
    """Return the PDF route chosen by ``PDF_ENGINE`` (``chromium`` by default)."""
    engine = os.environ.get("PDF_ENGINE", "chromium").strip().lower() or "chromium"
    if engine not in ENGINES:
        raise must_be_one_of("PDF_ENGINE", engine, ENGINES)
    return engine


def find_chromium() -> Path | None:
    """Return the system Chromium binary, or None when it is not installed."""
    for candidate in CHROMIUM_CANDIDATES:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def missing_chromium_error() -> SystemDependencyError:
    """Return the error raised after the HTML is built when Chromium is missing."""
    where = ", ".join(str(c) for c in CHROMIUM_CANDIDATES)
    return SystemDependencyError(
        f"Chromium not found at {where}: the HTML reports were built, the PDFs were not; "
        f"install it with: {CHROMIUM_APT}"
    )


def pdf_date(epoch: int, length: int) -> bytes:
    """Return a PDF date string for ``epoch`` (UTC), padded or cut to ``length`` bytes."""
    stamp = time.strftime("D:%Y%m%d%H%M%S", time.gmtime(epoch)).encode("ascii")
    stamp += b"+00'00'"
    return stamp[:length].ljust(length, b"0")


def fix_pdf_dates(data: bytes, epoch: int) -> bytes:
    """Replace the creation and modification dates with fixed same-length values."""

    def replace(match: re.Match) -> bytes:
        value = match.group(2)
        return b"/" + match.group(1) + b" (" + pdf_date(epoch, len(value)) + b")"

    return _DATE_FIELD.sub(replace, data)


def renumber_node_ids(data: bytes) -> bytes:
    """Renumber the tagged-PDF structure ids ``(nodeNNNNNNNN)`` by their rank.

    The mapping keeps the ids' order (the /IDTree stays sorted) and their length
    (the cross-reference offsets stay valid), so two prints whose node ids differ
    only by Chromium's numbering give the same bytes.
    """
    ranks = {old: rank for rank, old in enumerate(sorted(set(_NODE_ID.findall(data))), 1)}
    return _NODE_ID.sub(lambda m: b"(node%08d)" % ranks[m.group(1)], data)


def print_with_chromium(chromium: Path, html_path: Path, pdf_path: Path, epoch: int) -> None:
    """Print ``html_path`` to ``pdf_path`` with headless Chromium, with reproducible dates.

    Raises
    ------
    BuildError
        When Chromium fails or writes no PDF.
    """
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="analysis-lib-chromium-") as profile:
        raw = Path(profile) / "out.pdf"
        command = [
            str(chromium),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={raw}",
            html_path.resolve().as_uri(),
        ]
        try:
            completed = subprocess.run(
                command, capture_output=True, text=True, timeout=180, check=False
            )
        except subprocess.TimeoutExpired:
            raise BuildError(f"{html_path}: Chromium did not print within 180 s") from None
        if completed.returncode != 0 or not raw.exists() or raw.stat().st_size == 0:
            last = (completed.stderr.strip().splitlines() or ["no message"])[-1]
            raise BuildError(
                f"{html_path}: Chromium exited with {completed.returncode} and no PDF: {last}"
            )
        pdf_path.write_bytes(renumber_node_ids(fix_pdf_dates(raw.read_bytes(), epoch)))


def print_in_browser(chromium: Path, html_path: Path, pdf_path: Path, epoch: int) -> None:
    """Print ``html_path`` to ``pdf_path`` in this process's running Chromium.

    Same output as :func:`print_with_chromium` without starting a browser per
    PDF (see :mod:`analysis_lib.publish.printer`).

    Raises
    ------
    BuildError
        When Chromium fails, does not answer, or returns no PDF.
    """
    from analysis_lib.publish.printer import close_shared_printer, shared_printer

    try:
        raw = shared_printer(chromium).print_pdf(html_path)
    except BuildError:
        close_shared_printer()  # the next report starts a new browser
        raise
    if not raw:
        raise BuildError(f"{html_path}: Chromium returned an empty PDF")
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    pdf_path.write_bytes(renumber_node_ids(fix_pdf_dates(raw, epoch)))


def require_latex() -> None:
    """Raise SystemDependencyError (naming the Debian packages) when xelatex is missing."""
    if shutil.which("xelatex") is None:
        raise SystemDependencyError(
            f"PDF_ENGINE=latex needs xelatex, which is not installed; install with: {LATEX_APT}"
        )


def print_with_latex(executed_notebook: Path, pdf_path: Path, title: str) -> None:
    """Convert the executed notebook to PDF with nbconvert's XeLaTeX route.

    Uses the ``analysis_lib_latex`` template (Noto CJK fonts through fontspec,
    so Cyrillic and Chinese glyphs are not dropped).

    Raises
    ------
    SystemDependencyError
        When ``xelatex`` is not installed (names the Debian packages).
    """
    require_latex()
    import nbformat
    from nbconvert import PDFExporter

    from analysis_lib import paths

    nb = nbformat.read(str(executed_notebook), as_version=4)
    nb.metadata["title"] = title
    exporter = PDFExporter(
        template_name="analysis_lib_latex",
        extra_template_basedirs=[str(paths.TEMPLATES_DIR)],
        exclude_input=True,
        latex_count=1,
    )
    body, _ = exporter.from_notebook_node(nb)
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    pdf_path.write_bytes(body)
