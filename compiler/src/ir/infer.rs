//! Output types of every core op, from its inputs' types. The one place that knows shapes.
//! Errors are plain sentences; the caller adds the node's name and op.

use super::op::{Op, PoolKind, UnaryOp};
use super::types::{broadcast_shapes, DType, Dim, TensorType};

type R = Result<Vec<TensorType>, String>;

/// The first dim (a batch, possibly symbolic) and the static rest, for ops whose kernels need
/// fixed channels and spatial sizes.
fn batch_and_rest(t: &TensorType) -> Result<(Dim, Vec<usize>), String> {
    let first = t.shape.first().cloned().ok_or("a scalar has no batch axis")?;
    let rest = super::types::static_of(&t.shape[1..]).ok_or_else(|| {
        format!("symbolic shape {t} is only supported in its first (batch) dim here; fix the dims with --dim")
    })?;
    Ok((first, rest))
}

/// Static dims, for ops that do not take symbolic shapes (yet).
fn dims(t: &TensorType) -> Result<Vec<usize>, String> {
    t.static_dims()
        .ok_or_else(|| format!("symbolic shape {t} is not supported by this op yet; fix the dims with --dim"))
}

fn arity(inputs: &[&TensorType], lo: usize, hi: usize) -> Result<(), String> {
    if inputs.len() < lo || inputs.len() > hi {
        return Err(format!("expects {lo}..={hi} inputs, got {}", inputs.len()));
    }
    Ok(())
}

