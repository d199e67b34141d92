//! Recurrent layers as kernel calls.

use super::*;

pub(super) fn lower_recurrence(
    cell: &RecurrentCell,
    reverse: &bool,
    cell_output: &bool,
    cx: &Lower,
) -> Result<TokenStream, LowerError> {
    let Lower { xs, xi, xd, yi, k, sym, .. } = cx;
    let scratch = cx.scratch;
    let [rt, h0, extra] = [1, 2, 3].map(|i| xs.get(i).ok_or("a recurrence needs xw, rt, h0 and extra"));
    let (rt, h0, extra) = (rt?, h0?, extra?);
    let (ri, rd, hi, ei) = (&rt.ident, sym.shape(&rt.dims)?, &h0.ident, &extra.ident);
    let cell = match cell {
        crate::ir::RecurrentCell::Lstm => quote!(Lstm),
        crate::ir::RecurrentCell::Gru => quote!(Gru),
    };
    let scratch = scratch.ok_or("a recurrence needs scratch")?;
    Ok(
        quote!(#k::recurrent::recurrence(#k::recurrent::Cell::#cell, #reverse, #cell_output, (#xi, #xd[..]), (#ri, #rd[..]), #hi, #ei, #yi, #scratch)?;),
    )
}
