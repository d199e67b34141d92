#!/usr/bin/env python3
"""Benchmarks ronn against ONNX Runtime and tract on the benchmark set; writes docs/benchmarks.md.

Usage: bash bench/run.sh [--only NAME,...] [--rounds R] [--threads 1,2] [--no-tract] [--out FILE]

For each model folder (model.onnx + test_data_set_0, made by scripts/make_bench_models.py):
  1. `ronnc build` makes the standalone executable; its wall time is the build time (the shared
     ronn-runtime is already compiled, as it is for a user's second model) and its size is kept;
  2. every engine runs once on the data set's inputs and its outputs are compared with the
     onnxruntime reference outputs; an engine that disagrees is reported, not timed;
  3. at each thread count, R rounds run every engine in turn (the order rotates each round),
     each a separate process timing enough iterations for about a second after one warm-up.
     A latency is the median over rounds of each round's median;
  4. cold start: ronn is the time from spawning the executable to its first output printed
     (the harness passes its clock reading at the spawn in RONN_SPAWNED_AT_NS and the process
     reports `cold_ms` when its outputs are printed, so exit and reaping are not counted);
     the peers report session creation + first run timed inside the process.
     Peak RSS is each timed process's own maximum resident set (VmHWM, reported by itself).
"""

import argparse
import datetime
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import onnx
import onnxruntime
from onnx import numpy_helper

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RTOL, ATOL = 1e-3, 1e-4
ENGINES = ("ronn", "ort", "tract")
# Cold starts per engine and model (the median is reported): a small model's spawn varies by
# a few tenths of a millisecond between runs.
COLD_RUNS = 7
# The heading from which docs/benchmarks.md holds other harnesses' results, which a run keeps.
OTHER_HARNESSES = "## Other harnesses (not rewritten by bench/run.sh)"


def log(msg: str) -> None:
    print(msg, flush=True)


def run_measured(cmd: list, timeout: float = 900) -> tuple[str, float]:
    """Runs cmd; returns (stdout, wall seconds). Raises on failure. The child finds the wall
    clock at its spawn in RONN_SPAWNED_AT_NS (ronn executables report `cold_ms` from it)."""
    env = dict(os.environ, RONN_SPAWNED_AT_NS=str(time.time_ns()))
    t0 = time.perf_counter()
    try:
        p = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, errors="replace", timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"timed out after {timeout:.0f} s: {' '.join(map(str, cmd))}") from None
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        tail = (p.stderr.strip() or p.stdout.strip()).splitlines()[-3:]
        raise RuntimeError(f"exit {p.returncode}: {' | '.join(tail)}")
    return p.stdout, wall


def parse(stdout: str, key: str) -> float:
    m = re.search(rf"{key}[= ]+([0-9.]+)", stdout)
    if not m:
        raise RuntimeError(f"no `{key}` in output: {stdout[-300:]}")
    return float(m.group(1))


class Model:
    def __init__(self, folder: Path, out: Path):
        self.name = folder.name
        self.folder = folder
        self.onnx = folder / "model.onnx"
        self.out = out / self.name
        data = folder / "test_data_set_0"
        self.inputs_pb = sorted(data.glob("input_*.pb"), key=lambda p: int(p.stem.split("_")[1]))
        self.refs = [load_pb(p) for p in sorted(data.glob("output_*.pb"), key=lambda p: int(p.stem.split("_")[1]))]
        self.inputs_npy = []
        (self.out / "inputs").mkdir(parents=True, exist_ok=True)
        for k, p in enumerate(self.inputs_pb):
            path = self.out / "inputs" / f"input_{k}.npy"
            np.save(path, load_pb(p))
            self.inputs_npy.append(path)
        meta = folder / "meta.txt"
        fields = dict(line.split(" ", 1) for line in meta.read_text().splitlines() if " " in line) if meta.exists() else {}
        self.params = int(fields.get("parameters", sum(int(np.prod(i.dims)) for i in onnx.load(self.onnx).graph.initializer)))
        self.bin = self.out / f"{self.name}-ronn"

    def command(self, engine: str, threads: int, bench: int = 0, output_dir: Path | None = None) -> list:
        if engine == "ronn":
            cmd = [self.bin] + [x for p in self.inputs_pb for x in ("--input", p)]
        elif engine == "ort":
            cmd = [sys.executable, BENCH / "ort_runner.py", self.onnx] + [x for p in self.inputs_pb for x in ("--input", p)]
        else:
            cmd = [tract_runner(), self.onnx] + [x for p in self.inputs_npy for x in ("--input", p)]
        cmd += ["--threads", threads]
        if bench:
            cmd += ["--bench", bench]
        if output_dir:
            cmd += ["--output-dir", output_dir]
        return cmd


