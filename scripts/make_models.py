#!/usr/bin/env python3
"""Builds the small ONNX models committed under tests/ and their reference data.

Usage: $(bash scripts/venv.sh) scripts/make_models.py [CASE...]

With no arguments, writes, relative to the repository root:

    tests/in/<case>/                           every golden case (found by listing; tests/README.md)
        model.onnx                             written from model.onnxtxt (ONNX's textual syntax)
                                               when the case has one, else kept as it is
        test_data_set_0/input_K.pb             the inputs already there when they still fit the
                                               model, else deterministic random ones
        test_data_set_0/output_K.pb            onnxruntime's outputs (names = graph output names)
    tests/models/mnist_cnn/                    an MNIST-size CNN with seeded weights
    tests/symbolic/bert_dynamic/               a BERT-style encoder with symbolic batch and seq,
        test_data_set_{0,1}/                   at two sizes (compiled once, run at both)
    tests/symbolic/cnn_dynamic/                a CNN with a symbolic batch, at batch 1 and 3
    tests/symbolic/detector_dynamic/           a detector with symbolic batch, height and width, at 3 sizes
    tests/symbolic/rnn_dynamic/                LSTM and GRU over a symbolic sequence and batch
    tests/symbolic/kv_repeat_dynamic/          Tile and Split on a symbolic batch and past length
    tests/symbolic/causal_rows_dynamic/        a causal table sliced from a symbolic start (past)
    tests/symbolic/{gpt2,llama}_kv_cache/      decoders with a KV cache, symbolic past and total
    tests/fixtures/{unsupported_op,bad_shapes,add}.onnx   models for error-path tests (no data)

With CASE arguments, only those folders of tests/in (a new case: its folder with model.onnx or
model.onnxtxt and case.toml, then this script, then `RONN_BLESS=1 cargo test --test golden`).

Everything is deterministic (weights and inputs come from numpy generators seeded with the crc32
of the case name; onnxruntime runs single-threaded), so running the script twice gives
byte-identical files. Each generated folder is rebuilt from scratch.
"""

import shutil
import sys
import tomllib
import zlib
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "tests" / "models"
GOLDEN = ROOT / "tests" / "in"
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
# tests/in: the golden cases (one folder each, found by listing; see tests/README.md)
# ------------------------------------------------------------------------------------------------


def node(op: str, ins, outs, **attrs) -> onnx.NodeProto:
    return helper.make_node(op, ins, outs, name=f"{op.lower()}_{outs[0]}", **attrs)


def case_dims(case: Path) -> dict:
    """`dims = { NAME = VALUE }` of the case's case.toml: sizes for symbolic input dims."""
    toml = case / "case.toml"
    return tomllib.loads(toml.read_text()).get("dims", {}) if toml.is_file() else {}


def input_shape(value_info: onnx.ValueInfoProto, dims: dict, case: Path) -> list:
    shape = []
    for d in value_info.type.tensor_type.shape.dim:
        if d.HasField("dim_value"):
            shape.append(d.dim_value)
        elif d.dim_param in dims:
            shape.append(int(dims[d.dim_param]))
        else:
            raise SystemExit(f"{case}: input {value_info.name} has dim `{d.dim_param}`: give it in case.toml's dims")
    return shape


def random_input(rng: np.random.Generator, dtype: np.dtype, shape: list) -> np.ndarray:
    """Floats from a normal distribution, integers in [0, 4), booleans at random."""
    if np.issubdtype(dtype, np.floating):
        return normal(rng, shape).astype(dtype)
    if np.issubdtype(dtype, np.integer):
        return rng.integers(0, 4, shape).astype(dtype)
    if dtype == np.bool_:
        return rng.integers(0, 2, shape).astype(np.bool_)
    raise SystemExit(f"no random inputs of type {dtype}: write test_data_set_0/input_K.pb by hand")


