#!/usr/bin/env bash
# The demo: train a small CNN on scikit-learn's handwritten digits (numpy, seconds), compile it with
# ronnc into a standalone executable, and show it classifies the held-out digits as onnxruntime does.
#
# Steps: build ronnc (release), set up the pinned venv (scripts/venv.sh), train and export the model
# (scripts/train_digits.py -> target/demo/), `ronnc inspect` it, `ronnc build` it, time it with
# `--bench 100`, compare its predictions with onnxruntime's on the 360 held-out digits
# (scripts/demo_eval.py) and run `ronnc check` on the model's ONNX test-layout folder. Exits non-zero
# if ronn's accuracy is more than 0.5 points from onnxruntime's or fewer than 99% of the predicted
# classes agree.
set -euo pipefail
cd "$(dirname "$0")/.."
export RONN_CACHE_DIR="${RONN_CACHE_DIR:-$PWD/target/ronn-cache}"
demo=target/demo
model=$demo/digits_cnn/model.onnx
bin=$demo/digits_cnn_bin
ronnc=target/release/ronnc
start=$SECONDS

echo "== step 1/7: build ronnc (cargo build --release; minutes the first time)"
# cargo's progress on a cold build; nothing on a warm one (its "Finished" line is dropped).
cargo build --release -p ronn-compiler --bin ronnc 2> >(grep -v '^ *Finished' >&2)

echo "== step 2/7: the pinned Python venv (onnx, onnxruntime, numpy, scikit-learn; scripts/venv.sh)"
python=$(bash scripts/venv.sh)

echo "== step 3/7: train a CNN on scikit-learn's 8x8 digits in numpy, export it to $model"
"$python" scripts/train_digits.py $demo

echo "== step 4/7: ronnc inspect $model"
$ronnc inspect $model

echo "== step 5/7: ronnc build $model -o $bin, then time it (one run = all 360 held-out digits)"
$ronnc build $model -o $bin
$bin --input image=$demo/test_images.npy --output-dir $demo/ronn-out --bench 100

echo "== step 6/7: the held-out digits through ronn's executable and through onnxruntime"
"$python" scripts/demo_eval.py $bin $demo

echo "== step 7/7: ronnc check $demo/digits_cnn (its test_data_set_0 holds onnxruntime's output)"
$ronnc check $demo/digits_cnn

echo "== demo done in $((SECONDS - start)) s"
