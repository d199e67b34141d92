//! The attention ops of ONNX Runtime's `com.microsoft` domain, which its transformer optimizer
//! (and Optimum's ORT levels) fuse BERT- and GPT-style models into, and its quantizer turns
//! into `QAttention`. Spec: <https://github.com/microsoft/onnxruntime/blob/main/docs/ContribOperators.md>.
//!
//! - `Attention(input, weights, bias?, mask_index?, past?, attention_bias?; num_heads,
//!   unidirectional, qkv_hidden_sizes, scale, mask_filter_value)`: one packed projection
//!   `input @ weights + bias` split into Q, K and V; `past` is `[2, B, heads, P, head]` and the
//!   second output `present` the same with the new keys and values appended;
//! - `QAttention(input, weight, bias, input_scale, weight_scale, mask_index?, input_zero_point?,
//!   weight_zero_point?, past?)`: the same with an 8-bit projection (integer product, scaled);
//! - `MultiHeadAttention(query, key, value, bias?, key_padding_mask?, attention_bias?,
//!   past_key?, past_value?; num_heads, unidirectional, scale, mask_filter_value)`: Q, K and V
//!   given apart, `[B, L, heads * head]` (or K and V already `[B, heads, L, head]`); outputs
//!   the result and `present_key`, `present_value`;
//! - `GroupQueryAttention(query, key?, value?, past_key, past_value, seqlens_k,
//!   total_sequence_length, cos_cache?, sin_cache?, position_ids?, attention_bias?; num_heads,
//!   kv_num_heads, do_rotary, rotary_interleaved, scale, softcap)`, as ONNX Runtime's GenAI
//!   builder writes LLMs: causal, Q, K and V packed in `query` or apart, `kv_num_heads` shared
//!   by groups of query heads, rotary embeddings at positions `seqlens_k + 1 - S + s` (0..S on
//!   the first prompt), present = past ++ new. Every batch row must have the same length (the
//!   past holds no padding): ONNX Runtime writes a shorter row's keys right after its own
//!   length, which needs a scatter; `local_window_size`, `smooth_softmax` and `head_sink` are
//!   not supported.
//!
//! Each becomes ONNX's Attention (opset 23, [`super::attention`]) on `[B, heads, L, head]`
//! tensors. The masks become one additive bias, as ONNX Runtime builds it: masked keys get
//! `mask_filter_value` (default -10000, so a row with every key masked averages them all, as
//! there); `mask_index` / `key_padding_mask` may be `[B]` (valid lengths, right padding),
//! `[B, T]` (1 keeps a key) or `[B, S, T]`; `unidirectional` is the causal mask. Not supported:
//! the `[2B]` and `[3B + 2]` mask forms, packed QKV layouts of MultiHeadAttention,
//! `past_sequence_length` (buffers shared between past and present) and `do_rotary`.

use super::super::attrs::{float_attr, int_attr, Attrs};
use super::attention::split_heads;
use super::quantize::integer_matmul_to_float;
use super::{attention, Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, Data, Op, Tensor, ValueId};

/// The op types this file imports.
pub const OPS: &[&str] = &["Attention", "QAttention", "MultiHeadAttention", "GroupQueryAttention"];

/// Imports one op of [`OPS`].
pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let heads = usize::try_from(n.attrs.int("num_heads").ok_or("num_heads is required")?)
        .ok()
        .filter(|&h| h > 0)
        .ok_or("num_heads must be positive")?;
    if n.op_type == "GroupQueryAttention" {
        return group_query(ctx, n, heads);
    }
    if n.attrs.int_or("do_rotary", 0) != 0 {
        return Err(NodeError::Unsupported(format!("{} with do_rotary", n.op_type)));
    }
    match n.op_type {
        "MultiHeadAttention" => multi_head(ctx, n, heads),
        _ => packed(ctx, n, heads),
    }
}

