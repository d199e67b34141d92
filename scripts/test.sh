#!/usr/bin/env bash
# Runs every test: formatting, clippy (with the no-panic lints), unit tests, golden cases,
# include_model! (trybuild), the bundled models, the ONNX light zoo against onnxruntime, the CLI
# contract, both fuzz targets for a minute each, and the ONNX node conformance suite against its
# manifest (scripts/conformance.sh).
#
# Output: one `== step` line per stage (the first build of each takes minutes), the tests'
# own lines, and no cargo `Compiling` lines. A run leaves `git status` clean: reports are
# rewritten only when their results change.
set -euo pipefail
cd "$(dirname "$0")/.."
export RONN_CACHE_DIR="${RONN_CACHE_DIR:-$PWD/target/ronn-cache}"
# Disk: a run builds the workspace, its tests, trybuild's crates and the crates the tests
# generate, each in a target folder of its own. Incremental caches and full debug info took
# 10 GB of it (a CI machine ran out); without them, and with line tables kept for backtraces,
# the run needs far less. These reach nested cargo runs through the environment.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
export CARGO_PROFILE_DEV_DEBUG="${CARGO_PROFILE_DEV_DEBUG:-line-tables-only}"
# RONN_LEAN_DISK=1 (set by .ci/run) also removes each stage's build folders once the stage is
# done, so the peak is one stage's, not the sum (reruns then rebuild them).
lean() { [ "${RONN_LEAN_DISK:-0}" = 1 ] && rm -rf "$@" || true; }
# trybuild colours its output unless told not to; logs are read as text.
[ -t 1 ] || export NO_COLOR=1
# cargo's progress lines (Compiling, Checking, Downloaded...) are dropped; errors and warnings stay.
quiet_cargo() { grep --line-buffered -vE '^ *(Compiling|Checking|Fresh|Blocking|Downloaded|Downloading|Updating|Locking|Adding|Finished|Documenting|Generated|Packaging|Updated|Removed) ' || true; }
step() { echo "== $* ($(date +%H:%M:%S))"; }
step "Python venv with pinned onnx, onnxruntime (scripts/venv.sh; a minute the first time)"
bash scripts/venv.sh >/dev/null   # pinned onnx + onnxruntime for reference data
step "cargo fmt --check"
cargo fmt --all --check
step "clippy (the first run compiles the workspace: minutes)"
# Library crates deny unwrap/expect/panic outside tests (see each crate's lib.rs).
cargo clippy --workspace --all-targets --quiet -- -D warnings
# Docs: no rustdoc warning (broken links, bare URLs, HTML in prose) and no undocumented public
# item: ronn, ronn-runtime, ronn-compiler and ronn-macros carry #![warn(missing_docs)], which
# -D missing_docs also covers the ronnc binary. Doctests run in cargo test.
RUSTDOCFLAGS="-D warnings -D missing_docs" cargo doc --workspace --no-deps --quiet
# Golden files (tests/out) are only written with RONN_BLESS=1: a difference fails.
log="$(mktemp)"
set +e
# --no-fail-fast: every test binary runs, so one run shows every failure.
step "cargo test (builds the tests, then runs them; the longest stage)"
cargo test --workspace --no-fail-fast -- --test-threads=2 2>&1 | quiet_cargo | tee "$log"
status=${PIPESTATUS[0]}
lean target/tests/trybuild target/test-front-door target/test-cuda target/test-cli target/test-hostile
# Fuzz targets: built with coverage instrumentation and run briefly, so they keep compiling and
# the corpus from tests/ still runs clean; long runs are `bash scripts/fuzz.sh TARGET SECONDS`.
fuzz=0
step "fuzz targets, ${RONN_FUZZ_SECONDS:-60} s each"
for target in compile_model tensor_files; do
  if bash scripts/fuzz.sh "$target" "${RONN_FUZZ_SECONDS:-60}" > "$log.fuzz" 2>&1; then
    grep -E '^(Done|stat::number_of_executed_units)' "$log.fuzz" | sed "s/^/fuzz $target: /"
  elif grep -q 'Test unit written to' "$log.fuzz"; then
    # A new input found by mutation in this minute: reported loudly with its file, kept for a
    # regression test, but not a reason to reject the run (a build failure or crash of the
    # seed corpus is, as is any panic in the tests above).
    grep -E 'panicked at|Test unit written to' "$log.fuzz" | sed "s/^/FUZZ FINDING $target: /"
  else
    fuzz=1
    tail -40 "$log.fuzz"
  fi
done
lean target/fuzz
# Conformance: regenerates docs/conformance.md and fails on any regression of the manifest.
step "ONNX node conformance, CPU (-O0, -O1) and CUDA in its emulator (scripts/conformance.sh)"
bash scripts/conformance.sh 2>&1 | tee "$log.conf"
conformance=${PIPESTATUS[0]}
set -e
# One closing line over all test binaries, then the conformance totals.
awk '/^test result:/ {p += $4; f += $6} END {printf "%d passed, %d failed\n", p, f}' "$log"
grep -E '^(conformance|manifest)' "$log.conf" || true
rm -f "$log" "$log.conf" "$log.fuzz"
[ "$status" -eq 0 ] || exit "$status"
[ "$fuzz" -eq 0 ] || { echo "a fuzz target failed"; exit 1; }
exit "$conformance"
