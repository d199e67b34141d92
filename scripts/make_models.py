#!/usr/bin/env python3
"""Builds the small ONNX models committed under tests/ and their reference data.

Usage: $(bash scripts/venv.sh) scripts/make_models.py

Writes, relative to the repository root:

    tests/models/mnist_cnn/                    an MNIST-size CNN with seeded weights
    tests/models/tiny_ops/<case>/              one tiny model per op corner case
        model.onnx
        test_data_set_0/input_K.pb             deterministic inputs (names = graph input names)
        test_data_set_0/output_K.pb            onnxruntime's outputs (names = graph output names)
    tests/symbolic/bert_dynamic/               a BERT-style encoder with symbolic batch and seq,
        test_data_set_{0,1}/                   at two sizes (compiled once, run at both)
    tests/symbolic/cnn_dynamic/                a CNN with a symbolic batch, at batch 1 and 3
    tests/fixtures/{unsupported_op,bad_shapes,add}.onnx   models for error-path tests (no data)

Everything is deterministic (weights and inputs come from numpy generators seeded with the crc32
of the case name; onnxruntime runs single-threaded), so running the script twice gives
byte-identical files. Each folder is rebuilt from scratch.
"""

import shutil
import sys
import zlib
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "tests" / "models"
FIXTURES = ROOT / "tests" / "fixtures"
SYMBOLIC = ROOT / "tests" / "symbolic"
PRODUCER = "ronn scripts/make_models.py"

F32 = TensorProto.FLOAT
I64 = TensorProto.INT64
BOOL = TensorProto.BOOL


def rng_for(name: str) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(name.encode()))


def normal(rng: np.random.Generator, shape, scale: float = 1.0) -> np.ndarray:
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def const_node(output: str, value: np.ndarray) -> onnx.NodeProto:
    return helper.make_node("Constant", [], [output], name=output, value=numpy_helper.from_array(value, output))


def make_model(
    name: str,
    nodes: list,
    inputs: list,
    outputs: list,
    initializers: dict | None = None,
    opset: int = 13,
    extra_opsets: tuple = (),
) -> onnx.ModelProto:
    """inputs: [(name, elem_type, shape)]; outputs: [(name, elem_type, shape or None)]."""
    graph = helper.make_graph(
        nodes,
        name,
        [helper.make_tensor_value_info(n, t, s) for n, t, s in inputs],
        [helper.make_tensor_value_info(n, t, s) for n, t, s in outputs],
        initializer=[numpy_helper.from_array(v, k) for k, v in (initializers or {}).items()],
    )
    opsets = [helper.make_opsetid("", opset)] + [helper.make_opsetid(d, v) for d, v in extra_opsets]
    ir = helper.find_min_ir_version_for(opsets, ignore_unknown=True)
    return helper.make_model(graph, opset_imports=opsets, ir_version=ir, producer_name=PRODUCER)


def run_reference(model: onnx.ModelProto, feeds: dict) -> list:
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    return session.run([o.name for o in model.graph.output], feeds)


def write_case(folder: Path, model: onnx.ModelProto, feeds: dict) -> None:
    onnx.checker.check_model(model, full_check=True)
    results = run_reference(model, feeds)
    for out, value in zip(model.graph.output, results):
        declared = [d.dim_value for d in out.type.tensor_type.shape.dim]
        if list(np.shape(value)) != declared:
            raise SystemExit(f"{folder}: output {out.name} is {np.shape(value)}, declared {declared}")
        if np.issubdtype(np.asarray(value).dtype, np.floating) and not np.all(np.isfinite(value)):
            raise SystemExit(f"{folder}: output {out.name} is not finite")
    if folder.exists():
        shutil.rmtree(folder)
    data = folder / "test_data_set_0"
    data.mkdir(parents=True)
    (folder / "model.onnx").write_bytes(model.SerializeToString())
    for k, (name, value) in enumerate(feeds.items()):
        (data / f"input_{k}.pb").write_bytes(numpy_helper.from_array(value, name).SerializeToString())
    for k, (out, value) in enumerate(zip(model.graph.output, results)):
        (data / f"output_{k}.pb").write_bytes(numpy_helper.from_array(np.asarray(value), out.name).SerializeToString())
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    ins = ", ".join(f"{n}{list(v.shape)}" for n, v in feeds.items())
    outs = ", ".join(f"{o.name}{list(np.shape(v))}" for o, v in zip(model.graph.output, results))
    print(f"wrote {folder.relative_to(ROOT)} ({total} bytes; {ins} -> {outs})")


