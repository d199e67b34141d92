"""A/B latency of ronn against an earlier commit of itself, on the benchmark architectures.

    python3 bench/ab.py OLD_REV [--only resnet50,kws] [--rounds 5] [--threads 1]

Builds `ronnc` at OLD_REV (a git worktree under target/ab/) and at the working tree, builds each
model of tests/bench_graphs (graphs without their weights, which are zeros here: code and
timing depend on shapes only) into a standalone executable with both, then runs the two
executables' `--bench` interleaved, alternating which goes first, and prints each side's
median of round medians and new/old. Needs no Python packages and no PyTorch; for peers and
real weights use bench/run.sh. Refactors that must not change speed are checked with it.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "ab")


def run(cmd, cwd=ROOT, env=None):
    out = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}")
    return out.stdout


def ronnc_at(rev):
    """The release ronnc of `rev` ('HEAD+' for the working tree), built once."""
    if rev == "HEAD+":
        run(["cargo", "build", "--release", "-q", "-p", "ronn-compiler", "--bin", "ronnc"])
        return os.path.join(ROOT, "target", "release", "ronnc"), ROOT
    tree = os.path.join(WORK, "old")
    if not os.path.isdir(tree):
        run(["git", "worktree", "add", "--detach", tree, rev])
    else:
        run(["git", "checkout", "-q", "--detach", rev], cwd=tree)
    run(["cargo", "build", "--release", "-q", "-p", "ronn-compiler", "--bin", "ronnc"], cwd=tree)
    return os.path.join(tree, "target", "release", "ronnc"), tree


def build(ronnc, tree, model, side):
    src = os.path.join(ROOT, "tests", "bench_graphs", model)
    case = os.path.join(WORK, "models", model)
    os.makedirs(case, exist_ok=True)
    shutil.copy(os.path.join(src, "model.onnx"), case)
    length = int(open(os.path.join(src, "weights_len.txt")).read().strip())
    with open(os.path.join(case, "weights.bin"), "wb") as f:
        f.truncate(length)
    exe = os.path.join(WORK, "bin", f"{model}-{side}")
    os.makedirs(os.path.dirname(exe), exist_ok=True)
    env = dict(os.environ, RONN_RUNTIME_PATH=os.path.join(tree, "runtime-min"),
               RONN_CACHE_DIR=os.path.join(WORK, f"cache-{side}"))
    run([ronnc, "build", os.path.join(case, "model.onnx"), "-o", exe], env=env)
    return exe


def latency(exe, threads, iters):
    out = run([exe, "--bench", str(iters), "--threads", str(threads)])
    m = re.search(r"latency_ms min=([\d.]+) median=([\d.]+)", out)
    if not m:
        sys.exit(f"{exe}: no latency line in\n{out[-1000:]}")
    return float(m.group(2))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("old")
    p.add_argument("--only", default="")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    models = sorted(os.listdir(os.path.join(ROOT, "tests", "bench_graphs")))
    if a.only:
        models = [m for m in models if m in a.only.split(",")]
    old, old_tree = ronnc_at(a.old)
    new, new_tree = ronnc_at("HEAD+")
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    print(f"CPU: {cpu}; {a.rounds} rounds, {a.threads} thread(s), old = {a.old}")
    print(f"| model | old ms | new ms | new/old |\n|---|---:|---:|---:|")
    ratios = []
    for model in models:
        exes = {"old": build(old, old_tree, model, "old"), "new": build(new, new_tree, model, "new")}
        # About half a second of iterations per round.
        iters = max(3, int(500 / max(latency(exes["new"], a.threads, 3), 0.01)))
        rounds = {"old": [], "new": []}
        for r in range(a.rounds):
            order = ["old", "new"] if r % 2 == 0 else ["new", "old"]
            for side in order:
                rounds[side].append(latency(exes[side], a.threads, iters))
        o, n = statistics.median(rounds["old"]), statistics.median(rounds["new"])
        ratios.append(n / o)
        print(f"| {model} | {o:.3f} | {n:.3f} | {n / o:.3f} |", flush=True)
    print(f"geomean new/old: {statistics.geometric_mean(ratios):.3f}")


if __name__ == "__main__":
    main()
