"""The visible text of the real reader reports, both languages, against the typography check.

The reports are built once per module (HTML only) from the project's notebooks
into a temporary tree. A Russian report may show no unmarked English word, no
decimal point, no ISO date, no hyphen-minus before a digit and no image without
alt text; an English report no Cyrillic outside ``lang="ru"``
(:mod:`analysis_lib.publish.typography`).
"""

from __future__ import annotations

import pytest

from analysis_lib import paths
from analysis_lib.publish import pipeline
from analysis_lib.publish.typography import report_problems

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("report-text")]

STEMS = tuple(sorted(p.stem for p in paths.NOTEBOOKS_DIR.glob("[0-9]*.ipynb")))


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    root = tmp_path_factory.mktemp("report-text")
    pipeline.build(
        pipeline.BuildOptions(
            reports_dir=root / "reports",
            build_dir=root / "build",
            only=STEMS,
            jobs=2,
            pdf=False,
            out=None,
        )
    )
    return root / "reports"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_reader_reports_follow_their_languages_typography(reports, lang):
    pages = sorted((reports / lang).glob("*.html"))
    assert len([p for p in pages if not p.name.endswith(".full.html")]) == len(STEMS)
    problems = report_problems(reports, (lang,))
    assert problems == [], "\n".join(problems[:40])
