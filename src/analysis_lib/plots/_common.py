"""Helpers shared by the figure modules: input checks, a themed empty figure, the caption."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from analysis_lib.exceptions import ParameterError
from analysis_lib.params import check_lang
from analysis_lib.plots import rendition
from analysis_lib.plots.labels import caption
from analysis_lib.plots.theme import set_theme

CAPTION_FONTSIZE = 8
# Average Noto Sans glyph at 8 pt is about 1/15 inch wide.
_CAPTION_CHARS_PER_INCH = 15


def require_frame(df, required: Iterable[str], *, figure: str, name: str = "df"):
    """Check that ``df`` is a non-empty DataFrame with the ``required`` columns.

    Parameters
    ----------
    df : object
        The figure function's argument.
    required : iterable of str
        Column names that must be present.
    figure : str
        Figure function name, for the message.
    name : str, default "df"
        Argument name, for the message.

    Returns
    -------
    pandas.DataFrame
        ``df`` itself.
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        kind = type(df).__name__
        raise ParameterError(f"{figure}: {name} must be a pandas DataFrame; not {kind}")
    for column in required:
        if column not in df.columns:
            raise ParameterError(
                f"{figure}: {name} is missing the column {column!r} "
                f"(required: {', '.join(required)})"
            )
    if df.empty:
        raise ParameterError(f"{figure}: {name} has no rows")
    return df


def require_values(df, column: str, allowed, *, figure: str, name: str = "df") -> None:
    """Check that every value of ``df[column]`` is one of ``allowed``."""
    allowed = list(allowed)
    for value in df[column].drop_duplicates():
        if value not in allowed:
            options = ", ".join(repr(a) for a in allowed)
            raise ParameterError(
                f"{figure}: {name} column {column!r} must be one of {options}; not {value!r}"
            )


def numeric(df, column: str, *, figure: str, name: str = "df"):
    """Return ``df[column]`` as floats, or raise naming the first value that is not a number."""
    import pandas as pd

    values = pd.to_numeric(df[column], errors="coerce")
    bad = values.isna() & df[column].notna()
    if bad.any():
        value = df[column][bad].iloc[0]
        raise ParameterError(f"{figure}: {name} column {column!r} must be numeric; not {value!r}")
    return values.astype(float)


def years(df, column: str = "year", *, figure: str, name: str = "df"):
    """Return ``df[column]`` as integers, or raise naming the first value that is not a year."""
    values = numeric(df, column, figure=figure, name=name)
    if values.isna().any() or (values % 1 != 0).any():
        bad = df[column][values.isna() | (values % 1 != 0)].iloc[0]
        raise ParameterError(
            f"{figure}: {name} column {column!r} must hold whole years; not {bad!r}"
        )
    return values.astype(int)


def new_figure(width: float, height: float, **subplots):
    """Return a themed, constrained-layout Figure (not registered with pyplot) and its axes.

    The figure is not kept by pyplot, so figure functions leak nothing; a notebook
    shows it by ending a cell with it (or ``IPython.display.display(fig)``).
    Inside :func:`analysis_lib.plots.rendition.narrow` the size is that of the
    narrow rendition.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    set_theme()
    fig = Figure(figsize=rendition.figure_size(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(**subplots)
    return fig, axes


def add_caption(fig, source_ids, lang: str, sources_df=None, note: str | None = None):
    """Write the source line (after an optional note) at the figure's bottom, clear of the axes.

    Every figure function adds its caption last, so this is also where the tick
    labels take the number typography of ``lang`` (:func:`localize_ticks`).

    Returns
    -------
    matplotlib.text.Text
        The caption artist.
    """
    lang = check_lang(lang)
    localize_ticks(fig, lang)
    width = max(20, int(fig.get_figwidth() * _CAPTION_CHARS_PER_INCH))
    paragraphs = [caption(source_ids, lang, sources_df)]
    if note:
        paragraphs.insert(0, note)
    wrapped = literal("\n".join(textwrap.fill(text, width=width) for text in paragraphs))
    text = fig.text(
        0.01,
        0.01,
        wrapped,
        ha="left",
        va="bottom",
        fontsize=CAPTION_FONTSIZE,
        color="#444444",
        gid="caption",
    )
    reserve_caption_room(fig, text)
    return text


def reserve_caption_room(fig, caption_text) -> None:
    """Keep the figure's bottom free for its caption: call again after resizing the figure."""
    lines = caption_text.get_text().count("\n") + 1
    line_height = CAPTION_FONTSIZE * 1.35 / 72 / fig.get_figheight()
    bottom = 0.015 + lines * line_height
    fig.get_layout_engine().set(rect=(0, bottom, 1, 1 - bottom))


def wrap(text: str, width_inches: float, fontsize_pt: float) -> str:
    """Break ``text`` into lines that fit ``width_inches`` at ``fontsize_pt`` (estimated)."""
    # Average glyph width is about half the font size.
    chars = max(12, int(width_inches * 72 / (fontsize_pt * 0.55)))
    return textwrap.fill(text, width=chars, break_on_hyphens=False)


def title_of(fig, text: str) -> None:
    """Set the figure title above all panels, wrapped to the figure width."""
    size = 13
    # Bold glyphs are wider than the regular average that wrap() assumes.
    wrapped = wrap(text, fig.get_figwidth() * 0.85, size * 1.15)
    fig.suptitle(wrapped, x=0.01, ha="left", fontweight="bold", fontsize=size)


def literal(text: str) -> str:
    """Return ``text`` with every ``$`` escaped, so matplotlib never reads data as mathtext.

    Two dollar signs in a title or a source name would otherwise render as
    math, or raise at draw time when what lies between them is not valid TeX.
    """
    return str(text).replace("$", "\\$")


def wrap_ticks(texts, chars: int = 14) -> list[str]:
    """Break long category tick labels (e.g. "Республика Корея") into lines; ``$`` is literal.

    A narrow rendition wraps shorter (:func:`analysis_lib.plots.rendition.tick_chars`),
    between words only.
    """
    width = rendition.tick_chars(chars)
    whole_words = rendition.is_narrow()
    return [
        literal(
            textwrap.fill(
                text, width=width, break_on_hyphens=False, break_long_words=not whole_words
            )
        )
        for text in texts
    ]


def set_axis_labels(ax, xlabel: str | None, ylabel: str | None) -> None:
    """Set axis labels, wrapped to the axes' estimated size so long Russian labels fit."""
    fig = ax.get_figure()
    size = 11
    # The grid position before layout is close enough to size the text.
    box = ax.get_position()
    if xlabel is not None:
        ax.set_xlabel(wrap(xlabel, box.width * fig.get_figwidth(), size), fontsize=size)
    if ylabel is not None:
        ax.set_ylabel(wrap(ylabel, box.height * fig.get_figheight(), size), fontsize=size)


def place_legend(ax, **kwargs):
    """Put the legend outside the axes on the right, where it cannot hide data.

    A narrow rendition moves it under the axes instead
    (:func:`analysis_lib.plots.rendition.finish`).
    """
    rendition.note_legend(ax, kwargs)
    return ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0, **kwargs)


def localize_ticks(fig, lang: str) -> None:
    """Make every numeric tick label of ``fig`` use the number typography of ``lang``.

    See :func:`analysis_lib.plots.ticks.localize_ticks`.
    """
    from analysis_lib.plots import ticks

    ticks.localize_ticks(fig, lang)
