"""End-to-end report builds on two tiny notebooks (tests/publish/fixtures) in a tmp tree.

One tree is built once per module and the tests run in order on it: outputs,
content, no-op, clean rebuild byte for byte, a notebook saved with outputs, data
dependency, failure, CLI.
The library hash and the commit are pinned: other code changing while the
tests run must not turn a no-op into a rebuild.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
from demo_tree import STEMS, make_demo_tree, write_demo_csv
from jupyterlab_save import dumps, saved_by_jupyterlab
from nbformat.v4 import new_code_cell, new_notebook
from pypdf import PdfReader

from analysis_lib import cli
from analysis_lib.exceptions import BuildError, ParameterError, SystemDependencyError
from analysis_lib.publish import index, manifest, pdf, pipeline

# One tree per module: with `pytest -n N --dist loadgroup` all of it runs on one worker.
# Under plain `-n N` each test still holds alone, given the tests before it in this file.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("build-pipeline")]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


class Tree:
    """The tmp project: notebooks/, data/, reports/, build/."""

    def __init__(self, root: Path):
        self.root = root
        self.notebooks = root / "notebooks"
        self.data = root / "data"
        self.reports = root / "reports"
        self.build = root / "build"

    def options(self, **changes) -> pipeline.BuildOptions:
        settings = {
            "notebooks_dir": self.notebooks,
            "reports_dir": self.reports,
            "build_dir": self.build,
            "data_dir": self.data,
            "jobs": 2,
        }
        return pipeline.BuildOptions(**{**settings, **changes})

    def run(self, **changes) -> pipeline.BuildSummary:
        return pipeline.build(self.options(**changes))

    def cli_args(self) -> list[str]:
        return [
            "build",
            "--notebooks-dir", str(self.notebooks),
            "--reports-dir", str(self.reports),
            "--build-dir", str(self.build),
        ]  # fmt: skip


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("project")
    built = Tree(root)
    make_demo_tree(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ANALYSIS_LIB_DATA_DIR", str(built.data))
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        patch.setattr(manifest, "library_hash", lambda *args: "pinned-library")
        patch.setattr(pipeline, "build_commit", lambda: "0123abcd")
        patch.setattr(index, "audit_summary", lambda data_dir=None: {"gacc": {"confirmed": 2}})
        summary = built.run()
        built.first_summary = summary
        built.first = _snapshot(built.reports)
        yield built


def test_first_build_writes_every_output(tree):
    expected = {"index.html", "manifest.json"}
    for lang in ("en", "ru"):
        for stem in STEMS:
            expected |= {f"{lang}/{stem}{suffix}" for suffix in (".html", ".full.html", ".pdf")}
            expected.add(f"{lang}/{stem}.values.json")
            assert (tree.build / "executed" / lang / f"{stem}.ipynb").exists()
        expected |= {f"{lang}/figures/01-demo-growth/trade.{s}" for s in ("png", "svg")}

    assert set(tree.first) == expected
    assert sorted(tree.first_summary.built) == sorted(
        f"{lang}/{stem}" for lang in ("en", "ru") for stem in STEMS
    )


def test_html_shows_the_computed_numbers_in_each_language(tree):
    en = (tree.reports / "en" / "01-demo-growth.html").read_text(encoding="utf-8")
    ru = (tree.reports / "ru" / "01-demo-growth.html").read_text(encoding="utf-8")
    full = (tree.reports / "en" / "01-demo-growth.full.html").read_text(encoding="utf-8")

    assert "Growth, per cent: 26.3" in en
    assert "Рост, процентов: 26.3" in ru
    assert "<title>Демонстрационный отчёт о росте</title>" in ru
    assert "Итого 42.5" in (tree.reports / "ru" / "02-demo-text.html").read_text(encoding="utf-8")
    assert "DictReader" not in en and "DictReader" in full


def test_values_json_is_published(tree):
    text = (tree.reports / "en" / "01-demo-growth.values.json").read_text(encoding="utf-8")

    expected = {"sources": ["demo-src"], "values": {"growth_pct": 26.3}}
    assert text == json.dumps(expected, indent=2, sort_keys=True) + "\n"


def test_footer_cites_escaped_sources_commit_and_parameters(tree):
    page = (tree.reports / "en" / "01-demo-growth.html").read_text(encoding="utf-8")

    # nbconvert re-serialises the page, turning &quot; in text back into a quote.
    assert 'Customs &amp; "trade" &lt;script&gt;x&lt;/script&gt;' in page
    assert "<script>x</script>" not in page
    assert "0123abcd" in page
    # The reader version says how to rebuild it; the full version lists the parameters.
    assert "To rebuild this report" in page and 'data_file = "demo.csv"' not in page
    full = (tree.reports / "en" / "01-demo-growth.full.html").read_text(encoding="utf-8")
    assert 'data_file = "demo.csv"' in full


def test_no_report_loads_anything_from_the_network(tree):
    import re

    for name, content in tree.first.items():
        if name.endswith(".html"):
            page = content.decode("utf-8")
            assert not re.search(r"<script[^>]*\bsrc=", page), name
            assert not re.search(r"<(link|img)[^>]*\b(src|href)=[\"']?(https?:)?//", page), name


@pytest.mark.browser
def test_pdf_text_has_the_numbers_and_cyrillic(tree):
    ru = "".join(
        p.extract_text() for p in PdfReader(tree.reports / "ru" / "01-demo-growth.pdf").pages
    )
    en = "".join(
        p.extract_text() for p in PdfReader(tree.reports / "en" / "02-demo-text.pdf").pages
    )

    assert "Рост, процентов: 26.3" in ru
    assert "Total 42.5" in en


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "title", "page_words"),
    [("ru", "Демонстрационный отчёт о росте", "Стр. 1 из 1"), ("en", None, "Page 1 of 1")],
)
def test_pdf_is_a4_with_title_page_numbers_and_language(tree, lang, title, page_words):
    reader = PdfReader(tree.reports / lang / "01-demo-growth.pdf")
    page = reader.pages[0]
    text = page.extract_text()
    html_title = (tree.reports / lang / "01-demo-growth.html").read_text("utf-8")
    title = title or html_title.split("<title>", 1)[1].split("</title>", 1)[0]

    # A4 is 595.3 x 841.9 points; US Letter, 612 x 792.
    assert abs(float(page.mediabox.width) - 595.3) < 2
    assert abs(float(page.mediabox.height) - 841.9) < 2
    assert page_words in text
    assert text.count(title) >= 2, "the running title and the page's own title"
    assert reader.metadata.title == title
    assert reader.trailer["/Root"]["/Lang"] == lang


def test_second_build_is_a_no_op(tree):
    summary = tree.run()

    assert summary.built == [] and not summary.index_written
    assert _snapshot(tree.reports) == tree.first


def test_clean_rebuild_is_byte_identical(tree):
    shutil.rmtree(tree.reports)
    shutil.rmtree(tree.build)

    tree.run()

    rebuilt = _snapshot(tree.reports)
    assert sorted(rebuilt) == sorted(tree.first)
    assert [name for name in rebuilt if rebuilt[name] != tree.first[name]] == []


def test_a_build_in_the_other_order_gives_the_same_bytes(tree, monkeypatch):
    # One worker: every kernel is forked from one warm parent, every page goes through
    # the same exporters and browser; what one report leaves behind must not reach the next.
    discover = pipeline.discover
    monkeypatch.setattr(pipeline, "discover", lambda *args: discover(*args)[::-1])
    reports = tree.root / "reports-reversed"

    summary = tree.run(reports_dir=reports, build_dir=tree.root / "build-reversed", jobs=1)

    assert summary.built[0].endswith(STEMS[-1])
    rebuilt = _snapshot(reports)
    assert sorted(rebuilt) == sorted(tree.first)
    assert [name for name in rebuilt if rebuilt[name] != tree.first[name]] == []


def test_timings_go_to_stderr_only_when_asked(tree, capsys, monkeypatch):
    from analysis_lib.publish import timings

    monkeypatch.setenv(timings.ENV_VAR, "0")
    args = [
        "build",
        "--notebooks-dir", str(tree.notebooks),
        "--reports-dir", str(tree.root / "reports-timed"),
        "--build-dir", str(tree.root / "build-timed"),
        "--only", "02-demo-text",
        "--lang", "en",
        "--no-pdf",
    ]  # fmt: skip
    assert cli.main(args) == 0
    plain = capsys.readouterr()
    assert "timings" not in plain.err and "timings" not in plain.out

    assert cli.main([*args, "--force", "--timings"]) == 0
    timed = capsys.readouterr()
    assert timed.out.startswith("[1/1] 02-demo-text (en) html ") and "timings" not in timed.out
    assert timed.err.startswith("timings: ") and "1 report(s) built" in timed.err
    for stage in ("plan", "build reports", "execute (kernel + cells)", "html export"):
        assert f" {stage} " in timed.err, stage


def test_a_notebook_run_and_saved_in_jupyterlab_rebuilds_nothing(tree):
    notebook = tree.notebooks / "01-demo-growth.ipynb"
    committed = notebook.read_bytes()
    notebook.write_text(dumps(saved_by_jupyterlab(json.loads(committed))), encoding="utf-8")
    try:
        assert tree.run().built == []

        tree.run(only=("01-demo-growth",), force=True)

        # What the key leaves out does not reach the reports either.
        assert _snapshot(tree.reports) == tree.first
    finally:
        notebook.write_bytes(committed)


def test_touching_a_data_file_rebuilds_exactly_its_readers(tree):
    (tree.data / "demo.csv").touch()
    assert tree.run().built == []

    write_demo_csv(tree.data, "150.0")
    summary = tree.run()

    assert sorted(summary.built) == ["en/01-demo-growth", "ru/01-demo-growth"]
    page = (tree.reports / "en" / "01-demo-growth.html").read_text(encoding="utf-8")
    assert "Growth, per cent: 50.0" in page
    assert (tree.reports / "en" / "02-demo-text.html").read_bytes() == tree.first[
        "en/02-demo-text.html"
    ]


def test_unknown_parameter_is_refused_before_anything_runs(tree):
    before = _snapshot(tree.reports)

    with pytest.raises(ParameterError, match=r"01-demo-growth.ipynb: unknown parameter 'yeer'"):
        tree.run(parameters={"yeer": 2023}, force=True)

    assert _snapshot(tree.reports) == before


def test_failing_notebook_leaves_reports_untouched(tree, capsys):
    broken = new_notebook(
        cells=[
            new_code_cell('lang = "en"\noutput_dir = ""', metadata={"tags": ["parameters"]}),
            new_code_cell("x = 1"),
            new_code_cell("x / 0"),
        ]
    )
    nbformat.write(broken, str(tree.notebooks / "03-broken.ipynb"))
    demo_csv = (tree.data / "demo.csv").read_bytes()
    write_demo_csv(tree.data, "200.0")  # 01 is stale too: its new HTML must not be published
    before = _snapshot(tree.reports)
    try:
        with pytest.raises(BuildError, match=r"03-broken.ipynb \(en\), cell 3: ZeroDivisionError"):
            tree.run(languages=("en",))
        assert _snapshot(tree.reports) == before
        assert (tree.build / "executed" / "en" / "03-broken.ipynb").exists()

        code = cli.main([*tree.cli_args(), "--lang", "en", "--only", "03-broken"])
        err = capsys.readouterr().err
        assert code == 1
        assert err.startswith("error: ") and "cell 3" in err and err.count("\n") == 1
    finally:
        (tree.notebooks / "03-broken.ipynb").unlink()
        (tree.data / "demo.csv").write_bytes(demo_csv)


def test_cli_reports_up_to_date(tree, capsys):
    assert cli.main(tree.cli_args()) == 0
    assert "up to date" in capsys.readouterr().out


def test_missing_chromium_still_builds_html_and_fails(tree, monkeypatch):
    monkeypatch.setattr(pdf, "find_chromium", lambda: None)

    with pytest.raises(SystemDependencyError, match="apt-get install -y chromium"):
        tree.run(only=("02-demo-text",), languages=("en",), force=True, jobs=1)

    entry = manifest.load(tree.reports)["reports"]["en/02-demo-text"]
    assert entry["pdf"] is False and "en/02-demo-text.html" in entry["outputs"]
    assert not (tree.reports / "en" / "02-demo-text.pdf").exists()
    assert 'href="en/02-demo-text.pdf"' not in (tree.reports / "index.html").read_text("utf-8")
