//! Unit tests of the op importers: attributes and inputs of small one-node ONNX models, and the
//! core ops they become.

use super::*;
use crate::front::onnx::proto::{
    tensor_shape_proto, type_proto, AttributeProto, GraphProto, ModelProto, NodeProto, OperatorSetIdProto, TensorProto,
    TensorShapeProto, TypeProto, ValueInfoProto,
};
use crate::front::onnx::{import, ImportOptions};
use crate::ir::{
    fixed_dims, BinaryOp, DType, Data, Graph, Op, PadMode, PoolKind, ReduceKind, Tensor, UnaryOp, ValueDef, Window,
};
use crate::Error;

// ---- helpers -------------------------------------------------------------------------------

/// A graph input of fixed dims.
fn input(name: &str, dtype: DType, dims: &[i64]) -> ValueInfoProto {
    let dim = dims
        .iter()
        .map(|&d| tensor_shape_proto::Dimension {
            value: Some(tensor_shape_proto::dimension::Value::DimValue(d)),
            ..Default::default()
        })
        .collect();
    ValueInfoProto {
        name: Some(name.into()),
        r#type: Some(TypeProto {
            value: Some(type_proto::Value::TensorType(type_proto::Tensor {
                elem_type: Some(dtype.onnx_code()),
                shape: Some(TensorShapeProto { dim }),
            })),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn f32_input(name: &str, dims: &[i64]) -> ValueInfoProto {
    input(name, DType::F32, dims)
}

fn init_f32(name: &str, dims: &[i64], v: &[f32]) -> TensorProto {
    TensorProto {
        name: Some(name.into()),
        dims: dims.to_vec(),
        data_type: Some(DType::F32.onnx_code()),
        float_data: v.to_vec(),
        ..Default::default()
    }
}

fn init_i64(name: &str, v: &[i64]) -> TensorProto {
    TensorProto {
        name: Some(name.into()),
        dims: vec![v.len() as i64],
        data_type: Some(DType::I64.onnx_code()),
        int64_data: v.to_vec(),
        ..Default::default()
    }
}

fn attr_i(name: &str, v: i64) -> AttributeProto {
    AttributeProto { name: Some(name.into()), i: Some(v), ..Default::default() }
}

fn attr_f(name: &str, v: f32) -> AttributeProto {
    AttributeProto { name: Some(name.into()), f: Some(v), ..Default::default() }
}

fn attr_ints(name: &str, v: &[i64]) -> AttributeProto {
    AttributeProto { name: Some(name.into()), ints: v.to_vec(), ..Default::default() }
}

fn attr_s(name: &str, v: &str) -> AttributeProto {
    AttributeProto { name: Some(name.into()), s: Some(v.as_bytes().to_vec()), ..Default::default() }
}

fn node(op_type: &str, name: &str, inputs: &[&str], outputs: &[&str], attrs: Vec<AttributeProto>) -> NodeProto {
    NodeProto {
        op_type: Some(op_type.into()),
        name: Some(name.into()),
        input: inputs.iter().map(|s| s.to_string()).collect(),
        output: outputs.iter().map(|s| s.to_string()).collect(),
        attribute: attrs,
        ..Default::default()
    }
}

/// A model of the default domain at `opset` with these inputs, initialisers and nodes, whose
/// outputs are the last node's outputs.
fn model(opset: i64, inputs: Vec<ValueInfoProto>, inits: Vec<TensorProto>, nodes: Vec<NodeProto>) -> ModelProto {
    let output = nodes
        .last()
        .map(|n| n.output.iter().map(|o| ValueInfoProto { name: Some(o.clone()), ..Default::default() }).collect())
        .unwrap_or_default();
    ModelProto {
        ir_version: Some(8),
        opset_import: vec![OperatorSetIdProto { domain: Some(String::new()), version: Some(opset) }],
        graph: Some(GraphProto {
            name: Some("test".into()),
            node: nodes,
            input: inputs,
            initializer: inits,
            output,
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// A model of one node.
fn one(opset: i64, inputs: Vec<ValueInfoProto>, inits: Vec<TensorProto>, n: NodeProto) -> ModelProto {
    model(opset, inputs, inits, vec![n])
}

fn import_ok(m: &ModelProto) -> Graph {
    import(m, &ImportOptions::default()).unwrap_or_else(|e| panic!("import failed: {e}"))
}

fn import_err(m: &ModelProto) -> Error {
    match import(m, &ImportOptions::default()) {
        Ok(_) => panic!("the import should fail"),
        Err(e) => e,
    }
}

/// The graph's nodes as (name, op), in the order they were added.
fn ops(g: &Graph) -> Vec<(String, Op)> {
    g.node_ids().map(|n| (g.node(n).name.clone(), g.node(n).op.clone())).collect()
}

/// The only node's op.
fn only_op(g: &Graph) -> Op {
    let all = ops(g);
    assert_eq!(all.len(), 1, "one node expected, got {all:?}");
    all[0].1.clone()
}

/// The node named `name`.
fn named<'g>(g: &'g Graph, name: &str) -> &'g crate::ir::Node {
    g.node_ids().map(|n| g.node(n)).find(|n| n.name == name).unwrap_or_else(|| panic!("no node `{name}`"))
}

/// The constant an input of a node reads.
fn const_input(g: &Graph, node: &crate::ir::Node, k: usize) -> Tensor {
    match &g.value(node.inputs[k]).def {
        ValueDef::Const(t) => t.clone(),
        other => panic!("input {k} of `{}` is {other:?}, not a constant", node.name),
    }
}

fn conv_model(attrs: Vec<AttributeProto>, x: &[i64], w: &[i64]) -> ModelProto {
    let n = w.iter().product::<i64>() as usize;
    one(
        11,
        vec![f32_input("x", x)],
        vec![init_f32("w", w, &vec![1.0; n])],
        node("Conv", "conv", &["x", "w"], &["y"], attrs),
    )
}

// ---- the shared helpers of ops/mod.rs ------------------------------------------------------

#[test]
fn axis_resolves_negative_axes_and_refuses_those_outside_the_rank() {
    assert_eq!(axis(-1, 3).ok(), Some(2));
    assert_eq!(axis(-3, 3).ok(), Some(0));
    assert_eq!(axis(2, 3).ok(), Some(2));
    assert!(axis(3, 3).is_err());
    assert!(axis(-4, 3).is_err());
    // A scalar accepts axis 0 only.
    assert_eq!(axis(0, 0).ok(), Some(0));
    assert!(axis(-1, 0).is_err());
}

#[test]
fn lookup_knows_default_and_other_domain_ops() {
    assert!(lookup("Conv").is_some());
    assert!(lookup("Relu").is_some());
    assert!(lookup("Binarizer").is_none());
    assert!(lookup_in("ai.onnx.ml", "Binarizer").is_some());
    assert!(lookup_in("com.example", "Conv").is_none());
    assert!(lookup("NoSuchOp").is_none());
}

// ---- Conv and pooling windows --------------------------------------------------------------

#[test]
fn conv_defaults_are_unit_strides_and_no_padding() {
    let g = import_ok(&conv_model(vec![], &[1, 2, 5, 5], &[4, 2, 3, 3]));
    let want = Window { kernel: vec![3, 3], strides: vec![1, 1], dilations: vec![1, 1], pads: vec![0, 0, 0, 0] };
    assert_eq!(only_op(&g), Op::Conv { group: 1, window: want });
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![1, 4, 3, 3]));
}

#[test]
fn conv_same_upper_puts_the_odd_pad_at_the_end() {
    // Kernel 2 over 5 at stride 1: output 5, total pad (5 - 1) + 2 - 5 = 1, at the end.
    let g = import_ok(&conv_model(vec![attr_s("auto_pad", "SAME_UPPER")], &[1, 1, 5, 5], &[1, 1, 2, 2]));
    let Op::Conv { window, .. } = only_op(&g) else { panic!("not a Conv") };
    assert_eq!(window.pads, vec![0, 0, 1, 1]);
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![1, 1, 5, 5]));
}

