//! BatchNormalization (opsets 7-15): <https://onnx.ai/onnx/operators/onnx__BatchNormalization.html>
//! Inference: `y = (x - mean) / sqrt(var + eps) * scale + bias`, expanded to `x * s + t` with
//! per-channel `s` and `t` (folded at import when the statistics are constants, as exporters
//! write them). Training mode (14+): normalises with the batch's own statistics and returns the
//! updated running mean and variance (`running * momentum + batch * (1 - momentum)`).

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, MathFn, Op, Tensor, UnaryOp, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    if n.attrs.int_or("training_mode", 0) != 0 {
        return import_training(ctx, n);
    }
    if n.n_outputs > 1 {
        return Err(NodeError::Unsupported("training outputs without training_mode (opset < 14)".into()));
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
    let s = ctx.node(&part("scale_c"), Op::Reshape { shape: crate::ir::fixed_dims(shape.clone()) }, vec![s])?;
    let t = ctx.node(&part("shift_c"), Op::Reshape { shape: crate::ir::fixed_dims(shape) }, vec![t])?;
    let y = ctx.node(&part("mul"), Op::Binary(BinaryOp::Mul), vec![x, s])?;
    Ok(vec![ctx.node(n.name, Op::Binary(BinaryOp::Add), vec![y, t])?])
}

fn import_training(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let (scale, bias, mean_in, var_in) = (n.input(1)?, n.input(2)?, n.input(3)?, n.input(4)?);
    let rank = ctx.rank(x);
    if rank < 2 {
        return Err(NodeError::Invalid("input needs rank >= 2".into()));
    }
    let dtype = ctx.dtype(x);
    let part = |p: &str| format!("{}/{p}", n.name);
    let axes: Vec<usize> = (0..rank).filter(|&a| a != 1).collect();
    let st = super::normalization::stats(ctx, n.name, x, axes, Some(n.attrs.float_or("epsilon", 1e-5) as f64))?;
    let (mean, var) = (st.mean, st.var);
    let normalized = ctx.binary(&part("normalized"), BinaryOp::Div, st.centered, st.std)?;
    let c = ctx.dims(scale)?.iter().product::<usize>();
    let mut shape = vec![c];
    shape.extend(std::iter::repeat_n(1, rank - 2));
    let s = ctx.node(&part("scale_c"), Op::Reshape { shape: crate::ir::fixed_dims(shape.clone()) }, vec![scale])?;
    let t = ctx.node(&part("bias_c"), Op::Reshape { shape: crate::ir::fixed_dims(shape) }, vec![bias])?;
    let y = ctx.binary(&part("scaled"), BinaryOp::Mul, normalized, s)?;
    let y = ctx.binary(n.name, BinaryOp::Add, y, t)?;
    let momentum = n.attrs.float_or("momentum", 0.9) as f64;
    let (m, rest) = (ctx.scalar(dtype, momentum), ctx.scalar(dtype, 1.0 - momentum));
    let running = |ctx: &mut Ctx, what: &str, old: ValueId, batch: ValueId| -> Result<ValueId, NodeError> {
        let flat = ctx.node(
            &part(&format!("{what}_flat")),
            Op::Reshape { shape: crate::ir::fixed_dims(vec![c]) },
            vec![batch],
        )?;
        let keep = ctx.binary(&part(&format!("{what}_keep")), BinaryOp::Mul, old, m)?;
        let add = ctx.binary(&part(&format!("{what}_add")), BinaryOp::Mul, flat, rest)?;
        ctx.binary(&part(&format!("running_{what}")), BinaryOp::Add, keep, add)
    };
    let running_mean = running(ctx, "mean", mean_in, mean)?;
    let running_var = running(ctx, "var", var_in, var)?;
    Ok(vec![y, running_mean, running_var])
}
