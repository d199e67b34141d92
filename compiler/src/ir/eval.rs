//! Reference evaluation of core ops on constants, through the runtime's own kernels: the
//! constant folder uses it, so a folded value is bit-for-bit what generated code computes.

use ronn_runtime::kernels::{
    binary, conv, conv_transpose, elementwise, grid_sample, linalg, math, matmul, movement, norm, pool, recurrent,
    reduce, reductions, resample, roi_align, scan, scatter, select, unary,
};

use super::op::{BinaryOp, Op, PadMode, PoolKind, ReduceKind, UnaryOp};
use super::tensor::{Data, Tensor};
use super::types::TensorType;
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

fn kerr(e: ronn_runtime::Error) -> String {
    e.to_string()
}

/// A fused expression, op by op with the same kernels as the unfused ops.
fn eval_fused(expr: &super::FusedExpr, inputs: &[&Tensor]) -> R<Tensor> {
    use super::FusedExpr;
    let (op, args) = match expr {
        FusedExpr::Input(k) => {
            return inputs.get(*k).map(|t| (*t).clone()).ok_or_else(|| format!("missing fused input {k}"))
        }
        FusedExpr::Unary(u, a) => (Op::Unary(*u), vec![eval_fused(a, inputs)?]),
        FusedExpr::Binary(b, x, y) => (Op::Binary(*b), vec![eval_fused(x, inputs)?, eval_fused(y, inputs)?]),
    };
    apply(&op, &args.iter().collect::<Vec<_>>())
}

/// `op` on `args`, its output type inferred.
fn apply(op: &Op, args: &[&Tensor]) -> R<Tensor> {
    let tys: Vec<TensorType> = args.iter().map(|t| t.ty()).collect();
    let out = super::infer::infer(op, &tys.iter().collect::<Vec<_>>())?;
    eval(op, args, &out)?.pop().ok_or_else(|| "no output".to_string())
}

/// Attention as the ops it replaced (slice each head's columns, split heads, `Q K^T`, the score
/// expression, softmax, times `V`, merge heads), so tests compare the fused op with its spelling.
fn eval_attention(
    heads: usize,
    head_dim: usize,
    offsets: [usize; 3],
    score: &super::FusedExpr,
    inputs: &[&Tensor],
) -> R<Tensor> {
    let [q, k, v] = [0, 1, 2].map(|i| inputs.get(i).copied().ok_or_else(|| format!("missing input {i}")));
    let (q, k, v) = (q?, k?, v?);
    let split = |t: &Tensor, off: usize, perm: Vec<usize>| -> R<Tensor> {
        let (b, s) = (t.shape[0], t.shape[1]);
        let dims = fixed_dims([b, s, heads * head_dim]);
        let cols = apply(&Op::Slice { starts: vec![0, 0, off as i64], steps: vec![1; 3], dims }, &[t])?;
        let heads4 = apply(&Op::Reshape { shape: fixed_dims([b, s, heads, head_dim]) }, &[&cols])?;
        apply(&Op::Transpose { perm }, &[&heads4])
    };
    let (q4, kt4, v4) = (
        split(q, offsets[0], vec![0, 2, 1, 3])?,
        split(k, offsets[1], vec![0, 2, 3, 1])?,
        split(v, offsets[2], vec![0, 2, 1, 3])?,
    );
    let raw = apply(&Op::MatMul, &[&q4, &kt4])?;
    let mut leaves = vec![&raw];
    leaves.extend(&inputs[3..]);
    let scores = eval_fused(score, &leaves)?;
    let p = apply(&Op::Softmax { axis: 3, log: false }, &[&scores])?;
    let o = apply(&Op::MatMul, &[&p, &v4])?;
    let merged = apply(&Op::Transpose { perm: vec![0, 2, 1, 3] }, &[&o])?;
    apply(&Op::Reshape { shape: fixed_dims([q.shape[0], q.shape[1], heads * head_dim]) }, &[&merged])
}

