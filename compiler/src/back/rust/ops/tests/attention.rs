//! Tests: attention.

use super::*;

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
