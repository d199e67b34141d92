//! Tests: ConvTranspose, Split, DepthToSpace, BatchNormalization, Expand.

use super::*;

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
    let want = Op::ConvTranspose {
        group: 1,
        strides: vec![2],
        dilations: vec![1],
        pads_begin: vec![1],
        output: crate::ir::fixed_dims([7]),
    };
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
    assert_eq!((pads_begin, output), (vec![0], crate::ir::fixed_dims([6])));
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
    assert_eq!((output, pads_begin), (crate::ir::fixed_dims([8]), vec![0]));
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
