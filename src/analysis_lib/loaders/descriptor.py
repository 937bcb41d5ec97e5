"""The Frictionless descriptor ``data/datapackage.json``: the single source of truth for tables.

Only the standard library is imported here, so the CLI can list tables and
register its commands without loading pandas.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from analysis_lib import paths
from analysis_lib.exceptions import DataFileError, UnknownTableError

# The tables this package loads through ``load_<name>()``; the descriptor may
# describe more (e.g. ``claims``), which ``load_table`` loads as well.
TABLE_NAMES = (
    "sources",
    "dots_trade",
    "customs_totals",
    "heilongjiang_trade",
    "trade_structure",
    "timeline",
    "programme_budgets",
)

FIELD_TYPES = ("string", "integer", "number", "date", "boolean")
# The project's descriptor is 41 KB.
MAX_DESCRIPTOR_BYTES = 4_000_000


def resolve_data_dir(data_dir: Path | str | None = None) -> Path:
    """Return ``data_dir`` as an absolute path, defaulting to ``paths.data_dir()``."""
    return Path(data_dir).resolve() if data_dir is not None else paths.data_dir()


def fingerprint(data_dir: Path | str | None = None) -> str:
    """Return a hash of every file in a data folder: names and bytes.

    Two calls give the same hash exactly when no file of the folder was added,
    removed or changed in between, so a result computed from the folder can be
    kept under it (:func:`analysis_lib.claims.audit.run_audit` does).

    Parameters
    ----------
    data_dir : path-like, optional
        Data folder; default ``analysis_lib.paths.data_dir()``.

    Returns
    -------
    str
        Hex digest; a missing folder hashes as an empty one.
    """
    folder = resolve_data_dir(data_dir)
    digest = hashlib.blake2b(str(folder).encode(), digest_size=16)
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    for path in files:
        digest.update(b"\0" + str(path.relative_to(folder)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_descriptor(data_dir: Path | str | None = None) -> dict:
    """Read and check the data package descriptor of a data folder.

    Parameters
    ----------
    data_dir : path-like, optional
        Folder holding ``datapackage.json``; default ``analysis_lib.paths.data_dir()``
        (``ANALYSIS_LIB_DATA_DIR`` when set).

    Returns
    -------
    dict
        The parsed descriptor.

    Raises
    ------
    DataFileError
        The data folder is not a folder, the descriptor is missing, unreadable
        or not JSON, or a resource lacks a schema or names an unknown field.
    """
    folder = resolve_data_dir(data_dir)
    if folder.exists() and not folder.is_dir():
        raise DataFileError(
            folder, "is not a folder; expected the data folder with datapackage.json"
        )
    path = paths.datapackage_path(folder)
    if not path.is_file():
        raise DataFileError(path, "file not found; expected the data package descriptor")
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_DESCRIPTOR_BYTES + 1)
        if len(raw) > MAX_DESCRIPTOR_BYTES:
            raise DataFileError(
                path,
                f"the file is larger than {MAX_DESCRIPTOR_BYTES // 1_000_000} MB; expected a "
                "data package descriptor",
            )
        descriptor = json.loads(raw.decode("utf-8"))
    except OSError as error:
        raise DataFileError(
            path, f"cannot be read ({error.strerror}); expected a readable file"
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataFileError(path, f"is not valid UTF-8 JSON ({error})") from None
    except RecursionError:
        raise DataFileError(path, "is not valid JSON (nested too deeply)") from None
    if not isinstance(descriptor, dict):
        raise DataFileError(
            path, "must be a JSON object with 'resources'; not a JSON list or value"
        )
    for position, resource in enumerate(descriptor.get("resources", []), start=1):
        _check_resource(path, position, resource)
    return descriptor


def _check_resource(path: Path, position: int, resource: dict) -> None:
    name = resource.get("name", f"#{position}")
    fields = resource.get("schema", {}).get("fields")
    if not fields:
        raise DataFileError(path, f"resource '{name}' must have schema.fields")
    names = {field.get("name") for field in fields}
    for field in fields:
        if field.get("notBefore", field.get("name")) not in names:
            raise DataFileError(
                path,
                f"resource '{name}', field '{field.get('name')}': notBefore must name a field "
                f"of the resource; not {field['notBefore']!r}",
            )
        if field.get("type") not in FIELD_TYPES:
            options = ", ".join(repr(t) for t in FIELD_TYPES)
            raise DataFileError(
                path,
                f"resource '{name}', field '{field.get('name')}': type must be one of "
                f"{options}; not {field.get('type')!r}",
            )


def get_resource(name: str, descriptor: dict) -> dict:
    """Return the resource called ``name``, or raise ``UnknownTableError``."""
    resources = {r.get("name"): r for r in descriptor.get("resources", [])}
    if name not in resources:
        options = ", ".join(repr(n) for n in resources)
        raise UnknownTableError(f"table must be one of {options}; not {name!r}")
    return resources[name]


def field_names(resource: dict) -> list[str]:
    """Return the resource's column names in descriptor order."""
    return [field["name"] for field in resource["schema"]["fields"]]


def primary_key(resource: dict) -> list[str]:
    """Return the primary key fields as a list (the descriptor may give a string)."""
    key = resource["schema"].get("primaryKey", [])
    return [key] if isinstance(key, str) else list(key)
