"""Notebook 09's story: the marks, their nesting, their notes, and hostile text shown as text."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pandas as pd
import pytest

from analysis_lib.article.passages import Passage
from analysis_lib.article.text import Paragraph
from analysis_lib.claims.audit import AuditResult, run_audit
from analysis_lib.claims.verdicts import claim_verdicts
from analysis_lib.cli import main
from analysis_lib.exceptions import ParameterError
from analysis_lib.loaders import load_table
from analysis_lib.plots.labels import severity_name
from analysis_lib.stories import annotated_article as story
from analysis_lib.views import annotated_article as views

STEM = "09-annotated-article"


class Marks(HTMLParser):
    """The marks (claim id -> verdict), notes, paragraph languages and visible text of HTML."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.marks: dict[str, str] = {}
        self.notes: list[str] = []
        self.langs: dict[str, str] = {}
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.note_text: dict[str, list[str]] = {}
        self._note: str | None = None
        self._in_style = False
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"
        if "data-claim-id" in attrs:
            assert attrs["data-claim-id"] not in self.marks, attrs
            self.marks[attrs["data-claim-id"]] = attrs["data-verdict"]
        if tag == "li" and attrs.get("id", "").startswith("note-"):
            self.notes.append(attrs["id"].removeprefix("note-"))
            self._note = self.notes[-1]
        if tag in ("p", "ul") and "lang" in attrs:
            self.langs.setdefault(tag, set()).add(attrs["lang"])

    def handle_endtag(self, tag):
        self._in_style = False
        if tag == "li":
            self._note = None

    def handle_data(self, data):
        if not self._in_style:
            self.text.append(data)
        if self._note is not None:
            self.note_text.setdefault(self._note, []).append(data)

    def note(self, claim_id: str) -> str:
        return " ".join("".join(self.note_text[claim_id]).split())

    def visible(self) -> str:
        return " ".join("".join(self.text).split())


