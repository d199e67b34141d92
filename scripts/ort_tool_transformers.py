#!/usr/bin/env python3
"""Tiny transformer models in the exact op patterns that ONNX Runtime's transformer optimizer
(onnxruntime.transformers.optimizer.optimize_model) fuses into com.microsoft ops.

Each builder takes a seed and returns (float_model, fused_model), both onnx.ModelProto: the float
model is written with onnx.helper and seeded numpy weights in the shape a PyTorch export of the
Hugging Face model has (producer_name "pytorch", opset 17, IR 8, symbolic batch and sequence
dims); the fused model is what optimize_model makes of it. Everything is seeded and the
optimizer is deterministic, so the same seed gives the same bytes.

    bert_encoder(seed, mask_format, attention_op)  EmbedLayerNormalization, Attention or
                                                   MultiHeadAttention, SkipLayerNormalization,
                                                   BiasGelu
    gpt2_decoder(seed, past)                       EmbedLayerNormalization, Attention
                                                   (unidirectional, with past/present or not),
                                                   SkipLayerNormalization, FastGelu
    llama_decoder(seed, gqa)                       RotaryEmbedding + MultiHeadAttention (with
                                                   past/present and attention_bias), or
                                                   GroupQueryAttention (do_rotary) after ORT's
                                                   replace_mha_with_gqa; SkipLayerNormalization

All of them run the optimizer with opt_level=0 (its Python fusions only): opt_level >= 1 first
runs optimize_by_onnxruntime, which imports torch, so it fails without torch installed.

Run directly to build each model, check the fused model against the float one in onnxruntime
(CPUExecutionProvider, one thread), and print the fused model's ops and every com.microsoft
node with its attributes and its inputs' and outputs' shapes:

    $(bash scripts/venv.sh) scripts/ort_tool_transformers.py
"""

import contextlib
import io
import logging
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

F32 = TensorProto.FLOAT
I64 = TensorProto.INT64
BOOL = TensorProto.BOOL
OPSET = 17
INT64_MAX = np.iinfo(np.int64).max


def scalar(v, dtype=np.float32) -> np.ndarray:
    return np.array(v, dtype=dtype)


def ints(*v) -> np.ndarray:
    return np.array(v, dtype=np.int64)


class Graph:
    """Collects nodes and initializers under readable names (a constant's name says its value,
    so one name is one value however often it is added)."""

    def __init__(self, rng: np.random.Generator):
        self.rng = rng
        self.nodes: list[onnx.NodeProto] = []
        self.weights: dict[str, np.ndarray] = {}

    def op(self, op_type: str, inputs, out: str, **attrs) -> str:
        self.nodes.append(helper.make_node(op_type, list(inputs), [out], name=f"{op_type}_{out}", **attrs))
        return out

    def const(self, name: str, value) -> str:
        self.weights[name] = np.asarray(value)
        return name

    def weight(self, name: str, shape, scale: float) -> str:
        return self.const(name, (self.rng.standard_normal(shape) * scale).astype(np.float32))

    def dim(self, x: str, index: int, name: str) -> str:
        """x.size(index) as torch.onnx writes it: Gather(Shape(x), index), a 0-d int64."""
        shape = self.op("Shape", [x], f"{name}.shape")
        return self.op("Gather", [shape, self.const(f"index_{index}", scalar(index, np.int64))], name, axis=0)

    def unsqueeze(self, x: str, axis: int, name: str) -> str:
        return self.op("Unsqueeze", [x, self.const(f"axes_{axis}", ints(axis))], name)

    def linear(self, x: str, name: str, n_in: int, n_out: int) -> str:
        """torch.nn.Linear as torch.onnx exports it for a 3-D input: MatMul by W^T, then Add bias."""
        w = self.weight(f"{name}.weight_t", (n_in, n_out), 1.0 / np.sqrt(n_in))
        b = self.weight(f"{name}.bias", (n_out,), 0.1)
        return self.op("Add", [self.op("MatMul", [x, w], f"{name}.matmul"), b], f"{name}.out")

    def layer_norm(self, x: str, name: str, hidden: int, eps: float) -> str:
        g = self.const(f"{name}.weight", (1.0 + 0.1 * self.rng.standard_normal(hidden)).astype(np.float32))
        b = self.weight(f"{name}.bias", (hidden,), 0.1)
        return self.op("LayerNormalization", [x, g, b], f"{name}.out", axis=-1, epsilon=eps)

    def model(self, name: str, inputs, outputs) -> onnx.ModelProto:
        graph = helper.make_graph(
            self.nodes,
            name,
            [helper.make_tensor_value_info(n, t, s) for n, t, s in inputs],
            [helper.make_tensor_value_info(n, t, s) for n, t, s in outputs],
            initializer=[numpy_helper.from_array(v, k) for k, v in self.weights.items()],
        )
        m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], ir_version=8)
        m.producer_name = "pytorch"  # what optimize_model expects of every model type used here
        onnx.checker.check_model(m, full_check=True)
        return m


def quiet(fn, *args, **kwargs):
    """fn(*args, **kwargs) with its stdout and its log records up to WARNING dropped (the
    optimizer and its symbolic shape inference print and log notes such as "Cannot determine
    if -sequence + total_sequence < 0" or "failed in shape inference")."""
    logging.disable(logging.WARNING)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return fn(*args, **kwargs)
    finally:
        logging.disable(logging.NOTSET)


def optimizer_model(model: onnx.ModelProto, **kwargs):
    """optimize_model(path, **kwargs) (the optimizer object) on the model, saved in a scratch
    folder first as the command-line tool has it."""
    from onnxruntime.transformers import optimizer  # noqa: PLC0415 (slow import)

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "float.onnx"
        onnx.save(model, src)
        return quiet(optimizer.optimize_model, str(src), **kwargs)


def proto(opt) -> onnx.ModelProto:
    fused = onnx.ModelProto()
    fused.CopyFrom(opt.model)
    return fused


# --------------------------------------------------------------------------------------------
# BERT
# --------------------------------------------------------------------------------------------

BERT = dict(vocab=50, hidden=32, heads=4, ffn=64, max_pos=16, type_vocab=2, layers=2, batch=2, seq=8)
BERT_OPTIMIZE = dict(model_type="bert", num_heads=4, hidden_size=32, opt_level=0)


