//! Identity and Dropout (inference: the input passes through; the optional mask is all true).
//! Training mode (a `training_mode` input known at build time) is supported when the ratio is
//! 0, which keeps everything; random masks are not.
//! <https://onnx.ai/onnx/operators/onnx__Dropout.html>

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Op, Tensor, UnaryOp, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    if n.op_type == "Dropout" {
        let training = match n.opt(2) {
            Some(t) => ctx.value_of(t, "training_mode")?.data.to_i64_vec() != [0],
            None => false,
        };
        let ratio = match n.opt(1) {
            Some(r) => ctx.value_of(r, "ratio")?.data.to_f64_vec().first().copied().unwrap_or(0.5),
            None => n.attrs.float_or("ratio", 0.5) as f64,
        };
        if training && ratio != 0.0 {
            return Err(NodeError::Unsupported("Dropout in training mode with a non-zero ratio (random)".into()));
        }
    }
    let y = ctx.node(n.name, Op::Unary(UnaryOp::Identity), vec![x])?;
    let mut outs = vec![y];
    if n.n_outputs > 1 {
        let shape = ctx.shape(x);
        let t = Tensor::scalar_of(crate::ir::DType::Bool, 1.0);
        let one = ctx.constant(t);
        outs.push(ctx.node(&ctx.sub(n.name, "mask"), Op::Expand { shape }, vec![one])?);
    }
    Ok(outs)
}
