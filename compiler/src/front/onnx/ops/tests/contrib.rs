//! Tests: `com.microsoft` importers' edge cases that ONNX Runtime's own models seldom reach
//! (the golden cases `tests/in/ort_tool_*` check the common paths against onnxruntime).

use super::*;

/// A node of the com.microsoft domain.
fn ms(mut n: NodeProto) -> NodeProto {
    n.domain = Some("com.microsoft".into());
    n
}

/// The constant a graph output folded to.
fn folded(g: &Graph, k: usize) -> Tensor {
    match &g.value(g.outputs[k]).def {
        ValueDef::Const(t) => t.clone(),
        other => panic!("output {k} is not a constant: {other:?}"),
    }
}

#[test]
fn dynamic_quantize_linear_of_zeros_takes_scale_one_as_onnx_runtime() {
    // ONNX Runtime's GetQuantizationParameter: an empty range gives scale 1 and zero point 0
    // (the spec's formula would divide 0 by 0).
    let m = one(
        13,
        vec![],
        vec![init_f32("x", &[3], &[0.0, 0.0, 0.0])],
        node("DynamicQuantizeLinear", "dql", &["x"], &["y", "scale", "zero_point"], vec![]),
    );
    let g = import_ok(&m);
    assert_eq!(folded(&g, 0).data, Data::U8(vec![0, 0, 0]));
    assert_eq!(folded(&g, 1).data.to_f64_vec(), vec![1.0]);
    assert_eq!(folded(&g, 2).data, Data::U8(vec![0]));
}

#[test]
fn qlinear_concat_refuses_inputs_that_are_not_triples() {
    let scale = TensorProto { dims: vec![], ..init_f32("s", &[], &[0.5]) };
    let zero = TensorProto {
        name: Some("z".into()),
        data_type: Some(DType::U8.onnx_code()),
        int32_data: vec![3],
        ..Default::default()
    };
    let m = one(
        13,
        vec![input("a", DType::U8, &[1, 2])],
        vec![scale, zero],
        ms(node("QLinearConcat", "qcat", &["s", "z", "a", "s"], &["y"], vec![attr_i("axis", 1)])),
    );
    let e = import_err(&m).to_string();
    assert!(e.contains("`qcat`") && e.contains("triples"), "{e}");
}

#[test]
fn attention_names_a_mask_shape_it_does_not_take() {
    // [2B] (end and start positions) is one of ONNX Runtime's mask forms ronn does not read.
    let m = one(
        13,
        vec![f32_input("x", &[2, 3, 4]), input("mask", DType::I32, &[4])],
        vec![init_f32("w", &[4, 12], &[0.1; 48])],
        ms(node("Attention", "attn", &["x", "w", "", "mask"], &["y"], vec![attr_i("num_heads", 2)])),
    );
    let e = import_err(&m).to_string();
    assert!(e.contains("`attn`") && e.contains("mask of shape [4]"), "{e}");
}

#[test]
fn dynamic_quantize_lstm_checks_the_recurrence_weight_shape() {
    // R must be [directions, hidden, 4 * hidden] (not transposed, unlike LSTM's).
    let int8 = |name: &str, dims: &[i64]| TensorProto {
        name: Some(name.into()),
        dims: dims.to_vec(),
        data_type: Some(DType::I8.onnx_code()),
        int32_data: vec![1; dims.iter().product::<i64>() as usize],
        ..Default::default()
    };
    let m = one(
        13,
        vec![f32_input("x", &[2, 1, 3])],
        vec![int8("w", &[1, 3, 8]), int8("r", &[1, 8, 2]), init_f32("ws", &[1], &[0.1]), init_f32("rs", &[1], &[0.1])],
        ms(node(
            "DynamicQuantizeLSTM",
            "qlstm",
            &["x", "w", "r", "", "", "", "", "", "ws", "", "rs", ""],
            &["y"],
            vec![attr_i("hidden_size", 2)],
        )),
    );
    let e = import_err(&m).to_string();
    assert!(e.contains("`qlstm`") && e.contains("gates"), "{e}");
}

#[test]
fn attention_on_an_input_without_a_batch_axis_is_refused_not_a_panic() {
    // [sequence, hidden] instead of [batch, sequence, hidden].
    let m = one(
        13,
        vec![f32_input("x", &[3, 4])],
        vec![init_f32("w", &[4, 12], &[0.1; 48])],
        ms(node("Attention", "attn", &["x", "w"], &["y"], vec![attr_i("num_heads", 2)])),
    );
    let e = import_err(&m).to_string();
    assert!(e.contains("`attn`") && e.contains("is not [batch, length, heads * head]"), "{e}");
}

#[test]
fn multi_head_attention_with_a_past_key_of_the_wrong_rank_is_refused_not_a_panic() {
    let m = one(
        13,
        vec![
            f32_input("q", &[1, 2, 4]),
            f32_input("k", &[1, 2, 4]),
            f32_input("v", &[1, 2, 4]),
            f32_input("past_k", &[3, 2]),
            f32_input("past_v", &[3, 2]),
        ],
        vec![],
        ms(node(
            "MultiHeadAttention",
            "mha",
            &["q", "k", "v", "", "", "", "past_k", "past_v"],
            &["y"],
            vec![attr_i("num_heads", 2)],
        )),
    );
    let e = import_err(&m).to_string();
    assert!(e.contains("`mha`") && e.contains("past_key is not"), "{e}");
}
