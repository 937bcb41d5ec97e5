"""Alternative text of a figure: what it shows, in the report's language, read from the figure.

A screen reader and the PDF's tagged structure read it in place of the image:
the title, what each axis measures, the series of the legend and the source line.
"""

from __future__ import annotations

from analysis_lib.i18n import translator


def _one_line(text: str) -> str:
    return " ".join(str(text).replace("\\$", "$").split())


def _in_sentence(label: str) -> str:
    """Return an axis label as the middle of a sentence: "Year" -> "year", "ВВП" kept."""
    if len(label) > 1 and label[0].isupper() and not label[1].isupper():
        return label[0].lower() + label[1:]
    return label


def _axis_sentence(ax, t) -> str:
    xlabel = _in_sentence(_one_line(ax.get_xlabel()))
    ylabel = _in_sentence(_one_line(ax.get_ylabel()))
    if xlabel and ylabel:
        return t.gettext("Horizontal axis: {x}; vertical axis: {y}.", x=xlabel, y=ylabel)
    if ylabel:
        return t.gettext("Vertical axis: {y}.", y=ylabel)
    if xlabel:
        return t.gettext("Horizontal axis: {x}.", x=xlabel)
    return ""


def _series(fig) -> list[str]:
    names: list[str] = []
    legends = [ax.get_legend() for ax in fig.axes] + list(fig.legends)
    for legend in legends:
        if legend is None:
            continue
        for text in legend.get_texts():
            name = _one_line(text.get_text())
            if name and name not in names:
                names.append(name)
    return names


def alt_text(fig, lang: str) -> str:
    """Return the alternative text of ``fig`` in ``lang``.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        A figure made by a figure function (title, axis labels, legend, caption).
    lang : {'en', 'ru'}

    Returns
    -------
    str
        One paragraph, e.g. "Chart: China-Russia trade, 2009–2014. Horizontal axis:
        Year; vertical axis: USD bn. Series: China Customs (GACC). Sources: ...".
    """
    t = translator(lang)
    title = _one_line(fig._suptitle.get_text()) if fig._suptitle is not None else ""
    parts = [
        t.gettext("Chart: {title}.", title=title.rstrip(".")) if title else t.gettext("Chart.")
    ]
    seen: set[str] = set()
    for ax in fig.axes:
        sentence = _axis_sentence(ax, t)
        if sentence and sentence not in seen:
            seen.add(sentence)
            parts.append(sentence)
    series = _series(fig)
    if series:
        parts.append(t.gettext("Series: {names}.", names="; ".join(series)))
    for text in fig.texts:
        if text.get_gid() == "caption":
            parts.append(_one_line(text.get_text()))
    return " ".join(parts)
