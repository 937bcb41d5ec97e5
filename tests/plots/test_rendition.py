"""The narrow rendition of every figure: phone width, legends under the plots, nothing cut."""

from __future__ import annotations

import io
import itertools

import pytest

from analysis_lib import plots
from analysis_lib.plots import rendition
from analysis_lib.plots._common import wrap_ticks

IDS = ("gacc", "imf_dots_cn")
DRAW = {
    "trade_levels": lambda f: plots.trade_levels(
        f.levels, claims=f.claims_levels, source_ids=IDS, lang="ru"
    ),
    "partner_comparison": lambda f: plots.partner_comparison(
        f.partners, year=2014, source_ids=IDS, lang="ru"
    ),
    "policy_timeline": lambda f: plots.policy_timeline(
        f.events, trade_df=f.trade, source_ids=IDS, lang="ru"
    ),
    "structure_shares": lambda f: plots.structure_shares(f.structure, source_ids=IDS, lang="en"),
    "heilongjiang_share": lambda f: plots.heilongjiang_share(
        f.heilongjiang, source_ids=IDS, lang="ru"
    ),
    "programme_budgets": lambda f: plots.programme_budgets(f.budgets, source_ids=IDS, lang="ru"),
    "audit_verdicts": lambda f: plots.audit_verdicts(f.verdicts, source_ids=IDS, lang="ru"),
}


def _png(fig) -> bytes:
    stream = io.BytesIO()
    fig.savefig(stream, format="png", dpi=50, metadata={"Software": None})
    return stream.getvalue()


@pytest.mark.parametrize("name", sorted(DRAW))
def test_narrow_rendition_is_phone_wide_with_legends_under_the_plots(frames, name):
    wide, slim = rendition.draw_renditions(lambda: DRAW[name](frames))
    renderer = slim.canvas.get_renderer()
    slim.draw_without_rendering()
    page = slim.bbox

    assert slim.get_figwidth() == pytest.approx(min(wide.get_figwidth(), rendition.NARROW_WIDTH))
    for ax in slim.axes:
        legend = ax.get_legend()
        if legend is not None:
            box = legend.get_window_extent(renderer)
            assert box.y1 <= ax.get_window_extent(renderer).y0 + 1, "legend under its plot"
            assert box.x0 >= page.x0 - 1 and box.x1 <= page.x1 + 1, "legend within the width"
    drawn = slim.get_tightbbox(renderer)  # inches, every drawn artist
    assert drawn.x0 >= -0.02 and drawn.x1 <= slim.get_figwidth() + 0.02, "nothing cut at the sides"


def test_wide_rendition_is_what_the_function_draws_alone(frames):
    wide, _ = rendition.draw_renditions(lambda: DRAW["trade_levels"](frames))

    assert _png(wide) == _png(DRAW["trade_levels"](frames))


def test_narrow_rendition_gives_the_same_bytes_twice(frames):
    _, first = rendition.draw_renditions(lambda: DRAW["audit_verdicts"](frames))
    _, second = rendition.draw_renditions(lambda: DRAW["audit_verdicts"](frames))

    assert _png(first) == _png(second)


def test_category_labels_of_a_narrow_rendition_do_not_collide(frames):
    _, slim = rendition.draw_renditions(lambda: DRAW["policy_timeline"](frames))
    renderer = slim.canvas.get_renderer()
    slim.draw_without_rendering()

    for ax in slim.axes:
        boxes = sorted(
            (t.get_window_extent(renderer) for t in ax.get_yticklabels() if t.get_text()),
            key=lambda box: box.y0,
        )
        assert all(low.y1 <= high.y0 + 1 for low, high in itertools.pairwise(boxes))


def test_outside_a_narrow_block_sizes_and_wrapping_are_unchanged():
    text = "Федеральная программа развития Дальнего Востока"

    assert rendition.figure_size(9.0, 5.0) == (9.0, 5.0)
    assert rendition.tick_chars(40) == 40
    assert not rendition.is_narrow()
    assert wrap_ticks([text], 20) == ["Федеральная\nпрограмма развития\nДальнего Востока"]


def test_inside_a_narrow_block_figures_shrink_and_labels_wrap_between_words():
    text = "Федеральная программа развития Дальнего Востока"

    with rendition.narrow():
        assert rendition.figure_size(8.4, 5.0) == (rendition.NARROW_WIDTH, 5.0)
        assert rendition.tick_chars(40) == 20
        assert rendition.tick_chars(14) == rendition.MIN_TICK_CHARS
        (wrapped,) = wrap_ticks([text], 20)
    assert rendition.figure_size(8.4, 5.0) == (8.4, 5.0)
    assert all(word in wrapped.split() for word in text.split())
