"""The ``coverage`` command: the listing, its exit code, a line per unaccounted number."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from article_edits import edit_paragraph

from analysis_lib import paths
from analysis_lib.cli import main


def test_the_table_lists_every_number_and_exits_0(capsys):
    assert main(["coverage"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["place", "token", "kind", "accounted", "by"]
    assert len(lines) == 2 + 41 + 1
    assert lines[-1] == "41 numbers: 25 checked by claims, 16 not claims, 0 unaccounted"
    assert any(
        line.startswith("en ¶13  95.3") and line.endswith("claim trade-2014") for line in lines
    )
    assert any("14B20" in line and line.endswith("not a claim: project code") for line in lines)


def test_json_lists_each_token_with_its_place_and_account(capsys):
    assert main(["coverage", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["counts"] == {"claim": 25, "not a claim": 16, "unaccounted": 0}
    assert document["problems"] == []
    by_place = {(t["place"], t["token"]): t for t in document["tokens"]}
    # The footnote-5 claim quotes the whole paragraph: "August 2014" is what it attributes.
    assert by_place[("en ¶16", "August 2014")]["claim_ids"] == [
        "opinions-2014-08",
        "footnote-5-source",
    ]
    assert by_place[("en ¶20", "2012.06.07")]["reason"] == "cited_page_date"
    assert {t["status"] for t in document["tokens"]} == {"claim", "not a claim"}


def test_a_number_added_to_a_copy_of_the_article_fails_naming_it(article_copy, capsys):
    edit_paragraph(
        article_copy,
        13,
        "1/5 volume of Sino Korean trade",
        "1/5 volume of Sino Korean trade and 3.7% of",
    )
    edit_paragraph(article_copy, 4, "Во-первых", "В 2015 году во-первых")
    assert main(["coverage", "--article-dir", str(article_copy)]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "error: ru ¶4 '2015' (year): no claim checks it and non_claims.csv gives no reason; add "
        "a claim to claims.csv or a row to non_claims.csv",
        "error: en ¶13 '3.7%' (percentage): no claim checks it and non_claims.csv gives no "
        "reason; add a claim to claims.csv or a row to non_claims.csv",
    ]
    assert "ru ¶4   2015" in out and "UNACCOUNTED" in out
    assert out.splitlines()[-1].endswith("2 unaccounted")


def test_a_wrong_format_or_a_missing_article_is_one_line(tmp_path, capsys):
    assert main(["coverage", "--format", "xml"]) == 1
    assert capsys.readouterr().err == "error: --format must be one of 'table', 'json'; not 'xml'\n"
    assert main(["coverage", "--article-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "holds 0 .txt files" in err


def test_the_command_runs_as_a_module():
    environment = {k: v for k, v in os.environ.items() if not k.startswith("ANALYSIS_LIB_")}
    done = subprocess.run(
        [sys.executable, "-m", "analysis_lib", "coverage", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=paths.PROJECT_ROOT,
        env=environment,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["counts"]["unaccounted"] == 0
