//! Tests: more edge cases.

use super::*;

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
    let op = Op::ConvTranspose {
        group: 1,
        strides: vec![1],
        dilations: vec![1],
        pads_begin: vec![1],
        output: crate::ir::fixed_dims([2]),
    };
    let y = run_ok(&op, &[f32s(&[1, 1, 2], &[1., 2.]), f32s(&[1, 1, 2], &[1., 1.]), f32s(&[1], &[0.5])]);
    assert_close(as_f32(&y), &[3.5, 2.5]);
}

#[test]
fn max_pool_with_dilation_reads_spaced_inputs() {
    // 1-D kernel 2 dilated by 2 over [1, 5, 2, 4, 3]: max(x0, x2), max(x1, x3), max(x2, x4).
    let w = Window { kernel: vec![2], strides: vec![1], dilations: vec![2], pads: vec![0, 0] };
    let op = Op::Pool { kind: PoolKind::Max, window: w, output: crate::ir::fixed_dims([3]) };
    assert_eq!(as_f32(&run_ok(&op, &[f32s(&[1, 1, 5], &[1., 5., 2., 4., 3.])])), &[2., 5., 3.]);
}

#[test]
fn max_pool_of_integers() {
    let op = Op::Pool { kind: PoolKind::Max, window: window(&[2], &[2], &[0, 0]), output: crate::ir::fixed_dims([2]) };
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
}

#[test]
fn pad_grows_and_crops_symbolic_axes() {
    let x = TensorType::new(DType::F32, vec![Dim::sym("b"), Dim::sym("t")]);
    let out = infer_of(&Op::Pad { pads: vec![0, 2, 1, -1], mode: PadMode::Constant, value: 0.0 }, &[x]).unwrap();
    assert_eq!(out[0].shape, vec![&Dim::sym("b") + &Dim::int(1), &Dim::sym("t") + &Dim::int(1)]);
}

#[test]
fn conv_takes_symbolic_batch_and_spatial_sizes_but_fixed_channels() {
    let op = Op::Conv { group: 1, window: window(&[1], &[1], &[0, 0]) };
    let x = TensorType::new(DType::F32, vec![Dim::sym("b"), Dim::fixed(2), Dim::fixed(3)]);
    let out = infer_of(&op, &[x, ty(DType::F32, &[4, 2, 1])]).unwrap();
    assert_eq!(out[0].shape, vec![Dim::sym("b"), Dim::fixed(4), Dim::fixed(3)]);
    // 3 taps at stride 2 with a pad of 1 on each side: floor((t + 2 - 3) / 2) + 1.
    let strided = Op::Conv { group: 1, window: window(&[3], &[2], &[1, 1]) };
    let x = TensorType::new(DType::F32, vec![Dim::fixed(1), Dim::fixed(2), Dim::sym("t")]);
    let out = infer_of(&strided, &[x, ty(DType::F32, &[4, 2, 3])]).unwrap();
    for t in 1..12 {
        assert_eq!(out[0].shape[2].eval(&|_| Some(t)), Some((t - 1).div_euclid(2) + 1), "t = {t}");
    }
    let x = TensorType::new(DType::F32, vec![Dim::fixed(1), Dim::sym("c"), Dim::fixed(3)]);
    assert!(infer_of(&op, &[x, ty(DType::F32, &[4, 2, 1])]).is_err());
}

#[test]
fn ceil_mode_on_symbolic_sizes_only_where_its_correction_cannot_apply() {
    let t = Dim::sym("t");
    // 2 taps at stride 2 without end padding: ceil((t - 2) / 2) + 1 for every t >= 2.
    let out = window_out_dim(&t, &window(&[2], &[2], &[0, 0]), 0, true).unwrap();
    for v in 2..12 {
        assert_eq!(
            out.eval(&|_| Some(v)),
            Some(window_out(v as usize, &window(&[2], &[2], &[0, 0]), 0, true).unwrap() as i64)
        );
    }
    // With end padding the last window may start in it, which ceil mode drops for some sizes.
    assert!(window_out_dim(&t, &window(&[2], &[2], &[0, 1]), 0, true).is_err());
    assert_eq!(window_out_dim(&Dim::fixed(5), &window(&[2], &[2], &[0, 1]), 0, true), Ok(Dim::fixed(3)));
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
        let op = Op::Pool {
            kind: PoolKind::Avg { count_include_pad },
            window: w.clone(),
            output: crate::ir::fixed_dims([3]),
        };
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
