//! Cast (opsets 6-24): <https://onnx.ai/onnx/operators/onnx__Cast.html>. `saturate` (float8) n/a.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{DType, Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let to = n.attrs.int("to").ok_or("attribute `to` is required")?;
    let to =
        DType::from_onnx_code(to as i32).ok_or_else(|| NodeError::Unsupported(format!("cast to data type {to}")))?;
    Ok(vec![ctx.node(n.name, Op::Cast { to }, vec![n.input(0)?])?])
}

/// BitCast (26+): reinterprets the bits as `to` (same element size).
pub fn import_bitcast(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let to = n.attrs.int("to").ok_or("attribute `to` is required")?;
    let to =
        DType::from_onnx_code(to as i32).ok_or_else(|| NodeError::Unsupported(format!("bitcast to data type {to}")))?;
    Ok(vec![ctx.node(n.name, Op::BitCast { to }, vec![n.input(0)?])?])
}

/// CastLike (15+): casts input 0 to the element type of input 1.
pub fn import_like(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let to = ctx.dtype(n.input(1)?);
    Ok(vec![ctx.node(n.name, Op::Cast { to }, vec![n.input(0)?])?])
}
