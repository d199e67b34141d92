//! RotaryEmbedding (23+): <https://onnx.ai/onnx/operators/onnx__RotaryEmbedding.html>
//! Input `[B, H, S, D]` or `[B, S, H*D]` (num_heads); cos/sin caches gathered by position_ids
//! (or already `[B, S, rd/2]`); rotary_embedding_dim (default D) rotated, the rest passed
//! through; halves or interleaved pairs. Expanded into slices, products and concats, following
//! the ONNX reference.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, Op, ValueId};

/// `x[..., start::step]` with `len` elements on the last axis.
fn last_axis(
    ctx: &mut Ctx,
    name: &str,
    x: ValueId,
    start: usize,
    step: usize,
    len: usize,
) -> Result<ValueId, NodeError> {
    let last = ctx.rank(x).saturating_sub(1);
    ctx.slice_axis(name, x, last, start, step, len)
}

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let part = |p: &str| format!("{}/{p}", n.name);
    let (x, cos, sin) = (n.input(0)?, n.input(1)?, n.input(2)?);
    let xd = ctx.dims(x)?;
    let (b, s, h, d, four_d) = match xd[..] {
        [b, h, s, d] => (b, s, h, d, true),
        [b, s, hidden] => {
            let h = usize::try_from(n.attrs.int_or("num_heads", 0)).unwrap_or(0);
            if h == 0 || hidden % h != 0 {
                return Err(NodeError::Invalid(format!("3-D input needs num_heads dividing {hidden}")));
            }
            (b, s, h, hidden / h, false)
        }
        _ => return Err(NodeError::Invalid(format!("input has rank {} (expected 3 or 4)", xd.len()))),
    };
    let bshd = if four_d {
        ctx.node(&part("bshd"), Op::Transpose { perm: vec![0, 2, 1, 3] }, vec![x])?
    } else {
        ctx.node(&part("bshd"), Op::Reshape { shape: crate::ir::fixed_dims(vec![b, s, h, d]) }, vec![x])?
    };
    let rd = match n.attrs.int_or("rotary_embedding_dim", 0) {
        0 => d,
        v => usize::try_from(v).map_err(|_| NodeError::Invalid(format!("rotary_embedding_dim {v}")))?,
    };
    if rd > d || rd % 2 != 0 {
        return Err(NodeError::Invalid(format!("rotary_embedding_dim {rd} for head size {d}")));
    }
    let half = rd / 2;
    let (mut cos, mut sin) = (cos, sin);
    if let Some(pos) = n.opt(3) {
        let pos = ctx.cast(&part("positions"), pos, crate::ir::DType::I64)?;
        cos = ctx.node(&part("cos_at"), Op::Gather { axis: 0 }, vec![cos, pos])?;
        sin = ctx.node(&part("sin_at"), Op::Gather { axis: 0 }, vec![sin, pos])?;
    }
    cos = ctx.node(&part("cos_b"), Op::Reshape { shape: crate::ir::fixed_dims(vec![b, s, 1, half]) }, vec![cos])?;
    sin = ctx.node(&part("sin_b"), Op::Reshape { shape: crate::ir::fixed_dims(vec![b, s, 1, half]) }, vec![sin])?;
    let rotate = last_axis(ctx, &part("rotate"), bshd, 0, 1, rd)?;
    let interleaved = n.attrs.int_or("interleaved", 0) != 0;
    let (x1, x2) = if interleaved {
        (last_axis(ctx, &part("x1"), rotate, 0, 2, half)?, last_axis(ctx, &part("x2"), rotate, 1, 2, half)?)
    } else {
        (last_axis(ctx, &part("x1"), rotate, 0, 1, half)?, last_axis(ctx, &part("x2"), rotate, half, 1, half)?)
    };
    let (c1, s2) = (ctx.binary(&part("c1"), BinaryOp::Mul, cos, x1)?, ctx.binary(&part("s2"), BinaryOp::Mul, sin, x2)?);
    let real = ctx.binary(&part("real"), BinaryOp::Sub, c1, s2)?;
    let (s1, c2) = (ctx.binary(&part("s1"), BinaryOp::Mul, sin, x1)?, ctx.binary(&part("c2"), BinaryOp::Mul, cos, x2)?);
    let imag = ctx.binary(&part("imag"), BinaryOp::Add, s1, c2)?;
    let mut y = if interleaved {
        let real = ctx.node(
            &part("real_pair"),
            Op::Reshape { shape: crate::ir::fixed_dims(vec![b, s, h, half, 1]) },
            vec![real],
        )?;
        let imag = ctx.node(
            &part("imag_pair"),
            Op::Reshape { shape: crate::ir::fixed_dims(vec![b, s, h, half, 1]) },
            vec![imag],
        )?;
        let pairs = ctx.node(&part("pairs"), Op::Concat { axis: 4 }, vec![real, imag])?;
        ctx.node(&part("rotated"), Op::Reshape { shape: crate::ir::fixed_dims(vec![b, s, h, rd]) }, vec![pairs])?
    } else {
        ctx.node(&part("rotated"), Op::Concat { axis: 3 }, vec![real, imag])?
    };
    if rd < d {
        let pass = last_axis(ctx, &part("pass"), bshd, rd, 1, d - rd)?;
        y = ctx.node(&part("joined"), Op::Concat { axis: 3 }, vec![y, pass])?;
    }
    let y = if four_d {
        ctx.node(n.name, Op::Transpose { perm: vec![0, 2, 1, 3] }, vec![y])?
    } else {
        ctx.node(n.name, Op::Reshape { shape: crate::ir::fixed_dims(xd) }, vec![y])?
    };
    Ok(vec![y])
}
