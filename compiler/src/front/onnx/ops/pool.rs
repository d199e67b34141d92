//! MaxPool (opsets 1-12, 22), AveragePool (1-22): <https://onnx.ai/onnx/operators/onnx__MaxPool.html>
//! kernel_shape, strides, dilations, pads, auto_pad, ceil_mode, count_include_pad.
//! GlobalAveragePool / GlobalMaxPool become reductions over the spatial axes.
//! MaxPool's optional Indices output (storage_order 0 or 1) is a second core op.

use super::{window, Ctx, NodeError, NodeIn};
use crate::ir::ops::{window_out, window_out_dim};
use crate::ir::{static_of, BinaryOp, Dim, Op, PoolKind, ReduceKind, UnaryOp, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    // The batch and spatial sizes may be symbolic (the indices output needs them fixed).
    if ctx.rank(x) < 3 {
        return Err(NodeError::Invalid(format!("input {} needs rank >= 3", ctx.ty(x))));
    }
    let spatial = ctx.shape(x)[2..].to_vec();
    let kernel = n.attrs.usizes("kernel_shape")?.ok_or("kernel_shape is required")?;
    let ceil = n.attrs.int_or("ceil_mode", 0) != 0;
    let window = window::read(n, &spatial, kernel)?;
    let output: Vec<Dim> =
        spatial.iter().enumerate().map(|(i, d)| window_out_dim(d, &window, i, ceil)).collect::<Result<_, _>>()?;
    let kind = if n.op_type == "MaxPool" {
        PoolKind::Max
    } else {
        if window.dilations.iter().any(|&d| d != 1) && n.opset < 19 {
            return Err(NodeError::Invalid("AveragePool dilations need opset 19".into()));
        }
        PoolKind::Avg { count_include_pad: n.attrs.int_or("count_include_pad", 0) != 0 }
    };
    let with_indices = n.op_type == "MaxPool" && n.n_outputs > 1;
    let indices = (window.clone(), static_of(&output));
    let y = ctx.node(n.name, Op::Pool { kind, window, output }, vec![x])?;
    if !with_indices {
        return Ok(vec![y]);
    }
    let column_major = n.attrs.int_or("storage_order", 0) != 0;
    let (window, output) = indices;
    let output = output.ok_or_else(|| {
        NodeError::Unsupported(format!(
            "MaxPool's indices of the symbolic shape {}: fix the dims with --dim",
            ctx.ty(x)
        ))
    })?;
    let i = ctx.node(&ctx.sub(n.name, "indices"), Op::MaxPoolIndices { window, output, column_major }, vec![x])?;
    Ok(vec![y, i])
}

pub fn import_global(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let rank = ctx.rank(x);
    if rank < 3 {
        return Err(NodeError::Invalid("input needs rank >= 3".into()));
    }
    let kind = if n.op_type == "GlobalMaxPool" { ReduceKind::Max } else { ReduceKind::Mean };
    let op = Op::Reduce { kind, axes: (2..rank).collect(), keepdims: true };
    Ok(vec![ctx.node(n.name, op, vec![x])?])
}

/// LpPool (2+): `(sum |x|^p)^(1/p)` over each window, as an average pool of `|x|^p` that
/// counts the padding (zeros add nothing), times the window size.
pub fn import_lp(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let xd = ctx.dims(x)?;
    if xd.len() < 3 || !ctx.dtype(x).is_float() {
        return Err(NodeError::Invalid(format!("input {xd:?} needs rank >= 3 and floats")));
    }
    let kernel = n.attrs.usizes("kernel_shape")?.ok_or("kernel_shape is required")?;
    let size: usize = kernel.iter().product();
    let ceil = n.attrs.int_or("ceil_mode", 0) != 0;
    let window = window::read(n, &crate::ir::fixed_dims(&xd[2..]), kernel)?;
    let output = (0..xd.len() - 2)
        .map(|i| window_out(xd[i + 2], &window, i, ceil).map(Dim::fixed))
        .collect::<Result<Vec<_>, _>>()?;
    let p = n.attrs.int_or("p", 2) as f64;
    let dtype = ctx.dtype(x);
    let part = |s: &str| format!("{}/{s}", n.name);
    let abs = ctx.unary(&part("abs"), UnaryOp::Abs, x)?;
    let pv = ctx.scalar(dtype, p);
    let powered = ctx.binary(&part("pow"), BinaryOp::Pow, abs, pv)?;
    let avg = ctx.node(
        &part("avg"),
        Op::Pool { kind: PoolKind::Avg { count_include_pad: true }, window, output },
        vec![powered],
    )?;
    let count = ctx.scalar(dtype, size as f64);
    let sum = ctx.binary(&part("sum"), BinaryOp::Mul, avg, count)?;
    let inv = ctx.scalar(dtype, 1.0 / p);
    Ok(vec![ctx.binary(n.name, BinaryOp::Pow, sum, inv)?])
}

