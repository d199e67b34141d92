//! Gemm (opsets 1-13): <https://onnx.ai/onnx/operators/onnx__Gemm.html>
//! `Y = alpha * op(A) * op(B) + beta * C`, expanded into Transpose, MatMul, Mul and Add; the
//! transposes of constant weights fold away at import.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, Op, Tensor, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (mut a, mut b) = (n.input(0)?, n.input(1)?);
    if ctx.rank(a) != 2 || ctx.rank(b) != 2 {
        return Err(NodeError::Invalid("A and B must be 2-D".into()));
    }
    let dtype = ctx.dtype(a);
    let (alpha, beta) = (n.attrs.float_or("alpha", 1.0), n.attrs.float_or("beta", 1.0));
    if n.attrs.int_or("transA", 0) != 0 {
        a = ctx.node(&ctx.sub(n.name, "a_t"), Op::Transpose { perm: vec![1, 0] }, vec![a])?;
    }
    if n.attrs.int_or("transB", 0) != 0 {
        b = ctx.node(&ctx.sub(n.name, "b_t"), Op::Transpose { perm: vec![1, 0] }, vec![b])?;
    }
    let c = n.opt(2).filter(|_| beta != 0.0);
    // The last node of the expansion carries the ONNX node's name; the others get sub-names.
    let last = if c.is_some() {
        "add"
    } else if alpha != 1.0 {
        "alpha"
    } else {
        "matmul"
    };
    let name = |part: &str| if part == last { n.name.to_string() } else { format!("{}/{part}", n.name) };
    let mut y = ctx.node(&name("matmul"), Op::MatMul, vec![a, b])?;
    if alpha != 1.0 {
        let k = ctx.constant(Tensor::scalar_of(dtype, alpha as f64));
        y = ctx.node(&name("alpha"), Op::Binary(BinaryOp::Mul), vec![y, k])?;
    }
    if let Some(mut c) = c {
        if beta != 1.0 {
            let k = ctx.constant(Tensor::scalar_of(dtype, beta as f64));
            c = ctx.node(&name("beta"), Op::Binary(BinaryOp::Mul), vec![c, k])?;
        }
        y = ctx.node(&name("add"), Op::Binary(BinaryOp::Add), vec![y, c])?;
    }
    Ok(vec![y])
}
