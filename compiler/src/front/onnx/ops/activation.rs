//! Elementwise ops of one input that map onto one core unary op each:
//! Abs, Neg, Exp, Log, Sqrt, Reciprocal, Floor, Ceil, Erf, Not, Relu, Sigmoid, Tanh (all opsets),
//! LeakyRelu (alpha, default 0.01), HardSigmoid (alpha 0.2, beta 0.5), HardSwish (opset 14).
//! Spec: https://onnx.ai/onnx/operators/ (one page per op).

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Op, UnaryOp, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let u = match n.op_type {
        "Abs" => UnaryOp::Abs,
        "Neg" => UnaryOp::Neg,
        "Exp" => UnaryOp::Exp,
        "Log" => UnaryOp::Log,
        "Sqrt" => UnaryOp::Sqrt,
        "Reciprocal" => UnaryOp::Reciprocal,
        "Floor" => UnaryOp::Floor,
        "Ceil" => UnaryOp::Ceil,
        "Erf" => UnaryOp::Erf,
        "Not" => UnaryOp::Not,
        "Relu" => UnaryOp::Relu,
        "Sigmoid" => UnaryOp::Sigmoid,
        "Tanh" => UnaryOp::Tanh,
        "LeakyRelu" => UnaryOp::LeakyRelu { alpha: n.attrs.float_or("alpha", 0.01) },
        "HardSigmoid" => UnaryOp::HardSigmoid { alpha: n.attrs.float_or("alpha", 0.2), beta: n.attrs.float_or("beta", 0.5) },
        "HardSwish" => UnaryOp::HardSwish,
        other => return Err(NodeError::Unsupported(format!("{other} is not an activation"))),
    };
    let x = n.input(0)?;
    let dtype = ctx.dtype(x);
    if u.float_only() && !dtype.is_float() {
        return Err(NodeError::Unsupported(format!("{} of {dtype}", n.op_type)));
    }
    Ok(vec![ctx.node(n.name, Op::Unary(u), vec![x])?])
}
