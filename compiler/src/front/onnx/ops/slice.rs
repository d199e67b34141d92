//! Slice (opsets 1, 10, 11, 13): <https://onnx.ai/onnx/operators/onnx__Slice.html>
//! starts/ends/axes/steps from attributes (opset < 10) or constant inputs; clamped per the spec.
//! On a symbolic axis, or with a symbolic end (`table[:seq]`), only forward slices from a fixed
//! start are expressible; their length is an exact expression. A symbolic start (a KV cache's
//! causal rows, `bias[past : past + seq]`) becomes a Gather of `start + iota(len)`, the start
//! read at run time from the starts input.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, Dim, Op, ValueId};

/// Ends at or beyond this are "to the end" (exporters write i64::MAX or INT_MAX).
const TO_END: i64 = i32::MAX as i64;

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let dims = ctx.shape(x);
    let r = dims.len();
    let read = |i: usize, attr: &str| -> Result<Option<Vec<Dim>>, NodeError> {
        if n.opset < 10 {
            return Ok(n.attrs.ints(attr).map(|v| v.into_iter().map(Dim::int).collect()));
        }
        n.opt(i).map(|v| ctx.dim_values(v, attr)).transpose()
    };
    let fixed = |v: Vec<Dim>, what: &str| -> Result<Vec<i64>, NodeError> {
        v.iter().map(|d| d.as_int().ok_or_else(|| NodeError::Unsupported(format!("symbolic {what} {d}")))).collect()
    };
    let starts = read(1, "starts")?.ok_or("starts are required")?;
    let ends = read(2, "ends")?.ok_or("ends are required")?;
    let axes =
        read(3, "axes")?.map(|a| fixed(a, "axes")).transpose()?.unwrap_or_else(|| (0..starts.len() as i64).collect());
    let steps = read(4, "steps")?.map(|s| fixed(s, "steps")).transpose()?.unwrap_or_else(|| vec![1; starts.len()]);
    if ends.len() != starts.len() || axes.len() != starts.len() || steps.len() != starts.len() {
        return Err(NodeError::Invalid("starts, ends, axes and steps differ in length".into()));
    }
    let (mut st, mut sp, mut out) = (vec![0i64; r], vec![1i64; r], dims.clone());
    // Axes with a symbolic start: (axis, position in starts, length), gathered after the slice.
    let mut gathered = Vec::new();
    for k in 0..starts.len() {
        let a = axis(axes[k], r)?;
        let step = steps[k];
        if step == 0 {
            return Err(NodeError::Invalid("step is zero".into()));
        }
        // `axis` accepts 0 for a scalar; a scalar has nothing to slice.
        let dim = dims.get(a).ok_or_else(|| NodeError::Invalid("Slice of a scalar".into()))?;
        match (dim.as_int(), starts[k].as_int(), ends[k].as_int()) {
            (Some(d), Some(s), Some(e)) => {
                let norm = |v: i64| if v < 0 { v.saturating_add(d) } else { v };
                let (s, e) = (norm(s), norm(e));
                let (s, e) =
                    if step > 0 { (s.clamp(0, d), e.clamp(0, d)) } else { (s.clamp(0, d - 1), e.clamp(-1, d - 1)) };
                let len =
                    if step > 0 { ((e - s).max(0) + step - 1) / step } else { ((s - e).max(0) - step - 1) / -step };
                st[a] = s.max(0);
                sp[a] = step;
                out[a] = Dim::int(len);
            }
            (_, Some(s), _) if step == 1 && s >= 0 => {
                // A symbolic axis or end: the end is the axis' end or an expression within it.
                let end = match ends[k].as_int() {
                    Some(e) if e >= TO_END => dims[a].clone(),
                    Some(e) if e < 0 => &dims[a] - &Dim::int(-e),
                    _ => ends[k].clone(),
                };
                let len = &end - &Dim::int(s);
                if !len.is_monotone() || len.at_ones() < 0 {
                    return Err(NodeError::Unsupported(format!(
                        "slice {s}..{end} of a symbolic axis of size {}",
                        dims[a]
                    )));
                }
                st[a] = s;
                out[a] = len;
            }
            _ if step == 1 && n.opset >= 10 && starts[k].as_int().is_none() => {
                let end = match ends[k].as_int() {
                    Some(e) if e >= TO_END => dims[a].clone(),
                    _ => ends[k].clone(),
                };
                let len = &end - &starts[k];
                if len.at_ones() < 0 {
                    return Err(NodeError::Unsupported(format!("slice {}..{end} of axis {a}", starts[k])));
                }
                gathered.push((a, k, len));
            }
            _ => {
                return Err(NodeError::Unsupported(format!(
                    "slice of symbolic axis {a} ({}) with start {} and step {step}",
                    dims[a], starts[k]
                )))
            }
        }
    }
    if gathered.is_empty() {
        return Ok(vec![ctx.node(n.name, Op::Slice { starts: st, steps: sp, dims: out }, vec![x])?]);
    }
    let mut y = ctx.node(&ctx.sub(n.name, "static"), Op::Slice { starts: st, steps: sp, dims: out }, vec![x])?;
    let starts_input = n.input(1)?;
    let last = gathered.len() - 1;
    for (i, (a, k, len)) in gathered.into_iter().enumerate() {
        let part = |p: &str| format!("{}/axis{a}_{p}", n.name);
        let start = ctx.slice_axis(&part("start"), starts_input, 0, k, 1, 1)?;
        let start = ctx.cast(&part("start_i64"), start, DType::I64)?;
        let iota = super::range::iota(ctx, &part(""), DType::I64, len)?;
        let rows = ctx.binary(&part("rows"), BinaryOp::Add, iota, start)?;
        let name = if i == last { n.name.to_string() } else { part("gather") };
        y = ctx.node(&name, Op::Gather { axis: a }, vec![y, rows])?;
    }
    Ok(vec![y])
}
