"""A second, narrow rendition of each figure, for phones.

A figure drawn for a laptop or paper (8-11 inches wide, legend beside the plot)
shrinks on a phone's 358 CSS px column to a third of its size: its 8-11 pt text
becomes 4-6 px. The narrow rendition is the same figure function run again
inside :func:`narrow`: the shared helpers of :mod:`analysis_lib.plots._common`
then draw it :data:`NARROW_WIDTH` inches wide and wrap category labels in
proportion, and :func:`finish` moves every legend that
:func:`~analysis_lib.plots._common.place_legend` put beside a plot to just under
it, and makes the figure as much taller as the legends and the wrapped labels
need. At 358 px its text shows at 9-13 px.

:func:`draw_renditions` draws both; the report shows the narrow one on narrow
screens only (``<picture>``), so laptops and paper are unchanged.
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

# A phone's column is about 358 CSS px = 3.7 in at 96 px/in: 4.2 in shows at 0.89 scale.
NARROW_WIDTH = 4.2
# Category labels wrapped shorter than this stop being words.
MIN_TICK_CHARS = 10
# Gap between a plot's lowest label and its legend, inches.
LEGEND_GAP = 0.08
# Legend handle, padding and frame: the rest of the width is for the label text, inches.
LEGEND_CHROME = 0.75


@dataclass
class _Narrow:
    width: float
    ratio: float = 1.0
    legends: dict = field(default_factory=dict)


_STATE: ContextVar[_Narrow | None] = ContextVar("analysis_lib_narrow_rendition", default=None)
# Growing the figure until the labels of a category axis stop colliding: at most this often.
_MAX_GROWTH_STEPS = 6


@contextmanager
def narrow(width: float = NARROW_WIDTH):
    """Draw the figures made inside this block as narrow renditions.

    Parameters
    ----------
    width : float
        Figure width in inches; figures asked for narrower keep their width.
    """
    token = _STATE.set(_Narrow(width=float(width)))
    try:
        yield
    finally:
        _STATE.reset(token)


def narrow_state() -> tuple:
    """Return what :func:`finish` reads besides the figure: width, scale, legends to move."""
    state = _STATE.get()
    if state is None:
        return ()
    return state.width, state.ratio, list(state.legends.values())


def is_narrow() -> bool:
    """True inside :func:`narrow`."""
    return _STATE.get() is not None


def figure_size(width: float, height: float) -> tuple[float, float]:
    """Return the size to draw a figure asked for as ``width`` x ``height`` inches.

    Unchanged outside :func:`narrow`; inside, the width is at most the narrow
    width (:func:`finish` adds the height the narrow layout needs).
    """
    state = _STATE.get()
    if state is None:
        return width, height
    narrow_width = min(width, state.width)
    state.ratio = narrow_width / width
    state.legends = {}
    return narrow_width, height


def tick_chars(chars: int) -> int:
    """Return the line length for category labels a figure function wraps at ``chars``."""
    state = _STATE.get()
    if state is None or state.ratio >= 1:
        return chars
    return max(MIN_TICK_CHARS, min(chars, round(chars * state.ratio)))


def note_legend(ax, kwargs: dict) -> None:
    """Remember a legend placed beside ``ax`` so that :func:`finish` can move it under."""
    state = _STATE.get()
    if state is not None:
        state.legends[id(ax)] = (ax, dict(kwargs))


def _move_legend_under(fig, ax, kwargs: dict, renderer) -> None:
    from matplotlib.transforms import ScaledTranslation, blended_transform_factory

    old = ax.get_legend()
    # The labels under the plot (ticks, axis label) keep their height whatever the layout.
    below = (ax.get_window_extent(renderer).y0 - ax.get_tightbbox(renderer).y0) / fig.dpi
    place = blended_transform_factory(fig.transFigure, ax.transAxes) + ScaledTranslation(
        0, -(max(below, 0.0) + LEGEND_GAP), fig.dpi_scale_trans
    )
    size = old.get_texts()[0].get_fontsize() if old.get_texts() else 10
    chars = max(MIN_TICK_CHARS, int((fig.get_figwidth() - LEGEND_CHROME) * 72 / (size * 0.55)))
    labels = [
        textwrap.fill(t.get_text(), width=chars, break_long_words=False) for t in old.get_texts()
    ]
    columns = 2 if labels and max(len(t) for t in labels) <= chars // 2 - 2 else 1
    options = {k: v for k, v in kwargs.items() if k not in ("handles", "labels", "ncols")}
    ax.legend(
        old.legend_handles,
        labels,
        loc="upper left",
        bbox_to_anchor=(0.01, 0),
        bbox_transform=place,
        borderaxespad=0,
        ncols=columns,
        **options,
    )


def _crowding(ax, renderer) -> float:
    """Return how many times taller the axes must be for its y tick labels not to collide."""
    boxes = sorted(
        (t.get_window_extent(renderer) for t in ax.get_yticklabels() if t.get_text()),
        key=lambda box: box.y0,
    )
    worst = 1.0
    for low, high in itertools.pairwise(boxes):
        spacing = (high.y0 + high.y1) / 2 - (low.y0 + low.y1) / 2
        needed = (low.height + high.height) / 2 + 2
        if spacing > 0:
            worst = max(worst, needed / spacing)
    return worst


def _grow_crowded_rows(fig, renderer) -> float:
    """Give each crowded row of plots the height its labels need; return the inches to add.

    The rows' height ratios become their new heights, so that a row whose
    labels do not collide keeps its height.
    """
    wanted: dict = {}
    for ax in fig.axes:
        spec = ax.get_subplotspec()
        if spec is None:
            continue
        height = ax.get_window_extent(renderer).height / fig.dpi
        grown = height * (1 + (_crowding(ax, renderer) - 1) * 1.05)
        key = (id(spec.get_gridspec()), spec.rowspan.start)
        old, new = wanted.get(key, (0.0, 0.0))
        wanted[key] = (max(old, height), max(new, grown))
    extra = sum(new - old for old, new in wanted.values())
    if extra <= 0.01:
        return 0.0
    grids = {
        id(ax.get_subplotspec().get_gridspec()): ax.get_subplotspec().get_gridspec()
        for ax in fig.axes
        if ax.get_subplotspec() is not None
    }
    for grid_id, grid in grids.items():
        rows = [wanted.get((grid_id, row)) for row in range(grid.nrows)]
        if grid.nrows > 1 and all(rows):
            grid.set_height_ratios([new for _, new in rows])
    return extra


def _reserve_caption_room(fig) -> None:
    from analysis_lib.plots._common import reserve_caption_room

    for text in fig.texts:
        if text.get_gid() == "caption":
            reserve_caption_room(fig, text)


def _draw(fig):
    fig.draw_without_rendering()
    return fig.canvas.get_renderer()


def _collide(boxes) -> bool:
    return any(
        a.x0 < b.x1 - 1 and b.x0 < a.x1 - 1 and a.y0 < b.y1 - 1 and b.y0 < a.y1 - 1
        for a, b in itertools.combinations(boxes, 2)
    )


def _turn_crowded_texts(ax, renderer) -> bool:
    """Slant x tick labels that collide; turn upright the value labels over bars that do.

    Returns True if a text was turned (the figure needs drawing again).
    """
    ticks = [t for t in ax.get_xticklabels() if t.get_text()]
    slanted = _collide([t.get_window_extent(renderer) for t in ticks])
    if slanted:
        for tick in ticks:
            tick.set_rotation(45)
            tick.set_horizontalalignment("right")
            tick.set_rotation_mode("anchor")
    over_bars = [
        t
        for t in ax.texts
        if t.get_text() and t.get_ha() == "center" and t.get_va() in ("bottom", "baseline")
    ]
    upright = _collide([t.get_window_extent(renderer) for t in over_bars])
    if upright:
        for text in over_bars:
            text.set_rotation(90)
        _make_headroom(ax, over_bars)
    return slanted or upright


def _make_headroom(ax, texts) -> None:
    """Raise the top of the y axis so that ``texts`` stay inside the plot."""
    renderer = _draw(ax.get_figure())
    top = ax.get_window_extent(renderer).y1
    highest = max(t.get_window_extent(renderer).y1 for t in texts)
    if highest > top:
        x0 = ax.get_window_extent(renderer).x0
        _, new_top = ax.transData.inverted().transform((x0, top + (highest - top) * 1.1 + 2))
        ax.set_ylim(top=new_top)


def _rewrap_axis_labels(fig, renderer, axes=("x", "y")) -> bool:
    """Wrap the axis labels to the axes' final size; return True if one changed."""
    from analysis_lib.plots._common import wrap

    changed = False
    for ax in fig.axes:
        box = ax.get_window_extent(renderer)
        for name in axes:
            label = ax.xaxis.label if name == "x" else ax.yaxis.label
            length = (box.width if name == "x" else box.height) / fig.dpi
            text = label.get_text()
            if not text or length <= 0:
                continue
            rewrapped = wrap(" ".join(text.split("\n")), length, label.get_fontsize())
            if rewrapped != text:
                label.set_text(rewrapped)
                changed = True
    return changed


