"""The reproducibility check: golden values, byte-for-byte rebuild, index links, browser.

Fast tests cover the comparison and the link check on hand-made files; the
slow ones run ``check`` and ``golden`` on the two tiny notebooks of
tests/publish/fixtures with a copy of the project's data (plus ``demo.csv``).
The library hash and the commit are pinned: other code changing while the
tests run must not make the two builds differ.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from analysis_lib import cli, paths
from analysis_lib.publish import check, golden, manifest, pdf, pipeline

FIXTURES = Path(__file__).parent / "fixtures"


def slow(test):
    """Mark a test slow; the slow ones share one tree, so they go to one xdist worker."""
    return pytest.mark.slow(pytest.mark.xdist_group("build-check")(test))


# --- comparison ---------------------------------------------------------------------------


def _report(values: dict, data_sha: str = "a" * 64, sources=("src",)) -> dict:
    return {
        "inputs": {"data": {"demo.csv": data_sha}, "notebook": {"01-demo.ipynb": "b" * 64}},
        "sources": list(sources),
        "values": values,
    }


def test_compare_names_the_value_old_new_and_the_changed_input():
    old = {"en/01-demo.json": _report({"growth_pct": 25.0, "same": 1})}
    new = {"en/01-demo.json": _report({"growth_pct": 26.5, "same": 1}, data_sha="c" * 64)}

    diffs = golden.compare(old, new)
    lines = golden.format_diff(diffs)

    assert [d.values for d in diffs] == [[("growth_pct", 25.0, 26.5)]]
    assert diffs[0].changed_inputs == ["data/demo.csv"]
    assert "  en/01-demo: growth_pct: 25.0 -> 26.5" in lines
    assert "inputs changed: data/demo.csv" in lines[0]
    assert diffs[0].summary() == "en/01-demo: growth_pct differs; inputs changed: data/demo.csv"


def test_compare_is_exact_about_types_and_nested_values():
    old = {"r.json": _report({"n": 1, "series": [1.0, 2.0], "by": {"a": "x"}})}
    new = {"r.json": _report({"n": 1.0, "series": [1.0, 2.5], "by": {"a": "x", "b": "y"}})}

    (diff,) = golden.compare(old, new)

    assert diff.values == [
        ("by.b", golden.ABSENT, "y"),
        ("n", 1, 1.0),
        ("series[1]", 2.0, 2.5),
    ]
    assert diff.changed_inputs == []
    assert "inputs changed: none" in golden.format_diff([diff])[0]
    assert '  r: by.b: (absent) -> "y"' in golden.format_diff([diff])


def test_compare_audit_verdicts_and_cited_sources():
    def audit(verdict: str) -> dict:
        verdicts = {"trade-2014/gacc": {"computed": "95.3", "verdict": verdict}}
        return {"inputs": {"data": {"claims.csv": "a"}}, "verdicts": verdicts}

    old = {"audit.json": audit("consistent"), "en/x.json": _report({}, sources=["a"])}
    new = {"audit.json": audit("inconsistent"), "en/x.json": _report({}, sources=["a", "b"])}

    lines = golden.format_diff(golden.compare(old, new))

    assert '  audit: trade-2014/gacc.verdict: "consistent" -> "inconsistent"' in lines
    assert '  en/x: (cited sources): ["a"] -> ["a", "b"]' in lines


def test_compare_reports_documents_on_one_side_and_input_only_changes():
    old = {"en/gone.json": _report({}), "en/same.json": _report({"v": 1})}
    new = {"en/new.json": _report({}), "en/same.json": _report({"v": 1}, data_sha="d" * 64)}

    diffs = {d.name: d for d in golden.compare(old, new)}

    assert diffs["en/gone.json"].missing == "build" and diffs["en/gone.json"].failed
    assert diffs["en/new.json"].missing == "golden" and diffs["en/new.json"].failed
    assert not diffs["en/same.json"].failed
    assert golden.format_diff([diffs["en/same.json"]]) == [
        "en/same: values unchanged; inputs changed: data/demo.csv"
    ]


def test_golden_files_are_stable_and_stale_ones_removed(tmp_path: Path):
    documents = {"en/a.json": _report({"z": 1, "a": 2}), "audit.json": {"verdicts": {}}}
    (tmp_path / "ru").mkdir()
    (tmp_path / "ru" / "old.json").write_text("{}\n")

    touched = golden.save(tmp_path, documents)
    text = (tmp_path / "en" / "a.json").read_text(encoding="utf-8")

    assert touched == ["audit.json", "en/a.json", "ru/old.json"]
    assert not (tmp_path / "ru" / "old.json").exists()
    assert text == json.dumps(documents["en/a.json"], sort_keys=True, indent=2) + "\n"
    assert golden.save(tmp_path, documents) == []
    assert golden.load(tmp_path) == documents


def test_differing_files_lists_changed_and_one_sided_files(tmp_path: Path):
    first, second = tmp_path / "1", tmp_path / "2"
    for folder, content in ((first, b"a"), (second, b"b")):
        (folder / "en").mkdir(parents=True)
        (folder / "en" / "x.pdf").write_bytes(content)
        (folder / "same.html").write_bytes(b"same")
    (first / "only.png").write_bytes(b"")

    assert check.differing_files(first, second) == [
        "en/x.pdf: differs between the two builds",
        "only.png: only in the first build",
    ]


def test_broken_links_finds_missing_files_and_remote_urls(tmp_path: Path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a b.html").write_text("x")
    (tmp_path / "index.html").write_text(
        '<a href="en/a%20b.html#top">ok</a> <a href="#x">ok</a> <img src="data:image/png;base64,">'
        '<a href="en/missing.pdf">no</a> <img src="https://example.org/x.png">',
        encoding="utf-8",
    )

    count, broken = check.broken_links(tmp_path / "index.html")

    assert count == 5
    assert broken == [
        "en/missing.pdf: no such file",
        "https://example.org/x.png: not a local file",
    ]


# --- check and golden on a tiny tree ------------------------------------------------------


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory):
    """notebooks/ (the two fixtures), data/ (the project's + demo.csv), golden/ built once."""
    root = tmp_path_factory.mktemp("check-tree")
    (root / "notebooks").mkdir()
    for notebook in FIXTURES.glob("*.ipynb"):
        shutil.copy(notebook, root / "notebooks" / notebook.name)
    shutil.copytree(paths.PROJECT_ROOT / "data", root / "data")
    (root / "data" / "demo.csv").write_text(
        "year,value,source_id\n2020,100.0,imf_dots\n2023,125.0,imf_dots\n", encoding="utf-8"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(manifest, "library_hash", lambda *args: "pinned-library")
        patch.setattr(pipeline, "build_commit", lambda: "0123abcd")
        out = io.StringIO()
        check.run_golden(_options(root, root / "data", root / "work-golden", out=out, pdf=False))
    return root


def _options(root: Path, data: Path, work: Path, **changes) -> check.CheckOptions:
    settings = {
        "notebooks_dir": root / "notebooks",
        "data_dir": data,
        "golden_dir": root / "golden",
        "work_dir": work,
        "jobs": 2,
        "out": io.StringIO(),
    }
    return check.CheckOptions(**{**settings, **changes})


@pytest.fixture
def pinned(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(manifest, "library_hash", lambda *args: "pinned-library")
    monkeypatch.setattr(pipeline, "build_commit", lambda: "0123abcd")


@slow
def test_the_browser_opens_the_index_and_every_report(tmp_path):
    reports = {
        key: {"lang": key[:2], "stem": key[3:]}
        for key in ("en/01-a", "en/02-b", "en/09-annotated-article", "ru/01-a")
    }
    (tmp_path / manifest.MANIFEST_NAME).write_text(
        manifest.dumps({"format": manifest.FORMAT, "reports": reports, "index": {}})
    )
    pages = check.pages_to_open(tmp_path, ("en", "ru"))
    assert [p.relative_to(tmp_path).as_posix() for p in pages] == [
        "index.html",
        "en/01-a.html",
        "en/02-b.html",
        "en/09-annotated-article.html",
        "ru/01-a.html",
    ]


def test_golden_writes_one_file_per_report_and_the_audit(tree: Path):
    names = sorted(golden.load(tree / "golden"))
    growth = json.loads((tree / "golden" / "en" / "01-demo-growth.json").read_text())

    assert names == [
        "audit.json",
        "en/01-demo-growth.json",
        "en/02-demo-text.json",
        "ru/01-demo-growth.json",
        "ru/02-demo-text.json",
    ]
    assert growth["values"] == {"growth_pct": 25.0}
    assert growth["inputs"]["data"]["demo.csv"] == manifest.sha256_file(tree / "data" / "demo.csv")
    assert growth["inputs"]["notebook"] == {
        "01-demo-growth.ipynb": manifest.notebook_sha(tree / "notebooks" / "01-demo-growth.ipynb")
    }


@slow
@pytest.mark.browser
@pytest.mark.skipif(pdf.find_chromium() is None, reason="needs the system Chromium")
def test_check_passes_when_nothing_changed(tree: Path, tmp_path: Path, pinned):
    options = _options(tree, tree / "data", tmp_path / "work")

    result = check.run_check(options)
    printed = options.out.getvalue()

    assert result.ok, printed
    assert [step.title for step in result.steps] == [
        "build from clean",
        "golden values",
        "second build, byte for byte",
        "index links",
        "browser",
    ]
    assert "check passed" in printed
    assert (tmp_path / "work" / "run-2" / "reports" / "en" / "01-demo-growth.pdf").is_file()
    shots = sorted(p.name for p in (tmp_path / "work" / "screenshots").glob("*.png"))
    pages = [
        "en-01-demo-growth",
        "en-02-demo-text",
        "index",
        "ru-01-demo-growth",
        "ru-02-demo-text",
    ]
    assert shots == sorted(f"{page}-{width}.png" for page in pages for width in (390, 1280))
    assert (
        "10 pages" not in printed
        and "5 pages opened in headless Chromium at 390 px and 1280 px" in printed
    )


@slow
def test_check_fails_and_names_the_changed_value_and_input(tree: Path, tmp_path: Path, pinned):
    data = tmp_path / "data"
    shutil.copytree(tree / "data", data)
    (data / "demo.csv").write_text(
        "year,value,source_id\n2020,100.0,imf_dots\n2023,130.0,imf_dots\n", encoding="utf-8"
    )
    options = _options(tree, data, tmp_path / "work", pdf=False, second_build=False, browser=False)

    result = check.run_check(options)
    printed = options.out.getvalue()

    assert not result.ok
    assert "  en/01-demo-growth: growth_pct: 25.0 -> 30.0" in printed
    assert "  ru/01-demo-growth: growth_pct: 25.0 -> 30.0" in printed
    assert "inputs changed: data/demo.csv" in printed
    assert any("growth_pct" in line and "data/demo.csv" in line for line in result.failures)
    assert "audit" not in " ".join(result.failures)


@slow
def test_check_names_the_audit_verdict_a_data_edit_changes(tree: Path, tmp_path: Path, pinned):
    data = tmp_path / "data"
    shutil.copytree(tree / "data", data)
    customs = data / "customs_totals.csv"
    text = customs.read_text(encoding="utf-8")
    assert "GACC,CN,RU,2014,final,95.28," in text
    customs.write_text(
        text.replace("GACC,CN,RU,2014,final,95.28,", "GACC,CN,RU,2014,final,99.28,")
    )
    options = _options(tree, data, tmp_path / "work", pdf=False, second_build=False, browser=False)

    result = check.run_check(options)

    assert not result.ok
    assert any(
        line.startswith("golden values: audit:") and "data/customs_totals.csv" in line
        for line in result.failures
    ), result.failures
    assert "  audit: trade-2014/gacc.computed: " in options.out.getvalue()


def test_check_command_reports_a_build_error_in_one_line(tmp_path: Path, capsys):
    code = cli.main(
        [
            "check",
            "--notebooks-dir", str(tmp_path / "no-notebooks"),
            "--golden-dir", str(tmp_path / "golden"),
            "--work-dir", str(tmp_path / "work"),
        ]
    )  # fmt: skip

    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.strip().count("\n") == 0
    assert "no-notebooks: notebooks folder not found" in captured.err


def test_a_checkout_that_moves_between_the_builds_is_named():
    before = {"commit": "a" * 40, "library": "x"}

    assert check._checkout_moved(before, dict(before)) == ""
    assert check._checkout_moved(before, {"commit": "b" * 40, "library": "y"}) == (
        "the commit changed (aaaaaaaaaa -> bbbbbbbbbb)"
    )
    assert check._checkout_moved(before, {**before, "library": "y"}) == "the library code changed"