# ------------------------------------------------------------------------------------------------
# mnist_cnn
# ------------------------------------------------------------------------------------------------


def digit_seven() -> np.ndarray:
    """A hand-drawn-looking 7 on a 28x28 canvas, values in [0, 1], like an MNIST digit."""
    ys, xs = np.mgrid[0:28, 0:28].astype(np.float64)
    strokes = [((6.0, 7.0), (21.0, 6.0)), ((21.0, 6.0), (12.0, 23.0)), ((10.0, 14.5), (19.0, 14.5))]
    dist = np.full((28, 28), np.inf)
    for (x0, y0), (x1, y1) in strokes:
        dx, dy = x1 - x0, y1 - y0
        t = np.clip(((xs - x0) * dx + (ys - y0) * dy) / (dx * dx + dy * dy), 0.0, 1.0)
        dist = np.minimum(dist, np.hypot(xs - (x0 + t * dx), ys - (y0 + t * dy)))
    image = np.clip(2.0 - dist, 0.0, 1.0)  # strokes about 3 pixels wide, anti-aliased edges
    return image.astype(np.float32).reshape(1, 1, 28, 28)


def mnist_cnn() -> None:
    name = "mnist_cnn"
    rng = rng_for(name)

    def he(shape, fan_in):
        return normal(rng, shape, np.sqrt(2.0 / fan_in))

    weights = {
        "conv1.weight": he((8, 1, 3, 3), 9),
        "conv1.bias": normal(rng, (8,), 0.05),
        "conv2.weight": he((16, 8, 3, 3), 72),
        "conv2.bias": normal(rng, (16,), 0.05),
        "fc1.weight": he((64, 784), 784),
        "fc1.bias": normal(rng, (64,), 0.05),
        "fc2.weight": he((10, 64), 64),
        "fc2.bias": normal(rng, (10,), 0.05),
    }
    nodes = [
        helper.make_node("Conv", ["image", "conv1.weight", "conv1.bias"], ["conv1"], name="conv1",
                         kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["conv1"], ["relu1"], name="relu1"),
        helper.make_node("MaxPool", ["relu1"], ["pool1"], name="pool1", kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Conv", ["pool1", "conv2.weight", "conv2.bias"], ["conv2"], name="conv2",
                         kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["conv2"], ["relu2"], name="relu2"),
        helper.make_node("MaxPool", ["relu2"], ["pool2"], name="pool2", kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Flatten", ["pool2"], ["flat"], name="flatten", axis=1),
        helper.make_node("Gemm", ["flat", "fc1.weight", "fc1.bias"], ["fc1"], name="fc1", transB=1),
        helper.make_node("Relu", ["fc1"], ["relu3"], name="relu3"),
        helper.make_node("Gemm", ["relu3", "fc2.weight", "fc2.bias"], ["logits"], name="fc2", transB=1),
        helper.make_node("Softmax", ["logits"], ["probabilities"], name="softmax", axis=-1),
    ]
    model = make_model(name, nodes, [("image", F32, [1, 1, 28, 28])], [("probabilities", F32, [1, 10])], weights)
    write_case(MODELS / name, model, {"image": digit_seven()})


# ------------------------------------------------------------------------------------------------
# tiny_ops
# ------------------------------------------------------------------------------------------------


def tiny(name: str, nodes, inputs: dict, outputs, initializers=None, opset: int = 13) -> None:
    """inputs: {name: array} (graph inputs and test data); outputs: [(name, elem_type, shape)]."""
    decl = [(n, helper.np_dtype_to_tensor_dtype(v.dtype), list(v.shape)) for n, v in inputs.items()]
    model = make_model(name, nodes, decl, outputs, initializers, opset)
    write_case(MODELS / "tiny_ops" / name, model, inputs)


def node(op: str, ins, outs, **attrs) -> onnx.NodeProto:
    return helper.make_node(op, ins, outs, name=f"{op.lower()}_{outs[0]}", **attrs)


def tiny_ops() -> None:
    r = rng_for

    g = r("add_broadcast")
    tiny("add_broadcast", [node("Add", ["a", "b"], ["y"])],
         {"a": normal(g, (2, 3, 4)), "b": normal(g, (4,))}, [("y", F32, [2, 3, 4])])

    g = r("gemm_alpha_beta")
    tiny("gemm_alpha_beta", [node("Gemm", ["a", "b", "c"], ["y"], alpha=0.5, beta=2.0, transA=1)],
         {"a": normal(g, (4, 3))}, [("y", F32, [3, 5])],
         {"b": normal(g, (4, 5)), "c": normal(g, (5,))})

    g = r("conv_group_dilation")
    # H: (11 + 1 + 2 - 5) // 2 + 1 = 5; W: (10 + 0 + 1 - 5) // 2 + 1 = 4.
    tiny("conv_group_dilation",
         [node("Conv", ["x", "w", "b"], ["y"], group=2, dilations=[2, 2], strides=[2, 2], pads=[1, 0, 2, 1],
               kernel_shape=[3, 3])],
         {"x": normal(g, (1, 4, 11, 10))}, [("y", F32, [1, 6, 5, 4])],
         {"w": normal(g, (6, 2, 3, 3), 0.3), "b": normal(g, (6,), 0.1)})

    g = r("conv3x3_winograd")
    # Wide enough for the Winograd path (16+ channels, 16+ 4x4 tiles: 4 x 5 on 14x18), a
    # batch of two, ragged tiles, and a residual Add + Relu fused into its output transform.
    tiny("conv3x3_winograd",
         [node("Conv", ["x", "w", "b"], ["c"], pads=[1, 1, 1, 1], kernel_shape=[3, 3]),
          node("Add", ["c", "res"], ["s"]), node("Relu", ["s"], ["y"])],
         {"x": normal(g, (2, 16, 14, 18)), "res": normal(g, (2, 24, 14, 18))}, [("y", F32, [2, 24, 14, 18])],
         {"w": normal(g, (24, 16, 3, 3), 0.2), "b": normal(g, (24,), 0.1)})

    g = r("conv3x3_winograd_small")
    # A 7x7 map (a ResNet's last stage): too few 4x4 tiles, so 2x2 tiles (F(2, 3)), with 32+
    # channels each way and a fused Relu.
    tiny("conv3x3_winograd_small",
         [node("Conv", ["x", "w", "b"], ["c"], pads=[1, 1, 1, 1], kernel_shape=[3, 3]), node("Relu", ["c"], ["y"])],
         {"x": normal(g, (1, 32, 7, 7))}, [("y", F32, [1, 40, 7, 7])],
         {"w": normal(g, (40, 32, 3, 3), 0.2), "b": normal(g, (40,), 0.1)})

    g = r("lstm_gru_stack")
    # Recurrent layers as PyTorch exports them (one core op each): an LSTM with initial states
    # whose Y_h and Y_c are read too, then a reverse GRU with linear_before_reset.
    seq, batch, inp, hid = 5, 2, 3, 4
    tiny("lstm_gru_stack",
         [node("LSTM", ["x", "lw", "lr", "lb", "", "h0", "c0"], ["ly", "lh", "lc"], hidden_size=hid),
          node("Squeeze", ["ly", "axes1"], ["ly3"]),
          node("GRU", ["ly3", "gw", "gr", "gb"], ["gy", "gh"], hidden_size=hid, linear_before_reset=1,
               direction="reverse")],
         {"x": normal(g, (seq, batch, inp))},
         [("gy", F32, [seq, 1, batch, hid]), ("gh", F32, [1, batch, hid]), ("lh", F32, [1, batch, hid]),
          ("lc", F32, [1, batch, hid])],
         {"lw": normal(g, (1, 4 * hid, inp), 0.5), "lr": normal(g, (1, 4 * hid, hid), 0.5),
          "lb": normal(g, (1, 8 * hid), 0.1), "h0": normal(g, (1, batch, hid), 0.5),
          "c0": normal(g, (1, batch, hid), 0.5), "axes1": np.array([1], dtype=np.int64),
          "gw": normal(g, (1, 3 * hid, hid), 0.5), "gr": normal(g, (1, 3 * hid, hid), 0.5),
          "gb": normal(g, (1, 6 * hid), 0.1)})

    g = r("avgpool_ceil")
    # H: ceil((8 + 2 - 3) / 2) + 1 = 5 (the last window covers one real row and padding).
    tiny("avgpool_ceil",
         [node("AveragePool", ["x"], ["y"], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1], ceil_mode=1,
               count_include_pad=0)],
         {"x": normal(g, (1, 2, 8, 9))}, [("y", F32, [1, 2, 5, 5])])

    g = r("maxpool_ceil")
    tiny("maxpool_ceil", [node("MaxPool", ["x"], ["y"], kernel_shape=[3, 3], strides=[2, 2], ceil_mode=1)],
         {"x": normal(g, (1, 3, 10, 10))}, [("y", F32, [1, 3, 5, 5])])

    g = r("lrn")
    tiny("lrn", [node("LRN", ["x"], ["y"], size=5, alpha=0.02, beta=0.75, bias=2.0)],
         {"x": normal(g, (1, 8, 5, 5), 2.0)}, [("y", F32, [1, 8, 5, 5])])

    g = r("batchnorm")
    tiny("batchnorm",
         [node("BatchNormalization", ["x", "scale", "bias", "mean", "var"], ["y"], epsilon=1e-3)],
         {"x": normal(g, (2, 3, 4, 4))}, [("y", F32, [2, 3, 4, 4])],
         {"scale": normal(g, (3,)), "bias": normal(g, (3,)), "mean": normal(g, (3,), 0.5),
          "var": g.uniform(0.2, 2.0, (3,)).astype(np.float32)})

    g = r("clip_minmax_inputs")
    tiny("clip_minmax_inputs", [node("Clip", ["x", "min", "max"], ["y"])],
         {"x": normal(g, (3, 4))}, [("y", F32, [3, 4])],
         {"min": np.array(-0.5, np.float32), "max": np.array(0.8, np.float32)})

    g = r("hardswish_hardsigmoid")
    tiny("hardswish_hardsigmoid",
         [node("HardSwish", ["x"], ["h"]), node("HardSigmoid", ["h"], ["y"], alpha=0.3)],
         {"x": normal(g, (2, 12), 3.0)}, [("y", F32, [2, 12])], opset=14)

    g = r("transpose_concat")
    tiny("transpose_concat",
         [node("Transpose", ["x"], ["t"], perm=[0, 2, 1]), node("Concat", ["t", "z"], ["y"], axis=1)],
         {"x": normal(g, (2, 3, 4)), "z": normal(g, (2, 5, 3))}, [("y", F32, [2, 9, 3])])

    g = r("split_concat_views")
    # The memory plan's views: a channel Split and Slice read in place, a Mul reading a block
    # and a view of it at once, a Concat whose parts are written into it, a Reshape of it.
    tiny("split_concat_views",
         [node("Relu", ["x"], ["t"]),
          node("Split", ["t", "sizes"], ["a", "b"], axis=1),
          node("Sigmoid", ["b"], ["s"]),
          node("Slice", ["t", "starts", "ends", "axes"], ["t0"]),
          node("Mul", ["t", "t0"], ["m"]),
          node("Neg", ["a"], ["n"]),
          node("Concat", ["m", "s", "n"], ["c"], axis=1),
          node("Reshape", ["c", "shape"], ["y"])],
         {"x": normal(g, (1, 6, 4, 4))}, [("y", F32, [1, 12, 16])],
         {"sizes": np.array([2, 4], np.int64), "starts": np.array([0], np.int64), "ends": np.array([1], np.int64),
          "axes": np.array([1], np.int64), "shape": np.array([1, 12, 16], np.int64)})

    g = r("squeeze_excite")
    # Squeeze-and-excitation blocks as torchvision exports them (ReduceMean, 1x1 convs, Relu,
    # HardSigmoid, Mul). The first block's output is a graph output, so it stays one
    # SqueezeExcite op; the second feeds a 1x1 projection with a residual Add, which the block
    # takes in (its gates scale the projection's weights).
    def se_block(x: str, p: str, out: str):
        return [node("ReduceMean", [x], [f"{p}m"], axes=[2, 3], keepdims=1),
                node("Conv", [f"{p}m", f"{p}w1", f"{p}b1"], [f"{p}h"], kernel_shape=[1, 1]),
                node("Relu", [f"{p}h"], [f"{p}hr"]),
                node("Conv", [f"{p}hr", f"{p}w2", f"{p}b2"], [f"{p}s"], kernel_shape=[1, 1]),
                node("HardSigmoid", [f"{p}s"], [f"{p}sg"], alpha=1.0 / 6.0, beta=0.5),
                node("Mul", [x, f"{p}sg"], [out])]

    def se_weights(p: str):
        return {f"{p}w1": normal(g, (3, 8, 1, 1), 0.5), f"{p}b1": normal(g, (3,), 0.1),
                f"{p}w2": normal(g, (8, 3, 1, 1), 0.5), f"{p}b2": normal(g, (8,), 0.1)}

    tiny("squeeze_excite",
         se_block("x", "a_", "y") + se_block("y", "b_", "t")
         + [node("Conv", ["t", "wp", "bp"], ["proj"], kernel_shape=[1, 1]), node("Add", ["proj", "res"], ["z"])],
         {"x": normal(g, (2, 8, 5, 6)), "res": normal(g, (2, 4, 5, 6))},
         [("y", F32, [2, 8, 5, 6]), ("z", F32, [2, 4, 5, 6])],
         {**se_weights("a_"), **se_weights("b_"), "wp": normal(g, (4, 8, 1, 1), 0.5), "bp": normal(g, (4,), 0.1)})

    g = r("softmax_axis")
    tiny("softmax_axis", [node("Softmax", ["x"], ["y"], axis=1)],
         {"x": normal(g, (2, 3, 4), 2.0)}, [("y", F32, [2, 3, 4])])

    g = r("reshape_shape_gather")
    # What exporters emit for x.view(x.size(0), -1).
    tiny("reshape_shape_gather",
         [node("Shape", ["x"], ["shape"]),
          const_node("index0", np.array(0, np.int64)),
          node("Gather", ["shape", "index0"], ["batch"], axis=0),
          const_node("axes0", np.array([0], np.int64)),
          node("Unsqueeze", ["batch", "axes0"], ["batch1"]),
          const_node("minus1", np.array([-1], np.int64)),
          node("Concat", ["batch1", "minus1"], ["new_shape"], axis=0),
          node("Reshape", ["x", "new_shape"], ["y"])],
         {"x": normal(g, (2, 3, 4))}, [("y", F32, [2, 12])])

    g = r("squeeze_unsqueeze")
    tiny("squeeze_unsqueeze",
         [const_node("squeeze_axes", np.array([0, 2], np.int64)),
          node("Squeeze", ["x", "squeeze_axes"], ["s"]),
          const_node("unsqueeze_axes", np.array([0, -1], np.int64)),
          node("Unsqueeze", ["s", "unsqueeze_axes"], ["y"])],
         {"x": normal(g, (1, 3, 1, 4))}, [("y", F32, [1, 3, 4, 1])])

    g = r("constant_of_shape")
    tiny("constant_of_shape",
         [const_node("shape", np.array([2, 3], np.int64)),
          node("ConstantOfShape", ["shape"], ["c"], value=numpy_helper.from_array(np.array([3.5], np.float32))),
          node("Add", ["x", "c"], ["y"])],
         {"x": normal(g, (2, 3))}, [("y", F32, [2, 3])])

    g = r("leakyrelu_sigmoid_tanh")
    tiny("leakyrelu_sigmoid_tanh",
         [node("LeakyRelu", ["x"], ["l"], alpha=0.2), node("Sigmoid", ["l"], ["y"]), node("Tanh", ["x"], ["t"])],
         {"x": normal(g, (3, 4), 2.0)}, [("y", F32, [3, 4]), ("t", F32, [3, 4])])

    g = r("sum_three")
    tiny("sum_three", [node("Sum", ["a", "b", "c"], ["y"])],
         {"a": normal(g, (2, 3, 4)), "b": normal(g, (3, 1)), "c": normal(g, (4,))}, [("y", F32, [2, 3, 4])])

    g = r("div_sub_mul")
    tiny("div_sub_mul",
         [node("Sub", ["a", "b"], ["d"]), node("Mul", ["d", "c"], ["m"]), node("Div", ["m", "b"], ["y"])],
         {"a": normal(g, (2, 3)), "b": g.uniform(0.5, 2.0, (2, 3)).astype(np.float32), "c": normal(g, (3,))},
         [("y", F32, [2, 3])])

    g = r("matmul_batched")
    tiny("matmul_batched", [node("MatMul", ["a", "b"], ["y"])],
         {"a": normal(g, (2, 3, 4)), "b": normal(g, (4, 5))}, [("y", F32, [2, 3, 5])])

    g = r("flatten_axis2")
    tiny("flatten_axis2", [node("Flatten", ["x"], ["y"], axis=2)],
         {"x": normal(g, (2, 3, 4, 5))}, [("y", F32, [6, 20])])

    g = r("dropout_identity")
    # Inference: Dropout is the identity and its optional mask is all true.
    tiny("dropout_identity",
         [node("Dropout", ["x"], ["d", "mask"]), node("Identity", ["d"], ["y"])],
         {"x": normal(g, (3, 4))}, [("y", F32, [3, 4]), ("mask", BOOL, [3, 4])])

    g = r("global_avgpool")
    tiny("global_avgpool", [node("GlobalAveragePool", ["x"], ["y"])],
         {"x": normal(g, (1, 3, 5, 7))}, [("y", F32, [1, 3, 1, 1])])

    # Inputs whose value decides shapes: compiled for the data's value (ronnc check specialises).
    g = r("reduce_axes_input")
    tiny("reduce_axes_input", [node("ReduceSum", ["x", "axes"], ["y"], keepdims=0)],
         {"x": normal(g, (2, 3, 4)), "axes": np.array([1], np.int64)}, [("y", F32, [2, 4])])

    g = r("topk_k_input")
    tiny("topk_k_input", [node("TopK", ["x", "k"], ["values", "indices"], axis=1)],
         {"x": normal(g, (2, 6)), "k": np.array([3], np.int64)}, [("values", F32, [2, 3]), ("indices", I64, [2, 3])])

    g = r("unsqueeze_opset11")
    tiny("unsqueeze_opset11", [node("Unsqueeze", ["x"], ["y"], axes=[0, 3])],
         {"x": normal(g, (3, 4))}, [("y", F32, [1, 3, 4, 1])], opset=11)


