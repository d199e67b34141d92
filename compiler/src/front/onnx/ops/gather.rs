//! Gather (opsets 1-13): <https://onnx.ai/onnx/operators/onnx__Gather.html>

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{DType, Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (data, idx) = (n.input(0)?, n.input(1)?);
    let a = axis(n.attrs.int_or("axis", 0), ctx.rank(data))?;
    // On a symbolic axis the kernel checks the indices at run time.
    if let (Some(t), Some(limit)) = (ctx.const_of(idx), ctx.shape(data)[a].as_int()) {
        if let Some(bad) = t.data.to_i64_vec().into_iter().find(|&i| i < -limit || i >= limit) {
            return Err(NodeError::Invalid(format!("index {bad} is out of range for axis {a} of size {limit}")));
        }
    }
    // Kernels index with i64; i32 indices are widened first.
    let idx = if ctx.dtype(idx) == DType::I64 {
        idx
    } else {
        ctx.node(&ctx.sub(n.name, "indices"), Op::Cast { to: DType::I64 }, vec![idx])?
    };
    Ok(vec![ctx.node(n.name, Op::Gather { axis: a }, vec![data, idx])?])
}

/// GatherElements (11+): <https://onnx.ai/onnx/operators/onnx__GatherElements.html>
pub fn import_elements(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (data, idx) = (n.input(0)?, n.input(1)?);
    let a = axis(n.attrs.int_or("axis", 0), ctx.rank(data))?;
    let idx = ctx.cast(&ctx.sub(n.name, "indices"), idx, DType::I64)?;
    Ok(vec![ctx.node(n.name, Op::GatherElements { axis: a }, vec![data, idx])?])
}
