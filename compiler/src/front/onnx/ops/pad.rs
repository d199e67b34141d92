//! Pad (opsets 2-25): <https://onnx.ai/onnx/operators/onnx__Pad.html>
//! Modes constant, reflect, edge, wrap. Before opset 11 `pads`/`value` are attributes; from 11
//! `pads`, `constant_value` and (18+) `axes` are inputs, needed at build time.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{Dim, Op, PadMode, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let r = ctx.rank(x);
    let mode = match n.attrs.string("mode").as_deref().unwrap_or("constant") {
        "constant" => PadMode::Constant,
        "reflect" => PadMode::Reflect,
        "edge" => PadMode::Edge,
        "wrap" => PadMode::Wrap,
        other => return Err(NodeError::Invalid(format!("mode \"{other}\""))),
    };
    let (given, value, axes) = if n.opset < 11 {
        (n.attrs.ints("pads").ok_or("attribute `pads` is required")?, n.attrs.float_or("value", 0.0) as f64, None)
    } else {
        let pads = ctx.const_i64s(n.input(1)?, "pads")?;
        let value = match n.opt(2) {
            Some(v) => ctx.value_of(v, "constant_value")?.data.to_f64_vec().first().copied().unwrap_or(0.0),
            None => 0.0,
        };
        let axes = n.opt(3).map(|v| ctx.const_i64s(v, "axes")).transpose()?;
        (pads, value, axes)
    };
    let axes: Vec<usize> = match axes {
        Some(a) => a.iter().map(|&a| axis(a, r)).collect::<Result<_, _>>()?,
        None => (0..r).collect(),
    };
    if given.len() != 2 * axes.len() {
        return Err(NodeError::Invalid(format!("{} pads for {} axes", given.len(), axes.len())));
    }
    let mut pads = vec![0i64; 2 * r];
    for (k, &a) in axes.iter().enumerate() {
        pads[a] = given[k];
        pads[r + a] = given[axes.len() + k];
    }
    Ok(vec![ctx.node(n.name, Op::Pad { pads, mode, value }, vec![x])?])
}

/// Tile (6+): repeats per axis, needed at build time.
pub fn import_tile(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let repeats = ctx.const_i64s(n.input(1)?, "repeats")?;
    let repeats = repeats
        .iter()
        .map(|&r| usize::try_from(r).map_err(|_| NodeError::Invalid(format!("repeat {r} < 0"))))
        .collect::<Result<Vec<usize>, _>>()?;
    if ctx.ty(x).static_dims().is_some() {
        return Ok(vec![ctx.node(n.name, Op::Tile { repeats }, vec![x])?]);
    }
    // Symbolic dims (a KV cache's past length): the same copies as a broadcast, which takes
    // them. [d0, d1, ..] -> [1, d0, 1, d1, ..] -> [r0, d0, r1, d1, ..] -> [r0 * d0, r1 * d1, ..].
    let shape = ctx.shape(x);
    if repeats.len() != shape.len() {
        return Err(NodeError::Invalid(format!("{} repeats for rank {}", repeats.len(), shape.len())));
    }
    let spread: Vec<Dim> = shape.iter().flat_map(|d| [Dim::fixed(1), d.clone()]).collect();
    let copies: Vec<Dim> = shape.iter().zip(&repeats).flat_map(|(d, &r)| [Dim::fixed(r), d.clone()]).collect();
    let tiled: Vec<Dim> = shape.iter().zip(&repeats).map(|(d, &r)| &Dim::fixed(r) * d).collect();
    let y = ctx.node(&ctx.sub(n.name, "spread"), Op::Reshape { shape: spread }, vec![x])?;
    let y = ctx.node(&ctx.sub(n.name, "copies"), Op::Expand { shape: copies }, vec![y])?;
    Ok(vec![ctx.node(n.name, Op::Reshape { shape: tiled }, vec![y])?])
}
