//! Tests: movement.

use super::*;

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
