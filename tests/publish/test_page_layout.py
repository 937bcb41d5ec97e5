"""The layout rules applied to what the browser measured (no browser needed here)."""

from __future__ import annotations

import pytest

from analysis_lib.publish import layout


def _measured(**changes) -> dict:
    fits = {
        "innerWidth": 390,
        "scrollWidth": 390,
        "viewportMeta": True,
        "overflowing": [],
        "prose": [{"what": 'p "Trade grew"', "width": 358, "right": 374}],
    }
    return {**fits, **changes}


def _item(what: str, right: int, cut: bool = False) -> dict:
    return {"what": what, "width": right, "right": right, "cut": cut}


def test_a_page_that_fits_has_no_problem():
    assert layout.layout_problems(layout.PHONE, _measured()) == []


def test_a_page_wider_than_the_window_names_what_sticks_out():
    measured = _measured(scrollWidth=591, overflowing=[_item('table "Title Language"', 591)])

    (line,) = layout.layout_problems(layout.PHONE, measured)

    assert line == (
        'page is 591 px wide, wider than the 390 px window: table "Title Language" reaches 591 px'
    )


def test_a_phone_that_widens_its_layout_is_a_page_too_wide():
    (line,) = layout.layout_problems(layout.PHONE, _measured(innerWidth=591, scrollWidth=591))

    assert line.startswith("page is 591 px wide, wider than the 390 px window")


def test_one_pixel_of_rounding_is_tolerated():
    assert layout.layout_problems(layout.PHONE, _measured(scrollWidth=391)) == []


def test_content_cut_off_is_reported_even_when_the_page_fits():
    measured = _measured(overflowing=[_item('div.output "Growth"', 384, cut=True)])

    (line,) = layout.layout_problems(layout.PHONE, measured)

    assert line == (
        '1 element(s) cut off by a box that hides what overflows it: div.output "Growth" '
        "reaches 384 px"
    )


def test_prose_wider_than_the_limit_names_the_widest_block():
    prose = [
        {"what": 'p "Long"', "width": 1222, "right": 1250},
        {"what": 'li "Also long"', "width": 950, "right": 980},
        {"what": 'p "Fine"', "width": 612, "right": 946},
    ]
    measured = _measured(innerWidth=1280, scrollWidth=1280, prose=prose)

    (line,) = layout.layout_problems(layout.LAPTOP, measured)

    assert line == '2 prose block(s) wider than 900 px, the widest 1222 px: p "Long"'


@pytest.mark.parametrize(("viewport", "expected"), [(layout.PHONE, 1), (layout.LAPTOP, 0)])
def test_a_missing_viewport_tag_matters_on_a_phone_only(viewport, expected):
    measured = _measured(innerWidth=viewport.width, scrollWidth=viewport.width, viewportMeta=False)

    assert len(layout.layout_problems(viewport, measured)) == expected


def test_the_probe_measures_against_the_window_it_is_given():
    assert layout.probe(layout.PHONE).rstrip().endswith("})(390)")
    assert layout.probe(layout.LAPTOP).rstrip().endswith("})(1280)")
    assert layout.PHONE.metrics() == {
        "width": 390,
        "height": 844,
        "deviceScaleFactor": 2.0,
        "mobile": True,
    }