def load_pb(path: Path) -> np.ndarray:
    t = onnx.TensorProto()
    t.ParseFromString(path.read_bytes())
    return numpy_helper.to_array(t)


def tract_runner() -> Path:
    return BENCH / "tract-runner" / "target" / "release" / "tract-runner"


def compare(model: Model, out_dir: Path) -> str | None:
    """None when every output matches the reference; otherwise what differs."""
    for k, ref in enumerate(model.refs):
        path = out_dir / f"output_{k}.npy"
        if not path.exists():
            return f"output {k} missing"
        got = np.load(path)
        if got.shape != ref.shape:
            return f"output {k}: shape {got.shape}, expected {ref.shape}"
        got, want = got.astype(np.float64), ref.astype(np.float64)
        bad = np.abs(got - want) > ATOL + RTOL * np.abs(want)
        if bad.any():
            return f"output {k}: {int(bad.sum())} of {bad.size} values differ, max abs err {np.max(np.abs(got - want)):.3g}"
    return None


def build_tools(no_tract: bool) -> None:
    log("building ronnc (release)")
    subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "ronn-compiler", "--bin", "ronnc"], cwd=ROOT, check=True)
    if not no_tract:
        log("building bench/tract-runner (release; tract-onnx, a few minutes the first time)")
        subprocess.run(["cargo", "build", "--quiet", "--release"], cwd=BENCH / "tract-runner", check=True)


