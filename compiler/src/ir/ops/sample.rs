//! Resampling: Resize's tap tables (Resample), GridSample, RoiAlign.
//!
//! Per op: `infer_*` (output types from input types) and `eval_*` (reference evaluation on
//! constants through the runtime's kernels); `super` dispatches to them.

use super::*;

pub(super) fn infer_grid_sample(inputs: &[&TensorType]) -> Types {
    arity(inputs, 2, 2)?;
    let (x, g) = (dims(inputs[0])?, dims(inputs[1])?);
    let d = x.len().saturating_sub(2);
    if d == 0
        || g.len() != d + 2
        || g[d + 1] != d
        || g[0] != x[0]
        || inputs[0].dtype != inputs[1].dtype
        || !matches!(inputs[0].dtype, DType::F32 | DType::F64)
    {
        return Err(format!("input {x:?} and grid {g:?} do not match"));
    }
    let mut out = vec![x[0], x[1]];
    out.extend(&g[1..=d]);
    Ok(vec![TensorType::fixed(inputs[0].dtype, &out)])
}

pub(super) fn infer_roi_align(out_h: &usize, out_w: &usize, inputs: &[&TensorType]) -> Types {
    arity(inputs, 3, 3)?;
    let (x, rois, b) = (dims(inputs[0])?, dims(inputs[1])?, dims(inputs[2])?);
    if x.len() != 4
        || rois.len() != 2
        || rois[1] != 4
        || b != [rois[0]]
        || inputs[2].dtype != DType::I64
        || inputs[1].dtype != inputs[0].dtype
        || !matches!(inputs[0].dtype, DType::F32 | DType::F64)
    {
        return Err(format!(
            "RoiAlign needs NCHW floats, [R, 4] rois and [R] i64 batch indices, got {x:?}, {rois:?}, {b:?}"
        ));
    }
    Ok(vec![TensorType::fixed(inputs[0].dtype, &[rois[0], x[1], *out_h, *out_w])])
}

pub(super) fn infer_resample(axis: &usize, inputs: &[&TensorType]) -> Types {
    arity(inputs, 3, 3)?;
    let (x, idx, c) = (dims(inputs[0])?, dims(inputs[1])?, dims(inputs[2])?);
    if *axis >= x.len()
        || idx.len() != 2
        || idx != c
        || inputs[1].dtype != DType::I64
        || inputs[2].dtype != inputs[0].dtype
        || !matches!(inputs[0].dtype, DType::F32 | DType::F64)
    {
        return Err("Resample needs f32/f64 data, [out, taps] i64 indices and same-type coefficients".into());
    }
    let mut out = x;
    out[*axis] = idx[0];
    Ok(vec![TensorType::fixed(inputs[0].dtype, &out)])
}

pub(super) fn eval_grid_sample(mode: &GridMode, padding: &GridPadding, align_corners: &bool, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    let g = cx.input(1)?;
    match (&x.data, &g.data, &mut y) {
        (Data::F32(a), Data::F32(q), Data::F32(r)) => {
            grid_sample::grid_sample(a, &x.shape, q, &g.shape, *mode, *padding, *align_corners, r)
        }
        (Data::F64(a), Data::F64(q), Data::F64(r)) => {
            grid_sample::grid_sample(a, &x.shape, q, &g.shape, *mode, *padding, *align_corners, r)
        }
        _ => return Err(format!("GridSample of {}", x.dtype())),
    }
    .map_err(kerr)?;
    Ok(y)
}

pub(super) fn eval_roi_align(
    max_mode: &bool,
    half_pixel: &bool,
    spatial_scale: &f32,
    sampling_ratio: &usize,
    cx: &Eval,
) -> R<Data> {
    let x = cx.input(0)?;
    let dims = &cx.dims[..];
    let mut y = cx.zeros();
    let (rois, b) = (cx.input(1)?, cx.input(2)?);
    let batch = b.data.to_i64_vec();
    let p = roi_align::RoiAlignParams {
        max_mode: *max_mode,
        half_pixel: *half_pixel,
        spatial_scale: *spatial_scale,
        sampling_ratio: *sampling_ratio,
    };
    match (&x.data, &rois.data, &mut y) {
        (Data::F32(a), Data::F32(q), Data::F32(r)) => roi_align::roi_align(a, &x.shape, q, &batch, &p, r, dims),
        (Data::F64(a), Data::F64(q), Data::F64(r)) => roi_align::roi_align(a, &x.shape, q, &batch, &p, r, dims),
        _ => return Err(format!("RoiAlign of {}", x.dtype())),
    }
    .map_err(kerr)?;
    Ok(y)
}

pub(super) fn eval_resample(axis: &usize, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    let (i, c) = (cx.input(1)?, cx.input(2)?);
    let idx = i.data.to_i64_vec();
    let taps = i.shape.get(1).copied().unwrap_or(1);
    match (&x.data, &c.data, &mut y) {
        (Data::F32(a), Data::F32(w), Data::F32(b)) => resample::resample(a, &x.shape, *axis, &idx, w, taps, b),
        (Data::F64(a), Data::F64(w), Data::F64(b)) => resample::resample(a, &x.shape, *axis, &idx, w, taps, b),
        _ => return Err(format!("Resample of {}", x.dtype())),
    }
    .map_err(kerr)?;
    Ok(y)
}
