"""What a notebook says, as opposed to what a front end wrote into it.

JupyterLab writes outputs, execution counts and the kernel's ``language_info``
into a notebook it runs and saves. None of it is what the author wrote, and
none of it changes a report: the build executes the notebook afresh. This
module draws that line once, for four users:

- the build's cache key (:func:`content_sha`): opening, running and saving a
  notebook in JupyterLab rebuilds nothing;
- the Jupyter server's pre-save hook (:func:`strip_before_save`, configured
  for the venv by ``make setup``): JupyterLab saves the notebook without them,
  so running and saving one leaves the file, and ``git status``, as they were;
- the git filter (:func:`filter_command`, installed by ``make setup``):
  nbstripout removes the same things when a notebook from any other tool is
  staged;
- the lint check (:func:`front_end_state`, ``python -m analysis_lib
  lint-notebooks``, part of ``make lint``): a notebook committed with any of
  it fails.

Cell ids and tags are the author's: ids name the cells' anchors in the HTML
reports, tags drive papermill and the exporters. The ``kernelspec`` stays in
the file (JupyterLab opens the notebook with the ``analysis-lib`` kernel) but
is not part of the key: the build runs its own kernel.

Standard library only: the up-to-date build path hashes notebooks with it.
"""

from __future__ import annotations

import hashlib
import json
import shlex
import subprocess
from pathlib import Path

from analysis_lib.exceptions import BuildError

FRONT_END_METADATA = ("language_info", "widgets", "signature")
"""Notebook metadata a front end or kernel writes."""

FRONT_END_CELL_METADATA = (
    "collapsed",
    "scrolled",
    "jupyter",
    "execution",
    "ExecuteTime",
    "heading_collapsed",
    "hidden",
)
"""Cell metadata a front end writes: view state (collapsed, scrolled) and run times."""

KERNEL_METADATA = "kernelspec"
FILTER_NAME = "nbstripout"
ATTRIBUTES_LINE = f"*.ipynb filter={FILTER_NAME}"


def source_text(source: str | list[str]) -> str:
    """Return a cell's source as one string (nbformat stores it as a list of lines)."""
    return source if isinstance(source, str) else "".join(source)


def notebook_content(notebook: dict) -> dict:
    """Return what a notebook says: its cells' types, ids, sources, tags and author metadata.

    Parameters
    ----------
    notebook : dict
        The notebook as read from its JSON.

    Returns
    -------
    dict
        ``{"metadata": ..., "cells": [...]}`` without outputs, execution
        counts, the kernelspec and the metadata of :data:`FRONT_END_METADATA`
        and :data:`FRONT_END_CELL_METADATA`.
    """
    skipped = (*FRONT_END_METADATA, KERNEL_METADATA)
    metadata = {k: v for k, v in notebook.get("metadata", {}).items() if k not in skipped}
    cells = []
    for cell in notebook.get("cells", []):
        said = {
            "cell_type": cell.get("cell_type"),
            "id": cell.get("id"),
            "source": source_text(cell.get("source", "")),
            "metadata": {
                k: v
                for k, v in cell.get("metadata", {}).items()
                if k not in FRONT_END_CELL_METADATA
            },
        }
        if "attachments" in cell:
            said["attachments"] = cell["attachments"]
        cells.append(said)
    return {"metadata": metadata, "cells": cells}


