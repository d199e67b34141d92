//! Tests: conv.

use super::*;

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
        output: crate::ir::fixed_dims([out]),
    };
    assert_eq!(as_f32(&run_ok(&op(1, 3), &[x.clone(), w.clone()])), &[1., 3., 2.]);
    assert_eq!(as_f32(&run_ok(&op(2, 4), &[x, w])), &[1., 1., 2., 2.]);
}

#[test]
fn conv_transpose_output_channels_are_weights_dim1_times_group() {
    let op = Op::ConvTranspose {
        group: 2,
        strides: vec![1],
        dilations: vec![1],
        pads_begin: vec![0],
        output: crate::ir::fixed_dims([4]),
    };
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
