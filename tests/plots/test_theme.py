"""The theme: fonts that cover Russian and Chinese, fixed colours, byte-identical figure files."""

from __future__ import annotations

import re
import warnings

import matplotlib
import pandas as pd
import pytest

from analysis_lib import plots
from analysis_lib.exceptions import ParameterError, SystemDependencyError
from analysis_lib.plots import theme
from analysis_lib.plots._common import new_figure

RUSSIAN_AND_CHINESE = "Товарооборот Китая и России — 中俄贸易额 −5 ≈ 1/6 → «»"
ARABIC_AND_HEBREW = "التجارة بين الصين وروسيا — סחר בין סין לרוסיה"


def test_set_theme_is_idempotent():
    theme.set_theme()
    first = dict(matplotlib.rcParams)
    theme.set_theme()
    assert dict(matplotlib.rcParams) == first
    assert matplotlib.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"
    assert matplotlib.rcParams["svg.hashsalt"] == theme.SVG_HASHSALT


def test_russian_and_chinese_text_renders_without_missing_glyphs():
    fig, ax = new_figure(4, 3)
    ax.set_title(RUSSIAN_AND_CHINESE)
    ax.plot([-1, 1], [-2, 2])
    fig.text(0, 0, RUSSIAN_AND_CHINESE)
    fig.canvas.draw()


def test_arabic_and_hebrew_fall_back_to_dejavu_sans_without_missing_glyphs():
    # Noto Sans CJK lacks both scripts; matplotlib falls back along font.family only
    # when it lists the fonts (a generic "sans-serif" would pick one font).
    assert matplotlib.rcParams["font.family"] == theme.FONT_FAMILY
    fig, ax = new_figure(4, 3)
    ax.set_title(ARABIC_AND_HEBREW)
    fig.text(0, 0, ARABIC_AND_HEBREW + " " + RUSSIAN_AND_CHINESE)
    fig.canvas.draw()


def test_a_missing_glyph_is_an_error():
    # Proves the checks above can fail: none of the theme's fonts has Devanagari.
    fig, ax = new_figure(4, 3)
    ax.set_title("\N{DEVANAGARI LETTER KA}")
    with pytest.raises(UserWarning, match="missing from font"):
        fig.canvas.draw()


def test_check_fonts_names_the_debian_package(monkeypatch):
    monkeypatch.setattr(theme, "FONT_FAMILY", ["No Such Font Family 42"])
    with pytest.raises(SystemDependencyError, match="fonts-noto-cjk"):
        theme.check_fonts()


@pytest.mark.parametrize(
    "colours",
    [theme.SOURCE_COLORS, theme.PARTNER_COLORS, theme.COUNTRY_COLORS, theme.VERDICT_COLORS],
)
def test_each_group_has_distinct_colours(colours):
    assert len(set(colours.values())) == len(colours)
    assert all(re.fullmatch("#[0-9A-F]{6}", c) for c in colours.values())


def test_sources_and_partners_have_fixed_colours():
    assert set(theme.SOURCE_COLORS) >= {"gacc", "imf_dots_cn", "imf_dots_ru", "article"}
    assert set(theme.PARTNER_COLORS) >= {"RU", "US", "JP", "KR", "WLD"}
    assert set(theme.SOURCE_MARKERS) == set(theme.SOURCE_COLORS)


def _figure(lang="ru"):
    data = pd.DataFrame(
        {"year": [2010, 2011, 2012], "source": "gacc", "value_usd_bn": [1.0, 2.0, 3.0]}
    )
    return plots.trade_levels(data, source_ids=["gacc"], lang=lang)


def test_save_figure_writes_identical_bytes_twice(tmp_path):
    first = plots.save_figure(_figure(), tmp_path / "a", "levels")
    second = plots.save_figure(_figure(), tmp_path / "b", "levels")
    assert [p.name for p in first] == ["levels.png", "levels.svg"]
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name


def test_saved_svg_has_no_date_or_software_version(tmp_path):
    (svg,) = plots.save_figure(_figure(), tmp_path, "levels", formats=["svg"])
    text = svg.read_text(encoding="utf-8")
    assert "<dc:date>" not in text
    assert matplotlib.__version__ not in text


def test_save_figure_leaves_no_temporary_files(tmp_path):
    plots.save_figure(_figure(), tmp_path, "levels")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["levels.png", "levels.svg"]


def test_save_figure_overwrites_atomically(tmp_path):
    plots.save_figure(_figure("en"), tmp_path, "levels", formats=["png"])
    before = (tmp_path / "levels.png").read_bytes()
    plots.save_figure(_figure("ru"), tmp_path, "levels", formats=["png"])
    assert (tmp_path / "levels.png").read_bytes() != before


def test_png_and_svg_share_one_layout_cut_to_everything_drawn(tmp_path):
    fig = _figure()
    legend = fig.axes[0].get_legend() or fig.legends[0]
    png, svg = plots.save_figure(fig, tmp_path, "levels")
    assert fig.get_layout_engine() is None or type(fig.get_layout_engine()).__name__ == (
        "PlaceHolderLayoutEngine"
    )
    renderer = fig.canvas.get_renderer()
    box = theme.lay_out(fig)
    inches = legend.get_window_extent(renderer).transformed(fig.dpi_scale_trans.inverted())
    assert box.x0 <= inches.x0 and inches.x1 <= box.x1
    assert box.y0 <= inches.y0 and inches.y1 <= box.y1
    width_px = int(re.search(rb"IHDR(....)", png.read_bytes()).group(1).hex(), 16)
    assert width_px == pytest.approx(box.width * theme.PNG_DPI, abs=2)
    svg_width = float(re.search(r'width="([0-9.]+)pt"', svg.read_text(encoding="utf-8")).group(1))
    assert svg_width == pytest.approx(box.width * 72, abs=1)


@pytest.mark.parametrize("stem", ["", "../up", "a/b", ".hidden"])
def test_save_figure_refuses_bad_stems(tmp_path, stem):
    with pytest.raises(ParameterError, match="stem must be"):
        plots.save_figure(_figure(), tmp_path, stem)


def test_save_figure_refuses_unknown_formats(tmp_path):
    with pytest.raises(ParameterError, match="formats must be among 'png', 'svg'; not 'jpg'"):
        plots.save_figure(_figure(), tmp_path, "levels", formats=["jpg"])


def test_warnings_fixture_is_strict():
    with pytest.raises(UserWarning):
        warnings.warn("strict", UserWarning, stacklevel=1)
