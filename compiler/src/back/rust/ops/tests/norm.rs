//! Tests: norm.

use super::*;

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