def bert_self_attention(g: Graph, x: str, ext_mask: str, name: str, hidden: int, heads: int) -> str:
    """HF BertSelfAttention + BertSelfOutput's dense, the pattern FusionAttention matches:
    q/k/v = Linear -> Reshape [0, 0, heads, head_size] -> Transpose (k straight to 0,2,3,1),
    MatMul, Div by sqrt(head_size), Add of the extended mask, Softmax, MatMul, Transpose,
    Reshape [0, 0, hidden], Linear."""
    hs = hidden // heads
    split = g.const(f"{name}.split_shape", ints(0, 0, heads, hs))

    def heads_of(proj: str, perm) -> str:
        t = g.linear(x, f"{name}.{proj}", hidden, hidden)
        r = g.op("Reshape", [t, split], f"{name}.{proj}.heads")
        return g.op("Transpose", [r], f"{name}.{proj}.transposed", perm=perm)

    q = heads_of("query", [0, 2, 1, 3])
    k = heads_of("key", [0, 2, 3, 1])  # k^T directly: torch.onnx folds the two transposes
    v = heads_of("value", [0, 2, 1, 3])
    scores = g.op("MatMul", [q, k], f"{name}.scores")
    scaled = g.op("Div", [scores, g.const(f"{name}.sqrt_head_size", scalar(np.sqrt(hs)))], f"{name}.scaled")
    masked = g.op("Add", [scaled, ext_mask], f"{name}.masked")
    probs = g.op("Softmax", [masked], f"{name}.probs", axis=-1)
    ctx = g.op("MatMul", [probs, v], f"{name}.context")
    ctx_t = g.op("Transpose", [ctx], f"{name}.context.transposed", perm=[0, 2, 1, 3])
    merge = g.const(f"{name}.merge_shape", ints(0, 0, hidden))
    merged = g.op("Reshape", [ctx_t, merge], f"{name}.context.merged")
    return g.linear(merged, f"{name}.output.dense", hidden, hidden)


def gelu_erf(g: Graph, x: str, name: str) -> str:
    """torch's exact gelu as opset < 20 exports it: x * 0.5 * (1 + erf(x / sqrt(2)))."""
    d = g.op("Div", [x, g.const("sqrt2", scalar(np.sqrt(2.0)))], f"{name}.div")
    e = g.op("Erf", [d], f"{name}.erf")
    a = g.op("Add", [e, g.const("one_f", scalar(1.0))], f"{name}.add")
    h = g.op("Mul", [x, g.const("half", scalar(0.5))], f"{name}.half")
    return g.op("Mul", [h, a], f"{name}.out")


def bert_float(seed: int) -> onnx.ModelProto:
    c = BERT
    g = Graph(np.random.default_rng(seed))
    hidden, eps = c["hidden"], 1e-12
    # BertEmbeddings: word + token_type, then + position, position_ids = buffer[:, :seq]
    word = g.op("Gather", [g.weight("embeddings.word", (c["vocab"], hidden), 0.5), "input_ids"], "emb.word")
    types = g.weight("embeddings.token_type", (c["type_vocab"], hidden), 0.5)
    ws = g.op("Add", [word, g.op("Gather", [types, "token_type_ids"], "emb.type")], "emb.word_type")
    seq_1d = g.unsqueeze(g.dim("input_ids", 1, "emb.seq_len"), 0, "emb.seq_len_1d")
    buffer = g.const("embeddings.position_ids", np.arange(c["max_pos"], dtype=np.int64)[None, :])
    starts, axes, steps = g.const("starts_0", ints(0)), g.const("axes_1", ints(1)), g.const("steps_1", ints(1))
    pos_ids = g.op("Slice", [buffer, starts, seq_1d, axes, steps], "emb.position_ids")
    pos = g.op("Gather", [g.weight("embeddings.position", (c["max_pos"], hidden), 0.5), pos_ids], "emb.position")
    x = g.layer_norm(g.op("Add", [ws, pos], "emb.sum"), "embeddings.LayerNorm", hidden, eps)

    # get_extended_attention_mask: (1 - mask[:, None, None, :].float()) * -10000
    u = g.unsqueeze(g.unsqueeze("attention_mask", 1, "mask.unsqueeze1"), 2, "mask.unsqueeze2")
    inverted = g.op("Sub", [g.const("one_f", scalar(1.0)), g.op("Cast", [u], "mask.float", to=F32)], "mask.inverted")
    ext_mask = g.op("Mul", [inverted, g.const("mask_filter", scalar(-10000.0))], "mask.extended")

    for i in range(c["layers"]):
        p = f"layer{i}"
        attn = bert_self_attention(g, x, ext_mask, f"{p}.attention", hidden, c["heads"])
        x = g.layer_norm(g.op("Add", [attn, x], f"{p}.attention.residual"), f"{p}.attention.LayerNorm", hidden, eps)
        inter = gelu_erf(g, g.linear(x, f"{p}.intermediate", hidden, c["ffn"]), f"{p}.gelu")
        out = g.linear(inter, f"{p}.output.dense", c["ffn"], hidden)
        x = g.layer_norm(g.op("Add", [out, x], f"{p}.output.residual"), f"{p}.output.LayerNorm", hidden, eps)
    g.op("Identity", [x], "last_hidden_state")

    dims = ["batch", "sequence"]
    inputs = [(n, I64, dims) for n in ("input_ids", "token_type_ids", "attention_mask")]
    return g.model("tiny_bert", inputs, [("last_hidden_state", F32, dims + [hidden])])


def bert_options(mask_format: str = "mask_index", attention_op: str = "Attention"):
    """FusionOptions("bert"), or None for the defaults: mask_format "mask_index" (the default,
    AttentionMaskFormat.MaskIndexEnd) or "raw" (use_raw_attention_mask(True)); attention_op
    "Attention" (the default) or "MultiHeadAttention" (use_multi_head_attention = True)."""
    if (mask_format, attention_op) == ("mask_index", "Attention"):
        return None
    from onnxruntime.transformers.fusion_options import FusionOptions  # noqa: PLC0415

    options = FusionOptions("bert")
    options.use_raw_attention_mask({"mask_index": False, "raw": True}[mask_format])
    options.use_multi_head_attention = {"Attention": False, "MultiHeadAttention": True}[attention_op]
    return options


