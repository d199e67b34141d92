//! TopK (1, 10, 11+): <https://onnx.ai/onnx/operators/onnx__TopK.html>
//! k from the attribute (opset 1) or the input (needed at build time); axis (-1), largest (1),
//! sorted (outputs are always sorted, which `sorted=0` allows). Values and indices are two
//! core ops over the same input.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let k = if n.opset < 10 {
        n.attrs.int("k").ok_or("attribute `k` is required")?
    } else {
        *ctx.const_i64s(n.input(1)?, "k")?.first().ok_or("k is empty")?
    };
    let k = usize::try_from(k).map_err(|_| NodeError::Invalid(format!("k = {k}")))?;
    let a = axis(n.attrs.int_or("axis", -1), ctx.rank(x))?;
    let largest = n.attrs.int_or("largest", 1) != 0;
    let values = ctx.node(n.name, Op::TopK { axis: a, k, largest, indices: false }, vec![x])?;
    let indices = ctx.node(&ctx.sub(n.name, "indices"), Op::TopK { axis: a, k, largest, indices: true }, vec![x])?;
    Ok(vec![values, indices])
}