def content_sha(data: bytes) -> str:
    """Return the SHA-256 of a notebook's :func:`notebook_content` (of ``data``, its bytes).

    Text that is not a notebook's JSON is hashed as it is: the build then
    reports the broken notebook when it runs it.
    """
    try:
        notebook = json.loads(data)
    except ValueError:
        notebook = None
    if not isinstance(notebook, dict):
        return hashlib.sha256(data).hexdigest()
    text = json.dumps(
        notebook_content(notebook), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def front_end_state(notebook: dict) -> list[str]:
    """Return what a front end wrote into ``notebook``, one phrase per kind; empty if clean.

    Parameters
    ----------
    notebook : dict
        The notebook as read from its JSON.

    Returns
    -------
    list of str
        For example ``["outputs in 3 cells", "execution counts in 3 cells",
        "metadata.language_info"]``.
    """
    cells = notebook.get("cells", [])
    counts = {
        "outputs": sum(bool(cell.get("outputs")) for cell in cells),
        "execution counts": sum(cell.get("execution_count") is not None for cell in cells),
    }
    for key in FRONT_END_CELL_METADATA:
        counts[f"cell metadata {key!r}"] = sum(key in cell.get("metadata", {}) for cell in cells)
    found = [f"{what} in {n} cell{'s' if n > 1 else ''}" for what, n in counts.items() if n]
    metadata = notebook.get("metadata", {})
    return found + [f"metadata.{key}" for key in FRONT_END_METADATA if key in metadata]


def strip(notebook: dict) -> dict:
    """Remove what a front end wrote from ``notebook`` (in place) and return it.

    The same as the git filter's nbstripout: no outputs, no execution counts,
    none of the front-end metadata keys; ids, tags and the kernelspec stay.
    """
    for key in FRONT_END_METADATA:
        notebook.get("metadata", {}).pop(key, None)
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in FRONT_END_CELL_METADATA:
            cell.get("metadata", {}).pop(key, None)
    return notebook


def strip_before_save(model: dict, **_context) -> None:
    """Jupyter server pre-save hook: write notebooks to disk as :func:`strip` leaves them.

    Configured for the venv's Jupyter servers by ``make setup``
    (``ContentsManager.pre_save_hook``). JupyterLab keeps showing the outputs
    it has; the file keeps the author's bytes, so a notebook run and saved
    leaves ``git status`` clean (the git filter alone cannot: git takes a file
    whose size changed for modified without asking the filter).
    """
    if model.get("type") == "notebook" and isinstance(model.get("content"), dict):
        strip(model["content"])


def filter_command(python: str) -> str:
    """Return the git clean filter: nbstripout keeping cell ids, dropping the front-end keys.

    Parameters
    ----------
    python : str
        The interpreter that has nbstripout; a path relative to the top of
        the work tree (git runs filters there) or absolute.
    """
    keys = [f"metadata.{key}" for key in FRONT_END_METADATA]
    keys += [f"cell.metadata.{key}" for key in FRONT_END_CELL_METADATA]
    return (
        f"{shlex.quote(python)} -m nbstripout --keep-id --extra-keys {shlex.quote(' '.join(keys))}"
    )


def _git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except OSError as error:
        raise BuildError(f"git: cannot run ({error.strerror}); expected git on PATH") from None
    if check and done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BuildError(f"git {' '.join(args)}: {message[-1] if message else 'failed'}")
    return done


def work_tree(folder: Path) -> Path | None:
    """Return the top of the git work tree holding ``folder``, or None outside git."""
    try:
        done = _git(folder, "rev-parse", "--show-toplevel", check=False)
    except BuildError:
        return None
    top = done.stdout.decode("utf-8").strip()
    return Path(top) if done.returncode == 0 and top else None


def install_filter(folder: Path, python: Path) -> str | None:
    """Configure the git clean filter of ``.gitattributes`` in the checkout holding ``folder``.

    Parameters
    ----------
    folder : Path
        A folder of the checkout.
    python : Path
        The interpreter that has nbstripout; written relative to the work
        tree when inside it, so every work tree of the repository finds its own.

    Returns
    -------
    str or None
        The command configured, or None outside a git checkout (nothing to do).
    """
    top = work_tree(folder)
    if top is None:
        return None
    python = Path(python).absolute()
    try:
        shown = python.relative_to(top.resolve()).as_posix()
    except ValueError:
        shown = str(python)
    command = filter_command(shown)
    _git(top, "config", f"filter.{FILTER_NAME}.clean", command)
    return command


def committed_notebooks(root: Path) -> dict[str, bytes]:
    """Return ``{path: bytes}`` of every notebook as it would be committed.

    In a git checkout: the tracked ``*.ipynb`` files as staged (the index,
    after the clean filter), not the work tree, where JupyterLab may have
    saved outputs that git does not see. Outside git: every ``*.ipynb`` under
    ``root`` except in hidden and build folders.
    """
    top = work_tree(root)
    if top is None:
        skip = {"build", "reports", "node_modules"}
        found = sorted(
            p
            for p in root.rglob("*.ipynb")
            if not any(part.startswith(".") or part in skip for part in p.relative_to(root).parts)
        )
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in found}
    names = _git(top, "ls-files", "-z", "--", "*.ipynb").stdout.decode("utf-8").split("\0")
    return {name: _git(top, "show", f":{name}").stdout for name in names if name}


def lint(root: Path) -> list[str]:
    """Return one line per committed notebook that carries outputs or front-end metadata.

    Parameters
    ----------
    root : Path
        The project folder (in a git checkout, its whole repository is checked).
    """
    problems = []
    for name, data in committed_notebooks(root).items():
        try:
            notebook = json.loads(data)
        except ValueError as error:
            problems.append(f"{name}: not a notebook's JSON ({error})")
            continue
        found = front_end_state(notebook) if isinstance(notebook, dict) else ["no JSON object"]
        if found:
            problems.append(
                f"{name}: committed with {', '.join(found)}; expected none: run `make setup` "
                f"(installs the git filter that strips them), then `git add --renormalize {name}`"
            )
    return problems
