//! Split (opsets 1-18): <https://onnx.ai/onnx/operators/onnx__Split.html>
//! Sizes from the `split` attribute (< 13) or input (13+, needed at build time), else equal
//! parts (the last one smaller when `num_outputs`, 18+, does not divide the axis). Each output
//! is a Slice. Axes other than the split one may be symbolic.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::ValueId;

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    // The split axis must be static; the others may be symbolic.
    let shape = ctx.shape(x);
    let a = axis(n.attrs.int_or("axis", 0), shape.len())?;
    let len = shape[a].as_int().and_then(|l| usize::try_from(l).ok()).ok_or_else(|| {
        NodeError::Unsupported(format!("splitting symbolic axis {a} of {} (fix the dims with --dim)", ctx.ty(x)))
    })?;
    let given =
        if n.opset < 13 { n.attrs.ints("split") } else { n.opt(1).map(|v| ctx.const_i64s(v, "split")).transpose()? };
    let sizes: Vec<usize> = match given {
        Some(s) => s
            .iter()
            .map(|&v| usize::try_from(v).map_err(|_| NodeError::Invalid(format!("split size {v} < 0"))))
            .collect::<Result<_, _>>()?,
        None => {
            let parts = n.attrs.int("num_outputs").map(|v| v as usize).unwrap_or(n.n_outputs).max(1);
            let each = len.div_ceil(parts);
            (0..parts).map(|i| each.min(len.saturating_sub(i * each))).collect()
        }
    };
    if sizes.iter().sum::<usize>() != len {
        return Err(NodeError::Invalid(format!("split sizes {sizes:?} do not add up to {len}")));
    }
    let mut outs = Vec::new();
    let mut start = 0;
    for (i, &size) in sizes.iter().enumerate() {
        let name = if sizes.len() == 1 { n.name.to_string() } else { ctx.sub(n.name, &i.to_string()) };
        outs.push(ctx.slice_axis(&name, x, a, start, 1, size)?);
        start += size;
    }
    Ok(outs)
}
