"""The helpers every story shares, and the ``start`` functions ``story_start`` makes."""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

from analysis_lib.exceptions import ParameterError
from analysis_lib.stories import common, trade_dynamics
from analysis_lib.stories import trade_structure as structure
from analysis_lib.stories.context import story_start
from analysis_lib.views import common as data


def test_fmt_formats_per_language_and_dashes_missing_values():
    assert common.fmt(1234.56, "en", 1) == "1,234.6"
    assert common.fmt(1234.56, "ru", 1) != "1,234.6"
    assert common.fmt(None, "en") == common.DASH
    assert common.fmt_all([1.0, float("nan")], "en", 2) == ["1.00", common.DASH]


def test_row_source_ids_and_year_span():
    rows = pd.DataFrame({"year": [2003, 1999, 2010], "source_id": ["b", "a", "b"]})
    assert data.row_source_ids(rows) == ["a", "b"]
    assert data.year_span(rows) == (1999, 2010)


def test_join_years_in_each_language():
    assert common.join_years([2011, 2012], "en") == "2011 and 2012"
    assert common.join_years([2015], "ru") == "2015\u00a0г."
    assert common.join_years([1995, 1996, 1997, 2015], "ru") == "1995–1997 и 2015\u00a0гг."
    assert common.join_years([2001, 2002, 2003], "ru") == "2001–2003\u00a0гг."


def test_story_start_has_the_article_defaults_and_a_docstring():
    defaults = {
        name: p.default for name, p in inspect.signature(trade_dynamics.start).parameters.items()
    }
    assert defaults == {
        "lang": "en",
        "start_year": 2009,
        "end_year": 2014,
        "source": "gacc",
        "output_dir": "",
    }
    assert "01-trade-dynamics" in trade_dynamics.start.__doc__


def test_story_start_checks_lang_before_reading_data():
    def data_years():
        raise AssertionError("data read before the language was checked")

    start = story_start("99-probe", data_years)
    with pytest.raises(ParameterError, match="lang"):
        start(lang="de")


def test_a_story_without_a_source_takes_one_and_checks_it(tmp_path):
    report = structure.start(source="imf_dots_ru", output_dir=str(tmp_path))
    assert report.params.source == "imf_dots_ru"
    with pytest.raises(ParameterError, match=r"^source must be one of .*; not 'fcs'$"):
        structure.start(source="fcs", output_dir=str(tmp_path))


def test_a_range_wider_than_the_data_is_clipped_with_a_note(tmp_path, said):
    report = structure.start(start_year=1990, end_year=2030, output_dir=str(tmp_path))
    assert (report.params.start_year, report.params.end_year) == (1995, 2022)
    assert said == ["The data cover 1995–2022; shown: 1995–2022."]
    said.clear()
    russian = structure.start(lang="ru", start_year=2020, end_year=2030, output_dir=str(tmp_path))
    assert (russian.params.start_year, russian.params.end_year) == (2020, 2022)
    assert said == ["Данные охватывают 1995–2022\u00a0гг.; в отчёте — 2020–2022\u00a0гг."]


def test_a_range_inside_the_data_says_nothing(tmp_path, said):
    structure.start(start_year=2000, end_year=2005, output_dir=str(tmp_path))
    assert said == []
