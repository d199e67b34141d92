//! MatMul (opsets 1-13): <https://onnx.ai/onnx/operators/onnx__MatMul.html> (numpy semantics).

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    Ok(vec![ctx.node(n.name, Op::MatMul, vec![n.input(0)?, n.input(1)?])?])
}