/// Attention and QAttention: the packed projection, then the shared part.
fn packed(ctx: &mut Ctx, n: &NodeIn, heads: usize) -> Result<Vec<ValueId>, NodeError> {
    let quantized = n.op_type == "QAttention";
    // Input positions of the two ops: (mask_index, past).
    let (mask, past) = if quantized { (n.opt(5), n.opt(8)) } else { (n.opt(3), n.opt(4)) };
    if !quantized && n.opt(6).is_some() {
        return Err(NodeError::Unsupported("past_sequence_length (a shared past/present buffer)".into()));
    }
    let (input, weights) = (n.input(0)?, n.input(1)?);
    let qkv = if quantized {
        let name = ctx.sub(n.name, "projection");
        let mm = NodeIn { name: &name, ..n.as_op("MatMulIntegerToFloat", 1, vec![], 1) };
        integer_matmul_to_float(ctx, &mm, input, weights, n.input(3)?, n.input(4)?, n.opt(6), n.opt(7), n.opt(2))?[0]
    } else {
        let p = ctx.node(&ctx.sub(n.name, "projection"), Op::MatMul, vec![input, weights])?;
        match n.opt(2) {
            Some(b) => ctx.binary(&ctx.sub(n.name, "projection_bias"), BinaryOp::Add, p, b)?,
            None => p,
        }
    };
    let width = *ctx.dims(qkv)?.last().ok_or("the projection has rank 0")?;
    let sizes = match n.attrs.usizes("qkv_hidden_sizes")? {
        Some(s) if s.len() == 3 => s,
        Some(s) => return Err(NodeError::Invalid(format!("qkv_hidden_sizes {s:?} needs 3 entries"))),
        None if width.is_multiple_of(3) => vec![width / 3; 3],
        None => return Err(NodeError::Invalid(format!("the projection width {width} is not 3 equal parts"))),
    };
    if sizes.iter().sum::<usize>() != width {
        return Err(NodeError::Invalid(format!("qkv_hidden_sizes {sizes:?} do not add up to {width}")));
    }
    let last = ctx.rank(qkv) - 1;
    let mut parts = Vec::new();
    let mut start = 0;
    for (what, &size) in ["q", "k", "v"].iter().zip(&sizes) {
        let part = ctx.slice_axis(&ctx.sub(n.name, what), qkv, last, start, 1, size)?;
        parts.push(split_heads(ctx, &ctx.sub(n.name, what), part, heads)?);
        start += size;
    }
    let past = match past {
        Some(p) => {
            let pd = ctx.dims(p)?;
            if pd.len() != 5 || pd[0] != 2 {
                return Err(NodeError::Invalid(format!("past {pd:?} is not [2, batch, heads, length, head]")));
            }
            let take = |ctx: &mut Ctx, i: usize, what: &str| -> Result<ValueId, NodeError> {
                let s = ctx.slice_axis(&ctx.sub(n.name, what), p, 0, i, 1, 1)?;
                ctx.node(
                    &ctx.sub(n.name, &format!("{what}_4d")),
                    Op::Reshape { shape: crate::ir::fixed_dims(&pd[1..]) },
                    vec![s],
                )
            };
            Some((take(ctx, 0, "past_key")?, take(ctx, 1, "past_value")?))
        }
        None => None,
    };
    let attention_bias = if quantized { None } else { n.opt(5) };
    let causal = n.attrs.int_or("unidirectional", 0) != 0;
    let outs = attend(ctx, n, [parts[0], parts[1], parts[2]], mask, attention_bias, past, causal)?;
    let (y, present_key, present_value) = (outs[0], outs[1], outs[2]);
    let mut results = vec![y];
    if n.n_outputs > 1 {
        // present: [2, B, heads, T, head].
        let kd = ctx.dims(present_key)?;
        let one = |ctx: &mut Ctx, v: ValueId, what: &str| {
            let mut d = vec![1];
            d.extend(&kd);
            ctx.node(&ctx.sub(n.name, what), Op::Reshape { shape: crate::ir::fixed_dims(d) }, vec![v])
        };
        let (k, v) = (one(ctx, present_key, "present_k")?, one(ctx, present_value, "present_v")?);
        results.push(ctx.node(&ctx.sub(n.name, "present"), Op::Concat { axis: 0 }, vec![k, v])?);
    }
    Ok(results)
}

