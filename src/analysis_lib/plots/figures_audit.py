"""The claims audit figure: one coloured cell per claim and source, named by its verdict."""

from __future__ import annotations

from analysis_lib.exceptions import ParameterError
from analysis_lib.i18n import translator
from analysis_lib.params import check_lang
from analysis_lib.plots._common import (
    add_caption,
    new_figure,
    place_legend,
    require_frame,
    require_values,
    set_axis_labels,
    title_of,
    wrap_ticks,
)
from analysis_lib.plots.labels import source_name, verdict_name
from analysis_lib.plots.theme import VERDICT_COLORS
from analysis_lib.vocabulary import VERDICTS

# A claim's primary verdict (notebook 07's first column) comes first, then China's
# official figures, then the other reporters.
SOURCE_ORDER = (
    "primary_verdict",
    "article",
    "gacc",
    "mofcom",
    "peoples_daily",
    "xinhua",
    "fcs",
    "imf_dots_cn",
    "imf_dots_ru",
)


def audit_verdicts(df, *, source_ids, lang="en", sources_df=None):
    """Draw the audit as a grid: claims down, sources across, each cell coloured by verdict.

    Parameters
    ----------
    df : pandas.DataFrame
        Columns ``claim_id``, ``source`` (an audit source id such as ``'gacc'``, or any
        id named in ``sources_df``), ``verdict`` (``'consistent'``, ``'inconsistent'``,
        ``'unverifiable'``). Optional ``claim_label``: row text in the report's language
        (default: the claim id). A claim-source pair without a row shows "no data".
    source_ids : iterable of str
        Ids of the sources shown, for the caption.
    lang : {'en', 'ru'}, default 'en'
    sources_df : pandas.DataFrame, optional
        The ``sources`` table, to name sources and source ids.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.patches import Patch, Rectangle

    name = "audit_verdicts"
    lang = check_lang(lang)
    t = translator(lang)
    require_frame(df, ("claim_id", "source", "verdict"), figure=name)
    require_values(df, "verdict", VERDICTS, figure=name)
    duplicated = df.duplicated(["claim_id", "source"])
    if duplicated.any():
        row = df[duplicated].iloc[0]
        raise ParameterError(
            f"{name}: df has more than one verdict for claim {row['claim_id']!r} "
            f"and source {row['source']!r}"
        )
    claims = list(dict.fromkeys(df["claim_id"]))
    rank = {s: i for i, s in enumerate(SOURCE_ORDER)}
    sources = sorted(dict.fromkeys(df["source"]), key=lambda s: (rank.get(s, len(rank)), s))
    verdicts = {(r.claim_id, r.source): r.verdict for r in df.itertuples(index=False)}
    row_labels = dict(zip(df["claim_id"], df["claim_id"], strict=True))
    if "claim_label" in df.columns:
        row_labels.update(
            (c, str(t)) for c, t in zip(df["claim_id"], df["claim_label"], strict=True) if t == t
        )

    fig, ax = new_figure(3.2 + 1.6 * len(sources), 2.2 + 0.42 * len(claims))
    shown = set()
    for y, claim in enumerate(claims):
        for x, source in enumerate(sources):
            verdict = verdicts.get((claim, source), "no_data")
            shown.add(verdict)
            ax.add_patch(
                Rectangle(
                    (x, y), 1, 1, facecolor=VERDICT_COLORS[verdict], edgecolor="white", linewidth=2
                )
            )
            dark = verdict in ("inconsistent",)
            ax.text(
                x + 0.5,
                y + 0.5,
                wrap_ticks([verdict_name(verdict, lang)], 16)[0],
                ha="center",
                va="center",
                fontsize=7,
                color="white" if dark else "black",
            )
    ax.set_xlim(0, len(sources))
    ax.set_ylim(len(claims), 0)
    ax.set_xticks(
        [x + 0.5 for x in range(len(sources))],
        wrap_ticks((source_name(s, lang, sources_df) for s in sources), 18),
        fontsize=8,
    )
    ax.set_yticks(
        [y + 0.5 for y in range(len(claims))],
        wrap_ticks((row_labels[c] for c in claims), 40),
        fontsize=8,
    )
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.grid(False)
    handles = [
        Patch(color=VERDICT_COLORS[v], label=verdict_name(v, lang))
        for v in (*VERDICTS, "no_data")
        if v in shown
    ]
    place_legend(ax, handles=handles, title=t.gettext("Verdict"))
    set_axis_labels(ax, t.gettext("Source"), t.gettext("Claim of the article"))
    title_of(fig, t.gettext("The article's figures checked against each source"))
    add_caption(fig, source_ids, lang, sources_df)
    return fig
