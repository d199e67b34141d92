//! Transpose (opsets 1-24): <https://onnx.ai/onnx/operators/onnx__Transpose.html>
//! The default perm reverses the axes.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let r = ctx.rank(x);
    let perm = match n.attrs.ints("perm") {
        Some(p) => {
            p.iter().map(|&a| usize::try_from(a).map_err(|_| format!("perm entry {a}"))).collect::<Result<_, _>>()?
        }
        None => (0..r).rev().collect(),
    };
    Ok(vec![ctx.node(n.name, Op::Transpose { perm }, vec![x])?])
}
