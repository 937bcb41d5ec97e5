"""Every test file under tests/ is collected: no folder is skipped by a tool default."""

import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).parent


def collected_files() -> set[str]:
    """Return the test files ``pytest --collect-only`` finds from the project root."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:xdist",
            "-p",
            "no:cacheprovider",
            str(TESTS),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=TESTS.parent,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return {line.split("::", 1)[0] for line in result.stdout.splitlines() if "::" in line}


def test_every_test_file_is_collected():
    on_disk = {p.relative_to(TESTS.parent).as_posix() for p in TESTS.rglob("test_*.py")}
    missing = sorted(on_disk - collected_files())
    assert not missing, f"test files pytest does not collect: {missing}"
