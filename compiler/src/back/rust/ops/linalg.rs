//! MatMul (plain or on prepacked weights) and Det as kernel calls.

use super::*;

pub(super) fn lower_mat_mul(cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xs, xi, xd, yi, yd, k, sym, .. } = cx;
    let b = xs.get(1).ok_or("missing operand")?;
    let (bi, bd) = (&b.ident, sym.shape(&b.dims)?);
    let kernel = if b.prepacked() { quote!(matmul_prepacked) } else { quote!(matmul) };
    Ok(quote!(#k::matmul::#kernel(#xi, #xd, #bi, #bd, #yi, #yd)?;))
}

pub(super) fn lower_det(cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xi, xd, yi, k, .. } = cx;
    Ok(quote!(#k::linalg::det(#xi, #xd, #yi)?;))
}
