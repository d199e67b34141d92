#!/usr/bin/env bash
# One command for the benchmarks: makes the benchmark models (PyTorch venv, once), then runs
# bench/run.py with the test venv (onnxruntime) and writes docs/benchmarks.md.
# Arguments go to bench/run.py (e.g. --only bert,mlp --rounds 3).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
"$(bash scripts/venv.sh bench)" scripts/make_bench_models.py
exec "$(bash scripts/venv.sh)" bench/run.py "$@"
