#!/usr/bin/env python3
"""Builds golden cases the way users make their models: small float models with seeded weights,
passed through ONNX Runtime's own tools (its quantizer, its transformer optimizer), so the cases
hold the com.microsoft ops exactly as those tools write them.

Usage: $(bash scripts/venv.sh) scripts/make_ort_tool_models.py [CASE...]

For each case, writes tests/in/<case>/model.onnx (the tool's output) and case.toml (only where
it has none: tolerances are chosen by hand), then the reference data through make_models.py's
golden_case (test_data_set_0: seeded inputs and onnxruntime's outputs). Everything is seeded and
onnxruntime runs single-threaded, so a rerun gives the same files for the same pinned packages.

    ort_tool_lstm_dynamic   an LSTM tagger (embedding, bidirectional LSTM, classifier) through
                            quantize_dynamic: DynamicQuantizeLSTM, the classifier's MatMul
    ort_tool_cnn_static     a CNN through quantize_static (QOperator format, calibrated on
                            seeded images): QLinearConv, QLinearAdd, QLinearMul, QLinearSigmoid,
                            QLinearLeakyRelu, QLinearConcat, QLinearAveragePool,
                            QLinearGlobalAveragePool, QGemm, QLinearSoftmax
    ort_tool_bert_attention BERT (scripts/ort_tool_transformers.py) through the transformer
                            optimizer: EmbedLayerNormalization, Attention with mask_index,
                            SkipLayerNormalization, BiasGelu
    ort_tool_bert_mha_raw   the same with a raw 2-D mask and MultiHeadAttention
    ort_tool_bert_qattention
                            ort_tool_bert_attention through quantize_dynamic: QAttention
    ort_tool_gpt2_past      a GPT-2 decoder with a past cache through the optimizer: Attention
                            (unidirectional, past, present, 2-D mask), FastGelu,
                            EmbedLayerNormalization with position_ids
    ort_tool_llama_mha      a LLaMA-style decoder layer through the optimizer: RotaryEmbedding
                            and MultiHeadAttention (past_key/value, attention_bias)
    ort_tool_llama_gqa_decode, ort_tool_llama_gqa_prompt
                            the same layer through ORT's replace_mha_with_gqa:
                            GroupQueryAttention (packed QKV, rotary, past) at a decoding step
                            (batch 2, 1 token, 6 past) and a prompt (4 tokens, 3 past)

The transformer cases take their inputs from ort_tool_transformers.py (valid token ids,
right-padded BERT masks, left-padded GPT-2 and LLaMA masks) and fix their symbolic sizes in
case.toml.
"""

import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_dynamic, quantize_static

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_models  # noqa: E402  (the golden-case writer shared with the hand-written cases)
import ort_tool_transformers as transformers  # noqa: E402  (models in the optimizer's patterns)

F32 = TensorProto.FLOAT
I64 = TensorProto.INT64


def float_model(name, nodes, inputs, outputs, weights, opset=17):
    graph = helper.make_graph(
        nodes,
        name,
        [helper.make_tensor_value_info(n, t, s) for n, t, s in inputs],
        [helper.make_tensor_value_info(n, t, s) for n, t, s in outputs],
        initializer=[numpy_helper.from_array(v, k) for k, v in weights.items()],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], ir_version=8)
    model.producer_name = make_models.PRODUCER
    onnx.checker.check_model(model, full_check=True)
    return model


def node(op, ins, outs, **attrs):
    return helper.make_node(op, ins, outs, name=f"{op.lower()}_{outs[0]}", **attrs)


def through_tool(model: onnx.ModelProto, tool) -> onnx.ModelProto:
    """Runs `tool(input_path, output_path)` on the model in a scratch folder."""
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "float.onnx", Path(tmp) / "tool.onnx"
        onnx.save(model, src)
        tool(src, dst)
        result = onnx.load(dst)
    result.producer_name = make_models.PRODUCER + " via onnxruntime tools"
    return result


def with_opset_imports(model: onnx.ModelProto) -> onnx.ModelProto:
    """The model with an opset import for every domain its nodes use, as the optimizer's
    save_model_to_file writes it (the in-memory model it hands back lacks com.microsoft)."""
    imported = {o.domain for o in model.opset_import}
    for domain in sorted({n.domain for n in model.graph.node if n.domain} - imported):
        model.opset_import.append(helper.make_opsetid(domain, 1))
    return model