#[test]
fn conv_same_lower_puts_the_odd_pad_at_the_start() {
    let g = import_ok(&conv_model(vec![attr_s("auto_pad", "SAME_LOWER")], &[1, 1, 5, 5], &[1, 1, 2, 2]));
    let Op::Conv { window, .. } = only_op(&g) else { panic!("not a Conv") };
    assert_eq!(window.pads, vec![1, 1, 0, 0]);
}

#[test]
fn conv_same_upper_with_stride_two_pads_to_ceil_of_input_over_stride() {
    // Kernel 3 over 6 at stride 2: output 3, total (3 - 1) * 2 + 3 - 6 = 1; over 5: output 3,
    // total (3 - 1) * 2 + 3 - 5 = 2, split evenly.
    let attrs = || vec![attr_s("auto_pad", "SAME_UPPER"), attr_ints("strides", &[2, 2])];
    let g = import_ok(&conv_model(attrs(), &[1, 1, 6, 5], &[1, 1, 3, 3]));
    let Op::Conv { window, .. } = only_op(&g) else { panic!("not a Conv") };
    assert_eq!(window.strides, vec![2, 2]);
    assert_eq!(window.pads, vec![0, 1, 1, 1]);
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![1, 1, 3, 3]));
}

#[test]
fn conv_valid_ignores_the_pads_attribute() {
    let attrs = vec![attr_s("auto_pad", "VALID"), attr_ints("pads", &[1, 1, 1, 1])];
    let g = import_ok(&conv_model(attrs, &[1, 1, 5, 5], &[1, 1, 3, 3]));
    let Op::Conv { window, .. } = only_op(&g) else { panic!("not a Conv") };
    assert_eq!(window.pads, vec![0, 0, 0, 0]);
}

#[test]
fn conv_explicit_pads_dilations_and_group() {
    let attrs = vec![attr_ints("pads", &[1, 2, 3, 4]), attr_ints("dilations", &[2, 1]), attr_i("group", 2)];
    let g = import_ok(&conv_model(attrs, &[1, 4, 9, 9], &[6, 2, 3, 3]));
    let want = Window { kernel: vec![3, 3], strides: vec![1, 1], dilations: vec![2, 1], pads: vec![1, 2, 3, 4] };
    assert_eq!(only_op(&g), Op::Conv { group: 2, window: want });
}

#[test]
fn conv_unknown_auto_pad_is_refused_naming_the_node() {
    let e = import_err(&conv_model(vec![attr_s("auto_pad", "SAME_MIDDLE")], &[1, 1, 5, 5], &[1, 1, 3, 3]));
    let msg = e.to_string();
    assert!(matches!(e, Error::Model(_)), "{msg}");
    assert!(msg.contains("`conv`") && msg.contains("SAME_MIDDLE"), "{msg}");
}

#[test]
fn conv_kernel_shape_must_agree_with_the_weights() {
    let e = import_err(&conv_model(vec![attr_ints("kernel_shape", &[2, 2])], &[1, 1, 5, 5], &[1, 1, 3, 3]));
    assert!(e.to_string().contains("kernel_shape"), "{e}");
}

#[test]
fn conv_negative_stride_is_refused() {
    let e = import_err(&conv_model(vec![attr_ints("strides", &[1, -1])], &[1, 1, 5, 5], &[1, 1, 3, 3]));
    assert!(e.to_string().contains("negative"), "{e}");
}

#[test]
fn conv_with_a_missing_weight_input_is_reported() {
    let m = one(11, vec![f32_input("x", &[1, 1, 5, 5])], vec![], node("Conv", "conv", &["x"], &["y"], vec![]));
    let e = import_err(&m);
    assert!(e.to_string().contains("`conv`") && e.to_string().contains("missing input 1"), "{e}");
}

fn pool_model(op: &str, attrs: Vec<AttributeProto>, outputs: &[&str]) -> ModelProto {
    one(12, vec![f32_input("x", &[1, 1, 5, 5])], vec![], node(op, "pool", &["x"], outputs, attrs))
}

#[test]
fn max_pool_ceil_mode_adds_the_partial_window() {
    // Kernel 2 stride 2 over 5: floor gives 2 windows, ceil 3 (the last starts at 4, inside).
    let attrs =
        |ceil| vec![attr_ints("kernel_shape", &[2, 2]), attr_ints("strides", &[2, 2]), attr_i("ceil_mode", ceil)];
    let Op::Pool { kind, output, .. } = only_op(&import_ok(&pool_model("MaxPool", attrs(0), &["y"]))) else {
        panic!("not a Pool")
    };
    assert_eq!((kind, output), (PoolKind::Max, vec![2, 2]));
    let Op::Pool { output, .. } = only_op(&import_ok(&pool_model("MaxPool", attrs(1), &["y"]))) else {
        panic!("not a Pool")
    };
    assert_eq!(output, vec![3, 3]);
}

#[test]
fn max_pool_second_output_is_its_indices_in_the_storage_order() {
    let attrs = vec![attr_ints("kernel_shape", &[2, 2]), attr_i("storage_order", 1)];
    let g = import_ok(&pool_model("MaxPool", attrs, &["y", "i"]));
    let all = ops(&g);
    assert_eq!(all.len(), 2);
    let Op::MaxPoolIndices { output, column_major, .. } = &all[1].1 else { panic!("{all:?}") };
    assert_eq!((output.clone(), *column_major), (vec![4, 4], true));
    assert_eq!(g.value(g.outputs[1]).ty.dtype, DType::I64);
}

