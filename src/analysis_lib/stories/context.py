"""The object a notebook talks through: parameters, translations, prose, figures, records.

A notebook's cell after its parameters is::

    from analysis_lib.stories import trade_dynamics as story
    report = story.start(lang=lang, start_year=start_year, end_year=end_year,
                         source=source, output_dir=output_dir)

and each section's cell binds its data to a name, then draws and tells it::

    levels = story.levels(report)
    story.draw_levels(report, levels)
    story.tell_levels(report, levels)

The same cells run in JupyterLab (figures go to ``build/figures/<notebook>/<lang>``),
under papermill and under pytest.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from analysis_lib.i18n import Translator, translator
from analysis_lib.params import NotebookParams, check_lang, check_params
from analysis_lib.record import Recorder

# Markdown-active and HTML characters in data strings; escaped so that a title
# from a data file cannot become a link, an emphasis or raw HTML in the report.
_ESCAPABLE = re.compile(r"[\\`*_{}\[\]()#+!|~>$&<\"']")
# A line break in a data string would start a new Markdown block (a heading, a list).
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~$]")
_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


def escape_markdown(text: object) -> str:
    """Return ``text`` safe to embed in Markdown prose: HTML-escaped, specials escaped.

    Parameters
    ----------
    text : object
        Any value; converted with ``str``.

    Returns
    -------
    str
        Text that renders literally in Markdown and HTML, on one line.
    """
    # One pass: an HTML character becomes an entity, a Markdown special gets a
    # backslash. Two passes would escape each other's output ("&\\#x27;", "\\&gt;"),
    # which then renders literally.
    return _ESCAPABLE.sub(_escape_one, _LINE_BREAK.sub(" ", str(text)))


def phrase_markdown(value: object, lang: str) -> str:
    """Return a phrase of the audit (:mod:`analysis_lib.phrases`) as Markdown prose in ``lang``.

    Its HTML marks (``lang="en"``, ``<code>``) are kept; Markdown specials in the
    text between them are escaped, as :func:`escape_markdown` escapes them.
    """
    from analysis_lib.phrases import render

    parts = re.split(r"(<[^>]*>)", render(value, lang, html=True))
    return "".join(
        part if part.startswith("<") else _MARKDOWN_SPECIAL.sub(r"\\\g<0>", part) for part in parts
    )


def _escape_one(match: re.Match) -> str:
    char = match.group(0)
    return html.escape(char, quote=True) if char in "&<>\"'" else "\\" + char


@dataclass
class Report:
    """A running notebook's parameters and outputs.

    Attributes
    ----------
    params : NotebookParams
        The validated parameters.
    recorder : Recorder
        Writes the key values and cited sources to ``values.json``.
    cited : set of str
        Source ids cited so far.
    """

    params: NotebookParams
    recorder: Recorder
    cited: set[str] = field(default_factory=set)

    @property
    def lang(self) -> str:
        """The report language, ``'en'`` or ``'ru'``."""
        return self.params.lang

    @property
    def t(self) -> Translator:
        """The report language's messages: ``report.t.gettext("English text {x}", x=...)``."""
        return translator(self.params.lang)

    def say(self, markdown: str) -> None:
        """Display a paragraph of Markdown prose (already in the report language)."""
        from IPython.display import Markdown, display

        display(Markdown(markdown))

    def html(self, markup: str) -> None:
        """Display HTML built by the story; every data string in it must be escaped."""
        from IPython.display import HTML, display

        display(HTML(markup))

    def value(self, name: str, value: object) -> object:
        """Record a key value (for the golden check) and return it unchanged."""
        return self.recorder.value(name, value)

    def values(self, mapping: dict) -> dict:
        """Record several key values at once and return them."""
        for name, value in mapping.items():
            self.recorder.value(name, value)
        return mapping

    def cite(self, source_ids) -> None:
        """Record source ids cited by the report (they appear in its footer)."""
        ids = {source_ids} if isinstance(source_ids, str) else {str(s) for s in source_ids}
        self.cited |= ids
        self.recorder.sources(sorted(ids))

    def figure(self, fig, stem: str, source_ids=()) -> None:
        """Save a figure as PNG and SVG, show it with its alt text, close it.

        Parameters
        ----------
        fig : matplotlib.figure.Figure or callable
            The figure, or a function drawing it anew on each call. A function is
            called twice: its second figure, drawn inside
            :func:`analysis_lib.plots.rendition.narrow`, is the narrow rendition
            (``<stem>.narrow.png``) that phones show.
        stem : str
            File name of the figure without extension.
        source_ids : iterable of str
            Sources the figure shows (cited in the footer).

        Notes
        -----
        The PNG bytes on disk are what the report embeds, so the HTML is as
        reproducible as the figure files. The alt text (:func:`analysis_lib.plots.alt.alt_text`)
        says in the report's language what the figure shows.
        """
        import matplotlib.pyplot as plt
        from IPython.display import HTML, display

        from analysis_lib.plots.alt import alt_text
        from analysis_lib.plots.figure_cache import save_renditions
        from analysis_lib.plots.theme import save_figure
        from analysis_lib.stories.html import figure_html

        folder = self.params.figures_dir()
        narrow_png = None
        if callable(fig):
            wide, written, narrow_file = save_renditions(fig, folder, stem)
            narrow_png = narrow_file.read_bytes()
        else:
            wide, written = fig, save_figure(fig, folder, stem)
        alt = alt_text(wide, self.lang)
        plt.close(wide)
        self.cite(source_ids)
        png = next(path for path in written if path.suffix == ".png")
        display(HTML(figure_html(png.read_bytes(), narrow_png, alt)))

    def table(self, df, *, decimals: int = 2) -> None:
        """Display a DataFrame as an HTML table: cells escaped and labelled, numbers in the
        report's style."""
        from IPython.display import HTML, display

        from analysis_lib.plots.labels import format_number
        from analysis_lib.stories.html import table_html

        html = table_html(df, float_format=lambda x: format_number(x, self.lang, decimals))
        display(HTML(html))


