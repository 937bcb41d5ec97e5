"""Every figure function, in English and Russian: translated texts, units, caption, inputs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import matplotlib.text
import pytest
from matplotlib.figure import Figure

from analysis_lib import plots
from analysis_lib.exceptions import ParameterError
from analysis_lib.i18n import translator
from analysis_lib.plots.figures_policy import TIMELINE_COLUMNS
from analysis_lib.plots.labels import caption

SOURCE_IDS = ("gacc", "imf_dots_cn")
CYRILLIC = re.compile("[А-Яа-яЁё]")
UNITS = {
    "en": ("USD bn", "%", "ratio", "RUB bn"),
    "ru": ("млрд долл. США", "%", "отношение", "млрд руб."),
}


@dataclass(frozen=True)
class Case:
    draw: object  # (frames, lang, df) -> Figure; df None means the case's own frame
    frame: str
    required: tuple[str, ...]
    title: tuple[str, dict] = ("", {})
    axes: tuple[str, ...] = ()
    value_axis: str | None = None
    extra: dict = field(default_factory=dict)


def _df(frames, case_frame, df):
    return getattr(frames, case_frame) if df is None else df


CASES = {
    "trade_levels": Case(
        lambda f, lang, df=None: plots.trade_levels(
            _df(f, "levels", df), claims=f.claims_levels, source_ids=SOURCE_IDS, lang=lang
        ),
        "levels",
        ("year", "source", "value_usd_bn"),
        ("China–Russia trade turnover", {}),
        ("Year", "Trade turnover, USD bn"),
        "Trade turnover, USD bn",
    ),
    "trade_growth": Case(
        lambda f, lang, df=None: plots.trade_growth(
            _df(f, "growth", df), claims=f.claims_growth, source_ids=SOURCE_IDS, lang=lang
        ),
        "growth",
        ("year", "source", "growth_pct"),
        ("Growth of China–Russia trade", {}),
        ("Year", "Change on the previous year, %"),
        "Change on the previous year, %",
    ),
    "partner_comparison": Case(
        lambda f, lang, df=None: plots.partner_comparison(
            _df(f, "partners", df), year=2014, source_ids=SOURCE_IDS, lang=lang
        ),
        "partners",
        ("partner", "source", "value_usd_bn"),
        ("China's trade with its partners, {year}", {"year": 2014}),
        ("Partner of China", "Trade turnover, USD bn"),
        "Trade turnover, USD bn",
    ),
    "ratio_fractions": Case(
        lambda f, lang, df=None: plots.ratio_fractions(
            _df(f, "ratios", df), source_ids=SOURCE_IDS, lang=lang
        ),
        "ratios",
        ("partner", "ratio", "fraction_label", "claimed_label"),
        ("China–Russia trade relative to China's trade with other partners", {}),
        ("Partner of China", "China–Russia trade / China's trade with the partner, ratio"),
        "China–Russia trade / China's trade with the partner, ratio",
    ),
    "policy_timeline": Case(
        lambda f, lang, df=None: plots.policy_timeline(
            _df(f, "events", df), trade_df=f.trade, source_ids=SOURCE_IDS, lang=lang
        ),
        "events",
        TIMELINE_COLUMNS,
        ("Programmes and events, {start}–{end}", {"start": 1996, "end": 2018}),
        ("Programme or event", "Year", "Trade turnover, USD bn"),
        "Trade turnover, USD bn",
    ),
    "structure_shares": Case(
        lambda f, lang, df=None: plots.structure_shares(
            _df(f, "structure", df), source_ids=SOURCE_IDS, lang=lang
        ),
        "structure",
        ("exporter", "importer", "year", "category", "category_en", "category_ru", "share_pct"),
        ("Commodity structure of China–Russia trade", {}),
        ("Year", "Share of the flow, %"),
        "Share of the flow, %",
    ),
    "heilongjiang_share": Case(
        lambda f, lang, df=None: plots.heilongjiang_share(
            _df(f, "heilongjiang", df), source_ids=SOURCE_IDS, lang=lang
        ),
        "heilongjiang",
        ("year", "total_usd_bn", "national_usd_bn", "share_pct"),
        ("Heilongjiang's trade with Russia", {}),
        ("Year", "Trade turnover, USD bn", "Share of national China–Russia trade, %"),
        "Share of national China–Russia trade, %",
    ),
    "programme_budgets": Case(
        lambda f, lang, df=None: plots.programme_budgets(
            _df(f, "budgets", df), source_ids=SOURCE_IDS, lang=lang
        ),
        "budgets",
        ("programme_id", "title_en", "component", "amount", "unit", "currency"),
        ("Far East development programmes: funding", {}),
        ("Programme", "Funding, RUB bn"),
        "Funding, RUB bn",
    ),
    "audit_verdicts": Case(
        lambda f, lang, df=None: plots.audit_verdicts(
            _df(f, "verdicts", df), source_ids=SOURCE_IDS, lang=lang
        ),
        "verdicts",
        ("claim_id", "source", "verdict"),
        ("The article's figures checked against each source", {}),
        ("Claim of the article", "Source"),
    ),
    "after_article": Case(
        lambda f, lang, df=None: plots.after_article(
            _df(f, "after", df), article_2014_value=95.3, source_ids=SOURCE_IDS, lang=lang
        ),
        "after",
        ("year", "value_usd_bn"),
        ("China–Russia trade after the article, {start}–{end}", {"start": 2015, "end": 2025}),
        ("Year", "Trade turnover, USD bn"),
        "Trade turnover, USD bn",
    ),
}
LANGS = ("en", "ru")


def drawn_texts(fig) -> list[str]:
    """Every visible text of a drawn figure, whitespace (and wrapping) collapsed."""
    fig.canvas.draw()
    found = fig.findobj(matplotlib.text.Text)
    return [" ".join(t.get_text().split()) for t in found if t.get_text() and t.get_visible()]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_figure_texts_come_from_labels_in_the_language(frames, name, lang):
    case = CASES[name]
    fig = case.draw(frames, lang)
    assert isinstance(fig, Figure)
    texts = drawn_texts(fig)
    key, fields = case.title
    assert tr(key, lang, **fields) in texts
    for axis_key in case.axes:
        assert tr(axis_key, lang) in texts, axis_key
    assert " ".join(caption(SOURCE_IDS, lang).split()) in texts
    other = "en" if lang == "ru" else "ru"
    assert tr(key, other, **fields) not in texts
    legend_texts = [
        t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().texts
    ]
    assert legend_texts, "every figure has a legend"
    if lang == "ru":
        assert CYRILLIC.search(tr(key, lang, **fields))
        assert all(CYRILLIC.search(text) for text in legend_texts), legend_texts


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(n for n, c in CASES.items() if c.value_axis))
def test_value_axis_label_carries_a_unit(frames, name, lang):
    case = CASES[name]
    fig = case.draw(frames, lang)
    axis_labels = [
        " ".join(text.split())
        for ax in fig.axes
        for text in (ax.get_xlabel(), ax.get_ylabel())
        if text
    ]
    value_label = tr(case.value_axis, lang)
    assert value_label in axis_labels
    assert any(unit in value_label for unit in UNITS[lang])


@pytest.mark.parametrize(
    ("name", "column"), [(n, c) for n, case in sorted(CASES.items()) for c in case.required]
)
def test_missing_column_raises_one_line_parameter_error(frames, name, column):
    case = CASES[name]
    df = getattr(frames, case.frame).drop(columns=[column])
    with pytest.raises(ParameterError, match=f"missing the column '{column}'") as caught:
        case.draw(frames, "en", df)
    assert "\n" not in str(caught.value)
    assert name in str(caught.value)


@pytest.mark.parametrize("name", sorted(CASES))
def test_unknown_language_is_refused(frames, name):
    with pytest.raises(ParameterError, match="lang must be one of 'en', 'ru'; not 'de'"):
        CASES[name].draw(frames, "de")


@pytest.mark.parametrize("name", sorted(CASES))
def test_empty_frame_is_refused(frames, name):
    case = CASES[name]
    df = getattr(frames, case.frame).iloc[0:0]
    with pytest.raises(ParameterError, match="has no rows"):
        case.draw(frames, "en", df)


@pytest.mark.parametrize("name", ["trade_levels", "trade_growth"])
def test_claims_missing_column_is_named(frames, name):
    draw = getattr(plots, name)
    data = frames.levels if name == "trade_levels" else frames.growth
    claims = pd_frame({"year": [2010]})
    with pytest.raises(ParameterError, match="claims is missing the column 'claimed_"):
        draw(data, claims=claims, source_ids=SOURCE_IDS)


def test_figures_are_not_left_in_pyplot(frames):
    import matplotlib.pyplot as plt

    CASES["trade_levels"].draw(frames, "en")
    assert plt.get_fignums() == []


def pd_frame(columns):
    import pandas as pd

    return pd.DataFrame(columns)


def tr(message: str, lang: str, **fields) -> str:
    """Return ``message`` translated into ``lang``, fields filled in."""
    # As the figure's texts are compared: whitespace (a no-break space too) as one space.
    return " ".join(translator(lang).gettext(message, **fields).split())
