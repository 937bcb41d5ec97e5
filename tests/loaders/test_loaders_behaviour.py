"""Schema generation, normalisations, the read log and trade_series on tiny data folders."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest

from analysis_lib.exceptions import ParameterError
from analysis_lib.loaders import (
    AUDIT_SOURCES,
    READ_LOG_ENV,
    build_schema,
    load_customs_totals,
    load_table,
    read_descriptor,
    trade_series,
)
from analysis_lib.loaders.schema import DTYPES


@pytest.mark.parametrize("name", [r["name"] for r in read_descriptor()["resources"]])
def test_pandera_schema_agrees_with_descriptor(name):
    resource = next(r for r in read_descriptor()["resources"] if r["name"] == name)
    schema = build_schema(resource)
    fields = resource["schema"]["fields"]
    assert isinstance(schema, pa.DataFrameSchema)
    assert list(schema.columns) == [f["name"] for f in fields]
    for field in fields:
        column = schema.columns[field["name"]]
        assert column.dtype == pa.engines.pandas_engine.Engine.dtype(DTYPES[field["type"]])
        required = field.get("constraints", {}).get("required", False)
        assert column.nullable is (not required), field["name"]
    key = resource["schema"].get("primaryKey")
    assert schema.unique == ([key] if isinstance(key, str) else key)
    assert schema.strict is True


def test_bom_and_crlf_are_normalised(data_copy: Path):
    original = data_copy / "customs_totals.csv"
    windows = data_copy / "windows.csv"
    text = original.read_text(encoding="utf-8").replace("\n", "\r\n")
    windows.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    pd.testing.assert_frame_equal(
        load_table("customs_totals", windows, data_dir=data_copy),
        load_table("customs_totals", data_dir=data_copy),
    )


def test_blank_lines_are_skipped_but_rows_keep_file_line_numbers(data_copy: Path):
    path = data_copy / "customs_totals.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("GACC", "NOPE")
    path.write_text("\n".join([lines[0], "", *lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"row 4, column 'agency'"):
        load_customs_totals(data_dir=data_copy)


def test_quoted_value_spanning_lines_is_read(data_copy: Path):
    path = data_copy / "programme_budgets.csv"
    text = path.read_text(encoding="utf-8")
    text = text.replace('"""about 697 bn roubles in all"""', '"line one\nline two"')
    path.write_text(text, encoding="utf-8")
    frame = load_table("programme_budgets", data_dir=data_copy)
    assert frame.loc[0, "note"] == "line one\nline two"
    assert frame.loc[1, "component"] == "federal"


def test_env_var_selects_the_data_folder(isolated_data_dir: Path):
    (isolated_data_dir / "customs_totals.csv").write_text(
        "agency,reporter,partner,year,release,total_usd_bn,exports_usd_bn,imports_usd_bn,"
        "reported_growth_pct,source_id\nGACC,CN,RU,2014,final,1.5,,,,finomenov_2014\n",
        encoding="utf-8",
    )
    assert load_customs_totals()["total_usd_bn"].tolist() == [1.5]


def test_read_log_lists_every_csv_read(data_copy: Path, tmp_path: Path, monkeypatch):
    log = tmp_path / "reads.log"
    monkeypatch.setenv(READ_LOG_ENV, str(log))
    load_table("timeline", data_dir=data_copy)
    load_table("sources", data_dir=data_copy)
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines == [
        str(data_copy / "timeline.csv"),
        str(data_copy / "sources.csv"),  # read for the foreign key
        str(data_copy / "sources.csv"),
    ]
    assert all(Path(line).is_absolute() for line in lines)


def test_no_read_log_without_the_env_var(data_copy: Path, tmp_path: Path, monkeypatch):
    monkeypatch.delenv(READ_LOG_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    load_table("timeline", data_dir=data_copy)
    assert list(tmp_path.iterdir()) == [data_copy.parent / "data"]


DOTS_HEADER = "reporter,partner,flow,year,value_usd_mn,source_id\n"


@pytest.fixture
def tiny_dots(data_copy: Path) -> Path:
    """A data folder whose dots_trade.csv holds a few made-up values."""
    rows = [
        "CN,RU,exports_fob,2013,1000,imf_dots",
        "CN,RU,imports_cif,2013,500,imf_dots",
        "CN,RU,exports_fob,2012,2000,imf_dots",
        "CN,RU,imports_cif,2012,250.5,imf_dots",
        "CN,RU,exports_fob,2011,100,imf_dots",
        "CN,RU,imports_cif,2011,,imf_dots",
        "RU,CN,exports_fob,2013,700,imf_dots",
        "RU,CN,imports_cif,2013,900,imf_dots",
        "CN,US,exports_fob,2013,3000,imf_dots",
        "CN,US,imports_cif,2013,1000,imf_dots",
    ]
    (data_copy / "dots_trade.csv").write_text(DOTS_HEADER + "\n".join(rows) + "\n")
    return data_copy


@pytest.mark.parametrize(
    ("source", "partner", "expected"),
    [
        ("imf_dots_cn", "RU", {2012: 2.2505, 2013: 1.5}),
        ("imf_dots_ru", "RU", {2013: 1.6}),
        ("imf_dots_cn", "US", {2013: 4.0}),
    ],
)
def test_imf_series_add_both_flows_in_billions(tiny_dots, source, partner, expected):
    series = trade_series(source, partner, data_dir=tiny_dots)
    assert series.to_dict() == pytest.approx(expected)
    assert list(series.index) == sorted(expected)
    assert (series.name, series.index.name, str(series.dtype)) == (
        "value_usd_bn",
        "year",
        "float64",
    )


def test_gacc_series_uses_final_gacc_rows_only(tiny_dots):
    series = trade_series("gacc", data_dir=tiny_dots)
    customs = load_customs_totals(data_dir=tiny_dots)
    final = customs[(customs["agency"] == "GACC") & (customs["partner"] == "RU")]
    final = final[final["release"] == "final"]
    assert series.tolist() == final.sort_values("year")["total_usd_bn"].tolist()
    assert trade_series("gacc", "US", data_dir=tiny_dots).to_dict() == {
        2012: 484.68,
        2014: 549.19,
        2024: 688.3,
    }


def test_audit_sources_are_the_three_series():
    assert AUDIT_SOURCES == ("gacc", "imf_dots_cn", "imf_dots_ru")


@pytest.mark.parametrize(
    ("source", "partner", "pattern"),
    [
        ("wto", "RU", r"source must be one of 'gacc', 'imf_dots_cn', 'imf_dots_ru'; not 'wto'"),
        ("gacc", "ru", r"partner must be one of 'RU', .*; not 'ru'"),
        ("imf_dots_ru", "WLD", r"partner must be one of 'RU', 'US', 'JP', 'KR'; not 'WLD'"),
    ],
)
def test_trade_series_rejects_unknown_parameters(tiny_dots, source, partner, pattern):
    with pytest.raises(ParameterError, match=pattern):
        trade_series(source, partner, data_dir=tiny_dots)
