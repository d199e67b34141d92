//! Pooling and MaxPool indices as kernel calls.

use super::*;

pub(super) fn lower_pool(kind: &PoolKind, window: &Window, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xi, xd, yi, yd, k, .. } = cx;
    Ok({
        let (kk, s, d, p) =
            (usizes(&window.kernel), usizes(&window.strides), usizes(&window.dilations), usizes(&window.pads));
        let params = quote!(&#k::pool::PoolParams { kernel: #kk, strides: #s, dilations: #d, pads: #p });
        match kind {
            PoolKind::Max => quote!(#k::pool::max_pool(#xi, #xd, #params, #yi, #yd)?;),
            PoolKind::Avg { count_include_pad } => {
                quote!(#k::pool::avg_pool(#xi, #xd, #params, #count_include_pad, #yi, #yd)?;)
            }
        }
    })
}

pub(super) fn lower_max_pool_indices(
    window: &Window,
    column_major: &bool,
    cx: &Lower,
) -> Result<TokenStream, LowerError> {
    let Lower { xi, xd, yi, yd, k, .. } = cx;
    let (kk, s, d, p) =
        (usizes(&window.kernel), usizes(&window.strides), usizes(&window.dilations), usizes(&window.pads));
    Ok(
        quote!(#k::pool::max_pool_indices(#xi, #xd, &#k::pool::PoolParams { kernel: #kk, strides: #s, dilations: #d, pads: #p }, #column_major, #yi, #yd)?;),
    )
}
