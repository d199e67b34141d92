#!/usr/bin/env python3
"""The ONNX Runtime peer of the benchmark harness (bench/run.py).

Usage: ort_runner.py MODEL --input FILE.pb... [--bench N] [--threads N] [--output-dir DIR]

Creates a session with default graph optimisations, intra_op_num_threads=N and
inter_op_num_threads=1, runs once (session creation + first run is the cold start, timed
in-process, so Python's own start-up is not counted against ONNX Runtime), then N timed runs.
Prints `cold_ms=<f>` and `latency_ms min=<f> median=<f> p99=<f>` like the ronn executable.
"""

import argparse
import time

T0 = time.perf_counter()

import numpy as np  # noqa: E402
import onnx  # noqa: E402
import onnxruntime as ort  # noqa: E402
from onnx import numpy_helper  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("model")
    p.add_argument("--input", action="append", default=[])
    p.add_argument("--bench", type=int, default=0)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--output-dir")
    a = p.parse_args()
    feeds = {}
    for path in a.input:
        t = onnx.TensorProto()
        with open(path, "rb") as f:
            t.ParseFromString(f.read())
        feeds[t.name] = numpy_helper.to_array(t)

    t0 = time.perf_counter()
    options = ort.SessionOptions()
    options.intra_op_num_threads = a.threads
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(a.model, options, providers=["CPUExecutionProvider"])
    outputs = session.run(None, feeds)
    print(f"cold_ms={(time.perf_counter() - t0) * 1e3:.3f}")

    if a.output_dir:
        import os

        os.makedirs(a.output_dir, exist_ok=True)
        for k, v in enumerate(outputs):
            np.save(os.path.join(a.output_dir, f"output_{k}.npy"), np.asarray(v))
    if a.bench > 0:
        times = []
        for _ in range(a.bench):
            t = time.perf_counter()
            session.run(None, feeds)
            times.append((time.perf_counter() - t) * 1e3)
        times.sort()
        q = lambda f: times[round((len(times) - 1) * f)]  # noqa: E731
        print(f"peak_rss_kb={peak_rss_kb()}")
        print(f"latency_ms min={times[0]:.3f} median={q(0.5):.3f} p99={q(0.99):.3f}")


def peak_rss_kb() -> int:
    """This process's peak resident set (Linux VmHWM)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


if __name__ == "__main__":
    main()