def write(case: str, model: onnx.ModelProto, toml: str, feeds: dict | None = None) -> None:
    """Writes the case's model, its case.toml when it has none, and `feeds` as its inputs
    (make_models keeps inputs that fit the model), then the reference outputs."""
    folder = make_models.GOLDEN / case
    folder.mkdir(parents=True, exist_ok=True)
    model = with_opset_imports(model)
    (folder / "model.onnx").write_bytes(model.SerializeToString())
    if not (folder / "case.toml").exists():
        (folder / "case.toml").write_text(toml)
    if feeds is not None:
        data = folder / "test_data_set_0"
        if data.exists():
            shutil.rmtree(data)
        data.mkdir()
        weights = {t.name for t in model.graph.initializer}
        wanted = [i.name for i in model.graph.input if i.name not in weights]
        for k, name in enumerate(wanted):
            (data / f"input_{k}.pb").write_bytes(numpy_helper.from_array(feeds[name], name).SerializeToString())
    ops = sorted({f"{n.domain + '.' if n.domain else ''}{n.op_type}" for n in model.graph.node})
    print(f"{case}: {', '.join(ops)}")
    make_models.golden_case(folder)


def lstm_dynamic() -> None:
    case = "ort_tool_lstm_dynamic"
    rng = make_models.rng_for(case)
    vocab, embed, hidden, tags, seq, batch = 40, 16, 12, 5, 7, 2
    weights = {
        "embedding": make_models.normal(rng, (vocab, embed), 0.5),
        "W": make_models.normal(rng, (2, 4 * hidden, embed), 0.3),
        "R": make_models.normal(rng, (2, 4 * hidden, hidden), 0.3),
        "B": make_models.normal(rng, (2, 8 * hidden), 0.1),
        "classifier": make_models.normal(rng, (2 * hidden, tags), 0.3),
        "classifier_bias": make_models.normal(rng, (tags,), 0.1),
        "y_shape": np.array([seq, batch, 2 * hidden], np.int64),
    }
    nodes = [
        node("Gather", ["embedding", "tokens"], ["embedded"]),
        node("LSTM", ["embedded", "W", "R", "B"], ["y", "y_h", "y_c"], hidden_size=hidden, direction="bidirectional"),
        node("Transpose", ["y"], ["y_sbdh"], perm=[0, 2, 1, 3]),
        node("Reshape", ["y_sbdh", "y_shape"], ["features"]),
        node("MatMul", ["features", "classifier"], ["scores"]),
        node("Add", ["scores", "classifier_bias"], ["logits"]),
    ]
    model = float_model(
        case,
        nodes,
        [("tokens", I64, [seq, batch])],
        [("logits", F32, [seq, batch, tags]), ("y_h", F32, [2, batch, hidden]), ("y_c", F32, [2, batch, hidden])],
        weights,
    )
    quantized = through_tool(
        model, lambda src, dst: quantize_dynamic(src, dst, weight_type=QuantType.QInt8, op_types_to_quantize=["LSTM", "MatMul"])
    )
    write(
        case,
        quantized,
        "# Made by scripts/make_ort_tool_models.py: an LSTM tagger through onnxruntime's\n"
        "# quantize_dynamic (DynamicQuantizeLSTM with int8 weights, the classifier's MatMul).\n",
    )


class Images(CalibrationDataReader):
    def __init__(self, rng, count, shape):
        self.batches = iter([{"image": make_models.normal(rng, shape)} for _ in range(count)])

    def get_next(self):
        return next(self.batches, None)


def cnn_static() -> None:
    case = "ort_tool_cnn_static"
    rng = make_models.rng_for(case)
    shape = [1, 3, 16, 16]

    def conv_weights(prefix, cout, cin, k):
        return {
            f"{prefix}.weight": make_models.normal(rng, (cout, cin, k, k), np.sqrt(2.0 / (cin * k * k))),
            f"{prefix}.bias": make_models.normal(rng, (cout,), 0.1),
        }

    weights = {
        **conv_weights("conv1", 8, 3, 3),
        **conv_weights("conv2", 8, 8, 3),
        **conv_weights("conv3", 8, 8, 1),
        "fc.weight": make_models.normal(rng, (6, 16), 0.4),
        "fc.bias": make_models.normal(rng, (6,), 0.1),
    }
    nodes = [
        node("Conv", ["image", "conv1.weight", "conv1.bias"], ["c1"], pads=[1, 1, 1, 1]),
        node("Relu", ["c1"], ["a1"]),
        node("Conv", ["a1", "conv2.weight", "conv2.bias"], ["c2"], pads=[1, 1, 1, 1]),
        node("Sigmoid", ["c2"], ["gate"]),
        node("Mul", ["c2", "gate"], ["swish"]),
        node("Add", ["swish", "a1"], ["residual"]),
        node("Conv", ["residual", "conv3.weight", "conv3.bias"], ["c3"]),
        node("LeakyRelu", ["c3"], ["leaky"], alpha=0.1),
        node("Concat", ["residual", "leaky"], ["both"], axis=1),
        node("AveragePool", ["both"], ["pooled"], kernel_shape=[2, 2], strides=[2, 2]),
        node("GlobalAveragePool", ["pooled"], ["global"]),
        node("Flatten", ["global"], ["flat"]),
        node("Gemm", ["flat", "fc.weight", "fc.bias"], ["logits"], transB=1),
        node("Softmax", ["logits"], ["probabilities"], axis=1),
    ]
    model = float_model(case, nodes, [("image", F32, shape)], [("probabilities", F32, [1, 6])], weights)
    calibration = Images(rng, 8, shape)
    quantized = through_tool(
        model,
        lambda src, dst: quantize_static(
            src,
            dst,
            calibration,
            quant_format=QuantFormat.QOperator,
            activation_type=QuantType.QUInt8,
            weight_type=QuantType.QInt8,
            per_channel=True,
        ),
    )
    write(
        case,
        quantized,
        "# Made by scripts/make_ort_tool_models.py: a CNN through onnxruntime's quantize_static in\n"
        "# the QOperator format (uint8 activations, int8 per-channel weights).\n",
    )


