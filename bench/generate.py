"""Tokens per second of greedy generation with a KV cache: ronn against onnxruntime.

    target/venv/bin/python bench/generate.py [--rounds 5] [--gens 20] [--threads 1,2]

examples/generate (built in release) and scripts/generate_reference.py run the same loop on
the same decoders (tests/symbolic's GPT-2-style and LLaMA-style models): the 5-token prompt
with an empty cache, then 31 steps of one token, each step's presents fed back. Each round is a
fresh process of each engine, interleaved and alternating which goes first, generating
`--gens` times; it reports tokens per second of the prompt step and of the decoding steps. The
figure is the median over rounds. The models are tiny (hidden 32), so this measures the
per-step overhead of each engine more than arithmetic.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd):
    out = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed:\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}")
    return out.stdout


def rates(stdout):
    """{model: (prompt tokens/s, decode tokens/s)} from `NAME_tokens_per_s prompt=P decode=D` lines."""
    found = re.findall(r"(\w+)_tokens_per_s prompt=([\d.]+) decode=([\d.]+)", stdout)
    return {m: (float(p), float(d)) for m, p, d in found}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--gens", type=int, default=20)
    p.add_argument("--threads", default="1,2")
    a = p.parse_args()
    run(["cargo", "build", "--release", "-q", "-p", "example-generate"])
    exe = os.path.join(ROOT, "target", "release", "example-generate")
    engines = {
        "ronn": lambda t: [exe, "--bench", a.gens, "--threads", t],
        "ort": lambda t: [sys.executable, os.path.join(ROOT, "scripts", "generate_reference.py"), "--bench", a.gens,
                          "--threads", t],
    }
    # The tokens first: both engines must agree before their speed means anything.
    tokens = {e: [l for l in run(cmd(1)).splitlines() if ": " in l] for e, cmd in engines.items()}
    if tokens["ronn"] != tokens["ort"]:
        sys.exit(f"the engines generate different tokens:\n{tokens}")
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    print(f"CPU: {cpu}; {a.rounds} rounds of {a.gens} generations (5 prompt tokens, 31 decoded); tokens agree")
    print("| model | threads | ronn prompt tok/s | ort prompt tok/s | ronn decode tok/s | ort decode tok/s | decode ronn/ort |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for threads in a.threads.split(","):
        samples = {e: [] for e in engines}
        for r in range(a.rounds):
            order = list(engines) if r % 2 == 0 else list(engines)[::-1]
            for e in order:
                samples[e].append(rates(run(engines[e](threads))))
        for model in ("gpt2", "llama"):
            med = {e: tuple(statistics.median(s[model][k] for s in samples[e]) for k in (0, 1)) for e in engines}
            (rp, rd), (op, od) = med["ronn"], med["ort"]
            print(f"| {model} | {threads} | {rp:.0f} | {op:.0f} | {rd:.0f} | {od:.0f} | {rd / od:.1f} |", flush=True)


if __name__ == "__main__":
    main()
