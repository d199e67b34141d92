//! Unit tests of this folder's op families.

use super::*;

// ---- helpers -------------------------------------------------------------------------------

fn ty(dtype: DType, dims: &[usize]) -> TensorType {
    TensorType::fixed(dtype, dims)
}

fn f32s(shape: &[usize], v: &[f32]) -> Tensor {
    Tensor::new(shape.to_vec(), Data::F32(v.to_vec())).expect("element count matches the shape")
}

fn i64t(shape: &[usize], v: &[i64]) -> Tensor {
    Tensor::new(shape.to_vec(), Data::I64(v.to_vec())).expect("element count matches the shape")
}

fn i32t(shape: &[usize], v: &[i32]) -> Tensor {
    Tensor::new(shape.to_vec(), Data::I32(v.to_vec())).expect("element count matches the shape")
}

fn bools(shape: &[usize], v: &[bool]) -> Tensor {
    Tensor::new(shape.to_vec(), Data::Bool(v.to_vec())).expect("element count matches the shape")
}

/// Output types of `op` on inputs of these types.
fn infer_of(op: &Op, inputs: &[TensorType]) -> Result<Vec<TensorType>, String> {
    infer(op, &inputs.iter().collect::<Vec<_>>())
}

/// `op` on constant inputs: types inferred, then evaluated; the single output.
fn run(op: &Op, inputs: &[Tensor]) -> Result<Tensor, String> {
    let tys: Vec<TensorType> = inputs.iter().map(Tensor::ty).collect();
    let out = infer_of(op, &tys)?;
    let mut y = eval(op, &inputs.iter().collect::<Vec<_>>(), &out)?;
    assert_eq!(y.len(), 1, "one output");
    let y = y.pop().unwrap();
    assert_eq!(y.ty(), out[0], "evaluation agrees with inference");
    Ok(y)
}

fn run_ok(op: &Op, inputs: &[Tensor]) -> Tensor {
    run(op, inputs).unwrap_or_else(|e| panic!("{op:?} failed: {e}"))
}

fn as_f32(t: &Tensor) -> &[f32] {
    match &t.data {
        Data::F32(v) => v,
        other => panic!("expected f32 data, got {}", other.dtype()),
    }
}

fn as_i64(t: &Tensor) -> &[i64] {
    match &t.data {
        Data::I64(v) => v,
        other => panic!("expected i64 data, got {}", other.dtype()),
    }
}

fn as_bool(t: &Tensor) -> &[bool] {
    match &t.data {
        Data::Bool(v) => v,
        other => panic!("expected bool data, got {}", other.dtype()),
    }
}

fn assert_close(got: &[f32], want: &[f32]) {
    assert_eq!(got.len(), want.len(), "lengths of {got:?} and {want:?}");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() <= 1e-5 * w.abs().max(1.0), "element {i}: got {g}, want {w} ({got:?} vs {want:?})");
    }
}

fn window(kernel: &[usize], strides: &[usize], pads: &[usize]) -> Window {
    Window { kernel: kernel.to_vec(), strides: strides.to_vec(), dilations: vec![1; kernel.len()], pads: pads.to_vec() }
}

/// 1..=9 as a `[1, 1, 3, 3]` image.
fn image_3x3() -> Tensor {
    f32s(&[1, 1, 3, 3], &[1., 2., 3., 4., 5., 6., 7., 8., 9.])
}

// ---- elementwise ---------------------------------------------------------------------------

#[test]
fn unary_keeps_type_and_is_inf_yields_bool() {
    let t = ty(DType::F32, &[2, 3]);
    assert_eq!(infer_of(&Op::Unary(UnaryOp::Relu), std::slice::from_ref(&t)).unwrap(), vec![t.clone()]);
    let op = Op::Unary(UnaryOp::IsInf { positive: true, negative: true });
    assert_eq!(infer_of(&op, std::slice::from_ref(&t)).unwrap(), vec![ty(DType::Bool, &[2, 3])]);
}

#[test]
fn unary_refuses_math_on_integers_and_not_on_floats() {
    assert!(infer_of(&Op::Unary(UnaryOp::Math(MathFn::Exp)), &[ty(DType::I32, &[2])]).is_err());
    assert!(infer_of(&Op::Unary(UnaryOp::Not), &[ty(DType::F32, &[2])]).is_err());
    assert!(infer_of(&Op::Unary(UnaryOp::BitNot), &[ty(DType::F32, &[2])]).is_err());
    assert!(infer_of(&Op::Unary(UnaryOp::Relu), &[ty(DType::F32, &[2]), ty(DType::F32, &[2])]).is_err());
}

#[test]
fn relu_neg_abs_evaluate_elementwise() {
    let x = f32s(&[4], &[-2., -0.5, 0., 3.]);
    assert_eq!(as_f32(&run_ok(&Op::Unary(UnaryOp::Relu), std::slice::from_ref(&x))), &[0., 0., 0., 3.]);
    assert_eq!(as_f32(&run_ok(&Op::Unary(UnaryOp::Neg), std::slice::from_ref(&x))), &[2., 0.5, -0., -3.]);
    assert_eq!(as_f32(&run_ok(&Op::Unary(UnaryOp::Abs), &[x])), &[2., 0.5, 0., 3.]);
}

#[test]
fn clip_with_only_a_minimum_leaves_the_top_open() {
    let op = Op::Unary(UnaryOp::Clip { min: Some(0.5), max: None });
    let y = run_ok(&op, &[f32s(&[3], &[-1., 0.7, 100.])]);
    assert_eq!(as_f32(&y), &[0.5, 0.7, 100.]);
}

#[test]
fn sigmoid_of_zero_is_one_half_and_sign_of_integers() {
    let y = run_ok(&Op::Unary(UnaryOp::Math(MathFn::Sigmoid)), &[f32s(&[1], &[0.])]);
    assert_close(as_f32(&y), &[0.5]);
    let y = run_ok(&Op::Unary(UnaryOp::Sign), &[i32t(&[3], &[-7, 0, 4])]);
    assert_eq!(y.data, Data::I32(vec![-1, 0, 1]));
}

#[test]
fn is_inf_counts_only_the_requested_sign_and_not_negates() {
    let x = f32s(&[4], &[f32::INFINITY, f32::NEG_INFINITY, 1., f32::NAN]);
    let y = run_ok(&Op::Unary(UnaryOp::IsInf { positive: true, negative: false }), std::slice::from_ref(&x));
    assert_eq!(as_bool(&y), &[true, false, false, false]);
    let y = run_ok(&Op::Unary(UnaryOp::IsNaN), &[x]);
    assert_eq!(as_bool(&y), &[false, false, false, true]);
    let y = run_ok(&Op::Unary(UnaryOp::Not), &[bools(&[2], &[true, false])]);
    assert_eq!(as_bool(&y), &[false, true]);
}

#[test]
fn binary_broadcasts_numpy_style() {
    let out = infer_of(&Op::Binary(BinaryOp::Add), &[ty(DType::F32, &[2, 1]), ty(DType::F32, &[3])]).unwrap();
    assert_eq!(out, vec![ty(DType::F32, &[2, 3])]);
    let y = run_ok(&Op::Binary(BinaryOp::Add), &[f32s(&[2, 1], &[10., 20.]), f32s(&[3], &[1., 2., 3.])]);
    assert_eq!(as_f32(&y), &[11., 12., 13., 21., 22., 23.]);
}

#[test]
fn binary_refuses_mixed_dtypes_wrong_kinds_and_non_broadcasting_shapes() {
    let f = ty(DType::F32, &[2]);
    assert!(infer_of(&Op::Binary(BinaryOp::Add), &[f.clone(), ty(DType::F64, &[2])]).is_err());
    assert!(infer_of(&Op::Binary(BinaryOp::BitAnd), &[f.clone(), f.clone()]).is_err());
    assert!(infer_of(&Op::Binary(BinaryOp::And), &[f.clone(), f.clone()]).is_err());
    assert!(infer_of(&Op::Binary(BinaryOp::Add), &[f, ty(DType::F32, &[3])]).is_err());
}

#[test]
fn comparisons_yield_bool() {
    let out = infer_of(&Op::Binary(BinaryOp::Less), &[ty(DType::I64, &[3]), ty(DType::I64, &[3])]).unwrap();
    assert_eq!(out[0].dtype, DType::Bool);
    let y = run_ok(&Op::Binary(BinaryOp::GreaterOrEqual), &[i64t(&[3], &[1, 2, 3]), i64t(&[], &[2])]);
    assert_eq!(as_bool(&y), &[false, true, true]);
}

#[test]
fn mod_takes_the_divisors_sign_and_fmod_the_dividends() {
    let (a, b) = (i32t(&[2], &[-7, 7]), i32t(&[2], &[3, -3]));
    let y = run_ok(&Op::Binary(BinaryOp::Mod { fmod: false }), &[a.clone(), b.clone()]);
    assert_eq!(y.data, Data::I32(vec![2, -2]));
    let y = run_ok(&Op::Binary(BinaryOp::Mod { fmod: true }), &[a, b]);
    assert_eq!(y.data, Data::I32(vec![-1, 1]));
}

#[test]
fn bit_ops_and_shifts_on_integers() {
    let y = run_ok(&Op::Binary(BinaryOp::BitXor), &[i32t(&[2], &[0b1100, 5]), i32t(&[2], &[0b1010, 5])]);
    assert_eq!(y.data, Data::I32(vec![0b0110, 0]));
    let y = run_ok(&Op::Binary(BinaryOp::ShiftLeft), &[i32t(&[2], &[1, 3]), i32t(&[2], &[4, 1])]);
    assert_eq!(y.data, Data::I32(vec![16, 6]));
}

#[test]
fn where_selects_by_condition_with_broadcast() {
    let out = infer_of(&Op::Where, &[ty(DType::Bool, &[2, 1]), ty(DType::F32, &[3]), ty(DType::F32, &[])]).unwrap();
    assert_eq!(out, vec![ty(DType::F32, &[2, 3])]);
    let y = run_ok(&Op::Where, &[bools(&[2], &[true, false]), f32s(&[2], &[1., 2.]), f32s(&[2], &[3., 4.])]);
    assert_eq!(as_f32(&y), &[1., 4.]);
}