#[test]
fn average_pool_reads_count_include_pad() {
    let attrs =
        vec![attr_ints("kernel_shape", &[3, 3]), attr_ints("pads", &[1, 1, 1, 1]), attr_i("count_include_pad", 1)];
    let Op::Pool { kind, window, output } = only_op(&import_ok(&pool_model("AveragePool", attrs, &["y"]))) else {
        panic!("not a Pool")
    };
    assert_eq!(kind, PoolKind::Avg { count_include_pad: true });
    assert_eq!(window.pads, vec![1, 1, 1, 1]);
    assert_eq!(output, vec![5, 5]);
    let Op::Pool { kind, .. } =
        only_op(&import_ok(&pool_model("AveragePool", vec![attr_ints("kernel_shape", &[2, 2])], &["y"])))
    else {
        panic!("not a Pool")
    };
    assert_eq!(kind, PoolKind::Avg { count_include_pad: false });
}

#[test]
fn pool_without_kernel_shape_is_refused() {
    let e = import_err(&pool_model("MaxPool", vec![], &["y"]));
    assert!(e.to_string().contains("kernel_shape"), "{e}");
}

#[test]
fn global_average_pool_is_a_mean_over_the_spatial_axes() {
    let g = import_ok(&pool_model("GlobalAveragePool", vec![], &["y"]));
    assert_eq!(only_op(&g), Op::Reduce { kind: ReduceKind::Mean, axes: vec![2, 3], keepdims: true });
}

// ---- Gemm ----------------------------------------------------------------------------------

fn gemm_model(attrs: Vec<AttributeProto>, with_c: bool) -> ModelProto {
    let mut inputs = vec![f32_input("a", &[3, 2]), f32_input("b", &[4, 3])];
    let mut names = vec!["a", "b"];
    if with_c {
        inputs.push(f32_input("c", &[4]));
        names.push("c");
    }
    one(13, inputs, vec![], node("Gemm", "gemm", &names, &["y"], attrs))
}

#[test]
fn gemm_expands_transposes_alpha_and_beta() {
    let attrs = vec![attr_i("transA", 1), attr_i("transB", 1), attr_f("alpha", 2.0), attr_f("beta", 3.0)];
    let g = import_ok(&gemm_model(attrs, true));
    let names: Vec<(String, String)> = ops(&g).into_iter().map(|(n, op)| (n, op.kind())).collect();
    let want = [
        ("gemm/a_t", "Transpose"),
        ("gemm/b_t", "Transpose"),
        ("gemm/matmul", "MatMul"),
        ("gemm/alpha", "Mul"),
        ("gemm/beta", "Mul"),
        ("gemm", "Add"),
    ];
    assert_eq!(names, want.map(|(a, b)| (a.to_string(), b.to_string())));
    assert_eq!(named(&g, "gemm/a_t").op, Op::Transpose { perm: vec![1, 0] });
    let alpha = named(&g, "gemm/alpha");
    assert_eq!(const_input(&g, alpha, 1).data, Data::F32(vec![2.0]));
    let beta = named(&g, "gemm/beta");
    assert_eq!(const_input(&g, beta, 1).data, Data::F32(vec![3.0]));
    // A^T [2, 3] x B^T [3, 4].
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![2, 4]));
}

#[test]
fn gemm_with_default_attributes_and_no_c_is_one_matmul() {
    let m = one(
        13,
        vec![f32_input("a", &[2, 3]), f32_input("b", &[3, 4])],
        vec![],
        node("Gemm", "gemm", &["a", "b"], &["y"], vec![]),
    );
    let g = import_ok(&m);
    assert_eq!(ops(&g), vec![("gemm".to_string(), Op::MatMul)]);
}

#[test]
fn gemm_with_beta_zero_drops_c() {
    let g = import_ok(&gemm_model(vec![attr_i("transA", 1), attr_i("transB", 1), attr_f("beta", 0.0)], true));
    let kinds: Vec<String> = ops(&g).into_iter().map(|(_, op)| op.kind()).collect();
    assert_eq!(kinds, ["Transpose", "Transpose", "MatMul"]);
}

#[test]
fn gemm_transposes_constant_weights_at_import() {
    // B = [[1, 2], [3, 4]] stored [N, K]; with transB the MatMul reads its transpose, folded.
    let m = one(
        13,
        vec![f32_input("a", &[1, 2])],
        vec![init_f32("b", &[2, 2], &[1., 2., 3., 4.])],
        node("Gemm", "gemm", &["a", "b"], &["y"], vec![attr_i("transB", 1)]),
    );
    let g = import_ok(&m);
    let mm = named(&g, "gemm");
    assert_eq!(mm.op, Op::MatMul);
    assert_eq!(const_input(&g, mm, 1).data, Data::F32(vec![1., 3., 2., 4.]));
}

#[test]
fn gemm_refuses_operands_that_are_not_matrices() {
    let m = one(
        13,
        vec![f32_input("a", &[2, 3, 1]), f32_input("b", &[3, 4])],
        vec![],
        node("Gemm", "gemm", &["a", "b"], &["y"], vec![]),
    );
    assert!(import_err(&m).to_string().contains("2-D"));
}

// ---- Softmax -------------------------------------------------------------------------------

fn softmax_model(opset: i64, op: &str, attrs: Vec<AttributeProto>) -> ModelProto {
    one(opset, vec![f32_input("x", &[2, 3, 4])], vec![], node(op, "sm", &["x"], &["y"], attrs))
}

#[test]
fn softmax_from_opset_13_defaults_to_the_last_axis() {
    let g = import_ok(&softmax_model(13, "Softmax", vec![]));
    assert_eq!(only_op(&g), Op::Softmax { axis: 2, log: false });
    let g = import_ok(&softmax_model(13, "LogSoftmax", vec![attr_i("axis", 1)]));
    assert_eq!(only_op(&g), Op::Softmax { axis: 1, log: true });
}

#[test]
fn softmax_before_opset_13_flattens_from_axis_one() {
    let g = import_ok(&softmax_model(11, "Softmax", vec![]));
    let all = ops(&g);
    let want = vec![
        ("sm/flat".to_string(), Op::Reshape { shape: fixed_dims([2, 12]) }),
        ("sm/softmax".to_string(), Op::Softmax { axis: 1, log: false }),
        ("sm".to_string(), Op::Reshape { shape: fixed_dims([2, 3, 4]) }),
    ];
    assert_eq!(all, want);
}

#[test]
fn softmax_before_opset_13_on_the_last_axis_needs_no_reshape() {
    let g = import_ok(&softmax_model(11, "Softmax", vec![attr_i("axis", -1)]));
    assert_eq!(only_op(&g), Op::Softmax { axis: 2, log: false });
}

#[test]
fn softmax_axis_outside_the_rank_is_refused() {
    let e = import_err(&softmax_model(13, "Softmax", vec![attr_i("axis", 3)]));
    assert!(e.to_string().contains("`sm`") && e.to_string().contains("axis 3"), "{e}");
}