/// Infers the output types of `op` applied to inputs of types `inputs`.
pub fn infer(op: &Op, inputs: &[&TensorType]) -> R {
    match op {
        Op::Unary(u) => {
            arity(inputs, 1, 1)?;
            let t = inputs[0];
            if u.float_only() && !t.dtype.is_float() {
                return Err(format!("{u:?} needs a float input, got {}", t.dtype));
            }
            if matches!(u, UnaryOp::Not) && t.dtype != DType::Bool {
                return Err(format!("Not needs a bool input, got {}", t.dtype));
            }
            if matches!(u, UnaryOp::BitNot) && !t.dtype.is_int() {
                return Err(format!("BitNot needs an integer input, got {}", t.dtype));
            }
            let dtype = if u.yields_bool() { DType::Bool } else { t.dtype };
            Ok(vec![TensorType::new(dtype, t.shape.clone())])
        }
        Op::Binary(b) => {
            arity(inputs, 2, 2)?;
            let (a, c) = (inputs[0], inputs[1]);
            if a.dtype != c.dtype {
                return Err(format!("input dtypes differ: {} and {}", a.dtype, c.dtype));
            }
            if b.takes_bool() != (a.dtype == DType::Bool) || (b.takes_int() && !a.dtype.is_int()) {
                return Err(format!("{b:?} does not take {}", a.dtype));
            }
            let shape =
                broadcast_shapes(&a.shape, &c.shape).ok_or_else(|| format!("shapes {a} and {c} do not broadcast"))?;
            Ok(vec![TensorType::new(if b.yields_bool() { DType::Bool } else { a.dtype }, shape)])
        }
        Op::Where => {
            arity(inputs, 3, 3)?;
            let (c, a, b) = (inputs[0], inputs[1], inputs[2]);
            if c.dtype != DType::Bool || a.dtype != b.dtype {
                return Err(format!("expects (bool, T, T), got ({}, {}, {})", c.dtype, a.dtype, b.dtype));
            }
            let s = broadcast_shapes(&a.shape, &b.shape).ok_or("value shapes do not broadcast")?;
            let s = broadcast_shapes(&c.shape, &s).ok_or("condition does not broadcast")?;
            Ok(vec![TensorType::new(a.dtype, s)])
        }
        Op::BitCast { to } => {
            arity(inputs, 1, 1)?;
            if inputs[0].dtype.size() != to.size() || *to == DType::Bool {
                return Err(format!("cannot bitcast {} to {to}", inputs[0].dtype));
            }
            Ok(vec![TensorType::new(*to, inputs[0].shape.clone())])
        }
        Op::Cast { to } => {
            arity(inputs, 1, 1)?;
            Ok(vec![TensorType::new(*to, inputs[0].shape.clone())])
        }
        Op::MatMul => {
            arity(inputs, 2, 2)?;
            if inputs[0].dtype != inputs[1].dtype {
                return Err("input dtypes differ".into());
            }
            Ok(vec![TensorType::new(inputs[0].dtype, matmul_shape(&inputs[0].shape, &inputs[1].shape)?)])
        }
        Op::Conv { group, window } => {
            arity(inputs, 2, 3)?;
            let (batch, rest) = batch_and_rest(inputs[0])?;
            let mut x = vec![1];
            x.extend(rest);
            let w = dims(inputs[1])?;
            let sr = window.kernel.len();
            if x.len() != sr + 2 || w.len() != sr + 2 {
                return Err(format!(
                    "input rank {} and weight rank {} do not match {sr} spatial axes",
                    x.len(),
                    w.len()
                ));
            }
            if *group == 0 || x[1] != w[1] * group || w[0] % group != 0 {
                return Err(format!("channels do not match: input {:?}, weights {:?}, group {group}", x, w));
            }
            if w[2..] != window.kernel[..] {
                return Err("kernel_shape disagrees with the weights".into());
            }
            if let Some(b) = inputs.get(2) {
                if dims(b)? != [w[0]] {
                    return Err(format!("bias shape {} should be [{}]", b, w[0]));
                }
            }
            let mut out = vec![batch, Dim::fixed(w[0])];
            for i in 0..sr {
                out.push(Dim::fixed(window_out(x[i + 2], window, i, false)?));
            }
            Ok(vec![TensorType::new(inputs[0].dtype, out)])
        }
        Op::Pool { kind, window, output } => {
            arity(inputs, 1, 1)?;
            let (batch, rest) = batch_and_rest(inputs[0])?;
            if rest.len() != window.kernel.len() + 1 || output.len() != window.kernel.len() {
                return Err("pooling rank mismatch".into());
            }
            if matches!(kind, PoolKind::Avg { .. }) && !inputs[0].dtype.is_float() {
                return Err("average pooling needs floats".into());
            }
            let mut out = vec![batch, Dim::fixed(rest[0])];
            out.extend(output.iter().map(|&d| Dim::fixed(d)));
            Ok(vec![TensorType::new(inputs[0].dtype, out)])
        }
        Op::MaxPoolIndices { window, output, .. } => {
            arity(inputs, 1, 1)?;
            let x = dims(inputs[0])?;
            if x.len() != window.kernel.len() + 2 || output.len() != window.kernel.len() {
                return Err("pooling rank mismatch".into());
            }
            let mut out = x[..2].to_vec();
            out.extend(output);
            Ok(vec![TensorType::fixed(DType::I64, &out)])
        }
        Op::Lrn { .. } => {
            arity(inputs, 1, 1)?;
            if inputs[0].rank() < 2 || !inputs[0].dtype.is_float() {
                return Err("LRN needs a float tensor of rank >= 2".into());
            }
            Ok(vec![inputs[0].clone()])
        }
        Op::Softmax { axis, .. } => {
            arity(inputs, 1, 1)?;
            if *axis >= inputs[0].rank() || !inputs[0].dtype.is_float() {
                return Err("softmax needs a float tensor and an axis within its rank".into());
            }
            Ok(vec![inputs[0].clone()])
        }
        Op::Reduce { axes, keepdims, .. } => {
            arity(inputs, 1, 1)?;
            let x = &inputs[0].shape;
            if axes.iter().any(|&a| a >= x.len()) {
                return Err(format!("reduce axes {axes:?} outside rank {}", x.len()));
            }
            Ok(vec![TensorType::new(inputs[0].dtype, reduced(x, axes, *keepdims))])
        }
        Op::ArgReduce { axis, keepdims, .. } => {
            arity(inputs, 1, 1)?;
            let x = &inputs[0].shape;
            if *axis >= x.len() {
                return Err("axis outside rank".into());
            }
            Ok(vec![TensorType::new(DType::I64, reduced(x, &[*axis], *keepdims))])
        }
        Op::Reshape { shape } => {
            arity(inputs, 1, 1)?;
            if inputs[0].numel_dim() != Dim::product(shape) || shape.iter().any(|d| !d.is_monotone() || d.at_ones() < 0)
            {
                return Err(format!(
                    "cannot reshape {} to {}",
                    inputs[0],
                    TensorType::new(inputs[0].dtype, shape.clone())
                ));
            }
            Ok(vec![TensorType::new(inputs[0].dtype, shape.clone())])
        }
        Op::Transpose { perm } => {
            arity(inputs, 1, 1)?;
            let x = &inputs[0].shape;
            let mut seen = vec![false; x.len()];
            if perm.len() != x.len() || perm.iter().any(|&p| p >= x.len() || std::mem::replace(&mut seen[p], true)) {
                return Err(format!("perm {perm:?} is not a permutation of rank {}", x.len()));
            }
            let out = perm.iter().map(|&p| x[p].clone()).collect();
            Ok(vec![TensorType::new(inputs[0].dtype, out)])
        }
        Op::Concat { axis } => {
            if inputs.is_empty() {
                return Err("needs at least one input".into());
            }
            let mut out = inputs[0].shape.clone();
            if *axis >= out.len() {
                return Err("axis outside rank".into());
            }
            for t in &inputs[1..] {
                let d = &t.shape;
                if t.dtype != inputs[0].dtype
                    || d.len() != out.len()
                    || (0..d.len()).any(|i| i != *axis && d[i] != out[i])
                {
                    return Err(format!("cannot concatenate {} with {} on axis {axis}", inputs[0], t));
                }
                out[*axis] = &out[*axis] + &d[*axis];
            }
            Ok(vec![TensorType::new(inputs[0].dtype, out)])
        }
        Op::Gather { axis } => {
            arity(inputs, 2, 2)?;
            let (d, i) = (&inputs[0].shape, &inputs[1].shape);
            if *axis >= d.len() || !matches!(inputs[1].dtype, DType::I64 | DType::I32) {
                return Err("gather needs an axis within rank and i32/i64 indices".into());
            }
            let mut out = d[..*axis].to_vec();
            out.extend(i.iter().cloned());
            out.extend(d[axis + 1..].iter().cloned());
            Ok(vec![TensorType::new(inputs[0].dtype, out)])
        }
        Op::ConvTranspose { group, output, .. } => {
            arity(inputs, 2, 3)?;
            let (x, w) = (dims(inputs[0])?, dims(inputs[1])?);
            if x.len() < 3
                || w.len() != x.len()
                || output.len() != x.len() - 2
                || w[0] != x[1]
                || *group == 0
                || x[1] % group != 0
            {
                return Err(format!("input {x:?} and weights {w:?} do not match (group {group})"));
            }
            if inputs.iter().any(|t| t.dtype != inputs[0].dtype) || !matches!(inputs[0].dtype, DType::F32 | DType::F64)
            {
                return Err("ConvTranspose needs f32 or f64 operands of one dtype".into());
            }
            let mut out = vec![x[0], w[1] * group];
            out.extend(output);
            Ok(vec![TensorType::fixed(inputs[0].dtype, &out)])
        }
        Op::GridSample { .. } => {
            arity(inputs, 2, 2)?;
            let (x, g) = (dims(inputs[0])?, dims(inputs[1])?);
            let d = x.len().saturating_sub(2);
            if d == 0
                || g.len() != d + 2
                || g[d + 1] != d
                || g[0] != x[0]
                || inputs[0].dtype != inputs[1].dtype
                || !matches!(inputs[0].dtype, DType::F32 | DType::F64)
            {
                return Err(format!("input {x:?} and grid {g:?} do not match"));
            }
            let mut out = vec![x[0], x[1]];
            out.extend(&g[1..=d]);
            Ok(vec![TensorType::fixed(inputs[0].dtype, &out)])
        }
        Op::RoiAlign { out_h, out_w, .. } => {
            arity(inputs, 3, 3)?;
            let (x, rois, b) = (dims(inputs[0])?, dims(inputs[1])?, dims(inputs[2])?);
            if x.len() != 4
                || rois.len() != 2
                || rois[1] != 4
                || b != [rois[0]]
                || inputs[2].dtype != DType::I64
                || inputs[1].dtype != inputs[0].dtype
                || !matches!(inputs[0].dtype, DType::F32 | DType::F64)
            {
                return Err(format!(
                    "RoiAlign needs NCHW floats, [R, 4] rois and [R] i64 batch indices, got {x:?}, {rois:?}, {b:?}"
                ));
            }
            Ok(vec![TensorType::fixed(inputs[0].dtype, &[rois[0], x[1], *out_h, *out_w])])
        }
        Op::Det => {
            arity(inputs, 1, 1)?;
            let x = dims(inputs[0])?;
            let r = x.len();
            if r < 2 || x[r - 1] != x[r - 2] || !matches!(inputs[0].dtype, DType::F32 | DType::F64) {
                return Err(format!("Det needs f32/f64 square matrices, got {x:?}"));
            }
            Ok(vec![TensorType::fixed(inputs[0].dtype, &x[..r - 2])])
        }
        Op::Cumulative { axis, .. } => {
            arity(inputs, 1, 1)?;
            if *axis >= inputs[0].rank() || matches!(inputs[0].dtype, DType::Bool) {
                return Err("cumulative ops need a numeric input and an axis within rank".into());
            }
            Ok(vec![inputs[0].clone()])
        }
        Op::TopK { axis, k, indices, .. } => {
            arity(inputs, 1, 1)?;
            let mut d = dims(inputs[0])?;
            if *axis >= d.len() || *k > d[*axis] {
                return Err(format!("k = {k} is more than the axis holds"));
            }
            d[*axis] = *k;
            Ok(vec![TensorType::fixed(if *indices { DType::I64 } else { inputs[0].dtype }, &d)])
        }
        Op::ScatterElements { axis, .. } => {
            arity(inputs, 3, 3)?;
            let (d, i, u) = (dims(inputs[0])?, dims(inputs[1])?, dims(inputs[2])?);
            if *axis >= d.len()
                || i.len() != d.len()
                || i != u
                || inputs[1].dtype != DType::I64
                || inputs[2].dtype != inputs[0].dtype
            {
                return Err("ScatterElements needs same-rank i64 indices and updates of their shape".into());
            }
            Ok(vec![inputs[0].clone()])
        }
        Op::ScatterNd { .. } => {
            arity(inputs, 3, 3)?;
            let (d, i, u) = (dims(inputs[0])?, dims(inputs[1])?, dims(inputs[2])?);
            let q = *i.last().ok_or("indices need rank >= 1")?;
            let mut want = i[..i.len() - 1].to_vec();
            want.extend(d.get(q..).ok_or("index tuples longer than the rank")?);
            if u != want || inputs[1].dtype != DType::I64 || inputs[2].dtype != inputs[0].dtype {
                return Err(format!("updates {u:?} should be {want:?}"));
            }
            Ok(vec![inputs[0].clone()])
        }
        Op::GatherNd { batch_dims } => {
            arity(inputs, 2, 2)?;
            let (d, i) = (dims(inputs[0])?, dims(inputs[1])?);
            let q = *i.last().ok_or("indices need rank >= 1")?;
            if inputs[1].dtype != DType::I64
                || *batch_dims >= i.len()
                || batch_dims + q > d.len()
                || d[..*batch_dims] != i[..*batch_dims]
            {
                return Err("GatherND needs i64 index tuples that fit the data".into());
            }
            let mut out = i[..i.len() - 1].to_vec();
            out.extend(&d[batch_dims + q..]);
            Ok(vec![TensorType::fixed(inputs[0].dtype, &out)])
        }
        Op::Resample { axis } => {
            arity(inputs, 3, 3)?;
            let (x, idx, c) = (dims(inputs[0])?, dims(inputs[1])?, dims(inputs[2])?);
            if *axis >= x.len()
                || idx.len() != 2
                || idx != c
                || inputs[1].dtype != DType::I64
                || inputs[2].dtype != inputs[0].dtype
                || !matches!(inputs[0].dtype, DType::F32 | DType::F64)
            {
                return Err("Resample needs f32/f64 data, [out, taps] i64 indices and same-type coefficients".into());
            }
            let mut out = x;
            out[*axis] = idx[0];
            Ok(vec![TensorType::fixed(inputs[0].dtype, &out)])
        }
        Op::GatherElements { axis } => {
            arity(inputs, 2, 2)?;
            let (d, i) = (dims(inputs[0])?, dims(inputs[1])?);
            if *axis >= d.len() || i.len() != d.len() || inputs[1].dtype != DType::I64 {
                return Err("GatherElements needs same-rank i64 indices and an axis within rank".into());
            }
            if (0..d.len()).any(|a| a != *axis && i[a] > d[a]) {
                return Err(format!("indices {:?} exceed data {:?}", i, d));
            }
            Ok(vec![TensorType::fixed(inputs[0].dtype, &i)])
        }
        Op::Slice { starts, steps, dims: out } => {
            arity(inputs, 1, 1)?;
            let r = inputs[0].rank();
            if starts.len() != r
                || steps.len() != r
                || out.len() != r
                || out.iter().any(|d| !d.is_monotone() || d.at_ones() < 0)
            {
                return Err("slice parameters do not match the rank".into());
            }
            Ok(vec![TensorType::new(inputs[0].dtype, out.clone())])
        }
        Op::Expand { shape } => {
            arity(inputs, 1, 1)?;
            let out = broadcast_shapes(&inputs[0].shape, shape).ok_or_else(|| {
                format!("cannot expand {} to {}", inputs[0], TensorType::new(inputs[0].dtype, shape.clone()))
            })?;
            Ok(vec![TensorType::new(inputs[0].dtype, out)])
        }
        Op::Tile { repeats } => {
            arity(inputs, 1, 1)?;
            let x = dims(inputs[0])?;
            if repeats.len() != x.len() {
                return Err("repeats must have one entry per axis".into());
            }
            let out: Vec<usize> = x.iter().zip(repeats).map(|(a, b)| a * b).collect();
            Ok(vec![TensorType::fixed(inputs[0].dtype, &out)])
        }
        Op::Pad { pads, .. } => {
            arity(inputs, 1, 1)?;
            let x = dims(inputs[0])?;
            if pads.len() != 2 * x.len() {
                return Err("pads must have 2 entries per axis".into());
            }
            let r = x.len();
            let out: Result<Vec<usize>, String> = (0..r)
                .map(|i| {
                    let n = x[i] as i64 + pads[i] + pads[i + r];
                    usize::try_from(n).map_err(|_| format!("pads {pads:?} crop axis {i} below zero"))
                })
                .collect();
            Ok(vec![TensorType::fixed(inputs[0].dtype, &out?)])
        }
        Op::Fused { head: Some(head), expr } => {
            let (head_in, rest) = inputs.split_at(head.inputs.min(inputs.len()));
            let head_out = infer(&head.op, head_in)?.into_iter().next().ok_or("the fused head has no output")?;
            let mut leaves = vec![&head_out];
            leaves.extend(rest);
            let out = infer(&Op::Fused { head: None, expr: expr.clone() }, &leaves)?;
            if out[0] != head_out {
                return Err(format!("a fused epilogue must keep its head's type {head_out}, got {}", out[0]));
            }
            Ok(out)
        }
        Op::LayerNorm { .. } => {
            arity(inputs, 3, 3)?;
            let x = inputs[0];
            let h = x.shape.last().ok_or("LayerNorm of a scalar")?;
            if !matches!(x.dtype, DType::F32 | DType::F64)
                || inputs[1..].iter().any(|t| t.dtype != x.dtype || t.shape != [h.clone()])
            {
                return Err(format!("LayerNorm needs f32/f64 x and [{h}] scale and bias of its type"));
            }
            Ok(vec![x.clone()])
        }
        Op::SqueezeExcite { act, gate, project } => {
            let n = if *project { 7 } else { 5 };
            arity(inputs, n, n)?;
            let (x, w1, b1, w2, b2) = (inputs[0], inputs[1], inputs[2], inputs[3], inputs[4]);
            let dims =
                |t: &TensorType| t.static_dims().ok_or_else(|| "SqueezeExcite needs static weight shapes".to_string());
            let (d1, d2, e1, e2) = (dims(w1)?, dims(w2)?, dims(b1)?, dims(b2)?);
            let (r, c) = (d1.first().copied().unwrap_or(0), x.shape.get(1).and_then(Dim::as_fixed).unwrap_or(0));
            let ones = |d: &[usize]| d.len() + 2 == x.rank() && d.iter().all(|&k| k == 1);
            let ok = matches!(x.dtype, DType::F32 | DType::F64)
                && x.rank() >= 3
                && inputs.iter().all(|t| t.dtype == x.dtype)
                && d1.get(1) == Some(&c)
                && ones(&d1[2..])
                && d2.get(..2) == Some(&[c, r][..])
                && ones(&d2[2..])
                && e1 == [r]
                && e2 == [c];
            if !ok {
                return Err(format!("SqueezeExcite needs f32/f64 x [N, C, ...] and weights [R, C, 1...], [R], [C, R, 1...], [C]; got {x}, {w1}, {b1}, {w2}, {b2}"));
            }
            for e in [act, gate] {
                infer(&Op::Fused { head: None, expr: e.clone() }, &[b1])?;
            }
            if !*project {
                return Ok(vec![x.clone()]);
            }
            let (wp, bp) = (dims(inputs[5])?, dims(inputs[6])?);
            let m = wp.first().copied().unwrap_or(0);
            if wp.get(1) != Some(&c) || !ones(&wp[2..]) || bp != [m] {
                return Err(format!(
                    "SqueezeExcite's projection needs weights [M, {c}, 1...] and bias [M]; got {}, {}",
                    inputs[5], inputs[6]
                ));
            }
            let mut shape = x.shape.clone();
            shape[1] = Dim::fixed(m);
            Ok(vec![TensorType::new(x.dtype, shape)])
        }
        Op::Recurrence { cell, .. } => {
            arity(inputs, 4, 4)?;
            let (xw, rt, h0, extra) = (inputs[0], inputs[1], inputs[2], inputs[3]);
            if !matches!(xw.dtype, DType::F32 | DType::F64) || inputs.iter().any(|t| t.dtype != xw.dtype) {
                return Err("a recurrence takes f32 or f64 operands of one type".into());
            }
            let ([seq, batch, gh], [hidden, gh2]) = (&xw.shape[..], &rt.shape[..]) else {
                return Err(format!(
                    "a recurrence needs [seq, batch, gates*hidden] and [hidden, gates*hidden], got {xw} and {rt}"
                ));
            };
            let state = [batch.clone(), hidden.clone()];
            let extra_ok = match cell {
                super::op::RecurrentCell::Lstm => extra.shape == state,
                super::op::RecurrentCell::Gru => extra.shape == [hidden.clone()],
            };
            if gh != gh2
                || gh.as_fixed() != hidden.as_fixed().map(|h| h * cell.gates())
                || h0.shape != state
                || !extra_ok
            {
                return Err(format!("recurrence operands {xw}, {rt}, {h0}, {extra} disagree"));
            }
            Ok(vec![TensorType::new(xw.dtype, vec![seq.clone(), batch.clone(), hidden.clone()])])
        }
        Op::Attention { heads, head_dim, offsets, .. } => {
            if inputs.len() < 3 {
                return Err("Attention needs q, k and v".into());
            }
            let (q, k, v) = (inputs[0], inputs[1], inputs[2]);
            if !matches!(q.dtype, DType::F32 | DType::F64) || inputs.iter().any(|t| t.dtype != q.dtype) {
                return Err("Attention takes f32 or f64 operands of one type".into());
            }
            if [q, k, v].iter().any(|t| t.shape.len() != 3) {
                return Err(format!("Attention needs [B, S, W] q, k and v, got {q}, {k}, {v}"));
            }
            let width = heads * head_dim;
            for (t, off) in [q, k, v].iter().zip(offsets) {
                if t.shape[2].as_fixed().is_none_or(|w| off + width > w) {
                    return Err(format!("Attention heads {off}..{} reach past the rows of {t}", off + width));
                }
            }
            if k.shape[0] != q.shape[0] || v.shape[0] != q.shape[0] || v.shape[1] != k.shape[1] {
                return Err(format!("Attention q {q}, k {k} and v {v} disagree on batch or key length"));
            }
            let scores = [q.shape[0].clone(), Dim::fixed(*heads), q.shape[1].clone(), k.shape[1].clone()];
            for t in &inputs[3..] {
                if t.shape.len() > 4 || broadcast_shapes(&t.shape, &scores).as_deref() != Some(&scores[..]) {
                    return Err(format!("Attention score input {t} does not broadcast to {scores:?}"));
                }
            }
            Ok(vec![TensorType::new(q.dtype, vec![q.shape[0].clone(), q.shape[1].clone(), Dim::fixed(width)])])
        }
        Op::Fused { head: None, .. } => {
            let first = inputs.first().ok_or("a fused op needs inputs")?;
            if !matches!(first.dtype, DType::F32 | DType::F64) || inputs.iter().any(|t| t.dtype != first.dtype) {
                return Err("a fused op takes f32 or f64 inputs of one type".into());
            }
            let mut shape = first.shape.clone();
            for t in &inputs[1..] {
                shape = broadcast_shapes(&shape, &t.shape)
                    .ok_or_else(|| format!("fused inputs {first} and {t} do not broadcast"))?;
            }
            Ok(vec![TensorType::new(first.dtype, shape)])
        }
        Op::Shape { start, end } => {
            arity(inputs, 1, 1)?;
            Ok(vec![TensorType::fixed(DType::I64, &[end.saturating_sub(*start)])])
        }
    }
}