# ------------------------------------------------------------------------------------------------
# bert_dynamic: symbolic batch and sequence, in the PyTorch exporter's own patterns
# ------------------------------------------------------------------------------------------------


def bert_dynamic() -> None:
    """A 2-layer BERT-style encoder (hidden 64, 4 heads, FFN 128) exported the way
    torch.onnx.export writes models with dynamic axes: sizes come from Shape -> Gather ->
    Unsqueeze -> Concat -> Reshape, position ids from Range, token types from a buffer sliced to
    the sequence (Slice with a run-time end) and expanded, a ConstantOfShape default mask, a
    Where-built additive mask, decomposed LayerNorm and the Erf GELU; the pooler is a Gemm."""
    name = "bert_dynamic"
    g = rng_for(name)
    hidden, heads, ffn, vocab, max_pos, layers = 64, 4, 128, 100, 32, 2
    head = hidden // heads
    inits: dict = {
        "word_emb": normal(g, [vocab, hidden], 0.5),
        "pos_emb": normal(g, [max_pos, hidden], 0.5),
        "type_emb": normal(g, [2, hidden], 0.5),
        "token_type_buffer": np.zeros([1, max_pos], np.int64),
    }
    nodes: list = []
    counter = [0]

    def c(value, dtype=np.int64) -> str:
        counter[0] += 1
        out = f"/Constant_{counter[0]}_output_0"
        nodes.append(const_node(out, np.array(value, dtype)))
        return out

    def op(kind: str, ins, **attrs) -> str:
        counter[0] += 1
        out = f"/{kind}_{counter[0]}_output_0"
        nodes.append(helper.make_node(kind, ins, [out], name=f"/{kind}_{counter[0]}", **attrs))
        return out

    def dim(x: str, axis: int) -> str:
        """The exporter's size(): Shape -> Gather(axis) -> Unsqueeze, a 1-element i64 vector."""
        return op("Unsqueeze", [op("Gather", [op("Shape", [x]), c(axis)], axis=0), c([0])])

    def linear(x: str, prefix: str, n_in: int, n_out: int) -> str:
        inits[f"{prefix}.weight"] = normal(g, [n_in, n_out], 1.0 / np.sqrt(n_in))
        inits[f"{prefix}.bias"] = normal(g, [n_out], 0.1)
        return op("Add", [f"{prefix}.bias", op("MatMul", [x, f"{prefix}.weight"])])

    def layer_norm(x: str, prefix: str) -> str:
        inits[f"{prefix}.weight"] = (1.0 + normal(g, [hidden], 0.1)).astype(np.float32)
        inits[f"{prefix}.bias"] = normal(g, [hidden], 0.1)
        mean = op("ReduceMean", [x], axes=[-1])
        centred = op("Sub", [x, mean])
        var = op("ReduceMean", [op("Pow", [centred, c(2.0, np.float32)])], axes=[-1])
        normed = op("Div", [centred, op("Sqrt", [op("Add", [var, c(1e-12, np.float32)])])])
        return op("Add", [op("Mul", [normed, f"{prefix}.weight"]), f"{prefix}.bias"])

    # Embeddings.
    seq = op("Gather", [op("Shape", ["input_ids"]), c(1)], axis=0)
    position_ids = op("Unsqueeze", [op("Range", [c(0), seq, c(1)]), c([0])])
    token_types = op("Slice", ["token_type_buffer", c([0]), dim("input_ids", 1), c([1]), c([1])])
    shape_bs = op("Concat", [dim("input_ids", 0), dim("input_ids", 1)], axis=0)
    # expand(batch, seq): Where(Equal(shape, -1), ones, shape), as the exporter writes it.
    ones = op("ConstantOfShape", [c([2])], value=numpy_helper.from_array(np.array([1], np.int64)))
    minus_ones = op("Mul", [ones, c(-1)])
    expand_to = op("Where", [op("Equal", [shape_bs, minus_ones]), ones, shape_bs])
    token_types = op("Expand", [token_types, expand_to])
    x = op("Add", [op("Gather", ["word_emb", "input_ids"]), op("Gather", ["type_emb", token_types])])
    x = layer_norm(op("Add", [x, op("Gather", ["pos_emb", position_ids])]), "emb_ln")

    # Additive mask from attention_mask (defaulting to ones, as the model code does).
    default_mask = op("ConstantOfShape", [op("Shape", ["input_ids"])], value=numpy_helper.from_array(np.array([1], np.int64)))
    mask = op("Mul", ["attention_mask", default_mask])
    mask = op("Unsqueeze", [mask, c([1, 2])])
    mask = op("Where", [op("Equal", [mask, c(0)]), c(-10000.0, np.float32), c(0.0, np.float32)])

    def heads_of(t: str, perm) -> str:
        shape = op("Concat", [dim(t, 0), dim(t, 1), c([heads]), c([head])], axis=0)
        return op("Transpose", [op("Reshape", [t, shape])], perm=perm)

    for i in range(layers):
        p = f"layer{i}"
        q = heads_of(linear(x, f"{p}.q", hidden, hidden), [0, 2, 1, 3])
        k = heads_of(linear(x, f"{p}.k", hidden, hidden), [0, 2, 3, 1])
        v = heads_of(linear(x, f"{p}.v", hidden, hidden), [0, 2, 1, 3])
        scores = op("Add", [op("Div", [op("MatMul", [q, k]), c(float(np.sqrt(head)), np.float32)]), mask])
        ctx = op("Transpose", [op("MatMul", [op("Softmax", [scores], axis=-1), v])], perm=[0, 2, 1, 3])
        merged = op("Reshape", [ctx, op("Concat", [dim(ctx, 0), dim(ctx, 1), c([hidden])], axis=0)])
        x = layer_norm(op("Add", [linear(merged, f"{p}.o", hidden, hidden), x]), f"{p}.ln1")
        h = linear(x, f"{p}.ffn1", hidden, ffn)
        gelu = op("Mul", [op("Mul", [h, op("Add", [op("Erf", [op("Div", [h, c(float(np.sqrt(2.0)), np.float32)])]), c(1.0, np.float32)])]), c(0.5, np.float32)])
        x = layer_norm(op("Add", [linear(gelu, f"{p}.ffn2", ffn, hidden), x]), f"{p}.ln2")

    nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"], name="/Identity_out"))
    first = op("Gather", [x, c(0)], axis=1)
    inits["pooler.weight"] = normal(g, [hidden, hidden], 1.0 / np.sqrt(hidden))
    inits["pooler.bias"] = normal(g, [hidden], 0.1)
    nodes.append(helper.make_node("Gemm", [first, "pooler.weight", "pooler.bias"], ["/pooler/Gemm_output_0"], name="/pooler/Gemm", transB=1))
    nodes.append(helper.make_node("Tanh", ["/pooler/Gemm_output_0"], ["pooler_output"], name="/pooler/Tanh"))

    model = make_model(
        name,
        nodes,
        [("input_ids", I64, ["batch", "seq"]), ("attention_mask", I64, ["batch", "seq"])],
        [("last_hidden_state", F32, ["batch", "seq", hidden]), ("pooler_output", F32, ["batch", hidden])],
        inits,
        opset=14,
    )
    onnx.checker.check_model(model, full_check=True)
    feeds_list = []
    for batch, length in [(1, 5), (3, 12)]:
        ids = g.integers(0, vocab, [batch, length]).astype(np.int64)
        mask = np.ones([batch, length], np.int64)
        mask[1:, length - 3:] = 0  # padding at the end of all but the first sequence
        feeds_list.append({"input_ids": ids, "attention_mask": mask})
    write_symbolic(name, model, feeds_list)


