//! Tests: sample.

use super::*;

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