BERT_DIMS = "dims = { batch = 2, sequence = 8 }\n"
DECODER_DIMS = "dims = { batch = 2, sequence = 4, past_sequence = 3, total_sequence = 7 }\n"


def bert_attention() -> None:
    _, fused = transformers.bert_encoder(0)
    toml = "# Made by scripts/make_ort_tool_models.py: BERT through onnxruntime's transformer optimizer.\n"
    write("ort_tool_bert_attention", fused, toml + BERT_DIMS, transformers.bert_inputs(0))


def bert_mha_raw() -> None:
    _, fused = transformers.bert_encoder(0, "raw", "MultiHeadAttention")
    toml = (
        "# Made by scripts/make_ort_tool_models.py: BERT through onnxruntime's transformer optimizer,\n"
        "# fusing MultiHeadAttention with a raw 2-D mask.\n"
    )
    write("ort_tool_bert_mha_raw", fused, toml + BERT_DIMS, transformers.bert_inputs(0))


def bert_qattention() -> None:
    _, fused = transformers.bert_encoder(0)
    quantized = through_tool(
        with_opset_imports(fused),
        lambda src, dst: quantize_dynamic(src, dst, weight_type=QuantType.QInt8, op_types_to_quantize=["Attention"]),
    )
    toml = (
        "# Made by scripts/make_ort_tool_models.py: BERT through onnxruntime's transformer optimizer,\n"
        "# then quantize_dynamic (Attention to QAttention).\n"
    )
    write("ort_tool_bert_qattention", quantized, toml + BERT_DIMS, transformers.bert_inputs(0))


def gpt2_past() -> None:
    _, fused = transformers.gpt2_decoder(0, past=True)
    toml = "# Made by scripts/make_ort_tool_models.py: GPT-2 with a past cache through the optimizer.\n"
    write("ort_tool_gpt2_past", fused, toml + DECODER_DIMS, transformers.gpt2_inputs(0, past=True))


def llama_mha() -> None:
    _, fused = transformers.llama_decoder(0, False)
    toml = "# Made by scripts/make_ort_tool_models.py: a LLaMA-style layer through the optimizer.\n"
    write("ort_tool_llama_mha", fused, toml + DECODER_DIMS, transformers.llama_inputs(0, padded=True))


def llama_gqa(case: str, batch: int, seq: int, past: int) -> None:
    _, fused = transformers.llama_decoder(0, True)
    toml = (
        "# Made by scripts/make_ort_tool_models.py: a LLaMA-style layer through the optimizer, then\n"
        "# onnxruntime's replace_mha_with_gqa (GroupQueryAttention with rotary embeddings).\n"
        f"dims = {{ batch = {batch}, sequence = {seq}, past_sequence = {past}, total_sequence = {past + seq} }}\n"
        "\n[cuda]\n"
        'unsupported = "the model sums its int64 attention mask (ReduceSum): the CUDA target reduces f32 only"\n'
    )
    write(case, fused, toml, transformers.llama_inputs(0, batch=batch, seq=seq, past=past))


CASES = {
    "ort_tool_lstm_dynamic": lstm_dynamic,
    "ort_tool_cnn_static": cnn_static,
    "ort_tool_bert_attention": bert_attention,
    "ort_tool_bert_mha_raw": bert_mha_raw,
    "ort_tool_bert_qattention": bert_qattention,
    "ort_tool_gpt2_past": gpt2_past,
    "ort_tool_llama_mha": llama_mha,
    "ort_tool_llama_gqa_decode": lambda: llama_gqa("ort_tool_llama_gqa_decode", 2, 1, 6),
    "ort_tool_llama_gqa_prompt": lambda: llama_gqa("ort_tool_llama_gqa_prompt", 1, 4, 3),
}


def main() -> None:
    wanted = sys.argv[1:] or list(CASES)
    unknown = [c for c in wanted if c not in CASES]
    if unknown:
        raise SystemExit(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(CASES)}")
    for case in wanted:
        CASES[case]()


if __name__ == "__main__":
    main()
