"""Notebooks 01, 02, 03 and 08 under papermill: defaults, Russian, other parameters, bad input."""

from __future__ import annotations

import re

import pytest

from analysis_lib.params import LANGS

# notebook -> (figure stems written with the defaults, non-default parameters)
NOTEBOOKS = {
    "01-trade-dynamics": (
        ("trade_levels", "trade_growth"),
        {"source": "imf_dots_ru", "start_year": 2005, "end_year": 2020},
    ),
    "02-partner-comparison": (
        ("partner_comparison", "ratio_fractions"),
        {"source": "imf_dots_ru", "start_year": 2010, "end_year": 2012},
    ),
    "03-policy-timeline": (
        ("policy_timeline",),
        {"source": "gacc", "start_year": 2003, "end_year": 2018},
    ),
    "08-after-the-article": (
        ("after_article",),
        {"source": "imf_dots_cn", "start_year": 2016, "end_year": 2020},
    ),
}
CYRILLIC = re.compile("[А-Яа-яЁё]")


def _text(notebook: dict) -> str:
    from notebook_outputs import output_text

    return output_text(notebook)


@pytest.mark.slow
@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_defaults_then_other_source_and_years(run_notebook, stem):
    notebook, default, figures = run_notebook(stem)
    for figure in NOTEBOOKS[stem][0]:
        assert (figures / f"{figure}.png").stat().st_size > 0
        assert (figures / f"{figure}.svg").exists()
    assert default["values"] and "article" in default["sources"]
    assert not CYRILLIC.search(_text(notebook))

    _, other, other_figures = run_notebook(stem, **NOTEBOOKS[stem][1])
    assert other["values"] != default["values"]
    source = NOTEBOOKS[stem][1]["source"]
    assert any(source in name for name in other["values"])
    assert list(other_figures.glob("*.png"))


@pytest.mark.slow
@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_russian_report(run_notebook, stem):
    notebook, _, _ = run_notebook(stem, lang="ru")
    assert len(CYRILLIC.findall(_text(notebook))) > 200


@pytest.mark.slow
@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_unknown_language_fails_with_one_line(run_notebook, stem):
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as caught:
        run_notebook(stem, lang="fr")
    assert caught.value.ename == "ParameterError"
    assert caught.value.evalue == f"lang must be one of {', '.join(map(repr, LANGS))}; not 'fr'"
