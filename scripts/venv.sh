#!/usr/bin/env bash
# Creates (once) the project's own Python venv with pinned packages and prints its python path.
# Used by the test-data scripts and the conformance runner. `venv.sh bench` makes a second venv
# with PyTorch for the benchmark set (large; only the benchmarks need it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ "${1:-}" = bench ]; then
  venv="${RONN_BENCH_VENV:-$root/target/venv-bench}"
  req="$root/scripts/requirements-bench.txt"
else
  venv="${RONN_VENV:-$root/target/venv}"
  req="$root/scripts/requirements.txt"
fi
stamp="$venv/.ronn-requirements"
# The stamp holds every requirements file the venv was made from, so editing any re-installs.
want="$(cat "$root"/scripts/requirements.txt "$req")"
if [ ! -f "$stamp" ] || [ "$want" != "$(cat "$stamp")" ]; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req" >&2
  printf '%s' "$want" >"$stamp"
fi
echo "$venv/bin/python"
