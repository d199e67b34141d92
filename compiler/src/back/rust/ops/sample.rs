//! Resample, GridSample and RoiAlign as kernel calls.

use super::*;

pub(super) fn lower_grid_sample(
    mode: &GridMode,
    padding: &GridPadding,
    align_corners: &bool,
    cx: &Lower,
) -> Result<TokenStream, LowerError> {
    let Lower { xs, xi, xd, yi, k, sym, .. } = cx;
    let g = xs.get(1).ok_or("missing grid")?;
    let (gi, gd) = (&g.ident, sym.shape(&g.dims)?);
    let (m, p) = (format_ident!("{}", format!("{mode:?}")), format_ident!("{}", format!("{padding:?}")));
    Ok(
        quote!(#k::grid_sample::grid_sample(#xi, #xd, #gi, #gd, #k::grid_sample::GridMode::#m, #k::grid_sample::GridPadding::#p, #align_corners, #yi)?;),
    )
}

pub(super) fn lower_roi_align(
    max_mode: &bool,
    half_pixel: &bool,
    spatial_scale: &f32,
    sampling_ratio: &usize,
    cx: &Lower,
) -> Result<TokenStream, LowerError> {
    let Lower { xs, xi, xd, yi, yd, k, .. } = cx;
    let (rois, b) = (xs.get(1).ok_or("missing rois")?, xs.get(2).ok_or("missing batch indices")?);
    let (ri, bi) = (&rois.ident, &b.ident);
    let (s, sr) = (scalar(DType::F32, *spatial_scale as f64), Literal::usize_unsuffixed(*sampling_ratio));
    Ok(quote!(#k::roi_align::roi_align(#xi, #xd, #ri, #bi,
            &#k::roi_align::RoiAlignParams { max_mode: #max_mode, half_pixel: #half_pixel, spatial_scale: #s, sampling_ratio: #sr },
            #yi, #yd)?;))
}

pub(super) fn lower_resample(axis: &usize, cx: &Lower) -> Result<TokenStream, LowerError> {
    let Lower { xs, xi, xd, yi, k, sym, .. } = cx;
    let (i, c) = (xs.get(1).ok_or("missing indices")?, xs.get(2).ok_or("missing coefficients")?);
    let (ii, ci) = (&i.ident, &c.ident);
    let (a, taps) = (Literal::usize_unsuffixed(*axis), sym.dim(i.dims.get(1).unwrap_or(&Dim::int(1)))?);
    Ok(quote!(#k::resample::resample(#xi, #xd, #a, #ii, #ci, #taps, #yi)?;))
}
