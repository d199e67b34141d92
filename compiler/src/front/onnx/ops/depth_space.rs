//! DepthToSpace and SpaceToDepth (DCR and CRD modes) on NCHW, as Reshape, Transpose, Reshape.
//! <https://onnx.ai/onnx/operators/onnx__DepthToSpace.html>

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let d = ctx.dims(x)?;
    let [b, c, h, w] = d[..] else {
        return Err(NodeError::Invalid(format!("input has rank {} (expected 4)", d.len())));
    };
    let s = usize::try_from(n.attrs.int("blocksize").ok_or("attribute `blocksize` is required")?)
        .map_err(|_| "blocksize < 0")?;
    if s == 0 {
        return Err(NodeError::Invalid("blocksize is 0".into()));
    }
    let (mid, perm, out) = if n.op_type == "DepthToSpace" {
        if c % (s * s) != 0 {
            return Err(NodeError::Invalid(format!("{c} channels are not a multiple of blocksize^2")));
        }
        let c2 = c / (s * s);
        match n.attrs.string("mode").as_deref().unwrap_or("DCR") {
            "DCR" => (vec![b, s, s, c2, h, w], vec![0, 3, 4, 1, 5, 2], vec![b, c2, h * s, w * s]),
            "CRD" => (vec![b, c2, s, s, h, w], vec![0, 1, 4, 2, 5, 3], vec![b, c2, h * s, w * s]),
            other => return Err(NodeError::Invalid(format!("mode \"{other}\""))),
        }
    } else {
        if h % s != 0 || w % s != 0 {
            return Err(NodeError::Invalid(format!("{h}x{w} is not a multiple of the blocksize {s}")));
        }
        let perm = match n.attrs.string("mode").as_deref().unwrap_or("DCR") {
            "DCR" => vec![0, 3, 5, 1, 2, 4],
            "CRD" => vec![0, 1, 3, 5, 2, 4],
            other => return Err(NodeError::Invalid(format!("mode \"{other}\""))),
        };
        (vec![b, c, h / s, s, w / s, s], perm, vec![b, c * s * s, h / s, w / s])
    };
    let y = ctx.node(&ctx.sub(n.name, "split"), Op::Reshape { shape: crate::ir::fixed_dims(mid) }, vec![x])?;
    let y = ctx.node(&ctx.sub(n.name, "move"), Op::Transpose { perm }, vec![y])?;
    Ok(vec![ctx.node(n.name, Op::Reshape { shape: crate::ir::fixed_dims(out) }, vec![y])?])
}
