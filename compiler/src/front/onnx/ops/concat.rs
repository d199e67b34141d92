//! Concat (opsets 1-13): <https://onnx.ai/onnx/operators/onnx__Concat.html>
//! `axis` is required from opset 4; Concat-1 defaults it to 1.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let inputs: Vec<ValueId> = n.inputs.iter().flatten().copied().collect();
    let first = *inputs.first().ok_or("needs at least one input")?;
    let given = match n.attrs.int("axis") {
        Some(a) => a,
        None if n.opset < 4 => 1,
        None => return Err("attribute `axis` is required".into()),
    };
    let a = axis(given, ctx.rank(first))?;
    Ok(vec![ctx.node(n.name, Op::Concat { axis: a }, inputs)?])
}
