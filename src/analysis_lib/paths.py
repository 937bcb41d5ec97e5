"""Every path the project uses, computed from the package location.

Nothing here depends on the current working directory, so a notebook opened in
JupyterLab, executed by papermill or by pytest resolves the same files.
Three environment variables move whole trees, for tests and CI checks:
``ANALYSIS_LIB_DATA_DIR`` (the data package), ``ANALYSIS_LIB_BUILD_DIR`` and
``ANALYSIS_LIB_ARTICLE_DIR`` (the article's text).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parents[1]

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
TESTS_DIR = PROJECT_ROOT / "tests"
GOLDEN_DIR = TESTS_DIR / "golden"
LOCK_FILE = PROJECT_ROOT / "requirements.lock"
TEMPLATES_DIR = PACKAGE_DIR / "templates"
MATPLOTLIBRC = PACKAGE_DIR / "matplotlibrc"

# The official workbooks live outside the repository and are never committed.
REFERENCE_DIR = PROJECT_ROOT.parent / "shared" / "reference"
RAW_DOTS_DIR = REFERENCE_DIR / "imf-dots"
ARTICLE_DIR = REFERENCE_DIR / "article"

KERNEL_NAME = "analysis-lib"


def data_dir() -> Path:
    """Return the data package folder, honouring ``ANALYSIS_LIB_DATA_DIR``."""
    override = os.environ.get("ANALYSIS_LIB_DATA_DIR")
    return Path(override).resolve() if override else PROJECT_ROOT / "data"


def build_dir() -> Path:
    """Return the build folder for executed notebooks and logs."""
    override = os.environ.get("ANALYSIS_LIB_BUILD_DIR")
    return Path(override).resolve() if override else PROJECT_ROOT / "build"


def template_cache_dir(build_root: Path) -> Path:
    """Return where a build keeps nbconvert's compiled templates for the next build."""
    return Path(build_root) / "cache" / "templates"


def figure_cache_dir(build_root: Path) -> Path:
    """Return where a build keeps the files of the figures it drew (the figure cache)."""
    return Path(build_root) / "cache" / "figures"


def article_dir() -> Path:
    """Return the folder of the article's text, honouring ``ANALYSIS_LIB_ARTICLE_DIR``."""
    override = os.environ.get("ANALYSIS_LIB_ARTICLE_DIR")
    return Path(override).resolve() if override else ARTICLE_DIR


def datapackage_path(root: Path | None = None) -> Path:
    """Return the Frictionless descriptor of a data folder (default: the project's)."""
    return (root or data_dir()) / "datapackage.json"
