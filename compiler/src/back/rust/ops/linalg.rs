//! MatMul (plain or on prepacked weights) and Det as kernel calls.

use super::*;

pub(super) fn lower_mat_mul(cx: &Lower) -> Result<TokenStream, LowerError> {
    let xs = cx.xs;
    let xi = cx.xi;
    let xd = &cx.xd;
    let yi = cx.yi;
    let yd = &cx.yd;
    let k = &cx.k;
    let sym = cx.sym;
    Ok({
        let b = xs.get(1).ok_or("missing operand")?;
        let (bi, bd) = (&b.ident, sym.shape(&b.dims)?);
        let kernel = if b.prepacked() { quote!(matmul_prepacked) } else { quote!(matmul) };
        quote!(#k::matmul::#kernel(#xi, #xd, #bi, #bd, #yi, #yd)?;)
    })
}

pub(super) fn lower_det(cx: &Lower) -> Result<TokenStream, LowerError> {
    let xi = cx.xi;
    let xd = &cx.xd;
    let yi = cx.yi;
    let k = &cx.k;
    Ok(quote!(#k::linalg::det(#xi, #xd, #yi)?;))
}
