//! Attention as a kernel call with its score expression as a closure.

use super::*;

pub(super) fn lower_attention(
    heads: &usize,
    head_dim: &usize,
    offsets: &[usize; 3],
    score: &FusedExpr,
    cx: &Lower,
) -> Result<TokenStream, LowerError> {
    let Lower { xs, x, yi, k, sym, .. } = cx;
    let scratch = cx.scratch;
    let [q, kk, v] = [0, 1, 2]
        .map(|i| xs.get(i).ok_or_else(|| LowerError::from("attention needs q, k and v")).and_then(|o| operand(o, sym)));
    let (q, kk, v) = (q?, kk?, v?);
    let (parts, closure) = epilogue(score, x.dtype, xs.get(3..).unwrap_or_default(), sym)?;
    let scratch = scratch.ok_or("attention needs scratch")?;
    let (h, d) = (Literal::usize_unsuffixed(*heads), Literal::usize_unsuffixed(*head_dim));
    let offs = offsets.map(Literal::usize_unsuffixed);
    Ok(quote! {
        #k::attention::attention(#q, #kk, #v,
            #k::attention::Heads { heads: #h, head_dim: #d, offsets: [#(#offs),*] },
            #yi, #scratch, [#(#parts),*], #closure)?;
    })
}
