//! Tests: linalg.

use super::*;

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