#[test]
fn where_needs_a_bool_condition() {
    assert!(infer_of(&Op::Where, &[ty(DType::F32, &[2]), ty(DType::F32, &[2]), ty(DType::F32, &[2])]).is_err());
    assert!(infer_of(&Op::Where, &[ty(DType::Bool, &[2]), ty(DType::F32, &[2]), ty(DType::I32, &[2])]).is_err());
}

#[test]
fn cast_converts_values_to_the_target_type() {
    let y = run_ok(&Op::Cast { to: DType::F32 }, &[i32t(&[2], &[1, -2])]);
    assert_eq!(as_f32(&y), &[1., -2.]);
    let y = run_ok(&Op::Cast { to: DType::Bool }, &[f32s(&[2], &[0., 0.5])]);
    assert_eq!(as_bool(&y), &[false, true]);
}

#[test]
fn bitcast_reinterprets_bytes_and_refuses_other_sizes() {
    let y = run_ok(&Op::BitCast { to: DType::I32 }, &[f32s(&[1], &[1.0])]);
    assert_eq!(y.data, Data::I32(vec![0x3f80_0000]));
    assert!(infer_of(&Op::BitCast { to: DType::I64 }, &[ty(DType::F32, &[1])]).is_err());
    assert!(infer_of(&Op::BitCast { to: DType::Bool }, &[ty(DType::U8, &[1])]).is_err());
}

#[test]
fn fused_expression_evaluates_op_by_op() {
    // relu(x0 - x1) * x0
    let expr = FusedExpr::Binary(
        BinaryOp::Mul,
        Box::new(FusedExpr::Unary(
            UnaryOp::Relu,
            Box::new(FusedExpr::Binary(BinaryOp::Sub, Box::new(FusedExpr::Input(0)), Box::new(FusedExpr::Input(1)))),
        )),
        Box::new(FusedExpr::Input(0)),
    );
    let op = Op::Fused { head: None, expr };
    let y = run_ok(&op, &[f32s(&[3], &[1., 2., 3.]), f32s(&[], &[2.])]);
    assert_eq!(as_f32(&y), &[0., 0., 3.]);
}

#[test]
fn fused_needs_one_float_type() {
    let op = Op::Fused { head: None, expr: FusedExpr::Input(0) };
    assert!(infer_of(&op, &[ty(DType::I32, &[2])]).is_err());
    assert!(infer_of(&op, &[ty(DType::F32, &[2]), ty(DType::F64, &[2])]).is_err());
}

#[test]
fn fused_matmul_head_applies_its_epilogue() {
    // [[1, -1]] x [[1], [2]] = [[-1]]; + bias 3 = 2; relu = 2.
    let expr = FusedExpr::Unary(
        UnaryOp::Relu,
        Box::new(FusedExpr::Binary(BinaryOp::Add, Box::new(FusedExpr::Input(0)), Box::new(FusedExpr::Input(1)))),
    );
    let op = Op::Fused { head: Some(FusedHead { op: Box::new(Op::MatMul), inputs: 2 }), expr };
    let y = run_ok(&op, &[f32s(&[1, 2], &[1., -1.]), f32s(&[2, 1], &[1., 2.]), f32s(&[1], &[3.])]);
    assert_eq!(y.shape, vec![1, 1]);
    assert_eq!(as_f32(&y), &[2.]);
}

#[test]
fn fused_head_epilogue_must_keep_the_heads_type() {
    // The epilogue broadcasts the [1, 1] product to [1, 3]: not in place.
    let expr = FusedExpr::Binary(BinaryOp::Add, Box::new(FusedExpr::Input(0)), Box::new(FusedExpr::Input(1)));
    let op = Op::Fused { head: Some(FusedHead { op: Box::new(Op::MatMul), inputs: 2 }), expr };
    assert!(infer_of(&op, &[ty(DType::F32, &[1, 2]), ty(DType::F32, &[2, 1]), ty(DType::F32, &[3])]).is_err());
}

// ---- linalg --------------------------------------------------------------------------------

#[test]
fn matmul_of_2x3_by_3x2() {
    let a = f32s(&[2, 3], &[1., 2., 3., 4., 5., 6.]);
    let b = f32s(&[3, 2], &[7., 8., 9., 10., 11., 12.]);
    let y = run_ok(&Op::MatMul, &[a, b]);
    assert_eq!(y.shape, vec![2, 2]);
    assert_eq!(as_f32(&y), &[58., 64., 139., 154.]);
}

#[test]
fn matmul_promotes_a_vector_and_drops_its_axis() {
    let y = run_ok(&Op::MatMul, &[f32s(&[3], &[1., 0., -1.]), f32s(&[3, 2], &[1., 2., 3., 4., 5., 6.])]);
    assert_eq!(y.shape, vec![2]);
    assert_eq!(as_f32(&y), &[-4., -4.]);
}

#[test]
fn matmul_broadcasts_batch_dims() {
    let out = infer_of(&Op::MatMul, &[ty(DType::F32, &[2, 1, 4, 3]), ty(DType::F32, &[5, 3, 6])]).unwrap();
    assert_eq!(out, vec![ty(DType::F32, &[2, 5, 4, 6])]);
}

#[test]
fn matmul_refuses_mismatched_inner_dims_and_dtypes() {
    assert!(infer_of(&Op::MatMul, &[ty(DType::F32, &[2, 3]), ty(DType::F32, &[2, 3])]).is_err());
    assert!(infer_of(&Op::MatMul, &[ty(DType::F32, &[2, 3]), ty(DType::F64, &[3, 2])]).is_err());
    assert!(infer_of(&Op::MatMul, &[ty(DType::F32, &[]), ty(DType::F32, &[3, 2])]).is_err());
}

#[test]
fn matmul_keeps_symbolic_rows() {
    let a = TensorType::new(DType::F32, vec![Dim::sym("n"), Dim::fixed(3)]);
    let out = infer_of(&Op::MatMul, &[a, ty(DType::F32, &[3, 4])]).unwrap();
    assert_eq!(out[0].shape, vec![Dim::sym("n"), Dim::fixed(4)]);
}

#[test]
fn det_of_2x2_and_batched() {
    let y = run_ok(&Op::Det, &[f32s(&[2, 2], &[1., 2., 3., 4.])]);
    assert!(y.shape.is_empty());
    assert_close(as_f32(&y), &[-2.]);
    let y = run_ok(&Op::Det, &[f32s(&[2, 2, 2], &[2., 0., 0., 3., 0., 1., 1., 0.])]);
    assert_close(as_f32(&y), &[6., -1.]);
}

#[test]
fn det_needs_square_float_matrices() {
    assert!(infer_of(&Op::Det, &[ty(DType::F32, &[2, 3])]).is_err());
    assert!(infer_of(&Op::Det, &[ty(DType::I32, &[2, 2])]).is_err());
    assert!(infer_of(&Op::Det, &[ty(DType::F32, &[4])]).is_err());
}

// ---- conv ----------------------------------------------------------------------------------

#[test]
fn conv_infers_the_output_extent_from_the_window() {
    // 7x7 input, 3x3 kernel, stride 2, pads 1: (7 + 2 - 3) / 2 + 1 = 4.
    let op = Op::Conv { group: 1, window: window(&[3, 3], &[2, 2], &[1, 1, 1, 1]) };
    let out = infer_of(&op, &[ty(DType::F32, &[2, 3, 7, 7]), ty(DType::F32, &[8, 3, 3, 3]), ty(DType::F32, &[8])]);
    assert_eq!(out.unwrap(), vec![ty(DType::F32, &[2, 8, 4, 4])]);
}

#[test]
fn conv_refuses_channel_group_kernel_and_bias_mismatches() {
    let op = Op::Conv { group: 1, window: window(&[3, 3], &[1, 1], &[0; 4]) };
    // Input has 3 channels, weights expect 2.
    assert!(infer_of(&op, &[ty(DType::F32, &[1, 3, 5, 5]), ty(DType::F32, &[4, 2, 3, 3])]).is_err());
    // kernel_shape disagrees with the weights.
    assert!(infer_of(&op, &[ty(DType::F32, &[1, 3, 5, 5]), ty(DType::F32, &[4, 3, 2, 2])]).is_err());
    // Bias must have one entry per output channel.
    let three = [ty(DType::F32, &[1, 3, 5, 5]), ty(DType::F32, &[4, 3, 3, 3]), ty(DType::F32, &[3])];
    assert!(infer_of(&op, &three).is_err());
    // Group 2 needs output channels divisible by 2.
    let grouped = Op::Conv { group: 2, window: window(&[3, 3], &[1, 1], &[0; 4]) };
    assert!(infer_of(&grouped, &[ty(DType::F32, &[1, 4, 5, 5]), ty(DType::F32, &[3, 2, 3, 3])]).is_err());
    // Rank must match the window.
    assert!(infer_of(&op, &[ty(DType::F32, &[1, 3, 5]), ty(DType::F32, &[4, 3, 3])]).is_err());
}

#[test]
fn conv_of_one_channel_3x3_with_padding_sums_neighbourhoods() {
    let op = Op::Conv { group: 1, window: window(&[3, 3], &[1, 1], &[1, 1, 1, 1]) };
    let w = f32s(&[1, 1, 3, 3], &[1.; 9]);
    let y = run_ok(&op, &[image_3x3(), w]);
    assert_eq!(y.shape, vec![1, 1, 3, 3]);
    assert_close(as_f32(&y), &[12., 21., 16., 27., 45., 33., 24., 39., 28.]);
}

