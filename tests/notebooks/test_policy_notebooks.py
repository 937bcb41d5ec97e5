"""Notebooks 04-07 under papermill: defaults, Russian with other parameters, bad input."""

from __future__ import annotations

import re

import pytest

CYRILLIC = re.compile("[А-Яа-яЁё]")

# notebook -> figure stems written with the defaults
DEFAULT_FIGURES = {
    "04-trade-structure": ("structure_shares", "structure_customs"),
    "05-heilongjiang": ("heilongjiang_share",),
    "06-programme-funding": (
        "programme_budgets_far_east_baikal_to_2018",
        "programme_budgets_far_east_to_2013",
    ),
    "07-claims-audit": ("audit_verdicts",),
}


def _text(notebook: dict) -> str:
    from notebook_outputs import output_text

    return output_text(notebook)


@pytest.mark.slow
@pytest.mark.parametrize("stem", DEFAULT_FIGURES)
def test_defaults_write_figures_and_values(run_notebook, stem):
    notebook, values, figures = run_notebook(stem)
    for figure in DEFAULT_FIGURES[stem]:
        assert (figures / f"{figure}.png").stat().st_size > 0
        assert (figures / f"{figure}.svg").exists()
    assert values["values"]
    # Notebook 05 quotes no figure of the article; the others check its claims.
    cited = "bricsinfo_2013" if stem == "05-heilongjiang" else "article"
    assert cited in values["sources"]
    assert not CYRILLIC.search(_text(notebook))


@pytest.mark.slow
def test_structure_in_russian_for_2005_to_2015(run_notebook):
    notebook, values, figures = run_notebook(
        "04-trade-structure", lang="ru", start_year=2005, end_year=2015
    )
    assert len(CYRILLIC.findall(_text(notebook))) > 200
    recorded = values["values"]
    assert "proxy_holds_1995" not in recorded and recorded["proxy_holds_2005"] is True
    assert "press_RU_CN_2022_oil_gas_coal_pct" not in recorded
    assert recorded["verdict_structure-unchanged-20y"] == "inconsistent"
    assert (figures / "structure_shares.png").exists()


@pytest.mark.slow
def test_heilongjiang_in_russian_against_the_mirror_series(run_notebook):
    notebook, values, _ = run_notebook(
        "05-heilongjiang", lang="ru", source="imf_dots_ru", start_year=2008, end_year=2014
    )
    assert len(CYRILLIC.findall(_text(notebook))) > 200
    recorded = values["values"]
    assert "hlj_trade_2005_usd_bn" not in recorded
    assert recorded["national_missing_years_imf_dots_ru"] == []
    # The mirror (Russia-reported) total differs from GACC's 89.21, so the share does too.
    assert recorded["hlj_share_2013_imf_dots_ru_pct"] != pytest.approx(22.36 / 89.21 * 100)


@pytest.mark.slow
def test_funding_in_russian_for_the_later_programme_only(run_notebook):
    notebook, values, figures = run_notebook(
        "06-programme-funding", lang="ru", start_year=2014, end_year=2018
    )
    assert len(CYRILLIC.findall(_text(notebook))) > 200
    assert (figures / "programme_budgets_far_east_baikal_to_2018.png").exists()
    assert not (figures / "programme_budgets_far_east_to_2013.png").exists()
    assert values["values"]["verdict_programme-1996-funding"] == "unverifiable"


@pytest.mark.slow
def test_audit_in_russian_for_one_source(run_notebook):
    notebook, values, figures = run_notebook(
        "07-claims-audit", lang="ru", source="gacc", start_year=2012, end_year=2018
    )
    assert len(CYRILLIC.findall(_text(notebook))) > 200
    recorded = values["values"]
    assert recorded["audit_source"] == "gacc"
    # Only results by GACC: the claims about 2012-2018 whose primary source is customs.
    assert recorded["headline_claims"] == 3  # growth-2014, trade-2014, ratio-2014-us
    assert recorded["verdict_ratio-2014-us"] == "consistent"
    assert not {name for name in recorded if name.startswith("cross_")}
    assert "verdict_trade-2010" not in recorded
    assert (figures / "audit_verdicts.png").exists()


@pytest.mark.slow
@pytest.mark.parametrize("stem", DEFAULT_FIGURES)
def test_unknown_language_fails_with_one_line(run_notebook, stem):
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as error:
        run_notebook(stem, lang="xx")
    assert error.value.ename == "ParameterError"
    assert error.value.evalue == "lang must be one of 'en', 'ru'; not 'xx'"


@pytest.mark.slow
def test_audit_rejects_an_unknown_source(run_notebook):
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as error:
        run_notebook("07-claims-audit", source="fcs")
    assert error.value.evalue.startswith("source must be one of 'all', 'gacc'")
    assert "\n" not in error.value.evalue
