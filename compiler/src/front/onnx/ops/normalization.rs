//! Normalisations over trailing or chosen axes, expanded into reductions and elementwise ops
//! (LayerNormalization over the last axis becomes one core `LayerNorm` op instead):
//! - LayerNormalization (17+): axis (-1), epsilon (1e-5), stash_type (1: compute in f32);
//!   outputs Y, Mean, InvStdDev. <https://onnx.ai/onnx/operators/onnx__LayerNormalization.html>
//! - RMSNormalization (23+): axis (-1), epsilon (1e-5), stash_type.
//! - GroupNormalization (18: scale/bias per group; 21+: per channel): num_groups, epsilon.
//! - InstanceNormalization: per (n, c) over the spatial axes, epsilon (1e-5).
//! - MeanVarianceNormalization: axes ([0, 2, 3]), `(x - mean) / sqrt(var)` with no epsilon.
//! - LpNormalization: axis (-1), p (1 or 2); a zero norm gives 0.
//!
//! The statistics are computed in the stash type (f32 for half inputs), like the ONNX
//! function bodies, and the result is cast back.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, Data, MathFn, Op, ReduceKind, Tensor, UnaryOp, ValueId};

/// Mean, variance, `sqrt(var + eps)` and its inverse of `x` over `axes` (kept as 1s), and
/// `x - mean` (also BatchNormalization's training mode).
pub struct Stats {
    pub centered: ValueId,
    pub mean: ValueId,
    pub var: ValueId,
    pub std: ValueId,
    pub inv_std: ValueId,
}

pub fn stats(ctx: &mut Ctx, name: &str, x: ValueId, axes: Vec<usize>, eps: Option<f64>) -> Result<Stats, NodeError> {
    let part = |p: &str| format!("{name}/{p}");
    let dtype = ctx.dtype(x);
    let mean =
        ctx.node(&part("mean"), Op::Reduce { kind: ReduceKind::Mean, axes: axes.clone(), keepdims: true }, vec![x])?;
    let centered = ctx.binary(&part("centered"), BinaryOp::Sub, x, mean)?;
    let sq = ctx.binary(&part("square"), BinaryOp::Mul, centered, centered)?;
    let var = ctx.node(&part("var"), Op::Reduce { kind: ReduceKind::Mean, axes, keepdims: true }, vec![sq])?;
    let var_eps = match eps {
        Some(eps) => {
            let e = ctx.scalar(dtype, eps);
            ctx.binary(&part("var_eps"), BinaryOp::Add, var, e)?
        }
        None => var,
    };
    let std = ctx.unary(&part("std"), UnaryOp::Math(MathFn::Sqrt), var_eps)?;
    let inv_std = ctx.unary(&part("inv_std"), UnaryOp::Math(MathFn::Reciprocal), std)?;
    Ok(Stats { centered, mean, var, std, inv_std })
}

/// The type statistics are computed in: f32 for half inputs when `stash_type` is 1.
fn stash(ctx: &Ctx, n: &NodeIn, x: ValueId) -> Result<DType, NodeError> {
    let dtype = ctx.dtype(x);
    if !dtype.is_float() {
        return Err(NodeError::Unsupported(format!("{} of {dtype}", n.op_type)));
    }
    Ok(match n.attrs.int_or("stash_type", 1) {
        1 if matches!(dtype, DType::F16 | DType::BF16) => DType::F32,
        _ => dtype,
    })
}

/// Trailing axes from `axis` on.
fn trailing(n: &NodeIn, rank: usize) -> Result<Vec<usize>, NodeError> {
    Ok((axis(n.attrs.int_or("axis", -1), rank)?..rank).collect())
}

pub fn import_layer_norm(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    if let Some(y) = core_layer_norm(ctx, n)? {
        return Ok(vec![y]);
    }
    let x = n.input(0)?;
    let dtype = ctx.dtype(x);
    let work = stash(ctx, n, x)?;
    let axes = trailing(n, ctx.rank(x))?;
    let xs = ctx.cast(&ctx.sub(n.name, "x"), x, work)?;
    let st = stats(ctx, n.name, xs, axes, Some(n.attrs.float_or("epsilon", 1e-5) as f64))?;
    let mut y = ctx.binary(&ctx.sub(n.name, "normalized"), BinaryOp::Mul, st.centered, st.inv_std)?;
    y = ctx.cast(&ctx.sub(n.name, "y"), y, dtype)?;
    y = ctx.binary(&ctx.sub(n.name, "scaled"), BinaryOp::Mul, y, n.input(1)?)?;
    if let Some(b) = n.opt(2) {
        y = ctx.binary(&ctx.sub(n.name, "biased"), BinaryOp::Add, y, b)?;
    }
    Ok(vec![y, st.mean, st.inv_std])
}

