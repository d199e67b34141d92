//! Attention (opsets 23-25): <https://onnx.ai/onnx/operators/onnx__Attention.html>
//! Inputs Q, K, V, attn_mask, past_key, past_value, nonpad_kv_seqlen (24+); outputs Y,
//! present_key, present_value, qk_matmul_output. Expanded into core ops following the ONNX
//! reference (`onnx/reference/ops/op_attention.py`):
//!
//! 1. 3-D inputs `[B, L, heads * D]` become `[B, heads, L, D]` (q_num_heads, kv_num_heads).
//! 2. The past cache is concatenated in front of K and V (that is present_key/value).
//! 3. One additive bias collects every mask: attn_mask (bool as 0/-inf, padded with -inf to
//!    the total kv length), the causal frontier (offset by the cache length, or per batch by
//!    nonpad_kv_seqlen), the sliding window (25+), and the nonpad padding mask. Static parts
//!    fold to constants; parts that depend on nonpad_kv_seqlen are computed at run time.
//! 4. GQA repeats each kv head `q_heads / kv_heads` times, interleaved.
//! 5. `softmax((Q*sqrt(s)) (K*sqrt(s))^T [softcap] + bias) V`, rows whose bias is all -inf
//!    give 0; softmax_precision chooses the softmax dtype.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, Data, MathFn, Op, ReduceKind, Tensor, UnaryOp, ValueId};

struct Names<'a>(&'a str);

impl Names<'_> {
    fn of(&self, part: &str) -> String {
        format!("{}/{part}", self.0)
    }
}

/// `[B, L, heads * D]` -> `[B, heads, L, D]`.
pub(super) fn split_heads(ctx: &mut Ctx, name: &str, x: ValueId, heads: usize) -> Result<ValueId, NodeError> {
    let d = ctx.dims(x)?;
    let &[batch, len, width] = d.as_slice() else {
        return Err(NodeError::Invalid(format!("{} is not [batch, length, heads * head]", ctx.ty(x))));
    };
    if heads == 0 || !width.is_multiple_of(heads) {
        return Err(NodeError::Invalid(format!("hidden size {width} is not a multiple of {heads} heads")));
    }
    let x = ctx.node(
        &format!("{name}_heads"),
        Op::Reshape { shape: crate::ir::fixed_dims(vec![batch, len, heads, width / heads]) },
        vec![x],
    )?;
    ctx.node(&format!("{name}_bhld"), Op::Transpose { perm: vec![0, 2, 1, 3] }, vec![x])
}

/// A constant `[q, kv]` bias: 0 where `allowed(i, j)`, -inf elsewhere.
fn static_bias(
    ctx: &mut Ctx,
    name: &str,
    dtype: DType,
    q: usize,
    kv: usize,
    allowed: impl Fn(i64, i64) -> bool,
) -> Result<ValueId, NodeError> {
    let mask = super::triangular::mask(ctx, q, kv, allowed)?;
    let (zero, neg_inf) = (ctx.scalar(dtype, 0.0), ctx.scalar(dtype, f64::NEG_INFINITY));
    // All inputs are constants: this folds at once.
    ctx.node(name, Op::Where, vec![mask, zero, neg_inf])
}

/// Grouped heads: `[B, H, A, C]` -> `[B, heads, A, C]` with each of the H heads repeated
/// `heads / H` times, interleaved (`h0, h0, h1, h1, ...`); itself when H == heads.
pub fn repeat_heads(ctx: &mut Ctx, name: &str, x: ValueId, heads: usize) -> Result<ValueId, NodeError> {
    let d = ctx.dims(x)?;
    let have = *d.get(1).ok_or("heads need rank 4")?;
    if have == heads {
        return Ok(x);
    }
    if d.len() != 4 || have == 0 || !heads.is_multiple_of(have) {
        return Err(NodeError::Invalid(format!("{heads} query heads cannot share {have} kv heads")));
    }
    let e = ctx.node(
        &format!("{name}_group"),
        Op::Reshape { shape: crate::ir::fixed_dims(vec![d[0], have, 1, d[2], d[3]]) },
        vec![x],
    )?;
    let e = ctx.node(
        &format!("{name}_repeat"),
        Op::Expand { shape: crate::ir::fixed_dims(vec![d[0], have, heads / have, d[2], d[3]]) },
        vec![e],
    )?;
    ctx.node(
        &format!("{name}_heads"),
        Op::Reshape { shape: crate::ir::fixed_dims(vec![d[0], heads, d[2], d[3]]) },
        vec![e],
    )
}

