//! Conv (opsets 1, 11): https://onnx.ai/onnx/operators/onnx__Conv.html
//! group, dilations, strides, pads and auto_pad; kernel_shape must agree with the weights.

use super::{window, Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId, Window};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (x, w) = (n.input(0)?, n.input(1)?);
    Ok(vec![build(ctx, n, n.name, x, w, n.opt(2))?])
}

/// A Conv with `n`'s attributes over `x` and `w` (also used by the quantised convolutions).
pub fn build(
    ctx: &mut Ctx,
    n: &NodeIn,
    name: &str,
    x: ValueId,
    w: ValueId,
    bias: Option<ValueId>,
) -> Result<ValueId, NodeError> {
    if !ctx.dtype(x).is_float() || ctx.dtype(x) != ctx.dtype(w) {
        return Err(NodeError::Unsupported(format!("Conv of {} with {} weights", ctx.dtype(x), ctx.dtype(w))));
    }
    let window = window_of(ctx, n, x, w)?;
    let group = usize::try_from(n.attrs.int_or("group", 1)).map_err(|_| "group must be positive")?;
    let mut inputs = vec![x, w];
    inputs.extend(bias);
    ctx.node(name, Op::Conv { group, window }, inputs)
}

/// The sliding window of a Conv node with input `x` and weights `w`.
pub fn window_of(ctx: &Ctx, n: &NodeIn, x: ValueId, w: ValueId) -> Result<Window, NodeError> {
    // The batch may be symbolic; channels and spatial sizes must be fixed.
    let (xd, wd) = (ctx.dims_from(x, 1)?, ctx.dims(w)?);
    if xd.len() < 2 || wd.len() != xd.len() + 1 {
        return Err(NodeError::Invalid(format!("input {} and weights {wd:?} must have the same rank >= 3", ctx.ty(x))));
    }
    let kernel = wd[2..].to_vec();
    if let Some(k) = n.attrs.usizes("kernel_shape")? {
        if k != kernel {
            return Err(NodeError::Invalid(format!("kernel_shape {k:?} disagrees with weights {wd:?}")));
        }
    }
    window::read(n, &xd[1..], kernel)
}