#[test]
fn conv_with_stride_and_bias() {
    // 2x2 kernel [[1, 0], [0, -1]] at stride 2 over a 3x3 padded at the end: windows at (0,0),
    // (0,2), (2,0), (2,2); x[i][j] - x[i+1][j+1] with zeros outside; bias 10.
    let op = Op::Conv { group: 1, window: window(&[2, 2], &[2, 2], &[0, 0, 1, 1]) };
    let w = f32s(&[1, 1, 2, 2], &[1., 0., 0., -1.]);
    let y = run_ok(&op, &[image_3x3(), w, f32s(&[1], &[10.])]);
    assert_eq!(y.shape, vec![1, 1, 2, 2]);
    assert_close(as_f32(&y), &[10. + 1. - 5., 10. + 3., 10. + 7., 10. + 9.]);
}

#[test]
fn grouped_conv_keeps_channels_apart() {
    // Depthwise 1x1: channel 0 times 2, channel 1 times 10.
    let op = Op::Conv { group: 2, window: window(&[1], &[1], &[0, 0]) };
    let x = f32s(&[1, 2, 2], &[1., 2., 3., 4.]);
    let y = run_ok(&op, &[x, f32s(&[2, 1, 1], &[2., 10.])]);
    assert_eq!(as_f32(&y), &[2., 4., 30., 40.]);
}

#[test]
fn conv_with_dilation_skips_inputs() {
    // 1-D, kernel [1, 1] dilated by 2: y[i] = x[i] + x[i + 2].
    let op = Op::Conv {
        group: 1,
        window: Window { kernel: vec![2], strides: vec![1], dilations: vec![2], pads: vec![0, 0] },
    };
    let y = run_ok(&op, &[f32s(&[1, 1, 5], &[1., 2., 3., 4., 5.]), f32s(&[1, 1, 2], &[1., 1.])]);
    assert_eq!(as_f32(&y), &[4., 6., 8.]);
}

#[test]
fn conv_transpose_scatters_each_input_through_the_kernel() {
    // x [1, 2], w [1, 1]: stride 1 gives [1, 3, 2]; stride 2 gives [1, 1, 2, 2].
    let x = f32s(&[1, 1, 2], &[1., 2.]);
    let w = f32s(&[1, 1, 2], &[1., 1.]);
    let op = |stride: usize, out: usize| Op::ConvTranspose {
        group: 1,
        strides: vec![stride],
        dilations: vec![1],
        pads_begin: vec![0],
        output: vec![out],
    };
    assert_eq!(as_f32(&run_ok(&op(1, 3), &[x.clone(), w.clone()])), &[1., 3., 2.]);
    assert_eq!(as_f32(&run_ok(&op(2, 4), &[x, w])), &[1., 1., 2., 2.]);
}

#[test]
fn conv_transpose_output_channels_are_weights_dim1_times_group() {
    let op = Op::ConvTranspose { group: 2, strides: vec![1], dilations: vec![1], pads_begin: vec![0], output: vec![4] };
    let out = infer_of(&op, &[ty(DType::F32, &[1, 4, 3]), ty(DType::F32, &[4, 3, 2])]).unwrap();
    assert_eq!(out, vec![ty(DType::F32, &[1, 6, 4])]);
    // Weights' first dim must be the input channels; integers are refused.
    assert!(infer_of(&op, &[ty(DType::F32, &[1, 4, 3]), ty(DType::F32, &[2, 3, 2])]).is_err());
    assert!(infer_of(&op, &[ty(DType::I32, &[1, 4, 3]), ty(DType::I32, &[4, 3, 2])]).is_err());
}

#[test]
fn squeeze_excite_scales_channels_by_their_gates() {
    // x = [1, 3] (two channels, 1x1); mean = x; hidden = 1 * 1 + 1 * 3 + 0 = 4;
    // gates = [1 * 4, 0.5 * 4] = [4, 2]; y = [4, 6]. Identity act and gate.
    let op = Op::SqueezeExcite { act: FusedExpr::Input(0), gate: FusedExpr::Input(0), project: false };
    let inputs = [
        f32s(&[1, 2, 1, 1], &[1., 3.]),
        f32s(&[1, 2, 1, 1], &[1., 1.]),
        f32s(&[1], &[0.]),
        f32s(&[2, 1, 1, 1], &[1., 0.5]),
        f32s(&[2], &[0., 0.]),
    ];
    let y = run_ok(&op, &inputs);
    assert_close(as_f32(&y), &[4., 6.]);
}

#[test]
fn squeeze_excite_refuses_weights_of_the_wrong_channels() {
    let op = Op::SqueezeExcite { act: FusedExpr::Input(0), gate: FusedExpr::Input(0), project: false };
    let tys = [
        ty(DType::F32, &[1, 2, 4, 4]),
        ty(DType::F32, &[1, 3, 1, 1]),
        ty(DType::F32, &[1]),
        ty(DType::F32, &[2, 1, 1, 1]),
        ty(DType::F32, &[2]),
    ];
    assert!(infer_of(&op, &tys).is_err());
    assert!(infer_of(&op, &tys[..4]).is_err());
}

// ---- pool ----------------------------------------------------------------------------------

#[test]
fn pool_output_comes_from_the_op() {
    let op = Op::Pool { kind: PoolKind::Max, window: window(&[2, 2], &[2, 2], &[1, 1, 1, 1]), output: vec![2, 2] };
    assert_eq!(infer_of(&op, &[ty(DType::F32, &[1, 3, 3, 3])]).unwrap(), vec![ty(DType::F32, &[1, 3, 2, 2])]);
}

#[test]
fn pool_refuses_rank_mismatch_and_integer_average() {
    let max = Op::Pool { kind: PoolKind::Max, window: window(&[2, 2], &[1, 1], &[0; 4]), output: vec![2, 2] };
    assert!(infer_of(&max, &[ty(DType::F32, &[1, 1, 3])]).is_err());
    let avg = Op::Pool {
        kind: PoolKind::Avg { count_include_pad: false },
        window: window(&[2, 2], &[1, 1], &[0; 4]),
        output: vec![2, 2],
    };
    assert!(infer_of(&avg, &[ty(DType::I32, &[1, 1, 3, 3])]).is_err());
}

#[test]
fn max_pool_with_padding_ignores_the_pad() {
    // Windows (rows/cols {-1, 0} and {1, 2}) over 1..9.
    let op = Op::Pool { kind: PoolKind::Max, window: window(&[2, 2], &[2, 2], &[1, 1, 1, 1]), output: vec![2, 2] };
    assert_eq!(as_f32(&run_ok(&op, &[image_3x3()])), &[1., 3., 7., 9.]);
}

#[test]
fn max_pool_of_negatives_never_picks_the_padding() {
    let op = Op::Pool { kind: PoolKind::Max, window: window(&[2], &[1], &[1, 1]), output: vec![3] };
    let y = run_ok(&op, &[f32s(&[1, 1, 2], &[-3., -5.])]);
    assert_eq!(as_f32(&y), &[-3., -3., -5.]);
}

#[test]
fn avg_pool_with_padding_excludes_or_counts_the_pad() {
    let w = window(&[2, 2], &[2, 2], &[1, 1, 1, 1]);
    let excl = Op::Pool { kind: PoolKind::Avg { count_include_pad: false }, window: w.clone(), output: vec![2, 2] };
    assert_close(as_f32(&run_ok(&excl, &[image_3x3()])), &[1., 2.5, 5.5, 7.]);
    let incl = Op::Pool { kind: PoolKind::Avg { count_include_pad: true }, window: w, output: vec![2, 2] };
    assert_close(as_f32(&run_ok(&incl, &[image_3x3()])), &[0.25, 1.25, 2.75, 7.]);
}

#[test]
fn max_pool_indices_are_flat_row_or_column_major() {
    // [[1, 4], [3, 2]]: the max 4 is at row 0, column 1.
    let x = f32s(&[1, 1, 2, 2], &[1., 4., 3., 2.]);
    let w = window(&[2, 2], &[1, 1], &[0; 4]);
    let op = Op::MaxPoolIndices { window: w.clone(), output: vec![1, 1], column_major: false };
    assert_eq!(infer_of(&op, &[x.ty()]).unwrap(), vec![ty(DType::I64, &[1, 1, 1, 1])]);
    assert_eq!(as_i64(&run_ok(&op, std::slice::from_ref(&x))), &[1]);
    let op = Op::MaxPoolIndices { window: w, output: vec![1, 1], column_major: true };
    assert_eq!(as_i64(&run_ok(&op, &[x])), &[2]);
}

// ---- norm ----------------------------------------------------------------------------------

#[test]
fn softmax_of_zero_and_ln2_is_one_third_two_thirds() {
    let x = f32s(&[1, 2], &[0., std::f32::consts::LN_2]);
    let y = run_ok(&Op::Softmax { axis: 1, log: false }, std::slice::from_ref(&x));
    assert_close(as_f32(&y), &[1. / 3., 2. / 3.]);
    let y = run_ok(&Op::Softmax { axis: 1, log: true }, &[x]);
    assert_close(as_f32(&y), &[(1f32 / 3.).ln(), (2f32 / 3.).ln()]);
}

#[test]
fn softmax_along_the_first_axis_normalises_columns() {
    let x = f32s(&[2, 2], &[0., 5., 0., 5.]);
    let y = run_ok(&Op::Softmax { axis: 0, log: false }, &[x]);
    assert_close(as_f32(&y), &[0.5, 0.5, 0.5, 0.5]);
}

#[test]
fn softmax_refuses_integers_and_axes_outside_the_rank() {
    assert!(infer_of(&Op::Softmax { axis: 2, log: false }, &[ty(DType::F32, &[2, 2])]).is_err());
    assert!(infer_of(&Op::Softmax { axis: 0, log: false }, &[ty(DType::I32, &[2])]).is_err());
}

#[test]
fn layer_norm_normalises_the_last_axis_then_scales_and_shifts() {
    // Row [1, 3]: mean 2, variance 1 -> [-1, 1]; times [2, 1] plus [1, 0] -> [-1, 1].
    let op = Op::LayerNorm { epsilon: 0.0 };
    let y = run_ok(&op, &[f32s(&[1, 2], &[1., 3.]), f32s(&[2], &[2., 1.]), f32s(&[2], &[1., 0.])]);
    assert_close(as_f32(&y), &[-1., 1.]);
}