fn add_bias(ctx: &mut Ctx, name: &str, bias: Option<ValueId>, more: ValueId) -> Result<ValueId, NodeError> {
    match bias {
        Some(b) => ctx.binary(name, BinaryOp::Add, b, more),
        None => Ok(more),
    }
}

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let p = Names(n.name);
    let (mut q, mut k, mut v) = (n.input(0)?, n.input(1)?, n.input(2)?);
    let dt = ctx.dtype(q);
    if !dt.is_float() {
        return Err(NodeError::Unsupported(format!("Attention of {dt}")));
    }
    let rank = ctx.rank(q);
    let three_d = match rank {
        3 => true,
        4 => false,
        r => return Err(NodeError::Invalid(format!("Q has rank {r} (expected 3 or 4)"))),
    };
    if three_d {
        let heads = |a: &str| -> Result<usize, NodeError> {
            let h = n.attrs.int(a).ok_or_else(|| NodeError::Invalid(format!("3-D inputs need `{a}`")))?;
            usize::try_from(h).map_err(|_| NodeError::Invalid(format!("{a} = {h}")))
        };
        let (qh, kvh) = (heads("q_num_heads")?, heads("kv_num_heads")?);
        q = split_heads(ctx, &p.of("q"), q, qh)?;
        k = split_heads(ctx, &p.of("k"), k, kvh)?;
        v = split_heads(ctx, &p.of("v"), v, kvh)?;
    }
    if ctx.rank(k) != 4 || ctx.rank(v) != 4 {
        return Err(NodeError::Invalid(format!("K {} and V {} must have Q's rank", ctx.ty(k), ctx.ty(v))));
    }
    let qd = ctx.dims(q)?;
    let (batch, q_heads, q_len, head) = (qd[0], qd[1], qd[2], qd[3]);

    // Cache.
    let past_len = match (n.opt(4), n.opt(5)) {
        (Some(pk), Some(pv)) => {
            let len = *ctx.dims(pk)?.get(2).ok_or("past_key is not [batch, heads, length, head]")?;
            k = ctx.node(&p.of("present_key"), Op::Concat { axis: 2 }, vec![pk, k])?;
            v = ctx.node(&p.of("present_value"), Op::Concat { axis: 2 }, vec![pv, v])?;
            Some(len)
        }
        (None, None) => None,
        _ => return Err(NodeError::Invalid("past_key and past_value must be given together".into())),
    };
    let (present_key, present_value) = (k, v);
    let kv_len = ctx.dims(k)?[2];
    let nonpad = n.opt(6);
    if nonpad.is_some() && past_len.is_some() {
        return Err(NodeError::Invalid("nonpad_kv_seqlen cannot be combined with a past cache".into()));
    }

    // The additive bias.
    let (zero, neg_inf) = (ctx.scalar(dt, 0.0), ctx.scalar(dt, f64::NEG_INFINITY));
    let mut bias = None;
    if let Some(mask) = n.opt(3) {
        let mut m = mask;
        if ctx.dtype(m) == DType::Bool {
            m = ctx.node(&p.of("mask_bias"), Op::Where, vec![m, zero, neg_inf])?;
        } else if ctx.dtype(m) != dt {
            return Err(NodeError::Invalid(format!("attn_mask of {} for inputs of {dt}", ctx.dtype(m))));
        }
        let md = ctx.dims(m)?;
        let last = *md.last().ok_or("attn_mask must have rank >= 1")?;
        if last < kv_len {
            let mut pads = vec![0i64; md.len() * 2];
            pads[md.len() * 2 - 1] = (kv_len - last) as i64;
            m = ctx.node(
                &p.of("mask_padded"),
                Op::Pad { pads, mode: crate::ir::PadMode::Constant, value: f64::NEG_INFINITY },
                vec![m],
            )?;
        }
        bias = Some(m);
    }
    let causal = n.attrs.int_or("is_causal", 0) != 0;
    let (left, right) = (n.attrs.int_or("left_window_size", -1), n.attrs.int_or("right_window_size", -1));
    let windowed = left >= 0 || right >= 0;
    match nonpad {
        Some(lens) if causal || windowed => {
            // Per-batch frontier: d = i + (lens[b] - q_len) - j; causal keeps d >= 0, the
            // window keeps -right <= d <= left.
            ctx.allow(&[q_len, kv_len], "an attention mask")?;
            let ij: Vec<i64> = (0..q_len as i64).flat_map(|i| (0..kv_len as i64).map(move |j| i - j)).collect();
            let ij = ctx.constant(Tensor::new(vec![1, q_len, kv_len], Data::I64(ij)).ok_or("bad shape")?);
            let lens64 = ctx.cast(&p.of("lens_i64"), lens, DType::I64)?;
            let ql = ctx.scalar(DType::I64, q_len as f64);
            let off = ctx.binary(&p.of("offset"), BinaryOp::Sub, lens64, ql)?;
            let off = ctx.node(
                &p.of("offset_b11"),
                Op::Reshape { shape: crate::ir::fixed_dims(vec![batch, 1, 1]) },
                vec![off],
            )?;
            let d = ctx.binary(&p.of("frontier"), BinaryOp::Add, ij, off)?;
            let mut limits = Vec::new();
            if causal {
                limits.push(("causal", BinaryOp::GreaterOrEqual, 0));
            }
            if left >= 0 {
                limits.push(("window_left", BinaryOp::LessOrEqual, left));
            }
            if right >= 0 {
                limits.push(("window_right", BinaryOp::GreaterOrEqual, -right));
            }
            for (what, cmp, limit) in limits {
                let l = ctx.scalar(DType::I64, limit as f64);
                let allowed = ctx.binary(&p.of(&format!("{what}_allowed")), cmp, d, l)?;
                let c = ctx.node(&p.of(&format!("{what}_bias")), Op::Where, vec![allowed, zero, neg_inf])?;
                let c = ctx.node(
                    &p.of(&format!("{what}_b1qk")),
                    Op::Reshape { shape: crate::ir::fixed_dims(vec![batch, 1, q_len, kv_len]) },
                    vec![c],
                )?;
                bias = Some(add_bias(ctx, &p.of(&format!("bias_{what}")), bias, c)?);
            }
        }
        _ => {
            let offset = past_len.unwrap_or(0) as i64;
            if causal {
                let c = static_bias(ctx, &p.of("causal"), dt, q_len, kv_len, |i, j| j <= i + offset)?;
                bias = Some(add_bias(ctx, &p.of("bias_causal"), bias, c)?);
            }
            if windowed {
                let w = static_bias(ctx, &p.of("window"), dt, q_len, kv_len, |i, j| {
                    let diff = i + offset - j;
                    (left < 0 || diff <= left) && (right < 0 || -diff <= right)
                })?;
                bias = Some(add_bias(ctx, &p.of("bias_window"), bias, w)?);
            }
        }
    }
    if let Some(lens) = nonpad {
        let positions =
            ctx.constant(Tensor::new(vec![1, kv_len], Data::I64((0..kv_len as i64).collect())).ok_or("bad shape")?);
        let lens64 = ctx.cast(&p.of("pad_lens_i64"), lens, DType::I64)?;
        let lens =
            ctx.node(&p.of("lens_b1"), Op::Reshape { shape: crate::ir::fixed_dims(vec![batch, 1]) }, vec![lens64])?;
        let valid = ctx.binary(&p.of("valid"), BinaryOp::Less, positions, lens)?;
        let pad = ctx.node(&p.of("pad_bias"), Op::Where, vec![valid, zero, neg_inf])?;
        let pad = ctx.node(
            &p.of("pad_b11k"),
            Op::Reshape { shape: crate::ir::fixed_dims(vec![batch, 1, 1, kv_len]) },
            vec![pad],
        )?;
        bias = Some(add_bias(ctx, &p.of("bias_pad"), bias, pad)?);
    }

    // Grouped-query attention: repeat each kv head, interleaved.
    let k = repeat_heads(ctx, &p.of("k"), k, q_heads)?;
    let v = repeat_heads(ctx, &p.of("v"), v, q_heads)?;

    // Scores.
    let scale = match n.attrs.float("scale") {
        Some(s) => s as f64,
        None => 1.0 / (head as f64).sqrt(),
    };
    let s = ctx.scalar(dt, scale.sqrt());
    let qs = ctx.binary(&p.of("q_scaled"), BinaryOp::Mul, q, s)?;
    let ks = ctx.binary(&p.of("k_scaled"), BinaryOp::Mul, k, s)?;
    let kt = ctx.node(&p.of("k_t"), Op::Transpose { perm: vec![0, 1, 3, 2] }, vec![ks])?;
    let mut qk = ctx.node(&p.of("qk"), Op::MatMul, vec![qs, kt])?;
    let softcap = n.attrs.float_or("softcap", 0.0);
    if softcap > 0.0 {
        let c = ctx.scalar(dt, softcap as f64);
        let t = ctx.binary(&p.of("softcap_div"), BinaryOp::Div, qk, c)?;
        let t = ctx.unary(&p.of("softcap_tanh"), UnaryOp::Math(MathFn::Tanh), t)?;
        qk = ctx.binary(&p.of("softcap"), BinaryOp::Mul, t, c)?;
    }
    let mode = n.attrs.int_or("qk_matmul_output_mode", 0);
    let mut qk_out = qk;
    let scores = match bias {
        Some(b) => ctx.binary(&p.of("scores"), BinaryOp::Add, qk, b)?,
        None => qk,
    };
    if mode == 2 {
        qk_out = scores;
    }
    let precision = match n.attrs.int("softmax_precision") {
        Some(code) => DType::from_onnx_code(code as i32)
            .filter(|d| d.is_float())
            .ok_or_else(|| NodeError::Unsupported(format!("softmax_precision {code}")))?,
        None => dt,
    };
    let wide = ctx.cast(&p.of("scores_wide"), scores, precision)?;
    let probs = ctx.node(&p.of("softmax"), Op::Softmax { axis: 3, log: false }, vec![wide])?;
    let mut probs = ctx.cast(&p.of("probs"), probs, dt)?;
    if let Some(b) = bias {
        // Rows whose every key is masked give 0, not NaN.
        let last = ctx.rank(b) - 1;
        let row_max = ctx.node(
            &p.of("bias_row_max"),
            Op::Reduce { kind: ReduceKind::Max, axes: vec![last], keepdims: true },
            vec![b],
        )?;
        let all_masked = ctx.unary(&p.of("row_masked"), UnaryOp::IsInf { positive: false, negative: true }, row_max)?;
        probs = ctx.node(&p.of("probs_guarded"), Op::Where, vec![all_masked, zero, probs])?;
    }
    if mode == 3 {
        qk_out = probs;
    }
    let mut y = ctx.node(&p.of("y"), Op::MatMul, vec![probs, v])?;
    if three_d {
        let yd = ctx.dims(y)?;
        y = ctx.node(&p.of("y_blhd"), Op::Transpose { perm: vec![0, 2, 1, 3] }, vec![y])?;
        y =
            ctx.node(n.name, Op::Reshape { shape: crate::ir::fixed_dims(vec![yd[0], yd[2], yd[1] * yd[3]]) }, vec![y])?;
    }
    Ok(vec![y, present_key, present_value, qk_out])
}