def golden_inputs(case: Path, model: onnx.ModelProto) -> dict:
    """The case's inputs: those already in test_data_set_0 when they still fit the model's graph
    inputs (names, types and shapes), else deterministic random ones (seeded by the case name)."""
    dims = case_dims(case)
    weights = {t.name for t in model.graph.initializer}
    wanted = [i for i in model.graph.input if i.name not in weights]
    data = case / "test_data_set_0"
    existing = []
    for k in range(len(wanted)):
        path = data / f"input_{k}.pb"
        if not path.is_file():
            break
        tensor = onnx.TensorProto()
        tensor.ParseFromString(path.read_bytes())
        existing.append((tensor.name, numpy_helper.to_array(tensor)))
    fits = len(existing) == len(wanted) and not (data / f"input_{len(wanted)}.pb").exists() and all(
        name == i.name
        and value.dtype == helper.tensor_dtype_to_np_dtype(i.type.tensor_type.elem_type)
        and list(value.shape) == input_shape(i, dims, case)
        for (name, value), i in zip(existing, wanted)
    )
    if fits:
        return dict(existing)
    rng = rng_for(case.name)
    return {
        i.name: random_input(rng, helper.tensor_dtype_to_np_dtype(i.type.tensor_type.elem_type), input_shape(i, dims, case))
        for i in wanted
    }


def golden_case(case: Path) -> None:
    """Writes model.onnx from model.onnxtxt (ONNX's textual syntax) when the case has one, then
    the reference data: test_data_set_0 with the inputs and onnxruntime's outputs."""
    text = case / "model.onnxtxt"
    if text.is_file():
        model = onnx.parser.parse_model(text.read_text())
        model.producer_name = PRODUCER
        (case / "model.onnx").write_bytes(model.SerializeToString())
    model_path = case / "model.onnx"
    if not model_path.is_file():
        raise SystemExit(f"{case}: no model.onnx or model.onnxtxt")
    model = onnx.load(model_path)
    # Models as ONNX Runtime's tools write them (they import com.microsoft) may hold ops the onnx
    # checker does not know, even in the default domain (SimplifiedLayerNormalization):
    # onnxruntime, which computes the reference, is their judge.
    if not any(o.domain == "com.microsoft" for o in model.opset_import):
        onnx.checker.check_model(model, full_check=True)
    feeds = golden_inputs(case, model)
    results = run_reference(model, feeds)
    for out, value in zip(model.graph.output, results):
        if np.issubdtype(np.asarray(value).dtype, np.floating) and not np.all(np.isfinite(value)):
            raise SystemExit(f"{case}: output {out.name} is not finite")
    data = case / "test_data_set_0"
    if data.exists():
        shutil.rmtree(data)
    data.mkdir()
    for k, (name, value) in enumerate(feeds.items()):
        (data / f"input_{k}.pb").write_bytes(numpy_helper.from_array(value, name).SerializeToString())
    for k, (out, value) in enumerate(zip(model.graph.output, results)):
        (data / f"output_{k}.pb").write_bytes(numpy_helper.from_array(np.asarray(value), out.name).SerializeToString())
    ins = ", ".join(f"{n}{list(v.shape)}" for n, v in feeds.items())
    outs = ", ".join(f"{o.name}{list(np.shape(v))}" for o, v in zip(model.graph.output, results))
    print(f"wrote {data.relative_to(ROOT)} ({ins} -> {outs})")


def golden(only: list) -> None:
    cases = sorted(p for p in GOLDEN.iterdir() if p.is_dir())
    if only:
        cases = [c for c in cases if c.name in only]
        missing = set(only) - {c.name for c in cases}
        if missing:
            raise SystemExit(f"no such case(s) under tests/in: {', '.join(sorted(missing))}")
    for case in cases:
        golden_case(case)


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