#[test]
fn layer_norm_needs_scale_and_bias_of_the_last_axis() {
    let op = Op::LayerNorm { epsilon: 1e-5 };
    assert!(infer_of(&op, &[ty(DType::F32, &[2, 4]), ty(DType::F32, &[2]), ty(DType::F32, &[2])]).is_err());
    assert!(infer_of(&op, &[ty(DType::I32, &[2, 4]), ty(DType::I32, &[4]), ty(DType::I32, &[4])]).is_err());
    assert!(infer_of(&op, &[ty(DType::F32, &[2, 4]), ty(DType::F32, &[4])]).is_err());
}

#[test]
fn lrn_divides_by_the_channel_window_of_squares() {
    // size 1, alpha 1, beta 1, bias 1: y = x / (1 + x^2).
    let op = Op::Lrn { size: 1, alpha: 1.0, beta: 1.0, bias: 1.0 };
    let y = run_ok(&op, &[f32s(&[1, 2], &[1., 2.])]);
    assert_close(as_f32(&y), &[0.5, 0.4]);
    // size 2 over channels [1, 2]: channel 0 sums channels 0..=1 (5), channel 1 only itself (4).
    let op = Op::Lrn { size: 2, alpha: 2.0, beta: 1.0, bias: 0.0 };
    let y = run_ok(&op, &[f32s(&[1, 2], &[1., 2.])]);
    assert_close(as_f32(&y), &[1. / 5., 2. / 4.]);
}

#[test]
fn lrn_needs_float_rank_two() {
    let op = Op::Lrn { size: 1, alpha: 1.0, beta: 1.0, bias: 1.0 };
    assert!(infer_of(&op, &[ty(DType::F32, &[4])]).is_err());
    assert!(infer_of(&op, &[ty(DType::I64, &[1, 4])]).is_err());
}

// ---- reduce --------------------------------------------------------------------------------

fn m2x3() -> Tensor {
    f32s(&[2, 3], &[1., 2., 3., 4., 5., 6.])
}

#[test]
fn reduce_keeps_or_drops_the_reduced_axes() {
    let op = |keepdims| Op::Reduce { kind: ReduceKind::Sum, axes: vec![1], keepdims };
    assert_eq!(infer_of(&op(true), &[ty(DType::F32, &[2, 3])]).unwrap(), vec![ty(DType::F32, &[2, 1])]);
    assert_eq!(infer_of(&op(false), &[ty(DType::F32, &[2, 3])]).unwrap(), vec![ty(DType::F32, &[2])]);
    let bad = Op::Reduce { kind: ReduceKind::Sum, axes: vec![2], keepdims: true };
    assert!(infer_of(&bad, &[ty(DType::F32, &[2, 3])]).is_err());
}

#[test]
fn reduce_sum_mean_max_min_prod() {
    let r = |kind, axes: Vec<usize>| run_ok(&Op::Reduce { kind, axes, keepdims: false }, &[m2x3()]);
    assert_eq!(as_f32(&r(ReduceKind::Sum, vec![1])), &[6., 15.]);
    assert_close(as_f32(&r(ReduceKind::Mean, vec![0])), &[2.5, 3.5, 4.5]);
    assert_eq!(as_f32(&r(ReduceKind::Max, vec![1])), &[3., 6.]);
    assert_eq!(as_f32(&r(ReduceKind::Min, vec![0])), &[1., 2., 3.]);
    assert_eq!(as_f32(&r(ReduceKind::Prod, vec![0, 1])), &[720.]);
}

#[test]
fn reduce_norms_and_log_sum_exp() {
    let r = |kind, x: Tensor| run_ok(&Op::Reduce { kind, axes: vec![0], keepdims: false }, &[x]);
    assert_close(as_f32(&r(ReduceKind::L2, f32s(&[2], &[3., -4.]))), &[5.]);
    assert_close(as_f32(&r(ReduceKind::L1, f32s(&[2], &[3., -4.]))), &[7.]);
    assert_close(as_f32(&r(ReduceKind::SumSquare, f32s(&[2], &[3., -4.]))), &[25.]);
    assert_close(as_f32(&r(ReduceKind::LogSumExp, f32s(&[2], &[0., 3f32.ln()]))), &[4f32.ln()]);
}

#[test]
fn reduce_sum_of_integers() {
    let y = run_ok(&Op::Reduce { kind: ReduceKind::Sum, axes: vec![0], keepdims: true }, &[i64t(&[3], &[5, -2, 7])]);
    assert_eq!(y.shape, vec![1]);
    assert_eq!(as_i64(&y), &[10]);
}

#[test]
fn arg_max_picks_the_first_or_last_of_ties() {
    let x = f32s(&[4], &[1., 3., 3., 2.]);
    let op = |select_last| Op::ArgReduce { max: true, axis: 0, keepdims: false, select_last };
    assert_eq!(infer_of(&op(false), &[x.ty()]).unwrap(), vec![ty(DType::I64, &[])]);
    assert_eq!(as_i64(&run_ok(&op(false), std::slice::from_ref(&x))), &[1]);
    assert_eq!(as_i64(&run_ok(&op(true), std::slice::from_ref(&x))), &[2]);
    let argmin = Op::ArgReduce { max: false, axis: 0, keepdims: true, select_last: false };
    let y = run_ok(&argmin, &[x]);
    assert_eq!(y.shape, vec![1]);
    assert_eq!(as_i64(&y), &[0]);
}

#[test]
fn arg_reduce_refuses_an_axis_outside_the_rank() {
    let op = Op::ArgReduce { max: true, axis: 1, keepdims: false, select_last: false };
    assert!(infer_of(&op, &[ty(DType::F32, &[4])]).is_err());
}

#[test]
fn cumulative_sum_inclusive_exclusive_and_reverse() {
    let x = f32s(&[3], &[1., 2., 3.]);
    let op = |exclusive, reverse| Op::Cumulative { axis: 0, exclusive, reverse, product: false };
    assert_eq!(as_f32(&run_ok(&op(false, false), std::slice::from_ref(&x))), &[1., 3., 6.]);
    assert_eq!(as_f32(&run_ok(&op(true, false), std::slice::from_ref(&x))), &[0., 1., 3.]);
    assert_eq!(as_f32(&run_ok(&op(false, true), std::slice::from_ref(&x))), &[6., 5., 3.]);
    assert_eq!(as_f32(&run_ok(&op(true, true), std::slice::from_ref(&x))), &[5., 3., 0.]);
}

#[test]
fn cumulative_product_and_along_an_inner_axis() {
    let op = Op::Cumulative { axis: 0, exclusive: true, reverse: false, product: true };
    assert_eq!(as_i64(&run_ok(&op, &[i64t(&[3], &[2, 3, 4])])), &[1, 2, 6]);
    let op = Op::Cumulative { axis: 1, exclusive: false, reverse: false, product: false };
    assert_eq!(as_f32(&run_ok(&op, &[m2x3()])), &[1., 3., 6., 4., 9., 15.]);
}

#[test]
fn cumulative_refuses_bools_and_axes_outside_the_rank() {
    let op = Op::Cumulative { axis: 0, exclusive: false, reverse: false, product: false };
    assert!(infer_of(&op, &[ty(DType::Bool, &[3])]).is_err());
    let op = Op::Cumulative { axis: 1, exclusive: false, reverse: false, product: false };
    assert!(infer_of(&op, &[ty(DType::F32, &[3])]).is_err());
}

#[test]
fn top_k_breaks_ties_to_the_lower_index() {
    let x = f32s(&[4], &[1., 3., 3., 2.]);
    let op = |largest, indices| Op::TopK { axis: 0, k: 2, largest, indices };
    assert_eq!(as_f32(&run_ok(&op(true, false), std::slice::from_ref(&x))), &[3., 3.]);
    assert_eq!(as_i64(&run_ok(&op(true, true), std::slice::from_ref(&x))), &[1, 2]);
    assert_eq!(as_f32(&run_ok(&op(false, false), std::slice::from_ref(&x))), &[1., 2.]);
    assert_eq!(as_i64(&run_ok(&op(false, true), &[x])), &[0, 3]);
}

#[test]
fn top_k_types_and_refusal_of_k_beyond_the_axis() {
    let op = Op::TopK { axis: 1, k: 2, largest: true, indices: true };
    assert_eq!(infer_of(&op, &[ty(DType::F32, &[3, 5])]).unwrap(), vec![ty(DType::I64, &[3, 2])]);
    let op = Op::TopK { axis: 1, k: 6, largest: true, indices: false };
    assert!(infer_of(&op, &[ty(DType::F32, &[3, 5])]).is_err());
}

// ---- movement ------------------------------------------------------------------------------

#[test]
fn transpose_swaps_axes() {
    let op = Op::Transpose { perm: vec![1, 0] };
    let y = run_ok(&op, &[m2x3()]);
    assert_eq!(y.shape, vec![3, 2]);
    assert_eq!(as_f32(&y), &[1., 4., 2., 5., 3., 6.]);
}

#[test]
fn transpose_of_rank_three() {
    // x[a][b][c] = 100a + 10b + c, shape [2, 1, 3]; perm [2, 0, 1] gives y[c][a][b], [3, 2, 1].
    let x = f32s(&[2, 1, 3], &[0., 1., 2., 100., 101., 102.]);
    let y = run_ok(&Op::Transpose { perm: vec![2, 0, 1] }, &[x]);
    assert_eq!(y.shape, vec![3, 2, 1]);
    assert_eq!(as_f32(&y), &[0., 100., 1., 101., 2., 102.]);
}

#[test]
fn transpose_refuses_what_is_not_a_permutation() {
    assert!(infer_of(&Op::Transpose { perm: vec![0, 0] }, &[ty(DType::F32, &[2, 3])]).is_err());
    assert!(infer_of(&Op::Transpose { perm: vec![0, 2] }, &[ty(DType::F32, &[2, 3])]).is_err());
    assert!(infer_of(&Op::Transpose { perm: vec![0] }, &[ty(DType::F32, &[2, 3])]).is_err());
}

