"""Numbers, tick labels and alt text of figures in the report's language."""

from __future__ import annotations

from analysis_lib.plots._common import add_caption, new_figure, title_of
from analysis_lib.plots.alt import alt_text
from analysis_lib.plots.labels import format_number


def test_negative_numbers_take_the_minus_sign():
    assert format_number(-31.72, "ru") == "\u221231,7"
    assert format_number(-1234.5, "en") == "\u22121,234.5"
    assert format_number(12345.25, "ru", 2) == "12\u202f345,25"


def test_russian_ticks_have_decimal_commas_and_minus_signs():
    fig, ax = new_figure(4, 3)
    ax.plot([0, 1], [-0.25, 0.25], label="ряд")
    ax.legend()
    add_caption(fig, ["gacc"], "ru")
    fig.canvas.draw()
    labels = [text.get_text() for text in ax.get_yticklabels()]
    assert "\u22120,2" in labels and "0,1" in labels, labels
    assert not any("." in label or "-" in label for label in labels)


def test_english_ticks_keep_points_and_take_the_minus_sign():
    fig, ax = new_figure(4, 3)
    ax.plot([0, 1], [-0.25, 0.25])
    add_caption(fig, ["gacc"], "en")
    fig.canvas.draw()
    labels = [text.get_text() for text in ax.get_yticklabels()]
    assert "\u22120.2" in labels and "0.1" in labels, labels


def test_alt_text_says_what_the_figure_shows_in_its_language():
    fig, ax = new_figure(4, 3)
    ax.plot([2010, 2011], [1, 2], label="ГТУ КНР")
    ax.set_xlabel("Год")
    ax.set_ylabel("Товарооборот, млрд долл. США")
    ax.legend()
    title_of(fig, "Товарооборот Китая и России")
    add_caption(fig, ["gacc"], "ru")
    text = alt_text(fig, "ru")
    assert text.startswith("Диаграмма «Товарооборот Китая и России». По горизонтальной оси — год")
    assert "Ряды: ГТУ КНР." in text
    assert "ГТУ КНР" in text.split("Ряды:")[1]
