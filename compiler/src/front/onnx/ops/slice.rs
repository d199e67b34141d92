//! Slice (opsets 1, 10, 11, 13): https://onnx.ai/onnx/operators/onnx__Slice.html
//! starts/ends/axes/steps from attributes (opset < 10) or constant inputs; clamped per the spec.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let dims = ctx.dims(x)?;
    let r = dims.len();
    let read = |i: usize, attr: &str| -> Result<Option<Vec<i64>>, NodeError> {
        if n.opset < 10 {
            return Ok(n.attrs.ints(attr));
        }
        n.opt(i).map(|v| ctx.const_i64s(v, attr)).transpose()
    };
    let starts = read(1, "starts")?.ok_or("starts are required")?;
    let ends = read(2, "ends")?.ok_or("ends are required")?;
    let axes = read(3, "axes")?.unwrap_or_else(|| (0..starts.len() as i64).collect());
    let steps = read(4, "steps")?.unwrap_or_else(|| vec![1; starts.len()]);
    if ends.len() != starts.len() || axes.len() != starts.len() || steps.len() != starts.len() {
        return Err(NodeError::Invalid("starts, ends, axes and steps differ in length".into()));
    }
    let (mut st, mut sp, mut out) = (vec![0i64; r], vec![1i64; r], dims.clone());
    for k in 0..starts.len() {
        let a = axis(axes[k], r)?;
        let d = dims[a] as i64;
        let step = steps[k];
        if step == 0 {
            return Err(NodeError::Invalid("step is zero".into()));
        }
        let norm = |v: i64| if v < 0 { v.saturating_add(d) } else { v };
        let (s, e) = (norm(starts[k]), norm(ends[k]));
        let (s, e) = if step > 0 { (s.clamp(0, d), e.clamp(0, d)) } else { (s.clamp(0, d - 1), e.clamp(-1, d - 1)) };
        let len = if step > 0 { ((e - s).max(0) + step - 1) / step } else { ((s - e).max(0) - step - 1) / -step };
        st[a] = s.max(0);
        sp[a] = step;
        out[a] = len as usize;
    }
    Ok(vec![ctx.node(n.name, Op::Slice { starts: st, steps: sp, dims: out }, vec![x])?])
}
