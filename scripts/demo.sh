#!/usr/bin/env bash
# The main job on the bundled default model: compile tests/models/mnist_cnn/model.onnx (an
# MNIST-size CNN made by scripts/make_models.py) into a standalone executable with ronnc,
# run it on the bundled test image, and check it against onnxruntime's reference output.
set -euo pipefail
cd "$(dirname "$0")/.."
export RONN_CACHE_DIR="${RONN_CACHE_DIR:-$PWD/target/ronn-cache}"
model=tests/models/mnist_cnn
cargo build --quiet --release -p ronn-compiler --bin ronnc
ronnc=target/release/ronnc
echo "== ronnc inspect"
$ronnc inspect $model/model.onnx
echo "== ronnc build"
$ronnc build $model/model.onnx -o target/mnist_cnn
echo "== run on the bundled image (a drawn 7), writing target/mnist-out/output_0.npy"
target/mnist_cnn --input $model/test_data_set_0/input_0.pb --output-dir target/mnist-out --bench 100
echo "== ronnc check against onnxruntime's reference output"
$ronnc check $model
