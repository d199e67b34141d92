//! Tests: Slice, Pad, Gather, CumSum, TopK, Reduce, Clip.

use super::*;

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

#[test]
fn reductions_without_integer_kernels_refuse_integer_inputs_as_unsupported() {
    for op in ["ReduceMean", "ReduceProd", "ReduceL2", "ReduceLogSumExp", "ReduceLogSum"] {
        let m = one(13, vec![input("x", DType::I32, &[2, 3])], vec![], node(op, "r", &["x"], &["y"], vec![]));
        let err = import_err(&m);
        assert!(matches!(&err, Error::Unsupported(u) if u[0].reason.contains("i32")), "{op}: {err}");
    }
    // Sums, maxima and minima of integers are supported.
    let m = one(13, vec![input("x", DType::I32, &[2, 3])], vec![], node("ReduceMax", "r", &["x"], &["y"], vec![]));
    assert!(matches!(only_op(&import_ok(&m)), Op::Reduce { kind: ReduceKind::Max, .. }));
}
