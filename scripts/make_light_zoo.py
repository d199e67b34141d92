#!/usr/bin/env python3
"""Builds ONNX-style test folders for the "light" model zoo shipped in the onnx wheel.

Usage: python scripts/make_light_zoo.py DEST

For each `light_*.onnx` in `onnx/backend/test/data/light/` of the installed onnx package, writes

    DEST/<name>/model.onnx                     (a copy)
    DEST/<name>/test_data_set_0/input_K.pb     (seeded random input, one per graph input)
    DEST/<name>/test_data_set_0/output_K.pb    (onnxruntime's outputs, CPUExecutionProvider)

where <name> is the file name without `light_` and `.onnx`. Tensor names equal the graph's
input and output names. A model whose folder is up to date (same source model, same generator
settings, same onnxruntime version, all files present) is skipped. Prints one line per model.

Run it with the project's venv: `$(bash scripts/venv.sh) scripts/make_light_zoo.py DEST`.
"""

import hashlib
import os
import shutil
import sys
import zlib
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, numpy_helper

# Bump when the way inputs or outputs are made changes, so existing folders are rebuilt.
GENERATOR_VERSION = "1"
STAMP = ".ronn-light-zoo"


def light_dir() -> Path:
    return Path(onnx.__file__).resolve().parent / "backend" / "test" / "data" / "light"


def seed_for(name: str) -> int:
    """A fixed per-model seed (crc32 of the model name; Python's hash() is randomised)."""
    return zlib.crc32(name.encode())


def random_input(rng: np.random.Generator, vi: onnx.ValueInfoProto) -> np.ndarray:
    tt = vi.type.tensor_type
    # Symbolic or unknown dimensions become 1.
    shape = [d.dim_value if d.HasField("dim_value") and d.dim_value > 0 else 1 for d in tt.shape.dim]
    np_dtype = onnx.helper.tensor_dtype_to_np_dtype(tt.elem_type)
    if tt.elem_type == TensorProto.BOOL:
        return rng.random(shape) < 0.5
    if np.issubdtype(np_dtype, np.floating):
        return rng.standard_normal(shape).astype(np_dtype)
    if np.issubdtype(np_dtype, np.integer):
        return rng.integers(0, 10, size=shape).astype(np_dtype)
    raise SystemExit(f"{vi.name}: unsupported input type {TensorProto.DataType.Name(tt.elem_type)}")


def stamp_text(model_bytes: bytes, name: str) -> str:
    digest = hashlib.sha256(model_bytes).hexdigest()
    return f"generator {GENERATOR_VERSION}\nmodel {digest}\nseed {seed_for(name)}\nonnxruntime {ort.__version__}\n"


def write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def make_one(src: Path, dest_root: Path) -> str:
    name = src.stem.removeprefix("light_")
    out_dir = dest_root / name
    data_dir = out_dir / "test_data_set_0"
    model_bytes = src.read_bytes()
    model = onnx.load_from_string(model_bytes)
    initializers = {i.name for i in model.graph.initializer}
    graph_inputs = [vi for vi in model.graph.input if vi.name not in initializers]
    graph_outputs = list(model.graph.output)
    expected = [out_dir / "model.onnx"]
    expected += [data_dir / f"input_{k}.pb" for k in range(len(graph_inputs))]
    expected += [data_dir / f"output_{k}.pb" for k in range(len(graph_outputs))]
    stamp = stamp_text(model_bytes, name)
    stamp_path = out_dir / STAMP
    if stamp_path.is_file() and stamp_path.read_text() == stamp and all(p.is_file() for p in expected):
        return f"{name}: up to date"

    if data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True)
    rng = np.random.default_rng(seed_for(name))
    feeds = {vi.name: random_input(rng, vi) for vi in graph_inputs}
    session = ort.InferenceSession(model_bytes, providers=["CPUExecutionProvider"])
    output_names = [o.name for o in graph_outputs]
    results = session.run(output_names, feeds)

    write_atomic(out_dir / "model.onnx", model_bytes)
    for k, vi in enumerate(graph_inputs):
        write_atomic(data_dir / f"input_{k}.pb", numpy_helper.from_array(feeds[vi.name], vi.name).SerializeToString())
    for k, (oname, value) in enumerate(zip(output_names, results)):
        write_atomic(data_dir / f"output_{k}.pb", numpy_helper.from_array(np.asarray(value), oname).SerializeToString())
    # Written last: a run interrupted before this point is redone next time.
    write_atomic(stamp_path, stamp.encode())
    ins = ", ".join(f"{n}{list(v.shape)}" for n, v in feeds.items())
    outs = ", ".join(f"{n}{list(np.shape(v))}" for n, v in zip(output_names, results))
    return f"{name}: wrote {out_dir} (inputs {ins}; outputs {outs})"


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[1].startswith("-"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    dest = Path(argv[1])
    sources = sorted(light_dir().glob("light_*.onnx"))
    if not sources:
        print(f"no light_*.onnx found in {light_dir()}", file=sys.stderr)
        return 1
    dest.mkdir(parents=True, exist_ok=True)
    # Quiet onnxruntime's warnings about unused initializers in these models (logging only).
    ort.set_default_logger_severity(3)
    for src in sources:
        print(make_one(src, dest), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
