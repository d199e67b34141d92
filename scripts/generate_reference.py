"""Greedy generation with onnxruntime, as examples/generate does with ronn: the same prompt,
the first step with an empty cache, then one token at a time with the presents fed back.

    target/venv/bin/python scripts/generate_reference.py [--bench N] [--threads T]

Prints `gpt2: ...` and `llama: ...` lines of 32 tokens (tests/symbolic.rs compares them with
the example's); with `--bench N`, tokens per second for the prompt and for decoding, as the
example prints them (bench/generate.py puts the two side by side).
"""

import argparse
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort

ROOT = Path(__file__).resolve().parent.parent
PROMPT = [7, 3, 41, 12, 25]
NEW_TOKENS = 32


def generate(session: ort.InferenceSession, name: str, timing: dict) -> list:
    ids = np.array([PROMPT], np.int64)
    past_len = 0
    if name == "gpt2":
        past = {"past_0": np.zeros((2, 1, 4, 0, 8), np.float32), "past_1": np.zeros((2, 1, 4, 0, 8), np.float32)}
        mask_type, presents = np.float32, {"past_0": "present_0", "past_1": "present_1"}
    else:
        past = {"past_key": np.zeros((1, 2, 0, 16), np.float32), "past_value": np.zeros((1, 2, 0, 16), np.float32)}
        mask_type, presents = np.int64, {"past_key": "present_key", "past_value": "present_value"}
    outputs = ["logits", *presents.values()]
    tokens = []
    while len(tokens) < NEW_TOKENS:
        seq = ids.shape[1]
        feeds = {
            "input_ids": ids,
            "position_ids": np.arange(past_len, past_len + seq, dtype=np.int64)[None, :],
            "attention_mask": np.ones((1, past_len + seq), mask_type),
            **past,
        }
        start = time.perf_counter()
        results = dict(zip(outputs, session.run(outputs, feeds)))
        took = time.perf_counter() - start
        timing["prompt" if past_len == 0 else "decode"] += took
        nxt = int(np.argmax(results["logits"][0, -1]))
        past = {k: results[v] for k, v in presents.items()}
        past_len += seq
        tokens.append(nxt)
        ids = np.array([[nxt]], np.int64)
    return tokens


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--bench", type=int, default=0)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    options = ort.SessionOptions()
    options.intra_op_num_threads = a.threads
    options.inter_op_num_threads = 1
    sessions = {
        name: ort.InferenceSession(str(ROOT / "tests" / "symbolic" / f"{name}_kv_cache" / "model.onnx"), options,
                                   providers=["CPUExecutionProvider"])
        for name in ("gpt2", "llama")
    }
    for name, session in sessions.items():
        print(f"{name}: {' '.join(map(str, generate(session, name, {'prompt': 0.0, 'decode': 0.0})))}")
    if a.bench:
        for name, session in sessions.items():
            timing = {"prompt": 0.0, "decode": 0.0}
            for _ in range(a.bench):
                generate(session, name, timing)
            prompt = a.bench * len(PROMPT) / timing["prompt"]
            decode = a.bench * (NEW_TOKENS - 1) / timing["decode"]
            print(f"{name}_tokens_per_s prompt={prompt:.0f} decode={decode:.0f}")


if __name__ == "__main__":
    main()