#[test]
fn concat_along_the_second_axis() {
    let y = run_ok(&Op::Concat { axis: 1 }, &[f32s(&[2, 1], &[1., 2.]), f32s(&[2, 2], &[3., 4., 5., 6.])]);
    assert_eq!(y.shape, vec![2, 3]);
    assert_eq!(as_f32(&y), &[1., 3., 4., 2., 5., 6.]);
}

#[test]
fn concat_adds_symbolic_extents() {
    let a = TensorType::new(DType::F32, vec![Dim::sym("n"), Dim::fixed(2)]);
    let out = infer_of(&Op::Concat { axis: 0 }, &[a.clone(), a]).unwrap();
    assert_eq!(out[0].shape, vec![&Dim::sym("n") * &Dim::int(2), Dim::fixed(2)]);
}

#[test]
fn concat_refuses_mismatched_parts() {
    let op = Op::Concat { axis: 1 };
    assert!(infer_of(&op, &[ty(DType::F32, &[2, 1]), ty(DType::F32, &[3, 1])]).is_err());
    assert!(infer_of(&op, &[ty(DType::F32, &[2, 1]), ty(DType::I32, &[2, 1])]).is_err());
    assert!(infer_of(&op, &[ty(DType::F32, &[2])]).is_err());
    assert!(infer_of(&op, &[]).is_err());
}

#[test]
fn gather_normalises_negative_indices() {
    let data = f32s(&[3, 2], &[1., 2., 3., 4., 5., 6.]);
    let y = run_ok(&Op::Gather { axis: 0 }, &[data, i64t(&[2], &[-1, 0])]);
    assert_eq!(y.shape, vec![2, 2]);
    assert_eq!(as_f32(&y), &[5., 6., 1., 2.]);
}

#[test]
fn gather_along_axis_one_with_a_scalar_index_drops_the_axis() {
    let y = run_ok(&Op::Gather { axis: 1 }, &[m2x3(), i64t(&[], &[2])]);
    assert_eq!(y.shape, vec![2]);
    assert_eq!(as_f32(&y), &[3., 6.]);
}

#[test]
fn gather_refuses_out_of_range_indices_and_float_indices() {
    let data = f32s(&[3, 2], &[1., 2., 3., 4., 5., 6.]);
    assert!(run(&Op::Gather { axis: 0 }, &[data.clone(), i64t(&[1], &[3])]).is_err());
    assert!(run(&Op::Gather { axis: 0 }, &[data, i64t(&[1], &[-4])]).is_err());
    assert!(infer_of(&Op::Gather { axis: 0 }, &[ty(DType::F32, &[3]), ty(DType::F32, &[1])]).is_err());
    assert!(infer_of(&Op::Gather { axis: 1 }, &[ty(DType::F32, &[3]), ty(DType::I64, &[1])]).is_err());
}

#[test]
fn gather_elements_picks_along_the_axis() {
    // ONNX's example: [[1, 2], [3, 4]], indices [[0, 0], [1, 0]], axis 1 -> [[1, 1], [4, 3]].
    let data = f32s(&[2, 2], &[1., 2., 3., 4.]);
    let y = run_ok(&Op::GatherElements { axis: 1 }, &[data, i64t(&[2, 2], &[0, 0, 1, 0])]);
    assert_eq!(as_f32(&y), &[1., 1., 4., 3.]);
    assert!(infer_of(&Op::GatherElements { axis: 1 }, &[ty(DType::F32, &[2, 2]), ty(DType::I64, &[2])]).is_err());
}

#[test]
fn gather_nd_reads_index_tuples() {
    let data = f32s(&[2, 2], &[0., 1., 2., 3.]);
    let y = run_ok(&Op::GatherNd { batch_dims: 0 }, &[data.clone(), i64t(&[2, 2], &[0, 0, 1, 1])]);
    assert_eq!(as_f32(&y), &[0., 3.]);
    // Tuples of one index pick rows.
    let y = run_ok(&Op::GatherNd { batch_dims: 0 }, &[data, i64t(&[2, 1], &[1, 0])]);
    assert_eq!(y.shape, vec![2, 2]);
    assert_eq!(as_f32(&y), &[2., 3., 0., 1.]);
}

#[test]
fn scatter_elements_writes_updates_at_their_indices() {
    // ONNX's example: [[1, 2, 3, 4, 5]], indices [[1, 3]], updates [[1.1, 2.1]], axis 1.
    let op = Op::ScatterElements { axis: 1, reduction: Reduction::None };
    let y = run_ok(&op, &[f32s(&[1, 5], &[1., 2., 3., 4., 5.]), i64t(&[1, 2], &[1, 3]), f32s(&[1, 2], &[1.1, 2.1])]);
    assert_eq!(as_f32(&y), &[1., 1.1, 3., 2.1, 5.]);
    let add = Op::ScatterElements { axis: 0, reduction: Reduction::Add };
    let y = run_ok(&add, &[f32s(&[2], &[1., 2.]), i64t(&[2], &[1, 1]), f32s(&[2], &[10., 20.])]);
    assert_eq!(as_f32(&y), &[1., 32.]);
}

#[test]
fn scatter_nd_writes_slices() {
    // ONNX's example: [1..8], indices [[4], [3], [1], [7]], updates [9, 10, 11, 12].
    let op = Op::ScatterNd { reduction: Reduction::None };
    let data = f32s(&[8], &[1., 2., 3., 4., 5., 6., 7., 8.]);
    let y = run_ok(&op, &[data, i64t(&[4, 1], &[4, 3, 1, 7]), f32s(&[4], &[9., 10., 11., 12.])]);
    assert_eq!(as_f32(&y), &[1., 11., 3., 10., 9., 6., 7., 12.]);
    // Updates of the wrong shape are refused.
    assert!(infer_of(&op, &[ty(DType::F32, &[8]), ty(DType::I64, &[4, 1]), ty(DType::F32, &[3])]).is_err());
}

#[test]
fn slice_with_a_negative_step_walks_backwards() {
    let x = f32s(&[6], &[0., 1., 2., 3., 4., 5.]);
    let op = Op::Slice { starts: vec![5], steps: vec![-2], dims: fixed_dims([3]) };
    assert_eq!(as_f32(&run_ok(&op, &[x])), &[5., 3., 1.]);
}

#[test]
fn slice_with_steps_on_two_axes() {
    // Rows from 1 (one row), every second column from 0.
    let op = Op::Slice { starts: vec![1, 0], steps: vec![1, 2], dims: fixed_dims([1, 2]) };
    let y = run_ok(&op, &[m2x3()]);
    assert_eq!(y.shape, vec![1, 2]);
    assert_eq!(as_f32(&y), &[4., 6.]);
}

#[test]
fn slice_refuses_parameters_of_the_wrong_rank_and_reads_outside() {
    let op = Op::Slice { starts: vec![0], steps: vec![1], dims: fixed_dims([2]) };
    assert!(infer_of(&op, &[ty(DType::F32, &[2, 3])]).is_err());
    let op = Op::Slice { starts: vec![2], steps: vec![1], dims: fixed_dims([3]) };
    assert!(run(&op, &[f32s(&[3], &[1., 2., 3.])]).is_err());
}

#[test]
fn pad_modes() {
    let x = f32s(&[3], &[1., 2., 3.]);
    let pad = |mode, value| Op::Pad { pads: vec![2, 1], mode, value };
    let y = |op: Op| as_f32(&run_ok(&op, std::slice::from_ref(&x))).to_vec();
    assert_eq!(y(pad(PadMode::Constant, 9.0)), [9., 9., 1., 2., 3., 9.]);
    assert_eq!(y(pad(PadMode::Reflect, 0.0)), [3., 2., 1., 2., 3., 2.]);
    assert_eq!(y(pad(PadMode::Edge, 0.0)), [1., 1., 1., 2., 3., 3.]);
    assert_eq!(y(pad(PadMode::Wrap, 0.0)), [2., 3., 1., 2., 3., 1.]);
}

#[test]
fn pad_with_negative_pads_crops() {
    let op = Op::Pad { pads: vec![-1, 0, 0, 1], mode: PadMode::Constant, value: 0.0 };
    let y = run_ok(&op, &[m2x3()]);
    assert_eq!(y.shape, vec![1, 4]);
    assert_eq!(as_f32(&y), &[4., 5., 6., 0.]);
    let op = Op::Pad { pads: vec![-2, -2], mode: PadMode::Constant, value: 0.0 };
    assert!(infer_of(&op, &[ty(DType::F32, &[3])]).is_err());
    let op = Op::Pad { pads: vec![1], mode: PadMode::Constant, value: 0.0 };
    assert!(infer_of(&op, &[ty(DType::F32, &[3])]).is_err());
}

#[test]
fn reshape_keeps_the_data_and_checks_the_count() {
    let op = Op::Reshape { shape: fixed_dims([3, 2]) };
    let y = run_ok(&op, &[m2x3()]);
    assert_eq!(y.shape, vec![3, 2]);
    assert_eq!(as_f32(&y), &[1., 2., 3., 4., 5., 6.]);
    assert!(infer_of(&Op::Reshape { shape: fixed_dims([4]) }, &[ty(DType::F32, &[2, 3])]).is_err());
}

#[test]
fn expand_broadcasts_and_tile_repeats() {
    let y = run_ok(&Op::Expand { shape: fixed_dims([2, 1]) }, &[f32s(&[3], &[1., 2., 3.])]);
    assert_eq!(y.shape, vec![2, 3]);
    assert_eq!(as_f32(&y), &[1., 2., 3., 1., 2., 3.]);
    assert!(infer_of(&Op::Expand { shape: fixed_dims([2]) }, &[ty(DType::F32, &[3])]).is_err());
    let y = run_ok(&Op::Tile { repeats: vec![2, 2] }, &[f32s(&[1, 2], &[1., 2.])]);
    assert_eq!(y.shape, vec![2, 4]);
    assert_eq!(as_f32(&y), &[1., 2., 1., 2., 1., 2., 1., 2.]);
    assert!(infer_of(&Op::Tile { repeats: vec![2] }, &[ty(DType::F32, &[1, 2])]).is_err());
}

