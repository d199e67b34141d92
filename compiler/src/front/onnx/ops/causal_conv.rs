//! CausalConvWithState (27+): a depthwise 1-d convolution over `[past_state | input]` (zeros
//! without a past state), with an optional SiLU, returning the output and the last `k - 1`
//! columns as the next state. Follows `onnx/reference/ops/op_causal_conv_with_state.py`.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, MathFn, Op, PadMode, UnaryOp, ValueId, Window};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let part = |p: &str| format!("{}/{p}", n.name);
    let (x, w) = (n.input(0)?, n.input(1)?);
    let (xd, wd) = (ctx.dims(x)?, ctx.dims(w)?);
    let ([_, c, len], [_, _, k]) = (&xd[..], &wd[..]) else {
        return Err(NodeError::Invalid(format!("input {xd:?} and weight {wd:?} must be rank 3")));
    };
    let (c, len, k) = (*c, *len, *k);
    if k == 0 {
        return Err(NodeError::Invalid("kernel of length 0".into()));
    }
    let padded = match n.opt(3) {
        Some(past) => ctx.node(&part("padded"), Op::Concat { axis: 2 }, vec![past, x])?,
        None => ctx.node(
            &part("padded"),
            Op::Pad { pads: vec![0, 0, (k - 1) as i64, 0, 0, 0], mode: PadMode::Constant, value: 0.0 },
            vec![x],
        )?,
    };
    let window = Window { kernel: vec![k], strides: vec![1], dilations: vec![1], pads: vec![0, 0] };
    let mut inputs = vec![padded, w];
    inputs.extend(n.opt(2));
    let mut y = ctx.node(&part("conv"), Op::Conv { group: c, window }, inputs)?;
    match n.attrs.string("activation").as_deref().unwrap_or("none") {
        "none" => {}
        "silu" | "swish" => {
            let dtype = ctx.dtype(y);
            let wide = ctx.cast(&part("wide"), y, DType::F32)?;
            let s = ctx.unary(&part("sigmoid"), UnaryOp::Math(MathFn::Sigmoid), wide)?;
            let silu = ctx.binary(&part("silu"), BinaryOp::Mul, wide, s)?;
            y = ctx.cast(&part("out"), silu, dtype)?;
        }
        other => return Err(NodeError::Invalid(format!("activation \"{other}\""))),
    }
    let total = len + k - 1;
    let state = ctx.slice_axis(&part("state"), padded, 2, len, 1, total - len)?;
    let y = ctx.unary(n.name, UnaryOp::Identity, y)?;
    Ok(vec![y, state])
}
