//! LRN (opsets 1, 13): <https://onnx.ai/onnx/operators/onnx__LRN.html>

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let size = n.attrs.int("size").ok_or("attribute `size` is required")?;
    let size = usize::try_from(size).ok().filter(|&s| s > 0).ok_or("size must be positive")?;
    let op = Op::Lrn {
        size,
        alpha: n.attrs.float_or("alpha", 1e-4),
        beta: n.attrs.float_or("beta", 0.75),
        bias: n.attrs.float_or("bias", 1.0),
    };
    Ok(vec![ctx.node(n.name, op, vec![n.input(0)?])?])
}
