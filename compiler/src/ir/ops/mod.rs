//! What each core op means, one file per family: output types and shapes (`infer_*`) and
//! reference evaluation through the runtime's own kernels (`eval_*`), so a folded constant is
//! bit for bit what generated code computes. This file dispatches; every match on [`Op`] here
//! is exhaustive, so a new variant makes the compiler list the places that must learn it.
//! Inference errors are plain sentences; the caller adds the node's name and op.

#![allow(clippy::ptr_arg)]

use ronn_runtime::kernels::{
    binary, conv as conv_k, conv_transpose, elementwise as elementwise_k, grid_sample, linalg as linalg_k, math,
    matmul, movement as movement_k, norm as norm_k, pool as pool_k, recurrent, reduce as reduce_k, reductions,
    resample, roi_align, scan, scatter, select, unary,
};

use super::op::*;
use super::tensor::{Data, Tensor};
use super::types::{broadcast_shapes, DType, Dim, TensorType};
use crate::ir::fixed_dims;
use crate::with_data;

type R<T> = Result<T, String>;

/// Runs `$body` with `$a` (input) and `$b` (output) bound to same-typed vectors of the listed
/// dtype variants. Closures cannot be generic, so dtype dispatch is a macro.
macro_rules! typed {
    ([$($v:ident),*], ($x:expr, $y:expr), |$a:ident, $b:ident| $body:expr) => {
        match ($x, $y) {
            $((Data::$v($a), Data::$v($b)) => $body.map_err(kerr),)*
            (x, _) => Err(format!("dtype {} is not supported here", x.dtype())),
        }
    };
}
macro_rules! all { ($($t:tt)*) => { typed!([F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64, Bool], $($t)*) }; }
macro_rules! numeric { ($($t:tt)*) => { typed!([F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64], $($t)*) }; }
macro_rules! real { ($($t:tt)*) => { typed!([F32, F64, F16, BF16], $($t)*) }; }
macro_rules! float { ($($t:tt)*) => { typed!([F32, F64], $($t)*) }; }
macro_rules! integer { ($($t:tt)*) => { typed!([I8, I16, I32, I64, U8, U16, U32, U64], $($t)*) }; }

mod attention;
mod conv;
mod elementwise;
mod linalg;
mod movement;
mod norm;
mod pool;
mod recurrence;
mod reduce;
mod sample;
#[cfg(test)]
mod tests;

/// Output types, or why the inputs do not fit the op.
type Types = Result<Vec<TensorType>, String>;