fn multi_head(ctx: &mut Ctx, n: &NodeIn, heads: usize) -> Result<Vec<ValueId>, NodeError> {
    let (query, key, value) = (n.input(0)?, n.opt(1), n.opt(2));
    let (Some(key), Some(value)) = (key, value) else {
        return Err(NodeError::Unsupported("MultiHeadAttention with packed QKV or KV".into()));
    };
    if ctx.rank(query) != 3 {
        return Err(NodeError::Unsupported(format!("MultiHeadAttention query {} (only [B, S, D] is)", ctx.ty(query))));
    }
    let four_d_kv = ctx.rank(key) == 4;
    if ctx.rank(value) != ctx.rank(key) {
        return Err(NodeError::Invalid(format!("key {} and value {} differ in rank", ctx.ty(key), ctx.ty(value))));
    }
    let (mut q, mut k, mut v) = (query, key, value);
    if let Some(bias) = n.opt(3) {
        if four_d_kv {
            return Err(NodeError::Unsupported("a bias with key and value of [B, heads, L, head]".into()));
        }
        let width = |ctx: &Ctx, x: ValueId| ctx.dims(x).map(|d| d.last().copied().unwrap_or(0));
        let (qw, kw, vw, bw) = (width(ctx, q)?, width(ctx, k)?, width(ctx, v)?, width(ctx, bias)?);
        if bw != qw + kw + vw {
            return Err(NodeError::Invalid(format!("bias of width {bw} for Q, K and V of {qw}, {kw} and {vw}")));
        }
        for (x, start, w, what) in [(&mut q, 0, qw, "q"), (&mut k, qw, kw, "k"), (&mut v, qw + kw, vw, "v")] {
            let b = ctx.slice_axis(&ctx.sub(n.name, &format!("{what}_bias")), bias, 0, start, 1, w)?;
            *x = ctx.binary(&ctx.sub(n.name, &format!("{what}_biased")), BinaryOp::Add, *x, b)?;
        }
    }
    let q = split_heads(ctx, &ctx.sub(n.name, "q"), q, heads)?;
    if !four_d_kv {
        k = split_heads(ctx, &ctx.sub(n.name, "k"), k, heads)?;
        v = split_heads(ctx, &ctx.sub(n.name, "v"), v, heads)?;
    }
    let past = match (n.opt(6), n.opt(7)) {
        (Some(pk), Some(pv)) => Some((pk, pv)),
        (None, None) => None,
        _ => return Err(NodeError::Invalid("past_key and past_value must be given together".into())),
    };
    let causal = n.attrs.int_or("unidirectional", 0) != 0;
    attend(ctx, n, [q, k, v], n.opt(4), n.opt(5), past, causal)
}

fn group_query(ctx: &mut Ctx, n: &NodeIn, heads: usize) -> Result<Vec<ValueId>, NodeError> {
    let part = |p: &str| format!("{}/{p}", n.name);
    for (attr, off) in [("local_window_size", -1), ("smooth_softmax", 0)] {
        if n.attrs.int_or(attr, off) != off {
            return Err(NodeError::Unsupported(format!("GroupQueryAttention with {attr}")));
        }
    }
    if n.opt(11).is_some() {
        return Err(NodeError::Unsupported("GroupQueryAttention with head_sink".into()));
    }
    let kv_heads = usize::try_from(n.attrs.int("kv_num_heads").ok_or("kv_num_heads is required")?)
        .ok()
        .filter(|&h| h > 0 && heads.is_multiple_of(h))
        .ok_or_else(|| NodeError::Invalid(format!("kv_num_heads must divide num_heads {heads}")))?;
    let query = n.input(0)?;
    let qd = ctx.dims(query)?;
    let &[batch, seq, width] = qd.as_slice() else {
        return Err(NodeError::Invalid(format!("query {qd:?} is not [batch, sequence, hidden]")));
    };
    let (mut q, mut k, v) = match (n.opt(1), n.opt(2)) {
        (Some(k), Some(v)) => (query, k, v),
        (None, None) => {
            // Packed: [Q (heads) | K (kv_heads) | V (kv_heads)] on the last axis.
            let slots = heads + 2 * kv_heads;
            if !width.is_multiple_of(slots) {
                return Err(NodeError::Invalid(format!("packed query width {width} is not {slots} heads")));
            }
            let head = width / slots;
            let (qw, kw) = (heads * head, kv_heads * head);
            (
                ctx.slice_axis(&part("q"), query, 2, 0, 1, qw)?,
                ctx.slice_axis(&part("k"), query, 2, qw, 1, kw)?,
                ctx.slice_axis(&part("v"), query, 2, qw + kw, 1, kw)?,
            )
        }
        _ => return Err(NodeError::Invalid("key and value must be given together".into())),
    };
    let (past_key, past_value) = (n.input(3)?, n.input(4)?);
    let past_len = *ctx.dims(past_key)?.get(2).ok_or("past_key is not [batch, kv_heads, length, head]")?;
    if n.attrs.int_or("do_rotary", 0) != 0 {
        let (cos, sin) = (n.input(7)?, n.input(8)?);
        let positions = match n.opt(9) {
            Some(p) => p,
            None => rotary_positions(ctx, n, batch, seq, past_len)?,
        };
        for (x, h, what) in [(&mut q, heads, "q_rotary"), (&mut k, kv_heads, "k_rotary")] {
            let attrs =
                [int_attr("num_heads", h as i64), int_attr("interleaved", n.attrs.int_or("rotary_interleaved", 0))];
            let name = part(what);
            let rotary = NodeIn {
                name: &name,
                attrs: Attrs::new(&attrs),
                ..n.as_op("RotaryEmbedding", 23, vec![Some(*x), Some(cos), Some(sin), Some(positions)], 1)
            };
            *x = super::rotary::import(ctx, &rotary)?[0];
        }
    }
    let q = split_heads(ctx, &part("q"), q, heads)?;
    let k = split_heads(ctx, &part("k"), k, kv_heads)?;
    let v = split_heads(ctx, &part("v"), v, kv_heads)?;
    let past = if past_len > 0 { Some((past_key, past_value)) } else { None };
    attend(ctx, n, [q, k, v], None, n.opt(10), past, true)
}

