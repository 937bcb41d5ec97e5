"""Convert an executed notebook to the reader and full HTML reports.

The template (``templates/analysis_lib``) extends nbconvert's ``lab`` template
and loads nothing from the network. Every value taken from data or metadata
that goes into the provenance footer is HTML-escaped here.
"""

from __future__ import annotations

import csv
import html
import logging
import sys
from pathlib import Path

from analysis_lib import paths

TEMPLATE_NAME = "analysis_lib"
TITLE_TAG = "report-title"
"""Tag of a notebook's title heading cells: the template prints the title itself."""

_LABELS = {
    "en": {
        "heading": "Provenance",
        "sources": "Sources cited",
        "none": "none recorded",
        "commit": "Build commit",
        "parameters": "Parameters",
        "unknown_source": "not listed in data/sources.csv",
    },
    "ru": {
        "heading": "Происхождение данных",
        "sources": "Использованные источники",
        "none": "не указаны",
        "commit": "Коммит сборки",
        "parameters": "Параметры",
        "unknown_source": "нет в data/sources.csv",
    },
}


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


def _source_item(source_id: str, row: dict | None, labels: dict) -> str:
    escaped_id = html.escape(source_id)
    if row is None:
        return f"<li><code>{escaped_id}</code> ({html.escape(labels['unknown_source'])})</li>"
    title = html.escape(row.get("title") or source_id)
    url = (row.get("url") or "").strip()
    # Only web links become anchors: a data value must never inject a javascript: URL.
    scheme = url.split(":", 1)[0].lower() if ":" in url.split("/", 1)[0] else ""
    if scheme in ("https", "http"):
        title = f'<a href="{html.escape(url)}">{title}</a>'
    elif url and not scheme:
        # A bare address as published (e.g. "government.ru/..."): cited as text.
        title = f"{title}, {html.escape(url)}"
    elif url:
        print(
            f"warning: sources.csv, source {source_id!r}: url must start with http:// or "
            f"https://; not {url[:80]!r} (cited without a link)",
            file=sys.stderr,
        )
    publisher = html.escape(row.get("publisher") or "")
    publisher = f", {publisher}" if publisher else ""
    return f"<li>{title}{publisher} (<code>{escaped_id}</code>)</li>"


def provenance_footer(
    lang: str,
    source_ids: list[str],
    sources: dict[str, dict[str, str]],
    commit: str,
    parameters: dict,
) -> str:
    """Return the HTML footer: cited sources, the build commit and the parameters.

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
    """
    labels = _LABELS.get(lang, _LABELS["en"])
    items = "\n".join(_source_item(sid, sources.get(sid), labels) for sid in sorted(source_ids))
    cited = f"<ul>\n{items}\n</ul>" if items else f"<p>{html.escape(labels['none'])}</p>"
    params = ", ".join(
        f"<code>{html.escape(str(key))} = {html.escape(str(parameters[key]))}</code>"
        for key in sorted(parameters)
    )
    return (
        '<footer class="analysis-lib-provenance">\n'
        f"<h2>{html.escape(labels['heading'])}</h2>\n<dl>\n"
        f"<dt>{html.escape(labels['sources'])}</dt>\n<dd>{cited}</dd>\n"
        f"<dt>{html.escape(labels['commit'])}</dt>\n<dd><code>{html.escape(commit)}</code></dd>\n"
        f"<dt>{html.escape(labels['parameters'])}</dt>\n<dd>{params}</dd>\n"
        "</dl>\n</footer>"
    )


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


def _is_stderr(output) -> bool:
    return output.get("output_type") == "stream" and output.get("name") == "stderr"


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
    import copy

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
    nb = copy.deepcopy(nb)
    nb.metadata["title"] = title
    if not full:
        # The reader is prose, tables and figures: library warnings (e.g. a glyph
        # missing from the fonts) stay in the full version only.
        for cell in nb.cells:
            if "outputs" in cell:
                cell.outputs = [o for o in cell.outputs if not _is_stderr(o)]
    body, _ = exporter.from_notebook_node(
        nb, resources={"analysis_lib_footer": footer, "metadata": {"name": title}}
    )
    return body
