//! Where (opsets 9, 16): <https://onnx.ai/onnx/operators/onnx__Where.html>

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    Ok(vec![ctx.node(n.name, Op::Where, vec![n.input(0)?, n.input(1)?, n.input(2)?])?])
}
