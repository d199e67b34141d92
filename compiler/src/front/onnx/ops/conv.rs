//! Conv (opsets 1, 11): <https://onnx.ai/onnx/operators/onnx__Conv.html>
//! group, dilations, strides, pads and auto_pad; kernel_shape must agree with the weights.
//! DeformConv (opsets 19, 22): <https://onnx.ai/onnx/operators/onnx__DeformConv.html>
//! 2-D; group, offset_group, dilations, strides, pads; a missing bias is zeros.

use super::{window, Ctx, NodeError, NodeIn};
use crate::ir::{DType, Data, Op, Tensor, ValueId, Window};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (x, w) = (n.input(0)?, n.input(1)?);
    Ok(vec![build(ctx, n, n.name, x, w, n.opt(2))?])
}

pub fn import_deform(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (x, w, offset) = (n.input(0)?, n.input(1)?, n.input(2)?);
    if !matches!(ctx.dtype(x), DType::F32 | DType::F64 | DType::F16 | DType::BF16) {
        return Err(NodeError::Unsupported(format!("DeformConv of {}", ctx.dtype(x))));
    }
    if ctx.ty(x).rank() != 4 {
        return Err(NodeError::Unsupported(format!("DeformConv of {}: only the 2-D case is supported", ctx.ty(x))));
    }
    let window = window_of(ctx, n, x, w)?;
    let positive = |name: &str| {
        usize::try_from(n.attrs.int_or(name, 1))
            .ok()
            .filter(|&v| v > 0)
            .ok_or_else(|| format!("{name} must be positive"))
    };
    let (group, offset_group) = (positive("group")?, positive("offset_group")?);
    let bias = match n.opt(3) {
        Some(b) => b,
        None => {
            let m = ctx.dims(w)?.first().copied().unwrap_or(0);
            let zeros = Tensor::new(vec![m], Data::zeros(ctx.dtype(x), m)).ok_or("no zero bias of this type")?;
            ctx.constant(zeros)
        }
    };
    let mut inputs = vec![x, w, offset, bias];
    inputs.extend(n.opt(4));
    let mask = inputs.len() == 5;
    Ok(vec![ctx.node(n.name, Op::DeformConv { group, offset_group, window, mask }, inputs)?])
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
    // The batch and spatial sizes may be symbolic; the weights are fixed.
    let (xd, wd) = (ctx.shape(x), ctx.dims(w)?);
    if xd.len() < 3 || wd.len() != xd.len() {
        return Err(NodeError::Invalid(format!("input {} and weights {wd:?} must have the same rank >= 3", ctx.ty(x))));
    }
    let kernel = wd[2..].to_vec();
    if let Some(k) = n.attrs.usizes("kernel_shape")? {
        if k != kernel {
            return Err(NodeError::Invalid(format!("kernel_shape {k:?} disagrees with weights {wd:?}")));
        }
    }
    window::read(n, &xd[2..], kernel)
}