# ------------------------------------------------------------------------------------------------
# cnn_dynamic: a CNN with a symbolic batch
# ------------------------------------------------------------------------------------------------


def cnn_dynamic() -> None:
    """A small CNN exported with a dynamic batch (torchvision-style): Conv, BatchNormalization,
    Relu, MaxPool, Conv with padding, GlobalAveragePool, Flatten, Gemm."""
    name = "cnn_dynamic"
    g = rng_for(name)
    inits = {
        "w1": normal(g, [8, 3, 3, 3], 0.3), "b1": normal(g, [8], 0.1),
        "bn_scale": (1.0 + normal(g, [8], 0.1)).astype(np.float32), "bn_bias": normal(g, [8], 0.1),
        "bn_mean": normal(g, [8], 0.1), "bn_var": (1.0 + np.abs(normal(g, [8], 0.2))).astype(np.float32),
        "w2": normal(g, [16, 8, 3, 3], 0.2), "b2": normal(g, [16], 0.1),
        "fc_w": normal(g, [10, 16], 0.3), "fc_b": normal(g, [10], 0.1),
    }
    nodes = [
        node("Conv", ["image", "w1", "b1"], ["c1"], kernel_shape=[3, 3]),
        node("BatchNormalization", ["c1", "bn_scale", "bn_bias", "bn_mean", "bn_var"], ["n1"]),
        node("Relu", ["n1"], ["r1"]),
        node("MaxPool", ["r1"], ["p1"], kernel_shape=[2, 2], strides=[2, 2]),
        node("Conv", ["p1", "w2", "b2"], ["c2"], kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        node("Relu", ["c2"], ["r2"]),
        node("GlobalAveragePool", ["r2"], ["gap"]),
        node("Flatten", ["gap"], ["flat"]),
        node("Gemm", ["flat", "fc_w", "fc_b"], ["logits"], transB=1),
    ]
    model = make_model(name, nodes, [("image", F32, ["batch", 3, 12, 12])], [("logits", F32, ["batch", 10])], inits)
    onnx.checker.check_model(model, full_check=True)
    write_symbolic(name, model, [{"image": normal(g, [b, 3, 12, 12])} for b in (1, 3)])


def write_symbolic(name: str, model: onnx.ModelProto, feeds_list: list) -> None:
    """A model folder under tests/symbolic with one data set per feeds dict."""
    folder = SYMBOLIC / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / "model.onnx").write_bytes(model.SerializeToString())
    for k, feeds in enumerate(feeds_list):
        results = run_reference(model, feeds)
        data = folder / f"test_data_set_{k}"
        data.mkdir()
        for j, (n, value) in enumerate(feeds.items()):
            (data / f"input_{j}.pb").write_bytes(numpy_helper.from_array(value, n).SerializeToString())
        for j, (out, value) in enumerate(zip(model.graph.output, results)):
            (data / f"output_{j}.pb").write_bytes(numpy_helper.from_array(np.asarray(value), out.name).SerializeToString())
        sizes = ", ".join(f"{n}{list(v.shape)}" for n, v in feeds.items())
        print(f"wrote {data.relative_to(ROOT)} ({sizes})")