#[test]
fn shape_returns_a_range_of_dims() {
    let x = Tensor::new(vec![2, 3, 4], Data::zeros(DType::F32, 24)).unwrap();
    let y = run_ok(&Op::Shape { start: 1, end: 3 }, &[x]);
    assert_eq!(y.shape, vec![2]);
    assert_eq!(as_i64(&y), &[3, 4]);
}

// ---- sample --------------------------------------------------------------------------------

#[test]
fn resample_sums_weighted_taps() {
    // y[0] = x[0]; y[1] = (x[0] + x[1]) / 2; y[2] = x[1].
    let op = Op::Resample { axis: 0 };
    let x = f32s(&[2], &[10., 20.]);
    let idx = i64t(&[3, 2], &[0, 1, 0, 1, 1, 1]);
    let c = f32s(&[3, 2], &[1., 0., 0.5, 0.5, 1., 0.]);
    let y = run_ok(&op, &[x, idx, c]);
    assert_eq!(y.shape, vec![3]);
    assert_close(as_f32(&y), &[10., 15., 20.]);
}

#[test]
fn resample_needs_i64_taps_and_matching_coefficients() {
    let op = Op::Resample { axis: 0 };
    assert!(infer_of(&op, &[ty(DType::F32, &[2]), ty(DType::I32, &[3, 2]), ty(DType::F32, &[3, 2])]).is_err());
    assert!(infer_of(&op, &[ty(DType::F32, &[2]), ty(DType::I64, &[3, 2]), ty(DType::F32, &[3, 1])]).is_err());
}

#[test]
fn grid_sample_bilinear_at_corners_and_centre() {
    // [[1, 2], [3, 4]]; grid points (x, y): (-1, -1) top-left, (1, -1) top-right, (0, 0) centre.
    let x = f32s(&[1, 1, 2, 2], &[1., 2., 3., 4.]);
    let grid = f32s(&[1, 1, 3, 2], &[-1., -1., 1., -1., 0., 0.]);
    let op = Op::GridSample { mode: GridMode::Linear, padding: GridPadding::Zeros, align_corners: true };
    let y = run_ok(&op, &[x, grid]);
    assert_eq!(y.shape, vec![1, 1, 1, 3]);
    assert_close(as_f32(&y), &[1., 2., 2.5]);
}

#[test]
fn grid_sample_needs_a_grid_of_the_spatial_rank() {
    let op = Op::GridSample { mode: GridMode::Linear, padding: GridPadding::Zeros, align_corners: false };
    assert!(infer_of(&op, &[ty(DType::F32, &[1, 1, 4, 4]), ty(DType::F32, &[1, 2, 2, 3])]).is_err());
    assert!(infer_of(&op, &[ty(DType::F32, &[1, 1, 4, 4]), ty(DType::F32, &[2, 2, 2, 2])]).is_err());
    let out = infer_of(&op, &[ty(DType::F32, &[1, 3, 4, 4]), ty(DType::F32, &[1, 5, 6, 2])]).unwrap();
    assert_eq!(out, vec![ty(DType::F32, &[1, 3, 5, 6])]);
}

#[test]
fn roi_align_averages_a_constant_map_to_the_constant() {
    let op =
        Op::RoiAlign { max_mode: false, half_pixel: false, spatial_scale: 1.0, sampling_ratio: 1, out_h: 1, out_w: 1 };
    let x = f32s(&[1, 1, 2, 2], &[5.; 4]);
    let y = run_ok(&op, &[x, f32s(&[1, 4], &[0., 0., 1., 1.]), i64t(&[1], &[0])]);
    assert_eq!(y.shape, vec![1, 1, 1, 1]);
    assert_close(as_f32(&y), &[5.]);
}

#[test]
fn roi_align_types_and_refusals() {
    let op =
        Op::RoiAlign { max_mode: false, half_pixel: true, spatial_scale: 0.5, sampling_ratio: 2, out_h: 3, out_w: 4 };
    let ok = [ty(DType::F32, &[2, 8, 10, 10]), ty(DType::F32, &[5, 4]), ty(DType::I64, &[5])];
    assert_eq!(infer_of(&op, &ok).unwrap(), vec![ty(DType::F32, &[5, 8, 3, 4])]);
    let rois5 = [ty(DType::F32, &[2, 8, 10, 10]), ty(DType::F32, &[5, 5]), ty(DType::I64, &[5])];
    assert!(infer_of(&op, &rois5).is_err());
    let batch_i32 = [ty(DType::F32, &[2, 8, 10, 10]), ty(DType::F32, &[5, 4]), ty(DType::I32, &[5])];
    assert!(infer_of(&op, &batch_i32).is_err());
}

// ---- recurrence ----------------------------------------------------------------------------

fn lstm_inputs() -> [Tensor; 4] {
    // One step, batch 1, hidden 1, zero pre-activations: i = o = f = 1/2, c~ = 0.
    [f32s(&[1, 1, 4], &[0.; 4]), f32s(&[1, 4], &[0.; 4]), f32s(&[1, 1], &[0.]), f32s(&[1, 1], &[2.])]
}

#[test]
fn lstm_step_forgets_half_the_cell_state() {
    // c' = f c + i c~ = 1/2 * 2 = 1; h' = o tanh(c') = tanh(1) / 2.
    let op = Op::Recurrence { cell: RecurrentCell::Lstm, reverse: false, cell_output: false };
    assert_close(as_f32(&run_ok(&op, &lstm_inputs())), &[1f32.tanh() / 2.]);
    let op = Op::Recurrence { cell: RecurrentCell::Lstm, reverse: false, cell_output: true };
    assert_close(as_f32(&run_ok(&op, &lstm_inputs())), &[1.]);
}

#[test]
fn gru_step_with_linear_before_reset() {
    // h = 1, zero weights and projections, Rb_h = 2: z = r = 1/2, h~ = tanh(0 + 1/2 * 2) = tanh 1,
    // h' = h~ + z (h - h~) = (tanh 1 + 1) / 2.
    let op = Op::Recurrence { cell: RecurrentCell::Gru, reverse: false, cell_output: false };
    let inputs = [f32s(&[1, 1, 3], &[0.; 3]), f32s(&[1, 3], &[0.; 3]), f32s(&[1, 1], &[1.]), f32s(&[1], &[2.])];
    assert_close(as_f32(&run_ok(&op, &inputs)), &[(1f32.tanh() + 1.) / 2.]);
}

#[test]
fn reverse_recurrence_runs_the_last_step_first() {
    // A GRU over two steps, only step 0 with input: pre-activations z = r = 0 (gates 1/2) and
    // h = a_t; with h0 = 0 and zero weights, h_t = tanh(a_t) / 2 + h_prev / 2.
    let op = |reverse| Op::Recurrence { cell: RecurrentCell::Gru, reverse, cell_output: false };
    let xw = f32s(&[2, 1, 3], &[0., 0., 1., 0., 0., 0.]);
    let inputs = [xw, f32s(&[1, 3], &[0.; 3]), f32s(&[1, 1], &[0.]), f32s(&[1], &[0.])];
    let t = 1f32.tanh();
    // Forward: h_0 = tanh(1)/2, h_1 = h_0 / 2.
    assert_close(as_f32(&run_ok(&op(false), &inputs)), &[t / 2., t / 4.]);
    // Reverse: step 1 first: h = 0; then step 0: tanh(1)/2. y keeps the time order.
    assert_close(as_f32(&run_ok(&op(true), &inputs)), &[t / 2., 0.]);
}

#[test]
fn recurrence_refuses_gate_count_and_state_mismatches() {
    let op = Op::Recurrence { cell: RecurrentCell::Lstm, reverse: false, cell_output: false };
    let ok = [ty(DType::F32, &[5, 2, 12]), ty(DType::F32, &[3, 12]), ty(DType::F32, &[2, 3]), ty(DType::F32, &[2, 3])];
    assert_eq!(infer_of(&op, &ok).unwrap(), vec![ty(DType::F32, &[5, 2, 3])]);
    // A GRU has 3 gates, so 12 columns do not fit hidden 3.
    let gru = Op::Recurrence { cell: RecurrentCell::Gru, reverse: false, cell_output: false };
    assert!(infer_of(&gru, &[ok[0].clone(), ok[1].clone(), ok[2].clone(), ty(DType::F32, &[3])]).is_err());
    // The LSTM's cell state must be [batch, hidden].
    assert!(infer_of(&op, &[ok[0].clone(), ok[1].clone(), ok[2].clone(), ty(DType::F32, &[3])]).is_err());
    let ints = ok.clone().map(|t| TensorType::new(DType::I32, t.shape));
    assert!(infer_of(&op, &ints).is_err());
}

// ---- attention -----------------------------------------------------------------------------

#[test]
fn attention_weights_values_by_softmax_of_scores() {
    // One head of width 1: q = 1, keys [0, ln 2] -> weights [1/3, 2/3]; values [3, 6] -> 5.
    let op = Op::Attention { heads: 1, head_dim: 1, offsets: [0, 0, 0], score: FusedExpr::Input(0) };
    let q = f32s(&[1, 1, 1], &[1.]);
    let k = f32s(&[1, 2, 1], &[0., std::f32::consts::LN_2]);
    let v = f32s(&[1, 2, 1], &[3., 6.]);
    let y = run_ok(&op, &[q, k, v]);
    assert_eq!(y.shape, vec![1, 1, 1]);
    assert_close(as_f32(&y), &[5.]);
}

#[test]
fn attention_score_expression_adds_a_mask() {
    // Scores [0, 0] plus mask [0, -inf]: all weight on the first value.
    let score = FusedExpr::Binary(BinaryOp::Add, Box::new(FusedExpr::Input(0)), Box::new(FusedExpr::Input(1)));
    let op = Op::Attention { heads: 1, head_dim: 1, offsets: [0, 0, 0], score };
    let q = f32s(&[1, 1, 1], &[0.]);
    let k = f32s(&[1, 2, 1], &[1., 1.]);
    let v = f32s(&[1, 2, 1], &[3., 6.]);
    let mask = f32s(&[1, 1, 1, 2], &[0., f32::NEG_INFINITY]);
    assert_close(as_f32(&run_ok(&op, &[q, k, v, mask])), &[3.]);
}

