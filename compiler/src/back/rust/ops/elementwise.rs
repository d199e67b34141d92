//! Elementwise ops and fused groups (with their Conv/MatMul heads and epilogues) as kernel calls.

use super::*;

pub(super) fn lower_unary(u: &UnaryOp, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { x, xi, yi, k, .. } = cx;
    Ok({
        match u {
            UnaryOp::Math(f) => {
                let f = math_fn(*f);
                quote!(#k::math::apply(#k::math::MathFn::#f, #xi, #yi)?;)
            }
            UnaryOp::Clip { min, max } => {
                let b = |v: &Option<f32>| match v {
                    Some(v) => {
                        let s = scalar(x.dtype, *v as f64);
                        quote!(Some(#s))
                    }
                    None => quote!(None),
                };
                let (lo, hi) = (b(min), b(max));
                quote!(#k::unary::clip(#xi, #yi, #lo, #hi)?;)
            }
            UnaryOp::IsInf { positive, negative } => quote!(#k::unary::is_inf(#xi, #yi, #positive, #negative)?;),
            other => {
                let name = match other {
                    UnaryOp::Identity => "identity",
                    UnaryOp::Neg => "neg",
                    UnaryOp::Abs => "abs",
                    UnaryOp::Relu => "relu",
                    UnaryOp::Sign => "sign",
                    UnaryOp::Not => "not",
                    UnaryOp::BitNot => "bit_not",
                    UnaryOp::IsNaN => "is_nan",
                    UnaryOp::Math(_) | UnaryOp::Clip { .. } | UnaryOp::IsInf { .. } => "unreachable",
                };
                let f = format_ident!("{name}");
                quote!(#k::unary::#f(#xi, #yi)?;)
            }
        }
    })
}

pub(super) fn lower_binary(b: &BinaryOp, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xs, xi, xd, yi, yd, k, sym, .. } = cx;
    let bx = xs.get(1).ok_or("missing operand")?;
    let (bi, bd) = (&bx.ident, sym.shape(&bx.dims)?);
    let name = binary_name(*b);
    let f = format_ident!("{name}");
    Ok(quote!(#k::binary::#f(#xi, #xd, #bi, #bd, #yi, #yd)?;))
}

pub(super) fn lower_where(cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xs, xi, xd, yi, yd, k, sym, .. } = cx;
    let (a, b) = (xs.get(1).ok_or("missing operand")?, xs.get(2).ok_or("missing operand")?);
    let (ai, ad, bi, bd) = (&a.ident, sym.shape(&a.dims)?, &b.ident, sym.shape(&b.dims)?);
    Ok(quote!(#k::elementwise::select(#xi, #xd, #ai, #ad, #bi, #bd, #yi, #yd)?;))
}

pub(super) fn lower_cast(cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xi, yi, k, .. } = cx;
    Ok(quote!(#k::unary::cast(#xi, #yi)?;))
}

pub(super) fn lower_bit_cast(cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xi, yi, k, .. } = cx;
    Ok(quote!(#k::unary::bitcast(#xi, #yi)?;))
}

pub(super) fn lower_fused(head: &Option<FusedHead>, expr: &FusedExpr, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xs, x, y, yi, yd, k, sym, .. } = cx;
    let scratch = cx.scratch;
    Ok({
        let split = head.as_ref().map_or(0, |h| h.inputs);
        let leaves = xs.get(split..).ok_or("a fused head takes more inputs than the node has")?;
        match head {
            None => {
                let t = float_type(x.dtype)?;
                let parts = leaves.iter().map(|o| operand(o, sym)).collect::<Result<Vec<_>, LowerError>>()?;
                let n = Literal::usize_unsuffixed(leaves.len());
                let body = fused_tokens(expr, x.dtype, &|k| {
                    let k = Literal::usize_unsuffixed(k);
                    quote!(v[#k])
                })?;
                quote!(#k::elementwise::fused([#(#parts),*], #yi, #yd, |v: [#t; #n]| #body)?;)
            }
            Some(h) if matches!(*h.op, Op::Conv { .. }) && x.dtype == DType::F32 => {
                // The epilogue runs inside the convolution, on each block of outputs its
                // GEMM (or depthwise kernel) finishes; a lone ReLU or Clip on GEMM-packed
                // weights inside the GEMM's stores.
                let Op::Conv { group, window } = h.op.as_ref() else {
                    return Err(LowerError::Unsupported("a convolution head".into()));
                };
                let gemm_packed = matches!(xs.get(1).and_then(|w| w.packing), Some(Packing::ConvWeights { .. }));
                if let (Some((lo, hi)), true) = (clamp_bounds(expr), gemm_packed && leaves.is_empty()) {
                    let (args, scratch) = conv_args(&xs[..split], *group, window, scratch, sym)?;
                    let (yi, yd) = (&y.ident, sym.shape(&y.dims)?);
                    let (lo, hi) = (scalar(DType::F32, lo as f64), scalar(DType::F32, hi as f64));
                    return Ok(quote!(#k::conv::conv_prepacked_clamped(#args #yi, #yd, #scratch, #lo, #hi)?;));
                }
                let (parts, closure) = epilogue(expr, x.dtype, leaves, sym)?;
                let (args, scratch) = conv_args(&xs[..split], *group, window, scratch, sym)?;
                let (yi, yd) = (&y.ident, sym.shape(&y.dims)?);
                let kernel = conv_kernel(xs.get(1), true);
                quote!(#kernel(#args #yi, #yd, #scratch, [#(#parts),*], #closure)?;)
            }
            Some(h) => {
                // The head writes y; the epilogue then runs over it in place.
                let call = lower(&h.op, &xs[..split], y, scratch, sym)?;
                let (parts, closure) = epilogue(expr, x.dtype, leaves, sym)?;
                quote! {
                    #call
                    #k::elementwise::fused_in_place(#yi, #yd, [#(#parts),*], #closure)?;
                }
            }
        }
    })
}
