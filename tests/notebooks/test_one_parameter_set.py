"""One parameter set runs every notebook; years past a notebook's data are clipped with a note."""

from __future__ import annotations

import pytest

from analysis_lib import paths

STEMS = sorted(p.stem for p in paths.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
SHARED = {"lang": "ru", "source": "imf_dots_ru", "start_year": 2005, "end_year": 2020}
# Notebooks whose data end before 2020 (or start after 2005): the years they show.
CLIPPED = {
    "03-policy-timeline": "2005–2018\u00a0гг.",
    "05-heilongjiang": "2005–2014\u00a0гг.",
    "06-programme-funding": "2005–2018\u00a0гг.",
    "07-claims-audit": "2005–2018\u00a0гг.",
    "09-annotated-article": "2005–2018\u00a0гг.",
}


def _text(notebook: dict) -> str:
    from notebook_outputs import output_text

    return output_text(notebook)


def test_every_notebook_takes_the_same_parameters():
    import json

    for stem in STEMS:
        notebook = json.loads((paths.NOTEBOOKS_DIR / f"{stem}.ipynb").read_text("utf-8"))
        cell = "".join(notebook["cells"][0]["source"])
        names = {line.split("=")[0].strip() for line in cell.splitlines() if "=" in line}
        assert names == {*SHARED, "output_dir"}, stem


@pytest.mark.slow
@pytest.mark.parametrize("stem", STEMS)
def test_every_notebook_runs_in_russian_on_the_mirror_for_2005_to_2020(run_notebook, stem):
    notebook, values, _ = run_notebook(stem, **SHARED)
    assert values["values"]
    text = _text(notebook)
    if stem in CLIPPED:
        assert "Данные охватывают" in text and f"в отчёте — {CLIPPED[stem]}" in text
    else:
        assert "Данные охватывают" not in text


@pytest.mark.slow
def test_years_that_miss_the_data_are_refused_in_one_line(run_notebook):
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as caught:
        run_notebook("05-heilongjiang", start_year=2016, end_year=2020)
    assert caught.value.ename == "ParameterError"
    assert caught.value.evalue == (
        "the years asked for (2016-2020) must overlap the data's years 2005-2014; they miss them"
    )
