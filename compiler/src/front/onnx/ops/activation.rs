//! Elementwise ops of one input that map onto one core unary op each.
//! Sign- and logic-like: Abs, Neg, Sign, Relu, Not, BitwiseNot, IsNaN, IsInf (detect_negative,
//! detect_positive). Float functions ([`MathFn`]): Exp, Log, Sqrt, Reciprocal, Floor, Ceil, Round,
//! Erf, Sigmoid, Tanh, the trigonometric and hyperbolic family, Softplus, Softsign, Mish, Gelu
//! (approximate none|tanh), HardSwish, LeakyRelu (alpha 0.01), HardSigmoid (alpha 0.2, beta 0.5),
//! Elu (alpha 1), Selu, Celu (alpha 1), ThresholdedRelu (alpha 1), Shrink (bias 0, lambd 0.5),
//! Swish (alpha 1). Spec: <https://onnx.ai/onnx/operators/> (one page per op).

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{MathFn, Op, UnaryOp, ValueId};

/// The op types this file imports.
pub const OPS: &[&str] = &[
    "Abs",
    "Neg",
    "Sign",
    "Relu",
    "Not",
    "BitwiseNot",
    "IsNaN",
    "IsInf",
    "Exp",
    "Log",
    "Sqrt",
    "Reciprocal",
    "Floor",
    "Ceil",
    "Round",
    "Erf",
    "Sigmoid",
    "Tanh",
    "Sin",
    "Cos",
    "Tan",
    "Asin",
    "Acos",
    "Atan",
    "Sinh",
    "Cosh",
    "Asinh",
    "Acosh",
    "Atanh",
    "Softplus",
    "Softsign",
    "Mish",
    "Gelu",
    "HardSwish",
    "LeakyRelu",
    "HardSigmoid",
    "Elu",
    "Selu",
    "Celu",
    "ThresholdedRelu",
    "Shrink",
    "Swish",
];

fn math_fn(n: &NodeIn) -> Result<Option<MathFn>, NodeError> {
    let f = |name: &str, default: f32| n.attrs.float_or(name, default);
    Ok(Some(match n.op_type {
        "Exp" => MathFn::Exp,
        "Log" => MathFn::Log,
        "Sqrt" => MathFn::Sqrt,
        "Reciprocal" => MathFn::Reciprocal,
        "Floor" => MathFn::Floor,
        "Ceil" => MathFn::Ceil,
        "Round" => MathFn::Round,
        "Erf" => MathFn::Erf,
        "Sigmoid" => MathFn::Sigmoid,
        "Tanh" => MathFn::Tanh,
        "Sin" => MathFn::Sin,
        "Cos" => MathFn::Cos,
        "Tan" => MathFn::Tan,
        "Asin" => MathFn::Asin,
        "Acos" => MathFn::Acos,
        "Atan" => MathFn::Atan,
        "Sinh" => MathFn::Sinh,
        "Cosh" => MathFn::Cosh,
        "Asinh" => MathFn::Asinh,
        "Acosh" => MathFn::Acosh,
        "Atanh" => MathFn::Atanh,
        "Softplus" => MathFn::Softplus,
        "Softsign" => MathFn::Softsign,
        "Mish" => MathFn::Mish,
        "Gelu" => match n.attrs.string("approximate").as_deref().unwrap_or("none") {
            "none" => MathFn::Gelu,
            "tanh" => MathFn::GeluTanh,
            other => return Err(NodeError::Invalid(format!("approximate=\"{other}\""))),
        },
        "HardSwish" => MathFn::HardSwish,
        "LeakyRelu" => MathFn::LeakyRelu { alpha: f("alpha", 0.01) },
        "HardSigmoid" => MathFn::HardSigmoid { alpha: f("alpha", 0.2), beta: f("beta", 0.5) },
        "Elu" => MathFn::Elu { alpha: f("alpha", 1.0) },
        "Selu" => MathFn::Selu { alpha: f("alpha", 1.673_263_2), gamma: f("gamma", 1.050_701) },
        "Celu" => MathFn::Celu { alpha: f("alpha", 1.0) },
        "ThresholdedRelu" => MathFn::ThresholdedRelu { alpha: f("alpha", 1.0) },
        "Shrink" => MathFn::Shrink { bias: f("bias", 0.0), lambd: f("lambd", 0.5) },
        "Swish" => MathFn::Swish { alpha: f("alpha", 1.0) },
        _ => return Ok(None),
    }))
}

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let u = match math_fn(n)? {
        Some(f) => UnaryOp::Math(f),
        None => match n.op_type {
            "Abs" => UnaryOp::Abs,
            "Neg" => UnaryOp::Neg,
            "Sign" => UnaryOp::Sign,
            "Relu" => UnaryOp::Relu,
            "Not" => UnaryOp::Not,
            "BitwiseNot" => UnaryOp::BitNot,
            "IsNaN" => UnaryOp::IsNaN,
            "IsInf" => UnaryOp::IsInf {
                positive: n.attrs.int_or("detect_positive", 1) != 0,
                negative: n.attrs.int_or("detect_negative", 1) != 0,
            },
            other => return Err(NodeError::Unsupported(format!("{other} is not an activation"))),
        },
    };
    let x = n.input(0)?;
    let dtype = ctx.dtype(x);
    if u.float_only() && !dtype.is_float() {
        return Err(NodeError::Unsupported(format!("{} of {dtype}", n.op_type)));
    }
    Ok(vec![ctx.node(n.name, Op::Unary(u), vec![x])?])
}

/// PRelu: `x` where positive, `slope * x` elsewhere (slope broadcasts to x).
pub fn import_prelu(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (x, slope) = (n.input(0)?, n.input(1)?);
    let zero = ctx.scalar(ctx.dtype(x), 0.0);
    let negative = ctx.binary(&ctx.sub(n.name, "negative"), crate::ir::BinaryOp::Less, x, zero)?;
    let scaled = ctx.binary(&ctx.sub(n.name, "scaled"), crate::ir::BinaryOp::Mul, x, slope)?;
    Ok(vec![ctx.node(n.name, Op::Where, vec![negative, scaled, x])?])
}
