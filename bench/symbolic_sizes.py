"""Latency of one build with a symbolic image size against builds fixed to each size.

    target/venv/bin/python bench/symbolic_sizes.py [--only mobilenet_v2,squeezenet]
        [--sizes 160,224,320] [--rounds 5] [--threads 1]

For each CNN of tests/bench_graphs (graphs without their weights, which are zeros here: code
and timing depend on shapes only), the input's height and width are declared symbolic and the
model is built twice over: once with `--dim-max height=MAX --dim-max width=MAX` (one
executable for every size) and once per size with `--dim height=S --dim width=S`. Each size is
then timed on both executables, interleaved and alternating which goes first, each round a
fresh process running about half a second of iterations after a warm-up; the figure is the
median of the rounds' medians. The ratio symbolic/fixed is what a dynamic image size costs
(issue 25 asks for at most 1.05). Needs numpy (the test venv) for the input files.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

import numpy as np
import onnx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "symbolic-sizes")
MODELS = ["mobilenet_v2", "mobilenet_v3", "efficientnet_b0", "squeezenet"]


def run(cmd, env=None):
    out = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed:\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}")
    return out.stdout


def symbolic_model(name):
    """tests/bench_graphs/NAME with zero weights and the image's height and width symbolic."""
    src = os.path.join(ROOT, "tests", "bench_graphs", name)
    case = os.path.join(WORK, "models", name)
    os.makedirs(case, exist_ok=True)
    with open(os.path.join(case, "weights.bin"), "wb") as f:
        f.truncate(int(open(os.path.join(src, "weights_len.txt")).read().strip()))
    model = onnx.load(os.path.join(src, "model.onnx"), load_external_data=False)
    image = model.graph.input[0]
    for axis, symbol in ((2, "height"), (3, "width")):
        dim = image.type.tensor_type.shape.dim[axis]
        dim.ClearField("dim_value")
        dim.dim_param = symbol
    del model.graph.value_info[:]
    path = os.path.join(case, "model.onnx")
    with open(path, "wb") as f:
        f.write(model.SerializeToString())
    return path, image.name


def build(ronnc, model, exe, flags):
    os.makedirs(os.path.dirname(exe), exist_ok=True)
    env = dict(os.environ, RONN_CACHE_DIR=os.path.join(WORK, "cache"))
    run([ronnc, "build", model, "-o", exe, *flags], env=env)
    return exe


def latency(exe, image, threads, iters):
    out = run([exe, "--input", image, "--bench", iters, "--threads", threads])
    m = re.search(r"latency_ms min=([\d.]+) median=([\d.]+)", out)
    if not m:
        sys.exit(f"{exe}: no latency line in\n{out[-1000:]}")
    return float(m.group(2))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--only", default="")
    p.add_argument("--sizes", default="160,224,320")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    models = [m for m in MODELS if not a.only or m in a.only.split(",")]
    sizes = [int(s) for s in a.sizes.split(",")]
    top = max(sizes)
    run(["cargo", "build", "--release", "-q", "-p", "ronn-compiler", "--bin", "ronnc"])
    ronnc = os.path.join(ROOT, "target", "release", "ronnc")
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    print(f"CPU: {cpu}; {a.rounds} rounds, {a.threads} thread(s); symbolic build bounded at {top}x{top}")
    print("| model | size | fixed ms | symbolic ms | symbolic/fixed |\n|---|---|---:|---:|---:|")
    ratios = []
    for name in models:
        model, input_name = symbolic_model(name)
        bins = os.path.join(WORK, "bin")
        dynamic = build(ronnc, model, os.path.join(bins, f"{name}-symbolic"),
                        ["--dim-max", f"height={top}", "--dim-max", f"width={top}"])
        for s in sizes:
            fixed = build(ronnc, model, os.path.join(bins, f"{name}-{s}"), ["--dim", f"height={s}", "--dim", f"width={s}"])
            npy = os.path.join(WORK, "inputs", f"image_{s}.npy")
            os.makedirs(os.path.dirname(npy), exist_ok=True)
            np.save(npy, np.random.default_rng(s).standard_normal((1, 3, s, s)).astype(np.float32))
            image = f"{input_name}={npy}"
            iters = max(3, int(500 / max(latency(fixed, image, a.threads, 3), 0.01)))
            rounds = {"fixed": [], "symbolic": []}
            for r in range(a.rounds):
                order = [("fixed", fixed), ("symbolic", dynamic)]
                for side, exe in order if r % 2 == 0 else order[::-1]:
                    rounds[side].append(latency(exe, image, a.threads, iters))
            f, d = statistics.median(rounds["fixed"]), statistics.median(rounds["symbolic"])
            ratios.append(d / f)
            print(f"| {name} | {s}x{s} | {f:.3f} | {d:.3f} | {d / f:.3f} |", flush=True)
            os.remove(fixed)
    print(f"geomean symbolic/fixed: {statistics.geometric_mean(ratios):.3f}")
    shutil.rmtree(os.path.join(WORK, "bin"), ignore_errors=True)


if __name__ == "__main__":
    main()
