//! LRN, Softmax and LayerNorm as kernel calls.

use super::*;

pub(super) fn lower_lrn(
    size: &usize,
    alpha: &f32,
    beta: &f32,
    bias: &f32,
    cx: &Lower,
) -> Result<TokenStream, LowerError> {
    let Lower { xi, xd, yi, k, .. } = cx;
    let f = |v: f32| scalar(DType::F64, v as f64);
    let (a, b, c) = (f(*alpha), f(*beta), f(*bias));
    let sz = Literal::usize_unsuffixed(*size);
    Ok(quote!(#k::norm::lrn(#xi, #xd, #sz, #a, #b, #c, #yi)?;))
}

pub(super) fn lower_softmax(axis: &usize, log: &bool, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { x, xi, yi, k, sym, .. } = cx;
    let (o, l, i) = (
        Dim::product(&x.dims[..*axis]),
        x.dims.get(*axis).ok_or("softmax axis outside rank")?,
        Dim::product(&x.dims[axis + 1..]),
    );
    let (o, l, i) = (sym.dim(&o)?, sym.dim(l)?, sym.dim(&i)?);
    let f = if *log { format_ident!("log_softmax") } else { format_ident!("softmax") };
    Ok(quote!(#k::norm::#f(#xi, #yi, #o, #l, #i)?;))
}

pub(super) fn lower_layer_norm(epsilon: &f64, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xs, x, xi, xd, yi, k, .. } = cx;
    let (s, b) = (xs.get(1).ok_or("missing scale")?, xs.get(2).ok_or("missing bias")?);
    let (si, bi, e) = (&s.ident, &b.ident, scalar(x.dtype, *epsilon));
    Ok(quote!(#k::norm::layer_norm(#xi, #xd, #e, #si, #bi, #yi)?;))
}
