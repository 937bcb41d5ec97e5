"""Record a notebook's key values and cited sources into ``values.json``.

Notebooks call ``Recorder(output_dir).value("growth_2023_pct", 26.3)``; the
build copies ``output_dir/values.json`` next to the report, and the CI check
compares it with the golden values. The file is rewritten atomically after
every call, with sorted keys, so the same notebook run gives the same bytes.

Layout of ``values.json``::

    {"sources": ["gacc-2023", ...], "values": {"name": value, ...}}
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from pathlib import Path

from analysis_lib.exceptions import ParameterError

VALUES_FILE = "values.json"
_NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


def output_folder(output_dir: str | os.PathLike, fallback_name: str = "interactive") -> Path:
    """Return the folder for a notebook's figures and values, creating it.

    Parameters
    ----------
    output_dir : str or path-like
        The notebook's ``output_dir`` parameter. Empty means "not run by the
        build": the folder ``build_dir()/notebook-output/<fallback_name>`` is used.
    fallback_name : str
        Sub-folder used when ``output_dir`` is empty, usually the notebook stem.

    Returns
    -------
    pathlib.Path
        The existing folder.
    """
    if str(output_dir):
        folder = Path(output_dir)
    else:
        from analysis_lib import paths

        folder = paths.build_dir() / "notebook-output" / fallback_name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _plain(name: str, value: object) -> object:
    """Return ``value`` as plain JSON data (numpy scalars unwrapped), or raise."""
    if hasattr(value, "item") and callable(value.item) and getattr(value, "shape", None) == ():
        value = value.item()
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ParameterError(f"recorded value '{name}' must be a finite number; not {value!r}")
        return value
    if isinstance(value, list | tuple):
        return [_plain(name, item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(name, item) for key, item in value.items()}
    raise ParameterError(
        f"recorded value '{name}' must be a number, string, bool, None, list or dict; "
        f"not {type(value).__name__}"
    )


def read_values(output_dir: str | os.PathLike) -> dict:
    """Return the content of ``output_dir/values.json`` (empty lists/dicts if absent).

    Parameters
    ----------
    output_dir : str or path-like
        Folder holding ``values.json``.

    Returns
    -------
    dict
        ``{"sources": [...], "values": {...}}``.
    """
    path = Path(output_dir) / VALUES_FILE
    if not path.exists():
        return {"sources": [], "values": {}}
    content = json.loads(path.read_text(encoding="utf-8"))
    return {"sources": list(content.get("sources", [])), "values": dict(content.get("values", {}))}


def _write(folder: Path, content: dict) -> None:
    text = json.dumps(content, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".values-", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text + "\n")
    os.replace(temporary, folder / VALUES_FILE)


class Recorder:
    """Append key values and cited source ids to ``output_dir/values.json``.

    Parameters
    ----------
    output_dir : str or path-like
        The notebook's ``output_dir`` parameter (empty: see :func:`output_folder`).
    fallback_name : str
        Folder name used when ``output_dir`` is empty.
    """

    def __init__(self, output_dir: str | os.PathLike, fallback_name: str = "interactive"):
        self.folder = output_folder(output_dir, fallback_name)

    def value(self, name: str, value: object) -> object:
        """Record ``value`` under ``name`` (replacing an earlier one) and return it."""
        if not isinstance(name, str) or not _NAME_PATTERN.match(name):
            raise ParameterError(
                f"recorded value name must match {_NAME_PATTERN.pattern}; not {name!r}"
            )
        content = read_values(self.folder)
        content["values"][name] = _plain(name, value)
        _write(self.folder, content)
        return value

    def sources(self, ids) -> None:
        """Record the source ids the notebook cites (merged with earlier ones, sorted).

        Returns None, so that a last line ``recorder.sources([...])`` prints
        nothing into the report.
        """
        if isinstance(ids, str):
            ids = [ids]
        content = read_values(self.folder)
        merged = sorted(set(content["sources"]) | {str(source_id) for source_id in ids})
        content["sources"] = merged
        _write(self.folder, content)


def record_value(output_dir: str | os.PathLike, name: str, value: object) -> object:
    """Record one value into ``output_dir/values.json`` and return it.

    Parameters
    ----------
    output_dir : str or path-like
        The notebook's ``output_dir`` parameter.
    name : str
        Value name: letters, digits, ``_``, ``.``, ``-``.
    value : object
        A finite number, string, bool, None, or a list/dict of those.
    """
    return Recorder(output_dir).value(name, value)


def record_sources(output_dir: str | os.PathLike, ids) -> None:
    """Record cited source ids into ``output_dir/values.json``."""
    Recorder(output_dir).sources(ids)