/// Squeeze-and-excitation as the ops it replaced: the spatial mean, a 1x1 convolution and `act`,
/// another and `gate`, the product with `x`, and the projecting 1x1 convolution.
fn eval_squeeze_excite(
    act: &super::FusedExpr,
    gate: &super::FusedExpr,
    project: bool,
    inputs: &[&Tensor],
) -> R<Tensor> {
    let [x, w1, b1, w2, b2] =
        [0, 1, 2, 3, 4].map(|i| inputs.get(i).copied().ok_or_else(|| format!("missing input {i}")));
    let (x, w1, b1, w2, b2) = (x?, w1?, b1?, w2?, b2?);
    let spatial = x.shape.len().saturating_sub(2);
    let mean =
        apply(&Op::Reduce { kind: super::ReduceKind::Mean, axes: (2..2 + spatial).collect(), keepdims: true }, &[x])?;
    let one = super::Window {
        kernel: vec![1; spatial],
        strides: vec![1; spatial],
        dilations: vec![1; spatial],
        pads: vec![0; 2 * spatial],
    };
    let conv = Op::Conv { group: 1, window: one };
    let hidden = eval_fused(act, &[&apply(&conv, &[&mean, w1, b1])?])?;
    let gates = eval_fused(gate, &[&apply(&conv, &[&hidden, w2, b2])?])?;
    let scaled = apply(&Op::Binary(super::BinaryOp::Mul), &[x, &gates])?;
    if !project {
        return Ok(scaled);
    }
    let [wp, bp] = [5, 6].map(|i| inputs.get(i).copied().ok_or_else(|| format!("missing input {i}")));
    apply(&conv, &[&scaled, wp?, bp?])
}

