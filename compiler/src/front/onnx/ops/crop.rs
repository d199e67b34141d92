//! CenterCropPad (18+): <https://onnx.ai/onnx/operators/onnx__CenterCropPad.html>
//! Each listed axis is cropped or zero-padded to the target size around its centre (the
//! smaller half first), as a Slice then a Pad. The target shape is needed at build time.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{Op, PadMode, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let dims = ctx.dims(x)?;
    let r = dims.len();
    let target = ctx.const_i64s(n.input(1)?, "shape")?;
    let axes: Vec<usize> = match n.attrs.ints("axes") {
        Some(a) => a.iter().map(|&a| axis(a, r)).collect::<Result<_, _>>()?,
        None => (0..r).collect(),
    };
    if target.len() != axes.len() {
        return Err(NodeError::Invalid(format!("{} sizes for {} axes", target.len(), axes.len())));
    }
    let (mut starts, mut cropped) = (vec![0i64; r], dims.clone());
    let mut pads = vec![0i64; 2 * r];
    for (&a, &t) in axes.iter().zip(&target) {
        let t = usize::try_from(t).map_err(|_| NodeError::Invalid(format!("size {t}")))?;
        let d = dims[a];
        if t < d {
            starts[a] = ((d - t) / 2) as i64;
            cropped[a] = t;
        } else if t > d {
            pads[a] = ((t - d) / 2) as i64;
            pads[r + a] = (t - d - (t - d) / 2) as i64;
        }
    }
    let y = ctx.node(
        &ctx.sub(n.name, "crop"),
        Op::Slice { starts, steps: vec![1; r], dims: crate::ir::fixed_dims(cropped) },
        vec![x],
    )?;
    Ok(vec![ctx.node(n.name, Op::Pad { pads, mode: PadMode::Constant, value: 0.0 }, vec![y])?])
}
