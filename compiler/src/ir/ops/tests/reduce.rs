//! Tests: reduce.

use super::*;

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
