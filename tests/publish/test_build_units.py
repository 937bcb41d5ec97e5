"""Fast tests of the build's parts: hashing, manifest, PDF dates, HTML, footer, index, CLI."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from analysis_lib import cli
from analysis_lib.exceptions import ParameterError, SystemDependencyError
from analysis_lib.publish import convert, index, manifest, pdf, pipeline
from analysis_lib.publish.execute import check_parameters, normalise_notebook


def write_notebook(path: Path, parameters: str = 'lang = "en"\noutput_dir = ""') -> Path:
    cell = new_code_cell(parameters)
    cell.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[new_markdown_cell("# T"), cell, new_code_cell("print(1)")])
    nbformat.write(nb, str(path))
    return path


# --- manifest -----------------------------------------------------------------------------


def test_sha256_of_missing_file_is_marked(tmp_path: Path):
    assert manifest.sha256_file(tmp_path / "nope.csv") == "missing"


def test_library_hash_follows_code_and_templates(tmp_path: Path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "templates" / "t.j2").write_text("{{ x }}")
    first = manifest.library_hash(tmp_path)

    (tmp_path / "templates" / "t.j2").write_text("{{ y }}")
    second = manifest.library_hash(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "a.py").write_text("ignored")

    assert first != second
    assert manifest.library_hash(tmp_path) == second


def test_manifest_paths_are_relative_to_the_reports_folder(tmp_path: Path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.csv").write_text("a\n1\n")

    hashes = manifest.hash_data([tmp_path / "data" / "x.csv"], tmp_path / "reports")

    assert list(hashes) == ["../data/x.csv"]


def _entry(tmp_path: Path, shared: dict) -> dict:
    reports = tmp_path / "reports"
    (reports / "en").mkdir(parents=True)
    (reports / "en" / "a.html").write_text("<p>")
    (tmp_path / "d.csv").write_text("a\n1\n")
    data = manifest.hash_data([tmp_path / "d.csv"], reports)
    return {
        "pdf": False,
        "outputs": {"en/a.html": "x"},
        "inputs": manifest.report_inputs("nb", {"lang": "en"}, shared, data),
    }


@pytest.mark.parametrize("change", ["none", "data", "output", "notebook", "library", "pdf"])
def test_up_to_date_exactly_when_inputs_match_and_outputs_exist(tmp_path: Path, change: str):
    shared = {"library": "L", "requirements.lock": "R", "versions": {"python": "3"}}
    entry = _entry(tmp_path, shared)
    reports = tmp_path / "reports"
    notebook_sha, want_pdf = "nb", False
    if change == "data":
        (tmp_path / "d.csv").write_text("a\n2\n")
    elif change == "output":
        (reports / "en" / "a.html").unlink()
    elif change == "notebook":
        notebook_sha = "nb2"
    elif change == "library":
        shared = {**shared, "library": "L2"}
    elif change == "pdf":
        want_pdf = True

    fresh = manifest.is_up_to_date(
        entry,
        notebook_sha=notebook_sha,
        parameters={"lang": "en"},
        shared=shared,
        reports_dir=reports,
        want_pdf=want_pdf,
    )

    assert fresh is (change == "none")


def test_manifest_round_trip_is_sorted_and_atomic(tmp_path: Path):
    state = manifest.load(tmp_path)
    state["reports"]["ru/b"] = {"z": 1, "a": 2}
    manifest.save(tmp_path, state)

    text = (tmp_path / "manifest.json").read_text()

    assert manifest.load(tmp_path)["reports"] == {"ru/b": {"a": 2, "z": 1}}
    assert text.index('"a"') < text.index('"z"')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manifest.json"]


# --- PDF ----------------------------------------------------------------------------------


def test_pdf_dates_are_rewritten_to_the_same_length():
    raw = b"<< /CreationDate (D:20261128092640+00'00')\n/ModDate (D:20261128092641+00'00')>>"

    fixed = pdf.fix_pdf_dates(raw, 0)

    assert len(fixed) == len(raw)
    assert fixed.count(b"(D:19700101000000+00'00')") == 2
    assert pdf.fix_pdf_dates(raw.replace(b"41", b"59"), 0) == fixed


def test_unknown_pdf_engine_is_refused(monkeypatch):
    monkeypatch.setenv("PDF_ENGINE", "weasy")
    with pytest.raises(ParameterError, match="PDF_ENGINE must be one of 'chromium', 'latex'"):
        pdf.pdf_engine()


def test_latex_route_without_xelatex_names_the_packages(monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(SystemDependencyError, match="apt-get install -y texlive-xetex"):
        pdf.require_latex()


def test_missing_chromium_error_gives_the_apt_command():
    assert "apt-get install -y chromium" in str(pdf.missing_chromium_error())


# --- HTML and footer ----------------------------------------------------------------------


def test_title_prefers_the_language_specific_one():
    metadata = {"title": "Plain", "analysis_lib": {"titles": {"ru": "Русский"}}}

    assert convert.report_title(metadata, "ru", "stem") == "Русский"
    assert convert.report_title(metadata, "en", "stem") == "Plain"
    assert convert.report_title({}, "en", "stem") == "stem"


def test_footer_escapes_data_and_drops_non_web_links(tmp_path: Path):
    sources_csv = tmp_path / "sources.csv"
    sources_csv.write_text(
        "source_id,publisher,publisher_ru,title,title_ru,url,accessed,notes\n"
        's1,<Pub>,,Title <script>alert(1)</script>,,"https://x.org/?a=1&b=2",2024-01-01,\n'
        "s2,P,,Evil,,javascript:alert(1),2024-01-01,\n",
        encoding="utf-8",
    )
    footer = convert.provenance_footer(
        "ru", ["s2", "s1", "s<3>"], convert.read_sources(sources_csv), "abc", {"lang": "'ru'"}
    )

    assert "<script>" not in footer
    assert "Title &lt;script&gt;alert(1)&lt;/script&gt;" in footer
    assert 'href="https://x.org/?a=1&amp;b=2"' in footer
    assert "javascript:" not in footer
    assert "s&lt;3&gt;" in footer
    assert "Использованные источники" in footer
    assert "lang = &#x27;ru&#x27;" in footer


def _executed_notebook():
    params = new_code_cell('lang = "en"')
    params.metadata["tags"] = ["parameters"]
    code = new_code_cell("answer_token = 6 * 7; answer_token", execution_count=1)
    code.outputs = [new_output("stream", name="stdout", text="42\n")]
    math = new_markdown_cell("Growth $x^2$ <b>bold</b>")
    return new_notebook(cells=[params, code, math], metadata={"title": "ignored"})


@pytest.mark.parametrize("full", [False, True])
def test_html_is_offline_titled_and_has_the_footer(full: bool):
    page = convert.render_html(
        _executed_notebook(),
        title="Заголовок <1>",
        lang="ru",
        footer="<footer>F</footer>",
        full=full,
    )

    assert "<title>Заголовок &lt;1&gt;</title>" in page
    assert '<html lang="ru">' in page
    assert "<footer>F</footer>" in page
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"<link[^>]*\bhref=[\"']?https?://", page)
    assert "require.js" not in page and "mathjax" not in page.lower()
    assert "42" in page
    assert ("answer_token" in page) is full


@pytest.mark.parametrize("full", [False, True])
def test_html_prints_on_a4_with_the_title_and_page_numbers(full: bool):
    page = convert.render_html(
        _executed_notebook(), title='Отчёт "Q" </style>', lang="ru", footer="", full=full
    )
    css = page.split("@page {")[-1].split("</style>", 1)[0]

    assert "size: A4;" in css
    assert 'content: "Отчёт \\22 Q\\22  \\3c /style\\3e ";' in css
    assert 'content: "Стр. " counter(page) " из " counter(pages);' in css
    assert ('class="jp-Notebook analysis-lib-reader"' in page) is not full


def test_css_string_cannot_end_the_string_or_the_style_element():
    assert convert.css_string('a"b\\c') == '"a\\22 b\\5c c"'
    assert convert.css_string("</style>\n") == '"\\3c /style\\3e \\a "'
    assert convert.page_margin_content("T", "en")["number"] == (
        '"Page " counter(page) " of " counter(pages)'
    )


def test_normalise_replaces_volatile_fields():
    nb = _executed_notebook()
    injected = new_code_cell('lang = "ru"')
    injected.metadata["tags"] = ["injected-parameters"]
    injected.metadata["papermill"] = {"start_time": "t", "duration": 1.0, "status": "completed"}
    injected.metadata["execution"] = {"iopub.execute_input": "t"}
    nb.cells.insert(1, injected)
    nb.metadata["papermill"] = {"start_time": "t", "end_time": "t", "input_path": "/abs/a.ipynb"}
    original_ids = {nb.cells[0]["id"], nb.cells[2]["id"]}

    normalise_notebook(nb, original_ids, "a.ipynb", "a.ipynb")

    assert nb.cells[1]["id"] == "injected-parameters"
    assert nb.cells[3]["id"] == "cell-3"
    assert nb.cells[1].metadata["papermill"] == {"status": "completed"}
    assert "execution" not in nb.cells[1].metadata
    assert nb.metadata["papermill"] == {"input_path": "a.ipynb", "output_path": "a.ipynb"}


# --- parameters, discovery, index, CLI ----------------------------------------------------


def test_unknown_parameter_is_refused_before_execution(tmp_path: Path):
    notebook = write_notebook(tmp_path / "01-a.ipynb")

    with pytest.raises(ParameterError, match=r"01-a.ipynb: unknown parameter 'yeer'"):
        check_parameters(notebook, {"lang": "en", "yeer": 2023}, "01-a.ipynb")


def test_notebook_without_output_dir_parameter_is_refused(tmp_path: Path):
    notebook = write_notebook(tmp_path / "01-a.ipynb", parameters='lang = "en"')

    with pytest.raises(ParameterError, match="must define 'output_dir'"):
        check_parameters(notebook, {"lang": "en"}, "01-a.ipynb")


def test_effective_parameters_include_notebook_defaults(tmp_path: Path):
    notebook = write_notebook(tmp_path / "01-a.ipynb", 'lang = "en"\noutput_dir = ""\nyear = 2023')

    effective = check_parameters(notebook, {"lang": "ru", "output_dir": "w"}, "01-a.ipynb")

    assert effective == {"lang": "'ru'", "output_dir": "'w'", "year": "2023"}


def test_only_refuses_an_unknown_stem(tmp_path: Path):
    write_notebook(tmp_path / "01-a.ipynb")

    with pytest.raises(ParameterError, match="--only must be one of '01-a'; not '01-b'"):
        pipeline.discover(tmp_path, ("01-b",))


def test_index_escapes_and_summarises_the_audit(tmp_path: Path):
    reports = {
        "en/01-a": {
            "lang": "en",
            "stem": "01-a",
            "title": "A <b>",
            "outputs": {"en/01-a.html": "x", "en/01-a.pdf": "x", "en/figures/01-a/f.png": "x"},
        }
    }
    page = index.render_index(tmp_path, reports, {"gacc": {"confirmed": 2, "refuted": 1}})
    fallback = index.render_index(tmp_path, reports, "audit not available")

    assert "A &lt;b&gt;" in page
    assert 'src="en/figures/01-a/f.png"' in page
    assert 'href="en/01-a.pdf"' in page
    assert "<th>gacc</th><td>2</td><td>1</td>" in page
    assert "audit not available" in fallback


def test_index_is_a_card_per_report_with_language_and_every_format(tmp_path: Path):
    figures = "ru/figures/01-a/"
    outputs = {
        "ru/01-a.html": "x",
        "ru/01-a.full.html": "x",
        "ru/01-a.pdf": "x",
        f"{figures}f.narrow.png": "x",
        f"{figures}f.png": "x",
    }
    reports = {"ru/01-a": {"lang": "ru", "stem": "01-a", "title": "Т", "outputs": outputs}}

    page = index.render_index(tmp_path, reports, "audit not available")
    (card,) = re.findall(r'<li class="report" lang="ru">.*?</li>', page, re.S)

    assert '<meta name="viewport" content="width=device-width' in page
    assert "<table>\n<tr><th></th><th>Title</th>" not in page
    assert '<h2><a href="ru/01-a.html">Т</a></h2>' in card
    assert '<span class="language">Русский</span>' in card
    assert all(f'href="ru/01-a{suffix}"' in card for suffix in (".html", ".full.html", ".pdf"))
    assert f'src="{figures}f.png"' in card and "narrow" not in card


def test_audit_summary_falls_back_when_the_module_is_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "analysis_lib.claims.audit", None)

    assert index.audit_summary() == "audit not available"


def test_cli_parses_the_build_options(monkeypatch, tmp_path: Path):
    seen = {}
    monkeypatch.setattr(pipeline, "build", lambda options: seen.setdefault("options", options))

    code = cli.main(
        ["build", "--jobs", "3", "--lang", "ru", "--only", "01-a", "02-b", "--no-pdf", "--force",
         "--notebooks-dir", str(tmp_path), "--reports-dir", str(tmp_path / "r")]
    )  # fmt: skip

    options = seen["options"]
    assert code == 0
    assert (options.jobs, options.languages, options.only) == (3, ("ru",), ("01-a", "02-b"))
    assert (options.pdf, options.force, options.reports_dir) == (False, True, tmp_path / "r")


def test_kernels_get_the_figure_cache_and_a_forced_build_empties_it(tmp_path):
    from analysis_lib.plots import figure_cache

    entry = tmp_path / "cache" / "figures" / ("0" * 64)
    entry.mkdir(parents=True)
    env = pipeline._kernel_environment(pipeline.BuildOptions(), tmp_path)
    assert env[figure_cache.CACHE_ENV] == str(tmp_path / "cache" / "figures")
    assert entry.is_dir()
    pipeline._kernel_environment(pipeline.BuildOptions(force=True), tmp_path)
    assert not entry.parent.exists()
