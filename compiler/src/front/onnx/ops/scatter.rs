//! Index-driven ops with i64 indices (narrower ones are widened):
//! - ScatterElements (11+; reduction none|add|mul|max|min from 16/18) and Scatter (9-10).
//! - ScatterND (11+; reduction from 16).
//! - GatherND (11+; batch_dims from 12).

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{DType, Op, Reduction, ValueId};

fn reduction(n: &NodeIn) -> Result<Reduction, NodeError> {
    Ok(match n.attrs.string("reduction").as_deref().unwrap_or("none") {
        "none" => Reduction::None,
        "add" => Reduction::Add,
        "mul" => Reduction::Mul,
        "max" => Reduction::Max,
        "min" => Reduction::Min,
        other => return Err(NodeError::Invalid(format!("reduction \"{other}\""))),
    })
}

pub fn import_elements(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (data, idx, updates) = (n.input(0)?, n.input(1)?, n.input(2)?);
    let a = axis(n.attrs.int_or("axis", 0), ctx.rank(data))?;
    let idx = ctx.cast(&ctx.sub(n.name, "indices"), idx, DType::I64)?;
    Ok(vec![ctx.node(n.name, Op::ScatterElements { axis: a, reduction: reduction(n)? }, vec![data, idx, updates])?])
}

pub fn import_nd(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (data, idx, updates) = (n.input(0)?, n.input(1)?, n.input(2)?);
    let idx = ctx.cast(&ctx.sub(n.name, "indices"), idx, DType::I64)?;
    Ok(vec![ctx.node(n.name, Op::ScatterNd { reduction: reduction(n)? }, vec![data, idx, updates])?])
}

pub fn import_gather_nd(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (data, idx) = (n.input(0)?, n.input(1)?);
    let idx = ctx.cast(&ctx.sub(n.name, "indices"), idx, DType::I64)?;
    let b = usize::try_from(n.attrs.int_or("batch_dims", 0)).map_err(|_| "batch_dims < 0")?;
    Ok(vec![ctx.node(n.name, Op::GatherNd { batch_dims: b }, vec![data, idx])?])
}