/// GroupQueryAttention's rotary positions without position_ids: `[B, S]`, `s` on the first
/// prompt (an empty past), else `seqlens_k[b] + 1 - S + s`, as ONNX Runtime numbers them.
fn rotary_positions(
    ctx: &mut Ctx,
    n: &NodeIn,
    batch: usize,
    seq: usize,
    past_len: usize,
) -> Result<ValueId, NodeError> {
    let part = |p: &str| format!("{}/{p}", n.name);
    let steps = ctx.constant(Tensor::new(vec![1, seq], Data::I64((0..seq as i64).collect())).ok_or("bad shape")?);
    let start = if past_len == 0 {
        ctx.scalar(DType::I64, 0.0)
    } else {
        let lens = ctx.cast(&part("seqlens_i64"), n.input(5)?, DType::I64)?;
        let lens =
            ctx.node(&part("seqlens_b1"), Op::Reshape { shape: crate::ir::fixed_dims(vec![batch, 1]) }, vec![lens])?;
        let back = ctx.scalar(DType::I64, 1.0 - seq as f64);
        ctx.binary(&part("past_lengths"), BinaryOp::Add, lens, back)?
    };
    let positions = ctx.binary(&part("positions"), BinaryOp::Add, start, steps)?;
    ctx.node(&part("positions_bs"), Op::Expand { shape: crate::ir::fixed_dims(vec![batch, seq]) }, vec![positions])
}

