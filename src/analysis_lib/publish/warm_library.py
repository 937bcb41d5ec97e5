"""What a warm kernel parent does once for all its kernels: the library's own start.

A notebook's first cells import the library, draw with the package's fonts,
validate the data tables, load the Russian catalog and run the audit: about
0.3 s a kernel that every kernel used to pay again. The warm parent
(:mod:`analysis_lib.publish.warm_parent`) calls :func:`prepare` after its
third-party imports, and every kernel forked from it starts with all of that
done. Nothing kept this way can go stale: the library and its catalogs are
part of the kernel server's key (a changed file starts a new server), the
validated tables are kept by their exact text and the audit by the
fingerprint of the data folder (:func:`analysis_lib.claims.audit.run_audit`),
so a kernel reading a changed file computes afresh, and the read log still
names every file a report read. The figure cache's fixed inputs
(:func:`analysis_lib.plots.figure_cache.render_inputs`) hash the library,
the lock file and the fonts the parent loaded.
"""

from __future__ import annotations

from pathlib import Path

# What the notebooks' code imports from the library, never the building and publishing code.
LIBRARY_PACKAGES = ("stories", "views", "claims", "loaders", "plots", "metrics", "article")
LIBRARY_MODULES = ("phrases", "i18n", "record", "params", "vocabulary", "paths")
# Every glyph range the figures draw: Latin, Cyrillic, Chinese, the typographic signs.
_SAMPLE_TEXT = "Trade 0123456789 − , % Товарооборот «г.» 中俄贸易 ≈ → ·"


def library_modules() -> list[str]:
    """Return the analysis_lib modules a warm parent imports for its kernels."""
    root = Path(__file__).resolve().parent.parent
    names = [f"analysis_lib.{name}" for name in LIBRARY_MODULES]
    for package in LIBRARY_PACKAGES:
        names.append(f"analysis_lib.{package}")
        names += [
            f"analysis_lib.{package}.{path.stem}"
            for path in sorted((root / package).glob("*.py"))
            if path.stem not in ("__init__", "__main__", "commands")
        ]
    return names


def prepare() -> list[str]:
    """Import the library and do its shared start; return one line per step that failed.

    A step that fails is left to the kernels, which meet the same error in the
    notebook and report it with its cell.
    """
    import importlib

    failed = []
    steps = [(name, lambda name=name: importlib.import_module(name)) for name in library_modules()]
    steps += [("fonts", _draw_with_the_fonts), ("data", _load_the_data), ("catalogs", _catalogs)]
    steps.append(("figure cache", _figure_cache_inputs))
    for name, step in steps:
        try:
            step()
        except Exception as error:
            failed.append(f"{name}: {type(error).__name__}: {error}")
    return failed


def _draw_with_the_fonts() -> None:
    import io

    import matplotlib
    import matplotlib.pyplot as plt

    from analysis_lib.plots.theme import PNG_DPI, set_theme

    # The fonts stay loaded; the settings go back, so a kernel starts with matplotlib's own.
    with matplotlib.rc_context():
        set_theme()
        fig, ax = plt.subplots(figsize=(2, 1), layout="constrained")
        ax.set_title(_SAMPLE_TEXT)
        ax.set_xlabel(_SAMPLE_TEXT, fontsize="small")
        fig.savefig(io.BytesIO(), format="png", dpi=PNG_DPI)
        plt.close(fig)


def _load_the_data() -> None:
    from analysis_lib.claims.audit import TABLE_SOURCES, run_audit
    from analysis_lib.loaders import load_table, read_descriptor
    from analysis_lib.loaders.descriptor import resolve_data_dir
    from analysis_lib.loaders.tables import CACHE_MAX_CHARS

    folder = resolve_data_dir()
    for resource in read_descriptor().get("resources", []):
        path = folder / str(resource.get("path", ""))
        if path.is_file() and path.stat().st_size <= CACHE_MAX_CHARS:  # larger ones are not kept
            load_table(resource["name"])
    for source in ("all", *TABLE_SOURCES):
        run_audit(source=source)


def _figure_cache_inputs() -> None:
    from analysis_lib.plots.figure_cache import render_inputs

    render_inputs()


def _catalogs() -> None:
    from analysis_lib.i18n import translator
    from analysis_lib.vocabulary import LANGS

    for lang in LANGS:
        translator(lang)
