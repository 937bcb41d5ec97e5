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
                 "inputs": {"notebook": "<content sha>", "parameters": "<sha>",
                            "library": "<sha>", "requirements.lock": "<sha>",
                            "versions": {...}, "data": {"../data/x.csv": "<sha>"}}}}}
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import platform
import shutil
import signal
import tempfile
from importlib import metadata
from pathlib import Path

from analysis_lib import paths
from analysis_lib.exceptions import BuildError
from analysis_lib.publish.notebook_content import content_sha

MANIFEST_NAME = "manifest.json"
FORMAT = 1
MISSING = "missing"
_CHUNK = 1 << 20
# Temporary names in the reports folder start with "." and end with this; a
# build killed while publishing leaves some, the next build removes them.
TEMPORARY_SUFFIX = ".tmp"
FAULT_VARIABLE = "ANALYSIS_LIB_FAULT"


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


def notebook_sha(path: Path) -> str:
    """Return the SHA-256 of what a notebook says, or ``"missing"`` if it does not exist.

    Outputs, execution counts and the metadata a front end writes are left
    out (:mod:`analysis_lib.publish.notebook_content`): a notebook opened,
    run and saved in JupyterLab keeps its key, so its reports are not rebuilt.
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return MISSING
    return content_sha(data)


def sha256_json(value: object) -> str:
    """Return the SHA-256 of a value's canonical JSON (sorted keys)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def library_files(package_dir: Path = paths.PACKAGE_DIR) -> list[Path]:
    """Return the files whose change rebuilds every report: code, templates, translations."""
    files = [p for p in package_dir.rglob("*.py") if "__pycache__" not in p.parts]
    files += list(package_dir.glob("locale/*/LC_MESSAGES/*.po"))
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
    except OSError as error:
        raise BuildError(
            f"{reports_dir / MANIFEST_NAME}: cannot be read ({_reason(error)}); "
            "expected the build manifest or no file"
        ) from None
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


def fault_point(name: str) -> None:
    """Kill this process with SIGKILL when ``ANALYSIS_LIB_FAULT`` equals ``name``.

    Test hook: the fault tests use it to die at an exact point of a window
    too short to hit from outside (a manifest write, the middle of publishing).
    """
    if os.environ.get(FAULT_VARIABLE) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def remove_leftovers(reports_dir: Path) -> list[Path]:
    """Delete the temporary files (``.NAME....tmp``) a killed build left; return them."""
    if not reports_dir.is_dir():
        return []
    leftovers = [
        p for p in reports_dir.rglob(f".*{TEMPORARY_SUFFIX}") if p.is_file() and not p.is_symlink()
    ]
    for path in leftovers:
        path.unlink(missing_ok=True)
    return leftovers


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def check_folder(folder: Path, role: str, *, write: bool) -> None:
    """Refuse a ``folder`` that is a file, cannot be created or (with ``write``) written.

    Parameters
    ----------
    folder : Path
        The reports or build folder.
    role : str
        How the user names it, e.g. ``"--reports-dir"``.
    write : bool
        Also create it and write (then delete) a probe file in it.

    Raises
    ------
    BuildError
        One line naming the folder, the option and the system's reason.
    """
    if folder.exists() and not folder.is_dir():
        raise BuildError(f"{folder}: is not a folder; expected a folder for {role}")
    blocker = next((p for p in folder.parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise BuildError(
            f"{folder}: cannot be created, {blocker} is a file; expected a folder for {role}"
        )
    if not write:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".probe.", suffix=TEMPORARY_SUFFIX)
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        raise BuildError(
            f"{folder}: cannot be written ({_reason(error)}); expected a writable folder "
            f"for {role}"
        ) from None


class Publication:
    """Move a build's files into the reports folder in two phases.

    ``prepare_*`` gets every new file ready on the reports folder's file
    system: a staged file on the same one stays where it is; otherwise it is
    copied next to its target under a hidden temporary name. This is where a
    full disk fails; then the temporaries are deleted and the reports folder is
    as it was. ``commit`` renames the files into place (report files, then the
    index, the manifest last) and deletes the outputs that are gone, just
    before the manifest. A build killed during ``commit`` leaves only complete
    files, each from the old or the new build, under the old manifest, so the
    next build redoes those reports; it also deletes leftover temporaries.
    """

    def __init__(self, reports_dir: Path, scratch: Path):
        self.reports_dir = reports_dir
        self.scratch = scratch
        self.prepared: list[tuple[Path, Path]] = []
        self.temporaries: list[Path] = []

    def _failed(self, target: Path, error: OSError) -> BuildError:
        self.abort()
        return BuildError(
            f"{target}: cannot be written ({_reason(error)}); nothing was published, "
            f"{self.reports_dir} is as before"
        )

    def prepare_file(self, name: str, staged: Path) -> None:
        """Get the staged file for ``name`` (relative to the reports folder) ready."""
        target = self.reports_dir / name
        existing = next(p for p in target.parents if p.exists())
        if os.stat(staged).st_dev == os.stat(existing).st_dev:
            self.prepared.append((staged, target))
            return
        temporary = target.with_name(f".{target.name}.publish{TEMPORARY_SUFFIX}")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.temporaries.append(temporary)
            shutil.copyfile(staged, temporary)
        except OSError as error:
            raise self._failed(target, error) from None
        self.prepared.append((temporary, target))

    def prepare_bytes(self, name: str, data: bytes | str) -> None:
        """Get ``data`` ready as the new content of ``name``."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        staged = self.scratch / name
        try:
            staged.parent.mkdir(parents=True, exist_ok=True)
            with open(staged, "wb") as stream:
                stream.write(data[: len(data) // 2])
                stream.flush()
                fault_point(f"write:{name}")
                stream.write(data[len(data) // 2 :])
        except OSError as error:
            raise self._failed(staged, error) from None
        self.prepare_file(name, staged)

    def abort(self) -> None:
        """Delete the temporary copies made in the reports folder."""
        for temporary in self.temporaries:
            temporary.unlink(missing_ok=True)
        self.prepared, self.temporaries = [], []

    def commit(self, removed=()) -> None:
        """Rename every prepared file into place, then delete the ``removed`` outputs."""
        last = [self.reports_dir / "index.html", self.reports_dir / MANIFEST_NAME]
        files = sorted((t for t in self.prepared if t[1] not in last), key=lambda t: t[1])
        files += [t for target in last for t in self.prepared if t[1] == target]
        try:
            for number, (source, target) in enumerate(files):
                if number == len(files) // 2:
                    fault_point("publish")
                if target == last[-1]:
                    self._remove(removed)
                    removed = ()
                    fault_point("rename:manifest.json")
                _rename(source, target)
            self._remove(removed)
        except OSError as error:
            self.abort()
            raise BuildError(
                f"{self.reports_dir}: cannot be updated ({_reason(error)}); rerun the build "
                "to finish (every file there is complete)"
            ) from None
        self.prepared, self.temporaries = [], []

    def _remove(self, names) -> None:
        for name in names:
            path = self.reports_dir / name
            path.unlink(missing_ok=True)
            for parent in path.parents:
                if parent == self.reports_dir or not parent.is_dir() or any(parent.iterdir()):
                    break
                parent.rmdir()


def _rename(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target``; across mount points, copy next to it and rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(source, target)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        temporary = target.with_name(f".{target.name}.publish{TEMPORARY_SUFFIX}")
        try:
            shutil.copyfile(source, temporary)
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)