/// `[batch, channels, spatial...]` of a sliding window's input: the channels fixed, the batch
/// and spatial sizes possibly symbolic.
fn batch_channels_spatial(t: &TensorType) -> Result<(Dim, usize, Vec<Dim>), String> {
    let [batch, channels, spatial @ ..] = t.shape.as_slice() else {
        return Err(format!("input {t} needs rank >= 3"));
    };
    let channels = channels.as_fixed().ok_or_else(|| format!("input {t}: the channels must be a fixed size"))?;
    Ok((batch.clone(), channels, spatial.to_vec()))
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
pub fn infer(op: &Op, inputs: &[&TensorType]) -> Types {
    match op {
        Op::Unary(u) => elementwise::infer_unary(u, inputs),
        Op::Binary(b) => elementwise::infer_binary(b, inputs),
        Op::Where => elementwise::infer_where(inputs),
        Op::BitCast { to } => elementwise::infer_bit_cast(to, inputs),
        Op::Cast { to } => elementwise::infer_cast(to, inputs),
        Op::MatMul => linalg::infer_mat_mul(inputs),
        Op::Conv { group, window } => conv::infer_conv(group, window, inputs),
        Op::Pool { kind, window, output } => pool::infer_pool(kind, window, output, inputs),
        Op::MaxPoolIndices { window, output, .. } => pool::infer_max_pool_indices(window, output, inputs),
        Op::Lrn { .. } => norm::infer_lrn(inputs),
        Op::Softmax { axis, .. } => norm::infer_softmax(axis, inputs),
        Op::Reduce { axes, keepdims, .. } => reduce::infer_reduce(axes, keepdims, inputs),
        Op::ArgReduce { axis, keepdims, .. } => reduce::infer_arg_reduce(axis, keepdims, inputs),
        Op::Reshape { shape } => movement::infer_reshape(shape, inputs),
        Op::Transpose { perm } => movement::infer_transpose(perm, inputs),
        Op::Concat { axis } => movement::infer_concat(axis, inputs),
        Op::Gather { axis } => movement::infer_gather(axis, inputs),
        Op::ConvTranspose { group, output, .. } => conv::infer_conv_transpose(group, output, inputs),
        Op::DeformConv { group, offset_group, window, mask } => {
            conv::infer_deform_conv(*group, *offset_group, window, *mask, inputs)
        }
        Op::GridSample { .. } => sample::infer_grid_sample(inputs),
        Op::RoiAlign { out_h, out_w, .. } => sample::infer_roi_align(out_h, out_w, inputs),
        Op::Det => linalg::infer_det(inputs),
        Op::Cumulative { axis, .. } => reduce::infer_cumulative(axis, inputs),
        Op::TopK { axis, k, indices, .. } => reduce::infer_top_k(axis, k, indices, inputs),
        Op::ScatterElements { axis, .. } => movement::infer_scatter_elements(axis, inputs),
        Op::ScatterNd { .. } => movement::infer_scatter_nd(inputs),
        Op::GatherNd { batch_dims } => movement::infer_gather_nd(batch_dims, inputs),
        Op::Resample { axis } => sample::infer_resample(axis, inputs),
        Op::GatherElements { axis } => movement::infer_gather_elements(axis, inputs),
        Op::Slice { starts, steps, dims: out } => movement::infer_slice(starts, steps, out, inputs),
        Op::Expand { shape } => movement::infer_expand(shape, inputs),
        Op::Tile { repeats } => movement::infer_tile(repeats, inputs),
        Op::Pad { pads, .. } => movement::infer_pad(pads, inputs),
        Op::Fused { head: Some(head), expr } => elementwise::infer_fused_head(head, expr, inputs),
        Op::LayerNorm { .. } => norm::infer_layer_norm(inputs),
        Op::SqueezeExcite { act, gate, project } => conv::infer_squeeze_excite(act, gate, project, inputs),
        Op::Recurrence { cell, .. } => recurrence::infer_recurrence(cell, inputs),
        Op::Attention { heads, head_dim, offsets, .. } => attention::infer_attention(heads, head_dim, offsets, inputs),
        Op::Fused { head: None, .. } => elementwise::infer_fused_plain(inputs),
        Op::Shape { start, end } => movement::infer_shape(start, end, inputs),
    }
}

/// How far a window can slide along one axis: the padded input less the window's span. The
/// window fits where this is at least 0 (`run` checks it on symbolic sizes, `Dim::nonnegative`).
fn window_room(input: &Dim, w: &Window, axis: usize) -> Dim {
    let sr = w.kernel.len();
    let span = (w.kernel[axis] - 1) * w.dilations[axis] + 1;
    &(input + &Dim::fixed(w.pads[axis] + w.pads[axis + sr])) - &Dim::fixed(span)
}

/// The output extent of one spatial axis of a sliding window over a size that may be symbolic:
/// `floor((input + pads - span) / stride) + 1`. Ceil mode is taken where its correction (the
/// last window must start inside the input or the begin padding) cannot apply, which is
/// every window whose end padding plus stride is at most its span (3x3 at stride 2 with pads
/// of 1, 2x2 at stride 2).
pub fn window_out_dim(input: &Dim, w: &Window, axis: usize, ceil: bool) -> Result<Dim, String> {
    if let Some(n) = input.as_fixed() {
        return window_out(n, w, axis, ceil).map(Dim::fixed);
    }
    let (s, end_pad) = (w.strides[axis], w.pads[axis + w.kernel.len()]);
    let span = (w.kernel[axis] - 1) * w.dilations[axis] + 1;
    let stride = i64::try_from(s).map_err(|_| format!("stride {s}"))?;
    if ceil && end_pad + s > span {
        return Err(format!(
            "ceil_mode on the symbolic size {input} with end padding {end_pad}, stride {s} and a window of {span} needs a fixed size (--dim)"
        ));
    }
    let out = |room: Dim| -> Result<Dim, String> {
        let steps = if ceil { room.ceil_div(stride) } else { room.floor_div(stride) };
        Ok(&steps.ok_or_else(|| format!("stride {s}"))? + &Dim::int(1))
    };
    // Where the window fits the smallest input the size stays a plain expression (so equal
    // sizes reached two ways compare equal); where it may not, its room becomes a checked atom.
    let plain = out(window_room(input, w, axis))?;
    if plain.at_ones() >= 1 {
        return Ok(plain);
    }
    out(Dim::nonnegative(window_room(input, w, axis)))
}

/// The output extent of one spatial axis of a sliding window (floor or ceil mode).
pub fn window_out(input: usize, w: &Window, axis: usize, ceil: bool) -> Result<usize, String> {
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

fn kerr(e: ronn_runtime::Error) -> String {
    e.to_string()
}

/// A fused expression, op by op with the same kernels as the unfused ops.
fn eval_expr(expr: &FusedExpr, inputs: &[&Tensor]) -> R<Tensor> {
    let (op, args) = match expr {
        FusedExpr::Input(k) => {
            return inputs.get(*k).map(|t| (*t).clone()).ok_or_else(|| format!("missing fused input {k}"))
        }
        FusedExpr::Unary(u, a) => (Op::Unary(*u), vec![eval_expr(a, inputs)?]),
        FusedExpr::Binary(b, x, y) => (Op::Binary(*b), vec![eval_expr(x, inputs)?, eval_expr(y, inputs)?]),
    };
    apply(&op, &args.iter().collect::<Vec<_>>())
}

/// `op` on `args`, its output type inferred.
fn apply(op: &Op, args: &[&Tensor]) -> R<Tensor> {
    let tys: Vec<TensorType> = args.iter().map(|t| t.ty()).collect();
    let out = infer(op, &tys.iter().collect::<Vec<_>>())?;
    eval(op, args, &out)?.pop().ok_or_else(|| "no output".to_string())
}

/// What an `eval_*` function reads: the node's inputs and the output type inference gave.
pub(super) struct Eval<'a> {
    inputs: &'a [&'a Tensor],
    out: &'a [TensorType],
    ty: &'a TensorType,
    dims: Vec<usize>,
}