def start_report(
    notebook: str,
    *,
    lang: object = "en",
    output_dir: object = "",
    start_year: object = None,
    end_year: object = None,
    source: object = None,
    data_years: tuple[int, int] | Callable[[], tuple[int, int]] | None = None,
) -> Report:
    """Validate a notebook's parameters, apply the theme and return its Report.

    Parameters
    ----------
    notebook : str
        The notebook's file stem, e.g. ``"01-trade-dynamics"``.
    lang, output_dir, start_year, end_year, source
        The notebook's papermill parameters (see :func:`analysis_lib.params.check_params`).
    data_years : tuple of (int, int) or callable, optional
        The first and last year the notebook's data cover, or a function returning
        them; it is called only once ``lang`` is valid (it usually loads a table).

    Returns
    -------
    Report

    Raises
    ------
    ParameterError
        One line naming the parameter and what is allowed.
    """
    if callable(data_years):
        # An unknown language must fail before any table is read.
        check_lang(lang)
        data_years = data_years()
    params = check_params(
        notebook,
        lang=lang,
        start_year=start_year,
        end_year=end_year,
        source=source,
        output_dir=output_dir,
        data_years=data_years,
    )
    from analysis_lib.plots.theme import set_theme

    set_theme()
    report = Report(params=params, recorder=Recorder(params.figures_dir()))
    say_clipped_years(report)
    return report


def say_clipped_years(report: Report) -> None:
    """Say so when the years asked for reach past the data's and were clipped to them."""
    from analysis_lib.stories.common import join_years

    params = report.params
    if params.requested_years is None:
        return
    first, last = params.data_years
    report.say(
        report.t.gettext(
            "The data cover {data_years}; shown: {shown_years}.",
            data_years=join_years(range(first, last + 1), report.lang),
            shown_years=join_years(range(params.start_year, params.end_year + 1), report.lang),
        )
    )


def story_start(
    notebook: str,
    data_years: tuple[int, int] | Callable[[], tuple[int, int]],
    *,
    start_year: int | None = None,
    end_year: int | None = None,
    source: str | None = None,
    years: str = "Years to show (default: all the data's years).",
) -> Callable[..., Report]:
    """Return a story's ``start`` function: its notebook's second cell calls it.

    Parameters
    ----------
    notebook : str
        The notebook's file stem, e.g. ``"01-trade-dynamics"``.
    data_years : tuple of (int, int) or callable
        See :func:`start_report`.
    start_year, end_year : int, optional
        The default years (those that reproduce the article); None means the data's.
    source : str, optional
        The default audit source; None for a story that uses none (its ``start``
        still takes one, as every notebook takes the same parameters).
    years : str
        What the years select, for the docstring of ``start``.

    Returns
    -------
    callable
        ``start(*, lang="en", start_year=..., end_year=..., source=..., output_dir="")``
        returning the notebook's :class:`Report`; it raises a one-line
        ParameterError for an unknown value before any work.
    """
    default_start, default_end, default_source = start_year, end_year, source

    def start(
        *,
        lang: object = "en",
        start_year: object = default_start,
        end_year: object = default_end,
        source: object = default_source,
        output_dir: object = "",
    ) -> Report:
        return start_report(
            notebook,
            lang=lang,
            output_dir=output_dir,
            start_year=start_year,
            end_year=end_year,
            source=source,
            data_years=data_years,
        )

    start.__doc__ = _START_DOC.format(notebook=notebook, years=years)
    return start


_START_DOC = """Validate the parameters of notebook ``{notebook}`` and return its report.

    Parameters
    ----------
    lang : {{'en', 'ru'}}
    start_year, end_year : int, optional
        {years}
    source : {{'gacc', 'imf_dots_cn', 'imf_dots_ru'}}, optional
        The audit source of China's trade series, where the story uses one (every
        notebook takes it, so one parameter set runs them all).
    output_dir : str
        Folder for figures and ``values.json``; "" means the build's default.

    Returns
    -------
    Report
    """


def start_claims_report(
    notebook: str,
    *,
    lang: object,
    start_year: object,
    end_year: object,
    source: object,
    output_dir: object,
) -> Report:
    """Validate the parameters of a notebook about the article's claims; return its Report.

    ``source`` chooses the claims shown: ``'all'``, a trade source or a recorded
    table (:data:`analysis_lib.views.claims_audit.SOURCES`); only a trade source
    becomes the report's series source. The years default to the claims' own.

    Raises
    ------
    ParameterError
        An unknown language, source or year, in one line, before any work.
    """
    from analysis_lib.claims.registry import load_registry
    from analysis_lib.params import check_lang
    from analysis_lib.views.claims_audit import check_source, claim_years
    from analysis_lib.vocabulary import AUDIT_SOURCES

    check_lang(lang)
    check_source(source)
    return start_report(
        notebook,
        lang=lang,
        output_dir=output_dir,
        start_year=start_year,
        end_year=end_year,
        source=source if source in AUDIT_SOURCES else None,
        data_years=lambda: claim_years(load_registry()),
    )
