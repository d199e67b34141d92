#!/usr/bin/env bash
# Runs every test: unit tests, snapshots, include_model! (trybuild), the bundled models, the
# ONNX light zoo against onnxruntime, the CLI contract, clippy's no-panic lints, and the ONNX node
# conformance suite against its manifest (scripts/conformance.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export RONN_CACHE_DIR="${RONN_CACHE_DIR:-$PWD/target/ronn-cache}"
bash scripts/venv.sh >/dev/null   # pinned onnx + onnxruntime for reference data
# Library crates deny unwrap/expect/panic outside tests (see each crate's lib.rs).
cargo clippy --workspace --quiet -- -D warnings
# Snapshots are never written in CI: a diff fails.
log="$(mktemp)"
set +e
CI=true cargo test --workspace -- --test-threads=2 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Conformance: regenerates docs/conformance.md and fails on any regression of the manifest.
bash scripts/conformance.sh 2>&1 | tee "$log.conf"
conformance=${PIPESTATUS[0]}
set -e
# One closing line over all test binaries, then the conformance totals.
awk '/^test result:/ {p += $4; f += $6} END {printf "%d passed, %d failed\n", p, f}' "$log"
grep -E '^(conformance|manifest)' "$log.conf" || true
rm -f "$log" "$log.conf"
[ "$status" -eq 0 ] && exit "$conformance"
exit "$status"
