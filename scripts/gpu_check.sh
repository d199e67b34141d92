#!/usr/bin/env bash
# On a machine with an NVIDIA GPU (driver), Rust and Python: the CUDA target end to end.
#  1. the ONNX node suite with `ronnc check --target cuda` on the GPU -> docs/conformance-gpu.md
#  2. the benchmark models on the GPU against onnxruntime's outputs (bench/models, made by
#     bench/run.sh or scripts/make_bench_models.py)
#  3. their latency (`ronnc build --target cuda`, BIN --bench N) next to PyTorch eager and
#     torch.compile on the same GPU (bench/torch_gpu.py) -> target/gpu/results.txt
# Usage: bash scripts/gpu_check.sh [--arch sm_90] [--iters N]
set -euo pipefail
cd "$(dirname "$0")/.."
arch=sm_80; iters=50
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch="$2"; shift 2 ;;
    --iters) iters="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
export RONN_CACHE_DIR="${RONN_CACHE_DIR:-$PWD/target/ronn-cache}"
python="$(bash scripts/venv.sh)"
nvrtc="$("$python" -c 'import nvidia.cuda_nvrtc as m; print(m.__path__[0])')/lib"
export LD_LIBRARY_PATH="$nvrtc:${LD_LIBRARY_PATH:-}"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | tee target/gpu-machine.txt
cargo build --release --quiet -p ronn-compiler --bin ronnc
out=target/gpu; mkdir -p "$out"

# 1. Conformance on the GPU.
"$python" scripts/make_node_suite.py target/onnx-node
"$python" scripts/conformance.py --ronnc target/release/ronnc --suite target/onnx-node --levels=-O1 \
  --target cuda --report docs/conformance-gpu.md | tee "$out/conformance.txt"

# 2. The benchmark models against onnxruntime, on the GPU.
target/release/ronnc check --target cuda --arch "$arch" --rtol 1e-3 --atol 1e-4 bench/models/* | tee "$out/check.txt" || true

# 3. Latency: ronn's executables, then PyTorch on the same GPU (its own Python, with torch).
: >"$out/results.txt"
for dir in bench/models/*/; do
  name="$(basename "$dir")"
  target/release/ronnc build "$dir/model.onnx" --target cuda --arch "$arch" -o "$out/$name" >/dev/null
  line="$("$out/$name" --bench "$iters" | tail -1)"
  echo "$name ronn-cuda $line" | tee -a "$out/results.txt"
done
python3 bench/torch_gpu.py "$out/torch.json" --iters "$iters" | tee -a "$out/results.txt"