impl<'a> Eval<'a> {
    fn input(&self, i: usize) -> R<&'a Tensor> {
        self.inputs.get(i).copied().ok_or_else(|| format!("missing input {i}"))
    }

    /// The output's data, zeroed.
    fn zeros(&self) -> Data {
        Data::zeros(self.ty.dtype, self.dims.iter().product())
    }
}

/// Evaluates `op` on constant inputs; `out` are the output types inference gave.
pub fn eval(op: &Op, inputs: &[&Tensor], out: &[TensorType]) -> R<Vec<Tensor>> {
    let ty = out.first().ok_or("op has no outputs")?;
    let dims = ty.static_dims().ok_or("symbolic output shape")?;
    let cx = Eval { inputs, out, ty, dims };
    let y = match op {
        Op::Fused { head, expr } => elementwise::eval_fused(head, expr, &cx),
        Op::Recurrence { cell, reverse, cell_output } => recurrence::eval_recurrence(cell, reverse, cell_output, &cx),
        Op::SqueezeExcite { act, gate, project } => conv::eval_squeeze_excite(act, gate, project, &cx),
        Op::Attention { heads, head_dim, offsets, score } => {
            attention::eval_attention(heads, head_dim, offsets, score, &cx)
        }
        Op::Unary(u) => elementwise::eval_unary(u, &cx),
        Op::Binary(b) => elementwise::eval_binary(b, &cx),
        Op::Where => elementwise::eval_where(&cx),
        Op::Cast { .. } => elementwise::eval_cast(&cx),
        Op::BitCast { to } => elementwise::eval_bit_cast(to, &cx),
        Op::MatMul => linalg::eval_mat_mul(&cx),
        Op::Conv { group, window } => conv::eval_conv(group, window, &cx),
        Op::ConvTranspose { group, strides, dilations, pads_begin, .. } => {
            conv::eval_conv_transpose(group, strides, dilations, pads_begin, &cx)
        }
        Op::DeformConv { group, offset_group, window, mask } => {
            conv::eval_deform_conv(*group, *offset_group, window, *mask, &cx)
        }
        Op::Pool { kind, window, .. } => pool::eval_pool(kind, window, &cx),
        Op::MaxPoolIndices { window, column_major, .. } => pool::eval_max_pool_indices(window, column_major, &cx),
        Op::Lrn { size, alpha, beta, bias } => norm::eval_lrn(size, alpha, beta, bias, &cx),
        Op::Softmax { axis, log } => norm::eval_softmax(axis, log, &cx),
        Op::Reduce { kind, axes, .. } => reduce::eval_reduce(kind, axes, &cx),
        Op::ArgReduce { max, axis, select_last, .. } => reduce::eval_arg_reduce(max, axis, select_last, &cx),
        Op::Reshape { .. } => movement::eval_reshape(&cx),
        Op::Transpose { perm } => movement::eval_transpose(perm, &cx),
        Op::Concat { axis } => movement::eval_concat(axis, &cx),
        Op::Gather { axis } => movement::eval_gather(axis, &cx),
        Op::GridSample { mode, padding, align_corners } => sample::eval_grid_sample(mode, padding, align_corners, &cx),
        Op::RoiAlign { max_mode, half_pixel, spatial_scale, sampling_ratio, .. } => {
            sample::eval_roi_align(max_mode, half_pixel, spatial_scale, sampling_ratio, &cx)
        }
        Op::Det => linalg::eval_det(&cx),
        Op::Cumulative { axis, exclusive, reverse, product } => {
            reduce::eval_cumulative(axis, exclusive, reverse, product, &cx)
        }
        Op::TopK { axis, k, largest, indices } => reduce::eval_top_k(axis, k, largest, indices, &cx),
        Op::ScatterElements { axis, reduction } => movement::eval_scatter_elements(axis, reduction, &cx),
        Op::ScatterNd { reduction } => movement::eval_scatter_nd(reduction, &cx),
        Op::GatherNd { batch_dims } => movement::eval_gather_nd(batch_dims, &cx),
        Op::Resample { axis } => sample::eval_resample(axis, &cx),
        Op::GatherElements { axis } => movement::eval_gather_elements(axis, &cx),
        Op::Slice { starts, steps, .. } => movement::eval_slice(starts, steps, &cx),
        Op::Expand { .. } => movement::eval_expand(&cx),
        Op::Tile { .. } => movement::eval_tile(&cx),
        Op::Pad { pads, mode, value } => movement::eval_pad(pads, mode, value, &cx),
        Op::LayerNorm { epsilon } => norm::eval_layer_norm(epsilon, &cx),
        Op::Shape { start, end } => movement::eval_shape(start, end, &cx),
    }?;
    Tensor::new(cx.dims, y).map(|t| vec![t]).ok_or_else(|| "evaluation produced the wrong element count".into())
}

