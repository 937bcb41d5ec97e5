"""Write the importer's outputs so that nothing is ever half-written.

Every file goes to a temporary file in the same folder first and then replaces
the target with ``os.replace`` (atomic on one file system), so a reader, an
interrupted run or a parallel build sees the old file or the new one.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from analysis_lib.exceptions import DataFileError


def write_atomic(path: Path, text: str) -> None:
    """Write `text` as UTF-8 with the line endings it has, replacing `path` atomically.

    Parameters
    ----------
    path : Path
        The target file; its folder is created when missing.
    text : str
        The whole content.

    Raises
    ------
    DataFileError
        The target is a folder or cannot be written.
    """
    if path.is_dir():
        raise DataFileError(path, "is a folder; expected a file path to write")
    try:
        _write_atomic(path, text)
    except OSError as error:
        # mkdir and mkstemp fail on the folder: name it when it is not the target.
        detail = error.strerror or str(error)
        if error.filename not in (None, str(path)):
            detail += f": {error.filename}"
        raise DataFileError(
            path, f"cannot be written ({detail}); expected a writable file path"
        ) from None


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes owner-only files; data files are meant to be shared.
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def sha256_of(path: Path) -> str:
    """Return the hexadecimal SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def format_value(value: float) -> str:
    """Format a float as the shortest text that reads back to the same float.

    Positional notation, never an exponent, so the CSV is stable across runs
    and platforms and diffs stay readable.
    """
    import numpy as np

    return np.format_float_positional(value, unique=True, trim="0")


def set_resource_key(descriptor: Path, resource_name: str, resource_path: str, key, value):
    """Set one key of one resource in a ``datapackage.json``, leaving the rest alone.

    Another part of the project owns the rest of the descriptor and may be
    writing it at the same time: the file is read, the one key is set and the
    whole is written back atomically. A missing descriptor or resource is
    created minimal (``{"name": ..., "path": ...}``) for the owner to complete.

    Parameters
    ----------
    descriptor : Path
        The ``datapackage.json`` file.
    resource_name : str
        The ``name`` of the resource to change.
    resource_path : str
        The ``path`` of the resource when it has to be created.
    key : str
        The resource property to set.
    value : object
        Its JSON-serialisable value.

    Raises
    ------
    DataFileError
        The descriptor is not valid JSON or has no ``resources`` list.
    """
    if descriptor.exists():
        try:
            package = json.loads(descriptor.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise DataFileError(
                descriptor, f"is not valid JSON ({error}); expected a Data Package descriptor"
            ) from error
    else:
        package = {"resources": []}
    resources = package.setdefault("resources", []) if isinstance(package, dict) else None
    if not isinstance(resources, list):
        raise DataFileError(descriptor, "'resources' must be a list of resource objects")
    named = (item for item in resources if isinstance(item, dict))
    resource = next((item for item in named if item.get("name") == resource_name), None)
    if resource is None:
        resource = {"name": resource_name, "path": resource_path}
        resources.append(resource)
    resource[key] = value
    write_atomic(descriptor, json.dumps(package, indent=2, ensure_ascii=False) + "\n")
