#!/usr/bin/env python3
"""Builds the hostile-model corpus under tests/hostile (issue: hostile and broken models).

Usage: $(bash scripts/venv.sh) scripts/make_hostile.py

Writes, relative to the repository root:

    tests/hostile/refuse/<case>/model.onnx   a broken or hostile model (plus side files)
    tests/hostile/refuse/cases.tsv           case <TAB> exit code <TAB> words the error must hold
    tests/hostile/valid/<case>/              edge cases that must work, in the ONNX test layout
                                             with onnxruntime's outputs

`tests/hostile.rs` runs `ronnc inspect` on every refused case under a 4 GiB address-space limit
and a timeout (clean error, the expected exit code, no panic) and `ronnc check` on the valid ones.
Deterministic: running it twice gives the same bytes.
"""

import base64
import os
import shutil
import sys
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "hostile"
F32, I64 = TensorProto.FLOAT, TensorProto.INT64

cases: list = []


def model(nodes, inputs, outputs, inits=(), opset=13, **kw) -> onnx.ModelProto:
    graph = helper.make_graph(nodes, "g", inputs, outputs, initializer=list(inits))
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], ir_version=8, **kw)


def vi(name, t=F32, shape=(2, 3)):
    return helper.make_tensor_value_info(name, t, list(shape))


def refuse(name: str, code: int, expect: str, data, side_files: dict | None = None) -> None:
    """data: a ModelProto or raw bytes; expect: words the one-line error must contain."""
    folder = OUT / "refuse" / name
    folder.mkdir(parents=True)
    raw = data if isinstance(data, bytes) else data.SerializeToString()
    (folder / "model.onnx").write_bytes(raw)
    for fname, content in (side_files or {}).items():
        if isinstance(content, tuple) and content[0] == "symlink":
            os.symlink(content[1], folder / fname)
        else:
            (folder / fname).write_bytes(content)
    cases.append((name, code, expect))


def add_model() -> onnx.ModelProto:
    return model([helper.make_node("Add", ["a", "b"], ["y"], name="add")], [vi("a"), vi("b")], [vi("y")])


def external(location: str, offset: int = 0, length: int = 24) -> onnx.ModelProto:
    w = TensorProto(name="w", data_type=F32, dims=[2, 3])
    w.data_location = TensorProto.EXTERNAL
    for k, v in (("location", location), ("offset", str(offset)), ("length", str(length))):
        entry = w.external_data.add()
        entry.key, entry.value = k, v
    return model([helper.make_node("Add", ["x", "w"], ["y"], name="add")], [vi("x")], [vi("y")], [w])


