"""Hostile strings planted in a copy of the data folder, where the reports render them.

Every field changed here is free text in the schema (titles, publishers,
statements, notes, quotes) or a URL (pattern ``^\\S+$``), so the loaders accept
them and the reports have to render them harmlessly.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from analysis_lib import paths

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '" onmouseover="alert(1)'
TEMPLATE = "{{ 7*7 }} {% raw %}"
MARKDOWN_LINK = "[x](javascript:alert(1))"
LATEX = "\\ % & $ # _ ^ ~"
# Alone in a field: two dollars around invalid TeX, which matplotlib would try to render.
MATHTEXT = "$\\frac{1$"
PWN = "<img src=x onerror=\"document.body.setAttribute('data-pwned',1)\">"
RTL = "مرحبا بالعالم שלום עולם"
EMOJI = "🚢📦🇨🇳🇷🇺"
CHINESE = "中俄贸易与东北振兴"
# 5,000 characters of words, so that text wrapping has something to break.
LONG = ("long " * 1000).strip() + "!"

BAD_URL = 'https://example.org/x"onmouseover="alert(1)'
MIXED = f"{SCRIPT} {ATTRIBUTE} {PWN} {TEMPLATE} {MARKDOWN_LINK} {LATEX} {RTL} {EMOJI} {CHINESE}"

# (table, key column, key, column) -> value
PLANTED = {
    ("sources", "source_id", "jamestown_1996", "title"): f"{SCRIPT} {PWN} {CHINESE} {EMOJI}",
    ("sources", "source_id", "jamestown_1996", "publisher"): f"{ATTRIBUTE} {TEMPLATE} {RTL}",
    ("sources", "source_id", "jamestown_1996", "url"): "javascript:alert(1)",
    ("sources", "source_id", "wikipedia_northeast", "url"): BAD_URL,
    ("sources", "source_id", "wikipedia_northeast", "title"): f"{MATHTEXT} {MARKDOWN_LINK}",
    ("sources", "source_id", "wikipedia_northeast", "publisher"): LATEX,
    ("timeline", "event_id", "ru_presidential_decree_601_1996", "title_en"): MIXED,
    ("timeline", "event_id", "ru_presidential_decree_601_1996", "title_ru"): MIXED,
    ("timeline", "event_id", "cn_northeast_strategy_2003", "title_en"): f"{MATHTEXT} strategy",
    ("claims", "claim_id", "strategy-2003", "statement_en"): MIXED,
    ("claims", "claim_id", "strategy-2003", "quote"): MIXED,
    ("claims", "claim_id", "plan-2007", "statement_en"): LONG,
    ("claims", "claim_id", "plan-2007-horizon", "note"): f"{RTL} {EMOJI} {CHINESE} {MATHTEXT}",
}


def write_hostile_data(target: Path) -> Path:
    """Copy the project's data folder to ``target`` and plant :data:`PLANTED` in it."""
    shutil.copytree(paths.PROJECT_ROOT / "data", target)
    for table in sorted({key[0] for key in PLANTED}):
        path = target / f"{table}.csv"
        with path.open(newline="", encoding="utf-8") as stream:
            reader = csv.DictReader(stream)
            fields, rows = reader.fieldnames, list(reader)
        for (name, key_column, key, column), value in PLANTED.items():
            if name == table:
                (row,) = [r for r in rows if r[key_column] == key]
                row[column] = value
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(text.getvalue(), encoding="utf-8")
    return target


def write_hostile_article(target: Path) -> Path:
    """Copy the article's text to ``target`` with the hostile quote of ``strategy-2003`` in ¶6.

    :data:`PLANTED` makes that claim's quote :data:`MIXED`; the annotated article
    finds it in its paragraph, so the report marks the payload itself.
    """
    (source,) = sorted(paths.ARTICLE_DIR.glob("*.txt"))
    lines = source.read_text(encoding="utf-8").split("\n")
    paragraphs = [i for i, line in enumerate(lines) if line.strip()]
    sixth = paragraphs[5]
    lines[sixth] = f"{lines[sixth].rstrip()} {MIXED}"
    target.mkdir(parents=True, exist_ok=True)
    (target / source.name).write_text("\n".join(lines), encoding="utf-8")
    return target