#[test]
fn attention_reads_heads_at_column_offsets() {
    // Packed rows [q | k | v] of width 3, one head of width 1 at offsets 0, 1, 2. One key: the
    // softmax over one key is 1, so y is v.
    let op = Op::Attention { heads: 1, head_dim: 1, offsets: [0, 1, 2], score: FusedExpr::Input(0) };
    let qkv = f32s(&[1, 1, 3], &[0.3, 0.7, 42.]);
    let y = run_ok(&op, &[qkv.clone(), qkv.clone(), qkv]);
    assert_close(as_f32(&y), &[42.]);
}

#[test]
fn attention_infers_merged_heads_and_refuses_heads_past_the_rows() {
    let op = Op::Attention { heads: 2, head_dim: 4, offsets: [0, 0, 0], score: FusedExpr::Input(0) };
    let (q, kv) = (ty(DType::F32, &[2, 5, 8]), ty(DType::F32, &[2, 7, 8]));
    assert_eq!(infer_of(&op, &[q.clone(), kv.clone(), kv.clone()]).unwrap(), vec![ty(DType::F32, &[2, 5, 8])]);
    let shifted = Op::Attention { heads: 2, head_dim: 4, offsets: [1, 0, 0], score: FusedExpr::Input(0) };
    assert!(infer_of(&shifted, &[q.clone(), kv.clone(), kv.clone()]).is_err());
    // Values of another key length.
    assert!(infer_of(&op, &[q.clone(), kv, ty(DType::F32, &[2, 6, 8])]).is_err());
    assert!(infer_of(&op, &[q.clone(), q]).is_err());
}

// ---- more edge cases -----------------------------------------------------------------------

#[test]
fn float_mod_and_fmod_follow_the_divisor_or_dividend_sign() {
    // -7.5 = -4 * 2 + 0.5 (Python's %), and fmod(-7.5, 2) = -1.5 (C's fmod).
    let (a, b) = (f32s(&[2], &[-7.5, 7.5]), f32s(&[2], &[2., -2.]));
    let y = run_ok(&Op::Binary(BinaryOp::Mod { fmod: false }), &[a.clone(), b.clone()]);
    assert_close(as_f32(&y), &[0.5, -0.5]);
    let y = run_ok(&Op::Binary(BinaryOp::Mod { fmod: true }), &[a, b]);
    assert_close(as_f32(&y), &[-1.5, 1.5]);
}

#[test]
fn round_goes_half_to_even() {
    let y = run_ok(&Op::Unary(UnaryOp::Math(MathFn::Round)), &[f32s(&[5], &[0.5, 1.5, 2.5, -0.5, -1.5])]);
    assert_eq!(as_f32(&y), &[0., 2., 2., -0., -2.]);
}

#[test]
fn pow_max_min_divide_elementwise() {
    let (a, b) = (f32s(&[3], &[2., 9., -1.]), f32s(&[3], &[3., 0.5, 2.]));
    assert_close(as_f32(&run_ok(&Op::Binary(BinaryOp::Pow), &[a.clone(), b.clone()])), &[8., 3., 1.]);
    assert_eq!(as_f32(&run_ok(&Op::Binary(BinaryOp::Max), &[a.clone(), b.clone()])), &[3., 9., 2.]);
    assert_eq!(as_f32(&run_ok(&Op::Binary(BinaryOp::Min), &[a.clone(), b.clone()])), &[2., 0.5, -1.]);
    assert_close(as_f32(&run_ok(&Op::Binary(BinaryOp::Div), &[a, b])), &[2. / 3., 18., -0.5]);
}

#[test]
fn logic_ops_on_bools() {
    let (a, b) = (bools(&[4], &[false, false, true, true]), bools(&[4], &[false, true, false, true]));
    assert_eq!(as_bool(&run_ok(&Op::Binary(BinaryOp::And), &[a.clone(), b.clone()])), &[false, false, false, true]);
    assert_eq!(as_bool(&run_ok(&Op::Binary(BinaryOp::Or), &[a.clone(), b.clone()])), &[false, true, true, true]);
    assert_eq!(as_bool(&run_ok(&Op::Binary(BinaryOp::Xor), &[a, b])), &[false, true, true, false]);
}

#[test]
fn gather_elements_and_scatter_elements_accept_negative_indices() {
    // ONNX allows indices in [-s, s - 1] for both.
    let data = f32s(&[3], &[1., 2., 3.]);
    let y = run_ok(&Op::GatherElements { axis: 0 }, &[data.clone(), i64t(&[2], &[-1, -3])]);
    assert_eq!(as_f32(&y), &[3., 1.]);
    let op = Op::ScatterElements { axis: 0, reduction: Reduction::None };
    let y = run_ok(&op, &[data.clone(), i64t(&[1], &[-1]), f32s(&[1], &[9.])]);
    assert_eq!(as_f32(&y), &[1., 2., 9.]);
    assert!(run(&op, &[data, i64t(&[1], &[3]), f32s(&[1], &[9.])]).is_err());
}

#[test]
fn scatter_elements_max_and_mul_reductions() {
    let data = f32s(&[2], &[5., 5.]);
    let op = Op::ScatterElements { axis: 0, reduction: Reduction::Max };
    let y = run_ok(&op, &[data.clone(), i64t(&[2], &[0, 1]), f32s(&[2], &[3., 7.])]);
    assert_eq!(as_f32(&y), &[5., 7.]);
    let op = Op::ScatterElements { axis: 0, reduction: Reduction::Mul };
    let y = run_ok(&op, &[data, i64t(&[2], &[0, 0]), f32s(&[2], &[2., 3.])]);
    assert_eq!(as_f32(&y), &[30., 5.]);
}

#[test]
fn gather_nd_with_a_batch_dim() {
    // ONNX's example 5: batch_dims 1, data [[[0, 1], [2, 3]], [[4, 5], [6, 7]]],
    // indices [[1], [0]] -> [[2, 3], [4, 5]].
    let data = f32s(&[2, 2, 2], &[0., 1., 2., 3., 4., 5., 6., 7.]);
    let y = run_ok(&Op::GatherNd { batch_dims: 1 }, &[data, i64t(&[2, 1], &[1, 0])]);
    assert_eq!(y.shape, vec![2, 2]);
    assert_eq!(as_f32(&y), &[2., 3., 4., 5.]);
}

#[test]
fn grid_sample_padding_modes_outside_and_at_the_edge() {
    // [[1, 2], [3, 4]] sampled at (-1, -1) without align_corners: pixel (-0.5, -0.5), a quarter
    // of x[0][0] with zeros around it; the border mode clamps it to x[0][0].
    let x = f32s(&[1, 1, 2, 2], &[1., 2., 3., 4.]);
    let grid = f32s(&[1, 1, 1, 2], &[-1., -1.]);
    let op = |padding| Op::GridSample { mode: GridMode::Linear, padding, align_corners: false };
    assert_close(as_f32(&run_ok(&op(GridPadding::Zeros), &[x.clone(), grid.clone()])), &[0.25]);
    assert_close(as_f32(&run_ok(&op(GridPadding::Border), &[x.clone(), grid.clone()])), &[1.]);
    // Nearest at (0.4, -0.4) with align_corners: pixel (x 0.7, y 0.3) -> column 1, row 0 -> 2.
    let op = Op::GridSample { mode: GridMode::Nearest, padding: GridPadding::Zeros, align_corners: true };
    assert_eq!(as_f32(&run_ok(&op, &[x, f32s(&[1, 1, 1, 2], &[0.4, -0.4])])), &[2.]);
}

#[test]
fn top_k_along_the_first_axis_of_a_matrix() {
    // Columns [1, 4] and [5, 2]: the largest of each.
    let x = f32s(&[2, 2], &[1., 5., 4., 2.]);
    let y = run_ok(&Op::TopK { axis: 0, k: 1, largest: true, indices: true }, std::slice::from_ref(&x));
    assert_eq!(y.shape, vec![1, 2]);
    assert_eq!(as_i64(&y), &[1, 0]);
    let y = run_ok(&Op::TopK { axis: 0, k: 1, largest: true, indices: false }, &[x]);
    assert_eq!(as_f32(&y), &[4., 5.]);
}

#[test]
fn det_of_a_3x3() {
    // [[2, 0, 1], [1, 3, 2], [1, 1, 2]]: 2 (6 - 2) - 0 + 1 (1 - 3) = 6.
    let y = run_ok(&Op::Det, &[f32s(&[3, 3], &[2., 0., 1., 1., 3., 2., 1., 1., 2.])]);
    assert_close(as_f32(&y), &[6.]);
}

#[test]
fn lrn_of_size_three_sums_neighbouring_channels() {
    // Channels [1, 2, 3], size 3, alpha 3, beta 1, bias 0: y_c = x_c / (sum of squares of
    // c-1..=c+1): 1 / 5, 2 / 14, 3 / 13.
    let op = Op::Lrn { size: 3, alpha: 3.0, beta: 1.0, bias: 0.0 };
    let y = run_ok(&op, &[f32s(&[1, 3], &[1., 2., 3.])]);
    assert_close(as_f32(&y), &[1. / 5., 2. / 14., 3. / 13.]);
}

#[test]
fn layer_norm_adds_epsilon_to_the_variance() {
    // Row [0, 2]: mean 1, variance 1; epsilon 3 -> divide by 2: [-0.5, 0.5].
    let op = Op::LayerNorm { epsilon: 3.0 };
    let y = run_ok(&op, &[f32s(&[2], &[0., 2.]), f32s(&[2], &[1., 1.]), f32s(&[2], &[0., 0.])]);
    assert_close(as_f32(&y), &[-0.5, 0.5]);
}

