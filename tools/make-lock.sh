#!/usr/bin/env bash
# Regenerates requirements.lock: resolve pyproject's dependencies in a scratch
# venv and freeze the exact versions.
# rfc3987-syntax is left out on purpose: jsonschema imports it optionally and it
# builds dozens of parsers at import, costing ~2.5 s on every papermill and
# nbconvert start (jsonschema issue 1428). The lock is installed with --no-deps.
set -euo pipefail
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet --disable-pip-version-check --upgrade pip
"$scratch/venv/bin/pip" install --quiet --disable-pip-version-check ".[dev]"
{
    echo "# Exact environment for analysis_lib; regenerate with 'make lock'."
    "$scratch/venv/bin/pip" freeze --all --exclude-editable \
        | grep -viE '^(analysis[-_]lib|rfc3987-syntax)[= @]' | LC_ALL=C sort -f
} > requirements.lock
echo "wrote requirements.lock ($(grep -vc '^#' requirements.lock) packages)"
