"""A report's figure files, drawn, or copied when the same figure was drawn before.

Drawing is most of what a notebook costs: laying out, rendering and saving
the wide PNG and SVG and the narrow PNG of one figure takes about 0.4 s, the
figure's artists about 0.03 s. A build therefore keeps every figure's files
in ``<build>/cache/figures/<key>/``, where the key is a hash of:

- both renditions' artists before any drawing, with their data, text, sizes
  and styles (a pickle, transforms without their id-keyed parent links), and
  the narrow rendition's width and legends;
- matplotlib's settings when the figure is saved;
- the library's code, the locked packages' hashes and the tool versions
  (:func:`analysis_lib.publish.manifest.shared_inputs`);
- every font file matplotlib knows, by path, size and modification time.

A figure whose key is in the cache is not drawn: its files are copied, byte
for byte what drawing would write. The build sets :data:`CACHE_ENV` for its
kernels and empties the cache when it is forced (``build --force``, ``make
check``); outside a build (JupyterLab) every figure is drawn.
"""

from __future__ import annotations

import copyreg
import functools
import hashlib
import io
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CACHE_ENV = "ANALYSIS_LIB_FIGURE_CACHE"
MAX_ENTRIES = 500  # figures kept; the least recently used go first
_FILES = ("wide.png", "wide.svg", "narrow.png")


def cache_dir() -> Path | None:
    """The figure cache of the running build (``ANALYSIS_LIB_FIGURE_CACHE``), or None."""
    folder = os.environ.get(CACHE_ENV, "").strip()
    return Path(folder) if folder else None


class _KeyPickler(pickle.Pickler):
    """Pickles a figure the same way in every process.

    A transform keeps its parents in a dict keyed by ``id()``: a memory
    address. The links to the children, which place every artist, remain.
    """

    def reducer_override(self, obj):
        from matplotlib.transforms import TransformNode

        if isinstance(obj, TransformNode):
            state = obj.__getstate__()
            state.pop("_parents", None)
            return copyreg.__newobj__, (type(obj),), state
        return NotImplemented


@functools.cache
def render_inputs() -> bytes:
    """Return what this process renders with and cannot change: library, packages, fonts.

    Computed once a process (a warm kernel parent does it for its kernels).
    """
    from matplotlib import font_manager

    from analysis_lib.publish import manifest

    fonts = []
    for font in sorted({entry.fname for entry in font_manager.fontManager.ttflist}):
        try:
            status = os.stat(font)
        except OSError:
            continue
        fonts.append((font, status.st_size, status.st_mtime_ns))
    return repr((sorted(manifest.shared_inputs().items()), fonts)).encode("utf-8")


def figure_key(*parts: object) -> str | None:
    """Return the cache key of a figure made of ``parts`` (figures, sizes), or None.

    None when the parts do not pickle (such a figure is always drawn).
    """
    import matplotlib

    stream = io.BytesIO()
    try:
        _KeyPickler(stream, protocol=5).dump(parts)
    except Exception:  # an artist holding a lambda, a file, a generator
        return None
    digest = hashlib.sha256(render_inputs())
    settings = sorted((name, repr(value)) for name, value in matplotlib.rcParams.items())
    digest.update(repr(settings).encode("utf-8"))
    digest.update(stream.getvalue())
    return digest.hexdigest()


def _load(folder: Path, key: str) -> dict[str, bytes] | None:
    entry = folder / key
    try:
        files = {name: (entry / name).read_bytes() for name in _FILES}
        os.utime(entry)
    except OSError:
        return None
    return files


def _store(folder: Path, key: str, files: dict[str, Path]) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(prefix=".new-", dir=folder))
        for name, path in files.items():
            shutil.copyfile(path, temporary / name)
        try:
            os.rename(temporary, folder / key)
        except OSError:  # another report stored the same figure first
            shutil.rmtree(temporary, ignore_errors=True)
        _prune(folder)
    except OSError:
        pass  # a cache that cannot be written only costs time


def _prune(folder: Path) -> None:
    entries = [path for path in folder.iterdir() if not path.name.startswith(".")]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda path: path.stat().st_mtime_ns)
    for path in entries[: len(entries) - MAX_ENTRIES]:
        shutil.rmtree(path, ignore_errors=True)


def clear(folder: Path) -> None:
    """Empty the figure cache in ``folder`` (a forced build draws every figure)."""
    shutil.rmtree(folder, ignore_errors=True)


def save_renditions(draw: Callable[[], object], output_dir, stem: str):
    """Write ``<stem>.png``, ``<stem>.svg`` and ``<stem>.narrow.png``; draw only if needed.

    Parameters
    ----------
    draw : callable
        Returns a new :class:`matplotlib.figure.Figure` on each call; called
        twice, the second time inside :func:`~analysis_lib.plots.rendition.narrow`.
    output_dir : str or path-like
        Folder of the figure files.
    stem : str
        File name of the figure without extension.

    Returns
    -------
    wide : matplotlib.figure.Figure
        The wide rendition (for its alternative text); the caller closes it.
    written : list of pathlib.Path
        The PNG and the SVG.
    narrow_png : pathlib.Path
        The narrow PNG.
    """
    import matplotlib.pyplot as plt

    from analysis_lib.plots import rendition
    from analysis_lib.plots.theme import check_stem, save_figure, write_atomically

    folder = Path(output_dir)
    targets = [folder / f"{stem}.png", folder / f"{stem}.svg", folder / f"{stem}.narrow.png"]
    lookup = _Lookup(cache_dir())
    wide, slim = rendition.draw_renditions(draw, lookup)
    if lookup.files is not None:
        plt.close(slim)
        check_stem(stem)
        folder.mkdir(parents=True, exist_ok=True)
        for target, name in zip(targets, _FILES, strict=True):
            write_atomically(target, lookup.files[name])
        return wide, targets[:2], targets[2]
    written = save_figure(wide, folder, stem)
    (narrow_png,) = save_figure(slim, folder, f"{stem}.narrow", formats=("png",))
    plt.close(slim)
    if lookup.key:
        _store(lookup.cache, lookup.key, dict(zip(_FILES, [*written, narrow_png], strict=True)))
    return wide, written, narrow_png


@dataclass
class _Lookup:
    """Looks a figure up in the cache before its narrow rendition is finished."""

    cache: Path | None
    key: str | None = None
    files: dict[str, bytes] | None = None

    def __call__(self, wide, slim) -> bool:
        from analysis_lib.plots.rendition import narrow_state

        if self.cache is not None:
            self.key = figure_key(wide, slim, *narrow_state())
            self.files = _load(self.cache, self.key) if self.key else None
        return self.files is not None
