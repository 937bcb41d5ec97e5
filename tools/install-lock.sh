#!/usr/bin/env bash
# Installs a lock file into a Python environment, checking every file's hash.
# usage: tools/install-lock.sh PYTHON LOCK_FILE LOG_FILE [more pip options]
# A file whose hash differs from the lock (changed or substituted upstream)
# stops the install before anything is installed, in one line; pip's own
# output is kept in LOG_FILE.
set -uo pipefail
python=$1 lock=$2 log=$3
shift 3
mkdir -p "$(dirname "$log")"
if "$python" -m pip --disable-pip-version-check install --quiet --no-deps --require-hashes \
    -r "$lock" "$@" >"$log" 2>&1; then
    exit 0
fi
if grep -q "DO NOT MATCH THE HASHES" "$log"; then
    bad=$(grep -A1 "DO NOT MATCH THE HASHES" "$log" | tail -n 1 | sed -E 's/^ +//; s/ from .*//; s/ *:$//')
    echo "setup: $bad does not match its hash in $lock (a changed or substituted file); nothing was installed; pip's output: $log" >&2
else
    echo "setup: pip could not install $lock ($(grep -m 1 '^ERROR' "$log" || tail -n 1 "$log")); pip's output: $log" >&2
fi
exit 1
