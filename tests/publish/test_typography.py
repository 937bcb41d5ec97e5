"""The typography and language check of reader reports, on small pages."""

from __future__ import annotations

import pytest

from analysis_lib.publish.typography import text_problems


def _page(lang: str, body: str) -> str:
    head = f'<!DOCTYPE html>\n<html lang="{lang}"><head><title>T</title></head>'
    return f"{head}<body>{body}</body></html>"


def test_a_clean_russian_page_passes():
    body = (
        "<p>Товарооборот вырос на 6,8% и составил 95,3 млрд долл. США (−31,7% в 2009 г.), "
        "23 апреля 1996 г.; 2009–2018 гг.</p>"
        '<p><span lang="en">Yeltsin upgrades development program</span></p>'
        "<pre><code>python -m analysis_lib build --lang ru</code></pre>"
        '<img src="x.png" alt="Диаграмма «Товарооборот»">'
    )
    assert text_problems(_page("ru", body), "ru") == []


@pytest.mark.parametrize(
    ("body", "what"),
    [
        ("<p>рост slow down somewhat</p>", "English word 'slow'"),
        ("<p>доля 55.5%</p>", "decimal point '55.5'"),
        ("<p>указ от 1996-04-24</p>", "ISO date '1996-04-24'"),
        ("<p>снижение (-31,7%)</p>", "hyphen-minus before a digit '-'"),
        ('<img src="x.png" alt="">', "image 1 has no alt text"),
        ('<img src="x.png">', "image 1 has no alt text"),
    ],
)
def test_each_russian_fault_is_named(body, what):
    problems = text_problems(_page("ru", body), "ru")
    assert any(what in line for line in problems), problems


def test_an_english_page_refuses_cyrillic_outside_lang_ru():
    assert text_problems(_page("en", '<p>Trade <span lang="ru">Отчёты</span></p>'), "en") == []
    problems = text_problems(_page("en", "<p>Trade Отчёты</p>"), "en")
    assert problems == ["Cyrillic 'Отчёты' in: Trade Отчёты"]


def test_the_page_language_is_checked():
    assert text_problems(_page("en", "<p>Товарооборот</p>"), "ru") == [
        'the page is not marked <html lang="ru">'
    ]


def test_the_reader_footer_says_how_to_rebuild_in_the_readers_language():
    from analysis_lib.cli import build_parser
    from analysis_lib.publish.commands import notebook_parameters
    from analysis_lib.publish.convert import provenance_footer

    parameters = {
        "lang": "'ru'",
        "start_year": "2009",
        "end_year": "2014",
        "source": "'gacc'",
        "output_dir": "'staging/work/ru/01-trade-dynamics'",
    }
    footer = provenance_footer(
        "ru", [], {}, "abc123", parameters, stem="01-trade-dynamics", full=False
    )
    assert "staging" not in footer and "output_dir" not in footer
    assert "Как воспроизвести отчёт" in footer and "2009–2014\u00a0гг." in footer
    command = (
        "python -m analysis_lib build --lang ru --only 01-trade-dynamics "
        "--source gacc --start-year 2009 --end-year 2014"
    )
    assert f"git checkout abc123\nmake setup\n{command}" in footer
    assert text_problems(_page("ru", footer), "ru") == []
    # The command the block prints is one the CLI accepts, with the same parameters.
    args = build_parser().parse_args(command.split()[3:])
    assert notebook_parameters(args) == {"start_year": 2009, "end_year": 2014, "source": "gacc"}
    full = provenance_footer("ru", [], {}, "abc123", parameters, stem="x", full=True)
    assert "output_dir = &#x27;staging/work/ru/01-trade-dynamics&#x27;" in full


def test_a_title_the_project_wrote_is_russian_and_a_published_one_is_marked_english():
    from analysis_lib.publish.convert import provenance_footer

    sources = {
        "a": {
            "source_id": "a",
            "publisher": "RT",
            "publisher_ru": "",
            "title": "Press report",
            "title_ru": "Сообщение прессы",
            "url": "",
        },
        "b": {
            "source_id": "b",
            "publisher": "The Jamestown Foundation",
            "publisher_ru": "",
            "title": "Yeltsin upgrades development program",
            "title_ru": "",
            "url": "",
        },
    }
    footer = provenance_footer("ru", ["a", "b"], sources, "c0", {}, full=False)
    assert "Сообщение прессы" in footer and "Press report" not in footer
    assert '<span lang="en">Yeltsin upgrades development program</span>' in footer
    assert text_problems(_page("ru", footer), "ru") == []
