"""requirements.lock pins every package by version and hash; a tampered file stops setup."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis_lib import paths

INSTALL = paths.PROJECT_ROOT / "tools" / "install-lock.sh"
REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^ ;\\]+)")


def _requirements(text: str) -> dict[str, list[str]]:
    """Return name==version -> its hashes, for every requirement in a pip lock file."""
    found: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if match := REQUIREMENT.match(line):
            current = f"{match['name'].lower()}=={match['version']}"
            found[current] = []
        found_hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", line)
        if found_hashes:
            assert current is not None, f"a hash before any requirement: {line!r}"
            found[current] += found_hashes
    return found


def test_every_locked_package_is_pinned_with_a_hash():
    text = paths.LOCK_FILE.read_text(encoding="utf-8")
    requirements = _requirements(text)
    assert len(requirements) > 100
    unhashed = sorted(name for name, hashes in requirements.items() if not hashes)
    assert not unhashed, f"packages without a hash in requirements.lock: {unhashed}"
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith(("#", " "))]
    assert all(REQUIREMENT.match(ln) for ln in lines), "every requirement is pinned with =="


def test_the_lock_leaves_out_rfc3987_syntax():
    names = {key.split("==")[0] for key in _requirements(paths.LOCK_FILE.read_text())}
    assert "rfc3987-syntax" not in names
    assert {"papermill", "nbconvert", "pandas", "babel", "nbstripout"} <= names


def test_setup_installs_the_lock_with_require_hashes():
    makefile = (paths.PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "tools/install-lock.sh $(PY) requirements.lock" in makefile
    assert "--require-hashes" in INSTALL.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A tiny wheel built offline, standing in for a package of the index."""
    root = tmp_path_factory.mktemp("tinypkg")
    (root / "tinypkg").mkdir()
    (root / "tinypkg" / "__init__.py").write_text("VALUE = 1\n")
    (root / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n'
        '[project]\nname = "tinypkg"\nversion = "0.1"\n'
    )
    dist = root / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index",
         "--no-build-isolation", "-w", str(dist), str(root)],
        check=True, capture_output=True,
    )  # fmt: skip
    return next(dist.glob("tinypkg-0.1-*.whl"))


def _install(wheel: Path, digest: str, tmp_path: Path) -> subprocess.CompletedProcess:
    lock = tmp_path / "requirements.lock"
    lock.write_text(f"tinypkg==0.1 \\\n    --hash=sha256:{digest}\n")
    return subprocess.run(
        ["bash", str(INSTALL), sys.executable, str(lock), str(tmp_path / "pip.log"),
         "--no-index", "--find-links", str(wheel.parent), "--target", str(tmp_path / "t")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_a_file_that_matches_its_hash_installs(wheel, tmp_path):
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    done = _install(wheel, digest, tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "t" / "tinypkg" / "__init__.py").exists()


def test_a_tampered_file_stops_setup_in_one_line(wheel, tmp_path):
    done = _install(wheel, "0" * 64, tmp_path)
    assert done.returncode == 1
    lock, log = tmp_path / "requirements.lock", tmp_path / "pip.log"
    assert done.stderr == (
        f"setup: tinypkg==0.1 does not match its hash in {lock} (a changed or substituted "
        f"file); nothing was installed; pip's output: {log}\n"
    )
    assert not (tmp_path / "t").exists()
    assert "Expected sha256 " + "0" * 64 in log.read_text()
