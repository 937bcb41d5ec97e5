"""Validation of the parameters every notebook receives (from papermill or the CLI).

A notebook's first cell calls :func:`check_params` on its papermill parameters
and :func:`resolve_output_dir` to get the folder for its figures::

    params = check_params("01_trade_dynamics", lang=lang, start_year=start_year,
                          end_year=end_year, source=source, output_dir=output_dir,
                          data_years=(2009, 2014))
    figures_dir = params.figures_dir()

A year range wider than the data's is clipped to the data's years (the report
says so); only a range that misses the data entirely is refused. Every problem
raises a one-line :class:`~analysis_lib.exceptions.ParameterError`.
This module imports nothing heavy: the CLI uses it too.
"""

from __future__ import annotations

import numbers
import os
import re
from dataclasses import dataclass
from pathlib import Path

from analysis_lib import paths
from analysis_lib.exceptions import ParameterError, must_be_one_of
from analysis_lib.vocabulary import AUDIT_SOURCES, LANGS

_NOTEBOOK_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


@dataclass(frozen=True)
class NotebookParams:
    """A notebook's validated parameters.

    Attributes
    ----------
    notebook : str
        Notebook name (file stem), used for the default figures folder.
    lang : str
        Report language, one of :data:`LANGS`.
    start_year, end_year : int or None
        Inclusive year range shown (clipped to ``data_years``); None when neither the
        caller nor ``data_years`` set it.
    source : str or None
        Trade series source, one of :data:`AUDIT_SOURCES`, or None when unused.
    output_dir : str
        The folder for figures as given; "" means the default under the build folder.
    data_years : tuple of (int, int) or None
        The first and last year the notebook's data cover.
    requested_years : tuple of (int, int) or None
        The range asked for, when it was wider than the data's and got clipped.
    """

    notebook: str
    lang: str
    start_year: int | None
    end_year: int | None
    source: str | None
    output_dir: str
    data_years: tuple[int, int] | None = None
    requested_years: tuple[int, int] | None = None

    def figures_dir(self) -> Path:
        """Return the figures folder, creating it (see :func:`resolve_output_dir`)."""
        return resolve_output_dir(self.output_dir, self.notebook, self.lang)


def check_lang(lang: object) -> str:
    """Return ``lang`` if it is a report language, else raise ParameterError.

    Parameters
    ----------
    lang : object
        The value to check.

    Returns
    -------
    str
        ``lang`` unchanged.
    """
    if not isinstance(lang, str) or lang not in LANGS:
        raise must_be_one_of("lang", lang, LANGS)
    return lang


def check_params(
    notebook: str,
    *,
    lang: object = "en",
    start_year: object = None,
    end_year: object = None,
    source: object = None,
    output_dir: object = "",
    data_years: tuple[int, int] | None = None,
) -> NotebookParams:
    """Validate a notebook's parameters and return them as a frozen dataclass.

    Parameters
    ----------
    notebook : str
        Notebook name (file stem, no folders), e.g. ``"01_trade_dynamics"``.
    lang : str, default "en"
        Report language, one of ``'en'``, ``'ru'``.
    start_year, end_year : int or None
        Inclusive year range. None takes the matching bound of ``data_years``; a
        range reaching past the data's years is clipped to them.
    source : str or None
        Trade series source, one of ``'gacc'``, ``'imf_dots_cn'``, ``'imf_dots_ru'``;
        None for notebooks that do not pick one.
    output_dir : str or path-like, default ""
        Folder for the figures; "" means ``build/figures/<notebook>/<lang>``.
    data_years : tuple of (int, int) or None
        First and last year the notebook's data cover; the range must overlap them.

    Returns
    -------
    NotebookParams

    Raises
    ------
    ParameterError
        Wrong type, unknown language or source, reversed years, or years that miss
        the data's entirely.
    """
    notebook = _check_notebook_name(notebook)
    lang = check_lang(lang)
    if source is not None and (not isinstance(source, str) or source not in AUDIT_SOURCES):
        raise must_be_one_of("source", source, AUDIT_SOURCES)
    if not isinstance(output_dir, str | os.PathLike):
        raise ParameterError(f"output_dir must be a string path; not {output_dir!r}")
    start = _optional_year("start_year", start_year)
    end = _optional_year("end_year", end_year)
    if start is not None and end is not None and end < start:
        raise ParameterError(f"end_year must not be before start_year ({start}); not {end!r}")
    covered = requested = None
    if data_years is not None:
        covered = _check_data_years(data_years)
        first, last = covered
        if (end is not None and end < first) or (start is not None and start > last):
            raise ParameterError(
                f"the years asked for ({_span(start, end)}) must overlap the data's years "
                f"{first}-{last}; they miss them"
            )
        start = first if start is None else start
        end = last if end is None else end
        if start < first or end > last:
            requested = (start, end)
            start, end = max(start, first), min(end, last)
    return NotebookParams(
        notebook=notebook,
        lang=lang,
        start_year=start,
        end_year=end,
        source=source,
        output_dir=os.fspath(output_dir),
        data_years=covered,
        requested_years=requested,
    )


def resolve_output_dir(output_dir: str | os.PathLike, notebook: str, lang: str) -> Path:
    """Return the absolute folder for a notebook's figures, creating it.

    Parameters
    ----------
    output_dir : str or path-like
        The folder given as a parameter; "" means ``build_dir()/figures/<notebook>/<lang>``.
        A relative path is taken relative to the build folder, never the working directory.
    notebook : str
        Notebook name (file stem).
    lang : str
        Report language, one of ``'en'``, ``'ru'``.

    Returns
    -------
    pathlib.Path
        The existing folder.
    """
    if not isinstance(output_dir, str | os.PathLike):
        raise ParameterError(f"output_dir must be a string path; not {output_dir!r}")
    notebook = _check_notebook_name(notebook)
    lang = check_lang(lang)
    given = os.fspath(output_dir)
    if given == "":
        folder = paths.build_dir() / "figures" / notebook / lang
    else:
        folder = Path(given).expanduser()
        if not folder.is_absolute():
            folder = paths.build_dir() / folder
    folder = folder.resolve()
    if folder.exists() and not folder.is_dir():
        raise ParameterError(f"output_dir must be a folder; {str(folder)!r} is a file")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _check_notebook_name(notebook: object) -> str:
    if not isinstance(notebook, str) or not _NOTEBOOK_NAME.fullmatch(notebook):
        raise ParameterError(
            f"notebook must be a file stem of letters, digits, '_', '-' or '.'; not {notebook!r}"
        )
    return notebook


def _span(start: int | None, end: int | None) -> str:
    if start is None:
        return f"to {end}"
    return f"from {start}" if end is None else f"{start}-{end}"


def _optional_year(name: str, value: object) -> int | None:
    if value is None:
        return None
    # bool is an int subclass, but True as a year is always a mistake.
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ParameterError(f"{name} must be an integer; not {value!r}")
    return int(value)


def _check_data_years(data_years: object) -> tuple[int, int]:
    problem = f"data_years must be a (first, last) pair of years; not {data_years!r}"
    if not isinstance(data_years, tuple | list) or len(data_years) != 2:
        raise ParameterError(problem)
    first = _optional_year("data_years[0]", data_years[0])
    last = _optional_year("data_years[1]", data_years[1])
    if first is None or last is None or last < first:
        raise ParameterError(problem)
    return first, last