def detector_dynamic() -> None:
    """A small single-shot detector exported with a dynamic batch, height and width (as OCR
    and detection exporters write them): an explicit Pad, a strided, a depthwise (ReLU6), a
    dilated and a grouped convolution (SiLU), MaxPool in ceil mode, AveragePool without the
    padding counted, a 2x nearest Upsample (Resize with scales) and a stride-2 ConvTranspose
    concatenated with the map they
    were pooled from (an FPN merge: the sizes agree only for some images, as in YOLO-style
    necks, so the data sets' sizes are chosen for it), three 1x1 heads flattened
    with Reshape(0, 6, -1) and concatenated over all positions of all scales, and pooled
    features. A 32-channel 3x3 convolution on the pooled map takes the Winograd path at the
    bound, so smaller images run it with the bound's tile. Every spatial size follows from
    height and width; the dilated convolution
    shrinks its input by 2, so images under 5 rows or columns are too small."""
    name = "detector_dynamic"
    g = rng_for(name)
    inits = {
        "pads": np.array([0, 0, 1, 1, 0, 0, 1, 1], np.int64),
        "w1": normal(g, [8, 3, 3, 3], 0.3), "b1": normal(g, [8], 0.1),
        "wd": normal(g, [8, 1, 3, 3], 0.4), "bd": normal(g, [8], 0.1),
        "lo": np.array(0.0, np.float32), "hi": np.array(6.0, np.float32),
        "w2": normal(g, [32, 8, 3, 3], 0.2), "b2": normal(g, [32], 0.1),
        "w3": normal(g, [16, 8, 3, 3], 0.2), "b3": normal(g, [16], 0.1),
        "roi": np.array([], np.float32), "scales": np.array([1, 1, 2, 2], np.float32),
        "hw1": normal(g, [6, 32, 1, 1], 0.2), "hb1": normal(g, [6], 0.1),
        "hw2": normal(g, [6, 16, 1, 1], 0.3), "hb2": normal(g, [6], 0.1),
        "hw3": normal(g, [6, 56, 1, 1], 0.2), "hb3": normal(g, [6], 0.1),
        "wt": normal(g, [16, 8, 2, 2], 0.3), "bt": normal(g, [8], 0.1),
        "w4": normal(g, [32, 32, 3, 3], 0.1), "b4": normal(g, [32], 0.1),
        "head_shape": np.array([0, 6, -1], np.int64),
    }
    nodes = [
        node("Pad", ["image", "pads"], ["padded"]),
        node("Conv", ["padded", "w1", "b1"], ["c1"], kernel_shape=[3, 3], strides=[2, 2]),
        node("Relu", ["c1"], ["r1"]),
        node("Conv", ["r1", "wd", "bd"], ["cd"], kernel_shape=[3, 3], pads=[1, 1, 1, 1], group=8),
        node("Clip", ["cd", "lo", "hi"], ["rd"]),
        node("Conv", ["rd", "w2", "b2"], ["c2"], kernel_shape=[3, 3], pads=[1, 1, 1, 1], dilations=[2, 2]),
        node("Relu", ["c2"], ["r2"]),
        node("MaxPool", ["r2"], ["f1"], kernel_shape=[2, 2], strides=[2, 2], ceil_mode=1),
        node("Conv", ["f1", "w3", "b3"], ["c3"], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1], group=4),
        node("Sigmoid", ["c3"], ["s3"]),
        node("Mul", ["c3", "s3"], ["f2"]),
        node("AveragePool", ["f2"], ["f2_avg"], kernel_shape=[3, 3], pads=[1, 1, 1, 1], count_include_pad=0),
        node("Resize", ["f2_avg", "roi", "scales"], ["up"], mode="nearest", coordinate_transformation_mode="asymmetric", nearest_mode="floor"),
        node("Conv", ["f1", "w4", "b4"], ["c4"], kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        node("Relu", ["c4"], ["f1b"]),
        node("Conv", ["f1b", "hw1", "hb1"], ["h1"], kernel_shape=[1, 1]),
        node("Conv", ["f2", "hw2", "hb2"], ["h2"], kernel_shape=[1, 1]),
        node("ConvTranspose", ["f2", "wt", "bt"], ["deconv"], kernel_shape=[2, 2], strides=[2, 2]),
        node("Concat", ["up", "deconv", "f1"], ["merged"], axis=1),
        node("Conv", ["merged", "hw3", "hb3"], ["h3"], kernel_shape=[1, 1]),
        node("Reshape", ["h1", "head_shape"], ["flat1"]),
        node("Reshape", ["h2", "head_shape"], ["flat2"]),
        node("Reshape", ["h3", "head_shape"], ["flat3"]),
        node("Concat", ["flat1", "flat2", "flat3"], ["all"], axis=2),
        node("Transpose", ["all"], ["boxes"], perm=[0, 2, 1]),
        node("GlobalAveragePool", ["f2"], ["pooled"]),
        node("Flatten", ["pooled"], ["features"]),
    ]
    model = make_model(
        name,
        nodes,
        [("image", F32, ["batch", 3, "height", "width"])],
        [("boxes", F32, ["batch", "anchors", 6]), ("features", F32, ["batch", 16])],
        inits,
    )
    onnx.checker.check_model(model, full_check=True)
    sizes = ((1, 36, 52), (2, 51, 44), (1, 68, 36))
    write_symbolic(name, model, [{"image": normal(g, [b, 3, h, w])} for b, h, w in sizes])