def static_glibc() -> bool:
    """Whether glibc's static archive is installed: ronnc then links executables statically,
    and the spawn floor is measured on a program linked the same way."""
    try:
        out = subprocess.run(["cc", "-print-file-name=libc.a"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return False
    return os.path.isabs(out) and os.path.isfile(out)


def machine_limits() -> dict:
    """Bounds no engine passes here (bench/roofs.rs): the spawn-to-first-output time of a program
    that does nothing (median of 21 spawns), one core's f32 FMA peak and its L3 read bandwidth."""
    roofs = BENCH / "out" / "roofs"
    roofs.parent.mkdir(parents=True, exist_ok=True)
    cmd = ["rustc", "-O", "-C", "target-cpu=native", str(BENCH / "roofs.rs"), "-o", str(roofs)]
    if static_glibc():
        cmd[1:1] = ["-C", "target-feature=+crt-static"]
    subprocess.run(cmd, check=True)
    spawns = [parse(run_measured([roofs])[0], "cold_ms") for _ in range(21)]
    out = run_measured([roofs, "--roofs"])[0]
    limits = {"spawn_ms": float(np.median(spawns)), "fma_gflops": parse(out, "fma_gflops"), "l3_gbs": parse(out, "l3_gbs")}
    log(f"machine: spawn to first output {limits['spawn_ms']:.3f} ms, FMA peak {limits['fma_gflops']:.0f} GFLOP/s per core, "
        f"L3 reads {limits['l3_gbs']:.0f} GB/s per core")
    return limits


def bench_model(m: Model, args, results: dict) -> None:
    r = results.setdefault(m.name, {"params": m.params, "latency": {}, "cold": {}, "rss": {}, "status": {}})
    ronnc = ROOT / "target" / "release" / "ronnc"
    try:
        _, wall = run_measured([ronnc, "build", m.onnx, "-o", m.bin])
        r["build_s"] = wall
        r["binary_bytes"] = m.bin.stat().st_size
        log(f"  built in {wall:.1f} s, {m.bin.stat().st_size / 1e6:.1f} MB")
    except RuntimeError as e:
        r["status"]["ronn"] = f"build failed: {e}"
        log(f"  ronn build failed: {e}")
    try:
        facts = json.loads(run_measured([ronnc, "inspect", m.onnx, "--json"])[0])
        r["flops"], r["weight_bytes"] = facts["flops"], facts["weight_bytes"]
    except (RuntimeError, ValueError, KeyError) as e:
        log(f"  ronnc inspect failed: {e}")

    engines = [e for e in ENGINES if not (e == "tract" and args.no_tract) and e not in r["status"]]
    for e in list(engines):
        out_dir = m.out / f"out-{e}"
        shutil.rmtree(out_dir, ignore_errors=True)
        try:
            run_measured(m.command(e, 1, output_dir=out_dir))
            diff = compare(m, out_dir)
        except RuntimeError as err:
            diff = f"failed: {err}"
        if diff:
            r["status"][e] = diff
            engines.remove(e)
            log(f"  {e}: {diff}")
            continue
        colds = []
        for _ in range(COLD_RUNS):
            stdout, _ = run_measured(m.command(e, 1))
            colds.append(parse(stdout, "cold_ms"))
        r["cold"][e] = float(np.median(colds))
        r["status"][e] = "ok"

    if "ronn" in engines:
        est = parse(run_measured(m.command("ronn", 1, bench=3))[0], "median")
    elif engines:
        est = parse(run_measured(m.command(engines[0], 1, bench=3))[0], "median")
    else:
        return
    iters = max(5, min(500, int(args.seconds * 1e3 / max(est, 1e-3))))
    for threads in args.threads:
        samples = {e: [] for e in engines}
        for k in range(args.rounds):
            order = engines[k % len(engines):] + engines[: k % len(engines)]
            for e in order:
                stdout, _ = run_measured(m.command(e, threads, bench=iters))
                samples[e].append(parse(stdout, "median"))
                # Each process reports its own peak resident set (VmHWM): a forked child's
                # rusage would include the harness's own high-water mark.
                rss = parse(stdout, "peak_rss_kb") * 1024
                r["rss"][e] = max(r["rss"].get(e, 0), rss)
        for e in engines:
            r["latency"].setdefault(e, {})[threads] = float(np.median(samples[e]))
        log("  " + f"{threads} thread(s), {iters} iters x {args.rounds} rounds: " + ", ".join(
            f"{e} {r['latency'][e][threads]:.3f} ms" for e in engines))


def geomean(xs: list) -> float:
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{cpu}, {os.cpu_count()} logical cores, {platform.system()} {platform.release()}; {rustc}"


def tract_version() -> str:
    lock = BENCH / "tract-runner" / "Cargo.lock"
    m = re.search(r'name = "tract-onnx"\nversion = "([^"]+)"', lock.read_text()) if lock.exists() else None
    return m.group(1) if m else "?"


def fmt_ms(x) -> str:
    return "—" if x is None else (f"{x:.3f}" if x < 1 else f"{x:.2f}" if x < 100 else f"{x:.0f}")


def write_report(results: dict, args, path: Path, limits: dict) -> None:
    lines = [
        "# Benchmarks",
        "",
        "Generated by `bash bench/run.sh` (bench/run.py); do not edit by hand.",
        "",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Machine: {machine()}",
        f"- Peers: ONNX Runtime {onnxruntime.__version__} (Python, CPUExecutionProvider, default graph "
        "optimisations, inter_op_num_threads=1), tract-onnx "
        f"{tract_version()} (optimised, input facts fixed to the data's shapes, multithread-mm executor above 1 thread)",
        f"- Method: outputs checked against onnxruntime (rtol {RTOL}, atol {ATOL}) before timing; {args.rounds} rounds, "
        "engines interleaved with a rotating order, each round a fresh process timing ~"
        f"{args.seconds:g} s of iterations after a warm-up; latency = median over rounds of each round's median.",
        "- Cold start: ronn = spawn of the standalone executable to its outputs printed (the harness's clock at "
        "the spawn, passed in the environment, against the process's clock when it has printed; exit not counted); "
        "peers = session "
        "creation + first run, timed inside their process (interpreter start not counted). Peak RSS is each "
        "timed process's own maximum resident set (VmHWM, reported by the process).",
        "- Models: `scripts/make_bench_models.py` (seeded random weights; see bench/README.md).",
        "",
    ]
    for threads in args.threads:
        lines += [f"## Latency, {threads} thread{'s' if threads > 1 else ''} (ms, median)", "",
                  "| model | params | ronn | ORT | tract | ORT/ronn | tract/ronn |", "|---|---:|---:|---:|---:|---:|---:|"]
        ratios = {"ort": [], "tract": []}
        for name, r in results.items():
            lat = {e: r["latency"].get(e, {}).get(threads) for e in ENGINES}
            cells = []
            for e in ("ort", "tract"):
                if lat["ronn"] and lat[e]:
                    ratio = lat[e] / lat["ronn"]
                    ratios[e].append(ratio)
                    cells.append(f"{ratio:.2f}")
                else:
                    cells.append("—")
            lines.append(f"| {name} | {r['params'] / 1e6:.2f}M | {fmt_ms(lat['ronn'])} | {fmt_ms(lat['ort'])} | "
                         f"{fmt_ms(lat['tract'])} | {cells[0]} | {cells[1]} |")
        lines.append(f"| **geomean** | | | | | **{geomean(ratios['ort']):.2f}** | **{geomean(ratios['tract']):.2f}** |")
        lines.append("")
    spawn = limits.get("spawn_ms")
    lines += ["## Cold start, memory, size and build time", "",
              "Bound: no ronn cold start here can be shorter than the spawn floor (below) plus one inference at "
              "ronn's own hot 1-thread latency; ORT/bound is the most ORT/ronn that allows.", "",
              "| model | cold ronn (ms) | cold ORT (ms) | cold tract (ms) | ORT/ronn | bound (ms) | ORT/bound | "
              "RSS ronn (MB) | RSS ORT (MB) | RSS tract (MB) | ronn binary (MB) | ronn build (s) |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, r in results.items():
        c, s = r["cold"], r["rss"]
        ratio = f"{c['ort'] / c['ronn']:.1f}" if c.get("ronn") and c.get("ort") else "—"
        hot = r["latency"].get("ronn", {}).get(1)
        bound = spawn + hot if spawn is not None and hot else None
        bound_ratio = f"{c['ort'] / bound:.1f}" if bound and c.get("ort") else "—"
        mb = lambda x: "—" if x is None else f"{x / 1e6:.0f}"  # noqa: E731
        build = f"{r['build_s']:.1f}" if "build_s" in r else "—"
        lines.append(f"| {name} | {fmt_ms(c.get('ronn'))} | {fmt_ms(c.get('ort'))} | {fmt_ms(c.get('tract'))} | {ratio} | "
                     f"{fmt_ms(bound)} | {bound_ratio} | "
                     f"{mb(s.get('ronn'))} | {mb(s.get('ort'))} | {mb(s.get('tract'))} | "
                     f"{mb(r.get('binary_bytes'))} | {build} |")
    lines += limits_section(results, limits)
    failures = [(n, e, s) for n, r in results.items() for e, s in r["status"].items() if s != "ok"]
    if failures:
        lines += ["", "## Not timed", "", "| model | engine | why |", "|---|---|---|"]
        lines += [f"| {n} | {e} | {s.replace('|', '/')} |" for n, e, s in failures]
    # Sections other harnesses wrote (bench/symbolic_sizes.py, bench/generate.py) are kept.
    kept = path.read_text().split(OTHER_HARNESSES, 1) if path.exists() else []
    if len(kept) == 2:
        lines += ["", OTHER_HARNESSES + kept[1].rstrip("\n")]
    path.write_text("\n".join(lines) + "\n")
    log(f"wrote {path}")


def limits_section(results: dict, limits: dict) -> list:
    """What this machine allows: the spawn floor, one core's roofs, and for the small models the
    least 1-thread latency those roofs leave (FLOPs at the FMA peak, or weights read from L3)."""
    if not limits:
        return []
    peak, l3 = limits["fma_gflops"] * 1e9, limits["l3_gbs"] * 1e9
    lines = ["", "## What this machine allows", "",
             f"Measured in the same run by `bench/roofs.rs`: a program that does nothing takes "
             f"{limits['spawn_ms']:.3f} ms from the harness's spawn to its first output (the spawn floor, linked as "
             f"ronn's executables are); one core's f32 FMA peak is {limits['fma_gflops']:.0f} GFLOP/s and its L3 "
             f"read bandwidth {limits['l3_gbs']:.0f} GB/s.", "",
             "For the models under 1M parameters, the least 1-thread latency these allow any engine: the FLOPs at "
             "the FMA peak, or the weights read from L3 where they do not fit one core's L2 (1 MiB here), "
             "whichever is longer. ORT/least is the most ORT/ronn there can be at 1 thread.", "",
             "| model | MFLOP | weights (MB) | compute floor (us) | L3 floor (us) | least (us) | ORT (us) | ORT/least | ORT/ronn |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    cell = lambda x, f: "—" if x is None else f.format(x)  # noqa: E731
    for name, r in results.items():
        if r["params"] >= 1_000_000 or "flops" not in r:
            continue
        compute = r["flops"] / peak * 1e6
        memory = r["weight_bytes"] / l3 * 1e6 if r["weight_bytes"] > (1 << 20) else None
        least = max(compute, memory or 0.0)
        ort, ronn = r["latency"].get("ort", {}).get(1), r["latency"].get("ronn", {}).get(1)
        lines.append(f"| {name} | {r['flops'] / 1e6:.2f} | {r['weight_bytes'] / 1e6:.2f} | {compute:.1f} | "
                     f"{cell(memory, '{:.1f}')} | {least:.1f} | {cell(ort and ort * 1e3, '{:.1f}')} | "
                     f"{cell(ort and ort * 1e3 / least, '{:.2f}')} | {cell(ort and ronn and ort / ronn, '{:.2f}')} |")
    return lines


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--models", type=Path, default=BENCH / "models")
    p.add_argument("--only")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--seconds", type=float, default=1.0, help="timed seconds per engine per round")
    p.add_argument("--threads", default=f"1,{os.cpu_count()}")
    p.add_argument("--no-tract", action="store_true")
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = p.parse_args()
    args.threads = sorted({int(t) for t in args.threads.split(",")})
    folders = sorted(f for f in args.models.iterdir() if (f / "model.onnx").exists()) if args.models.exists() else []
    if args.only:
        wanted = set(args.only.split(","))
        folders = [f for f in folders if f.name in wanted]
    if not folders:
        log(f"no models under {args.models}; make them with scripts/make_bench_models.py")
        return 2
    build_tools(args.no_tract)
    limits = machine_limits()
    # With --only, the other models keep their last measured figures (bench/out/results.json),
    # so one model can be re-measured without rerunning the whole set.
    saved = BENCH / "out" / "results.json"
    results = {}
    if args.only and saved.exists():
        results = {k: fix_keys(v) for k, v in json.loads(saved.read_text()).items()}
    for f in folders:
        log(f"{f.name}:")
        results.pop(f.name, None)
        bench_model(Model(f, BENCH / "out"), args, results)
    results = dict(sorted(results.items()))
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(json.dumps(results, indent=1))
    write_report(results, args, args.out, limits)
    return 0


def fix_keys(r: dict) -> dict:
    """JSON turned the thread counts into strings; make them ints again."""
    r["latency"] = {e: {int(t): v for t, v in per.items()} for e, per in r.get("latency", {}).items()}
    return r


if __name__ == "__main__":
    sys.exit(main())