def bert_encoder(seed: int = 0, mask_format: str = "mask_index", attention_op: str = "Attention"):
    """A 2-layer BERT encoder (vocab 50, hidden 32, 4 heads, FFN 64, 16 positions, 2 token
    types, LayerNorm eps 1e-12, erf gelu). Inputs input_ids, token_type_ids, attention_mask
    int64 [batch, sequence]; output last_hidden_state float [batch, sequence, 32]. Checked at
    batch 2, sequence 8 (bert_inputs).

    optimize_model(model_type="bert", num_heads=4, hidden_size=32, opt_level=0,
    optimization_options=bert_options(mask_format, attention_op)) makes of it:
    com.microsoft EmbedLayerNormalization x1 (epsilon; input_ids and token_type_ids cast to
    int32, word [50, 32], position [16, 32] and segment [2, 32] tables, gamma, beta; outputs
    [batch, seq, 32] and mask_index [batch] int32), com.microsoft SkipLayerNormalization x4
    (epsilon; input = the dense MatMul, skip = the residual, gamma, beta, bias = the dense bias),
    com.microsoft BiasGelu x2 (the intermediate MatMul, its bias), Cast x3 (the three inputs to
    int32) and Identity x1 (the graph output), and, by variant:
    - defaults ("mask_index", "Attention"): com.microsoft Attention x2 (num_heads=4; input,
      packed qkv weight [32, 96] = [Wq | Wk | Wv], bias [96], mask_index [batch] int32 =
      EmbedLayerNormalization's output 1, which takes the int32 attention_mask as input 7) and
      MatMul x6. mask_index is each row's count of ones, so the fused model matches the float
      one only for right-padded (prefix) masks.
    - ("raw", "Attention"): Attention x2 with the int32 2-D mask [batch, seq] as input 3;
      EmbedLayerNormalization has no mask input. Any 0/1 mask. MatMul x6.
    - (*, "MultiHeadAttention"): com.microsoft MultiHeadAttention x2 (num_heads=4; query, key,
      value = the unbiased projection MatMuls [batch, seq, 32], packed bias [96] = [bq | bk |
      bv], key_padding_mask = mask_index [batch] ("mask_index") or the int32 2-D mask ("raw"))
      and MatMul x12.
    """
    float_model = bert_float(seed)
    options = bert_options(mask_format, attention_op)
    return float_model, proto(optimizer_model(float_model, optimization_options=options, **BERT_OPTIMIZE))


