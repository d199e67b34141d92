//! Expand (opsets 8, 13): <https://onnx.ai/onnx/operators/onnx__Expand.html>. The shape input must
//! be known at build time (a constant or shape arithmetic on symbolic dims); the output shape is
//! the broadcast of the input's and the given one.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let shape = super::constant::target_shape(ctx, n.input(1)?)?;
    Ok(vec![ctx.node(n.name, Op::Expand { shape }, vec![x])?])
}