def finish(fig) -> None:
    """Give a narrow rendition its final layout: legends under their plots, room for labels.

    The width is the narrow width even if a story resized the figure. Colliding
    x tick labels are slanted and colliding value labels over bars turned
    upright; axis labels are wrapped to the axes' final size. The figure grows
    by the height of the legends moved under the plots, then until the wrapped
    labels of every category axis stop colliding. Outside :func:`narrow`
    nothing changes.
    """
    state = _STATE.get()
    if state is None:
        return
    fig.set_figwidth(min(fig.get_figwidth(), state.width))
    moved = [
        (ax, kwargs)
        for ax, kwargs in state.legends.values()
        if ax.figure is fig and ax.get_legend() is not None
    ]
    for ax, _ in moved:
        ax.get_legend().set_visible(False)
    _reserve_caption_room(fig)
    renderer = _draw(fig)
    turned = [_turn_crowded_texts(ax, renderer) for ax in fig.axes]
    if any(turned):
        renderer = _draw(fig)
    if _rewrap_axis_labels(fig, renderer):
        renderer = _draw(fig)
    for ax, kwargs in moved:
        _move_legend_under(fig, ax, kwargs, renderer)
    extra = sum(ax.get_legend().get_window_extent(renderer).height for ax, _ in moved) / fig.dpi
    for _ in range(_MAX_GROWTH_STEPS):
        if extra > 0.01:  # the legends moved under the plots, or a crowded row grew
            fig.set_figheight(fig.get_figheight() + extra)
            _reserve_caption_room(fig)
            renderer = _draw(fig)
        changed = _rewrap_axis_labels(fig, renderer, axes=("y",))
        if changed:
            renderer = _draw(fig)
        extra = _grow_crowded_rows(fig, renderer)
        if extra <= 0.01 and not changed:
            break


def draw_renditions(
    draw: Callable[[], object], drawn_before: Callable[[object, object], bool] | None = None
) -> tuple[object, object]:
    """Call ``draw`` twice: as is (wide) and inside :func:`narrow`; return both figures.

    Parameters
    ----------
    draw : callable
        Returns a new :class:`matplotlib.figure.Figure` on each call.
    drawn_before : callable, optional
        Called as ``drawn_before(wide, narrow)`` inside :func:`narrow`, before
        the narrow rendition is finished (:func:`narrow_state` still tells its
        width and legends). When it returns True the narrow figure is left
        unfinished: its files are already known (the figure cache).

    Returns
    -------
    tuple of Figure
        The wide and the narrow rendition.
    """
    wide = draw()
    with narrow():
        slim = draw()
        if drawn_before is None or not drawn_before(wide, slim):
            finish(slim)
    return wide, slim
