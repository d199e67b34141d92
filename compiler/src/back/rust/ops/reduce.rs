//! Reductions, ArgMax/ArgMin, cumulative ops and TopK as kernel calls.

use super::*;

pub(super) fn lower_reduce(kind: &ReduceKind, axes: &[usize], cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { x, xi, xd, yi, k, .. } = cx;
    let name = match (kind, x.dtype.is_float()) {
        (ReduceKind::Sum, false) => "sum_int",
        (ReduceKind::Sum, true) => "sum",
        (ReduceKind::Mean, _) => "mean",
        (ReduceKind::Max, _) => "max",
        (ReduceKind::Min, _) => "min",
        (ReduceKind::Prod, _) => "prod",
        (ReduceKind::SumSquare, _) => "sum_square",
        (ReduceKind::L1, _) => "l1",
        (ReduceKind::L2, _) => "l2",
        (ReduceKind::LogSumExp, _) => "log_sum_exp",
    };
    let f = format_ident!("{name}");
    let a = usizes(axes);
    Ok(quote!(#k::reductions::#f(#xi, #xd, #a, #yi)?;))
}

pub(super) fn lower_arg_reduce(
    max: &bool,
    axis: &usize,
    select_last: &bool,
    cx: &Lower,
) -> Result<TokenStream, LowerError> {
    let Lower { xi, xd, yi, k, .. } = cx;
    let a = Literal::usize_unsuffixed(*axis);
    Ok(quote!(#k::reduce::arg_reduce(#xi, #xd, #a, #max, #select_last, #yi)?;))
}

pub(super) fn lower_cumulative(
    axis: &usize,
    exclusive: &bool,
    reverse: &bool,
    product: &bool,
    cx: &Lower,
) -> Result<TokenStream, LowerError> {
    let Lower { x, xi, xd, yi, k, .. } = cx;
    let id = scalar(x.dtype, if *product { 1.0 } else { 0.0 });
    let a = Literal::usize_unsuffixed(*axis);
    Ok(quote!(#k::scan::cumulative(#xi, #xd, #a, #exclusive, #reverse, #product, #id, #yi)?;))
}

pub(super) fn lower_top_k(
    axis: &usize,
    count: &usize,
    largest: &bool,
    indices: &bool,
    cx: &Lower,
) -> Result<TokenStream, LowerError> {
    let Lower { xi, xd, yi, k, .. } = cx;
    Ok({
        let (a, c) = (Literal::usize_unsuffixed(*axis), Literal::usize_unsuffixed(*count));
        if *indices {
            quote!(#k::select::top_k(#xi, #xd, #a, #c, #largest, &mut [], #yi)?;)
        } else {
            quote!(#k::select::top_k(#xi, #xd, #a, #c, #largest, #yi, &mut [])?;)
        }
    })
}
