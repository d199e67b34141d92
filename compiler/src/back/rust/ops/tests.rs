//! Unit tests of the Rust lowering of each op family.

use super::*;
use crate::ir::fixed_dims;

// ---- helpers -------------------------------------------------------------------------------

/// An operand named `name` of fixed dims, stored plain.
fn opnd(name: &str, dtype: DType, dims: &[usize]) -> Operand {
    Operand { ident: format_ident!("{name}"), dims: fixed_dims(dims), dtype, packing: None }
}

fn f32o(name: &str, dims: &[usize]) -> Operand {
    opnd(name, DType::F32, dims)
}

fn packed(mut o: Operand, p: Packing) -> Operand {
    o.packing = Some(p);
    o
}

/// The lowering as a token string, with no symbols and no scratch.
fn lowered(op: &Op, xs: &[Operand], y: &Operand) -> String {
    lower(op, xs, y, None, &DimIdents::default()).unwrap_or_else(|e| panic!("{op:?}: {e}")).to_string()
}

/// The lowering with a scratch slice named `scratch`.
fn lowered_with_scratch(op: &Op, xs: &[Operand], y: &Operand) -> Result<String, String> {
    let s = format_ident!("scratch");
    lower(op, xs, y, Some(&s), &DimIdents::default()).map(|t| t.to_string())
}

fn lower_err(op: &Op, xs: &[Operand], y: &Operand) -> String {
    match lower(op, xs, y, None, &DimIdents::default()) {
        Ok(t) => panic!("{op:?} lowered to {t}, expected an error"),
        Err(e) => e,
    }
}

fn s(t: TokenStream) -> String {
    t.to_string()
}

fn conv_window(kernel: &[usize], strides: &[usize], dilations: &[usize], pads: &[usize]) -> Window {
    Window { kernel: kernel.to_vec(), strides: strides.to_vec(), dilations: dilations.to_vec(), pads: pads.to_vec() }
}

fn relu_of_head() -> FusedExpr {
    FusedExpr::Unary(UnaryOp::Relu, Box::new(FusedExpr::Input(0)))
}

fn add(a: FusedExpr, b: FusedExpr) -> FusedExpr {
    FusedExpr::Binary(BinaryOp::Add, Box::new(a), Box::new(b))
}

// ---- elementwise ---------------------------------------------------------------------------

