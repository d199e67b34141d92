//! Expand (opsets 8, 13): https://onnx.ai/onnx/operators/onnx__Expand.html. The shape input must
//! be constant; the output shape is the broadcast of the input's and the given one.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let shape = ctx.const_i64s(n.input(1)?, "the shape")?;
    let shape: Vec<usize> = shape.iter().map(|&d| usize::try_from(d).map_err(|_| format!("negative dim {d}"))).collect::<Result<_, _>>()?;
    Ok(vec![ctx.node(n.name, Op::Expand { shape }, vec![x])?])
}