#[test]
fn conv_transpose_with_begin_padding_crops_the_start() {
    // Full output of x [1, 2] through w [1, 1] at stride 1 is [1, 3, 2]; pads_begin 1 and an
    // output of 2 keep [3, 2].
    let op = Op::ConvTranspose { group: 1, strides: vec![1], dilations: vec![1], pads_begin: vec![1], output: vec![2] };
    let y = run_ok(&op, &[f32s(&[1, 1, 2], &[1., 2.]), f32s(&[1, 1, 2], &[1., 1.]), f32s(&[1], &[0.5])]);
    assert_close(as_f32(&y), &[3.5, 2.5]);
}

#[test]
fn max_pool_with_dilation_reads_spaced_inputs() {
    // 1-D kernel 2 dilated by 2 over [1, 5, 2, 4, 3]: max(x0, x2), max(x1, x3), max(x2, x4).
    let w = Window { kernel: vec![2], strides: vec![1], dilations: vec![2], pads: vec![0, 0] };
    let op = Op::Pool { kind: PoolKind::Max, window: w, output: vec![3] };
    assert_eq!(as_f32(&run_ok(&op, &[f32s(&[1, 1, 5], &[1., 5., 2., 4., 3.])])), &[2., 5., 3.]);
}

#[test]
fn max_pool_of_integers() {
    let op = Op::Pool { kind: PoolKind::Max, window: window(&[2], &[2], &[0, 0]), output: vec![2] };
    let y = run_ok(&op, &[i32t(&[1, 1, 4], &[3, -1, -7, -2])]);
    assert_eq!(y.data, Data::I32(vec![3, -2]));
}

#[test]
fn pad_reflect_on_two_axes() {
    // [[1, 2], [3, 4]] reflected by one on each side of the columns and one row on top.
    let op = Op::Pad { pads: vec![1, 1, 0, 1], mode: PadMode::Reflect, value: 0.0 };
    let y = run_ok(&op, &[f32s(&[2, 2], &[1., 2., 3., 4.])]);
    assert_eq!(y.shape, vec![3, 4]);
    assert_eq!(as_f32(&y), &[4., 3., 4., 3., 2., 1., 2., 1., 4., 3., 4., 3.]);
}

#[test]
fn expand_and_transpose_keep_symbolic_dims() {
    let x = TensorType::new(DType::F32, vec![Dim::sym("b"), Dim::fixed(1)]);
    let out = infer_of(&Op::Expand { shape: vec![Dim::fixed(1), Dim::fixed(4)] }, std::slice::from_ref(&x)).unwrap();
    assert_eq!(out[0].shape, vec![Dim::sym("b"), Dim::fixed(4)]);
    let out = infer_of(&Op::Transpose { perm: vec![1, 0] }, &[x]).unwrap();
    assert_eq!(out[0].shape, vec![Dim::fixed(1), Dim::sym("b")]);
}

#[test]
fn ops_needing_static_shapes_refuse_symbolic_ones() {
    let x = TensorType::new(DType::F32, vec![Dim::sym("b"), Dim::fixed(4)]);
    assert!(infer_of(&Op::TopK { axis: 1, k: 2, largest: true, indices: false }, std::slice::from_ref(&x)).is_err());
    assert!(infer_of(&Op::Tile { repeats: vec![1, 2] }, std::slice::from_ref(&x)).is_err());
    assert!(infer_of(&Op::Pad { pads: vec![0, 0, 0, 1], mode: PadMode::Constant, value: 0.0 }, &[x]).is_err());
}

#[test]
fn conv_takes_a_symbolic_batch_only() {
    let op = Op::Conv { group: 1, window: window(&[1], &[1], &[0, 0]) };
    let x = TensorType::new(DType::F32, vec![Dim::sym("b"), Dim::fixed(2), Dim::fixed(3)]);
    let out = infer_of(&op, &[x, ty(DType::F32, &[4, 2, 1])]).unwrap();
    assert_eq!(out[0].shape, vec![Dim::sym("b"), Dim::fixed(4), Dim::fixed(3)]);
    let x = TensorType::new(DType::F32, vec![Dim::fixed(1), Dim::fixed(2), Dim::sym("t")]);
    assert!(infer_of(&op, &[x, ty(DType::F32, &[4, 2, 1])]).is_err());
}

#[test]
fn window_out_in_floor_and_ceil_mode() {
    let w = window(&[3], &[2], &[0, 0]);
    // (6 - 3) / 2 + 1 = 2 in floor mode; ceil adds a window starting at 4 < 6.
    assert_eq!(window_out(6, &w, 0, false), Ok(2));
    assert_eq!(window_out(6, &w, 0, true), Ok(3));
    // With a begin pad of 1 and end pad of 1 over 5: padded 7, ceil gives (7 - 3).div_ceil(2) + 1
    // = 3; the last window starts at 4 < 5 + 1, inside.
    let w = window(&[3], &[2], &[1, 1]);
    assert_eq!(window_out(5, &w, 0, true), Ok(3));
    // A kernel larger than the padded input is an error.
    assert!(window_out(2, &window(&[3], &[1], &[0, 0]), 0, false).is_err());
}

#[test]
fn window_out_in_ceil_mode_drops_a_window_starting_in_the_end_padding() {
    // Kernel 2, stride 2, input 4, end pad 1: padded 5, ceil gives (5 - 2).div_ceil(2) + 1 = 3,
    // but window 3 would start at 4, in the end padding only: ONNX keeps 2.
    let w = window(&[2], &[2], &[0, 1]);
    assert_eq!(window_out(4, &w, 0, true), Ok(2));
}

#[test]
fn cast_of_floats_to_integers_truncates_towards_zero() {
    let y = run_ok(&Op::Cast { to: DType::I32 }, &[f32s(&[4], &[2.7, -2.7, 0.4, -0.4])]);
    assert_eq!(y.data, Data::I32(vec![2, -2, 0, 0]));
}

#[test]
fn bool_max_reduction_is_refused_but_integer_max_works() {
    let op = Op::Reduce { kind: ReduceKind::Max, axes: vec![0], keepdims: false };
    assert!(run(&op, &[bools(&[2], &[true, false])]).is_err());
    assert_eq!(as_i64(&run_ok(&op, &[i64t(&[3], &[-5, 2, -1])])), &[2]);
}

#[test]
fn avg_pool_in_ceil_mode_divides_the_last_window_by_what_it_covers() {
    // [1, 2, 3, 4, 5], kernel 2, stride 2, ceil mode: windows [1, 2], [3, 4], [5]; the last one
    // lies past the input and is averaged over its one element either way.
    let w = window(&[2], &[2], &[0, 0]);
    for count_include_pad in [false, true] {
        let op = Op::Pool { kind: PoolKind::Avg { count_include_pad }, window: w.clone(), output: vec![3] };
        let y = run_ok(&op, &[f32s(&[1, 1, 5], &[1., 2., 3., 4., 5.])]);
        assert_close(as_f32(&y), &[1.5, 3.5, 5.]);
    }
}

#[test]
fn max_pool_indices_with_padding_count_in_the_unpadded_input() {
    // [[1, 3, 2]], kernel 1x2 with one column of padding in front: windows over columns
    // {-1, 0}, {0, 1}, {1, 2}; maxima at columns 0, 1, 1.
    let w = window(&[1, 2], &[1, 1], &[0, 1, 0, 0]);
    let op = Op::MaxPoolIndices { window: w, output: vec![1, 3], column_major: false };
    let y = run_ok(&op, &[f32s(&[1, 1, 1, 3], &[1., 3., 2.])]);
    assert_eq!(as_i64(&y), &[0, 1, 1]);
}

#[test]
fn max_pool_indices_include_the_batch_and_channel_offsets() {
    // Two channels of two elements; kernel 2 covers each channel: maxima at flat 1 and 2.
    let op = Op::MaxPoolIndices { window: window(&[2], &[1], &[0, 0]), output: vec![1], column_major: false };
    let y = run_ok(&op, &[f32s(&[1, 2, 2], &[0., 1., 5., 4.])]);
    assert_eq!(as_i64(&y), &[1, 2]);
}

#[test]
fn gather_with_two_dimensional_indices_inserts_their_shape() {
    // data [3, 2], indices [[0, 2], [1, 1]] on axis 0 -> [2, 2, 2].
    let data = f32s(&[3, 2], &[1., 2., 3., 4., 5., 6.]);
    let y = run_ok(&Op::Gather { axis: 0 }, &[data, i64t(&[2, 2], &[0, 2, 1, 1])]);
    assert_eq!(y.shape, vec![2, 2, 2]);
    assert_eq!(as_f32(&y), &[1., 2., 5., 6., 3., 4., 3., 4.]);
}

#[test]
fn concat_with_an_empty_part() {
    let empty = Tensor::new(vec![2, 0], Data::F32(vec![])).unwrap();
    let y = run_ok(&Op::Concat { axis: 1 }, &[empty, f32s(&[2, 1], &[1., 2.])]);
    assert_eq!(y.shape, vec![2, 1]);
    assert_eq!(as_f32(&y), &[1., 2.]);
}

#[test]
fn cumulative_exclusive_reverse_along_rows() {
    // Rows [1, 2, 3] and [4, 5, 6], exclusive and reverse along axis 1: [5, 3, 0], [11, 6, 0].
    let op = Op::Cumulative { axis: 1, exclusive: true, reverse: true, product: false };
    assert_eq!(as_f32(&run_ok(&op, &[m2x3()])), &[5., 3., 0., 11., 6., 0.]);
}

#[test]
fn where_of_integers_broadcasts_the_condition() {
    let y = run_ok(&Op::Where, &[bools(&[2, 1], &[true, false]), i64t(&[2], &[1, 2]), i64t(&[], &[0])]);
    assert_eq!(y.shape, vec![2, 2]);
    assert_eq!(as_i64(&y), &[1, 2, 0, 0]);
}

#[test]
fn resample_along_the_inner_axis() {
    // Each row [a, b] resampled to [b, a] by one tap each.
    let op = Op::Resample { axis: 1 };
    let y = run_ok(&op, &[m2x3(), i64t(&[2, 1], &[2, 0]), f32s(&[2, 1], &[1., 1.])]);
    assert_eq!(y.shape, vec![2, 2]);
    assert_eq!(as_f32(&y), &[3., 1., 6., 4.]);
}