#[test]
fn unary_ops_call_their_named_kernel() {
    let (x, y) = (f32o("x", &[4]), f32o("y", &[4]));
    for (u, f) in [
        (UnaryOp::Relu, quote!(relu)),
        (UnaryOp::Neg, quote!(neg)),
        (UnaryOp::Abs, quote!(abs)),
        (UnaryOp::Sign, quote!(sign)),
        (UnaryOp::Identity, quote!(identity)),
        (UnaryOp::IsNaN, quote!(is_nan)),
    ] {
        assert_eq!(lowered(&Op::Unary(u), std::slice::from_ref(&x), &y), s(quote!(rt::kernels::unary::#f(x, y)?;)));
    }
    let (b, by) = (opnd("b", DType::Bool, &[4]), opnd("c", DType::Bool, &[4]));
    assert_eq!(lowered(&Op::Unary(UnaryOp::Not), &[b], &by), s(quote!(rt::kernels::unary::not(b, c)?;)));
    let (i, iy) = (opnd("i", DType::I32, &[4]), opnd("j", DType::I32, &[4]));
    assert_eq!(lowered(&Op::Unary(UnaryOp::BitNot), &[i], &iy), s(quote!(rt::kernels::unary::bit_not(i, j)?;)));
}

#[test]
fn clip_passes_bounds_of_the_operand_type_and_none_for_open_sides() {
    let op = Op::Unary(UnaryOp::Clip { min: Some(0.0), max: None });
    assert_eq!(
        lowered(&op, &[f32o("x", &[4])], &f32o("y", &[4])),
        s(quote!(rt::kernels::unary::clip(x, y, Some(0f32), None)?;))
    );
    let op = Op::Unary(UnaryOp::Clip { min: Some(-2.0), max: Some(6.0) });
    let (x, y) = (opnd("x", DType::I32, &[4]), opnd("y", DType::I32, &[4]));
    assert_eq!(lowered(&op, &[x], &y), s(quote!(rt::kernels::unary::clip(x, y, Some(-2i32), Some(6i32))?;)));
}

#[test]
fn math_functions_go_through_math_apply_with_their_parameters() {
    let (x, y) = (f32o("x", &[4]), f32o("y", &[4]));
    let op = Op::Unary(UnaryOp::Math(MathFn::Exp));
    assert_eq!(
        lowered(&op, std::slice::from_ref(&x), &y),
        s(quote!(rt::kernels::math::apply(rt::kernels::math::MathFn::Exp, x, y)?;))
    );
    let op = Op::Unary(UnaryOp::Math(MathFn::HardSigmoid { alpha: 0.25, beta: 0.5 }));
    assert_eq!(
        lowered(&op, &[x], &y),
        s(
            quote!(rt::kernels::math::apply(rt::kernels::math::MathFn::HardSigmoid { alpha: 0.25f32, beta: 0.5f32 }, x, y)?;)
        )
    );
}

#[test]
fn is_inf_passes_both_signs() {
    let op = Op::Unary(UnaryOp::IsInf { positive: true, negative: false });
    assert_eq!(
        lowered(&op, &[f32o("x", &[2])], &opnd("y", DType::Bool, &[2])),
        s(quote!(rt::kernels::unary::is_inf(x, y, true, false)?;))
    );
}

#[test]
fn binary_ops_pass_both_shapes_and_the_output_shape() {
    let xs = [f32o("a", &[2, 1]), f32o("b", &[3])];
    let y = f32o("y", &[2, 3]);
    assert_eq!(
        lowered(&Op::Binary(BinaryOp::Add), &xs, &y),
        s(quote!(rt::kernels::binary::add(a, &[2, 1], b, &[3], y, &[2, 3])?;))
    );
    let cmp = opnd("y", DType::Bool, &[2, 3]);
    assert_eq!(
        lowered(&Op::Binary(BinaryOp::LessOrEqual), &xs, &cmp),
        s(quote!(rt::kernels::binary::less_or_equal(a, &[2, 1], b, &[3], y, &[2, 3])?;))
    );
}

#[test]
fn mod_lowers_to_rem_or_fmod() {
    let xs = [opnd("a", DType::I32, &[2]), opnd("b", DType::I32, &[2])];
    let y = opnd("y", DType::I32, &[2]);
    assert_eq!(
        lowered(&Op::Binary(BinaryOp::Mod { fmod: false }), &xs, &y),
        s(quote!(rt::kernels::binary::rem(a, &[2], b, &[2], y, &[2])?;))
    );
    assert_eq!(
        lowered(&Op::Binary(BinaryOp::Mod { fmod: true }), &xs, &y),
        s(quote!(rt::kernels::binary::fmod(a, &[2], b, &[2], y, &[2])?;))
    );
    assert_eq!(
        lowered(&Op::Binary(BinaryOp::ShiftRight), &xs, &y),
        s(quote!(rt::kernels::binary::shift_right(a, &[2], b, &[2], y, &[2])?;))
    );
}

#[test]
fn binary_without_its_second_operand_is_an_error() {
    assert!(lower_err(&Op::Binary(BinaryOp::Mul), &[f32o("a", &[2])], &f32o("y", &[2])).contains("missing"));
}

#[test]
fn an_op_without_inputs_is_an_error() {
    assert!(lower(&Op::Unary(UnaryOp::Relu), &[], &f32o("y", &[2]), None, &DimIdents::default()).is_err());
}

#[test]
fn where_selects_with_three_shapes() {
    let xs = [opnd("c", DType::Bool, &[2, 1]), f32o("a", &[3]), f32o("b", &[])];
    assert_eq!(
        lowered(&Op::Where, &xs, &f32o("y", &[2, 3])),
        s(quote!(rt::kernels::elementwise::select(c, &[2, 1], a, &[3], b, &[], y, &[2, 3])?;))
    );
}

#[test]
fn cast_and_bitcast_call_their_kernels() {
    let (x, y) = (f32o("x", &[3]), opnd("y", DType::I32, &[3]));
    assert_eq!(
        lowered(&Op::Cast { to: DType::I32 }, std::slice::from_ref(&x), &y),
        s(quote!(rt::kernels::unary::cast(x, y)?;))
    );
    assert_eq!(lowered(&Op::BitCast { to: DType::I32 }, &[x], &y), s(quote!(rt::kernels::unary::bitcast(x, y)?;)));
}

#[test]
fn fused_without_head_is_one_closure_over_its_leaves() {
    // relu(v0 + v1)
    let op = Op::Fused {
        head: None,
        expr: FusedExpr::Unary(UnaryOp::Relu, Box::new(add(FusedExpr::Input(0), FusedExpr::Input(1)))),
    };
    let xs = [f32o("a", &[2, 3]), f32o("b", &[3])];
    let want = quote! {
        rt::kernels::elementwise::fused(
            [(a, &[2, 3][..]), (b, &[3][..])], y, &[2, 3],
            |v: [f32; 2]| rt::scalar::relu(rt::kernels::binary::Arith::add(v[0], v[1]))
        )?;
    };
    assert_eq!(lowered(&op, &xs, &f32o("y", &[2, 3])), s(want));
}

#[test]
fn fused_leaky_relu_and_clip_spell_their_constants() {
    let expr = FusedExpr::Unary(
        UnaryOp::Clip { min: Some(0.0), max: Some(6.0) },
        Box::new(FusedExpr::Unary(UnaryOp::Math(MathFn::LeakyRelu { alpha: 0.5 }), Box::new(FusedExpr::Input(0)))),
    );
    let op = Op::Fused { head: None, expr };
    let want = quote! {
        rt::kernels::elementwise::fused(
            [(a, &[4][..])], y, &[4],
            |v: [f64; 1]| {
                let mut c = rt::scalar::leaky_relu(v[0], 0.5f64);
                if c < 0f64 { c = 0f64; }
                if c > 6f64 { c = 6f64; }
                c
            }
        )?;
    };
    assert_eq!(lowered(&op, &[opnd("a", DType::F64, &[4])], &opnd("y", DType::F64, &[4])), s(want));
}

#[test]
fn fused_on_integers_or_with_unfusable_ops_is_an_error() {
    let op = Op::Fused { head: None, expr: FusedExpr::Input(0) };
    let e = lower_err(&op, &[opnd("a", DType::I32, &[2])], &opnd("y", DType::I32, &[2]));
    assert!(e.contains("i32"), "{e}");
    let op = Op::Fused {
        head: None,
        expr: FusedExpr::Binary(BinaryOp::Equal, Box::new(FusedExpr::Input(0)), Box::new(FusedExpr::Input(0))),
    };
    assert!(lower_err(&op, &[f32o("a", &[2])], &f32o("y", &[2])).contains("not fusable"));
    let op = Op::Fused { head: None, expr: FusedExpr::Unary(UnaryOp::Sign, Box::new(FusedExpr::Input(0))) };
    assert!(lower_err(&op, &[f32o("a", &[2])], &f32o("y", &[2])).contains("not fusable"));
}

#[test]
fn fused_matmul_head_runs_the_matmul_then_the_epilogue_in_place() {
    let head = FusedHead { op: Box::new(Op::MatMul), inputs: 2 };
    let op = Op::Fused { head: Some(head), expr: add(FusedExpr::Input(0), FusedExpr::Input(1)) };
    let xs = [f32o("a", &[2, 3]), f32o("b", &[3, 4]), f32o("bias", &[4])];
    let want = quote! {
        rt::kernels::matmul::matmul(a, &[2, 3], b, &[3, 4], y, &[2, 4])?;
        rt::kernels::elementwise::fused_in_place(y, &[2, 4], [(bias, &[4][..])],
            |a: f32, v: [f32; 1]| rt::kernels::binary::Arith::add(a, v[0]))?;
    };
    assert_eq!(lowered(&op, &xs, &f32o("y", &[2, 4])), s(want));
}

// ---- linalg --------------------------------------------------------------------------------

#[test]
fn matmul_plain_and_on_prepacked_weights() {
    let y = f32o("y", &[2, 2]);
    let plain = [f32o("a", &[2, 3]), f32o("b", &[3, 2])];
    assert_eq!(
        lowered(&Op::MatMul, &plain, &y),
        s(quote!(rt::kernels::matmul::matmul(a, &[2, 3], b, &[3, 2], y, &[2, 2])?;))
    );
    let pk = [f32o("a", &[2, 3]), packed(f32o("b", &[3, 2]), Packing::MatMulRhs)];
    assert_eq!(
        lowered(&Op::MatMul, &pk, &y),
        s(quote!(rt::kernels::matmul::matmul_prepacked(a, &[2, 3], b, &[3, 2], y, &[2, 2])?;))
    );
}

#[test]
fn det_passes_the_input_shape() {
    assert_eq!(
        lowered(&Op::Det, &[f32o("x", &[5, 3, 3])], &f32o("y", &[5])),
        s(quote!(rt::kernels::linalg::det(x, &[5, 3, 3], y)?;))
    );
}

#[test]
fn symbolic_dims_become_expressions_over_bound_locals() {
    let mut sym = DimIdents::default();
    sym.idents.insert("n".into(), format_ident!("dim_n"));
    let a = Operand {
        ident: format_ident!("a"),
        dims: vec![Dim::sym("n"), Dim::fixed(3)],
        dtype: DType::F32,
        packing: None,
    };
    let b = f32o("b", &[3, 2]);
    let y = Operand {
        ident: format_ident!("y"),
        dims: vec![Dim::sym("n"), Dim::fixed(2)],
        dtype: DType::F32,
        packing: None,
    };
    let t = lower(&Op::MatMul, &[a, b], &y, None, &sym).unwrap();
    assert_eq!(s(t), s(quote!(rt::kernels::matmul::matmul(a, &[(dim_n), 3], b, &[3, 2], y, &[(dim_n), 2])?;)));
    // A symbol `run` cannot bind is an error.
    let a = Operand {
        ident: format_ident!("a"),
        dims: vec![Dim::sym("m"), Dim::fixed(3)],
        dtype: DType::F32,
        packing: None,
    };
    assert!(lower(&Op::MatMul, &[a, f32o("b", &[3, 2])], &y, None, &sym).is_err());
}

// ---- conv ----------------------------------------------------------------------------------

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

fn fused_conv(expr: FusedExpr, head_inputs: usize) -> Op {
    let conv = Op::Conv { group: 1, window: conv_window(&[1, 1], &[1, 1], &[1, 1], &[0, 0, 0, 0]) };
    Op::Fused { head: Some(FusedHead { op: Box::new(conv), inputs: head_inputs }), expr }
}

fn conv_1x1_params() -> TokenStream {
    quote!(&rt::kernels::conv::ConvParams { group: 1, strides: &[1, 1], dilations: &[1, 1], pads: &[0, 0, 0, 0] })
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
        output: vec![5, 6],
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

// ---- pool ----------------------------------------------------------------------------------

#[test]
fn max_and_avg_pool_pass_their_window() {
    let window = conv_window(&[3, 3], &[2, 2], &[1, 1], &[1, 1, 0, 0]);
    let x = f32o("x", &[1, 2, 7, 7]);
    let y = f32o("y", &[1, 2, 3, 3]);
    let params = quote!(&rt::kernels::pool::PoolParams {
        kernel: &[3, 3],
        strides: &[2, 2],
        dilations: &[1, 1],
        pads: &[1, 1, 0, 0]
    });
    let max = Op::Pool { kind: PoolKind::Max, window: window.clone(), output: vec![3, 3] };
    assert_eq!(
        lowered(&max, std::slice::from_ref(&x), &y),
        s(quote!(rt::kernels::pool::max_pool(x, &[1, 2, 7, 7], #params, y, &[1, 2, 3, 3])?;))
    );
    let avg = Op::Pool { kind: PoolKind::Avg { count_include_pad: true }, window, output: vec![3, 3] };
    assert_eq!(
        lowered(&avg, &[x], &y),
        s(quote!(rt::kernels::pool::avg_pool(x, &[1, 2, 7, 7], #params, true, y, &[1, 2, 3, 3])?;))
    );
}

#[test]
fn max_pool_indices_pass_the_storage_order() {
    let op = Op::MaxPoolIndices { window: conv_window(&[2], &[2], &[1], &[0, 0]), output: vec![2], column_major: true };
    let want = quote! {
        rt::kernels::pool::max_pool_indices(x, &[1, 1, 4],
            &rt::kernels::pool::PoolParams { kernel: &[2], strides: &[2], dilations: &[1], pads: &[0, 0] },
            true, y, &[1, 1, 2])?;
    };
    assert_eq!(lowered(&op, &[f32o("x", &[1, 1, 4])], &opnd("y", DType::I64, &[1, 1, 2])), s(want));
}

// ---- norm ----------------------------------------------------------------------------------

#[test]
fn softmax_splits_the_shape_around_its_axis() {
    let (x, y) = (f32o("x", &[2, 3, 4, 5]), f32o("y", &[2, 3, 4, 5]));
    assert_eq!(
        lowered(&Op::Softmax { axis: 2, log: false }, std::slice::from_ref(&x), &y),
        s(quote!(rt::kernels::norm::softmax(x, y, 6, 4, 5)?;))
    );
    assert_eq!(
        lowered(&Op::Softmax { axis: 3, log: true }, std::slice::from_ref(&x), &y),
        s(quote!(rt::kernels::norm::log_softmax(x, y, 24, 5, 1)?;))
    );
    assert!(lower_err(&Op::Softmax { axis: 4, log: false }, &[x], &y).contains("axis"));
}

#[test]
fn layer_norm_passes_epsilon_in_the_operand_type() {
    let xs = [f32o("x", &[2, 8]), f32o("s", &[8]), f32o("b", &[8])];
    assert_eq!(
        lowered(&Op::LayerNorm { epsilon: 0.5 }, &xs, &f32o("y", &[2, 8])),
        s(quote!(rt::kernels::norm::layer_norm(x, &[2, 8], 0.5f32, s, b, y)?;))
    );
    assert!(lower_err(&Op::LayerNorm { epsilon: 0.5 }, &xs[..2], &f32o("y", &[2, 8])).contains("bias"));
}

#[test]
fn lrn_passes_size_and_f64_coefficients() {
    let op = Op::Lrn { size: 5, alpha: 0.5, beta: 0.75, bias: 2.0 };
    assert_eq!(
        lowered(&op, &[f32o("x", &[1, 8, 2, 2])], &f32o("y", &[1, 8, 2, 2])),
        s(quote!(rt::kernels::norm::lrn(x, &[1, 8, 2, 2], 5, 0.5f64, 0.75f64, 2f64, y)?;))
    );
}

// ---- reduce --------------------------------------------------------------------------------

#[test]
fn reduce_sum_picks_the_integer_kernel_for_integers() {
    let op = Op::Reduce { kind: ReduceKind::Sum, axes: vec![0, 2], keepdims: false };
    assert_eq!(
        lowered(&op, &[f32o("x", &[2, 3, 4])], &f32o("y", &[3])),
        s(quote!(rt::kernels::reductions::sum(x, &[2, 3, 4], &[0, 2], y)?;))
    );
    assert_eq!(
        lowered(&op, &[opnd("x", DType::I64, &[2, 3, 4])], &opnd("y", DType::I64, &[3])),
        s(quote!(rt::kernels::reductions::sum_int(x, &[2, 3, 4], &[0, 2], y)?;))
    );
    let op = Op::Reduce { kind: ReduceKind::LogSumExp, axes: vec![1], keepdims: true };
    assert_eq!(
        lowered(&op, &[f32o("x", &[2, 3])], &f32o("y", &[2, 1])),
        s(quote!(rt::kernels::reductions::log_sum_exp(x, &[2, 3], &[1], y)?;))
    );
}

#[test]
fn arg_reduce_passes_axis_direction_and_tie_rule() {
    let op = Op::ArgReduce { max: false, axis: 1, keepdims: true, select_last: true };
    assert_eq!(
        lowered(&op, &[f32o("x", &[2, 3])], &opnd("y", DType::I64, &[2, 1])),
        s(quote!(rt::kernels::reduce::arg_reduce(x, &[2, 3], 1, false, true, y)?;))
    );
}

#[test]
fn cumulative_passes_its_flags_and_identity_of_the_dtype() {
    let op = Op::Cumulative { axis: 0, exclusive: true, reverse: false, product: true };
    assert_eq!(
        lowered(&op, &[opnd("x", DType::I32, &[5])], &opnd("y", DType::I32, &[5])),
        s(quote!(rt::kernels::scan::cumulative(x, &[5], 0, true, false, true, 1i32, y)?;))
    );
    let op = Op::Cumulative { axis: 1, exclusive: false, reverse: true, product: false };
    assert_eq!(
        lowered(&op, &[f32o("x", &[2, 5])], &f32o("y", &[2, 5])),
        s(quote!(rt::kernels::scan::cumulative(x, &[2, 5], 1, false, true, false, 0f32, y)?;))
    );
}

#[test]
fn top_k_writes_values_or_indices() {
    let x = f32o("x", &[3, 5]);
    let values = Op::TopK { axis: 1, k: 2, largest: true, indices: false };
    assert_eq!(
        lowered(&values, std::slice::from_ref(&x), &f32o("y", &[3, 2])),
        s(quote!(rt::kernels::select::top_k(x, &[3, 5], 1, 2, true, y, &mut [])?;))
    );
    let indices = Op::TopK { axis: 1, k: 2, largest: false, indices: true };
    assert_eq!(
        lowered(&indices, &[x], &opnd("y", DType::I64, &[3, 2])),
        s(quote!(rt::kernels::select::top_k(x, &[3, 5], 1, 2, false, &mut [], y)?;))
    );
}

// ---- movement ------------------------------------------------------------------------------

#[test]
fn reshape_copies_and_transpose_passes_the_perm() {
    assert_eq!(
        lowered(&Op::Reshape { shape: fixed_dims([6]) }, &[f32o("x", &[2, 3])], &f32o("y", &[6])),
        s(quote!(rt::kernels::unary::identity(x, y)?;))
    );
    assert_eq!(
        lowered(&Op::Transpose { perm: vec![2, 0, 1] }, &[f32o("x", &[2, 3, 4])], &f32o("y", &[4, 2, 3])),
        s(quote!(rt::kernels::movement::transpose(x, &[2, 3, 4], &[2, 0, 1], y)?;))
    );
}

#[test]
fn concat_lists_every_part_with_its_shape() {
    let xs = [f32o("a", &[2, 1]), f32o("b", &[2, 2]), f32o("c", &[2, 3])];
    assert_eq!(
        lowered(&Op::Concat { axis: 1 }, &xs, &f32o("y", &[2, 6])),
        s(
            quote!(rt::kernels::movement::concat(&[(&a[..], & &[2, 1][..]), (&b[..], & &[2, 2][..]), (&c[..], & &[2, 3][..])], 1, y, &[2, 6])?;)
        )
    );
}

#[test]
fn slice_passes_its_starts_and_steps() {
    let op = Op::Slice { starts: vec![1, 5], steps: vec![1, -2], dims: fixed_dims([2, 3]) };
    assert_eq!(
        lowered(&op, &[f32o("x", &[3, 6])], &f32o("y", &[2, 3])),
        s(quote!(rt::kernels::movement::slice(x, &[3, 6], &[1, 5], &[1, -2], y, &[2, 3])?;))
    );
}

#[test]
fn gathers_pass_indices_and_their_shape() {
    let xs = [f32o("d", &[3, 4]), opnd("i", DType::I64, &[2])];
    assert_eq!(
        lowered(&Op::Gather { axis: 1 }, &xs, &f32o("y", &[3, 2])),
        s(quote!(rt::kernels::movement::gather(d, &[3, 4], i, &[2], 1, y)?;))
    );
    let xs = [f32o("d", &[3, 4]), opnd("i", DType::I64, &[3, 2])];
    assert_eq!(
        lowered(&Op::GatherElements { axis: 1 }, &xs, &f32o("y", &[3, 2])),
        s(quote!(rt::kernels::scatter::gather_elements(d, &[3, 4], i, &[3, 2], 1, y)?;))
    );
    let xs = [f32o("d", &[3, 4]), opnd("i", DType::I64, &[2, 1])];
    assert_eq!(
        lowered(&Op::GatherNd { batch_dims: 0 }, &xs, &f32o("y", &[2, 4])),
        s(quote!(rt::kernels::scatter::gather_nd(d, &[3, 4], i, &[2, 1], 0, y)?;))
    );
    assert!(lower_err(&Op::Gather { axis: 0 }, &[f32o("d", &[3])], &f32o("y", &[1])).contains("indices"));
}

#[test]
fn scatters_pass_their_reduction() {
    let xs = [f32o("d", &[4]), opnd("i", DType::I64, &[2]), f32o("u", &[2])];
    assert_eq!(
        lowered(&Op::ScatterElements { axis: 0, reduction: Reduction::Add }, &xs, &f32o("y", &[4])),
        s(
            quote!(rt::kernels::scatter::scatter_elements(d, &[4], i, &[2], u, 0, rt::kernels::scatter::Reduction::Add, y)?;)
        )
    );
    let xs = [f32o("d", &[4]), opnd("i", DType::I64, &[2, 1]), f32o("u", &[2])];
    assert_eq!(
        lowered(&Op::ScatterNd { reduction: Reduction::None }, &xs, &f32o("y", &[4])),
        s(quote!(rt::kernels::scatter::scatter_nd(d, &[4], i, &[2, 1], u, rt::kernels::scatter::Reduction::None, y)?;))
    );
    assert!(lower_err(&Op::ScatterNd { reduction: Reduction::Max }, &xs[..2], &f32o("y", &[4])).contains("updates"));
}

#[test]
fn pad_passes_pads_mode_and_value_of_the_operand_type() {
    let op = Op::Pad { pads: vec![1, -1], mode: PadMode::Reflect, value: 0.0 };
    assert_eq!(
        lowered(&op, &[f32o("x", &[4])], &f32o("y", &[4])),
        s(
            quote!(rt::kernels::movement::pad(x, &[4], &[1, -1], rt::kernels::movement::PadMode::Reflect, 0f32, y, &[4])?;)
        )
    );
    let op = Op::Pad { pads: vec![0, 2], mode: PadMode::Constant, value: 7.0 };
    assert_eq!(
        lowered(&op, &[opnd("x", DType::I64, &[3])], &opnd("y", DType::I64, &[5])),
        s(
            quote!(rt::kernels::movement::pad(x, &[3], &[0, 2], rt::kernels::movement::PadMode::Constant, 7i64, y, &[5])?;)
        )
    );
    let op = Op::Pad { pads: vec![1, 1], mode: PadMode::Constant, value: f64::NEG_INFINITY };
    assert_eq!(
        lowered(&op, &[f32o("x", &[3])], &f32o("y", &[5])),
        s(
            quote!(rt::kernels::movement::pad(x, &[3], &[1, 1], rt::kernels::movement::PadMode::Constant, f32::NEG_INFINITY, y, &[5])?;)
        )
    );
}

#[test]
fn expand_and_tile_pass_both_shapes() {
    assert_eq!(
        lowered(&Op::Expand { shape: fixed_dims([2, 3]) }, &[f32o("x", &[3])], &f32o("y", &[2, 3])),
        s(quote!(rt::kernels::elementwise::broadcast_to(x, &[3], y, &[2, 3])?;))
    );
    assert_eq!(
        lowered(&Op::Tile { repeats: vec![2, 1] }, &[f32o("x", &[1, 3])], &f32o("y", &[2, 3])),
        s(quote!(rt::kernels::movement::tile(x, &[1, 3], y, &[2, 3])?;))
    );
}

#[test]
fn shape_writes_symbolic_dims_at_run_time() {
    let mut sym = DimIdents::default();
    sym.idents.insert("n".into(), format_ident!("dim_n"));
    let x = Operand {
        ident: format_ident!("x"),
        dims: vec![Dim::fixed(2), Dim::sym("n"), Dim::fixed(4)],
        dtype: DType::F32,
        packing: None,
    };
    let y = opnd("y", DType::I64, &[2]);
    let t = lower(&Op::Shape { start: 1, end: 3 }, std::slice::from_ref(&x), &y, None, &sym).unwrap();
    let want = quote! {
        let _ = x;
        for (o, d) in y.iter_mut().zip([(dim_n), 4]) { *o = d as i64; }
    };
    assert_eq!(s(t), s(want));
    assert!(lower(&Op::Shape { start: 1, end: 4 }, &[x], &y, None, &sym).is_err());
}

// ---- sample --------------------------------------------------------------------------------

#[test]
fn resample_passes_axis_and_tap_count() {
    let xs = [f32o("x", &[1, 4]), opnd("i", DType::I64, &[8, 2]), f32o("c", &[8, 2])];
    assert_eq!(
        lowered(&Op::Resample { axis: 1 }, &xs, &f32o("y", &[1, 8])),
        s(quote!(rt::kernels::resample::resample(x, &[1, 4], 1, i, c, 2, y)?;))
    );
    assert!(lower_err(&Op::Resample { axis: 1 }, &xs[..2], &f32o("y", &[1, 8])).contains("coefficients"));
}

#[test]
fn grid_sample_names_mode_and_padding() {
    let op = Op::GridSample { mode: GridMode::Nearest, padding: GridPadding::Reflection, align_corners: true };
    let xs = [f32o("x", &[1, 1, 4, 4]), f32o("g", &[1, 2, 2, 2])];
    assert_eq!(
        lowered(&op, &xs, &f32o("y", &[1, 1, 2, 2])),
        s(quote!(rt::kernels::grid_sample::grid_sample(x, &[1, 1, 4, 4], g, &[1, 2, 2, 2],
            rt::kernels::grid_sample::GridMode::Nearest, rt::kernels::grid_sample::GridPadding::Reflection, true, y)?;))
    );
}

#[test]
fn roi_align_passes_its_params() {
    let op =
        Op::RoiAlign { max_mode: true, half_pixel: false, spatial_scale: 0.25, sampling_ratio: 2, out_h: 2, out_w: 3 };
    let xs = [f32o("x", &[1, 3, 8, 8]), f32o("r", &[4, 4]), opnd("b", DType::I64, &[4])];
    assert_eq!(
        lowered(&op, &xs, &f32o("y", &[4, 3, 2, 3])),
        s(quote!(rt::kernels::roi_align::roi_align(x, &[1, 3, 8, 8], r, b,
            &rt::kernels::roi_align::RoiAlignParams { max_mode: true, half_pixel: false, spatial_scale: 0.25f32, sampling_ratio: 2 },
            y, &[4, 3, 2, 3])?;))
    );
}

// ---- recurrence ----------------------------------------------------------------------------

#[test]
fn recurrence_passes_cell_direction_and_scratch() {
    let op = Op::Recurrence { cell: RecurrentCell::Gru, reverse: true, cell_output: false };
    let xs = [f32o("xw", &[5, 1, 12]), f32o("rt", &[4, 12]), f32o("h0", &[1, 4]), f32o("rb", &[4])];
    let y = f32o("y", &[5, 1, 4]);
    assert_eq!(
        lowered_with_scratch(&op, &xs, &y).unwrap(),
        s(quote!(rt::kernels::recurrent::recurrence(rt::kernels::recurrent::Cell::Gru, true, false,
            (xw, &[5, 1, 12][..]), (rt, &[4, 12][..]), h0, rb, y, scratch)?;))
    );
    let lstm = Op::Recurrence { cell: RecurrentCell::Lstm, reverse: false, cell_output: true };
    let xs = [f32o("xw", &[5, 1, 16]), f32o("rt", &[4, 16]), f32o("h0", &[1, 4]), f32o("c0", &[1, 4])];
    let got = lowered_with_scratch(&lstm, &xs, &y).unwrap();
    assert!(got.contains(&s(quote!(rt::kernels::recurrent::Cell::Lstm, false, true))), "{got}");
    assert!(lower_err(&op, &xs, &y).contains("scratch"));
    assert!(lowered_with_scratch(&op, &xs[..3], &y).is_err());
}

// ---- attention -----------------------------------------------------------------------------

#[test]
fn attention_passes_heads_offsets_and_the_score_closure() {
    let score = FusedExpr::Binary(BinaryOp::Mul, Box::new(FusedExpr::Input(0)), Box::new(FusedExpr::Input(1)));
    let op = Op::Attention { heads: 2, head_dim: 4, offsets: [0, 8, 16], score };
    let xs = [f32o("qkv", &[1, 3, 24]), f32o("qkv", &[1, 3, 24]), f32o("qkv", &[1, 3, 24]), f32o("s", &[])];
    let want = quote! {
        rt::kernels::attention::attention((qkv, &[1, 3, 24][..]), (qkv, &[1, 3, 24][..]), (qkv, &[1, 3, 24][..]),
            rt::kernels::attention::Heads { heads: 2, head_dim: 4, offsets: [0, 8, 16] },
            y, scratch, [(s, &[][..])], |a: f32, v: [f32; 1]| rt::kernels::binary::Arith::mul(a, v[0]))?;
    };
    assert_eq!(lowered_with_scratch(&op, &xs, &f32o("y", &[1, 3, 8])).unwrap(), s(want));
    assert!(lower_err(&op, &xs, &f32o("y", &[1, 3, 8])).contains("scratch"));
    assert!(lowered_with_scratch(&op, &xs[..2], &f32o("y", &[1, 3, 8])).is_err());
}

// ---- literals and symbolic shapes ----------------------------------------------------------

#[test]
fn scalar_literals_per_dtype_and_non_finite_floats_as_constants() {
    assert_eq!(s(scalar(DType::F32, 0.5)), s(quote!(0.5f32)));
    assert_eq!(s(scalar(DType::F64, -2.0)), s(quote!(-2f64)));
    assert_eq!(s(scalar(DType::I8, -3.0)), s(quote!(-3i8)));
    assert_eq!(s(scalar(DType::U16, 7.0)), s(quote!(7u16)));
    assert_eq!(s(scalar(DType::Bool, 2.0)), s(quote!(true)));
    assert_eq!(s(scalar(DType::Bool, 0.0)), s(quote!(false)));
    assert_eq!(s(scalar(DType::F16, 1.5)), s(quote!(rt::f16::from_f32(1.5f32))));
    assert_eq!(s(scalar(DType::BF16, 1.0)), s(quote!(rt::bf16::from_f32(1f32))));
    assert_eq!(s(scalar(DType::F32, f64::NAN)), s(quote!(f32::NAN)));
    assert_eq!(s(scalar(DType::F64, f64::NEG_INFINITY)), s(quote!(f64::NEG_INFINITY)));
    // Beyond f32's range a finite f64 is an f32 infinity of its sign.
    assert_eq!(s(scalar(DType::F32, 1e40)), s(quote!(f32::INFINITY)));
    assert_eq!(s(scalar(DType::F32, -1e40)), s(quote!(f32::NEG_INFINITY)));
}

#[test]
fn softmax_on_a_symbolic_batch_multiplies_it_into_the_outer_count() {
    let mut sym = DimIdents::default();
    sym.idents.insert("n".into(), format_ident!("dim_n"));
    let dims = vec![Dim::sym("n"), Dim::fixed(3), Dim::fixed(4)];
    let x = Operand { ident: format_ident!("x"), dims: dims.clone(), dtype: DType::F32, packing: None };
    let y = Operand { ident: format_ident!("y"), dims, dtype: DType::F32, packing: None };
    let t = lower(&Op::Softmax { axis: 2, log: false }, &[x], &y, None, &sym).unwrap();
    assert_eq!(s(t), s(quote!(rt::kernels::norm::softmax(x, y, (3 * dim_n), 4, 1)?;)));
}

#[test]
fn fused_f64_matmul_head_closes_over_f64() {
    let head = FusedHead { op: Box::new(Op::MatMul), inputs: 2 };
    let op = Op::Fused { head: Some(head), expr: relu_of_head() };
    let xs = [opnd("a", DType::F64, &[1, 2]), opnd("b", DType::F64, &[2, 3])];
    let want = quote! {
        rt::kernels::matmul::matmul(a, &[1, 2], b, &[2, 3], y, &[1, 3])?;
        rt::kernels::elementwise::fused_in_place(y, &[1, 3], [], |a: f64, _v: [f64; 0]| rt::scalar::relu(a))?;
    };
    assert_eq!(lowered(&op, &xs, &opnd("y", DType::F64, &[1, 3])), s(want));
}

#[test]
fn fused_conv_head_on_f64_runs_the_conv_then_the_epilogue() {
    // The in-kernel epilogue is f32 only; an f64 convolution runs plain, then fused_in_place.
    let xs = [opnd("x", DType::F64, &[1, 4, 2, 2]), opnd("w", DType::F64, &[8, 4, 1, 1])];
    let y = opnd("y", DType::F64, &[1, 8, 2, 2]);
    let p = conv_1x1_params();
    let want = quote! {
        rt::kernels::conv::conv(x, &[1, 4, 2, 2], w, &[8, 4, 1, 1], None, #p, y, &[1, 8, 2, 2], scratch)?;
        rt::kernels::elementwise::fused_in_place(y, &[1, 8, 2, 2], [], |a: f64, _v: [f64; 0]| rt::scalar::relu(a))?;
    };
    assert_eq!(lowered_with_scratch(&fused_conv(relu_of_head(), 2), &xs, &y).unwrap(), s(want));
}
