"""Runs the held-out digits through onnxruntime and through a ronn-built executable; compares them.

Usage: $(bash scripts/venv.sh) scripts/demo_eval.py BIN [DATA_DIR]   (DATA_DIR default target/demo)

BIN is `ronnc build DATA_DIR/digits_cnn/model.onnx -o BIN` (scripts/train_digits.py wrote the
model and the held-out set). Prints a few digits as ASCII art with ronn's predicted label, then

    held-out digits: 360   ronn accuracy 98.6%   onnxruntime accuracy 98.6%   agreement 100.0% (max |diff| 1.2e-07)

and exits 1 if the two accuracies differ by more than 0.5 points or fewer than 99% of the
predicted classes agree.
"""

import os
import subprocess
import sys

import numpy as np
import onnxruntime as ort

MAX_ACCURACY_GAP = 0.5  # points
MIN_AGREEMENT = 99.0  # percent
SHADES = " .:-=+*#%@"
PER_ROW = 4


def ascii_digits(images_8x8, captions) -> str:
    """Digits side by side, two characters per pixel (so they are about square in a terminal)."""
    width = max([2 * images_8x8.shape[-1]] + [len(c) for c in captions])
    lines = ["   ".join(c.ljust(width) for c in captions)]
    for y in range(images_8x8.shape[1]):
        row = []
        for img in images_8x8:
            pixels = "".join(2 * SHADES[min(int(v * len(SHADES)), len(SHADES) - 1)] for v in img[y])
            row.append(pixels.ljust(width))
        lines.append("   ".join(row))
    return "\n".join(line.rstrip() for line in lines)


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary = sys.argv[1]
    data = sys.argv[2] if len(sys.argv) > 2 else "target/demo"
    model = os.path.join(data, "digits_cnn", "model.onnx")
    images_path = os.path.join(data, "test_images.npy")
    images = np.load(images_path)
    labels = np.load(os.path.join(data, "test_labels.npy"))
    small = np.load(os.path.join(data, "test_images_8x8.npy"))

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    (ort_out,) = session.run(None, {"image": images})

    out_dir = os.path.join(data, "ronn-out")
    run = subprocess.run([binary, "--input", f"image={images_path}", "--output-dir", out_dir],
                         capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stdout + run.stderr, file=sys.stderr)
        print(f"error: {binary} exited with {run.returncode}", file=sys.stderr)
        return 1
    ronn_out = np.load(os.path.join(out_dir, "output_0.npy"))
    if ronn_out.shape != ort_out.shape:
        print(f"error: ronn's output is {ronn_out.shape}, onnxruntime's {ort_out.shape}", file=sys.stderr)
        return 1

    ronn_pred, ort_pred = ronn_out.argmax(-1), ort_out.argmax(-1)
    ronn_acc = 100 * (ronn_pred == labels).mean()
    ort_acc = 100 * (ort_pred == labels).mean()
    agreement = 100 * (ronn_pred == ort_pred).mean()
    max_diff = float(np.abs(ronn_out.astype(np.float64) - ort_out).max())

    # The first held-out digit of each of a few classes, then (if any) those ronn gets wrong.
    _, first = np.unique(labels, return_index=True)
    some = np.sort(first)[:PER_ROW]
    wrong = np.flatnonzero(ronn_pred != labels)
    for title, idx in (("some held-out digits", some), ("digits ronn gets wrong", wrong[:PER_ROW])):
        if len(idx) == 0:
            continue
        print(f"{title} (8x8 originals; the model sees them upsampled to 16x16):")
        captions = [f"ronn {ronn_pred[i]} ({100 * ronn_out[i, ronn_pred[i]]:.0f}%) label {labels[i]}" for i in idx]
        print(ascii_digits(small[idx], captions))
        print()
    if len(wrong) > PER_ROW:
        print(f"(and {len(wrong) - PER_ROW} more wrong)\n")

    print(f"held-out digits: {len(labels)}   ronn accuracy {ronn_acc:.1f}%   onnxruntime accuracy {ort_acc:.1f}%"
          f"   agreement {agreement:.1f}% (max |diff| {max_diff:.1e})")
    failures = []
    if abs(ronn_acc - ort_acc) > MAX_ACCURACY_GAP:
        failures.append(f"accuracies differ by {abs(ronn_acc - ort_acc):.1f} points (> {MAX_ACCURACY_GAP})")
    if agreement < MIN_AGREEMENT:
        failures.append(f"agreement {agreement:.1f}% < {MIN_AGREEMENT:.0f}%")
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
