//! Masks of the last two axes, as constants applied with Where:
//! - Trilu (14+): keeps the upper (`upper=1`, default) or lower triangle from diagonal `k`.
//! - EyeLike (9+): ones on diagonal `k`, of `dtype` (default: the input's).

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{DType, Data, Op, Tensor, ValueId};

/// A bool `[rows, cols]` constant, true where `keep(i, j)` (also attention's static masks).
pub fn mask(ctx: &mut Ctx, rows: usize, cols: usize, keep: impl Fn(i64, i64) -> bool) -> Result<ValueId, NodeError> {
    ctx.allow(&[rows, cols], "a mask")?;
    let m: Vec<bool> =
        (0..rows as i64).flat_map(|i| (0..cols as i64).map(move |j| (i, j))).map(|(i, j)| keep(i, j)).collect();
    Ok(ctx.constant(Tensor::new(vec![rows, cols], Data::Bool(m)).ok_or("bad mask shape")?))
}

fn last_two(ctx: &Ctx, x: ValueId) -> Result<(usize, usize), NodeError> {
    let d = ctx.dims(x)?;
    match d.len() {
        r if r >= 2 => Ok((d[r - 2], d[r - 1])),
        r => Err(NodeError::Invalid(format!("input has rank {r} (expected >= 2)"))),
    }
}

pub fn import_trilu(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let k = match n.opt(1) {
        Some(v) => ctx.const_i64s(v, "k")?.first().copied().unwrap_or(0),
        None => 0,
    };
    let upper = n.attrs.int_or("upper", 1) != 0;
    let (rows, cols) = last_two(ctx, x)?;
    let m = mask(ctx, rows, cols, |i, j| if upper { j - i >= k } else { j - i <= k })?;
    let zero = ctx.scalar(ctx.dtype(x), 0.0);
    Ok(vec![ctx.node(n.name, Op::Where, vec![m, x, zero])?])
}

pub fn import_eye_like(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let dtype = match n.attrs.int("dtype") {
        Some(code) => {
            DType::from_onnx_code(code as i32).ok_or_else(|| NodeError::Unsupported(format!("dtype {code}")))?
        }
        None => ctx.dtype(x),
    };
    let k = n.attrs.int_or("k", 0);
    let (rows, cols) = last_two(ctx, x)?;
    let m = mask(ctx, rows, cols, |i, j| j - i == k)?;
    let (one, zero) = (ctx.scalar(dtype, 1.0), ctx.scalar(dtype, 0.0));
    Ok(vec![ctx.node(n.name, Op::Where, vec![m, one, zero])?])
}