// ---- Transpose, Squeeze, Unsqueeze, Concat, Flatten, Reshape -------------------------------

#[test]
fn transpose_default_perm_reverses_the_axes() {
    let m = one(13, vec![f32_input("x", &[2, 3, 4])], vec![], node("Transpose", "t", &["x"], &["y"], vec![]));
    let g = import_ok(&m);
    assert_eq!(only_op(&g), Op::Transpose { perm: vec![2, 1, 0] });
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![4, 3, 2]));
}

#[test]
fn transpose_with_a_perm_attribute() {
    let m = one(
        13,
        vec![f32_input("x", &[2, 3, 4])],
        vec![],
        node("Transpose", "t", &["x"], &["y"], vec![attr_ints("perm", &[0, 2, 1])]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Transpose { perm: vec![0, 2, 1] });
    let bad = one(
        13,
        vec![f32_input("x", &[2, 3, 4])],
        vec![],
        node("Transpose", "t", &["x"], &["y"], vec![attr_ints("perm", &[0, 1, 1])]),
    );
    assert!(import_err(&bad).to_string().contains("`t`"));
}

#[test]
fn unsqueeze_reads_axes_from_the_attribute_before_opset_13() {
    let m = one(
        11,
        vec![f32_input("x", &[3])],
        vec![],
        node("Unsqueeze", "u", &["x"], &["y"], vec![attr_ints("axes", &[0, -1])]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Reshape { shape: fixed_dims([1, 3, 1]) });
}

#[test]
fn unsqueeze_reads_axes_from_the_input_from_opset_13() {
    let m = one(
        13,
        vec![f32_input("x", &[3])],
        vec![init_i64("axes", &[-1])],
        node("Unsqueeze", "u", &["x", "axes"], &["y"], vec![]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Reshape { shape: fixed_dims([3, 1]) });
    // From 13 an axes attribute is not read: without the input, axes are missing.
    let m = one(
        13,
        vec![f32_input("x", &[3])],
        vec![],
        node("Unsqueeze", "u", &["x"], &["y"], vec![attr_ints("axes", &[0])]),
    );
    assert!(import_err(&m).to_string().contains("axes"));
}

#[test]
fn unsqueeze_refuses_a_repeated_axis() {
    let m = one(
        11,
        vec![f32_input("x", &[3])],
        vec![],
        node("Unsqueeze", "u", &["x"], &["y"], vec![attr_ints("axes", &[0, -3])]),
    );
    assert!(import_err(&m).to_string().contains("repeated"));
}

#[test]
fn squeeze_with_axes_attribute_and_input() {
    let m = one(
        11,
        vec![f32_input("x", &[1, 3, 1])],
        vec![],
        node("Squeeze", "s", &["x"], &["y"], vec![attr_ints("axes", &[0])]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Reshape { shape: fixed_dims([3, 1]) });
    let m = one(
        13,
        vec![f32_input("x", &[1, 3, 1])],
        vec![init_i64("axes", &[-1])],
        node("Squeeze", "s", &["x", "axes"], &["y"], vec![]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Reshape { shape: fixed_dims([1, 3]) });
}

#[test]
fn squeeze_without_axes_removes_every_one() {
    let m = one(13, vec![f32_input("x", &[1, 3, 1, 2])], vec![], node("Squeeze", "s", &["x"], &["y"], vec![]));
    assert_eq!(only_op(&import_ok(&m)), Op::Reshape { shape: fixed_dims([3, 2]) });
}

#[test]
fn squeeze_of_an_axis_that_is_not_one_is_refused() {
    let m = one(
        11,
        vec![f32_input("x", &[1, 3])],
        vec![],
        node("Squeeze", "s", &["x"], &["y"], vec![attr_ints("axes", &[1])]),
    );
    let e = import_err(&m);
    assert!(e.to_string().contains("`s`") && e.to_string().contains("cannot squeeze axis 1"), "{e}");
}

#[test]
fn concat_resolves_a_negative_axis() {
    let m = one(
        13,
        vec![f32_input("a", &[2, 1]), f32_input("b", &[2, 3])],
        vec![],
        node("Concat", "c", &["a", "b"], &["y"], vec![attr_i("axis", -1)]),
    );
    let g = import_ok(&m);
    assert_eq!(only_op(&g), Op::Concat { axis: 1 });
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![2, 4]));
}

#[test]
fn concat_without_axis_is_refused() {
    let m = one(
        13,
        vec![f32_input("a", &[2, 1]), f32_input("b", &[2, 3])],
        vec![],
        node("Concat", "c", &["a", "b"], &["y"], vec![]),
    );
    let e = import_err(&m);
    assert!(e.to_string().contains("`c`") && e.to_string().contains("axis"), "{e}");
}

#[test]
fn flatten_reshapes_to_two_dims_at_its_axis() {
    let m = |attrs| one(13, vec![f32_input("x", &[2, 3, 4])], vec![], node("Flatten", "f", &["x"], &["y"], attrs));
    assert_eq!(only_op(&import_ok(&m(vec![]))), Op::Reshape { shape: fixed_dims([2, 12]) });
    assert_eq!(only_op(&import_ok(&m(vec![attr_i("axis", 0)]))), Op::Reshape { shape: fixed_dims([1, 24]) });
    assert_eq!(only_op(&import_ok(&m(vec![attr_i("axis", -1)]))), Op::Reshape { shape: fixed_dims([6, 4]) });
}

#[test]
fn reshape_copies_zeros_and_infers_minus_one() {
    let m = one(
        13,
        vec![f32_input("x", &[2, 3, 4])],
        vec![init_i64("shape", &[0, -1])],
        node("Reshape", "r", &["x", "shape"], &["y"], vec![]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Reshape { shape: fixed_dims([2, 12]) });
    let m = one(
        13,
        vec![f32_input("x", &[2, 3, 4])],
        vec![init_i64("shape", &[5, -1])],
        node("Reshape", "r", &["x", "shape"], &["y"], vec![]),
    );
    assert!(import_err(&m).to_string().contains("`r`"));
}

// ---- Slice, Pad, Gather, CumSum, TopK, Reduce, Clip ----------------------------------------

#[test]
fn slice_before_opset_10_reads_attributes() {
    let attrs = vec![attr_ints("starts", &[1]), attr_ints("ends", &[100]), attr_ints("axes", &[1])];
    let m = one(9, vec![f32_input("x", &[2, 5])], vec![], node("Slice", "s", &["x"], &["y"], attrs));
    assert_eq!(only_op(&import_ok(&m)), Op::Slice { starts: vec![0, 1], steps: vec![1, 1], dims: fixed_dims([2, 4]) });
}

#[test]
fn slice_with_a_negative_step_from_the_end() {
    // x[::-2] over 6: start -1 -> 5, end far before the start -> clamped to -1: 5, 3, 1.
    let m = one(
        13,
        vec![f32_input("x", &[6])],
        vec![init_i64("starts", &[-1]), init_i64("ends", &[i64::MIN]), init_i64("steps", &[-2])],
        node("Slice", "s", &["x", "starts", "ends", "", "steps"], &["y"], vec![]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Slice { starts: vec![5], steps: vec![-2], dims: fixed_dims([3]) });
}

#[test]
fn slice_with_step_two_counts_the_elements_rounding_up() {
    // 1..6 step 2 over 7: 1, 3, 5.
    let m = one(
        13,
        vec![f32_input("x", &[3, 7])],
        vec![init_i64("starts", &[1]), init_i64("ends", &[6]), init_i64("axes", &[-1]), init_i64("steps", &[2])],
        node("Slice", "s", &["x", "starts", "ends", "axes", "steps"], &["y"], vec![]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Slice { starts: vec![0, 1], steps: vec![1, 2], dims: fixed_dims([3, 3]) });
}

#[test]
fn slice_with_a_zero_step_is_refused() {
    let m = one(
        13,
        vec![f32_input("x", &[6])],
        vec![init_i64("starts", &[0]), init_i64("ends", &[6]), init_i64("axes", &[0]), init_i64("steps", &[0])],
        node("Slice", "s", &["x", "starts", "ends", "axes", "steps"], &["y"], vec![]),
    );
    assert!(import_err(&m).to_string().contains("step is zero"));
}

#[test]
fn pad_before_opset_11_reads_pads_mode_and_value_attributes() {
    let attrs = vec![attr_ints("pads", &[0, 1, 0, 2]), attr_s("mode", "reflect"), attr_f("value", 0.0)];
    let m = one(2, vec![f32_input("x", &[2, 3])], vec![], node("Pad", "p", &["x"], &["y"], attrs));
    assert_eq!(only_op(&import_ok(&m)), Op::Pad { pads: vec![0, 1, 0, 2], mode: PadMode::Reflect, value: 0.0 });
    let attrs = vec![attr_ints("pads", &[1, 1]), attr_f("value", 2.5)];
    let m = one(2, vec![f32_input("x", &[3])], vec![], node("Pad", "p", &["x"], &["y"], attrs));
    assert_eq!(only_op(&import_ok(&m)), Op::Pad { pads: vec![1, 1], mode: PadMode::Constant, value: 2.5 });
}

#[test]
fn pad_from_opset_18_places_pads_on_the_given_axes() {
    // pads for axis 1 only: begin 2, end 3.
    let m = one(
        18,
        vec![f32_input("x", &[2, 3])],
        vec![init_i64("pads", &[2, 3]), init_f32("v", &[], &[7.0]), init_i64("axes", &[-1])],
        node("Pad", "p", &["x", "pads", "v", "axes"], &["y"], vec![attr_s("mode", "edge")]),
    );
    let g = import_ok(&m);
    assert_eq!(only_op(&g), Op::Pad { pads: vec![0, 2, 0, 3], mode: PadMode::Edge, value: 7.0 });
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![2, 8]));
}

#[test]
fn pad_with_an_unknown_mode_is_refused_naming_the_node() {
    let m = one(
        11,
        vec![f32_input("x", &[3])],
        vec![init_i64("pads", &[1, 1])],
        node("Pad", "padder", &["x", "pads"], &["y"], vec![attr_s("mode", "mirror")]),
    );
    let e = import_err(&m);
    assert!(matches!(e, Error::Model(_)));
    assert!(e.to_string().contains("`padder`") && e.to_string().contains("mirror"), "{e}");
}

#[test]
fn pad_whose_pads_are_a_run_time_input_is_unsupported() {
    let m = one(
        11,
        vec![f32_input("x", &[3]), input("pads", DType::I64, &[2])],
        vec![],
        node("Pad", "p", &["x", "pads"], &["y"], vec![]),
    );
    match import_err(&m) {
        Error::Unsupported(list) => {
            assert_eq!(list.len(), 1);
            assert_eq!((list[0].node.as_str(), list[0].op_type.as_str()), ("p", "Pad"));
            assert_eq!(list[0].needs_inputs, vec!["pads".to_string()]);
        }
        other => panic!("expected Unsupported, got {other}"),
    }
}

#[test]
fn gather_resolves_a_negative_axis_and_refuses_a_constant_index_out_of_range() {
    let m = one(
        13,
        vec![f32_input("x", &[2, 3]), input("i", DType::I64, &[2])],
        vec![],
        node("Gather", "g", &["x", "i"], &["y"], vec![attr_i("axis", -1)]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Gather { axis: 1 });
    let m = one(
        13,
        vec![f32_input("x", &[2, 3])],
        vec![init_i64("i", &[-4])],
        node("Gather", "g", &["x", "i"], &["y"], vec![attr_i("axis", 1)]),
    );
    let e = import_err(&m);
    assert!(e.to_string().contains("`g`") && e.to_string().contains("index -4"), "{e}");
}

#[test]
fn gather_with_i32_indices_widens_them_first() {
    let m = one(
        13,
        vec![f32_input("x", &[2, 3]), input("i", DType::I32, &[2])],
        vec![],
        node("Gather", "g", &["x", "i"], &["y"], vec![]),
    );
    let all = ops(&import_ok(&m));
    assert_eq!(
        all,
        vec![("g/indices".to_string(), Op::Cast { to: DType::I64 }), ("g".to_string(), Op::Gather { axis: 0 })]
    );
}

#[test]
fn cumsum_reads_the_axis_input_and_its_flags() {
    let m = one(
        14,
        vec![f32_input("x", &[2, 3])],
        vec![init_i64("axis", &[-1])],
        node("CumSum", "c", &["x", "axis"], &["y"], vec![attr_i("exclusive", 1), attr_i("reverse", 1)]),
    );
    let want = Op::Cumulative { axis: 1, exclusive: true, reverse: true, product: false };
    assert_eq!(only_op(&import_ok(&m)), want);
}

#[test]
fn top_k_reads_k_from_the_attribute_or_the_input() {
    let old =
        one(1, vec![f32_input("x", &[2, 5])], vec![], node("TopK", "t", &["x"], &["v", "i"], vec![attr_i("k", 3)]));
    let all = ops(&import_ok(&old));
    assert_eq!(
        all,
        vec![
            ("t".to_string(), Op::TopK { axis: 1, k: 3, largest: true, indices: false }),
            ("t/indices".to_string(), Op::TopK { axis: 1, k: 3, largest: true, indices: true }),
        ]
    );
    let new = one(
        11,
        vec![f32_input("x", &[2, 5])],
        vec![init_i64("k", &[2])],
        node("TopK", "t", &["x", "k"], &["v", "i"], vec![attr_i("axis", 0), attr_i("largest", 0)]),
    );
    let g = import_ok(&new);
    assert_eq!(ops(&g)[0].1, Op::TopK { axis: 0, k: 2, largest: false, indices: false });
    assert_eq!(g.value(g.outputs[1]).ty.dtype, DType::I64);
}

#[test]
fn reduce_sum_axes_move_from_attribute_to_input_at_opset_13() {
    let old = one(
        11,
        vec![f32_input("x", &[2, 3, 4])],
        vec![],
        node("ReduceSum", "r", &["x"], &["y"], vec![attr_ints("axes", &[-1, 0]), attr_i("keepdims", 0)]),
    );
    assert_eq!(only_op(&import_ok(&old)), Op::Reduce { kind: ReduceKind::Sum, axes: vec![0, 2], keepdims: false });
    let new = one(
        13,
        vec![f32_input("x", &[2, 3, 4])],
        vec![init_i64("axes", &[1])],
        node("ReduceSum", "r", &["x", "axes"], &["y"], vec![]),
    );
    assert_eq!(only_op(&import_ok(&new)), Op::Reduce { kind: ReduceKind::Sum, axes: vec![1], keepdims: true });
}

#[test]
fn reduce_without_axes_reduces_all_or_nothing_with_noop() {
    let all = one(13, vec![f32_input("x", &[2, 3])], vec![], node("ReduceMean", "r", &["x"], &["y"], vec![]));
    assert_eq!(only_op(&import_ok(&all)), Op::Reduce { kind: ReduceKind::Mean, axes: vec![0, 1], keepdims: true });
    let noop = one(
        18,
        vec![f32_input("x", &[2, 3])],
        vec![],
        node("ReduceMax", "r", &["x"], &["y"], vec![attr_i("noop_with_empty_axes", 1)]),
    );
    assert_eq!(only_op(&import_ok(&noop)), Op::Unary(UnaryOp::Identity));
}

#[test]
fn clip_bounds_from_attributes_or_constant_inputs() {
    let old = one(
        6,
        vec![f32_input("x", &[3])],
        vec![],
        node("Clip", "c", &["x"], &["y"], vec![attr_f("min", -1.0), attr_f("max", 1.0)]),
    );
    assert_eq!(only_op(&import_ok(&old)), Op::Unary(UnaryOp::Clip { min: Some(-1.0), max: Some(1.0) }));
    // Opset 11 with only a max (the min input omitted).
    let new = one(
        11,
        vec![f32_input("x", &[3])],
        vec![init_f32("hi", &[], &[6.0])],
        node("Clip", "c", &["x", "", "hi"], &["y"], vec![]),
    );
    assert_eq!(only_op(&import_ok(&new)), Op::Unary(UnaryOp::Clip { min: None, max: Some(6.0) }));
    // Bounds computed at run time become Max then Min.
    let dynamic = one(
        11,
        vec![f32_input("x", &[3]), f32_input("lo", &[]), f32_input("hi", &[])],
        vec![],
        node("Clip", "c", &["x", "lo", "hi"], &["y"], vec![]),
    );
    let kinds: Vec<Op> = ops(&import_ok(&dynamic)).into_iter().map(|(_, op)| op).collect();
    assert_eq!(kinds, vec![Op::Binary(BinaryOp::Max), Op::Binary(BinaryOp::Min)]);
}

// ---- the driver: names, missing inputs, unsupported ops --------------------------------------

#[test]
fn a_node_reading_an_undefined_value_is_reported() {
    let m = one(13, vec![f32_input("x", &[2])], vec![], node("Relu", "relu", &["nope"], &["y"], vec![]));
    let e = import_err(&m);
    assert!(matches!(e, Error::Model(_)));
    assert!(e.to_string().contains("`relu`") && e.to_string().contains("`nope`"), "{e}");
}

#[test]
fn nodes_out_of_order_are_reported_as_such() {
    let m = model(
        13,
        vec![f32_input("x", &[2])],
        vec![],
        vec![node("Relu", "second", &["t"], &["y"], vec![]), node("Neg", "first", &["x"], &["t"], vec![])],
    );
    let e = import_err(&m);
    assert!(e.to_string().contains("only node `first` after it defines"), "{e}");
}

#[test]
fn unknown_ops_are_all_listed() {
    let m = model(
        13,
        vec![f32_input("x", &[2])],
        vec![],
        vec![
            node("NoSuchOp", "a", &["x"], &["t"], vec![]),
            node("Relu", "b", &["t"], &["u"], vec![]),
            node("AlsoUnknown", "c", &["u"], &["y"], vec![]),
        ],
    );
    match import_err(&m) {
        Error::Unsupported(list) => {
            let names: Vec<(&str, &str)> = list.iter().map(|u| (u.node.as_str(), u.op_type.as_str())).collect();
            assert_eq!(names, vec![("a", "NoSuchOp"), ("c", "AlsoUnknown")]);
            assert_eq!(list[0].opset, 13);
        }
        other => panic!("expected Unsupported, got {other}"),
    }
}

#[test]
fn an_opset_beyond_the_known_range_is_refused() {
    let m = one(99, vec![f32_input("x", &[2])], vec![], node("Relu", "r", &["x"], &["y"], vec![]));
    assert!(import_err(&m).to_string().contains("opset 99"));
}

#[test]
fn an_unnamed_node_is_named_after_its_op_and_position() {
    let mut n = node("Relu", "", &["x"], &["y"], vec![]);
    n.name = None;
    let m = one(13, vec![f32_input("x", &[2])], vec![], n);
    let g = import_ok(&m);
    assert_eq!(ops(&g), vec![("Relu_0".to_string(), Op::Unary(UnaryOp::Relu))]);
    // The output takes the ONNX output name.
    assert_eq!(g.value(g.outputs[0]).name, "y");
}

#[test]
fn a_node_on_constants_only_is_folded_at_import() {
    let m = one(
        13,
        vec![],
        vec![init_f32("a", &[2], &[1., 2.]), init_f32("b", &[2], &[10., 20.])],
        node("Add", "add", &["a", "b"], &["y"], vec![]),
    );
    let g = import_ok(&m);
    assert!(ops(&g).is_empty());
    match &g.value(g.outputs[0]).def {
        ValueDef::Const(t) => assert_eq!(t.data, Data::F32(vec![11., 22.])),
        other => panic!("expected a constant, got {other:?}"),
    }
}

// ---- activations and other attribute defaults ----------------------------------------------

fn unary_model(op: &str, attrs: Vec<AttributeProto>) -> ModelProto {
    one(14, vec![f32_input("x", &[4])], vec![], node(op, "act", &["x"], &["y"], attrs))
}

#[test]
fn activation_attributes_default_as_the_spec_says() {
    use crate::ir::MathFn;
    let math = |op: &str| match only_op(&import_ok(&unary_model(op, vec![]))) {
        Op::Unary(UnaryOp::Math(f)) => f,
        other => panic!("{op} imported as {other:?}"),
    };
    assert_eq!(math("LeakyRelu"), MathFn::LeakyRelu { alpha: 0.01 });
    assert_eq!(math("HardSigmoid"), MathFn::HardSigmoid { alpha: 0.2, beta: 0.5 });
    assert_eq!(math("Elu"), MathFn::Elu { alpha: 1.0 });
    assert_eq!(math("Celu"), MathFn::Celu { alpha: 1.0 });
    assert_eq!(math("ThresholdedRelu"), MathFn::ThresholdedRelu { alpha: 1.0 });
    assert_eq!(math("Shrink"), MathFn::Shrink { bias: 0.0, lambd: 0.5 });
    assert_eq!(math("Gelu"), MathFn::Gelu);
    let MathFn::Selu { alpha, gamma } = math("Selu") else { panic!("not Selu") };
    assert!((alpha - 1.673_263_2).abs() < 1e-6 && (gamma - 1.050_701).abs() < 1e-6);
}

#[test]
fn activation_attributes_are_read() {
    use crate::ir::MathFn;
    let g = import_ok(&unary_model("LeakyRelu", vec![attr_f("alpha", 0.3)]));
    assert_eq!(only_op(&g), Op::Unary(UnaryOp::Math(MathFn::LeakyRelu { alpha: 0.3 })));
    let g = import_ok(&unary_model("Gelu", vec![attr_s("approximate", "tanh")]));
    assert_eq!(only_op(&g), Op::Unary(UnaryOp::Math(MathFn::GeluTanh)));
    let e = import_err(&unary_model("Gelu", vec![attr_s("approximate", "cubic")]));
    assert!(e.to_string().contains("`act`") && e.to_string().contains("cubic"), "{e}");
    let g = import_ok(&unary_model("IsInf", vec![attr_i("detect_negative", 0)]));
    assert_eq!(only_op(&g), Op::Unary(UnaryOp::IsInf { positive: true, negative: false }));
}

#[test]
fn float_activations_of_integers_are_unsupported() {
    let m = one(13, vec![input("x", DType::I32, &[4])], vec![], node("Exp", "e", &["x"], &["y"], vec![]));
    match import_err(&m) {
        Error::Unsupported(list) => assert_eq!(list[0].node, "e"),
        other => panic!("expected Unsupported, got {other}"),
    }
}

#[test]
fn lrn_defaults_and_required_size() {
    let m = |attrs| one(13, vec![f32_input("x", &[1, 4, 2, 2])], vec![], node("LRN", "lrn", &["x"], &["y"], attrs));
    assert_eq!(
        only_op(&import_ok(&m(vec![attr_i("size", 3)]))),
        Op::Lrn { size: 3, alpha: 1e-4, beta: 0.75, bias: 1.0 }
    );
    assert!(import_err(&m(vec![])).to_string().contains("size"));
    assert!(import_err(&m(vec![attr_i("size", 0)])).to_string().contains("size"));
}

#[test]
fn arg_max_defaults_and_select_last_index() {
    let m = |attrs| one(13, vec![f32_input("x", &[2, 3])], vec![], node("ArgMax", "am", &["x"], &["y"], attrs));
    let want = Op::ArgReduce { max: true, axis: 0, keepdims: true, select_last: false };
    assert_eq!(only_op(&import_ok(&m(vec![]))), want);
    let attrs = vec![attr_i("axis", -1), attr_i("keepdims", 0), attr_i("select_last_index", 1)];
    let want = Op::ArgReduce { max: true, axis: 1, keepdims: false, select_last: true };
    assert_eq!(only_op(&import_ok(&m(attrs))), want);
}

#[test]
fn cast_reads_the_onnx_type_code() {
    let m = |to: i64| {
        one(13, vec![f32_input("x", &[2])], vec![], node("Cast", "c", &["x"], &["y"], vec![attr_i("to", to)]))
    };
    // 7 is INT64, 9 BOOL in TensorProto.DataType.
    assert_eq!(only_op(&import_ok(&m(7))), Op::Cast { to: DType::I64 });
    assert_eq!(only_op(&import_ok(&m(9))), Op::Cast { to: DType::Bool });
    // 8 is STRING.
    assert!(matches!(import_err(&m(8)), Error::Unsupported(_)));
}

#[test]
fn shape_of_a_static_input_folds_to_a_constant_with_start_and_end() {
    let m = one(
        15,
        vec![f32_input("x", &[2, 3, 4])],
        vec![],
        node("Shape", "s", &["x"], &["y"], vec![attr_i("start", -2)]),
    );
    let g = import_ok(&m);
    assert!(ops(&g).is_empty());
    match &g.value(g.outputs[0]).def {
        ValueDef::Const(t) => assert_eq!(t.data, Data::I64(vec![3, 4])),
        other => panic!("expected a constant, got {other:?}"),
    }
}

// ---- ConvTranspose, Split, DepthToSpace, BatchNormalization, Expand --------------------------

fn conv_transpose_model(attrs: Vec<AttributeProto>) -> ModelProto {
    one(
        11,
        vec![f32_input("x", &[1, 1, 3])],
        vec![init_f32("w", &[1, 2, 3], &[1.; 6])],
        node("ConvTranspose", "ct", &["x", "w"], &["y"], attrs),
    )
}

#[test]
fn conv_transpose_output_from_strides_output_padding_and_pads() {
    // stride 2 * (3 - 1) + output_padding 1 + kernel 3 = 8, minus pads 1 + 0 = 7.
    let attrs = vec![attr_ints("strides", &[2]), attr_ints("output_padding", &[1]), attr_ints("pads", &[1, 0])];
    let g = import_ok(&conv_transpose_model(attrs));
    let want =
        Op::ConvTranspose { group: 1, strides: vec![2], dilations: vec![1], pads_begin: vec![1], output: vec![7] };
    assert_eq!(only_op(&g), want);
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![1, 2, 7]));
}

#[test]
fn conv_transpose_same_padding_targets_input_times_stride() {
    // Output 3 * 2 = 6 of the full 2 * 2 + 3 = 7: one to drop; SAME_UPPER drops it at the end,
    // SAME_LOWER at the start.
    let attrs = |mode| vec![attr_ints("strides", &[2]), attr_s("auto_pad", mode)];
    let Op::ConvTranspose { pads_begin, output, .. } = only_op(&import_ok(&conv_transpose_model(attrs("SAME_UPPER"))))
    else {
        panic!("not a ConvTranspose")
    };
    assert_eq!((pads_begin, output), (vec![0], vec![6]));
    let Op::ConvTranspose { pads_begin, .. } = only_op(&import_ok(&conv_transpose_model(attrs("SAME_LOWER")))) else {
        panic!("not a ConvTranspose")
    };
    assert_eq!(pads_begin, vec![1]);
}

#[test]
fn conv_transpose_output_shape_sets_the_extent() {
    let attrs = vec![attr_ints("strides", &[2]), attr_ints("output_shape", &[8])];
    let Op::ConvTranspose { output, pads_begin, .. } = only_op(&import_ok(&conv_transpose_model(attrs))) else {
        panic!("not a ConvTranspose")
    };
    assert_eq!((output, pads_begin), (vec![8], vec![0]));
}

#[test]
fn split_sizes_from_the_input_become_slices() {
    let m = one(
        13,
        vec![f32_input("x", &[2, 3])],
        vec![init_i64("split", &[1, 2])],
        node("Split", "sp", &["x", "split"], &["a", "b"], vec![attr_i("axis", 1)]),
    );
    let want = vec![
        ("sp/0".to_string(), Op::Slice { starts: vec![0, 0], steps: vec![1, 1], dims: fixed_dims([2, 1]) }),
        ("sp/1".to_string(), Op::Slice { starts: vec![0, 1], steps: vec![1, 1], dims: fixed_dims([2, 2]) }),
    ];
    assert_eq!(ops(&import_ok(&m)), want);
}

#[test]
fn split_into_equal_parts_leaves_the_last_smaller() {
    // num_outputs 3 over 7: ceil(7 / 3) = 3, so 3, 3, 1.
    let m = one(
        18,
        vec![f32_input("x", &[7])],
        vec![],
        node("Split", "sp", &["x"], &["a", "b", "c"], vec![attr_i("num_outputs", 3)]),
    );
    let sizes: Vec<(i64, Vec<usize>)> = ops(&import_ok(&m))
        .into_iter()
        .map(|(_, op)| match op {
            Op::Slice { starts, dims, .. } => (starts[0], crate::ir::static_of(&dims).unwrap()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(sizes, vec![(0, vec![3]), (3, vec![3]), (6, vec![1])]);
}

#[test]
fn split_sizes_must_add_up_to_the_axis() {
    let m = one(
        11,
        vec![f32_input("x", &[5])],
        vec![],
        node("Split", "sp", &["x"], &["a", "b"], vec![attr_ints("split", &[2, 2])]),
    );
    assert!(import_err(&m).to_string().contains("do not add up"));
}

#[test]
fn depth_to_space_dcr_and_crd_orders() {
    let m = |mode: &str| {
        one(
            13,
            vec![f32_input("x", &[1, 8, 2, 3])],
            vec![],
            node("DepthToSpace", "d2s", &["x"], &["y"], vec![attr_i("blocksize", 2), attr_s("mode", mode)]),
        )
    };
    let g = import_ok(&m("DCR"));
    let want = vec![
        ("d2s/split".to_string(), Op::Reshape { shape: fixed_dims([1, 2, 2, 2, 2, 3]) }),
        ("d2s/move".to_string(), Op::Transpose { perm: vec![0, 3, 4, 1, 5, 2] }),
        ("d2s".to_string(), Op::Reshape { shape: fixed_dims([1, 2, 4, 6]) }),
    ];
    assert_eq!(ops(&g), want);
    let crd = ops(&import_ok(&m("CRD")));
    assert_eq!(crd[1].1, Op::Transpose { perm: vec![0, 1, 4, 2, 5, 3] });
    assert!(import_err(&m("RDC")).to_string().contains("RDC"));
}

#[test]
fn space_to_depth_checks_the_blocksize_divides_the_image() {
    let m = |h: i64| {
        one(
            13,
            vec![f32_input("x", &[1, 1, h, 4])],
            vec![],
            node("SpaceToDepth", "s2d", &["x"], &["y"], vec![attr_i("blocksize", 2)]),
        )
    };
    let g = import_ok(&m(4));
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![1, 4, 2, 2]));
    assert_eq!(ops(&g)[1].1, Op::Transpose { perm: vec![0, 3, 5, 1, 2, 4] });
    assert!(import_err(&m(3)).to_string().contains("multiple"));
}

#[test]
fn batch_norm_with_constant_statistics_folds_to_a_scale_and_shift() {
    // scale 2, bias 1, mean 3, var 3, epsilon 1: s = 2 / sqrt(4) = 1, t = 1 - 3 * 1 = -2.
    let m = one(
        15,
        vec![f32_input("x", &[1, 1, 2, 2])],
        vec![
            init_f32("scale", &[1], &[2.]),
            init_f32("bias", &[1], &[1.]),
            init_f32("mean", &[1], &[3.]),
            init_f32("var", &[1], &[3.]),
        ],
        node("BatchNormalization", "bn", &["x", "scale", "bias", "mean", "var"], &["y"], vec![attr_f("epsilon", 1.0)]),
    );
    let g = import_ok(&m);
    let kinds: Vec<(String, String)> = ops(&g).into_iter().map(|(n, op)| (n, op.kind())).collect();
    assert_eq!(kinds, vec![("bn/mul".to_string(), "Mul".to_string()), ("bn".to_string(), "Add".to_string())]);
    let s = const_input(&g, named(&g, "bn/mul"), 1);
    assert_eq!((s.shape.clone(), s.data), (vec![1, 1, 1], Data::F32(vec![1.0])));
    let t = const_input(&g, named(&g, "bn"), 1);
    assert_eq!((t.shape.clone(), t.data), (vec![1, 1, 1], Data::F32(vec![-2.0])));
}

#[test]
fn layer_normalization_over_the_last_axis_is_one_core_op() {
    let m = one(
        17,
        vec![f32_input("x", &[2, 4])],
        vec![init_f32("s", &[4], &[1.; 4]), init_f32("b", &[4], &[0.; 4])],
        node("LayerNormalization", "ln", &["x", "s", "b"], &["y"], vec![attr_f("epsilon", 0.25)]),
    );
    let g = import_ok(&m);
    let ln = named(&g, "ln");
    let Op::LayerNorm { epsilon } = ln.op else { panic!("{:?}", ln.op) };
    assert!((epsilon - 0.25).abs() < 1e-9);
}

#[test]
fn expand_broadcasts_to_the_constant_shape() {
    let m = one(
        13,
        vec![f32_input("x", &[3, 1])],
        vec![init_i64("shape", &[2, 1, 4])],
        node("Expand", "ex", &["x", "shape"], &["y"], vec![]),
    );
    let g = import_ok(&m);
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![2, 3, 4]));
}

#[test]
fn softmax_on_half_precision_runs_through_f32() {
    let m = one(13, vec![input("x", DType::F16, &[2, 3])], vec![], node("Softmax", "sm", &["x"], &["y"], vec![]));
    let g = import_ok(&m);
    let want = vec![
        ("sm/in0_f32".to_string(), Op::Cast { to: DType::F32 }),
        ("sm/f32".to_string(), Op::Softmax { axis: 1, log: false }),
        ("sm".to_string(), Op::Cast { to: DType::F16 }),
    ];
    assert_eq!(ops(&g), want);
    assert_eq!(g.value(g.outputs[0]).ty.dtype, DType::F16);
}
