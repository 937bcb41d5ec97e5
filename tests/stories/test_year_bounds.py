"""The trade and timeline notebooks take their year bounds from the data package."""

from analysis_lib.views.common import timeline_years, trade_years


def test_trade_years_follow_a_new_gacc_year(isolated_data_dir):
    first, last = trade_years()
    assert first < last < 2030
    with (isolated_data_dir / "customs_totals.csv").open("a", encoding="utf-8") as handle:
        handle.write("GACC,CN,RU,2030,final,250.0,,,,notes_fcs_totals\n")
    assert trade_years() == (first, 2030)


def test_timeline_years_follow_a_later_programme_end(isolated_data_dir):
    first, last = timeline_years()
    assert first < last < 2029
    path = isolated_data_dir / "timeline.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    values = dict.fromkeys(header, "")
    values.update(
        event_id="test_late_programme",
        start_date="2020",
        date_precision="year",
        end_date="2029",
        country="RU",
        kind="programme",
        title_en="Test programme",
        title_ru="Тестовая программа",
        source_id="article",
    )
    with path.open("a", encoding="utf-8") as handle:
        handle.write(",".join(values[name] for name in header) + "\n")
    assert timeline_years() == (first, 2029)
