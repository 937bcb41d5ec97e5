"""``reports/manifest.json``: what each report was built from, and whether it is stale.

Standard library only: this module decides, in well under a second, that
nothing needs rebuilding. Paths in the manifest are relative to the reports
folder (``../data/x.csv``), so the file does not depend on the checkout path.

Layout::

    {"format": 1,
     "index": {"inputs": "<sha>", "outputs": {"index.html": "<sha>"}},
     "reports": {"en/01-trade": {"lang": "en", "stem": "01-trade", "title": "...",
                 "notebook": "../notebooks/01-trade.ipynb", "pdf": true,
                 "sources": ["gacc"], "outputs": {"en/01-trade.html": "<sha>", ...},
                 "inputs": {"notebook": "<sha>", "parameters": "<sha>",
                            "library": "<sha>", "requirements.lock": "<sha>",
                            "versions": {...}, "data": {"../data/x.csv": "<sha>"}}}}}
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import tempfile
from importlib import metadata
from pathlib import Path

from analysis_lib import paths

MANIFEST_NAME = "manifest.json"
FORMAT = 1
MISSING = "missing"
_CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    """Return the SHA-256 hex digest of a file, or ``"missing"`` if it does not exist."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
    except FileNotFoundError:
        return MISSING
    return digest.hexdigest()


def sha256_json(value: object) -> str:
    """Return the SHA-256 of a value's canonical JSON (sorted keys)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def library_files(package_dir: Path = paths.PACKAGE_DIR) -> list[Path]:
    """Return the files whose change rebuilds every report: package code and templates."""
    files = [p for p in package_dir.rglob("*.py") if "__pycache__" not in p.parts]
    templates = package_dir / "templates"
    if templates.is_dir():
        files += [p for p in templates.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    if (package_dir / "matplotlibrc").exists():
        files.append(package_dir / "matplotlibrc")
    return sorted(set(files))


def library_hash(package_dir: Path = paths.PACKAGE_DIR) -> str:
    """Return one SHA-256 over the relative names and contents of :func:`library_files`."""
    digest = hashlib.sha256()
    for path in library_files(package_dir):
        digest.update(path.relative_to(package_dir).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def tool_versions() -> dict[str, str]:
    """Return the Python, papermill and nbconvert versions (without importing them)."""
    versions = {"python": platform.python_version()}
    for name in ("papermill", "nbconvert"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = MISSING
    return versions


def shared_inputs(lock_file: Path = paths.LOCK_FILE) -> dict:
    """Return the inputs every report shares: library code, lock file, tool versions."""
    return {
        "library": library_hash(),
        "requirements.lock": sha256_file(lock_file),
        "versions": tool_versions(),
    }


def relative(path: Path, base: Path) -> str:
    """Return ``path`` relative to ``base`` in POSIX form (``..`` allowed)."""
    return Path(os.path.relpath(Path(path).resolve(), Path(base).resolve())).as_posix()


def hash_data(files, reports_dir: Path) -> dict[str, str]:
    """Return ``{path relative to reports_dir: sha256}`` for data files."""
    return {relative(Path(f), reports_dir): sha256_file(Path(f)) for f in files}


def report_inputs(notebook_sha: str, parameters: dict, shared: dict, data: dict[str, str]) -> dict:
    """Return the ``inputs`` record of one report."""
    return {
        "notebook": notebook_sha,
        "parameters": sha256_json(parameters),
        **shared,
        "data": dict(sorted(data.items())),
    }


def load(reports_dir: Path) -> dict:
    """Return the manifest in ``reports_dir`` (an empty one if absent or unreadable)."""
    try:
        content = json.loads((reports_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        content = {}
    if content.get("format") != FORMAT:
        content = {}
    content.setdefault("format", FORMAT)
    content.setdefault("reports", {})
    content.setdefault("index", {})
    return content


def dumps(manifest: dict) -> str:
    """Return the manifest text: sorted keys, two-space indent, final newline."""
    return json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to a temporary file next to ``path`` and rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save(reports_dir: Path, manifest: dict) -> None:
    """Write the manifest atomically."""
    write_atomic(reports_dir / MANIFEST_NAME, dumps(manifest))


def is_up_to_date(
    entry: dict | None,
    *,
    notebook_sha: str,
    parameters: dict,
    shared: dict,
    reports_dir: Path,
    want_pdf: bool,
) -> bool:
    """Return True when a report's recorded inputs all match and its outputs all exist.

    The data files are the ones the previous execution read (its read log);
    they are hashed again now.
    """
    if not entry or (want_pdf and not entry.get("pdf")):
        return False
    recorded = entry.get("inputs", {})
    data = {name: sha256_file(reports_dir / name) for name in recorded.get("data", {})}
    if recorded != report_inputs(notebook_sha, parameters, shared, data):
        return False
    return all((reports_dir / name).exists() for name in entry.get("outputs", {}))
