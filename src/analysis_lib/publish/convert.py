"""Convert an executed notebook to the reader and full HTML reports.

The template (``templates/analysis_lib``) extends nbconvert's ``lab`` template
and loads nothing from the network. Every value taken from data or metadata
that goes into the provenance footer is HTML-escaped here.
"""

from __future__ import annotations

import ast
import csv
import html
import logging
import sys
from pathlib import Path

from analysis_lib import paths
from analysis_lib.i18n import N_, translator

TEMPLATE_NAME = "analysis_lib"
TITLE_TAG = "report-title"
"""Tag of a notebook's title heading cells: the template prints the title itself."""

_LABELS = {
    "heading": N_("Provenance"),
    "sources": N_("Sources cited"),
    "none": N_("none recorded"),
    "commit": N_("Build commit"),
    "parameters": N_("Parameters"),
    "unknown_source": N_("not listed in data/sources.csv"),
    "rebuild": N_("To rebuild this report"),
    "source": N_("Trade series"),
    "years": N_("Years"),
    "language": N_("Language"),
    "commands": N_("Commands"),
}
"""The footer's labels (English message ids, translated where shown)."""

_LANGUAGE_NAMES = {"en": N_("English"), "ru": N_("Russian")}


def report_title(metadata: dict, lang: str, fallback: str) -> str:
    """Return the report title in ``lang``.

    Parameters
    ----------
    metadata : dict
        Notebook metadata: ``analysis_lib.titles[lang]`` wins over ``title``.
    lang : str
        Report language.
    fallback : str
        Used when neither is set (the notebook stem).
    """
    titles = (metadata.get("analysis_lib") or {}).get("titles") or {}
    return str(titles.get(lang) or metadata.get("title") or fallback)


def read_sources(sources_csv: Path) -> dict[str, dict[str, str]]:
    """Return ``data/sources.csv`` rows keyed by ``source_id`` (empty if the file is absent)."""
    if not sources_csv.exists():
        return {}
    # utf-8-sig: the loaders accept a BOM, so the footer must too.
    with sources_csv.open(newline="", encoding="utf-8-sig") as stream:
        return {row["source_id"]: row for row in csv.DictReader(stream) if row.get("source_id")}


def _has_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _in_language(text: str, lang: str) -> str:
    """Return escaped ``text``, marking the parts in another language than the report's.

    In a Russian report a Latin-script title is marked ``lang="en"``; in an English
    report the Russian half of a bilingual title ("English / Русский") ``lang="ru"``.
    """
    escaped = html.escape(text)
    if lang == "en":
        return " / ".join(
            f'<span lang="ru">{html.escape(part)}</span>'
            if _has_cyrillic(part)
            else html.escape(part)
            for part in text.split(" / ")
        )
    if not any("a" <= ch.lower() <= "z" for ch in text):
        return escaped
    if _has_cyrillic(text):
        return escaped
    return f'<span lang="en">{escaped}</span>'


def _source_item(source_id: str, row: dict | None, labels: dict, lang: str = "en") -> str:
    escaped_id = html.escape(source_id)
    if row is None:
        return f"<li><code>{escaped_id}</code> ({html.escape(labels['unknown_source'])})</li>"
    # A title the project wrote (a page's description) has its translation in
    # title_<lang>; a published title stays in its own language, marked as such.
    translated = (row.get(f"title_{lang}") or "").strip() if lang != "en" else ""
    title = (
        html.escape(translated)
        if translated
        else _in_language(row.get("title") or source_id, lang)
    )
    url = (row.get("url") or "").strip()
    # Only web links become anchors: a data value must never inject a javascript: URL.
    scheme = url.split(":", 1)[0].lower() if ":" in url.split("/", 1)[0] else ""
    if scheme in ("https", "http"):
        title = f'<a href="{html.escape(url)}">{title}</a>'
    elif url and not scheme:
        # A bare address as published (e.g. "government.ru/..."): cited as text.
        title = f"{title}, <code>{html.escape(url)}</code>"
    elif url:
        print(
            f"warning: sources.csv, source {source_id!r}: url must start with http:// or "
            f"https://; not {url[:80]!r} (cited without a link)",
            file=sys.stderr,
        )
    translated = (row.get(f"publisher_{lang}") or "").strip() if lang != "en" else ""
    publisher = (
        html.escape(translated) if translated else _in_language(row.get("publisher") or "", lang)
    )
    publisher = f", {publisher}" if publisher else ""
    return f"<li>{title}{publisher} (<code>{escaped_id}</code>)</li>"


