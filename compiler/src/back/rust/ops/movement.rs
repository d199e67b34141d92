//! Data movement (transposes, concatenation, slices, gathers, scatters, padding, Shape) as kernel calls.

use super::*;

pub(super) fn lower_reshape(cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xi, yi, k, .. } = cx;
    Ok(quote!(#k::unary::identity(#xi, #yi)?;))
}

pub(super) fn lower_transpose(perm: &[usize], cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xi, xd, yi, k, .. } = cx;
    let p = usizes(perm);
    Ok(quote!(#k::movement::transpose(#xi, #xd, #p, #yi)?;))
}

pub(super) fn lower_concat(axis: &usize, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xs, yi, yd, k, sym, .. } = cx;
    let parts = xs
        .iter()
        .map(|o| {
            let (i, d) = (&o.ident, sym.shape(&o.dims)?);
            Ok(quote!((&#i[..], &#d[..])))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let a = Literal::usize_unsuffixed(*axis);
    Ok(quote!(#k::movement::concat(&[#(#parts),*], #a, #yi, #yd)?;))
}

pub(super) fn lower_gather(axis: &usize, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xs, xi, xd, yi, k, sym, .. } = cx;
    let i = xs.get(1).ok_or("missing indices")?;
    let (ii, id) = (&i.ident, sym.shape(&i.dims)?);
    let a = Literal::usize_unsuffixed(*axis);
    Ok(quote!(#k::movement::gather(#xi, #xd, #ii, #id, #a, #yi)?;))
}

pub(super) fn lower_scatter_elements(
    axis: &usize,
    reduction: &Reduction,
    cx: &Lower,
) -> Result<TokenStream, LowerError> {
    let Lower { xs, xi, xd, yi, k, sym, .. } = cx;
    let (i, u) = (xs.get(1).ok_or("missing indices")?, xs.get(2).ok_or("missing updates")?);
    let (ii, id, ui) = (&i.ident, sym.shape(&i.dims)?, &u.ident);
    let (a, r) = (Literal::usize_unsuffixed(*axis), reduction_tokens(*reduction));
    Ok(quote!(#k::scatter::scatter_elements(#xi, #xd, #ii, #id, #ui, #a, #k::scatter::Reduction::#r, #yi)?;))
}

pub(super) fn lower_scatter_nd(reduction: &Reduction, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xs, xi, xd, yi, k, sym, .. } = cx;
    let (i, u) = (xs.get(1).ok_or("missing indices")?, xs.get(2).ok_or("missing updates")?);
    let (ii, id, ui) = (&i.ident, sym.shape(&i.dims)?, &u.ident);
    let r = reduction_tokens(*reduction);
    Ok(quote!(#k::scatter::scatter_nd(#xi, #xd, #ii, #id, #ui, #k::scatter::Reduction::#r, #yi)?;))
}

pub(super) fn lower_gather_nd(batch_dims: &usize, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xs, xi, xd, yi, k, sym, .. } = cx;
    let i = xs.get(1).ok_or("missing indices")?;
    let (ii, id) = (&i.ident, sym.shape(&i.dims)?);
    let b = Literal::usize_unsuffixed(*batch_dims);
    Ok(quote!(#k::scatter::gather_nd(#xi, #xd, #ii, #id, #b, #yi)?;))
}

pub(super) fn lower_gather_elements(axis: &usize, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xs, xi, xd, yi, k, sym, .. } = cx;
    let i = xs.get(1).ok_or("missing indices")?;
    let (ii, id) = (&i.ident, sym.shape(&i.dims)?);
    let a = Literal::usize_unsuffixed(*axis);
    Ok(quote!(#k::scatter::gather_elements(#xi, #xd, #ii, #id, #a, #yi)?;))
}

pub(super) fn lower_slice(starts: &[i64], steps: &[i64], cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xi, xd, yi, yd, k, .. } = cx;
    let (s, t) = (i64s(starts), i64s(steps));
    Ok(quote!(#k::movement::slice(#xi, #xd, #s, #t, #yi, #yd)?;))
}

pub(super) fn lower_expand(cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xi, xd, yi, yd, k, .. } = cx;
    Ok(quote!(#k::elementwise::broadcast_to(#xi, #xd, #yi, #yd)?;))
}

pub(super) fn lower_tile(cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xi, xd, yi, yd, k, .. } = cx;
    Ok(quote!(#k::movement::tile(#xi, #xd, #yi, #yd)?;))
}

pub(super) fn lower_pad(pads: &[i64], mode: &PadMode, value: &f64, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { x, xi, xd, yi, yd, k, .. } = cx;
    let p = i64s(pads);
    let m = format_ident!(
        "{}",
        match mode {
            PadMode::Constant => "Constant",
            PadMode::Reflect => "Reflect",
            PadMode::Edge => "Edge",
            PadMode::Wrap => "Wrap",
        }
    );
    let v = scalar(x.dtype, *value);
    Ok(quote!(#k::movement::pad(#xi, #xd, #p, #k::movement::PadMode::#m, #v, #yi, #yd)?;))
}

pub(super) fn lower_shape(start: &usize, end: &usize, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { x, xi, yi, sym, .. } = cx;
    // Symbolic dims known only at run time (static ones fold at import).
    let ds = x
        .dims
        .get(*start..*end)
        .ok_or("shape range outside the rank")?
        .iter()
        .map(|d| sym.dim(d))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(quote! {
        let _ = #xi;
        for (o, d) in #yi.iter_mut().zip([#(#ds),*]) { *o = d as i64; }
    })
}
