#!/usr/bin/env bash
# Installs the Debian packages that the PDF route needs, or says how to.
# Exit 0 when everything is present; non-zero (after printing the exact
# command) when it is missing and cannot be installed here.
set -u
# With arguments: just those packages (e.g. python3-venv for the first setup).
if [ $# -gt 0 ]; then packages=("$@"); else packages=(chromium fonts-noto-cjk poppler-utils); fi
missing=()
for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "system: installing ${missing[*]} (apt-get, about 1-2 minutes)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        && exit 0
    echo "system: apt-get failed; install by hand: apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "system: missing ${missing[*]}; install with: sudo apt-get install -y ${missing[*]}" >&2
exit 1