def provenance_footer(
    lang: str,
    source_ids: list[str],
    sources: dict[str, dict[str, str]],
    commit: str,
    parameters: dict,
    *,
    stem: str = "",
    full: bool = True,
) -> str:
    """Return the HTML footer: the cited sources, then how the report was built.

    The full version lists the build commit and every parameter as the build
    passed it; the reader version ends instead with a short block in the
    report's language: the commit, the trade series, the years and the
    language, and the commands that rebuild the report.

    Parameters
    ----------
    lang : str
        Language of the labels (``en`` or ``ru``).
    source_ids : list of str
        Ids the notebook recorded with ``Recorder.sources``.
    sources : dict
        ``data/sources.csv`` rows by id (see :func:`read_sources`).
    commit : str
        ``git rev-parse HEAD`` or ``"unknown"``.
    parameters : dict
        The parameters the notebook was executed with, name -> source text.
    stem : str
        The notebook's file stem, for the rebuild command.
    full : bool
        True for the full version (technical detail), False for the reader's.
    """
    t = translator(lang)
    labels = {key: t.gettext(message) for key, message in _LABELS.items()}
    items = "\n".join(
        _source_item(sid, sources.get(sid), labels, lang) for sid in sorted(source_ids)
    )
    cited = f"<ul>\n{items}\n</ul>" if items else f"<p>{html.escape(labels['none'])}</p>"
    if full:
        params = ", ".join(
            f"<code>{html.escape(str(key))} = {html.escape(str(parameters[key]))}</code>"
            for key in sorted(parameters)
        )
        built = (
            f"<dt>{html.escape(labels['commit'])}</dt>\n<dd><code>{html.escape(commit)}</code></dd>\n"
            f"<dt>{html.escape(labels['parameters'])}</dt>\n<dd>{params}</dd>\n"
        )
    else:
        built = rebuild_block(lang, commit, parameters, stem, labels)
    return (
        '<footer class="analysis-lib-provenance">\n'
        f"<h2>{html.escape(labels['heading'])}</h2>\n<dl>\n"
        f"<dt>{html.escape(labels['sources'])}</dt>\n<dd>{cited}</dd>\n"
        f"{built}"
        "</dl>\n</footer>"
    )


def _literal(parameters: dict, name: str) -> object:
    try:
        return ast.literal_eval(str(parameters.get(name, "None")))
    except (ValueError, SyntaxError):
        return None


