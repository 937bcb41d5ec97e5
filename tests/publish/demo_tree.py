"""The two demo notebooks (tests/publish/fixtures) and their tiny data, for build tests."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
STEMS = ("01-demo-growth", "02-demo-text")
SOURCES_CSV = (
    "source_id,publisher,publisher_ru,title,title_ru,url,accessed,notes\n"
    'demo-src,Demo <Agency>,,Customs & "trade" <script>x</script>,,'
    "https://example.org/a?b=1&c=2,2024-01-01,\n"
)


def write_demo_csv(data_dir: Path, last_value: str) -> None:
    """Write ``demo.csv``: the demo series, its last value ``last_value``."""
    (data_dir / "demo.csv").write_text(
        f"year,value,source_id\n2020,100.0,demo-src\n2023,{last_value},demo-src\n",
        encoding="utf-8",
    )


def make_demo_tree(root: Path) -> tuple[Path, Path]:
    """Copy the demo notebooks to ``root/notebooks`` and write their data to ``root/data``.

    Returns the notebooks and data folders.
    """
    notebooks, data = root / "notebooks", root / "data"
    notebooks.mkdir(parents=True)
    data.mkdir()
    for stem in STEMS:
        shutil.copy(FIXTURES / f"{stem}.ipynb", notebooks)
    write_demo_csv(data, "126.3")
    (data / "sources.csv").write_text(SOURCES_CSV, encoding="utf-8")
    return notebooks, data
