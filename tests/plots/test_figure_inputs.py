"""Figure functions refuse bad values with one-line errors, and draw what they are given."""

from __future__ import annotations

import matplotlib.text
import pandas as pd
import pytest

from analysis_lib import plots
from analysis_lib.exceptions import ParameterError
from analysis_lib.i18n import translator

IDS = ["gacc"]


def _texts(fig):
    fig.canvas.draw()
    return [" ".join(t.get_text().split()) for t in fig.findobj(matplotlib.text.Text)]


def _one_line(caught):
    assert "\n" not in str(caught.value)


def test_unknown_source_value_is_named(frames):
    data = frames.levels.assign(source="eurostat")
    with pytest.raises(ParameterError, match=r"column 'source' must be one of .*; not 'eurostat'"):
        plots.trade_levels(data, source_ids=IDS)


def test_non_numeric_values_are_named(frames):
    data = frames.levels.astype({"value_usd_bn": object})
    data.loc[0, "value_usd_bn"] = "n/a"
    with pytest.raises(ParameterError, match="'value_usd_bn' must be numeric; not 'n/a'"):
        plots.trade_levels(data, source_ids=IDS)


def test_fractional_year_is_refused(frames):
    data = frames.levels.assign(year=frames.levels["year"] + 0.5)
    with pytest.raises(ParameterError, match="'year' must hold whole years"):
        plots.trade_levels(data, source_ids=IDS)


def test_not_a_dataframe_is_refused():
    with pytest.raises(ParameterError, match="df must be a pandas DataFrame; not list"):
        plots.trade_levels([], source_ids=IDS)


def test_claims_are_annotated_in_the_language(frames):
    claims = pd.DataFrame({"year": [2010], "claimed_usd_bn": [55.5]})
    texts = _texts(plots.trade_levels(frames.levels, claims=claims, source_ids=IDS, lang="ru"))
    assert "55,5" in texts
    assert tr("The article's figure", "ru") in texts


def test_partner_log_scale_says_so(frames):
    fig = plots.partner_comparison(frames.partners, year=2014, source_ids=IDS, log_scale=True)
    assert fig.axes[0].get_yscale() == "log"
    axis = tr("{axis} (log scale)", "en", axis=tr("Trade turnover, USD bn", "en"))
    assert " ".join(fig.axes[0].get_ylabel().split()) == axis


def test_unknown_partner_is_refused(frames):
    data = frames.partners.assign(partner="DE")
    with pytest.raises(ParameterError, match=r"'partner' must be one of .*; not 'DE'"):
        plots.partner_comparison(data, year=2014, source_ids=IDS)


def test_ratio_annotations_show_both_fractions(frames):
    texts = _texts(plots.ratio_fractions(frames.ratios, source_ids=IDS, lang="ru"))
    assert tr("≈ {fraction} (article: {claimed})", "ru", fraction="1/3", claimed="1/5") in texts
    assert tr("≈ {fraction}", "ru", fraction="1/3") in texts


def test_ratio_bad_claimed_fraction(frames):
    data = frames.ratios.assign(claimed_label="one sixth")
    with pytest.raises(ParameterError, match="fractions like '1/5'; not 'one sixth'") as caught:
        plots.ratio_fractions(data, source_ids=IDS)
    _one_line(caught)


def test_timeline_spans_and_points(frames):
    fig = plots.policy_timeline(frames.events, source_ids=IDS, lang="en")
    events_ax = fig.axes[0]
    spans = [p for p in events_ax.patches if p.get_width() > 0]
    assert len(spans) == 2  # the two programmes with an end date
    # 1996-04-15 to the end of 2005.
    first = min(spans, key=lambda p: p.get_x())
    assert first.get_x() == pytest.approx(1996 + 105 / 366)
    assert first.get_x() + first.get_width() == pytest.approx(2006.0)
    titles = _texts(fig)
    assert "Programme A" in titles and "Программа А" not in titles


def test_timeline_bad_date_is_named(frames):
    data = frames.events.copy()
    data.loc[0, "start_date"] = "15.04.1996"
    with pytest.raises(ParameterError, match="'start_date' must hold ISO dates"):
        plots.policy_timeline(data, source_ids=IDS)


def test_timeline_precision_needs_the_parts(frames):
    data = frames.events.copy()
    data.loc[0, "start_date"] = "1996"
    with pytest.raises(ParameterError, match="precision 'day' but no month"):
        plots.policy_timeline(data, source_ids=IDS)


