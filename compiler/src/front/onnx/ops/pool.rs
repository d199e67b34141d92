//! MaxPool (opsets 1-12, 22), AveragePool (1-22): https://onnx.ai/onnx/operators/onnx__MaxPool.html
//! kernel_shape, strides, dilations, pads, auto_pad, ceil_mode, count_include_pad.
//! GlobalAveragePool / GlobalMaxPool become reductions over the spatial axes.
//! MaxPool's optional Indices output is not supported.

use super::{window, Ctx, NodeError, NodeIn};
use crate::ir::infer::window_out;
use crate::ir::{BinaryOp, Op, PoolKind, ReduceKind, UnaryOp, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    if n.n_outputs > 1 {
        return Err(NodeError::Unsupported("MaxPool's Indices output".into()));
    }
    if n.attrs.int_or("storage_order", 0) != 0 {
        return Err(NodeError::Unsupported("storage_order = 1".into()));
    }
    let x = n.input(0)?;
    let xd = ctx.dims(x)?;
    if xd.len() < 3 {
        return Err(NodeError::Invalid(format!("input {xd:?} needs rank >= 3")));
    }
    let kernel = n.attrs.usizes("kernel_shape")?.ok_or("kernel_shape is required")?;
    let ceil = n.attrs.int_or("ceil_mode", 0) != 0;
    let window = window::read(n, &xd[2..], kernel)?;
    let output = (0..xd.len() - 2).map(|i| window_out(xd[i + 2], &window, i, ceil)).collect::<Result<Vec<_>, _>>()?;
    let kind = if n.op_type == "MaxPool" {
        PoolKind::Max
    } else {
        if window.dilations.iter().any(|&d| d != 1) && n.opset < 19 {
            return Err(NodeError::Invalid("AveragePool dilations need opset 19".into()));
        }
        PoolKind::Avg { count_include_pad: n.attrs.int_or("count_include_pad", 0) != 0 }
    };
    Ok(vec![ctx.node(n.name, Op::Pool { kind, window, output }, vec![x])?])
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
    let window = window::read(n, &xd[2..], kernel)?;
    let output = (0..xd.len() - 2).map(|i| window_out(xd[i + 2], &window, i, ceil)).collect::<Result<Vec<_>, _>>()?;
    let p = n.attrs.int_or("p", 2) as f64;
    let dtype = ctx.dtype(x);
    let part = |s: &str| format!("{}/{s}", n.name);
    let abs = ctx.unary(&part("abs"), UnaryOp::Abs, x)?;
    let pv = ctx.scalar(dtype, p);
    let powered = ctx.binary(&part("pow"), BinaryOp::Pow, abs, pv)?;
    let avg = ctx.node(&part("avg"), Op::Pool { kind: PoolKind::Avg { count_include_pad: true }, window, output }, vec![powered])?;
    let count = ctx.scalar(dtype, size as f64);
    let sum = ctx.binary(&part("sum"), BinaryOp::Mul, avg, count)?;
    let inv = ctx.scalar(dtype, 1.0 / p);
    Ok(vec![ctx.binary(n.name, BinaryOp::Pow, sum, inv)?])
}