/// MaxUnpool (9+): values of `x` scattered to their flat positions (`indices`, over the whole
/// output tensor) in zeros; the output shape comes from `output_shape` (needed at build time)
/// or from kernel, strides and pads.
pub fn import_max_unpool(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (x, idx) = (n.input(0)?, n.input(1)?);
    let xd = ctx.dims(x)?;
    let r = xd.len().checked_sub(2).filter(|&r| r > 0).ok_or("input needs rank >= 3")?;
    // Indices address the default output (from kernel, strides, pads); a larger
    // `output_shape` (needed at build time) pads it at the end of each axis.
    let kernel = n.attrs.usizes("kernel_shape")?.ok_or("kernel_shape is required")?;
    let strides = n.attrs.usizes("strides")?.unwrap_or_else(|| vec![1; r]);
    let pads = n.attrs.usizes("pads")?.unwrap_or_else(|| vec![0; 2 * r]);
    if kernel.len() != r || strides.len() != r || pads.len() != 2 * r {
        return Err(NodeError::Invalid("kernel_shape, strides and pads must match the spatial rank".into()));
    }
    let mut out = xd[..2].to_vec();
    for i in 0..r {
        out.push(
            ((xd[i + 2] - 1) * strides[i] + kernel[i])
                .checked_sub(pads[i] + pads[r + i])
                .ok_or("pads exceed the output")?,
        );
    }
    let wanted: Option<Vec<usize>> = match n.opt(2) {
        Some(s) => Some(
            ctx.const_i64s(s, "output_shape")?
                .iter()
                .map(|&v| usize::try_from(v).map_err(|_| NodeError::Invalid(format!("output size {v}"))))
                .collect::<Result<_, _>>()?,
        ),
        None => None,
    };
    let total: usize = out.iter().product();
    let count: usize = xd.iter().product();
    let part = |p: &str| format!("{}/{p}", n.name);
    let zero = ctx.scalar(ctx.dtype(x), 0.0);
    let zeros = ctx.node(&part("zeros"), Op::Expand { shape: crate::ir::fixed_dims(vec![total]) }, vec![zero])?;
    let flat_x = ctx.node(&part("values"), Op::Reshape { shape: crate::ir::fixed_dims(vec![count]) }, vec![x])?;
    let idx = ctx.cast(&part("indices_i64"), idx, crate::ir::DType::I64)?;
    let flat_i = ctx.node(&part("positions"), Op::Reshape { shape: crate::ir::fixed_dims(vec![count]) }, vec![idx])?;
    let scattered = ctx.node(
        &part("scatter"),
        Op::ScatterElements { axis: 0, reduction: crate::ir::Reduction::None },
        vec![zeros, flat_i, flat_x],
    )?;
    let y = ctx.node(&part("unpooled"), Op::Reshape { shape: crate::ir::fixed_dims(out.clone()) }, vec![scattered])?;
    let Some(wanted) = wanted.filter(|w| *w != out) else { return Ok(vec![y]) };
    if wanted.len() != out.len() || wanted.iter().zip(&out).any(|(w, o)| w < o) {
        return Err(NodeError::Invalid(format!("output_shape {wanted:?} is smaller than {out:?}")));
    }
    let mut pad = vec![0i64; 2 * out.len()];
    for i in 0..out.len() {
        pad[out.len() + i] = (wanted[i] - out[i]) as i64;
    }
    Ok(vec![ctx.node(n.name, Op::Pad { pads: pad, mode: crate::ir::PadMode::Constant, value: 0.0 }, vec![y])?])
}
