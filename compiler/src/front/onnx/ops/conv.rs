//! Conv (opsets 1, 11): https://onnx.ai/onnx/operators/onnx__Conv.html
//! group, dilations, strides, pads and auto_pad; kernel_shape must agree with the weights.

use super::{window, Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (x, w) = (n.input(0)?, n.input(1)?);
    let (xd, wd) = (ctx.dims(x)?, ctx.dims(w)?);
    if xd.len() < 3 || wd.len() != xd.len() {
        return Err(NodeError::Invalid(format!("input {xd:?} and weights {wd:?} must have the same rank >= 3")));
    }
    if !ctx.dtype(x).is_float() || ctx.dtype(x) != ctx.dtype(w) {
        return Err(NodeError::Unsupported(format!("Conv of {} with {} weights", ctx.dtype(x), ctx.dtype(w))));
    }
    let kernel = wd[2..].to_vec();
    if let Some(k) = n.attrs.usizes("kernel_shape")? {
        if k != kernel {
            return Err(NodeError::Invalid(format!("kernel_shape {k:?} disagrees with weights {wd:?}")));
        }
    }
    let window = window::read(n, &xd[2..], kernel)?;
    let group = usize::try_from(n.attrs.int_or("group", 1)).map_err(|_| "group must be positive")?;
    let mut inputs = vec![x, w];
    inputs.extend(n.opt(2));
    Ok(vec![ctx.node(n.name, Op::Conv { group, window }, inputs)?])
}
