//! Tests: literals and symbolic shapes.

use super::*;

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