def rnn_dynamic() -> None:
    """Recurrences over a symbolic sequence and batch (a CRNN's LSTM over an image's width, a
    tagger's over its sentence): a bidirectional LSTM with all three outputs, then a GRU
    (PyTorch's linear_before_reset) over its output."""
    name = "rnn_dynamic"
    g = rng_for(name)
    hidden, gh = 16, 12
    inits = {
        "w": normal(g, [2, 4 * hidden, 8], 0.3), "r": normal(g, [2, 4 * hidden, hidden], 0.3),
        "b": normal(g, [2, 8 * hidden], 0.1),
        "gw": normal(g, [1, 3 * gh, 2 * hidden], 0.3), "gr": normal(g, [1, 3 * gh, gh], 0.3),
        "gb": normal(g, [1, 6 * gh], 0.1), "flat": np.array([0, 0, -1], np.int64),
    }
    nodes = [
        node("LSTM", ["x", "w", "r", "b"], ["y", "y_h", "y_c"], hidden_size=hidden, direction="bidirectional"),
        node("Transpose", ["y"], ["y_t"], perm=[0, 2, 1, 3]),
        node("Reshape", ["y_t", "flat"], ["y_flat"]),
        node("GRU", ["y_flat", "gw", "gr", "gb"], ["g_y", "g_h"], hidden_size=gh, linear_before_reset=1),
    ]
    model = make_model(
        name,
        nodes,
        [("x", F32, ["sequence", "batch", 8])],
        [("g_y", F32, ["sequence", 1, "batch", gh]), ("y_h", F32, [2, "batch", hidden]),
         ("y_c", F32, [2, "batch", hidden]), ("g_h", F32, [1, "batch", gh])],
        inits,
    )
    onnx.checker.check_model(model, full_check=True)
    write_symbolic(name, model, [{"x": normal(g, [s, b, 8])} for s, b in ((3, 1), (7, 2))])


def kv_repeat_dynamic() -> None:
    """A KV cache's shape plumbing with a symbolic batch and past length: kv heads repeated by
    Tile (as exporters write repeat_kv) and a Split of the head axis, then a product so
    every output depends on the data."""
    name = "kv_repeat_dynamic"
    g = rng_for(name)
    inits = {"repeats": np.array([1, 2, 1, 1], np.int64), "split": np.array([1, 3], np.int64)}
    nodes = [
        node("Tile", ["past", "repeats"], ["repeated"]),
        node("Split", ["repeated", "split"], ["rotary_part", "rest"], axis=3),
        node("Mul", ["rest", "rotary_part"], ["scaled"]),
    ]
    shape = ["batch", 2, "past_sequence", 4]
    out = lambda width: ("batch", 4, "past_sequence", width)  # noqa: E731
    model = make_model(
        name,
        nodes,
        [("past", F32, shape)],
        [("repeated", F32, list(out(4))), ("scaled", F32, list(out(3)))],
        inits,
    )
    onnx.checker.check_model(model, full_check=True)
    write_symbolic(name, model, [{"past": normal(g, [b, 2, p, 4])} for b, p in ((1, 3), (2, 7))])