/// (product of dims before, dim, product after) around `axis`.
pub fn split_axis(shape: &[usize], axis: usize) -> (usize, usize, usize) {
    let outer = shape[..axis].iter().product();
    let inner = shape[axis + 1..].iter().product();
    (outer, shape[axis], inner)
}

/// Scratch elements the CPU kernel of `op` needs for operands of at most these dims (symbolic
/// sizes at their bounds): a convolution's need does not grow with its sizes, so its bound is
/// taken; every other op's need grows with them.
pub fn scratch_elements_up_to(op: &Op, inputs: &[Vec<usize>], outputs: &[Vec<usize>]) -> usize {
    if let Op::Fused { head: Some(head), .. } = op {
        return scratch_elements_up_to(&head.op, inputs, outputs);
    }
    if let Op::Conv { group, window } = op {
        return conv::scratch_conv_up_to(*group, window, inputs, outputs);
    }
    scratch_elements(op, inputs, outputs)
}

/// Scratch elements the CPU kernel of `op` needs for operands of these (static) dims.
pub fn scratch_elements(op: &Op, inputs: &[Vec<usize>], outputs: &[Vec<usize>]) -> usize {
    let dim = |list: &[Vec<usize>], k: usize, axis: usize| list.get(k).and_then(|d| d.get(axis)).copied().unwrap_or(0);
    match op {
        // A fused head needs its scratch as it would alone.
        Op::Fused { head: Some(head), .. } => scratch_elements(&head.op, inputs, outputs),
        Op::Recurrence { cell, .. } => recurrence::scratch_recurrence(cell, dim(inputs, 2, 0), dim(inputs, 2, 1)),
        Op::Attention { head_dim, .. } => attention::scratch_attention(dim(inputs, 0, 1), dim(inputs, 1, 1), *head_dim),
        Op::SqueezeExcite { project, .. } => conv::scratch_squeeze_excite(*project, inputs, outputs),
        Op::Conv { group, window } => conv::scratch_conv(*group, window, inputs, outputs),
        Op::DeformConv { .. } => conv::scratch_deform_conv(inputs, outputs),
        Op::Fused { head: None, .. }
        | Op::Unary(_)
        | Op::Binary(_)
        | Op::Where
        | Op::Cast { .. }
        | Op::BitCast { .. }
        | Op::MatMul
        | Op::ConvTranspose { .. }
        | Op::Pool { .. }
        | Op::MaxPoolIndices { .. }
        | Op::Lrn { .. }
        | Op::Softmax { .. }
        | Op::Reduce { .. }
        | Op::ArgReduce { .. }
        | Op::Reshape { .. }
        | Op::Transpose { .. }
        | Op::Concat { .. }
        | Op::Gather { .. }
        | Op::GatherElements { .. }
        | Op::Slice { .. }
        | Op::Expand { .. }
        | Op::Tile { .. }
        | Op::Pad { .. }
        | Op::Resample { .. }
        | Op::Cumulative { .. }
        | Op::TopK { .. }
        | Op::ScatterElements { .. }
        | Op::ScatterNd { .. }
        | Op::GatherNd { .. }
        | Op::GridSample { .. }
        | Op::RoiAlign { .. }
        | Op::Det
        | Op::Shape { .. }
        | Op::LayerNorm { .. } => 0,
    }
}