def rebuild_block(lang: str, commit: str, parameters: dict, stem: str, labels: dict) -> str:
    """Return the reader's "to rebuild this report" entries of the footer (escaped HTML).

    Parameters
    ----------
    lang : str
        The report language.
    commit : str
        The build commit, or ``"unknown"``.
    parameters : dict
        The effective parameters, name -> source text (``start_year = 2009``).
    stem : str
        The notebook's file stem.
    labels : dict
        The footer's translated labels.
    """
    from analysis_lib.plots.labels import SOURCE_NAMES
    from analysis_lib.stories.common import join_years

    t = translator(lang)
    start, end, source = (_literal(parameters, n) for n in ("start_year", "end_year", "source"))
    command = ["python -m analysis_lib build", f"--lang {lang}"]
    if stem:
        command.append(f"--only {stem}")
    entries = []
    if isinstance(source, str) and source:
        if source in SOURCE_NAMES:
            shown = html.escape(t.gettext(SOURCE_NAMES[source]))
        elif source == "all":
            shown = html.escape(t.gettext("all sources"))
        else:
            shown = f"<code>{html.escape(source)}</code>"
        entries.append((labels["source"], shown))
        command.append(f"--source {source}")
    if isinstance(start, int) and isinstance(end, int) and start <= end:
        entries.append((labels["years"], html.escape(join_years(range(start, end + 1), lang))))
        command.append(f"--start-year {start} --end-year {end}")
    entries.append((labels["language"], html.escape(t.gettext(_LANGUAGE_NAMES[lang]))))
    lines = [] if commit == "unknown" else [f"git checkout {commit}"]
    lines += ["make setup", " ".join(command)]
    text = [f"<dt>{html.escape(labels['rebuild'])}</dt>\n<dd><dl>\n"]
    text.append(
        f"<dt>{html.escape(labels['commit'])}</dt><dd><code>{html.escape(commit)}</code></dd>\n"
    )
    text += [f"<dt>{html.escape(name)}</dt><dd>{value}</dd>\n" for name, value in entries]
    commands = html.escape("\n".join(lines))
    text.append(
        f"<dt>{html.escape(labels['commands'])}</dt><dd><pre><code>{commands}</code></pre></dd>\n"
    )
    text.append("</dl></dd>\n")
    return "".join(text)


def language_tag(lang: str) -> str:
    """Return the tag of a notebook's cells written in ``lang`` (e.g. ``lang-ru``)."""
    return f"lang-{lang}"


def language_filter(lang: str):
    """Return the nbconvert ``TagRemovePreprocessor`` that leaves out what a ``lang`` report omits.

    A notebook keeps its headings and notes in every language as Markdown cells
    tagged ``lang-en``, ``lang-ru``; a report keeps its own language's, and drops
    the title cells (tagged ``report-title``), whose text the template prints.
    """
    from nbconvert.preprocessors import TagRemovePreprocessor

    from analysis_lib.vocabulary import LANGS

    others = {language_tag(other) for other in LANGS if other != lang}
    return TagRemovePreprocessor(remove_cell_tags=others | {TITLE_TAG}, enabled=True)


def css_string(text: str) -> str:
    """Return ``text`` as a quoted CSS string that cannot end the string or the style element.

    Quotes, backslashes, ``<``, ``>``, ``&`` and control characters become hex escapes.
    """
    escaped = "".join(
        f"\\{ord(char):x} " if char in '"\\<>&' or ord(char) < 0x20 or ord(char) == 0x7F else char
        for char in str(text)
    )
    return f'"{escaped}"'


def page_margin_content(title: str, lang: str) -> dict[str, str]:
    """Return the CSS ``content`` of the printed page's running title and page number.

    Parameters
    ----------
    title : str
        The report title (any text: it is escaped).
    lang : str
        Language of the page-number words.

    Returns
    -------
    dict
        ``title`` and ``number``, CSS values for the ``@page`` margin boxes.
    """
    # The fields become CSS counters: split the translated words around them.
    # TRANSLATORS: the footer of a printed page; {page} and {pages} are numbers.
    words = translator(lang).gettext(
        "Page {page} of {pages}",
        page="\0page\0",
        pages="\0pages\0",
    )
    parts = words.split("\0")
    number = " ".join(
        f"counter({part})" if index % 2 else css_string(part)
        for index, part in enumerate(parts)
        if index % 2 or part
    )
    return {"title": css_string(title), "number": number}


def _is_stderr(output) -> bool:
    return output.get("output_type") == "stream" and output.get("name") == "stderr"


_EXPORTERS: dict[tuple[str, bool], object] = {}


