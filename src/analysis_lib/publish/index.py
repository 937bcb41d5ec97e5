"""``reports/index.html``: every report with its thumbnail and links, plus the audit summary.

Self-contained HTML (no script, no network); every value is HTML-escaped.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from analysis_lib import paths
from analysis_lib.i18n import translator


def audit_summary(data_dir=None) -> dict[str, dict[str, int]] | str:
    """Return the claim audit's headline rows, or why they are not available.

    ``data_dir`` is the data folder the reports were built from (default: the project's).

    Two rows, each ``{column: count}``. The first is labelled with the headline
    sentence in English and Russian ("24 claims: 17 consistent, 6 inconsistent
    (2 minor), 1 unverifiable · Утверждений: 24; ...") and counts claims by
    their primary verdict, a restated claim once; the second counts the
    cross-checks shown beside them, which the headline does not count. Columns
    are bilingual: claims, consistent, inconsistent, of which minor, unverifiable.

    The audit belongs to ``analysis_lib.claims``; while it is missing or
    cannot run (no claims data) the index says so instead of failing the build.
    """
    from importlib import import_module

    from analysis_lib.vocabulary import LANGS

    try:
        # import_module consults sys.modules first, so a module masked there (None)
        # counts as missing even after the package has imported it.
        audit = import_module("analysis_lib.claims.audit")
        verdicts = import_module("analysis_lib.claims.verdicts")
    except ImportError:
        return "audit not available"
    if not hasattr(audit, "run_audit") or not hasattr(verdicts, "headline_counts"):
        return "audit not available"
    try:
        results = audit.run_audit(data_dir=data_dir)
        counts = verdicts.headline_counts(results)
        sentence = " · ".join(verdicts.headline_sentence(counts, lang) for lang in LANGS)
        crosses = [r for r in results if r.role == "cross-check"]
    except Exception as error:  # the index must not hide the reports behind an audit bug
        message = " ".join(str(error).split())
        print(f"warning: index without audit summary: {message}", file=sys.stderr)
        return f"audit not available: {type(error).__name__}: {message}"
    columns = {
        "claims": "claims · утверждений",
        "consistent": "consistent · согласуется",
        "inconsistent": "inconsistent · не согласуется",
        "minor": "of which minor · из них незначительно",
        "unverifiable": "unverifiable · проверить невозможно",
    }
    cross_counts = {
        "claims": len({r.id for r in crosses}),
        **{v: sum(r.verdict == v for r in crosses) for v in ("consistent", "inconsistent")},
        "minor": sum(r.verdict == "inconsistent" and r.severity == "minor" for r in crosses),
        "unverifiable": sum(r.verdict == "unverifiable" for r in crosses),
    }
    primary = {key: getattr(counts, key) for key in columns}
    return {
        sentence: {columns[key]: value for key, value in primary.items()},
        "cross-checks beside them, not counted · перекрёстные проверки рядом, не учитываются": {
            columns[key]: value for key, value in cross_counts.items()
        },
    }


def _thumbnail(reports_dir: Path, entry: dict) -> str:
    prefix = f"{entry['lang']}/figures/{entry['stem']}/"
    pngs = sorted(name for name in entry.get("outputs", {}) if name.startswith(prefix))
    # The narrow renditions (phones) are not the figure a reader recognises.
    pngs = [name for name in pngs if name.endswith(".png") and not name.endswith(".narrow.png")]
    if not pngs:
        return '<span class="no-thumb"></span>'
    return f'<img class="thumb" src="{html.escape(pngs[0])}" alt="">'


def _report_card(reports_dir: Path, entry: dict) -> str:
    lang, stem = entry["lang"], entry["stem"]
    t = translator(lang)
    outputs = entry.get("outputs", {})
    page = html.escape(f"{lang}/{stem}.html")
    links = [f'<a href="{page}">HTML</a>']
    if f"{lang}/{stem}.full.html" in outputs:
        full = html.escape(t.gettext("HTML + code"))
        links.append(f'<a href="{html.escape(f"{lang}/{stem}.full.html")}">{full}</a>')
    if f"{lang}/{stem}.pdf" in outputs:
        links.append(f'<a href="{html.escape(f"{lang}/{stem}.pdf")}">PDF</a>')
    # The page is English; a Russian report's card is marked as Russian.
    names = {
        "en": t.pgettext("a language named in itself", "English"),
        "ru": t.pgettext("a language named in itself", "Russian"),
    }
    language = html.escape(names.get(lang, lang))
    title = html.escape(entry.get("title") or stem)
    return (
        f'<li class="report" lang="{html.escape(lang)}">'
        f'<a class="figure" href="{page}" tabindex="-1">{_thumbnail(reports_dir, entry)}</a>'
        f'<h2><a href="{page}">{title}</a></h2>'
        f'<p class="meta"><span class="language">{language}</span> · '
        f"<code>{html.escape(stem)}</code></p>"
        f'<p class="formats">{" ".join(links)}</p>'
        "</li>"
    )


def _audit_table(summary: dict[str, dict[str, int]] | str) -> str:
    if isinstance(summary, str):
        return f"<p>{html.escape(summary)}</p>"
    verdicts = sorted({verdict for counts in summary.values() for verdict in counts})
    head = "".join(f"<th>{html.escape(str(v))}</th>" for v in verdicts)
    rows = []
    for source in sorted(summary, key=str):
        cells = "".join(f"<td>{int(summary[source].get(v, 0))}</td>" for v in verdicts)
        rows.append(f"<tr><th>{html.escape(str(source))}</th>{cells}</tr>")
    body = "\n".join(rows)
    return f"<table>\n<tr><th>source</th>{head}</tr>\n{body}\n</table>"


def _style() -> str:
    return (paths.TEMPLATES_DIR / "index.css").read_text(encoding="utf-8")


def render_index(reports_dir: Path, reports: dict[str, dict], summary) -> str:
    """Return the index page: a card per report (figure, title, language, formats), then the audit.

    The cards form two columns (English beside Russian) on a laptop and one on a phone.

    Parameters
    ----------
    reports_dir : Path
        The reports folder (links are relative to it).
    reports : dict
        Manifest ``reports`` entries keyed ``<lang>/<stem>``.
    summary : dict or str
        Result of :func:`audit_summary`.
    """
    entries = sorted(reports.values(), key=lambda e: (e["stem"], e["lang"]))
    cards = "\n".join(_report_card(reports_dir, entry) for entry in entries)
    reports_ru = html.escape(translator("ru").gettext("Reports"))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Reports · {reports_ru}</title>
<style>
{_style()}</style>
</head>
<body>
<main>
<h1>Reports · <span lang="ru">{reports_ru}</span></h1>
<ul class="reports">
{cards}
</ul>
<h2 class="section">Claim audit: verdicts per source</h2>
<p class="audit-hint">Scroll the table sideways for every verdict →</p>
<div class="audit">
{_audit_table(summary)}
</div>
</main>
</body>
</html>
"""
