//! Tests: norm.

use super::*;

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
