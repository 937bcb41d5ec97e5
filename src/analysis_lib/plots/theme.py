"""The package's one figure theme, its fixed colours, and deterministic figure files.

Colours come from the Okabe-Ito palette, which stays distinguishable with the
common colour-vision deficiencies. Each source, partner, country and verdict
keeps one colour in every figure. Text uses Noto Sans CJK (Debian package
``fonts-noto-cjk``), which covers Latin, Cyrillic and Chinese, and falls back to
DejaVu Sans for other scripts such as Arabic and Hebrew.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from analysis_lib.exceptions import ParameterError, SystemDependencyError

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}
PALETTE = [
    OKABE_ITO[name]
    for name in (
        "blue",
        "orange",
        "bluish_green",
        "vermillion",
        "reddish_purple",
        "sky_blue",
        "yellow",
        "black",
    )
]

# China-reported series are warm, partner-reported series cool, the article black.
SOURCE_COLORS = {
    "gacc": OKABE_ITO["vermillion"],
    "imf_dots_cn": OKABE_ITO["orange"],
    "imf_dots_ru": OKABE_ITO["blue"],
    "fcs": OKABE_ITO["sky_blue"],
    "article": OKABE_ITO["black"],
}
# Markers too, so that series stay apart in greyscale print.
SOURCE_MARKERS = {"gacc": "o", "imf_dots_cn": "s", "imf_dots_ru": "^", "fcs": "v", "article": "X"}
PARTNER_COLORS = {
    "CN": OKABE_ITO["vermillion"],
    "RU": OKABE_ITO["blue"],
    "US": OKABE_ITO["reddish_purple"],
    "JP": OKABE_ITO["bluish_green"],
    "KR": OKABE_ITO["orange"],
    "WLD": OKABE_ITO["grey"],
}
COUNTRY_COLORS = {
    "CN": OKABE_ITO["vermillion"],
    "RU": OKABE_ITO["blue"],
    "CN-RU": OKABE_ITO["bluish_green"],
}
VERDICT_COLORS = {
    "consistent": OKABE_ITO["bluish_green"],
    "inconsistent": OKABE_ITO["vermillion"],
    "unverifiable": OKABE_ITO["yellow"],
    "no_data": "#DDDDDD",
}
# Categories of the structure figures take these in their sorted order.
CATEGORY_COLORS = [*PALETTE, "#8C564B", "#BCBD22"]
OTHER_COLOR = "#D9D9D9"

# Matplotlib falls back along this list glyph by glyph only when font.family names
# the fonts themselves (a generic "sans-serif" picks one font): Noto Sans CJK covers
# Latin, Cyrillic and Chinese, DejaVu Sans the scripts it lacks (Arabic, Hebrew).
FONT_FAMILY = ["Noto Sans CJK SC", "Noto Sans CJK JP", "DejaVu Sans"]
PNG_DPI = 150
SVG_HASHSALT = "analysis_lib"
FIGURE_FORMATS = ("png", "svg")

THEME_RC = {
    "font.family": FONT_FAMILY,
    "font.sans-serif": FONT_FAMILY,
    "axes.unicode_minus": True,
    "axes.formatter.use_locale": False,
    "figure.dpi": 100,
    "savefig.dpi": PNG_DPI,
    # SVG text as paths: the file looks the same whatever fonts the reader has.
    "svg.fonttype": "path",
    "svg.hashsalt": SVG_HASHSALT,
    "pdf.fonttype": 42,
    "legend.frameon": True,
    "legend.fontsize": "small",
}

_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def set_theme() -> None:
    """Apply the package's seaborn theme to matplotlib's global settings.

    Idempotent: calling it again gives the same settings. Figure functions call it
    themselves; a notebook calls it once in its first cell for its own plots.

    Raises
    ------
    SystemDependencyError
        Noto Sans CJK is not installed (Debian package ``fonts-noto-cjk``).
    """
    import seaborn as sns

    check_fonts()
    sns.set_theme(context="notebook", style="whitegrid", palette=PALETTE, rc=THEME_RC)


def check_fonts() -> None:
    """Raise SystemDependencyError unless matplotlib finds Noto Sans CJK."""
    from matplotlib import font_manager

    try:
        font_manager.findfont(FONT_FAMILY[0], fallback_to_default=False)
    except ValueError:
        raise SystemDependencyError(
            f"font {FONT_FAMILY[0]!r} not found: install the Debian package fonts-noto-cjk "
            "(make system) and delete matplotlib's font cache"
        ) from None


def save_figure(fig, output_dir: str | os.PathLike, stem: str, *, formats=FIGURE_FORMATS):
    """Write a figure as PNG and SVG, byte-identical for identical figures.

    Each file is written to a temporary name in ``output_dir`` and renamed, so a
    reader never sees half a file. Dates and software versions are left out of the
    files' metadata.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure.
    output_dir : str or path-like
        Existing or new folder (created with its parents).
    stem : str
        File name without extension, e.g. ``"trade_levels"``.
    formats : iterable of str, default ("png", "svg")
        Formats to write, from ``'png'``, ``'svg'``.

    Returns
    -------
    list of pathlib.Path
        The written files, in the order of ``formats``.
    """
    import matplotlib

    check_stem(stem)
    formats = tuple(formats)
    for fmt in formats:
        if fmt not in FIGURE_FORMATS:
            raise ParameterError(
                f"formats must be among {', '.join(map(repr, FIGURE_FORMATS))}; not {fmt!r}"
            )
    folder = Path(output_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    bbox = lay_out(fig)
    with matplotlib.rc_context({"svg.hashsalt": SVG_HASHSALT, "svg.fonttype": "path"}):
        for fmt in formats:
            target = folder / f"{stem}.{fmt}"
            metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
            write_atomically(
                target,
                lambda stream, fmt=fmt, metadata=metadata: fig.savefig(
                    stream, format=fmt, dpi=PNG_DPI, metadata=metadata, bbox_inches=bbox
                ),
            )
            written.append(target)
    return written


def check_stem(stem) -> None:
    """Raise ParameterError unless ``stem`` is a file name of letters, digits, ``_-.``."""
    if not isinstance(stem, str) or not _STEM.fullmatch(stem):
        raise ParameterError(
            f"stem must be a file name of letters, digits, '_', '-' or '.'; not {stem!r}"
        )


def write_atomically(target: Path, content) -> None:
    """Write ``content`` (bytes, or a function writing to a binary stream) to ``target``.

    The file is written under a temporary name in its folder and renamed, so a
    reader never sees half a file; it is readable by everyone, as figures are
    meant to be shared (``mkstemp`` makes owner-only files).
    """
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(content, bytes):
                stream.write(content)
            else:
                content(stream)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def lay_out(fig):
    """Lay ``fig`` out once, at the PNG resolution, and fix that layout; return its tight box.

    ``savefig`` would run the layout engine again for every file (PNG, SVG), each
    time in a dry-run draw. Here one draw at :data:`PNG_DPI` places everything,
    the layout engine is then turned off, and every format is cut to the same
    box: the PNG and the SVG show one layout, whatever ``savefig.bbox`` says.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure; it keeps its final layout and no longer has a layout engine.

    Returns
    -------
    matplotlib.transforms.Bbox
        The tight box around everything drawn, padded by ``savefig.pad_inches``, inches.
    """
    import matplotlib

    dpi = fig.dpi
    if dpi != PNG_DPI:
        fig.set_dpi(PNG_DPI)
    try:
        # A figure last drawn at this resolution and not changed since keeps that layout.
        if fig.stale or dpi != PNG_DPI:
            fig.draw_without_rendering()
        bbox = fig.get_tightbbox(fig.canvas.get_renderer())
    finally:
        if dpi != PNG_DPI:
            fig.set_dpi(dpi)
    fig.set_layout_engine("none")
    pad = matplotlib.rcParams["savefig.pad_inches"]
    return bbox.padded(pad if isinstance(pad, float | int) else 0.1)
