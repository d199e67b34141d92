//! Tests: elementwise.

use super::*;

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
