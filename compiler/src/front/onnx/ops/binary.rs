//! Elementwise ops of two inputs with numpy broadcasting: Add, Sub, Mul, Div, Pow, Equal, Less,
//! LessOrEqual, Greater, GreaterOrEqual, And, Or, Xor; and the variadic Sum, Max, Min, Mean
//! (expanded into a chain of binary ops). Opset 7+ broadcasting; older `broadcast`/`axis`
//! attributes are refused. Pow with an exponent of another dtype casts the exponent.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, Op, Tensor, ValueId};

/// The two-input op types [`import`] takes.
pub const OPS: &[&str] = &[
    "Add",
    "Sub",
    "Mul",
    "Div",
    "Pow",
    "Equal",
    "Less",
    "LessOrEqual",
    "Greater",
    "GreaterOrEqual",
    "And",
    "Or",
    "Xor",
    "BitwiseAnd",
    "BitwiseOr",
    "BitwiseXor",
];

fn op_of(op_type: &str) -> Option<BinaryOp> {
    Some(match op_type {
        "Add" | "Sum" | "Mean" => BinaryOp::Add,
        "Sub" => BinaryOp::Sub,
        "Mul" => BinaryOp::Mul,
        "Div" => BinaryOp::Div,
        "Pow" => BinaryOp::Pow,
        "Max" => BinaryOp::Max,
        "Min" => BinaryOp::Min,
        "Equal" => BinaryOp::Equal,
        "Less" => BinaryOp::Less,
        "LessOrEqual" => BinaryOp::LessOrEqual,
        "Greater" => BinaryOp::Greater,
        "GreaterOrEqual" => BinaryOp::GreaterOrEqual,
        "And" => BinaryOp::And,
        "Or" => BinaryOp::Or,
        "Xor" => BinaryOp::Xor,
        "BitwiseAnd" => BinaryOp::BitAnd,
        "BitwiseOr" => BinaryOp::BitOr,
        "BitwiseXor" => BinaryOp::BitXor,
        _ => return None,
    })
}

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    if n.attrs.int_or("broadcast", 0) != 0 {
        return Err(NodeError::Unsupported("legacy `broadcast` attribute (opset < 7)".into()));
    }
    let op = op_of(n.op_type).ok_or_else(|| NodeError::Unsupported(n.op_type.to_string()))?;
    let (a, mut b) = (n.input(0)?, n.input(1)?);
    if op == BinaryOp::Pow && ctx.dtype(a) != ctx.dtype(b) {
        b = ctx.node(&ctx.sub(n.name, "exponent"), Op::Cast { to: ctx.dtype(a) }, vec![b])?;
    }
    Ok(vec![ctx.node(n.name, Op::Binary(op), vec![a, b])?])
}

/// Mod (`fmod` 0 or 1) and BitShift (`direction` LEFT or RIGHT).
pub fn import_mod_shift(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let op = match n.op_type {
        "Mod" => BinaryOp::Mod { fmod: n.attrs.int_or("fmod", 0) != 0 },
        _ => match n.attrs.string("direction").as_deref() {
            Some("LEFT") => BinaryOp::ShiftLeft,
            Some("RIGHT") => BinaryOp::ShiftRight,
            other => return Err(NodeError::Invalid(format!("BitShift direction {other:?} (expected LEFT or RIGHT)"))),
        },
    };
    let (a, b) = (n.input(0)?, n.input(1)?);
    Ok(vec![ctx.node(n.name, Op::Binary(op), vec![a, b])?])
}

/// Sum, Max, Min, Mean of any number of inputs.
pub fn import_variadic(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let op = op_of(n.op_type).ok_or_else(|| NodeError::Unsupported(n.op_type.to_string()))?;
    let inputs: Vec<ValueId> = n.inputs.iter().flatten().copied().collect();
    let (&first, rest) = inputs.split_first().ok_or("needs at least one input")?;
    let mut acc = first;
    for (i, &v) in rest.iter().enumerate() {
        let name = if i + 1 == rest.len() && n.op_type != "Mean" {
            n.name.to_string()
        } else {
            ctx.sub(n.name, &format!("{i}"))
        };
        acc = ctx.node(&name, Op::Binary(op), vec![acc, v])?;
    }
    if n.op_type == "Mean" {
        let count = ctx.constant(Tensor::scalar_of(ctx.dtype(first), inputs.len() as f64));
        acc = ctx.node(n.name, Op::Binary(BinaryOp::Div), vec![acc, count])?;
    } else if rest.is_empty() {
        acc = ctx.node(n.name, Op::Unary(crate::ir::UnaryOp::Identity), vec![acc])?;
    }
    Ok(vec![acc])
}
