//! Pad (opsets 2-25): <https://onnx.ai/onnx/operators/onnx__Pad.html>
//! Modes constant, reflect, edge, wrap. Before opset 11 `pads`/`value` are attributes; from 11
//! `pads`, `constant_value` and (18+) `axes` are inputs, needed at build time.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{Op, PadMode, ValueId};

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
        .collect::<Result<_, _>>()?;
    Ok(vec![ctx.node(n.name, Op::Tile { repeats }, vec![x])?])
}