/// The common case as one [`Op::LayerNorm`] (one pass per row, no intermediates): f32 or f64
/// normalised over the last axis, `[H]` scale and bias, and only `Y` wanted. Anything else is
/// expanded by the caller.
fn core_layer_norm(ctx: &mut Ctx, n: &NodeIn) -> Result<Option<ValueId>, NodeError> {
    let x = n.input(0)?;
    let dtype = ctx.dtype(x);
    let rank = ctx.rank(x);
    let last_axis = rank > 0 && axis(n.attrs.int_or("axis", -1), rank)? == rank - 1;
    if n.n_outputs != 1 || !matches!(dtype, DType::F32 | DType::F64) || !last_axis {
        return Ok(None);
    }
    let h = ctx.shape(x)[rank - 1].clone();
    let per_row = |ctx: &Ctx, v: ValueId| ctx.dtype(v) == dtype && ctx.shape(v) == [h.clone()];
    let scale = n.input(1)?;
    if !per_row(ctx, scale) {
        return Ok(None);
    }
    let bias = match n.opt(2) {
        Some(b) if per_row(ctx, b) => b,
        Some(_) => return Ok(None),
        None => {
            let Some(h) = h.as_fixed() else { return Ok(None) };
            let zeros = match dtype {
                DType::F64 => Tensor::new(vec![h], Data::F64(vec![0.0; h])),
                _ => Tensor::new(vec![h], Data::F32(vec![0.0; h])),
            };
            let Some(zeros) = zeros else { return Ok(None) };
            ctx.constant(zeros)
        }
    };
    let epsilon = n.attrs.float_or("epsilon", 1e-5) as f64;
    ctx.node(n.name, Op::LayerNorm { epsilon }, vec![x, scale, bias]).map(Some)
}

pub fn import_rms_norm(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let dtype = ctx.dtype(x);
    let work = stash(ctx, n, x)?;
    let axes = trailing(n, ctx.rank(x))?;
    let part = |p: &str| format!("{}/{p}", n.name);
    let xs = ctx.cast(&part("x"), x, work)?;
    let sq = ctx.binary(&part("square"), BinaryOp::Mul, xs, xs)?;
    let ms = ctx.node(&part("mean_square"), Op::Reduce { kind: ReduceKind::Mean, axes, keepdims: true }, vec![sq])?;
    let e = ctx.scalar(work, n.attrs.float_or("epsilon", 1e-5) as f64);
    let ms = ctx.binary(&part("mean_square_eps"), BinaryOp::Add, ms, e)?;
    let rms = ctx.unary(&part("rms"), UnaryOp::Math(MathFn::Sqrt), ms)?;
    let inv = ctx.unary(&part("inv_rms"), UnaryOp::Math(MathFn::Reciprocal), rms)?;
    let y = ctx.binary(&part("normalized"), BinaryOp::Mul, xs, inv)?;
    let y = ctx.cast(&part("y"), y, dtype)?;
    Ok(vec![ctx.binary(n.name, BinaryOp::Mul, y, n.input(1)?)?])
}

/// `[C]` per-channel parameters as `[C, 1, ...]` to broadcast against `[N, C, ...]`.
fn per_channel(ctx: &mut Ctx, name: &str, v: ValueId, rank: usize) -> Result<ValueId, NodeError> {
    let c = ctx.dims(v)?.iter().product::<usize>();
    let mut shape = vec![c];
    shape.extend(std::iter::repeat_n(1, rank.saturating_sub(2)));
    ctx.node(name, Op::Reshape { shape: crate::ir::fixed_dims(shape) }, vec![v])
}

pub fn import_instance_norm(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let rank = ctx.rank(x);
    if rank < 3 {
        return Err(NodeError::Invalid("input needs rank >= 3".into()));
    }
    stash(ctx, n, x)?;
    let st = stats(ctx, n.name, x, (2..rank).collect(), Some(n.attrs.float_or("epsilon", 1e-5) as f64))?;
    let y = ctx.binary(&ctx.sub(n.name, "normalized"), BinaryOp::Mul, st.centered, st.inv_std)?;
    let scale = per_channel(ctx, &ctx.sub(n.name, "scale_c"), n.input(1)?, rank)?;
    let bias = per_channel(ctx, &ctx.sub(n.name, "bias_c"), n.input(2)?, rank)?;
    let y = ctx.binary(&ctx.sub(n.name, "scaled"), BinaryOp::Mul, y, scale)?;
    Ok(vec![ctx.binary(n.name, BinaryOp::Add, y, bias)?])
}

