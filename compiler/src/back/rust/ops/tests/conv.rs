//! Tests: conv.

use super::*;

#[test]
fn conv_calls_the_conv_kernel_with_group_strides_dilations_and_pads() {
    let op = Op::Conv { group: 2, window: conv_window(&[3, 3], &[2, 1], &[1, 2], &[1, 0, 1, 0]) };
    let xs = [f32o("x", &[1, 4, 8, 8]), f32o("w", &[6, 2, 3, 3]), f32o("b", &[6])];
    let y = f32o("y", &[1, 6, 4, 4]);
    let want = quote! {
        rt::kernels::conv::conv(x, &[1, 4, 8, 8], w, &[6, 2, 3, 3], Some(b),
            &rt::kernels::conv::ConvParams { group: 2, strides: &[2, 1], dilations: &[1, 2], pads: &[1, 0, 1, 0] },
            y, &[1, 6, 4, 4], scratch)?;
    };
    assert_eq!(lowered_with_scratch(&op, &xs, &y).unwrap(), s(want));
}

#[test]
fn conv_without_bias_or_scratch_passes_none_and_an_empty_slice() {
    let op = Op::Conv { group: 1, window: conv_window(&[1], &[1], &[1], &[0, 0]) };
    let xs = [f32o("x", &[1, 2, 5]), f32o("w", &[3, 2, 1])];
    let want = quote! {
        rt::kernels::conv::conv(x, &[1, 2, 5], w, &[3, 2, 1], None,
            &rt::kernels::conv::ConvParams { group: 1, strides: &[1], dilations: &[1], pads: &[0, 0] },
            y, &[1, 3, 5], &mut [])?;
    };
    assert_eq!(lowered(&op, &xs, &f32o("y", &[1, 3, 5])), s(want));
}