def refused_cases() -> None:
    good = add_model().SerializeToString()
    # Bytes that are not a model.
    refuse("empty_file", 2, "empty", b"")
    refuse("truncated", 2, "decode", good[: len(good) // 2])
    refuse("garbage", 2, "decode", bytes(range(256)) * 4)
    refuse("no_graph", 2, "no graph", onnx.ModelProto(ir_version=8).SerializeToString())
    # Graph structure.
    refuse("no_outputs", 2, "no outputs", model([helper.make_node("Relu", ["x"], ["y"])], [vi("x")], []))
    refuse("undefined_value", 2, "ghost", model([helper.make_node("Add", ["x", "ghost"], ["y"], name="add")], [vi("x")], [vi("y")]))
    refuse("no_nodes_undefined_output", 2, "y", model([], [vi("x")], [vi("y")]))
    refuse("cycle", 2, "cycle", model([
        helper.make_node("Relu", ["b"], ["a"], name="first"),
        helper.make_node("Relu", ["a"], ["b"], name="second"),
    ], [vi("x")], [vi("b")]))
    refuse("defined_twice", 2, "twice", model([
        helper.make_node("Relu", ["x"], ["y"], name="one"),
        helper.make_node("Neg", ["x"], ["y"], name="two"),
    ], [vi("x")], [vi("y")]))
    m = model([
        helper.make_node("FrobnicateFoo", ["x"], ["t"], name="mystery"),
        helper.make_node("Bar", ["t"], ["y"], name="bar", domain="com.example"),
    ], [vi("x")], [vi("y")])
    m.opset_import.append(helper.make_opsetid("com.example", 1))
    refuse("unknown_ops_listed_together", 1, "FrobnicateFoo", m)
    refuse("opset_out_of_range", 2, "opset 99", model([helper.make_node("Relu", ["x"], ["y"])], [vi("x")], [vi("y")], opset=99))
    # Tensors that lie about their size.
    short = TensorProto(name="w", data_type=F32, dims=[2, 3], raw_data=np.zeros(4, np.float32).tobytes())
    refuse("initializer_length_mismatch", 2, "`w`", model([helper.make_node("Add", ["x", "w"], ["y"])], [vi("x")], [vi("y")], [short]))
    huge = TensorProto(name="w", data_type=F32, dims=[1 << 40, 1 << 30], raw_data=b"")
    refuse("initializer_dims_overflow", 2, "`w`", model([helper.make_node("Add", ["x", "w"], ["y"])], [vi("x")], [vi("y")], [huge]))
    refuse("input_beyond_size_limit", 2, "size limit", model([helper.make_node("Relu", ["x"], ["y"])], [vi("x", F32, (1 << 20, 1 << 20))], [vi("y", F32, (1 << 20, 1 << 20))]))
    shape = numpy_helper.from_array(np.array([1 << 30, 1 << 30, 1 << 10], np.int64), "s")
    refuse("constant_of_shape_bomb", 2, "limit", model([helper.make_node("ConstantOfShape", ["s"], ["y"], name="bomb")], [], [vi("y", F32, (1 << 30, 1 << 30, 1 << 10))], [shape]))
    limits = [numpy_helper.from_array(np.array(v, np.int64), n) for n, v in (("start", 0), ("limit", 1 << 40), ("delta", 1))]
    refuse("range_bomb", 2, "too large", model([helper.make_node("Range", ["start", "limit", "delta"], ["y"], name="range")], [], [vi("y", I64, (1 << 40,))], limits))
    # Arguments that cannot hold.
    target = numpy_helper.from_array(np.array([4, 5], np.int64), "shape")
    refuse("reshape_impossible", 2, "reshape", model([helper.make_node("Reshape", ["x", "shape"], ["y"], name="reshape")], [vi("x")], [vi("y", F32, (4, 5))], [target]))
    to = numpy_helper.from_array(np.array([2, 5], np.int64), "to")
    refuse("expand_impossible", 2, "expand", model([helper.make_node("Expand", ["x", "to"], ["y"], name="expand")], [vi("x")], [vi("y", F32, (2, 5))], [to]))
    params = [numpy_helper.from_array(np.array(v, np.int64), n) for n, v in (("starts", [0]), ("ends", [1]), ("axes", [7]))]
    refuse("slice_axis_out_of_range", 2, "axis", model([helper.make_node("Slice", ["x", "starts", "ends", "axes"], ["y"], name="slice")], [vi("x")], [vi("y", F32, (1, 3))], params))
    refuse("dtype_not_accepted", 1, "Sqrt of i64", model([helper.make_node("Sqrt", ["x"], ["y"], name="sqrt")], [vi("x", I64)], [vi("y", I64)]))
    # External data that tries to leave the model's folder or read past the end of a file.
    weights = np.arange(6, dtype=np.float32).tobytes()
    refuse("external_parent_escape", 2, "inside the model's folder", external("../weights.bin"))
    refuse("external_absolute_path", 2, "inside the model's folder", external("/etc/passwd"))
    refuse("external_symlink_escape", 2, "outside the model's folder", external("link.bin"), {"link.bin": ("symlink", "/etc/passwd")})
    refuse("external_beyond_end", 2, "beyond the end", external("weights.bin", offset=16), {"weights.bin": weights})
    refuse("external_length_disagrees", 2, "disagrees with the 24 bytes", external("weights.bin", length=8), {"weights.bin": weights})
    # Control flow of hostile sizes: a Loop of 2^40 iterations is refused, not unrolled.
    body = helper.make_graph(
        [helper.make_node("Identity", ["cond_in"], ["cond_out"]), helper.make_node("Relu", ["v_in"], ["v_out"])],
        "body",
        [helper.make_tensor_value_info("i", I64, []), helper.make_tensor_value_info("cond_in", TensorProto.BOOL, []), vi("v_in")],
        [helper.make_tensor_value_info("cond_out", TensorProto.BOOL, []), vi("v_out")],
    )
    trip = [numpy_helper.from_array(np.array(1 << 40, np.int64), "trip"), numpy_helper.from_array(np.array(True), "cond")]
    refuse("loop_bomb", 1, "4096", model([helper.make_node("Loop", ["trip", "cond", "x"], ["y"], name="loop", body=body)], [vi("x")], [vi("y")], trip))


    # Inputs the fuzzer found crashing (docs/fuzzing.md), kept as regression cases.
    for name, expect, b64 in FUZZ_FINDINGS:
        refuse(name, 2, expect, base64.b64decode(b64))


# (case, words the error must hold, the input as base64), from `bash scripts/fuzz.sh`.
FUZZ_FINDINGS = [
    # A Slice of a rank-0 input indexed its (absent) first dim.
    ("fuzz_slice_of_scalar", "Slice of a scalar",
     "CAg6mwEKKAoBeBoGc3RhcnRzCgRlbmRzCgRheGVzEgF5GgVzbGljZSIFU2xpY2USAWcqFggBEAdCBnN0YXJ0c0oIAAAAAAAAAAAqFAgBEAdCBGVuZHNKCEIBAAAAAAAAKhQIARAHQgRheGVzSggHAAAAkgAAAFoTCgF4Eg4KDAgBEggyAggCSgIoCmITCgF5Eg4KDAgBEggKAggBCgIIA0IECgAQDQ=="),
]


def valid(name: str, m: onnx.ModelProto, feeds: dict) -> None:
    onnx.checker.check_model(m, full_check=True)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(m.SerializeToString(), options, providers=["CPUExecutionProvider"])
    outs = session.run(None, feeds)
    folder = OUT / "valid" / name
    data = folder / "test_data_set_0"
    data.mkdir(parents=True)
    (folder / "model.onnx").write_bytes(m.SerializeToString())
    for k, (n, v) in enumerate(feeds.items()):
        (data / f"input_{k}.pb").write_bytes(numpy_helper.from_array(v, n).SerializeToString())
    for k, (o, v) in enumerate(zip(m.graph.output, outs)):
        (data / f"output_{k}.pb").write_bytes(numpy_helper.from_array(np.asarray(v), o.name).SerializeToString())


def valid_cases() -> None:
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    # Names that are Rust or CUDA syntax, keywords, unicode, and that collide once sanitised.
    names = ["fn", "r#type", 'quote"brace{}', "line\nbreak // */ /*", "self", "__global__", "a-b", "a_b", "a b", "ünï😀"]
    nodes, prev = [], names[0]
    for i, n in enumerate(names[1:]):
        nodes.append(helper.make_node("Relu" if i % 2 else "Neg", [prev], [n], name=f"node {n} */ }}"))
        prev = n
    m = model(nodes, [vi(names[0])], [vi(prev), vi("a_b")], doc_string="*/ } ]] \"")
    m.graph.name = 'graph "} // evil'
    valid("hostile_names", m, {names[0]: x})
    # Zero-sized tensors flow through elementwise ops, a reduction and a concat.
    z = np.zeros((0, 3), np.float32)
    valid("zero_sized", model([
        helper.make_node("Add", ["z", "z"], ["s"]),
        helper.make_node("Concat", ["s", "x"], ["y"], axis=0),
        helper.make_node("ReduceSum", ["z"], ["r"], keepdims=0, axes=[0]),
    ], [vi("z", F32, (0, 3)), vi("x")], [vi("y", F32, (2, 3)), vi("r", F32, (3,))], opset=11), {"z": z, "x": x})
    # Scalars in and out.
    valid("scalars", model([helper.make_node("Mul", ["s", "t"], ["y"])], [vi("s", F32, ()), vi("t", F32, ())], [vi("y", F32, ())]),
          {"s": np.array(3.0, np.float32), "t": np.array(-2.5, np.float32)})
    # An empty initializer concatenated with the input.
    empty = numpy_helper.from_array(np.zeros((0, 3), np.float32), "empty")
    valid("empty_initializer", model([helper.make_node("Concat", ["empty", "x"], ["y"], axis=0)], [vi("x")], [vi("y")], [empty]), {"x": x})


def main() -> int:
    if OUT.exists():
        shutil.rmtree(OUT)
    refused_cases()
    valid_cases()
    lines = [f"{n}\t{c}\t{e}" for n, c, e in cases]
    (OUT / "refuse" / "cases.tsv").write_text("\n".join(lines) + "\n")
    print(f"wrote {len(cases)} refused and {len(list((OUT / 'valid').iterdir()))} valid cases under {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