def causal_rows_dynamic() -> None:
    """GPT-2's causal mask under a KV cache: `bias[:, :, past : past + seq, : past + seq]` of a
    constant lower-triangular table, its start and ends computed from the inputs' shapes (a
    symbolic start), times a row of the input so the result also depends on data."""
    name = "causal_rows_dynamic"
    g = rng_for(name)
    table = np.tril(np.ones((16, 16), np.float32)).reshape(1, 1, 16, 16)
    inits = {
        "table": table,
        "two": np.array([2], np.int64),
        "one": np.array([1], np.int64),
        "axis2": np.array([2], np.int64),
        "axis3": np.array([3], np.int64),
        "zero": np.array([0], np.int64),
    }
    nodes = [
        node("Shape", ["past"], ["past_shape"]),
        node("Gather", ["past_shape", "two"], ["past_len"], axis=0),
        node("Shape", ["x"], ["x_shape"]),
        node("Gather", ["x_shape", "one"], ["seq_len"], axis=0),
        node("Add", ["past_len", "seq_len"], ["total_len"]),
        node("Slice", ["table", "past_len", "total_len", "axis2"], ["rows"]),
        node("Slice", ["rows", "zero", "total_len", "axis3"], ["mask"]),
        node("ReduceSum", ["x", "axis2"], ["x_sum"], keepdims=1),
        node("Mul", ["mask", "x_sum"], ["weighted"]),
    ]
    model = make_model(
        name,
        nodes,
        [("x", F32, ["batch", "sequence", 1]), ("past", F32, ["batch", 2, "past_sequence", 4])],
        [("mask", F32, [1, 1, "sequence", "total"]), ("weighted", F32, [1, "batch", "sequence", "total"])],
        inits,
    )
    onnx.checker.check_model(model, full_check=True)
    feeds = [
        {"x": normal(g, [b, s, 1]), "past": normal(g, [b, 2, p, 4])} for b, s, p in ((1, 4, 3), (2, 1, 9))
    ]
    write_symbolic(name, model, feeds)


def decoders_kv_cache() -> None:
    """Decoders exported with a KV cache (scripts/ort_tool_transformers.py's float GPT-2 and
    LLaMA-style models, in the Hugging Face exporters' patterns): a symbolic batch, sequence,
    past length and total length, at a prompt-like and a decoding-like size, and a first step
    whose cache is still empty (past length 0)."""
    import ort_tool_transformers as transformers  # noqa: PLC0415 (only these cases need it)

    # 64 positions (the ORT-tool cases keep 16): room for a prompt and the 32 tokens
    # examples/generate generates.
    saved = (transformers.GPT2["n_positions"], transformers.LLAMA["max_pos"])
    transformers.GPT2["n_positions"] = transformers.LLAMA["max_pos"] = 64
    try:
        models = (
            ("gpt2_kv_cache", transformers.gpt2_decoder(0, past=True)[0]),
            ("llama_kv_cache", transformers.llama_decoder(0, False)[0]),
        )
    finally:
        transformers.GPT2["n_positions"], transformers.LLAMA["max_pos"] = saved
    for name, float_model in models:
        g = rng_for(name)
        feeds = []
        for batch, seq, past in ((2, 4, 3), (1, 1, 9), (1, 5, 0)):
            sizes = {"batch": batch, "sequence": seq, "past_sequence": past, "total_sequence": past + seq}
            feed = {}
            for i in float_model.graph.input:
                shape = [d.dim_value or sizes[d.dim_param] for d in i.type.tensor_type.shape.dim]
                dtype = helper.tensor_dtype_to_np_dtype(i.type.tensor_type.elem_type)
                if i.name == "input_ids":
                    feed[i.name] = g.integers(0, 50, shape).astype(dtype)
                elif i.name == "position_ids":
                    feed[i.name] = np.broadcast_to(np.arange(past, past + seq), shape).astype(dtype).copy()
                elif i.name == "attention_mask":
                    feed[i.name] = np.ones(shape, dtype)
                else:
                    feed[i.name] = normal(g, shape)
            feeds.append(feed)
        write_symbolic(name, float_model, feeds)


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
    if len(sys.argv) > 1:
        golden(sys.argv[1:])
        return 0
    golden([])
    mnist_cnn()
    bert_dynamic()
    cnn_dynamic()
    detector_dynamic()
    rnn_dynamic()
    kv_repeat_dynamic()
    causal_rows_dynamic()
    decoders_kv_cache()
    fixtures()
    return 0


if __name__ == "__main__":
    sys.exit(main())
