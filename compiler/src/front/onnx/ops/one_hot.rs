//! One-hot encodings, expanded into a comparison with positions along the new/chosen axis:
//! - OneHot (9+): indices, depth (needed at build time), values [off, on]; axis (-1).
//!   Negative indices count from depth.
//! - Hardmax (13+): 1 at the first maximum along `axis` (-1), 0 elsewhere.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, Data, Op, Tensor, ValueId};

/// Positions `0..len` laid along `axis` of a tensor of rank `rank` (size 1 elsewhere).
fn positions(ctx: &mut Ctx, len: usize, axis: usize, rank: usize) -> Result<ValueId, NodeError> {
    ctx.allow(&[len], "a position vector")?;
    let mut shape = vec![1; rank];
    shape[axis] = len;
    Ok(ctx.constant(Tensor::new(shape, Data::I64((0..len as i64).collect())).ok_or("bad shape")?))
}

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (indices, values) = (n.input(0)?, n.input(2)?);
    let depth = ctx.value_of(n.input(1)?, "depth")?.data.to_f64_vec().first().copied().ok_or("depth is empty")?;
    if depth < 1.0 || depth > (1u64 << 31) as f64 {
        return Err(NodeError::Invalid(format!("depth {depth}")));
    }
    let depth = depth as usize;
    let mut shape = ctx.dims(indices)?;
    let a = axis(n.attrs.int_or("axis", -1), shape.len() + 1)?;
    let part = |p: &str| format!("{}/{p}", n.name);
    let idx = ctx.cast(&part("indices_i64"), indices, DType::I64)?;
    // Negative indices count from the end.
    let zero = ctx.scalar(DType::I64, 0.0);
    let d = ctx.scalar(DType::I64, depth as f64);
    let negative = ctx.binary(&part("negative"), BinaryOp::Less, idx, zero)?;
    let wrapped = ctx.binary(&part("wrapped"), BinaryOp::Add, idx, d)?;
    let idx = ctx.node(&part("index"), Op::Where, vec![negative, wrapped, idx])?;
    shape.insert(a, 1);
    let idx = ctx.node(&part("index_axis"), Op::Reshape { shape: crate::ir::fixed_dims(shape.clone()) }, vec![idx])?;
    let pos = positions(ctx, depth, a, shape.len())?;
    let hot = ctx.binary(&part("hot"), BinaryOp::Equal, idx, pos)?;
    let off = ctx.slice_axis(&part("off"), values, 0, 0, 1, 1)?;
    let on = ctx.slice_axis(&part("on"), values, 0, 1, 1, 1)?;
    Ok(vec![ctx.node(n.name, Op::Where, vec![hot, on, off])?])
}

pub fn import_hardmax(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let dims = ctx.dims(x)?;
    let a = axis(n.attrs.int_or("axis", -1), dims.len())?;
    let part = |p: &str| format!("{}/{p}", n.name);
    let arg =
        ctx.node(&part("argmax"), Op::ArgReduce { max: true, axis: a, keepdims: true, select_last: false }, vec![x])?;
    let pos = positions(ctx, dims[a], a, dims.len())?;
    let hot = ctx.binary(&part("hot"), BinaryOp::Equal, arg, pos)?;
    Ok(vec![ctx.cast(n.name, hot, ctx.dtype(x))?])
}
