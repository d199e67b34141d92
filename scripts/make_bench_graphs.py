"""Writes the benchmark models' graphs without their weights to tests/bench_graphs/, so that CI
can compile every benchmark architecture (here: for the CUDA target, whose PTX is checked with
ptxas) without PyTorch.

Each initializer larger than 1 KiB becomes external data in `weights.bin`, which is not
committed: the test writes that file (any bytes of the right length serve, since only the
graph's structure and shapes matter for code generation). Small initializers (shapes, axes,
scalars) stay in the graph as they are.

Usage: make_bench_graphs.py BENCH_MODELS_DIR OUT_DIR (run after scripts/make_bench_models.py).
"""

import os
import sys

import onnx

LIMIT = 1024


def strip(src: str, dst_dir: str) -> None:
    model = onnx.load(src)
    offset = 0
    for t in model.graph.initializer:
        data = t.raw_data if t.HasField("raw_data") else onnx.numpy_helper.to_array(t).tobytes()
        if len(data) <= LIMIT:
            continue
        length = len(data)
        for field in ("float_data", "int32_data", "int64_data", "double_data", "uint64_data", "string_data"):
            t.ClearField(field)
        t.ClearField("raw_data")
        t.data_location = onnx.TensorProto.EXTERNAL
        del t.external_data[:]
        for k, v in (("location", "weights.bin"), ("offset", str(offset)), ("length", str(length))):
            entry = t.external_data.add()
            entry.key, entry.value = k, v
        offset += (length + 63) // 64 * 64
    # Exporter annotations the compiler does not read.
    model.graph.ClearField("value_info")
    for node in model.graph.node:
        node.ClearField("doc_string")
        node.ClearField("metadata_props")
    os.makedirs(dst_dir, exist_ok=True)
    onnx.save(model, os.path.join(dst_dir, "model.onnx"))
    with open(os.path.join(dst_dir, "weights_len.txt"), "w") as f:
        f.write(f"{offset}\n")


def main(argv):
    src_root, out_root = argv[1], argv[2]
    for name in sorted(os.listdir(src_root)):
        src = os.path.join(src_root, name, "model.onnx")
        if os.path.isfile(src):
            strip(src, os.path.join(out_root, name))
            size = os.path.getsize(os.path.join(out_root, name, "model.onnx"))
            print(f"{name}: graph {size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
