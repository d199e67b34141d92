//! Identity and Dropout (inference: the input passes through; the optional mask is all true).
//! https://onnx.ai/onnx/operators/onnx__Dropout.html

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Op, Tensor, UnaryOp, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    if n.op_type == "Dropout" {
        if let Some(t) = n.opt(2) {
            if ctx.const_of(t).is_none_or(|t| t.data.to_i64_vec() != [0]) {
                return Err(NodeError::Unsupported("Dropout in training mode".into()));
            }
        }
    }
    let y = ctx.node(n.name, Op::Unary(UnaryOp::Identity), vec![x])?;
    let mut outs = vec![y];
    if n.n_outputs > 1 {
        let shape = ctx.dims(x)?;
        let t = Tensor::scalar_of(crate::ir::DType::Bool, 1.0);
        let one = ctx.constant(t);
        outs.push(ctx.node(&ctx.sub(n.name, "mask"), Op::Expand { shape }, vec![one])?);
    }
    Ok(outs)
}
