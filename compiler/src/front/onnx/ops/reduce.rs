//! ReduceMean, ReduceSum, ReduceMax, ReduceMin, ReduceProd, ReduceSumSquare, ReduceL1, ReduceL2,
//! ReduceLogSumExp: <https://onnx.ai/onnx/operators/onnx__ReduceMean.html>
//! Axes come from the `axes` attribute (before opset 18; ReduceSum before 13) or a constant
//! input; `noop_with_empty_axes` is honoured.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{DType, Op, ReduceKind, UnaryOp, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let kind = match n.op_type {
        "ReduceMean" => ReduceKind::Mean,
        "ReduceSum" => ReduceKind::Sum,
        "ReduceMax" => ReduceKind::Max,
        "ReduceMin" => ReduceKind::Min,
        "ReduceProd" => ReduceKind::Prod,
        "ReduceSumSquare" => ReduceKind::SumSquare,
        "ReduceL1" => ReduceKind::L1,
        "ReduceL2" => ReduceKind::L2,
        "ReduceLogSumExp" => ReduceKind::LogSumExp,
        "ReduceLogSum" => ReduceKind::Sum,
        other => return Err(NodeError::Unsupported(other.to_string())),
    };
    let x = n.input(0)?;
    // The runtime's integer reductions are sums, maxima and minima; the others have float
    // kernels only, so an integer input is refused here rather than by the generated crate.
    let float_only =
        !matches!(kind, ReduceKind::Sum | ReduceKind::Max | ReduceKind::Min) || n.op_type == "ReduceLogSum";
    if float_only && !ctx.dtype(x).is_float() {
        return Err(NodeError::Unsupported(format!("{} of {} (float kernels only)", n.op_type, ctx.dtype(x))));
    }
    let rank = ctx.rank(x);
    let axes_as_input = n.opset >= 18 || (kind == ReduceKind::Sum && n.opset >= 13);
    let axes = if axes_as_input {
        match n.opt(1) {
            Some(v) => Some(ctx.const_i64s(v, "axes")?),
            None => None,
        }
    } else {
        n.attrs.ints("axes")
    };
    let keepdims = n.attrs.int_or("keepdims", 1) != 0;
    let mut axes: Vec<usize> = match axes {
        Some(a) if !a.is_empty() => a.iter().map(|&a| axis(a, rank)).collect::<Result<_, _>>()?,
        _ if n.attrs.int_or("noop_with_empty_axes", 0) != 0 => {
            return Ok(vec![ctx.node(n.name, Op::Unary(UnaryOp::Identity), vec![x])?]);
        }
        _ => (0..rank).collect(),
    };
    axes.sort_unstable();
    axes.dedup();
    if ctx.dtype(x) == DType::Bool && matches!(kind, ReduceKind::Max | ReduceKind::Min) {
        // Max is any, Min is all: reduce the bools as 0/1 bytes.
        let bytes = ctx.cast(&ctx.sub(n.name, "u8"), x, DType::U8)?;
        let r = ctx.node(&ctx.sub(n.name, "reduce"), Op::Reduce { kind, axes, keepdims }, vec![bytes])?;
        return Ok(vec![ctx.cast(n.name, r, DType::Bool)?]);
    }
    if n.op_type == "ReduceLogSum" {
        let sum = ctx.node(&ctx.sub(n.name, "sum"), Op::Reduce { kind, axes, keepdims }, vec![x])?;
        return Ok(vec![ctx.unary(n.name, UnaryOp::Math(crate::ir::MathFn::Log), sum)?]);
    }
    Ok(vec![ctx.node(n.name, Op::Reduce { kind, axes, keepdims }, vec![x])?])
}
