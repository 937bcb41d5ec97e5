#!/usr/bin/env bash
# Regenerates requirements.lock: pyproject's dependencies (with the dev extra)
# resolved by uv for this machine's Python, every file pinned by its SHA-256.
# Versions already in requirements.lock are kept unless pyproject needs others.
# rfc3987-syntax is left out on purpose: jsonschema imports it optionally and it
# builds dozens of parsers at import, costing ~2.5 s on every papermill and
# nbconvert start (jsonschema issue 1428). The lock is installed with --no-deps
# --require-hashes (tools/install-lock.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet --disable-pip-version-check uv
version=$(python3 -c 'import platform; print(platform.python_version())')
grep -v '^#' requirements.lock > "$scratch/requirements.lock" 2>/dev/null || true
"$scratch/venv/bin/uv" pip compile pyproject.toml --extra dev --generate-hashes \
    --python-version "$version" --no-emit-package rfc3987-syntax --no-header --quiet \
    -o "$scratch/requirements.lock"
{
    echo "# Exact environment for analysis_lib, every file pinned by hash; regenerate with 'make lock'."
    cat "$scratch/requirements.lock"
} > requirements.lock
echo "wrote requirements.lock ($(grep -c '^[A-Za-z0-9]' requirements.lock) packages)"
