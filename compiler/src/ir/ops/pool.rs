//! Pooling: max and average pooling over windows, and MaxPool's indices.
//!
//! Per op: `infer_*` (output types from input types) and `eval_*` (reference evaluation on
//! constants through the runtime's kernels); `super` dispatches to them.

use super::*;

pub(super) fn infer_pool(kind: &PoolKind, window: &Window, output: &[Dim], inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    let (batch, channels, spatial) = batch_channels_spatial(inputs[0])?;
    if spatial.len() != window.kernel.len() || output.len() != window.kernel.len() {
        return Err("pooling rank mismatch".into());
    }
    if matches!(kind, PoolKind::Avg { .. }) && !inputs[0].dtype.is_float() {
        return Err("average pooling needs floats".into());
    }
    let mut out = vec![batch, Dim::fixed(channels)];
    out.extend(output.iter().cloned());
    Ok(vec![TensorType::new(inputs[0].dtype, out)])
}

pub(super) fn infer_max_pool_indices(window: &Window, output: &[usize], inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    let x = dims(inputs[0])?;
    if x.len() != window.kernel.len() + 2 || output.len() != window.kernel.len() {
        return Err("pooling rank mismatch".into());
    }
    let mut out = x[..2].to_vec();
    out.extend(output);
    Ok(vec![TensorType::fixed(DType::I64, &out)])
}

pub(super) fn eval_pool(kind: &PoolKind, window: &Window, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let dims = &cx.dims[..];
    let mut y = cx.zeros();
    let p = pool_k::PoolParams {
        kernel: &window.kernel,
        strides: &window.strides,
        dilations: &window.dilations,
        pads: &window.pads,
    };
    match kind {
        PoolKind::Max => numeric!((&x.data, &mut y), |a, b| pool_k::max_pool(a, &x.shape, &p, b, dims))?,
        PoolKind::Avg { count_include_pad } => {
            float!((&x.data, &mut y), |a, b| pool_k::avg_pool(a, &x.shape, &p, *count_include_pad, b, dims))?
        }
    };
    Ok(y)
}

pub(super) fn eval_max_pool_indices(window: &Window, column_major: &bool, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let dims = &cx.dims[..];
    let mut y = cx.zeros();
    let p = pool_k::PoolParams {
        kernel: &window.kernel,
        strides: &window.strides,
        dilations: &window.dilations,
        pads: &window.pads,
    };
    let Data::I64(out) = &mut y else { return Err("MaxPool indices are i64".into()) };
    with_data!(&x.data, a => pool_k::max_pool_indices(a, &x.shape, &p, *column_major, out, dims)).map_err(kerr)?;
    Ok(y)
}
