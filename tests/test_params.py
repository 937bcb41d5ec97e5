"""Notebook parameter validation: every error is a one-line ParameterError."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from analysis_lib.exceptions import ParameterError
from analysis_lib.params import NotebookParams, check_params, resolve_output_dir

NB = "01_trade_dynamics"


def _raises(match, **params):
    with pytest.raises(ParameterError, match=match) as caught:
        check_params(NB, **params)
    assert "\n" not in str(caught.value)


def test_valid_parameters_come_back_frozen():
    params = check_params(NB, lang="ru", start_year=2010, end_year=2014, source="gacc")
    assert params == NotebookParams(NB, "ru", 2010, 2014, "gacc", "")
    with pytest.raises(AttributeError):
        params.lang = "en"


def test_missing_years_take_the_data_range():
    params = check_params(NB, data_years=(2009, 2014), end_year=2012)
    assert (params.start_year, params.end_year) == (2009, 2012)
    assert check_params(NB).start_year is None


def test_numpy_integers_are_years():
    assert check_params(NB, start_year=np.int64(2010)).start_year == 2010


@pytest.mark.parametrize("lang", ["de", "EN", "", None, 1])
def test_unknown_lang(lang):
    _raises(f"^lang must be one of 'en', 'ru'; not {lang!r}$", lang=lang)


@pytest.mark.parametrize("source", ["fcs", "article", "GACC", 3])
def test_unknown_source(source):
    _raises(
        f"^source must be one of 'gacc', 'imf_dots_cn', 'imf_dots_ru'; not {source!r}$",
        source=source,
    )


def test_end_before_start():
    _raises(
        r"^end_year must not be before start_year \(2014\); not 2010$",
        start_year=2014,
        end_year=2010,
    )


@pytest.mark.parametrize(
    ("asked", "shown"),
    [
        ({"start_year": 2003}, (2009, 2014)),
        ({"end_year": 2020}, (2009, 2014)),
        ({"start_year": 2005, "end_year": 2020}, (2009, 2014)),
        ({"start_year": 2010, "end_year": 2030}, (2010, 2014)),
    ],
)
def test_a_range_wider_than_the_data_is_clipped_and_remembered(asked, shown):
    params = check_params(NB, data_years=(2009, 2014), **asked)
    assert (params.start_year, params.end_year) == shown
    assert params.data_years == (2009, 2014)
    assert params.requested_years == (
        asked.get("start_year", 2009),
        asked.get("end_year", 2014),
    )


def test_a_range_inside_the_data_is_not_marked_clipped():
    params = check_params(NB, data_years=(2009, 2014), start_year=2010, end_year=2012)
    assert (params.start_year, params.end_year, params.requested_years) == (2010, 2012, None)


@pytest.mark.parametrize(
    ("asked", "span"),
    [
        ({"start_year": 2015}, "from 2015"),
        ({"end_year": 2008}, "to 2008"),
        ({"start_year": 2016, "end_year": 2020}, "2016-2020"),
        ({"start_year": 1990, "end_year": 2000}, "1990-2000"),
    ],
)
def test_a_range_that_misses_the_data_is_refused_in_one_line(asked, span):
    _raises(
        f"^the years asked for \\({span}\\) must overlap the data's years 2009-2014; "
        "they miss them$",
        data_years=(2009, 2014),
        **asked,
    )


@pytest.mark.parametrize("value", ["2010", 2010.0, True, [2010]])
@pytest.mark.parametrize("name", ["start_year", "end_year"])
def test_years_must_be_integers(name, value):
    _raises(
        f"^{name} must be an integer; not {value!r}$".replace("[", r"\[").replace("]", r"\]"),
        **{name: value},
    )


@pytest.mark.parametrize("data_years", [(2014, 2009), (2009,), "2009-2014", (2009, "2014")])
def test_bad_data_years(data_years):
    with pytest.raises(ParameterError, match=r"data_years|data_years\[1\]"):
        check_params(NB, data_years=data_years)


@pytest.mark.parametrize("output_dir", [None, 3, b"/tmp", ["out"]])
def test_output_dir_must_be_a_string_path(output_dir):
    _raises(r"^output_dir must be a string path; not ", output_dir=output_dir)


@pytest.mark.parametrize("notebook", ["", "../x", "a/b", None, 5])
def test_notebook_name_must_be_a_file_stem(notebook):
    with pytest.raises(ParameterError, match=r"^notebook must be a file stem"):
        check_params(notebook)


def test_default_output_dir_is_under_the_build_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_LIB_BUILD_DIR", str(tmp_path))
    folder = check_params(NB, lang="ru").figures_dir()
    assert folder == tmp_path / "figures" / NB / "ru"
    assert folder.is_dir()


def test_relative_output_dir_is_under_the_build_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_LIB_BUILD_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path.parent)
    assert resolve_output_dir("mine", NB, "en") == tmp_path / "mine"


def test_absolute_output_dir_is_kept(tmp_path):
    target = tmp_path / "deep" / "figs"
    assert resolve_output_dir(str(target), NB, "en") == target
    assert resolve_output_dir(Path(target), NB, "en") == target
    assert target.is_dir()


def test_output_dir_that_is_a_file(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(ParameterError, match="output_dir must be a folder"):
        resolve_output_dir(str(blocker), NB, "en")


def test_resolve_output_dir_checks_its_arguments(tmp_path):
    with pytest.raises(ParameterError, match="lang must be one of"):
        resolve_output_dir(str(tmp_path), NB, "de")
    with pytest.raises(ParameterError, match="output_dir must be a string path"):
        resolve_output_dir(None, NB, "en")