def bert_inputs(seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed + 1000)
    b, s = BERT["batch"], BERT["seq"]
    lengths = np.array([s, s - 3])  # the second row right-padded: mask_index = row length
    return {
        "input_ids": rng.integers(0, BERT["vocab"], (b, s)).astype(np.int64),
        "token_type_ids": (np.arange(s)[None, :] >= s // 2).astype(np.int64).repeat(b, 0),
        "attention_mask": (np.arange(s)[None, :] < lengths[:, None]).astype(np.int64),
    }


# --------------------------------------------------------------------------------------------
# GPT-2
# --------------------------------------------------------------------------------------------

GPT2 = dict(vocab=50, hidden=32, heads=4, ffn=128, n_positions=16, layers=2, batch=2, seq=4, past=3)
GPT2_OPTIMIZE = dict(model_type="gpt2", num_heads=4, hidden_size=32, opt_level=0)


def view_shape(g: Graph, x: str, last: int, name: str) -> str:
    """Concat(Shape(x)[:2], [last]): the [batch, sequence, last] of a .view(...)."""
    shape = g.op("Shape", [x], f"{name}.shape")
    bs = g.op("Slice", [shape, g.const("starts_0", ints(0)), g.const("ends_2", ints(2))], f"{name}.bs")
    return g.op("Concat", [bs, g.const(f"last_{last}", ints(last))], f"{name}.view_shape", axis=0)


def conv1d(g: Graph, x: str, name: str, n_in: int, n_out: int, out_shape: str) -> str:
    """GPT-2's Conv1D: x.view(-1, n_in) -> addmm (Gemm) -> .view(batch, seq, n_out)."""
    flat = g.op("Reshape", [x, g.const(f"flat_{n_in}", ints(-1, n_in))], f"{name}.flat")
    w = g.weight(f"{name}.weight", (n_in, n_out), 1.0 / np.sqrt(n_in))
    b = g.weight(f"{name}.bias", (n_out,), 0.1)
    return g.op("Reshape", [g.op("Gemm", [flat, w, b], f"{name}.gemm"), out_shape], f"{name}.out")


def gelu_tanh(g: Graph, x: str, name: str) -> str:
    """GPT-2's gelu_new: 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x^3)))."""
    half = g.op("Mul", [g.const("half", scalar(0.5)), x], f"{name}.half")
    cube = g.op("Pow", [x, g.const("three", scalar(3.0))], f"{name}.cube")
    cube = g.op("Mul", [g.const("gelu_coeff", scalar(0.044715)), cube], f"{name}.cube_scaled")
    inner = g.op("Add", [x, cube], f"{name}.inner")
    scaled = g.op("Mul", [g.const("sqrt_2_over_pi", scalar(np.sqrt(2.0 / np.pi))), inner], f"{name}.scaled")
    t = g.op("Tanh", [scaled], f"{name}.tanh")
    return g.op("Mul", [half, g.op("Add", [g.const("one_f", scalar(1.0)), t], f"{name}.one_plus")], f"{name}.out")


def size_from_end(g: Graph, x: str, axis: int, name: str) -> str:
    """x.size(axis), axis < 0, as torch.onnx 1.x wrote it: Squeeze(Slice(Shape(x), axis, axis + 1))."""
    if axis < -1:
        ends = g.const(f"ends_m{-axis - 1}", ints(axis + 1))
    else:
        ends = g.const("ends_max", ints(INT64_MAX))
    shape = g.op("Shape", [x], f"{name}.shape")
    starts = g.const(f"starts_m{-axis}", ints(axis))
    sl = g.op("Slice", [shape, starts, ends, g.const("axes_0", ints(0))], f"{name}.slice")
    return g.op("Squeeze", [sl, g.const("axes_0", ints(0))], f"{name}.value")


def gpt2_attention(g: Graph, x: str, past: str | None, present: str | None, ext_mask: str | None, name: str) -> str:
    """GPT2Attention (eager) with its c_attn and c_proj, in the patterns the gpt2 fusions match.

    With past (FusionGptAttention, transformers 4.x through ORT's gpt2 exporter): past is one
    stacked [2, batch, heads, past, head_size] input per layer, key/value = Concat(past[0|1],
    new) on axis -2, present = stack(key, value) (Unsqueeze + Concat), the causal mask is
    bias[:, :, kl - ql : kl, :kl] of the uint8 `bias` buffer (kl = key.size(-2)) cast to bool,
    then Where(mask, scores / sqrt(d), -10000) and Add of the extended input mask.
    Without past (FusionGptAttentionNoPast, transformers 2.x-3.x): k is transposed straight to
    [batch, heads, head_size, seq] (perm 0,2,3,1), the causal slice lengths come from the scaled
    scores' shape (nd, ns = w.size(-2), w.size(-1)), and there is no input mask."""
    hidden, heads = GPT2["hidden"], GPT2["heads"]
    hs = hidden // heads
    qkv = conv1d(g, x, f"{name}.c_attn", hidden, 3 * hidden, view_shape(g, x, 3 * hidden, f"{name}.qkv"))
    q, k, v = (f"{name}.{t}" for t in "qkv")
    split_sizes = g.const("split_qkv", ints(hidden, hidden, hidden))
    g.nodes.append(helper.make_node("Split", [qkv, split_sizes], [q, k, v], name=f"Split_{name}", axis=2))
    split = g.const("split_heads", ints(0, 0, heads, hs))

    def heads_of(t, perm=(0, 2, 1, 3)):
        return g.op("Transpose", [g.op("Reshape", [t, split], f"{t}.heads")], f"{t}.transposed", perm=list(perm))

    qh = heads_of(q)
    if past is not None:
        kh, vh = heads_of(k), heads_of(v)
        past_k = g.op("Gather", [past, g.const("index_0", scalar(0, np.int64))], f"{name}.past_key", axis=0)
        past_v = g.op("Gather", [past, g.const("index_1", scalar(1, np.int64))], f"{name}.past_value", axis=0)
        key = g.op("Concat", [past_k, kh], f"{name}.key", axis=-2)
        value = g.op("Concat", [past_v, vh], f"{name}.value", axis=-2)
        g.op("Concat", [g.unsqueeze(t, 0, f"{t}.stacked") for t in (key, value)], present, axis=0)
        key_t = g.op("Transpose", [key], f"{name}.key.t", perm=[0, 1, 3, 2])
    else:
        key_t, value = heads_of(k, (0, 2, 3, 1)), heads_of(v)
    scores = g.op("MatMul", [qh, key_t], f"{name}.scores")
    scaled = g.op("Div", [scores, g.const("sqrt_head_size", scalar(np.sqrt(hs)))], f"{name}.scaled")
    # causal_mask = bias[:, :, kl - ql : kl, :kl]
    if past is not None:
        key_len = size_from_end(g, key, -2, f"{name}.key_length")
        query_len = size_from_end(g, qh, -2, f"{name}.query_length")
    else:
        key_len = size_from_end(g, scaled, -1, f"{name}.ns")
        query_len = size_from_end(g, scaled, -2, f"{name}.nd")
    start = g.unsqueeze(g.op("Sub", [key_len, query_len], f"{name}.past_length"), 0, f"{name}.rows_start")
    end = g.unsqueeze(key_len, 0, f"{name}.rows_end")
    bias = g.const("causal_bias", np.tril(np.ones((GPT2["n_positions"],) * 2, np.uint8))[None, None])
    rows = g.op("Slice", [bias, start, end, g.const("axes_2", ints(2))], f"{name}.causal_rows")
    cols = g.op("Slice", [rows, g.const("starts_0", ints(0)), end, g.const("axes_3", ints(3))], f"{name}.causal_cols")
    causal = g.op("Cast", [cols], f"{name}.causal", to=BOOL)
    masked = g.op("Where", [causal, scaled, g.const("masked_bias", scalar(-10000.0))], f"{name}.causal_masked")
    if ext_mask is not None:
        masked = g.op("Add", [masked, ext_mask], f"{name}.masked")
    probs = g.op("Softmax", [masked], f"{name}.probs", axis=-1)
    ctx = g.op("MatMul", [probs, value], f"{name}.context")
    ctx_t = g.op("Transpose", [ctx], f"{name}.context.transposed", perm=[0, 2, 1, 3])
    merged = g.op("Reshape", [ctx_t, g.const("merge_heads", ints(0, 0, hidden))], f"{name}.context.merged")
    return conv1d(g, merged, f"{name}.c_proj", hidden, hidden, view_shape(g, x, hidden, f"{name}.out"))


def gpt2_float(seed: int, past: bool = True) -> onnx.ModelProto:
    c = GPT2
    g = Graph(np.random.default_rng(seed))
    hidden, layers, eps = c["hidden"], c["layers"], 1e-5
    wte = g.weight("wte", (c["vocab"], hidden), 0.5)
    if past:
        position_ids = "position_ids"
    else:  # position_ids = torch.arange(0, seq).unsqueeze(0)
        seq = g.dim("input_ids", 1, "emb.seq_len")
        zero, one = g.const("index_0", scalar(0, np.int64)), g.const("index_1", scalar(1, np.int64))
        positions = g.op("Range", [zero, seq, one], "emb.range")
        position_ids = g.unsqueeze(positions, 0, "emb.position_ids")
    wpe = g.weight("wpe", (c["n_positions"], hidden), 0.5)
    token = g.op("Gather", [wte, "input_ids"], "emb.token")
    h = g.op("Add", [token, g.op("Gather", [wpe, position_ids], "emb.position")], "emb.sum")
    ext_mask = None
    if past:
        # attention_mask.view(batch, -1)[:, None, None, :], then (1 - mask) * -10000 (a float mask)
        r = g.op("Reshape", ["attention_mask", g.const("batch_flat", ints(0, -1))], "mask.2d")
        u = g.unsqueeze(g.unsqueeze(r, 1, "mask.u1"), 2, "mask.u2")
        inverted = g.op("Sub", [g.const("one_f", scalar(1.0)), u], "mask.inverted")
        ext_mask = g.op("Mul", [inverted, g.const("mask_filter", scalar(-10000.0))], "mask.extended")
    for i in range(layers):
        p = f"h{i}"
        x = g.layer_norm(h, f"{p}.ln_1", hidden, eps)
        pi, po = (f"past_{i}", f"present_{i}") if past else (None, None)
        h = g.op("Add", [gpt2_attention(g, x, pi, po, ext_mask, f"{p}.attn"), h], f"{p}.attn.residual")
        x = g.layer_norm(h, f"{p}.ln_2", hidden, eps)
        fc = conv1d(g, x, f"{p}.mlp.c_fc", hidden, c["ffn"], view_shape(g, x, c["ffn"], f"{p}.mlp.fc"))
        act = gelu_tanh(g, fc, f"{p}.mlp.act")
        proj = conv1d(g, act, f"{p}.mlp.c_proj", c["ffn"], hidden, view_shape(g, x, hidden, f"{p}.mlp.proj"))
        h = g.op("Add", [proj, h], f"{p}.mlp.residual")
    x = g.layer_norm(h, "ln_f", hidden, eps)
    g.op("MatMul", [x, g.const("lm_head.weight_t", np.ascontiguousarray(g.weights[wte].T))], "logits")

    b, s, pl, t = "batch", "sequence", "past_sequence", "total_sequence"
    hs = hidden // c["heads"]
    inputs = [("input_ids", I64, [b, s])]
    outputs = [("logits", F32, [b, s, c["vocab"]])]
    if past:
        inputs += [("position_ids", I64, [b, s]), ("attention_mask", F32, [b, t])]
        inputs += [(f"past_{i}", F32, [2, b, c["heads"], pl, hs]) for i in range(layers)]
        outputs += [(f"present_{i}", F32, [2, b, c["heads"], t, hs]) for i in range(layers)]
    return g.model("tiny_gpt2" if past else "tiny_gpt2_no_past", inputs, outputs)


def gpt2_decoder(seed: int = 0, past: bool = True):
    """A 2-layer GPT-2 decoder (vocab 50, hidden 32, 4 heads, FFN 128, 16 positions, LayerNorm
    eps 1e-5, Conv1D as Reshape/Gemm/Reshape, gelu_new, lm_head tied to wte).
    past=True (default): inputs input_ids, position_ids int64 [batch, seq], attention_mask
    float [batch, past + seq], past_0, past_1 float [2, batch, 4, past, 8]; outputs logits
    [batch, seq, 50], present_0, present_1 [2, batch, 4, past + seq, 8]. Checked at batch 2,
    seq 4, past 3 with the second row left-padded by 2 (gpt2_inputs).
    past=False: input input_ids only (positions from Range), output logits only. Checked at
    batch 2, seq 7.

    optimize_model(model_type="gpt2", num_heads=4, hidden_size=32, opt_level=0) (default
    FusionOptions("gpt2")) makes of it:
    com.microsoft EmbedLayerNormalization x1 (epsilon; int32 input_ids, no segment, wte, wpe,
    no segment table, gamma, beta, no mask, int32 position_ids as input 8 ([batch, seq], or
    [1, seq] without past); outputs [batch, seq, 32], mask_index [batch] (unused), and the
    embedding sum [batch, seq, 32] feeding the first residual), com.microsoft Attention x2
    (num_heads=4, unidirectional=1; input, qkv weight [32, 96] (c_attn's own weight), bias
    [96]; with past also the int32-cast 2-D mask [batch, past + seq] and past [2, batch, 4,
    past, 8], with present [2, batch, 4, past + seq, 8] as output 1), com.microsoft
    SkipLayerNormalization x4 (input = the MatMul, skip = the residual, gamma, beta, bias;
    output 3 = the residual sum where a later residual reads it), com.microsoft FastGelu x2
    (the c_fc MatMul, its bias), MatMul x7 (c_proj after each Attention, c_fc, the MLP's
    c_proj, lm_head), and Cast x3 with past (input_ids, position_ids, attention_mask to int32)
    or Cast x2 + Shape, Gather, Range, Unsqueeze (the position ids) without.
    """
    float_model = gpt2_float(seed, past)
    return float_model, proto(optimizer_model(float_model, **GPT2_OPTIMIZE))


def gpt2_inputs(seed: int, past: bool = True) -> dict[str, np.ndarray]:
    c = GPT2
    rng = np.random.default_rng(seed + 2000)
    b, s, p = c["batch"], c["seq"], c["past"]
    if not past:
        return {"input_ids": rng.integers(0, c["vocab"], (b, s + p)).astype(np.int64)}
    mask = np.ones((b, p + s), np.float32)
    mask[1, :2] = 0  # the second row left-padded, as GPT-2 batches are
    feeds = {
        "input_ids": rng.integers(0, c["vocab"], (b, s)).astype(np.int64),
        "position_ids": (np.arange(s)[None, :] + p - np.array([[0], [2]])).clip(0).astype(np.int64),
        "attention_mask": mask,
    }
    for i in range(c["layers"]):
        feeds[f"past_{i}"] = rng.standard_normal((2, b, c["heads"], p, c["hidden"] // c["heads"])).astype(np.float32)
    return feeds


# --------------------------------------------------------------------------------------------
# LLaMA-style decoder: RotaryEmbedding + MultiHeadAttention, then GroupQueryAttention
# --------------------------------------------------------------------------------------------

# 2 heads of 16: GroupQueryAttention's rotary on CPU wants head_size % 16 == 0
LLAMA = dict(vocab=50, hidden=32, heads=2, ffn=64, max_pos=16, batch=2, seq=4, past=3)
LLAMA_OPTIMIZE = dict(model_type="gpt2", num_heads=2, hidden_size=32, opt_level=0)


def rope(g: Graph, x: str, cos: str, sin: str, name: str) -> str:
    """HF apply_rotary_pos_emb on x [batch, heads, seq, head_size] (a Transpose output):
    x * cos + rotate_half(x) * sin, rotate_half(x) = cat(-x[..., d // 2:], x[..., :d // 2])."""
    d = g.dim(x, 3, f"{name}.head_size")
    half = g.unsqueeze(g.op("Div", [d, g.const("two", scalar(2, np.int64))], f"{name}.half"), 0, f"{name}.half_1d")
    axes = g.const("axes_3", ints(3))
    x1 = g.op("Slice", [x, g.const("starts_0", ints(0)), half, axes], f"{name}.x1")
    x2 = g.op("Slice", [x, half, g.const("ends_max", ints(INT64_MAX)), axes], f"{name}.x2")
    rotated = g.op("Concat", [g.op("Neg", [x2], f"{name}.neg_x2"), x1], f"{name}.rotated", axis=-1)
    x_cos = g.op("Mul", [x, cos], f"{name}.x_cos")
    return g.op("Add", [x_cos, g.op("Mul", [rotated, sin], f"{name}.rot_sin")], f"{name}.out")


def llama_float(seed: int) -> onnx.ModelProto:
    c = LLAMA
    g = Graph(np.random.default_rng(seed))
    hidden, heads, m, eps = c["hidden"], c["heads"], c["max_pos"], 1e-6
    hs = hidden // heads
    x0 = g.op("Gather", [g.weight("embed_tokens", (c["vocab"], hidden), 0.5), "input_ids"], "embed")
    h = g.layer_norm(x0, "input_layernorm", hidden, eps)
    # the view shapes: Concat(Unsqueeze(Gather(Shape(h), 0|1)), ...), one Shape for all four Reshapes
    shape = g.op("Shape", [h], "attn.input_shape")
    batch = g.op("Gather", [shape, g.const("index_0", scalar(0, np.int64))], "attn.batch", axis=0)
    b = g.unsqueeze(batch, 0, "attn.batch_1d")
    seq = g.op("Gather", [shape, g.const("index_1", scalar(1, np.int64))], "attn.seq", axis=0)
    s = g.unsqueeze(seq, 0, "attn.seq_1d")
    heads_dims = [g.const("num_heads", ints(heads)), g.const("head_size", ints(hs))]
    heads_shape = g.op("Concat", [b, s, *heads_dims], "attn.heads_shape", axis=0)
    hidden_shape = g.op("Concat", [b, s, g.const("hidden", ints(hidden))], "attn.hidden_shape", axis=0)

    def proj(name):
        t = g.op("MatMul", [h, g.weight(f"{name}.weight_t", (hidden, hidden), 1.0 / np.sqrt(hidden))], f"{name}.out")
        t = g.op("Reshape", [t, heads_shape], f"{name}.heads")
        return g.op("Transpose", [t], f"{name}.transposed", perm=[0, 2, 1, 3])

    q, k, v = proj("q_proj"), proj("k_proj"), proj("v_proj")
    # LlamaRotaryEmbedding: cos_cached[:kv_seq_len] (Constant nodes [max_pos, head_size]), then
    # [position_ids].unsqueeze(1); kv_seq_len read from its own Shape, which the fusion removes
    inv_freq = 1.0 / (10000.0 ** (np.arange(0, hs, 2) / hs))
    freqs = np.outer(np.arange(m), inv_freq)
    emb = np.concatenate([freqs, freqs], -1)
    rotary_len = g.unsqueeze(g.dim("attention_mask", 1, "rotary.kv_seq_len"), 0, "rotary.kv_seq_len_1d")
    tables = {}
    for fn, f in (("cos", np.cos), ("sin", np.sin)):
        cached = numpy_helper.from_array(f(emb).astype(np.float32))
        g.nodes.append(helper.make_node("Constant", [], [f"{fn}_cached"], name=f"Constant_{fn}_cached", value=cached))
        starts, axes = g.const("starts_0", ints(0)), g.const("axes_0", ints(0))
        sliced = g.op("Slice", [f"{fn}_cached", starts, rotary_len, axes], f"rotary.{fn}")
        gathered = g.op("Gather", [sliced, "position_ids"], f"rotary.{fn}.positions", axis=0)
        tables[fn] = g.unsqueeze(gathered, 1, f"rotary.{fn}.unsqueezed")
    q = rope(g, q, tables["cos"], tables["sin"], "q_rope")
    k = rope(g, k, tables["cos"], tables["sin"], "k_rope")
    key = g.op("Concat", ["past_key", k], "present_key", axis=2)
    value = g.op("Concat", ["past_value", v], "present_value", axis=2)
    scores = g.op("MatMul", [q, g.op("Transpose", [key], "key.t", perm=[0, 1, 3, 2])], "scores")
    scaled = g.op("Div", [scores, g.const("sqrt_head_size", scalar(np.sqrt(hs)))], "scaled")
    # _prepare_4d_causal_attention_mask: the expanded padding mask (1 - mask, masked_fill'ed)
    # plus the causal mask, -10000 where masked
    kv_len = g.dim("attention_mask", 1, "kv_seq_len")
    kv_len_1d = g.unsqueeze(kv_len, 0, "kv_seq_len_1d")
    u = g.unsqueeze(g.unsqueeze("attention_mask", 1, "mask.u1"), 2, "mask.u2")
    shape4d = g.op("Concat", [b, g.const("one_1d", ints(1)), s, kv_len_1d], "mask.shape4d", axis=0)
    expanded = g.op("Cast", [g.op("Expand", [u, shape4d], "mask.expanded")], "mask.float", to=F32)
    inverted = g.op("Sub", [g.const("one_f", scalar(1.0)), expanded], "mask.inverted")
    is_pad = g.op("Cast", [inverted], "mask.is_pad", to=BOOL)
    padding = g.op("Where", [is_pad, g.const("mask_min", scalar(-10000.0)), inverted], "mask.padding")
    past_len = g.unsqueeze(g.op("Sub", [kv_len, seq], "past_len"), 0, "past_len_1d")
    table = g.const("causal_table", np.triu(np.full((m, m), -10000.0, np.float32), 1)[None, None])
    rows = g.op("Slice", [table, past_len, kv_len_1d, g.const("axes_2", ints(2))], "causal.rows")
    causal = g.op("Slice", [rows, g.const("starts_0", ints(0)), kv_len_1d, g.const("axes_3", ints(3))], "causal")
    mask4d = g.op("Add", [padding, causal], "mask.4d")
    probs = g.op("Softmax", [g.op("Add", [scaled, mask4d], "masked")], "probs", axis=-1)
    ctx = g.op("Transpose", [g.op("MatMul", [probs, value], "context")], "context.t", perm=[0, 2, 1, 3])
    merged = g.op("Reshape", [ctx, hidden_shape], "context.merged")
    o = g.op("MatMul", [merged, g.weight("o_proj.weight_t", (hidden, hidden), 1.0 / np.sqrt(hidden))], "o_proj.out")
    r = g.op("Add", [x0, o], "attn.residual")
    h2 = g.layer_norm(r, "post_attention_layernorm", hidden, eps)
    gate = g.op("MatMul", [h2, g.weight("gate_proj.weight_t", (hidden, c["ffn"]), 1.0 / np.sqrt(hidden))], "gate")
    up = g.op("MatMul", [h2, g.weight("up_proj.weight_t", (hidden, c["ffn"]), 1.0 / np.sqrt(hidden))], "up")
    silu = g.op("Mul", [gate, g.op("Sigmoid", [gate], "gate.sigmoid")], "gate.silu")
    down_w = g.weight("down_proj.weight_t", (c["ffn"], hidden), 1.0 / np.sqrt(c["ffn"]))
    down = g.op("MatMul", [g.op("Mul", [silu, up], "mlp.act"), down_w], "down")
    f = g.layer_norm(g.op("Add", [r, down], "mlp.residual"), "norm", hidden, eps)
    g.op("MatMul", [f, g.weight("lm_head.weight_t", (hidden, c["vocab"]), 1.0 / np.sqrt(hidden))], "logits")

    bt, st, pt, tt = "batch", "sequence", "past_sequence", "total_sequence"
    inputs = [("input_ids", I64, [bt, st]), ("attention_mask", I64, [bt, tt]), ("position_ids", I64, [bt, st])]
    inputs += [(n, F32, [bt, heads, pt, hs]) for n in ("past_key", "past_value")]
    outputs = [("logits", F32, [bt, st, c["vocab"]])]
    outputs += [(n, F32, [bt, heads, tt, hs]) for n in ("present_key", "present_value")]
    return g.model("tiny_llama", inputs, outputs)


def ort_replace_mha_with_gqa():
    """onnxruntime.transformers.convert_generation.replace_mha_with_gqa, the step the wheel's
    LLaMA/Phi converters run after the fusions. Its module imports torch and transformers at
    the top, so the function's own source is lifted out of the shipped file and run with the
    names it uses (onnx, np, TensorProto, NumpyHelper, OnnxModel)."""
    import ast  # noqa: PLC0415

    import onnxruntime.transformers as ort_transformers  # noqa: PLC0415
    from onnxruntime.transformers.fusion_utils import NumpyHelper  # noqa: PLC0415
    from onnxruntime.transformers.onnx_model import OnnxModel  # noqa: PLC0415

    path = Path(ort_transformers.__path__[0]) / "convert_generation.py"
    tree = ast.parse(path.read_text())
    fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "replace_mha_with_gqa")
    scope = {"onnx": onnx, "np": np, "TensorProto": TensorProto, "NumpyHelper": NumpyHelper, "OnnxModel": OnnxModel}
    exec(compile(ast.Module(body=[fn], type_ignores=[]), str(path), "exec"), scope)  # noqa: S102
    return scope["replace_mha_with_gqa"]


def llama_decoder(seed: int = 0, gqa: bool = True):
    """A 1-layer LLaMA-style decoder (vocab 50, hidden 32, 2 heads of 16, rotary base 10000
    over 16 positions with HF's half-split rotate_half, LayerNorm eps 1e-6 in place of RMSNorm,
    SiLU-gated MLP 64, no biases). Inputs input_ids int64 [batch, seq], attention_mask int64
    [batch, past + seq], position_ids int64 [batch, seq], past_key, past_value float [batch, 2,
    past, 16]; outputs logits [batch, seq, 50], present_key, present_value [batch, 2, past +
    seq, 16].

    optimize_model(model_type="gpt2", num_heads=2, hidden_size=32, opt_level=0) (its
    FusionRotaryEmbeddings, then FusionRotaryAttention) makes of it, gqa=False:
    com.microsoft RotaryEmbedding x2 (interleaved=0; input = the q or k projection MatMul
    [batch, seq, 32], position_ids int64 [batch, seq], cos_cache and sin_cache [16, 8] = the
    first halves of the Constant tables, now initializers; output [batch, seq, 32]) feeding
    com.microsoft MultiHeadAttention x1 (num_heads=2; query and key = the RotaryEmbedding
    outputs, value = the v MatMul, all [batch, seq, 32]; no bias, no key_padding_mask;
    attention_bias [batch, 2, seq, past + seq] = the float model's 4-D additive mask
    concatenated twice on axis 1; past_key, past_value [batch, 2, past, 16]; outputs [batch,
    seq, 32], present_key, present_value [batch, 2, past + seq, 16]), com.microsoft
    SkipLayerNormalization x2 (no bias; the first with the residual sum as output 3), and the
    mask, the MLP and the head in standard ops. Matches the float model for any mask (checked
    with a left-padded row).
    gqa=True (default): then replace_mha_with_gqa(model, "attention_mask") (see
    ort_replace_mha_with_gqa) and a prune: one MatMul by the packed [32, 96] = [Wq | Wk | Wv]
    feeds com.microsoft GroupQueryAttention x1 (num_heads=2, kv_num_heads=2, causal=1,
    do_rotary=1, rotary_interleaved=0, local_window_size=-1; inputs packed qkv [batch, seq, 96],
    "", "", past_key, past_value, seqlens_k int32 [batch, 1] = ReduceSum(attention_mask, axes
    [1], keepdims) - 1, total_seq_len int32 [1] = Shape(attention_mask)[1:2], cos_cache,
    sin_cache [16, 8]; outputs as the MultiHeadAttention's), with ReduceSum, Sub, Cast x2,
    Shape, Gather for those two. position_ids is no longer read (GQA derives positions from the
    past length) and the 4-D mask is gone: it matches the float model only for all-ones masks
    with position_ids = past + arange(seq), and ORT's CPU kernel wants batch 1 when seq > 1 and
    past > 0 (checked at batch 2 seq 1 past 6, batch 1 seq 4 past 3, batch 2 seq 4 past 0).
    """
    float_model = llama_float(seed)
    opt = optimizer_model(float_model, **LLAMA_OPTIMIZE)
    if gqa:
        ort_replace_mha_with_gqa()(opt, "attention_mask")
        # drop what the GQA no longer reads (the 4-D mask, the unpacked q/k/v weights); keep
        # the graph inputs (position_ids is unused now) so both models take the same feeds
        quiet(opt.prune_graph, allow_remove_graph_inputs=False)
        used = {i for n in opt.model.graph.node for i in n.input}
        for init in [i for i in opt.model.graph.initializer if i.name not in used]:
            opt.model.graph.initializer.remove(init)
        opt.topological_sort()
    return float_model, proto(opt)


def llama_inputs(seed: int, batch: int = 2, seq: int = 4, past: int = 3, padded: bool = False) -> dict[str, np.ndarray]:
    """Seeded inputs; padded=True zeroes the first two mask entries of the last row."""
    c = LLAMA
    rng = np.random.default_rng(seed + 3000)
    hs = c["hidden"] // c["heads"]
    mask = np.ones((batch, past + seq), np.int64)
    if padded:
        mask[-1, :2] = 0
    return {
        "input_ids": rng.integers(0, c["vocab"], (batch, seq)).astype(np.int64),
        "attention_mask": mask,
        "position_ids": np.broadcast_to(np.arange(past, past + seq), (batch, seq)).astype(np.int64).copy(),
        "past_key": rng.standard_normal((batch, c["heads"], past, hs)).astype(np.float32),
        "past_value": rng.standard_normal((batch, c["heads"], past, hs)).astype(np.float32),
    }


# --------------------------------------------------------------------------------------------
# checks
# --------------------------------------------------------------------------------------------


def run(model: onnx.ModelProto, feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
    """onnxruntime, CPUExecutionProvider, one thread; feeds the model does not take are left out."""
    import onnxruntime as ort  # noqa: PLC0415

    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.log_severity_level = 3
    sess = ort.InferenceSession(model.SerializeToString(), so, providers=["CPUExecutionProvider"])
    names = {i.name for i in sess.get_inputs()}
    return sess.run(None, {k: v for k, v in feeds.items() if k in names})


def op_counts(model: onnx.ModelProto) -> Counter:
    return Counter((n.domain or "ai.onnx", n.op_type) for n in model.graph.node)


def value_shapes(model: onnx.ModelProto, feeds) -> dict[str, tuple]:
    """(shape, dtype) of every value of the model on `feeds`, read by running it with every node
    output as a graph output (onnx has no shape inference for com.microsoft ops)."""
    m = onnx.ModelProto()
    m.CopyFrom(model)
    known = {o.name for o in m.graph.output}
    for n in m.graph.node:
        for o in n.output:
            if o and o not in known:
                m.graph.output.append(helper.make_empty_tensor_value_info(o))
                known.add(o)
    shapes = {o.name: (tuple(v.shape), v.dtype.name) for o, v in zip(m.graph.output, run(m, feeds))}
    for init in model.graph.initializer:
        shapes[init.name] = (tuple(init.dims), helper.tensor_dtype_to_np_dtype(init.data_type).name)
    for k, v in feeds.items():
        shapes[k] = (tuple(v.shape), v.dtype.name)
    return shapes


def describe_ms_nodes(model: onnx.ModelProto, feeds) -> None:
    shapes = value_shapes(model, feeds)
    for n in model.graph.node:
        if n.domain != "com.microsoft":
            continue
        attrs = {a.name: helper.get_attribute_value(a) for a in n.attribute}
        print(f"  {n.op_type} {n.name} {attrs}")
        for kind, names in (("in", n.input), ("out", n.output)):
            for i, name in enumerate(names):
                print(f"    {kind}[{i}] {name or '<empty>'} {shapes.get(name, '?') if name else ''}")


def check(name: str, float_model, fused_model, feeds, detail: bool = True) -> float:
    """Prints the max |fused - float| over all outputs and (detail) the fused model's ops."""
    ref, got = run(float_model, feeds), run(fused_model, feeds)
    diff = max(float(np.max(np.abs(r - o))) for r, o in zip(ref, got))
    size = sum(i.ByteSize() for i in float_model.graph.initializer)
    print(f"{name}: float weights {size} bytes, max |fused - float| = {diff:.3g}")
    if detail:
        for (domain, op), k in sorted(op_counts(fused_model).items()):
            print(f"  {domain}.{op} x{k}")
        describe_ms_nodes(fused_model, feeds)
    assert diff < 1e-4, f"{name}: the fused model differs from the float one by {diff}"
    return diff


def same_bytes(build, *args) -> tuple[onnx.ModelProto, onnx.ModelProto]:
    """build(*args), built twice: the same seed must give the same bytes."""
    a, b = build(*args), build(*args)
    for x, y in zip(a, b):
        assert x.SerializeToString() == y.SerializeToString(), f"{build.__name__}{args} is not deterministic"
    return a


def main() -> None:
    for variant in [(m, a) for a in ("Attention", "MultiHeadAttention") for m in ("mask_index", "raw")]:
        f, o = same_bytes(bert_encoder, 0, *variant)
        check(f"bert_encoder(0, {variant[0]!r}, {variant[1]!r})", f, o, bert_inputs(0))
    for past in (True, False):
        f, o = same_bytes(gpt2_decoder, 0, past)
        check(f"gpt2_decoder(0, past={past})", f, o, gpt2_inputs(0, past))
    f, o = same_bytes(llama_decoder, 0, False)
    check("llama_decoder(0, gqa=False), left-padded row", f, o, llama_inputs(0, padded=True))
    f, o = same_bytes(llama_decoder, 0, True)
    check("llama_decoder(0, gqa=True), batch 2 seq 1 past 6", f, o, llama_inputs(0, batch=2, seq=1, past=6))
    for batch, seq, past in [(1, 4, 3), (2, 4, 0)]:
        feeds = llama_inputs(0, batch, seq, past)
        check(f"llama_decoder(0, gqa=True), batch {batch} seq {seq} past {past}", f, o, feeds, detail=False)


if __name__ == "__main__":
    main()
