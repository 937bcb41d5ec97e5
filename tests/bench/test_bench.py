"""The benchmark code itself, on tiny inputs with one repetition (no timing assertions)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis_lib import cli
from analysis_lib.bench import scale, synthetic
from analysis_lib.bench.table import Row, format_table
from analysis_lib.exceptions import ParameterError
from analysis_lib.loaders import load_dots_trade


def test_synthetic_table_is_seeded_complete_and_valid(tmp_path):
    table = synthetic.bilateral_table(4, years=3, seed=7)
    assert len(table) == 4 * 3 * 2 * 3
    assert not table.duplicated(["reporter", "partner", "flow", "year"]).any()
    assert (table["reporter"] != table["partner"]).all()
    pd.testing.assert_frame_equal(table, synthetic.bilateral_table(4, years=3, seed=7))
    assert not table.equals(synthetic.bilateral_table(4, years=3, seed=8))
    loaded = load_dots_trade(data_dir=synthetic.write_data_dir(tmp_path, table))
    assert len(loaded) == len(table)


def test_country_count_covers_the_rows():
    count = synthetic.countries_for_rows(1_000_000)
    assert count * (count - 1) * 2 * 83 >= 1_000_000 > (count - 1) * (count - 2) * 2 * 83


def test_plain_pandas_baselines_compute_what_the_metrics_compute():
    from analysis_lib import metrics

    frame = synthetic.bilateral_table(3, years=4, seed=1)
    pd.testing.assert_series_equal(
        scale.plain_growth(frame),
        metrics.growth_by_group(frame, scale.KEYS, "value_usd_mn"),
        check_names=False,
    )
    pd.testing.assert_series_equal(
        scale.plain_shares(frame),
        metrics.shares_by_group(frame, ["reporter", "flow", "year"], "value_usd_mn"),
        check_names=False,
    )
    assert len(scale.plain_mirror(frame)) == len(metrics.mirror_gap_table(frame))


def test_table_shows_ratio_and_target():
    row = Row("metrics", "growth", [2.0], "plain pandas", [1.0], ("<=", 1.3))
    assert row.ratio == 2.0 and row.met is False
    text = format_table([row, Row("rebuild", "no-op", [0.5], target=("<", 1.0))])
    assert "MISSED" in text and "< 1 s ok" in text


def test_unknown_section_is_refused(tmp_path):
    from analysis_lib.bench.runner import BenchOptions, run_bench

    with pytest.raises(ParameterError, match="--sections"):
        run_bench(BenchOptions(sections=("nope",), work_dir=tmp_path))


def test_quick_cli_writes_table_and_json(tmp_path, capsys):
    argv = ["bench", "--quick", "--repeat", "1", "--rows", "500"]
    argv += ["--sections", "metrics", "--work-dir", str(tmp_path)]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert "growth_by_group" in out and "plain pandas" in out
    content = json.loads((tmp_path / "bench.json").read_text("utf-8"))
    assert {row["name"] for row in content["rows"]} >= {"mirror_gap_table", "shares_by_group"}
    assert all(row["seconds"] >= 0 for row in content["rows"])


def test_memory_sampler_measures_the_tree_of_a_command():
    import subprocess
    import sys

    from analysis_lib.bench import measure

    hold = "import time; data = b'x' * 60_000_000; time.sleep(1)"
    with measure.MemorySampler(interval=0.05) as memory:
        subprocess.run([sys.executable, "-c", hold], check=True)

    assert memory.peak["build process"] >= 50
    assert memory.total >= memory.peak["build process"]
    assert memory.summary().startswith("peak PSS MiB: build process ")


def test_memory_sampler_counts_build_servers_that_are_nobodys_children(tmp_path):
    import shlex
    import subprocess
    import sys
    import time

    from analysis_lib.bench import measure

    folder = tmp_path / "build" / "servers"
    marker = tmp_path / "server-ready"
    # A stand-in server: a grandchild the shell leaves behind, its socket folder in its
    # command line, like the real ones (which fork themselves away from the build).
    hold = (
        "import pathlib, sys, time; data = b'x' * 60_000_000; "
        f"pathlib.Path({str(marker)!r}).touch(); time.sleep(2)"
    )
    command = [sys.executable, "-c", hold, str(folder / "kernels.sock")]
    subprocess.run(["sh", "-c", shlex.join(command) + " >/dev/null 2>&1 &"], check=True)
    deadline = time.monotonic() + 10
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    with measure.MemorySampler(interval=0.05, servers=folder) as memory:
        subprocess.run([sys.executable, "-c", "import time; time.sleep(0.5)"], check=True)
    with measure.MemorySampler(interval=0.05) as without:
        subprocess.run([sys.executable, "-c", "import time; time.sleep(0.5)"], check=True)

    assert memory.peak["worker"] >= 50  # the stand-in server, counted as a process of its own
    assert memory.total >= without.total + 50
