//! Tests: pool.

use super::*;

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
    let max = Op::Pool { kind: PoolKind::Max, window: window.clone(), output: crate::ir::fixed_dims([3, 3]) };
    assert_eq!(
        lowered(&max, std::slice::from_ref(&x), &y),
        s(quote!(rt::kernels::pool::max_pool(x, &[1, 2, 7, 7], #params, y, &[1, 2, 3, 3])?;))
    );
    let avg =
        Op::Pool { kind: PoolKind::Avg { count_include_pad: true }, window, output: crate::ir::fixed_dims([3, 3]) };
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