#[test]
fn conv_on_prepacked_or_winograd_weights_uses_their_kernels() {
    let op = Op::Conv { group: 1, window: conv_window(&[3, 3], &[1, 1], &[1, 1], &[1, 1, 1, 1]) };
    let y = f32o("y", &[1, 16, 8, 8]);
    let params =
        quote!(&rt::kernels::conv::ConvParams { group: 1, strides: &[1, 1], dilations: &[1, 1], pads: &[1, 1, 1, 1] });
    let xs = [f32o("x", &[1, 16, 8, 8]), packed(f32o("w", &[16, 16, 3, 3]), Packing::ConvWeights { group: 1 })];
    assert_eq!(
        lowered_with_scratch(&op, &xs, &y).unwrap(),
        s(
            quote!(rt::kernels::conv::conv_prepacked(x, &[1, 16, 8, 8], w, &[16, 16, 3, 3], None, #params, y, &[1, 16, 8, 8], scratch)?;)
        )
    );
    let xs = [f32o("x", &[1, 16, 8, 8]), packed(f32o("w", &[16, 16, 3, 3]), Packing::Winograd { tile: 4 })];
    assert_eq!(
        lowered_with_scratch(&op, &xs, &y).unwrap(),
        s(
            quote!(rt::kernels::winograd::conv_winograd(x, &[1, 16, 8, 8], w, &[16, 16, 3, 3], None, #params, y, &[1, 16, 8, 8], scratch)?;)
        )
    );
}

#[test]
fn fused_relu_on_gemm_packed_conv_uses_the_clamped_path() {
    let xs = [
        f32o("x", &[1, 4, 2, 2]),
        packed(f32o("w", &[8, 4, 1, 1]), Packing::ConvWeights { group: 1 }),
        f32o("b", &[8]),
    ];
    let y = f32o("y", &[1, 8, 2, 2]);
    let p = conv_1x1_params();
    let want = quote! {
        rt::kernels::conv::conv_prepacked_clamped(x, &[1, 4, 2, 2], w, &[8, 4, 1, 1], Some(b), #p,
            y, &[1, 8, 2, 2], scratch, 0f32, f32::INFINITY)?;
    };
    assert_eq!(lowered_with_scratch(&fused_conv(relu_of_head(), 3), &xs, &y).unwrap(), s(want));
    // A Clip with only a maximum: the open side is minus infinity.
    let clip = FusedExpr::Unary(UnaryOp::Clip { min: None, max: Some(6.0) }, Box::new(FusedExpr::Input(0)));
    let want = quote! {
        rt::kernels::conv::conv_prepacked_clamped(x, &[1, 4, 2, 2], w, &[8, 4, 1, 1], Some(b), #p,
            y, &[1, 8, 2, 2], scratch, f32::NEG_INFINITY, 6f32)?;
    };
    assert_eq!(lowered_with_scratch(&fused_conv(clip, 3), &xs, &y).unwrap(), s(want));
}

#[test]
fn fused_relu_on_a_plain_conv_uses_the_fused_kernel_with_a_closure() {
    let xs = [f32o("x", &[1, 4, 2, 2]), f32o("w", &[8, 4, 1, 1])];
    let y = f32o("y", &[1, 8, 2, 2]);
    let p = conv_1x1_params();
    let want = quote! {
        rt::kernels::conv::conv_fused(x, &[1, 4, 2, 2], w, &[8, 4, 1, 1], None, #p,
            y, &[1, 8, 2, 2], scratch, [], |a: f32, _v: [f32; 0]| rt::scalar::relu(a))?;
    };
    assert_eq!(lowered_with_scratch(&fused_conv(relu_of_head(), 2), &xs, &y).unwrap(), s(want));
}

#[test]
fn fused_residual_on_a_packed_conv_is_not_clamped() {
    // A residual leaf makes the epilogue more than a clamp: the prepacked fused kernel runs it.
    let xs = [
        f32o("x", &[1, 4, 2, 2]),
        packed(f32o("w", &[4, 4, 1, 1]), Packing::ConvWeights { group: 1 }),
        f32o("r", &[1, 4, 2, 2]),
    ];
    let y = f32o("y", &[1, 4, 2, 2]);
    let p = conv_1x1_params();
    let want = quote! {
        rt::kernels::conv::conv_prepacked_fused(x, &[1, 4, 2, 2], w, &[4, 4, 1, 1], None, #p,
            y, &[1, 4, 2, 2], scratch, [(r, &[1, 4, 2, 2][..])],
            |a: f32, v: [f32; 1]| rt::kernels::binary::Arith::add(a, v[0]))?;
    };
    assert_eq!(
        lowered_with_scratch(&fused_conv(add(FusedExpr::Input(0), FusedExpr::Input(1)), 2), &xs, &y).unwrap(),
        s(want)
    );
}

#[test]
fn conv_transpose_passes_its_params() {
    let op = Op::ConvTranspose {
        group: 1,
        strides: vec![2, 2],
        dilations: vec![1, 1],
        pads_begin: vec![1, 0],
        output: crate::ir::fixed_dims([5, 6]),
    };
    let xs = [f32o("x", &[1, 2, 3, 3]), f32o("w", &[2, 4, 2, 2])];
    let want = quote! {
        rt::kernels::conv_transpose::conv_transpose(x, &[1, 2, 3, 3], w, &[2, 4, 2, 2], None,
            &rt::kernels::conv_transpose::ConvTransposeParams { group: 1, strides: &[2, 2], dilations: &[1, 1], pads_begin: &[1, 0] },
            y, &[1, 4, 5, 6])?;
    };
    assert_eq!(lowered(&op, &xs, &f32o("y", &[1, 4, 5, 6])), s(want));
}

fn excite_inputs(project: bool) -> Vec<Operand> {
    let mut xs = vec![
        f32o("x", &[1, 4, 3, 3]),
        f32o("w1", &[2, 4, 1, 1]),
        f32o("b1", &[2]),
        f32o("w2", &[4, 2, 1, 1]),
        f32o("b2", &[4]),
    ];
    if project {
        xs.extend([f32o("wp", &[8, 4, 1, 1]), f32o("bp", &[8])]);
    }
    xs
}

#[test]
fn squeeze_excite_needs_scratch_and_builds_its_closures() {
    let op = Op::SqueezeExcite {
        act: relu_of_head(),
        gate: FusedExpr::Unary(UnaryOp::Math(MathFn::Sigmoid), Box::new(FusedExpr::Input(0))),
        project: false,
    };
    let y = f32o("y", &[1, 4, 3, 3]);
    assert!(lower_err(&op, &excite_inputs(false), &y).contains("scratch"));
    let want = quote! {
        rt::kernels::excite::squeeze_excite(x, &[1, 4, 3, 3],
            rt::kernels::excite::Excite { w1: w1, b1: b1, w2: w2, b2: b2,
                act: |v: [f32; 1]| rt::scalar::relu(v[0]),
                gate: |v: [f32; 1]| rt::scalar::sigmoid(v[0]) },
            y, scratch)?;
    };
    assert_eq!(lowered_with_scratch(&op, &excite_inputs(false), &y).unwrap(), s(want));
}

#[test]
fn projecting_squeeze_excite_picks_the_prepacked_kernel_for_packed_weights() {
    let op = Op::SqueezeExcite { act: FusedExpr::Input(0), gate: FusedExpr::Input(0), project: true };
    let y = f32o("y", &[1, 8, 3, 3]);
    let e = quote!(rt::kernels::excite::Excite {
        w1: w1,
        b1: b1,
        w2: w2,
        b2: b2,
        act: |v: [f32; 1]| v[0],
        gate: |v: [f32; 1]| v[0]
    });
    assert_eq!(
        lowered_with_scratch(&op, &excite_inputs(true), &y).unwrap(),
        s(
            quote!(rt::kernels::excite::squeeze_excite_project(x, &[1, 4, 3, 3], #e, wp, bp, y, &[1, 8, 3, 3], scratch)?;)
        )
    );
    let mut xs = excite_inputs(true);
    xs[5].packing = Some(Packing::ConvWeights { group: 1 });
    assert_eq!(
        lowered_with_scratch(&op, &xs, &y).unwrap(),
        s(
            quote!(rt::kernels::excite::squeeze_excite_project_prepacked(x, &[1, 4, 3, 3], #e, wp, &[8, 4, 1, 1], bp, y, &[1, 8, 3, 3], scratch)?;)
        )
    );
    assert!(lowered_with_scratch(&op, &excite_inputs(false), &y).is_err());
}