def html_exporter(lang: str, full: bool, template_cache: Path | None = None):
    """Return this process's HTML exporter for ``lang`` and ``full``, built on first use.

    Building one loads the template, its Jinja environment and the
    preprocessors; a worker builds each of its (at most four) kinds once and
    reuses them for every report. An exporter built with ``template_cache``
    (a folder) keeps its compiled templates there for the next build; Jinja
    checks each against its template's source.
    """
    key = (lang, full)
    if key not in _EXPORTERS:
        from nbconvert import HTMLExporter

        # nbconvert warns "Alternative text is missing" for every matplotlib figure.
        quiet = logging.getLogger("analysis_lib.publish.nbconvert")
        quiet.setLevel(logging.ERROR)
        exporter = HTMLExporter(
            log=quiet,
            template_name=TEMPLATE_NAME,
            extra_template_basedirs=[str(paths.TEMPLATES_DIR)],
            exclude_input=not full,
            exclude_input_prompt=not full,
            exclude_output_prompt=not full,
            language_code=lang,
        )
        exporter.register_preprocessor(language_filter(lang), enabled=True)
        if template_cache is not None:
            from jinja2 import FileSystemBytecodeCache

            Path(template_cache).mkdir(parents=True, exist_ok=True)
            exporter.environment.bytecode_cache = FileSystemBytecodeCache(str(template_cache))
        _EXPORTERS[key] = exporter
    return _EXPORTERS[key]


def prepare_exporters(languages, template_cache: Path | None = None) -> None:
    """Build and use once the exporters of ``languages``, so that forked workers inherit them.

    The first conversion compiles the templates (about 0.1 s an exporter);
    done here, in the build process before it forks, each worker skips it.
    With ``template_cache`` (a folder) the compiled templates are kept there
    for the next build (see :func:`html_exporter`).
    """
    for lang in languages:
        for full in (False, True):
            html_exporter(lang, full, template_cache)
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    output = new_output("display_data", data={"text/html": "<p>x</p>", "text/plain": "x"})
    nb = new_notebook(cells=[new_markdown_cell("# x"), new_code_cell("x", outputs=[output])])
    for lang in languages:
        render_reports(nb, title="x", lang=lang, footers={False: "", True: ""})


def render_html(nb, *, title: str, lang: str, footer: str, full: bool) -> str:
    """Return the HTML of an executed notebook.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        Executed, normalised notebook (not modified).
    title : str
        Goes into ``<title>`` (escaped by the template).
    lang : str
        ``<html lang>``.
    footer : str
        Provenance footer HTML (already escaped).
    full : bool
        True keeps code cells, prompts and stderr output; False is the reader version.
    """
    return render_reports(nb, title=title, lang=lang, footers={full: footer})[full]


def render_reports(nb, *, title: str, lang: str, footers: dict[bool, str]) -> dict[bool, str]:
    """Return the reader (False) and full (True) HTML of an executed notebook.

    The notebook is copied and titled once for both versions, and each
    version's exporter is built once per process (:func:`html_exporter`).

    Parameters
    ----------
    nb : nbformat.NotebookNode
        Executed, normalised notebook (not modified).
    title, lang
        As for :func:`render_html`.
    footers : dict
        Provenance footer HTML (already escaped) by version: False the reader,
        True the full version; only these versions are rendered.

    Returns
    -------
    dict
        HTML by version.
    """
    import copy

    shared = copy.deepcopy(nb)
    shared.metadata["title"] = title
    pages = {}
    for full, footer in footers.items():
        version = shared
        if not full:
            # The reader is prose, tables and figures: library warnings (e.g. a glyph
            # missing from the fonts) stay in the full version only.
            version = copy.copy(shared)
            version.cells = [copy.copy(cell) for cell in shared.cells]
            for cell in version.cells:
                if "outputs" in cell:
                    cell.outputs = [o for o in cell.outputs if not _is_stderr(o)]
        resources = {
            "analysis_lib_footer": footer,
            "analysis_lib_page": page_margin_content(title, lang),
            "metadata": {"name": title},
        }
        body, _ = html_exporter(lang, full).from_notebook_node(version, resources=resources)
        pages[full] = body
    return pages