def test_timeline_end_before_start(frames):
    data = frames.events.copy()
    data.loc[0, "end_date"] = "1990"
    with pytest.raises(ParameterError, match=r"row 'p1' ends \(1990\) before it starts"):
        plots.policy_timeline(data, source_ids=IDS)


def test_timeline_unknown_country(frames):
    data = frames.events.assign(country="KZ")
    with pytest.raises(ParameterError, match="'country' must be one of 'CN', 'RU', 'CN-RU'"):
        plots.policy_timeline(data, source_ids=IDS)


def test_structure_shares_over_100_are_refused(frames):
    data = frames.structure.assign(share_pct=40.0)
    with pytest.raises(ParameterError, match=r"add up to 160.0%, more than 100%"):
        plots.structure_shares(data, source_ids=IDS)


def test_structure_uses_category_names_of_the_language(frames):
    texts = _texts(plots.structure_shares(frames.structure, source_ids=IDS, lang="ru"))
    assert "Группа SITC7" in texts and "Group SITC7" not in texts
    assert tr("Other groups (rest to 100%)", "ru") in texts
    assert "Китай → Россия" in texts


def test_budgets_refuse_mixed_currencies(frames):
    data = frames.budgets.copy()
    data.loc[0, "currency"] = "USD"
    with pytest.raises(ParameterError, match="one unit and currency; found"):
        plots.programme_budgets(data, source_ids=IDS)


def test_budgets_mark_approximate_amounts_and_print_the_note(frames):
    note = "Цифра статьи «17% необходимых средств» не найдена ни в одном открытом источнике."
    fig = plots.programme_budgets(frames.budgets, source_ids=IDS, lang="ru", note=note)
    texts = _texts(fig)
    assert any(t.startswith("≈ ") for t in texts)
    assert any(note in t for t in texts)
    assert "Программа Б" in texts


def test_budgets_unknown_component_needs_a_name(frames):
    data = frames.budgets.copy()
    data.loc[3, "component"] = "grants"
    with pytest.raises(ParameterError, match="component 'grants' has no label"):
        plots.programme_budgets(data, source_ids=IDS)
    named = data.assign(component_en="Grants", component_ru="Гранты")
    assert "Гранты" in _texts(plots.programme_budgets(named, source_ids=IDS, lang="ru"))


def test_budgets_refuse_duplicate_components(frames):
    data = frames.budgets.assign(component="federal")
    with pytest.raises(ParameterError, match="more than one row for programme 'a'"):
        plots.programme_budgets(data, source_ids=IDS)


def test_audit_shows_no_data_for_missing_pairs(frames):
    texts = _texts(plots.audit_verdicts(frames.verdicts, source_ids=IDS, lang="ru"))
    assert tr("No data", "ru") in texts
    assert tr("Inconsistent", "ru") in texts


def test_audit_refuses_duplicates_and_unknown_verdicts(frames):
    doubled = pd.concat([frames.verdicts, frames.verdicts.iloc[:1]])
    with pytest.raises(ParameterError, match="more than one verdict for claim 'c1'"):
        plots.audit_verdicts(doubled, source_ids=IDS)
    with pytest.raises(ParameterError, match=r"'verdict' must be one of .*; not 'maybe'"):
        plots.audit_verdicts(frames.verdicts.assign(verdict="maybe"), source_ids=IDS)


def test_audit_claim_labels_render_chinese(frames):
    data = frames.verdicts.assign(claim_label="中俄贸易 2014: 95,3 млрд")
    assert "中俄贸易 2014: 95,3 млрд" in _texts(
        plots.audit_verdicts(data, source_ids=IDS, lang="ru")
    )


def test_after_article_reference_line(frames):
    fig = plots.after_article(frames.after, article_2014_value=95.3, source_ids=IDS, lang="ru")
    assert tr("The article's 2014 level ({value} USD bn)", "ru", value="95,3") in _texts(fig)
    with pytest.raises(ParameterError, match="article_2014_value must be a number; not '95'"):
        plots.after_article(frames.after, article_2014_value="95", source_ids=IDS)


def test_heilongjiang_stated_share_is_optional(frames):
    data = frames.heilongjiang.drop(columns=["share_pct_stated"])
    texts = _texts(plots.heilongjiang_share(data, source_ids=IDS))
    assert tr("Share stated in the press", "en") not in texts
    assert tr("Heilongjiang's share", "en") in texts


def tr(message: str, lang: str, **fields) -> str:
    """Return ``message`` translated into ``lang``, fields filled in."""
    # As the figure's texts are compared: whitespace (a no-break space too) as one space.
    return " ".join(translator(lang).gettext(message, **fields).split())