/// ONNX's Attention on `[B, heads, L, head]` Q, K, V; returns the result as `[B, S, heads *
/// head]` and the present keys and values.
fn attend(
    ctx: &mut Ctx,
    n: &NodeIn,
    [q, k, v]: [ValueId; 3],
    mask: Option<ValueId>,
    attention_bias: Option<ValueId>,
    past: Option<(ValueId, ValueId)>,
    causal: bool,
) -> Result<Vec<ValueId>, NodeError> {
    let (qd, kd) = (ctx.dims(q)?, ctx.dims(k)?);
    let past_len = match past {
        Some((pk, _)) => *ctx.dims(pk)?.get(2).ok_or("past_key is not [batch, heads, length, head]")?,
        None => 0,
    };
    let (batch, q_len, kv_len) = (qd[0], qd[2], kd[2] + past_len);
    let filter = n.attrs.float_or("mask_filter_value", -10000.0);
    let mut bias = match mask {
        Some(m) => Some(mask_bias(ctx, n, m, ctx.dtype(q), batch, q_len, kv_len, filter)?),
        None => None,
    };
    if let Some(b) = attention_bias {
        bias = Some(match bias {
            Some(m) => ctx.binary(&ctx.sub(n.name, "bias_sum"), BinaryOp::Add, m, b)?,
            None => b,
        });
    }
    let mut attrs = vec![int_attr("is_causal", i64::from(causal))];
    // 0 (the default) means 1 / sqrt(head size), as ONNX's default.
    if let Some(s) = n.attrs.float("scale").filter(|&s| s != 0.0) {
        attrs.push(float_attr("scale", s));
    }
    if let Some(c) = n.attrs.float("softcap").filter(|&c| c != 0.0) {
        attrs.push(float_attr("softcap", c));
    }
    let (pk, pv) = (past.map(|p| p.0), past.map(|p| p.1));
    let standard = NodeIn {
        name: &ctx.sub(n.name, "attention"),
        op_type: "Attention",
        opset: 23,
        attrs: Attrs::new(&attrs),
        inputs: vec![Some(q), Some(k), Some(v), bias, pk, pv],
        n_outputs: 3,
        named_outputs: vec![true; 3],
    };
    let outs = attention::import(ctx, &standard)?;
    // [B, heads, S, head] -> [B, S, heads * head].
    let yd = ctx.dims(outs[0])?;
    let y = ctx.node(&ctx.sub(n.name, "y_bshd"), Op::Transpose { perm: vec![0, 2, 1, 3] }, vec![outs[0]])?;
    let y =
        ctx.node(n.name, Op::Reshape { shape: crate::ir::fixed_dims(vec![yd[0], yd[2], yd[1] * yd[3]]) }, vec![y])?;
    Ok(vec![y, outs[1], outs[2]])
}

/// The additive bias (of type `dt`) of a mask, broadcastable to `[B, heads, S, T]`: 0 for a kept key,
/// `filter` for a masked one.
#[allow(clippy::too_many_arguments)]
fn mask_bias(
    ctx: &mut Ctx,
    n: &NodeIn,
    mask: ValueId,
    dt: DType,
    batch: usize,
    q_len: usize,
    kv_len: usize,
    filter: f32,
) -> Result<ValueId, NodeError> {
    let part = |p: &str| format!("{}/{p}", n.name);
    let md = ctx.dims(mask)?;
    let (zero, masked) = (ctx.scalar(dt, 0.0), ctx.scalar(dt, filter as f64));
    let (keep, shape) = match *md.as_slice() {
        // Valid lengths: key j is kept while j < length[b].
        [b] if b == batch => {
            ctx.allow(&[kv_len], "a key position table")?;
            let positions = (0..kv_len as i64).collect();
            let positions = ctx.constant(Tensor::new(vec![1, kv_len], Data::I64(positions)).ok_or("bad shape")?);
            let lens = ctx.cast(&part("mask_lengths"), mask, DType::I64)?;
            let lens = ctx.node(&part("mask_lengths_b1"), Op::Reshape { shape: crate::ir::fixed_dims(vec![batch, 1]) }, vec![lens])?;
            (ctx.binary(&part("mask_keep"), BinaryOp::Less, positions, lens)?, vec![batch, 1, 1, kv_len])
        }
        [b, t] if b == batch && t == kv_len => {
            let zero_m = ctx.scalar(ctx.dtype(mask), 0.0);
            (ctx.binary(&part("mask_keep"), BinaryOp::Greater, mask, zero_m)?, vec![batch, 1, 1, kv_len])
        }
        [b, s, t] if b == batch && s == q_len && t == kv_len => {
            let zero_m = ctx.scalar(ctx.dtype(mask), 0.0);
            (ctx.binary(&part("mask_keep"), BinaryOp::Greater, mask, zero_m)?, vec![batch, 1, q_len, kv_len])
        }
        _ => {
            return Err(NodeError::Unsupported(format!(
                "mask of shape {md:?} (batch {batch}, query length {q_len}, key length {kv_len}: [B], [B, T] and [B, S, T] are supported)"
            )))
        }
    };
    let bias = ctx.node(&part("mask_bias"), Op::Where, vec![keep, zero, masked])?;
    ctx.node(&part("mask_bias_4d"), Op::Reshape { shape: crate::ir::fixed_dims(shape) }, vec![bias])
}
