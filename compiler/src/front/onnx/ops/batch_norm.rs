//! BatchNormalization, inference mode (opsets 7-15): https://onnx.ai/onnx/operators/onnx__BatchNormalization.html
//! `y = (x - mean) / sqrt(var + eps) * scale + bias`, expanded to `x * s + t` with per-channel
//! `s` and `t` (folded at import when the statistics are constants, as exporters write them).

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, Op, Tensor, UnaryOp, MathFn, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    if n.attrs.int_or("training_mode", 0) != 0 || n.n_outputs > 1 {
        return Err(NodeError::Unsupported("training mode".into()));
    }
    let x = n.input(0)?;
    let (scale, bias, mean, var) = (n.input(1)?, n.input(2)?, n.input(3)?, n.input(4)?);
    let rank = ctx.rank(x);
    if rank < 2 {
        return Err(NodeError::Invalid("input needs rank >= 2".into()));
    }
    let dtype = ctx.dtype(x);
    let eps = ctx.constant(Tensor::scalar_of(dtype, n.attrs.float_or("epsilon", 1e-5) as f64));
    let part = |p: &str| format!("{}/{p}", n.name);
    // s = scale / sqrt(var + eps); t = bias - mean * s; both reshaped to [C, 1, ...].
    let v = ctx.node(&part("var_eps"), Op::Binary(BinaryOp::Add), vec![var, eps])?;
    let v = ctx.node(&part("std"), Op::Unary(UnaryOp::Math(MathFn::Sqrt)), vec![v])?;
    let s = ctx.node(&part("scale"), Op::Binary(BinaryOp::Div), vec![scale, v])?;
    let ms = ctx.node(&part("mean_scale"), Op::Binary(BinaryOp::Mul), vec![mean, s])?;
    let t = ctx.node(&part("shift"), Op::Binary(BinaryOp::Sub), vec![bias, ms])?;
    let c = ctx.dims(s)?.iter().product::<usize>();
    let mut shape = vec![c];
    shape.extend(std::iter::repeat_n(1, rank - 2));
    let s = ctx.node(&part("scale_c"), Op::Reshape { shape: shape.clone() }, vec![s])?;
    let t = ctx.node(&part("shift_c"), Op::Reshape { shape }, vec![t])?;
    let y = ctx.node(&part("mul"), Op::Binary(BinaryOp::Mul), vec![x, s])?;
    Ok(vec![ctx.node(n.name, Op::Binary(BinaryOp::Add), vec![y, t])?])
}
