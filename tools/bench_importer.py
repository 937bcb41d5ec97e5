"""Time the IMF DOTS importer's two .xlsx engines on the real workbooks.

Usage: ``.venv/bin/python tools/bench_importer.py [--runs N]``. Prints the
median wall time of reading all workbooks with each engine (in one process, so
import costs are excluded) and checks that both engines give the same table.
"""

from __future__ import annotations

import argparse
import statistics
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per engine (default 5)")
    args = parser.parse_args()

    import pandas as pd

    from analysis_lib.importers.dots import default_workbooks, read_dots_workbook

    workbooks = default_workbooks()
    tables = {}
    for engine in ("calamine", "openpyxl"):
        read_dots_workbook(workbooks[0], engine=engine)  # warm-up: imports, caches
        timings = []
        for _ in range(args.runs):
            start = time.perf_counter()
            frames = [read_dots_workbook(path, engine=engine) for path in workbooks]
            timings.append(time.perf_counter() - start)
        tables[engine] = pd.concat(frames, ignore_index=True)
        print(
            f"{engine:9s} {len(workbooks)} workbooks: median {statistics.median(timings):.3f} s "
            f"(min {min(timings):.3f}, max {max(timings):.3f}, {args.runs} runs)"
        )
    pd.testing.assert_frame_equal(tables["openpyxl"], tables["calamine"])
    print(f"same table from both engines: {len(tables['calamine'])} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
