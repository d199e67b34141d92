//! Tests: linalg.

use super::*;

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
