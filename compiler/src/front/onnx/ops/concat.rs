//! Concat (opsets 1-13): https://onnx.ai/onnx/operators/onnx__Concat.html

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let inputs: Vec<ValueId> = n.inputs.iter().flatten().copied().collect();
    let first = *inputs.first().ok_or("needs at least one input")?;
    let a = axis(n.attrs.int("axis").ok_or("attribute `axis` is required")?, ctx.rank(first))?;
    Ok(vec![ctx.node(n.name, Op::Concat { axis: a }, inputs)?])
}
