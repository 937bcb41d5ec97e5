"""The project's shared vocabulary: languages, audit sources, partners, verdicts.

Every other module takes these tuples from here, so adding a language, a source
or a partner is one edit. Their order is the order reports show them in. This
module imports nothing: the CLI, the loaders and the figures all use it.
"""

from __future__ import annotations

LANGS = ("en", "ru")
"""Report languages, in the order reports are built; English is the source language."""

AUDIT_SOURCES = ("gacc", "imf_dots_cn", "imf_dots_ru")
"""Sources of China's trade series that ``trade_series(source, partner)`` accepts.

``gacc``: China Customs (GACC) final totals; ``imf_dots_cn``: IMF DOTS as China
reports; ``imf_dots_ru``: IMF DOTS as the partner reports (the mirror).
"""

OFFICIAL_SOURCES = ("gacc", "mofcom", "peoples_daily", "xinhua")
"""China's official trade figures by who announced them, customs first: the audit's
primary sources for trade claims (``official_announcements`` for all but ``gacc``)."""

OFFICIAL_CN = "official_cn"
"""The audit source that takes each year's official figure: customs, else MOFCOM, else media."""

TRADE_CLAIM_SOURCES = (*OFFICIAL_SOURCES, OFFICIAL_CN, *AUDIT_SOURCES[1:])
"""Every source a trade claim can be judged against, in the order the audit lists them."""

SEVERITIES = ("exact", "within rounding", "minor", "material")
"""The severity of a verdict that is not unverifiable, from none to material."""

ROLES = ("primary", "cross-check")
"""A result's role: the claim's verdict (against its primary source) or a cross-check."""

SERIES_SOURCES = (*AUDIT_SOURCES, "fcs")
"""Sources a trade series figure can draw: the audit sources and Russian customs (FCS)."""

ALL_SOURCES = "all"
"""The audit's ``source`` value that selects every source and every recorded table."""

TABLE_SOURCES = ("timeline", "programme_budgets", "trade_structure")
"""Recorded tables the audit checks non-trade claims against; each is then a verdict's source."""

PARTNERS = ("RU", "US", "JP", "KR", "WLD")
"""China's trade partners in the data (ISO 3166 alpha-2; ``WLD`` = the world), in plot order."""

COMPARISON_PARTNERS = ("US", "JP", "KR", "WLD")
"""The partners China-Russia trade is compared with (notebook 02)."""

MIRROR_PARTNERS = ("RU", "US", "JP", "KR")
"""Partners with a mirror series: a mirror needs the partner to report; the world does not."""

VERDICTS = ("consistent", "inconsistent", "unverifiable")
"""The audit's verdicts on a claim, in the order reports count them."""

# The symbol that marks each verdict beside its colour (it survives black-and-white print).
VERDICT_SYMBOLS = {"consistent": "✓", "inconsistent": "✗", "unverifiable": "?"}
