//! Flatten (opsets 1-24): <https://onnx.ai/onnx/operators/onnx__Flatten.html> -> a Reshape to 2-D.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Dim, Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let d = ctx.shape(x);
    let a = n.attrs.int_or("axis", 1);
    let a = if a < 0 { a + d.len() as i64 } else { a };
    if a < 0 || a > d.len() as i64 {
        return Err(NodeError::Invalid(format!("axis {a} is outside rank {}", d.len())));
    }
    let a = a as usize;
    let shape = vec![Dim::product(&d[..a]), Dim::product(&d[a..])];
    Ok(vec![ctx.node(n.name, Op::Reshape { shape }, vec![x])?])
}
