//! `ai.onnx.ml` ops on tensors of numbers:
//! - Binarizer: 1 where `x > threshold` (0.0), else 0, in x's type.
//! - ArrayFeatureExtractor: elements of the last axis picked by `indices` (a Gather).

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, Op, ValueId};

pub fn import_binarizer(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let dt = ctx.dtype(x);
    let t = ctx.scalar(dt, n.attrs.float_or("threshold", 0.0) as f64);
    let above = ctx.binary(&ctx.sub(n.name, "above"), BinaryOp::Greater, x, t)?;
    Ok(vec![ctx.cast(n.name, above, dt)?])
}

pub fn import_array_feature_extractor(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (x, idx) = (n.input(0)?, n.input(1)?);
    let r = ctx.rank(x);
    if r == 0 {
        return Err(NodeError::Invalid("input must have rank >= 1".into()));
    }
    let idx = ctx.cast(&ctx.sub(n.name, "indices"), idx, DType::I64)?;
    let count: usize = ctx.dims(idx)?.iter().product();
    let flat =
        ctx.node(&ctx.sub(n.name, "flat"), Op::Reshape { shape: crate::ir::fixed_dims(vec![count]) }, vec![idx])?;
    Ok(vec![ctx.node(n.name, Op::Gather { axis: r - 1 }, vec![x, flat])?])
}