/// Evaluates `op` on constant inputs; `out` are the output types inference gave.
pub fn eval(op: &Op, inputs: &[&Tensor], out: &[TensorType]) -> R<Vec<Tensor>> {
    let ty = out.first().ok_or("op has no outputs")?;
    let dims = ty.static_dims().ok_or("symbolic output shape")?;
    let n = ty.numel().ok_or("symbolic output shape")?;
    let input = |i: usize| inputs.get(i).copied().ok_or_else(|| format!("missing input {i}"));
    let x = input(0)?;
    if let Op::Fused { head, expr } = op {
        let Some(head) = head else { return Ok(vec![eval_fused(expr, inputs)?]) };
        let (head_in, rest) = inputs.split_at(head.inputs.min(inputs.len()));
        let head_out = eval(&head.op, head_in, out)?.pop().ok_or("the fused head has no output")?;
        let mut leaves = vec![&head_out];
        leaves.extend(rest);
        return Ok(vec![eval_fused(expr, &leaves)?]);
    }
    if let Op::Recurrence { cell, reverse, cell_output } = op {
        let (rt, h0, extra) = (input(1)?, input(2)?, input(3)?);
        let (batch, hidden) = (h0.shape.first().copied().unwrap_or(0), rt.shape.first().copied().unwrap_or(0));
        let mut y = Data::zeros(ty.dtype, n);
        macro_rules! run {
            ($v:ident, $t:ty) => {{
                let (Data::$v(xw), Data::$v(rtv), Data::$v(h), Data::$v(e), Data::$v(yv)) =
                    (&x.data, &rt.data, &h0.data, &extra.data, &mut y)
                else {
                    return Err("a recurrence takes operands of one float type".into());
                };
                let mut scratch = vec![<$t>::default(); recurrent::scratch_len(*cell, batch, hidden)];
                recurrent::recurrence(
                    *cell,
                    *reverse,
                    *cell_output,
                    (xw, &x.shape),
                    (rtv, &rt.shape),
                    h,
                    e,
                    yv,
                    &mut scratch,
                )
                .map_err(kerr)?;
            }};
        }
        match ty.dtype {
            super::types::DType::F64 => run!(F64, f64),
            _ => run!(F32, f32),
        }
        return Tensor::new(dims, y)
            .map(|t| vec![t])
            .ok_or_else(|| "evaluation produced the wrong element count".into());
    }
    if let Op::SqueezeExcite { act, gate, project } = op {
        return Ok(vec![eval_squeeze_excite(act, gate, *project, inputs)?]);
    }
    if let Op::Attention { heads, head_dim, offsets, score } = op {
        return Ok(vec![eval_attention(*heads, *head_dim, *offsets, score, inputs)?]);
    }
    let mut y = Data::zeros(ty.dtype, n);
    match op {
        Op::Unary(u) => unary_op(*u, &x.data, &mut y)?,
        Op::Binary(b) => binary_op(*b, x, input(1)?, &mut y, &dims)?,
        Op::Where => {
            let Data::Bool(c) = &x.data else { return Err("condition must be bool".into()) };
            let (a, b) = (input(1)?, input(2)?);
            macro_rules! select {
                ($($v:ident),*) => {
                    match (&a.data, &b.data, &mut y) {
                        $((Data::$v(p), Data::$v(q), Data::$v(r)) => elementwise::select(c, &x.shape, p, &a.shape, q, &b.shape, r, &dims),)*
                        _ => return Err(format!("Where of {} and {}", a.dtype(), b.dtype())),
                    }
                };
            }
            select!(F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64, Bool).map_err(kerr)?
        }
        Op::Cast { .. } => with_data!(&x.data, a => with_data!(&mut y, b => unary::cast(a, b))).map_err(kerr)?,
        Op::BitCast { to } => {
            y = Data::from_le_bytes(*to, &x.data.to_le_bytes()).ok_or("bitcast: byte lengths differ")?
        }
        Op::MatMul => {
            let b = input(1)?;
            match (&x.data, &b.data, &mut y) {
                (Data::F32(p), Data::F32(q), Data::F32(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, &dims),
                (Data::F64(p), Data::F64(q), Data::F64(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, &dims),
                (Data::F16(p), Data::F16(q), Data::F16(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, &dims),
                (Data::BF16(p), Data::BF16(q), Data::BF16(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, &dims),
                (Data::I32(p), Data::I32(q), Data::I32(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, &dims),
                (Data::I64(p), Data::I64(q), Data::I64(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, &dims),
                (Data::U32(p), Data::U32(q), Data::U32(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, &dims),
                (Data::U64(p), Data::U64(q), Data::U64(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, &dims),
                _ => return Err(format!("MatMul of {} is not supported", x.dtype())),
            }
            .map_err(kerr)?
        }
        Op::Conv { group, window } => {
            let w = input(1)?;
            let p = conv::ConvParams {
                group: *group,
                strides: &window.strides,
                dilations: &window.dilations,
                pads: &window.pads,
            };
            let scratch = conv::conv_scratch_len(&x.shape, &w.shape, &dims, &p);
            let bias = inputs.get(2).map(|b| &b.data);
            match (&x.data, &w.data, bias, &mut y) {
                (Data::F32(a), Data::F32(k), b, Data::F32(r)) => {
                    let b = if let Some(Data::F32(b)) = b { Some(b.as_slice()) } else { None };
                    conv::conv(a, &x.shape, k, &w.shape, b, &p, r, &dims, &mut vec![0.0; scratch])
                }
                (Data::F64(a), Data::F64(k), b, Data::F64(r)) => {
                    let b = if let Some(Data::F64(b)) = b { Some(b.as_slice()) } else { None };
                    conv::conv(a, &x.shape, k, &w.shape, b, &p, r, &dims, &mut vec![0.0; scratch])
                }
                _ => return Err(format!("Conv of {} is not supported", x.dtype())),
            }
            .map_err(kerr)?
        }
        Op::ConvTranspose { group, strides, dilations, pads_begin, .. } => {
            let w = input(1)?;
            let p = conv_transpose::ConvTransposeParams { group: *group, strides, dilations, pads_begin };
            let bias = inputs.get(2).map(|b| &b.data);
            match (&x.data, &w.data, bias, &mut y) {
                (Data::F32(a), Data::F32(k), b, Data::F32(r)) => {
                    let b = if let Some(Data::F32(b)) = b { Some(b.as_slice()) } else { None };
                    conv_transpose::conv_transpose(a, &x.shape, k, &w.shape, b, &p, r, &dims)
                }
                (Data::F64(a), Data::F64(k), b, Data::F64(r)) => {
                    let b = if let Some(Data::F64(b)) = b { Some(b.as_slice()) } else { None };
                    conv_transpose::conv_transpose(a, &x.shape, k, &w.shape, b, &p, r, &dims)
                }
                _ => return Err(format!("ConvTranspose of {}", x.dtype())),
            }
            .map_err(kerr)?
        }
        Op::Pool { kind, window, .. } => {
            let p = pool::PoolParams {
                kernel: &window.kernel,
                strides: &window.strides,
                dilations: &window.dilations,
                pads: &window.pads,
            };
            match kind {
                PoolKind::Max => numeric!((&x.data, &mut y), |a, b| pool::max_pool(a, &x.shape, &p, b, &dims))?,
                PoolKind::Avg { count_include_pad } => {
                    float!((&x.data, &mut y), |a, b| pool::avg_pool(a, &x.shape, &p, *count_include_pad, b, &dims))?
                }
            }
        }
        Op::MaxPoolIndices { window, column_major, .. } => {
            let p = pool::PoolParams {
                kernel: &window.kernel,
                strides: &window.strides,
                dilations: &window.dilations,
                pads: &window.pads,
            };
            let Data::I64(out) = &mut y else { return Err("MaxPool indices are i64".into()) };
            with_data!(&x.data, a => pool::max_pool_indices(a, &x.shape, &p, *column_major, out, &dims))
                .map_err(kerr)?
        }
        Op::Lrn { size, alpha, beta, bias } => {
            let (a, be, bi) = (*alpha as f64, *beta as f64, *bias as f64);
            float!((&x.data, &mut y), |p, q| norm::lrn(p, &x.shape, *size, a, be, bi, q))?
        }
        Op::Softmax { axis, log } => {
            let (outer, len, inner) = split_axis(&x.shape, *axis);
            if *log {
                float!((&x.data, &mut y), |a, b| norm::log_softmax(a, b, outer, len, inner))?
            } else {
                float!((&x.data, &mut y), |a, b| norm::softmax(a, b, outer, len, inner))?
            }
        }
        Op::Reduce { kind, axes, .. } => reduce_op(*kind, x, axes, &mut y)?,
        Op::ArgReduce { max, axis, select_last, .. } => {
            let Data::I64(out) = &mut y else { return Err("arg reduce yields i64".into()) };
            with_data!(&x.data, a => reduce::arg_reduce(a, &x.shape, *axis, *max, *select_last, out)).map_err(kerr)?
        }
        Op::Reshape { .. } => y = x.data.clone(),
        Op::Transpose { perm } => all!((&x.data, &mut y), |a, b| movement::transpose(a, &x.shape, perm, b))?,
        Op::Concat { axis } => concat(inputs, *axis, &mut y, &dims)?,
        Op::Gather { axis } => {
            let i = input(1)?;
            let idx = i.data.to_i64_vec();
            all!((&x.data, &mut y), |a, b| movement::gather(a, &x.shape, &idx, &i.shape, *axis, b))?
        }
        Op::GridSample { mode, padding, align_corners } => {
            let g = input(1)?;
            match (&x.data, &g.data, &mut y) {
                (Data::F32(a), Data::F32(q), Data::F32(r)) => {
                    grid_sample::grid_sample(a, &x.shape, q, &g.shape, *mode, *padding, *align_corners, r)
                }
                (Data::F64(a), Data::F64(q), Data::F64(r)) => {
                    grid_sample::grid_sample(a, &x.shape, q, &g.shape, *mode, *padding, *align_corners, r)
                }
                _ => return Err(format!("GridSample of {}", x.dtype())),
            }
            .map_err(kerr)?
        }
        Op::RoiAlign { max_mode, half_pixel, spatial_scale, sampling_ratio, .. } => {
            let (rois, b) = (input(1)?, input(2)?);
            let batch = b.data.to_i64_vec();
            let p = roi_align::RoiAlignParams {
                max_mode: *max_mode,
                half_pixel: *half_pixel,
                spatial_scale: *spatial_scale,
                sampling_ratio: *sampling_ratio,
            };
            match (&x.data, &rois.data, &mut y) {
                (Data::F32(a), Data::F32(q), Data::F32(r)) => {
                    roi_align::roi_align(a, &x.shape, q, &batch, &p, r, &dims)
                }
                (Data::F64(a), Data::F64(q), Data::F64(r)) => {
                    roi_align::roi_align(a, &x.shape, q, &batch, &p, r, &dims)
                }
                _ => return Err(format!("RoiAlign of {}", x.dtype())),
            }
            .map_err(kerr)?
        }
        Op::Det => float!((&x.data, &mut y), |a, b| linalg::det(a, &x.shape, b))?,
        Op::Cumulative { axis, exclusive, reverse, product } => {
            let id = Tensor::scalar_of(x.dtype(), if *product { 1.0 } else { 0.0 }).data;
            macro_rules! cumulative {
                ($($v:ident),*) => {
                    match (&x.data, &id, &mut y) {
                        $((Data::$v(a), Data::$v(i), Data::$v(b)) => scan::cumulative(a, &x.shape, *axis, *exclusive, *reverse, *product, i[0], b),)*
                        _ => return Err(format!("cumulative ops of {}", x.dtype())),
                    }
                };
            }
            cumulative!(F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64).map_err(kerr)?
        }
        Op::TopK { axis, k, largest, indices } => {
            if *indices {
                let Data::I64(out) = &mut y else { return Err("TopK indices are i64".into()) };
                with_data!(&x.data, a => select::top_k(a, &x.shape, *axis, *k, *largest, &mut [], out)).map_err(kerr)?
            } else {
                all!((&x.data, &mut y), |a, b| select::top_k(a, &x.shape, *axis, *k, *largest, b, &mut []))?
            }
        }
        Op::ScatterElements { .. } | Op::ScatterNd { .. } => {
            let (i, u) = (input(1)?, input(2)?);
            let idx = i.data.to_i64_vec();
            macro_rules! scatter {
                ($($v:ident),*) => {
                    match (&x.data, &u.data, &mut y, op) {
                        $(
                            (Data::$v(a), Data::$v(w), Data::$v(b), Op::ScatterElements { axis, reduction }) => scatter::scatter_elements(a, &x.shape, &idx, &i.shape, w, *axis, *reduction, b),
                            (Data::$v(a), Data::$v(w), Data::$v(b), Op::ScatterNd { reduction }) => scatter::scatter_nd(a, &x.shape, &idx, &i.shape, w, *reduction, b),
                        )*
                        _ => return Err(format!("scatter of {}", x.dtype())),
                    }
                };
            }
            scatter!(F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64).map_err(kerr)?
        }
        Op::GatherNd { batch_dims } => {
            let i = input(1)?;
            let idx = i.data.to_i64_vec();
            all!((&x.data, &mut y), |a, b| scatter::gather_nd(a, &x.shape, &idx, &i.shape, *batch_dims, b))?
        }
        Op::Resample { axis } => {
            let (i, c) = (input(1)?, input(2)?);
            let idx = i.data.to_i64_vec();
            let taps = i.shape.get(1).copied().unwrap_or(1);
            match (&x.data, &c.data, &mut y) {
                (Data::F32(a), Data::F32(w), Data::F32(b)) => resample::resample(a, &x.shape, *axis, &idx, w, taps, b),
                (Data::F64(a), Data::F64(w), Data::F64(b)) => resample::resample(a, &x.shape, *axis, &idx, w, taps, b),
                _ => return Err(format!("Resample of {}", x.dtype())),
            }
            .map_err(kerr)?
        }
        Op::GatherElements { axis } => {
            let i = input(1)?;
            let idx = i.data.to_i64_vec();
            all!((&x.data, &mut y), |a, b| scatter::gather_elements(a, &x.shape, &idx, &i.shape, *axis, b))?
        }
        Op::Slice { starts, steps, .. } => {
            all!((&x.data, &mut y), |a, b| movement::slice(a, &x.shape, starts, steps, b, &dims))?
        }
        Op::Expand { .. } => all!((&x.data, &mut y), |a, b| elementwise::broadcast_to(a, &x.shape, b, &dims))?,
        Op::Tile { .. } => all!((&x.data, &mut y), |a, b| movement::tile(a, &x.shape, b, &dims))?,
        Op::Pad { pads, mode, value } => {
            let fill = Tensor::scalar_of(x.dtype(), *value).data;
            let mode = pad_mode(*mode);
            match (&x.data, &fill, &mut y) {
                (Data::F32(a), Data::F32(v), Data::F32(b)) => movement::pad(a, &x.shape, pads, mode, v[0], b, &dims),
                (Data::F64(a), Data::F64(v), Data::F64(b)) => movement::pad(a, &x.shape, pads, mode, v[0], b, &dims),
                (Data::I64(a), Data::I64(v), Data::I64(b)) => movement::pad(a, &x.shape, pads, mode, v[0], b, &dims),
                (Data::I32(a), Data::I32(v), Data::I32(b)) => movement::pad(a, &x.shape, pads, mode, v[0], b, &dims),
                _ => return Err(format!("Pad of {} is not supported", x.dtype())),
            }
            .map_err(kerr)?
        }
        Op::Fused { .. } | Op::Attention { .. } | Op::Recurrence { .. } | Op::SqueezeExcite { .. } => {
            return Err("fused ops are evaluated by eval_fused".into())
        }
        Op::LayerNorm { epsilon } => {
            let (s, b) = (input(1)?, input(2)?);
            match (&x.data, &s.data, &b.data, &mut y) {
                (Data::F32(x), Data::F32(s), Data::F32(b), Data::F32(y)) => {
                    norm::layer_norm(x, &dims, *epsilon as f32, s, b, y).map_err(kerr)?
                }
                (Data::F64(x), Data::F64(s), Data::F64(b), Data::F64(y)) => {
                    norm::layer_norm(x, &dims, *epsilon, s, b, y).map_err(kerr)?
                }
                _ => return Err("LayerNorm takes f32 or f64 operands of one type".into()),
            }
        }
        Op::Shape { start, end } => y = Data::I64(x.shape[*start..*end].iter().map(|&d| d as i64).collect()),
    }
    Tensor::new(dims, y).map(|t| vec![t]).ok_or_else(|| "evaluation produced the wrong element count".into())
}

fn unary_op(u: UnaryOp, x: &Data, y: &mut Data) -> R<()> {
    use UnaryOp::*;
    match u {
        Identity => all!((x, y), |a, b| unary::identity(a, b)),
        Neg => numeric!((x, y), |a, b| unary::neg(a, b)),
        Abs => numeric!((x, y), |a, b| unary::abs(a, b)),
        Relu => numeric!((x, y), |a, b| unary::relu(a, b)),
        Sign => numeric!((x, y), |a, b| unary::sign(a, b)),
        BitNot => integer!((x, y), |a, b| unary::bit_not(a, b)),
        Clip { min, max } => match (x, y) {
            (Data::F32(a), Data::F32(b)) => unary::clip(a, b, min, max).map_err(kerr),
            (Data::F64(a), Data::F64(b)) => unary::clip(a, b, min.map(f64::from), max.map(f64::from)).map_err(kerr),
            (x, _) => Err(format!("Clip of {} is not supported", x.dtype())),
        },
        Not => match (x, y) {
            (Data::Bool(a), Data::Bool(b)) => unary::not(a, b).map_err(kerr),
            _ => Err("Not needs bools".into()),
        },
        IsNaN | IsInf { .. } => {
            let Data::Bool(out) = y else { return Err("IsNaN/IsInf yield bools".into()) };
            let r = match (x, u) {
                (Data::F32(a), IsNaN) => unary::is_nan(a, out),
                (Data::F64(a), IsNaN) => unary::is_nan(a, out),
                (Data::F16(a), IsNaN) => unary::is_nan(a, out),
                (Data::BF16(a), IsNaN) => unary::is_nan(a, out),
                (Data::F32(a), IsInf { positive, negative }) => unary::is_inf(a, out, positive, negative),
                (Data::F64(a), IsInf { positive, negative }) => unary::is_inf(a, out, positive, negative),
                (Data::F16(a), IsInf { positive, negative }) => unary::is_inf(a, out, positive, negative),
                (Data::BF16(a), IsInf { positive, negative }) => unary::is_inf(a, out, positive, negative),
                (x, _) => return Err(format!("{u:?} of {} is not supported", x.dtype())),
            };
            r.map_err(kerr)
        }
        Math(f) => real!((x, y), |a, b| math::apply(f, a, b)),
    }
}

fn binary_op(op: BinaryOp, a: &Tensor, b: &Tensor, y: &mut Data, dims: &[usize]) -> R<()> {
    use BinaryOp::*;
    let (sa, sb) = (&a.shape, &b.shape);
    // `$f(a, b) -> y` for the listed dtypes, all three of one type.
    macro_rules! same {
        ($f:path, [$($v:ident),*]) => {{
            match (&a.data, &b.data, y) {
                $((Data::$v(p), Data::$v(q), Data::$v(r)) => $f(p, sa, q, sb, r, dims).map_err(kerr),)*
                _ => Err(format!("{op:?} of {} is not supported", a.dtype())),
            }
        }};
    }
    macro_rules! arith {
        ($f:path) => {
            same!($f, [F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64])
        };
    }
    macro_rules! bits {
        ($f:path) => {
            same!($f, [I8, I16, I32, I64, U8, U16, U32, U64])
        };
    }
    macro_rules! logic {
        ($f:path) => {
            same!($f, [Bool])
        };
    }
    // Comparisons: operands of one type, bool output.
    macro_rules! compare_in {
        ($f:path, [$($v:ident),*]) => {{
            let Data::Bool(r) = y else { return Err("comparison yields bool".into()) };
            match (&a.data, &b.data) {
                $((Data::$v(p), Data::$v(q)) => $f(p, sa, q, sb, r, dims).map_err(kerr),)*
                _ => Err(format!("{op:?} of {} is not supported", a.dtype())),
            }
        }};
    }
    macro_rules! compare {
        ($f:path) => {
            compare_in!($f, [F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64, Bool])
        };
    }
    match op {
        Add => arith!(binary::add),
        Sub => arith!(binary::sub),
        Mul => arith!(binary::mul),
        Div => arith!(binary::div),
        Pow => arith!(binary::pow),
        Max => arith!(binary::max),
        Min => arith!(binary::min),
        Equal => compare!(binary::equal),
        Less => compare!(binary::less),
        LessOrEqual => compare!(binary::less_or_equal),
        Greater => compare!(binary::greater),
        GreaterOrEqual => compare!(binary::greater_or_equal),
        And => logic!(binary::and),
        Or => logic!(binary::or),
        Xor => logic!(binary::xor),
        Mod { fmod: false } => arith!(binary::rem),
        Mod { fmod: true } => arith!(binary::fmod),
        BitAnd => bits!(binary::bit_and),
        BitOr => bits!(binary::bit_or),
        BitXor => bits!(binary::bit_xor),
        ShiftLeft => bits!(binary::shift_left),
        ShiftRight => bits!(binary::shift_right),
    }
}

fn reduce_op(kind: ReduceKind, x: &Tensor, axes: &[usize], y: &mut Data) -> R<()> {
    use ReduceKind::*;
    let s = &x.shape;
    match kind {
        Max => numeric!((&x.data, y), |a, b| reductions::max(a, s, axes, b)),
        Min => numeric!((&x.data, y), |a, b| reductions::min(a, s, axes, b)),
        Sum if !x.dtype().is_float() => integer!((&x.data, y), |a, b| reductions::sum_int(a, s, axes, b)),
        Sum => real!((&x.data, y), |a, b| reductions::sum(a, s, axes, b)),
        Mean => real!((&x.data, y), |a, b| reductions::mean(a, s, axes, b)),
        Prod => real!((&x.data, y), |a, b| reductions::prod(a, s, axes, b)),
        SumSquare => real!((&x.data, y), |a, b| reductions::sum_square(a, s, axes, b)),
        L1 => real!((&x.data, y), |a, b| reductions::l1(a, s, axes, b)),
        L2 => real!((&x.data, y), |a, b| reductions::l2(a, s, axes, b)),
        LogSumExp => real!((&x.data, y), |a, b| reductions::log_sum_exp(a, s, axes, b)),
    }
}

fn concat(inputs: &[&Tensor], axis: usize, y: &mut Data, dims: &[usize]) -> R<()> {
    macro_rules! arm {
        ($($v:ident),*) => {
            match y {
                $(Data::$v(out) => {
                    let parts: Option<Vec<(&[_], &[usize])>> = inputs
                        .iter()
                        .map(|t| if let Data::$v(d) = &t.data { Some((d.as_slice(), t.shape.as_slice())) } else { None })
                        .collect();
                    let parts = parts.ok_or("concat inputs have different dtypes")?;
                    movement::concat(&parts, axis, out, dims).map_err(kerr)
                })*
            }
        };
    }
    arm!(F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64, Bool)
}

/// Maps the IR pad mode onto the runtime's.
pub fn pad_mode(m: PadMode) -> movement::PadMode {
    match m {
        PadMode::Constant => movement::PadMode::Constant,
        PadMode::Reflect => movement::PadMode::Reflect,
        PadMode::Edge => movement::PadMode::Edge,
        PadMode::Wrap => movement::PadMode::Wrap,
    }
}

/// (product of dims before, dim, product after) around `axis`.
pub fn split_axis(shape: &[usize], axis: usize) -> (usize, usize, usize) {
    let outer = shape[..axis].iter().product();
    let inner = shape[axis + 1..].iter().product();
    (outer, shape[axis], inner)
}
