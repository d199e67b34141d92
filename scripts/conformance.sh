#!/usr/bin/env bash
# The ONNX node conformance suite: generates it from the pinned onnx package (into target/),
# checks every case with `ronnc check` at -O0 and -O1, writes docs/conformance.md and fails on
# any regression against tests/conformance/manifest.txt.
# Extra arguments go to scripts/conformance.py (e.g. --update-manifest).
set -euo pipefail
cd "$(dirname "$0")/.."
export RONN_CACHE_DIR="${RONN_CACHE_DIR:-$PWD/target/ronn-cache}"
python="$(bash scripts/venv.sh)"
"$python" scripts/make_node_suite.py target/onnx-node
cargo build --release --quiet -p ronn-compiler --bin ronnc
"$python" scripts/conformance.py --ronnc target/release/ronnc --suite target/onnx-node \
  --manifest tests/conformance/manifest.txt --report docs/conformance.md "$@"
