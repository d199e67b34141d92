//! Clip: <https://onnx.ai/onnx/operators/onnx__Clip.html>. Opset < 11: `min`/`max` attributes;
//! opset 11+: optional `min`/`max` inputs. Constant float bounds become one core Clip; bounds
//! computed at run time, and integer inputs, become Max then Min.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, Op, UnaryOp, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let float = matches!(ctx.dtype(x), DType::F32 | DType::F64);
    if n.opset < 11 {
        if !float {
            return Err(NodeError::Unsupported(format!("Clip of {}", ctx.dtype(x))));
        }
        let (min, max) = (n.attrs.float("min"), n.attrs.float("max"));
        return Ok(vec![ctx.node(n.name, Op::Unary(UnaryOp::Clip { min, max }), vec![x])?]);
    }
    let (lo, hi) = (n.opt(1), n.opt(2));
    let constant = |ctx: &Ctx, v: Option<ValueId>| match v {
        None => Some(None),
        Some(v) => ctx.const_of(v).and_then(|t| t.data.to_f64_vec().first().map(|&f| Some(f as f32))),
    };
    if let (true, Some(min), Some(max)) = (float, constant(ctx, lo), constant(ctx, hi)) {
        return Ok(vec![ctx.node(n.name, Op::Unary(UnaryOp::Clip { min, max }), vec![x])?]);
    }
    let mut y = x;
    if let Some(lo) = lo {
        y = ctx.binary(&ctx.sub(n.name, "min"), BinaryOp::Max, y, lo)?;
    }
    if let Some(hi) = hi {
        y = ctx.binary(&ctx.sub(n.name, "max"), BinaryOp::Min, y, hi)?;
    }
    if y == x {
        y = ctx.unary(n.name, UnaryOp::Identity, x)?;
    }
    Ok(vec![y])
}