# ------------------------------------------------------------------------------------------------
# fixtures
# ------------------------------------------------------------------------------------------------


def write_fixture(name: str, model: onnx.ModelProto) -> None:
    path = FIXTURES / name
    path.write_bytes(model.SerializeToString())
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")


def fixtures() -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    nodes = [
        helper.make_node("FrobnicateFoo", ["x"], ["t"], name="mystery"),
        helper.make_node("Bar", ["t"], ["y"], name="bar", domain="com.example"),
    ]
    write_fixture("unsupported_op.onnx", make_model(
        "unsupported_op", nodes, [("x", F32, [2, 3])], [("y", F32, [2, 3])], extra_opsets=(("com.example", 1),)))

    # Valid protobuf, invalid model: [2, 3] and [4, 5] do not broadcast.
    write_fixture("bad_shapes.onnx", make_model(
        "bad_shapes", [node("Add", ["a", "b"], ["y"])], [("a", F32, [2, 3]), ("b", F32, [4, 5])], [("y", F32, [None, None])]))

    model = make_model("add", [node("Add", ["a", "b"], ["y"])], [("a", F32, [2, 3]), ("b", F32, [2, 3])],
                       [("y", F32, [2, 3])])
    onnx.checker.check_model(model, full_check=True)
    write_fixture("add.onnx", model)


def main() -> int:
    mnist_cnn()
    tiny_ops()
    bert_dynamic()
    cnn_dynamic()
    fixtures()
    return 0


if __name__ == "__main__":
    sys.exit(main())
