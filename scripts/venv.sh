#!/usr/bin/env bash
# Creates (once) the project's own Python venv with pinned packages and prints its python path.
# Used by the test-data scripts, the conformance runner and the benchmarks.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${RONN_VENV:-$root/target/venv}"
stamp="$venv/.ronn-requirements"
req="$root/scripts/requirements.txt"
if [ ! -f "$stamp" ] || ! cmp -s "$req" "$stamp"; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req" >&2
  cp "$req" "$stamp"
fi
echo "$venv/bin/python"
