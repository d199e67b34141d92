//! Flatten (opsets 1-24): https://onnx.ai/onnx/operators/onnx__Flatten.html -> a Reshape to 2-D.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let d = ctx.dims(x)?;
    let a = n.attrs.int_or("axis", 1);
    let a = if a < 0 { a + d.len() as i64 } else { a };
    if a < 0 || a > d.len() as i64 {
        return Err(NodeError::Invalid(format!("axis {a} is outside rank {}", d.len())));
    }
    let a = a as usize;
    let shape = vec![d[..a].iter().product(), d[a..].iter().product()];
    Ok(vec![ctx.node(n.name, Op::Reshape { shape }, vec![x])?])
}
