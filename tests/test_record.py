"""The notebooks' value recorder: deterministic, atomic ``values.json``."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from analysis_lib.exceptions import ParameterError
from analysis_lib.record import Recorder, read_values, record_sources, record_value


def test_values_and_sources_are_written_sorted(tmp_path: Path):
    recorder = Recorder(tmp_path)
    recorder.value("zeta", 1.25)
    recorder.value("alpha", 3)
    recorder.sources(["imf-dots", "gacc-2023"])
    recorder.sources("gacc-2023")

    text = (tmp_path / "values.json").read_text(encoding="utf-8")

    assert json.loads(text) == {
        "sources": ["gacc-2023", "imf-dots"],
        "values": {"alpha": 3, "zeta": 1.25},
    }
    assert text.index('"alpha"') < text.index('"zeta"')
    assert text.endswith("\n")


def test_same_calls_give_same_bytes(tmp_path: Path):
    for folder in ("a", "b"):
        record_value(tmp_path / folder, "growth_pct", 26.3)
        record_sources(tmp_path / folder, ["s2", "s1"])

    assert (tmp_path / "a" / "values.json").read_bytes() == (
        tmp_path / "b" / "values.json"
    ).read_bytes()


def test_floats_are_kept_as_given_and_numpy_scalars_unwrapped(tmp_path: Path):
    recorder = Recorder(tmp_path)
    assert recorder.value("share", np.float64(0.1) + np.float64(0.2)) == pytest.approx(0.3)
    recorder.value("count", np.int64(7))
    recorder.value("pair", (1, np.float64(2.5)))

    values = read_values(tmp_path)["values"]

    assert values == {"count": 7, "pair": [1, 2.5], "share": 0.30000000000000004}


def test_value_replaces_earlier_value_and_leaves_no_temporary_file(tmp_path: Path):
    recorder = Recorder(tmp_path)
    recorder.value("x", 1)
    recorder.value("x", 2)

    assert read_values(tmp_path)["values"] == {"x": 2}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["values.json"]


def test_nan_is_refused(tmp_path: Path):
    with pytest.raises(ParameterError, match="'ratio' must be a finite number"):
        Recorder(tmp_path).value("ratio", float("nan"))


def test_unsupported_type_is_refused(tmp_path: Path):
    with pytest.raises(ParameterError, match="not set"):
        Recorder(tmp_path).value("things", {1, 2})


def test_bad_name_is_refused(tmp_path: Path):
    with pytest.raises(ParameterError, match="recorded value name must match"):
        Recorder(tmp_path).value("has space", 1)


def test_empty_output_dir_goes_under_build_dir(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_LIB_BUILD_DIR", str(tmp_path / "build"))

    Recorder("", "01-demo").value("x", 1)

    assert (tmp_path / "build" / "notebook-output" / "01-demo" / "values.json").exists()


def test_read_values_of_missing_file_is_empty(tmp_path: Path):
    assert read_values(tmp_path) == {"sources": [], "values": {}}
