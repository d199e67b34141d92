//! Clip: https://onnx.ai/onnx/operators/onnx__Clip.html. Opset < 11: `min`/`max` attributes;
//! opset 11+: optional constant `min`/`max` inputs.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Op, UnaryOp, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let bound = |ctx: &Ctx, i: usize, attr: &str| -> Result<Option<f32>, NodeError> {
        if n.opset < 11 {
            return Ok(n.attrs.float(attr));
        }
        match n.opt(i) {
            None => Ok(None),
            Some(v) => {
                let t = ctx.const_of(v).ok_or_else(|| NodeError::Unsupported(format!("{attr} must be a constant")))?;
                Ok(t.data.to_f64_vec().first().map(|&f| f as f32))
            }
        }
    };
    let (min, max) = (bound(ctx, 1, "min")?, bound(ctx, 2, "max")?);
    if !ctx.dtype(x).is_float() && ctx.dtype(x) != crate::ir::DType::F32 {
        return Err(NodeError::Unsupported(format!("Clip of {}", ctx.dtype(x))));
    }
    Ok(vec![ctx.node(n.name, Op::Unary(UnaryOp::Clip { min, max }), vec![x])?])
}
