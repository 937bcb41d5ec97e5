"""The published annotated article: its marks are the audit's primary verdicts, in both languages.

The report is built as ``make reports`` builds it (papermill, nbconvert), HTML
only, and read back: every registered claim is one element with
``data-claim-id`` and ``data-verdict``, equal to the verdict ``audit --format
json`` gives as the claim's primary one.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from analysis_lib import paths
from analysis_lib.cli import main
from analysis_lib.publish import pipeline

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("annotated-article")]
STEM = "09-annotated-article"


class Page(HTMLParser):
    """Marks, note ids, links and the languages of paragraphs and notes of a report."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.marks: list[tuple[str, str]] = []
        self.notes: list[str] = []
        self.links: list[str] = []
        self.paragraph_langs: set[str] = set()
        self.note_langs: set[str] = set()
        self.html_lang = ""
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.html_lang = attrs.get("lang", "")
        if "data-claim-id" in attrs:
            self.marks.append((attrs["data-claim-id"], attrs.get("data-verdict", "")))
        if tag == "li" and attrs.get("id", "").startswith("note-"):
            self.notes.append(attrs["id"].removeprefix("note-"))
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag == "p" and "lang" in attrs:
            self.paragraph_langs.add(attrs["lang"])
        if tag == "ul" and "claim-notes" in attrs.get("class", ""):
            self.note_langs.add(attrs.get("lang", ""))


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    root = tmp_path_factory.mktemp("annotated")
    options = pipeline.BuildOptions(
        notebooks_dir=paths.NOTEBOOKS_DIR,
        reports_dir=root / "reports",
        build_dir=root / "build",
        only=(STEM,),
        jobs=2,
        pdf=False,
    )
    pipeline.build(options)
    return root / "reports"


def primary_verdicts(capsys) -> dict[str, str]:
    """``{claim_id: verdict}`` of the audit's JSON rows whose role is ``primary``."""
    capsys.readouterr()
    assert main(["audit", "--format", "json"]) == 0
    verdicts: dict[str, str] = {}
    for row in json.loads(capsys.readouterr().out):
        if row["role"] == "primary":
            verdicts.setdefault(row["id"], row["verdict"])
    return verdicts


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_claim_is_marked_once_with_its_primary_verdict(reports, capsys, lang):
    page = Page((reports / lang / f"{STEM}.html").read_text(encoding="utf-8"))
    expected = primary_verdicts(capsys)
    ids = [claim_id for claim_id, _ in page.marks]
    assert len(ids) == len(set(ids))
    assert dict(page.marks) == expected
    assert sorted(page.notes) == sorted(expected)
    assert {f"#note-{claim_id}" for claim_id in expected} <= set(page.links)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_words_keep_their_language_and_the_notes_take_the_report_s(reports, lang):
    page = Page((reports / lang / f"{STEM}.html").read_text(encoding="utf-8"))
    assert page.html_lang == lang
    assert page.paragraph_langs == {"en", "ru"}
    assert page.note_langs == {lang}
    assert "07-claims-audit.html" in page.links


def test_the_index_lists_both_languages(reports):
    index = (reports / "index.html").read_text(encoding="utf-8")
    for lang in ("en", "ru"):
        assert f'href="{lang}/{STEM}.html"' in index
    values = json.loads((reports / "en" / f"{STEM}.values.json").read_text(encoding="utf-8"))
    assert values["values"]["numbers_unaccounted"] == 0
    assert re.fullmatch(r"\d+", str(values["values"]["claims_marked"]))