def audit_primary_verdicts(capsys) -> dict[str, str]:
    """Each claim's verdict in ``audit --format json``: its row of role ``primary``."""
    capsys.readouterr()
    assert main(["audit", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    rows = rows["results"] if isinstance(rows, dict) else rows
    verdicts: dict[str, str] = {}
    for row in rows:
        if row["role"] == "primary":
            verdicts.setdefault(row["id"], row["verdict"])
    return verdicts


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    """Collect the HTML the story cells display (marks, legend, tables)."""
    import IPython.display

    collected: list[str] = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: collected.append(obj.data))
    return collected


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_claim_is_marked_with_the_audit_s_primary_verdict(run_cells, shown, capsys, lang):
    namespace = run_cells(STEM, lang=lang)
    page = Marks("".join(shown))
    expected = audit_primary_verdicts(capsys)
    assert page.marks == expected
    assert sorted(page.notes) == sorted(expected)
    assert page.langs["ul"] == {lang}
    assert page.langs["p"] == {"en", "ru"}
    counts = namespace["marks"]["verdict"].value_counts().to_dict()
    assert counts == pd.Series(expected).value_counts().to_dict()


def test_the_header_counts_the_verdicts_and_links_report_07(run_cells, shown, said, capsys):
    run_cells(STEM)
    expected = audit_primary_verdicts(capsys)
    assert "[The article's claims checked against the data](07-claims-audit.html)" in said[0]
    legend = Marks(shown[0]).visible()
    for verdict, symbol in story.VERDICT_SYMBOLS.items():
        count = sum(v == verdict for v in expected.values())
        assert f"{symbol} {verdict.capitalize()}: {count}" in legend
    assert said[1].startswith(f"{len(expected)} claims are marked. By primary verdict, ")


def test_a_note_gives_both_figures_and_the_sources(run_cells, shown):
    namespace = run_cells(STEM, lang="ru")
    page = Marks(shown[1])
    mark = namespace["marks"].set_index("claim_id").loc["decree-1996-date"]
    note = page.note("decree-1996-date")
    assert note.startswith(f"{story.VERDICT_SYMBOLS[mark['verdict']]} {mark['number']} ")
    assert f"({severity_name(mark['severity'], 'ru')}) · Борис Ельцин подписал указ" in note
    assert "В статье: 24 апреля 1996 г. · Хронология программ и событий: " in note
    assert "The Jamestown Foundation; Статья" in note
    # The article's own words stay English in the text; a publisher without a Russian
    # name keeps its own, marked.
    assert "April 24, 1996, Boris Yeltsin signed a decree" in page.visible()
    assert '<span lang="en">The Jamestown Foundation</span>' in shown[1]


def test_years_and_source_choose_what_is_marked(run_cells, shown, said):
    namespace = run_cells(STEM, start_year=2012, end_year=2013, source="timeline")
    page = Marks("".join(shown[1:]))
    claims = load_table("claims")
    primary = {v.claim_id: v.primary for v in claim_verdicts(run_audit())}
    last = claims["year_end"].fillna(claims["year"])
    in_years = claims[(claims["year"] <= 2013) & (last >= 2012)]["claim_id"]
    expected = sorted(c for c in in_years if primary[c].source == "timeline")
    assert {"putin-visit-2012", "xi-first-trip-2013"} <= set(expected)
    assert sorted(page.marks) == expected
    unmarked = len(claims) - len(expected)
    assert said[1].startswith(
        f"{len(expected)} claims are marked. {unmarked} claims outside the chosen years or "
        "source are left unmarked. By primary verdict, "
    )
    assert "88.2 billion USD" in page.visible()  # shown, not marked
    assert namespace["marks"]["source"].unique().tolist() == ["timeline"]


def test_an_unknown_source_is_refused_in_one_line():
    with pytest.raises(ParameterError, match=r"^source must be one of 'all', 'gacc'"):
        story.start(source="fcs")


def test_numbers_lists_those_that_are_not_claims(run_cells, shown, said):
    run_cells(STEM)
    assert said[-1] == (
        "The article writes 41 numbers, dates, codes and addresses: 25 are checked by its "
        "claims, 16 are not claims, for the reasons below."
    )
    table = Marks(shown[-1]).visible()
    assert "en ¶20 2012.06.07 date of a cited page" in table
    assert "ru ¶3 14B20 project code" in table


def _passage(claim_id, start, end):
    return Passage(claim_id, "en ¶1", start, end, start, end)


def test_equal_spans_nest_in_order_and_crossing_spans_are_refused():
    nodes = views.nest([_passage("b", 5, 9), _passage("a", 0, 20), _passage("c", 5, 9)])
    assert [(n.claim_id, n.depth()) for n in nodes] == [("a", 2)]
    assert [n.claim_id for n in nodes[0].children] == ["b"]
    assert [n.claim_id for n in nodes[0].children[0].children] == ["c"]
    with pytest.raises(ValueError, match="passages 'a' and 'b' cross"):
        views.nest([_passage("a", 0, 10), _passage("b", 5, 15)])


def test_titles_and_headings_are_told_from_the_body():
    paragraphs = [
        Paragraph(1, "en", "A title"),
        Paragraph(2, "en", "A body sentence."),
        Paragraph(3, "ru", "Заголовок"),
        Paragraph(4, "en", 'A heading "in quotes"'),
        Paragraph(5, "en", "x " * 100),
    ]
    assert views.paragraph_roles(paragraphs) == ["title", "body", "title", "heading", "body"]


def test_marked_claims_keep_the_years_and_the_source_asked_for():
    registry = pd.DataFrame(
        {
            "claim_id": ["a-2010", "b-1996"],
            "location": ["en ¶1", "en ¶2"],
            "year": pd.array([2010, 1996], dtype="Int64"),
            "year_end": pd.array([None, 2005], dtype="Int64"),
            "statement_en": ["A.", "B."],
            "statement_ru": ["А.", "Б."],
        }
    )
    primary = {
        "a-2010": AuditResult("a-2010", "gacc", "consistent", "1", "1.0", "why", ("s",)),
        "b-1996": AuditResult("b-1996", "timeline", "inconsistent", "1996", "1997", "why", ()),
    }
    both = views.marked_claims(registry, primary, 1990, 2020, "all")
    assert both["verdict"].tolist() == ["consistent", "inconsistent"]
    assert both["severity"].isna().all()
    assert views.marked_claims(registry, primary, 2000, 2005, "all")["claim_id"].tolist() == [
        "b-1996"
    ]
    assert views.marked_claims(registry, primary, 1990, 2020, "gacc")["claim_id"].tolist() == [
        "a-2010"
    ]
    assert views.verdict_counts(both) == {"consistent": 1, "inconsistent": 1, "unverifiable": 0}
