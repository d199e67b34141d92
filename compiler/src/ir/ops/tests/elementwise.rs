//! Tests: elementwise.

use super::*;

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

#[test]
fn equal_takes_bools_and_other_comparisons_do_not() {
    let eq = Op::Binary(BinaryOp::Equal);
    assert_eq!(infer_of(&eq, &[ty(DType::Bool, &[3]), ty(DType::Bool, &[3])]).unwrap(), vec![ty(DType::Bool, &[3])]);
    let y = run_ok(&eq, &[bools(&[3], &[true, false, true]), bools(&[3], &[true, true, false])]);
    assert_eq!(as_bool(&y), &[true, false, false]);
    assert!(infer_of(&Op::Binary(BinaryOp::Less), &[ty(DType::Bool, &[3]), ty(DType::Bool, &[3])]).is_err());
    assert!(infer_of(&Op::Binary(BinaryOp::And), &[ty(DType::F32, &[3]), ty(DType::F32, &[3])]).is_err());
}
