//! Convolutions (plain, prepacked, Winograd), ConvTranspose and squeeze-and-excitation as kernel calls.

use super::*;

pub(super) fn lower_conv(group: &usize, window: &Window, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xs, yi, yd, sym, .. } = cx;
    let scratch = cx.scratch;
    let (args, scratch) = conv_args(xs, *group, window, scratch, sym)?;
    let kernel = conv_kernel(xs.get(1), false);
    Ok(quote!(#kernel(#args #yi, #yd, #scratch)?;))
}

pub(super) fn lower_conv_transpose(
    group: &usize,
    strides: &[usize],
    dilations: &[usize],
    pads_begin: &[usize],
    cx: &Lower,
) -> Result<TokenStream, LowerError> {
    let Lower { xs, xi, xd, yi, yd, k, sym, .. } = cx;
    let w = xs.get(1).ok_or("missing weights")?;
    let (wi, wd) = (&w.ident, sym.shape(&w.dims)?);
    let bias = bias_arg(xs.get(2));
    let (s, d, p, g) = (usizes(strides), usizes(dilations), usizes(pads_begin), Literal::usize_unsuffixed(*group));
    Ok(quote! {
        #k::conv_transpose::conv_transpose(#xi, #xd, #wi, #wd, #bias,
            &#k::conv_transpose::ConvTransposeParams { group: #g, strides: #s, dilations: #d, pads_begin: #p },
            #yi, #yd)?;
    })
}

pub(super) fn lower_squeeze_excite(
    act: &FusedExpr,
    gate: &FusedExpr,
    project: &bool,
    cx: &Lower,
) -> Result<TokenStream, LowerError> {
    let Lower { xs, x, xi, xd, yi, yd, k, sym, .. } = cx;
    let scratch = cx.scratch;
    Ok({
        let [w1, b1, w2, b2] =
            [1, 2, 3, 4].map(|i| xs.get(i).map(|o| &o.ident).ok_or("SqueezeExcite takes x and four weights"));
        let (w1, b1, w2, b2) = (w1?, b1?, w2?, b2?);
        let t = float_type(x.dtype)?;
        let [act, gate] = [act, gate].map(|e| fused_tokens(e, x.dtype, &|_| quote!(v[0])));
        let (act, gate) = (act?, gate?);
        let scratch = scratch.ok_or("SqueezeExcite needs scratch")?;
        let e = quote!(#k::excite::Excite { w1: #w1, b1: #b1, w2: #w2, b2: #b2, act: |v: [#t; 1]| #act, gate: |v: [#t; 1]| #gate });
        if !*project {
            quote!(#k::excite::squeeze_excite(#xi, #xd, #e, #yi, #scratch)?;)
        } else {
            let [wp, bp] = [5, 6].map(|i| xs.get(i).ok_or("a projecting SqueezeExcite takes seven inputs"));
            let (wp, bp) = (wp?, &bp?.ident);
            let (wi, wd) = (&wp.ident, sym.shape(&wp.dims)?);
            if wp.prepacked() {
                quote!(#k::excite::squeeze_excite_project_prepacked(#xi, #xd, #e, #wi, #wd, #bp, #yi, #yd, #scratch)?;)
            } else {
                quote!(#k::excite::squeeze_excite_project(#xi, #xd, #e, #wi, #bp, #yi, #yd, #scratch)?;)
            }
        }
    })
}

pub(super) fn lower_deform_conv(
    group: usize,
    offset_group: usize,
    window: &Window,
    cx: &Lower,
) -> Result<TokenStream, LowerError> {
    let (k, sym) = (&cx.k, cx.sym);
    let operand = |i: usize| cx.xs.get(i).ok_or(LowerError::Internal(format!("DeformConv without operand {i}")));
    let (w, offset, bias) = (operand(1)?, operand(2)?, operand(3)?);
    let (wi, wd, oi, bi) = (&w.ident, sym.shape(&w.dims)?, &offset.ident, &bias.ident);
    let mask = bias_arg(cx.xs.get(4));
    let scratch = cx.scratch.ok_or(LowerError::Internal("DeformConv without scratch".into()))?;
    let (xi, xd, yi, yd) = (cx.xi, &cx.xd, cx.yi, &cx.yd);
    let (g, og) = (Literal::usize_unsuffixed(group), Literal::usize_unsuffixed(offset_group));
    let (s, d, p) = (usizes(&window.strides), usizes(&window.dilations), usizes(&window.pads));
    Ok(quote! {
        #k::conv::deform::deform_conv(#xi, #xd, #wi, #wd, #oi, #mask, Some(#bi),
            &#k::conv::deform::DeformConvParams { group: #g, offset_group: #og, strides: #s, dilations: #d, pads: #p },
            #yi, #yd, #scratch)?;
    })
}