pub fn import_group_norm(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let dtype = ctx.dtype(x);
    let work = stash(ctx, n, x)?;
    let d = ctx.dims(x)?;
    let groups = usize::try_from(n.attrs.int("num_groups").ok_or("attribute `num_groups` is required")?)
        .map_err(|_| "num_groups < 0")?;
    if d.len() < 2 || groups == 0 || d[1] % groups != 0 {
        return Err(NodeError::Invalid(format!(
            "{} channels cannot form {groups} groups",
            d.get(1).copied().unwrap_or(0)
        )));
    }
    let part = |p: &str| format!("{}/{p}", n.name);
    let rest: usize = d[1..].iter().product::<usize>() / groups;
    let xs = ctx.cast(&part("x"), x, work)?;
    let grouped =
        ctx.node(&part("grouped"), Op::Reshape { shape: crate::ir::fixed_dims(vec![d[0], groups, rest]) }, vec![xs])?;
    let st = stats(ctx, n.name, grouped, vec![2], Some(n.attrs.float_or("epsilon", 1e-5) as f64))?;
    let y = ctx.binary(&part("normalized"), BinaryOp::Mul, st.centered, st.inv_std)?;
    let y = ctx.node(&part("ungrouped"), Op::Reshape { shape: crate::ir::fixed_dims(d.clone()) }, vec![y])?;
    let y = ctx.cast(&part("y"), y, dtype)?;
    let (mut scale, mut bias) = (n.input(1)?, n.input(2)?);
    if n.opset < 21 {
        // Opset 18: one scale and bias per group; repeat them per channel.
        let per_group = d[1] / groups;
        for v in [&mut scale, &mut bias] {
            let col =
                ctx.node(&part("group_col"), Op::Reshape { shape: crate::ir::fixed_dims(vec![groups, 1]) }, vec![*v])?;
            let rep = ctx.node(
                &part("group_rep"),
                Op::Expand { shape: crate::ir::fixed_dims(vec![groups, per_group]) },
                vec![col],
            )?;
            *v = ctx.node(&part("group_flat"), Op::Reshape { shape: crate::ir::fixed_dims(vec![d[1]]) }, vec![rep])?;
        }
    }
    let scale = per_channel(ctx, &part("scale_c"), scale, d.len())?;
    let bias = per_channel(ctx, &part("bias_c"), bias, d.len())?;
    let y = ctx.binary(&part("scaled"), BinaryOp::Mul, y, scale)?;
    Ok(vec![ctx.binary(n.name, BinaryOp::Add, y, bias)?])
}

pub fn import_mvn(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    stash(ctx, n, x)?;
    let rank = ctx.rank(x);
    let mut axes = n
        .attrs
        .ints("axes")
        .unwrap_or_else(|| vec![0, 2, 3])
        .iter()
        .map(|&a| axis(a, rank))
        .collect::<Result<Vec<_>, _>>()?;
    axes.sort_unstable();
    axes.dedup();
    let st = stats(ctx, n.name, x, axes, None)?;
    Ok(vec![ctx.binary(n.name, BinaryOp::Mul, st.centered, st.inv_std)?])
}

pub fn import_lp_norm(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let dtype = ctx.dtype(x);
    stash(ctx, n, x)?;
    let ax = axis(n.attrs.int_or("axis", -1), ctx.rank(x))?;
    let kind = match n.attrs.int_or("p", 2) {
        1 => ReduceKind::L1,
        2 => ReduceKind::L2,
        p => return Err(NodeError::Invalid(format!("p = {p} (expected 1 or 2)"))),
    };
    let part = |p: &str| format!("{}/{p}", n.name);
    let norm = ctx.node(&part("norm"), Op::Reduce { kind, axes: vec![ax], keepdims: true }, vec![x])?;
    let y = ctx.binary(&part("div"), BinaryOp::Div, x, norm)?;
    let zero = ctx.scalar(dtype, 0.0);
    let is_zero = ctx.binary(&part("is_zero"), BinaryOp::Equal, norm, zero)?;
    Ok(vec![ctx.node(n.name, Op::Where, vec![is_zero, zero, y])?])
}
