"""Tiny data folders for the claim audit: the project's descriptor, a few rows per table."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from analysis_lib import paths

PROJECT_DATA_DIR = paths.PROJECT_ROOT / "data"

SOURCES = [
    {
        "source_id": sid,
        "publisher": "Test",
        "title": f"Test source {sid}",
        "accessed": "2026-01-01",
    }
    for sid in (
        "article",
        "src_gacc",
        "src_mofcom",
        "src_press",
        "src_dots",
        "src_events",
        "src_budget",
        "src_unctad",
    )
]

CLAIM_DEFAULTS = {
    "section": "Test section",
    "location": "en ¶1",
    "quote": "test quote",
    "statement_en": "Test statement.",
    "statement_ru": "Тестовое утверждение.",
    "unit": "USD bn",
    "source_id": "article",
}


class TinyData:
    """A data folder in tmp_path with the project's descriptor and hand-written rows."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        shutil.copy(paths.datapackage_path(PROJECT_DATA_DIR), paths.datapackage_path(root))
        self.descriptor = json.loads(paths.datapackage_path(root).read_text(encoding="utf-8"))
        self.write("sources", SOURCES)
        for table in (
            "customs_totals",
            "official_announcements",
            "dots_trade",
            "timeline",
            "programme_budgets",
            "trade_structure",
            "claims",
        ):
            self.write(table, [])

    def columns(self, table: str) -> list[str]:
        resource = next(r for r in self.descriptor["resources"] if r["name"] == table)
        return [field["name"] for field in resource["schema"]["fields"]]

    def write(self, table: str, rows: list[dict]) -> Path:
        path = self.root / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=self.columns(table), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return path

    def claims(self, *rows: dict) -> None:
        self.write("claims", [{**CLAIM_DEFAULTS, **row} for row in rows])

    def gacc(self, *values: tuple[str, int, float]) -> None:
        """Write GACC final totals ``(partner, year, total_usd_bn)``."""
        self.write(
            "customs_totals",
            [
                {
                    "agency": "GACC",
                    "reporter": "CN",
                    "partner": p,
                    "year": y,
                    "release": "final",
                    "total_usd_bn": v,
                    "source_id": "src_gacc",
                }
                for p, y, v in values
            ],
        )

    def announced(self, *rows: dict) -> None:
        """Write official announcements; each row gives at least announced_by, partner,
        year and total_usd_bn."""
        defaults = {
            "reporter": "CN",
            "as_published": "as published",
            "published": "2015-01-01",
            "source_id": "src_mofcom",
        }
        self.write("official_announcements", [{**defaults, **row} for row in rows])

    def dots(self, *values: tuple[str, str, int, float, float]) -> None:
        """Write DOTS rows ``(reporter, partner, year, exports_usd_mn, imports_usd_mn)``."""
        rows = []
        for reporter, partner, year, exports, imports in values:
            for flow, value in (("exports_fob", exports), ("imports_cif", imports)):
                rows.append(
                    {
                        "reporter": reporter,
                        "partner": partner,
                        "flow": flow,
                        "year": year,
                        "value_usd_mn": value,
                        "source_id": "src_dots",
                    }
                )
        self.write("dots_trade", rows)


@pytest.fixture
def tiny(tmp_path: Path) -> TinyData:
    """An empty but valid data folder to fill per test."""
    return TinyData(tmp_path / "tiny")
