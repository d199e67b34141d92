#!/usr/bin/env bash
# The ONNX node conformance suite: generates it from the pinned onnx package (into target/),
# checks every case with `ronnc check` at -O0 and -O1, writes docs/conformance.md and fails on
# any regression against tests/conformance/manifest.txt. Then the CUDA target, in the CPU
# emulator of its kernels (-O1): docs/conformance-cuda.md against manifest-cuda.txt.
# Extra arguments go to scripts/conformance.py (e.g. --update-manifest).
set -euo pipefail
cd "$(dirname "$0")/.."
export RONN_CACHE_DIR="${RONN_CACHE_DIR:-$PWD/target/ronn-cache}"
python="$(bash scripts/venv.sh)"
"$python" scripts/make_node_suite.py target/onnx-node
cargo build --release --quiet -p ronn-compiler --bin ronnc
status=0
"$python" scripts/conformance.py --ronnc target/release/ronnc --suite target/onnx-node \
  --manifest tests/conformance/manifest.txt --report docs/conformance.md "$@" || status=$?
# NVRTC from the venv's wheel, so the CUDA run also builds (and so checks) every kernel's PTX.
nvrtc="$("$python" -c 'import nvidia.cuda_nvrtc as m; print(m.__path__[0])')/lib"
LD_LIBRARY_PATH="$nvrtc:${LD_LIBRARY_PATH:-}" "$python" scripts/conformance.py --ronnc target/release/ronnc \
  --suite target/onnx-node --levels=-O1 --target cuda --emulate \
  --manifest tests/conformance/manifest-cuda.txt --report docs/conformance-cuda.md "$@" || status=$?
exit "$status"
