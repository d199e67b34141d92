//! Losses, expanded into core ops:
//! - NegativeLogLikelihoodLoss (12+): <https://onnx.ai/onnx/operators/onnx__NegativeLogLikelihoodLoss.html>
//!   input `[N, C, d...]`, target `[N, d...]`, optional weight `[C]`; reduction
//!   none|sum|mean (default mean); ignore_index.
//! - SoftmaxCrossEntropyLoss (12+): NLL of LogSoftmax over axis 1; second output log_prob.
//!
//! `loss[n, d] = -input[n, target[n, d], d] * weight[target[n, d]]`, 0 where the target is
//! ignore_index; mean divides by the sum of the weights that were used.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, Op, ReduceKind, UnaryOp, ValueId};

fn nll(
    ctx: &mut Ctx,
    n: &NodeIn,
    input: ValueId,
    target: ValueId,
    weight: Option<ValueId>,
) -> Result<ValueId, NodeError> {
    let part = |p: &str| format!("{}/{p}", n.name);
    let dt = ctx.dtype(input);
    let d = ctx.dims(input)?;
    if d.len() < 2 {
        return Err(NodeError::Invalid("input needs rank >= 2".into()));
    }
    let target = ctx.cast(&part("target_i64"), target, DType::I64)?;
    let td = ctx.dims(target)?;
    let ignore = n.attrs.int("ignore_index");
    // Ignored targets read class 0 (any valid class) and are zeroed by their weight.
    let (safe, kept) = match ignore {
        Some(ii) => {
            let ii = ctx.scalar(DType::I64, ii as f64);
            let is_ignored = ctx.binary(&part("ignored"), BinaryOp::Equal, target, ii)?;
            let zero = ctx.scalar(DType::I64, 0.0);
            let safe = ctx.node(&part("safe_target"), Op::Where, vec![is_ignored, zero, target])?;
            (safe, Some(ctx.unary(&part("kept"), UnaryOp::Not, is_ignored)?))
        }
        None => (target, None),
    };
    let mut idx_shape = td.clone();
    idx_shape.insert(1, 1);
    let idx = ctx.node(&part("index"), Op::Reshape { shape: crate::ir::fixed_dims(idx_shape) }, vec![safe])?;
    let picked = ctx.node(&part("picked"), Op::GatherElements { axis: 1 }, vec![input, idx])?;
    let picked =
        ctx.node(&part("picked_flat"), Op::Reshape { shape: crate::ir::fixed_dims(td.clone()) }, vec![picked])?;
    let mut loss = ctx.unary(&part("neg"), UnaryOp::Neg, picked)?;
    let mut w = match weight {
        Some(w) => Some(ctx.node(&part("weight_t"), Op::Gather { axis: 0 }, vec![w, safe])?),
        None => None,
    };
    if let Some(kept) = kept {
        let (one, zero) = (ctx.scalar(dt, 1.0), ctx.scalar(dt, 0.0));
        let base = match w {
            Some(w) => w,
            None => ctx.node(&part("ones"), Op::Expand { shape: crate::ir::fixed_dims(td.clone()) }, vec![one])?,
        };
        w = Some(ctx.node(&part("weight_kept"), Op::Where, vec![kept, base, zero])?);
    }
    if let Some(w) = w {
        loss = ctx.binary(&part("weighted"), BinaryOp::Mul, loss, w)?;
    }
    let all: Vec<usize> = (0..td.len()).collect();
    let sum = |ctx: &mut Ctx, name: &str, v: ValueId| {
        ctx.node(name, Op::Reduce { kind: ReduceKind::Sum, axes: all.clone(), keepdims: false }, vec![v])
    };
    match n.attrs.string("reduction").as_deref().unwrap_or("mean") {
        "none" => Ok(loss),
        "sum" => sum(ctx, &part("sum"), loss),
        "mean" => match w {
            Some(w) => {
                let total = sum(ctx, &part("sum"), loss)?;
                let wsum = sum(ctx, &part("weight_sum"), w)?;
                ctx.binary(&part("mean"), BinaryOp::Div, total, wsum)
            }
            None => ctx.node(
                &part("mean"),
                Op::Reduce { kind: ReduceKind::Mean, axes: all.clone(), keepdims: false },
                vec![loss],
            ),
        },
        other => Err(NodeError::Invalid(format!("reduction \"{other}\""))),
    }
}

pub fn import_nll(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let loss = nll(ctx, n, n.input(0)?, n.input(1)?, n.opt(2))?;
    Ok(vec![loss])
}

pub fn import_softmax_cross_entropy(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let scores = n.input(0)?;
    if !ctx.dtype(scores).is_float() {
        return Err(NodeError::Invalid("scores must be floats".into()));
    }
    let log_prob = ctx.node(&ctx.sub(n.name, "log_prob"), Op::Softmax { axis: 1, log: true }, vec![scores])?;
    let loss = nll(ctx, n, log_prob, n.input(1)?, n.opt(2))?;
    Ok(vec![loss, log_prob])
}
