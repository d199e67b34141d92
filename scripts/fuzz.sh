#!/usr/bin/env bash
# Fuzzes one target of fuzz/ with libFuzzer on stable Rust (no cargo-fuzz or nightly needed:
# the coverage instrumentation cargo-fuzz would add is passed as plain rustc flags).
#
#   bash scripts/fuzz.sh compile_model 3600     # target, seconds (default 60)
#   bash scripts/fuzz.sh tensor_files 600
#
# The corpus starts from the repository's models and tensor files (target/fuzz/corpus/TARGET);
# crashing inputs land in fuzz/artifacts/TARGET/. Keep each one as a regression test (see
# docs/fuzzing.md) once fixed. Needs a C++ compiler for libFuzzer itself (g++ or clang++).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: fuzz.sh compile_model|tensor_files [seconds]}"
seconds="${2:-60}"
corpus="target/fuzz/corpus/$target"
artifacts="fuzz/artifacts/$target"
mkdir -p "$corpus" "$artifacts"
case "$target" in
  compile_model) seeds=$(find tests -name '*.onnx' -size -256k) ;;
  tensor_files) seeds=$(find tests -name '*.pb' -size -64k | head -400) ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
# libFuzzer is C++: install a compiler where the machine has none (Debian, as root).
if ! command -v c++ >/dev/null 2>&1; then
  apt-get install -y -q g++ >/dev/null 2>&1 || { echo "fuzz.sh: needs a C++ compiler (g++ or clang++)" >&2; exit 1; }
fi
for f in $seeds; do cp -n "$f" "$corpus/$(echo "$f" | tr '/' '_')" 2>/dev/null || true; done

export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing"
# An explicit --target keeps the instrumentation out of build scripts and proc macros.
host=$(rustc -vV | sed -n 's/^host: //p')
cargo build --release --manifest-path fuzz/Cargo.toml --target-dir target/fuzz/build --target "$host" --bin "$target"
bin="target/fuzz/build/$host/release/$target"
# Fuzzer corpus first (new inputs are written there), then the read-only seeds.
"$bin" "$corpus" -max_total_time="$seconds" -rss_limit_mb=4096 -max_len=1048576 \
  -artifact_prefix="$artifacts/" -print_final_stats=1
