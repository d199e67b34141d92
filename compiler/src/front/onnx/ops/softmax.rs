//! Softmax and LogSoftmax: <https://onnx.ai/onnx/operators/onnx__Softmax.html>
//! Opset 13+: along one axis (default -1). Before 13: the input is coerced to 2-D at `axis`
//! (default 1) and normalised over the flattened trailing part, so it becomes Reshape,
//! Softmax on the last axis, Reshape back.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{Dim, Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let log = n.op_type == "LogSoftmax";
    let dims = ctx.shape(x);
    let r = dims.len();
    if n.opset >= 13 {
        let a = axis(n.attrs.int_or("axis", -1), r)?;
        return Ok(vec![ctx.node(n.name, Op::Softmax { axis: a, log }, vec![x])?]);
    }
    let a = axis(n.attrs.int_or("axis", 1), r)?;
    if a + 1 == r {
        return Ok(vec![ctx.node(n.name, Op::Softmax { axis: a, log }, vec![x])?]);
    }
    let flat = vec![Dim::product(&dims[..a]), Dim::product(&dims[a..])];
    let y = ctx.node(&ctx.sub(n.name, "flat"), Op::Reshape { shape: flat }, vec![x])?;
    let y = ctx.node(&ctx.sub(n.name, "softmax"), Op::Softmax { axis: 1, log }, vec![y])?;
    Ok(vec![ctx.node(n.name, Op::Reshape { shape: dims }, vec![y])?])
}