/// The output extent of one spatial axis of a sliding window (floor or ceil mode).
pub fn window_out(input: usize, w: &super::op::Window, axis: usize, ceil: bool) -> Result<usize, String> {
    let sr = w.kernel.len();
    let padded = input + w.pads[axis] + w.pads[axis + sr];
    let span = (w.kernel[axis] - 1) * w.dilations[axis] + 1;
    if w.strides[axis] == 0 || span > padded {
        return Err(format!("window of {span} does not fit axis {axis} of padded size {padded}"));
    }
    let s = w.strides[axis];
    let n = if ceil { (padded - span).div_ceil(s) + 1 } else { (padded - span) / s + 1 };
    // In ceil mode the last window must start inside the input or the begin padding.
    if ceil && (n - 1) * s >= input + w.pads[axis] {
        return Ok(n - 1);
    }
    Ok(n)
}

/// Numpy matmul output shape.
pub fn matmul_shape(a: &[Dim], b: &[Dim]) -> Result<Vec<Dim>, String> {
    if a.is_empty() || b.is_empty() {
        return Err("matmul of a scalar".into());
    }
    let one = Dim::int(1);
    let a2: Vec<Dim> = if a.len() == 1 { vec![one.clone(), a[0].clone()] } else { a.to_vec() };
    let b2: Vec<Dim> = if b.len() == 1 { vec![b[0].clone(), one] } else { b.to_vec() };
    let (m, k) = (a2[a2.len() - 2].clone(), &a2[a2.len() - 1]);
    let (k2, n) = (&b2[b2.len() - 2], b2[b2.len() - 1].clone());
    let show = |s: &[Dim]| s.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(",");
    if k != k2 {
        return Err(format!("inner dims differ: [{}] x [{}]", show(a), show(b)));
    }
    let batch = broadcast_shapes(&a2[..a2.len() - 2], &b2[..b2.len() - 2])
        .ok_or_else(|| format!("batch dims do not broadcast: [{}] x [{}]", show(a), show(b)))?;
    let mut out = batch;
    if a.len() > 1 {
        out.push(m);
    }
    if b.len() > 1 {
        out.push(n);
    }
    Ok(out)
}

/// A shape with `axes` reduced to 1 (keepdims) or removed.
pub fn reduced(x: &[Dim], axes: &[usize], keepdims: bool) -> Vec<Dim> {
    x.iter()
        .enumerate()
        .filter_map(|(i, d)| match (axes.contains(&i), keepdims) {
            (true, true) => Some(Dim::int(1)),
            (true, false) => None,
            (false, _) => Some(d.clone()),
        })
        .collect()
}
