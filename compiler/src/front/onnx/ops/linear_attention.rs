//! LinearAttention (27+): recurrent linear attention with a `[B, H_kv, d_k, d_v]` state and
//! update rules linear, gated (decay), delta (beta) and gated_delta (default). Unrolled over
//! the (static) sequence in f32, following `onnx/reference/ops/op_linear_attention.py`:
//!
//! ```text
//! gated:  S = S * exp(g_t)
//! delta:  v_t = beta_t * (v_t - k_t S)
//! always: S = S + k_t^T v_t;   o_t = scale * q_t S   (S repeated per query-head group)
//! ```

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, MathFn, Op, UnaryOp, ValueId};

/// `[B, T, heads * d]` -> `[B, heads, T, d]` in f32.
fn heads(ctx: &mut Ctx, name: &str, x: ValueId, heads: usize) -> Result<(ValueId, usize), NodeError> {
    let d = ctx.dims(x)?;
    let [b, t, hd] = d[..] else { return Err(NodeError::Invalid(format!("`{name}` must be rank 3, got {d:?}"))) };
    if heads == 0 || hd % heads != 0 {
        return Err(NodeError::Invalid(format!("{hd} is not a multiple of {heads} heads")));
    }
    let x = ctx.cast(&format!("{name}_f32"), x, DType::F32)?;
    let x = ctx.node(
        &format!("{name}_split"),
        Op::Reshape { shape: crate::ir::fixed_dims(vec![b, t, heads, hd / heads]) },
        vec![x],
    )?;
    Ok((ctx.node(&format!("{name}_bhtd"), Op::Transpose { perm: vec![0, 2, 1, 3] }, vec![x])?, hd / heads))
}

/// Step `t` of a `[B, H, T, D]` tensor as `[B, H, 1, D]`.
fn step(ctx: &mut Ctx, name: &str, x: ValueId, t: usize) -> Result<ValueId, NodeError> {
    ctx.slice_axis(name, x, 2, t, 1, 1)
}

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let p = |s: &str| format!("{}/{s}", n.name);
    let rule = n.attrs.string("update_rule").unwrap_or_else(|| "gated_delta".into());
    let (gating, delta) = match rule.as_str() {
        "linear" => (false, false),
        "gated" => (true, false),
        "delta" => (false, true),
        "gated_delta" => (true, true),
        other => return Err(NodeError::Invalid(format!("update_rule \"{other}\""))),
    };
    let count = |a: &str| -> Result<usize, NodeError> {
        usize::try_from(n.attrs.int(a).ok_or_else(|| NodeError::Invalid(format!("`{a}` is required")))?)
            .map_err(|_| NodeError::Invalid(format!("{a} < 0")))
    };
    let (qh, kvh) = (count("q_num_heads")?, count("kv_num_heads")?);
    if kvh == 0 || qh % kvh != 0 {
        return Err(NodeError::Invalid(format!("{qh} query heads cannot share {kvh} kv heads")));
    }
    let (query, key, value) = (n.input(0)?, n.input(1)?, n.input(2)?);
    let out_dtype = ctx.dtype(query);
    let qd = ctx.dims(query)?;
    let (b, t) = (qd[0], qd[1]);
    let (q4, dk) = heads(ctx, &p("q"), query, qh)?;
    let (k4, _) = heads(ctx, &p("k"), key, kvh)?;
    let (v4, dv) = heads(ctx, &p("v"), value, kvh)?;
    let decay = match (gating, n.opt(4)) {
        (true, Some(g)) => {
            let gd = ctx.dims(g)?;
            let last = *gd.last().ok_or("decay must be rank 3")?;
            let g = ctx.cast(&p("decay_f32"), g, DType::F32)?;
            let width = if last == kvh {
                1
            } else if last == kvh * dk {
                dk
            } else {
                return Err(NodeError::Invalid(format!("decay width {last}")));
            };
            let g = ctx.node(
                &p("decay_split"),
                Op::Reshape { shape: crate::ir::fixed_dims(vec![b, t, kvh, width]) },
                vec![g],
            )?;
            Some(ctx.node(&p("decay_bhtd"), Op::Transpose { perm: vec![0, 2, 1, 3] }, vec![g])?)
        }
        (false, None) => None,
        _ => return Err(NodeError::Invalid(format!("update_rule {rule} and the decay input disagree"))),
    };
    let beta = match (delta, n.opt(5)) {
        (true, Some(be)) => {
            let last = *ctx.dims(be)?.last().ok_or("beta must be rank 3")?;
            let be = ctx.cast(&p("beta_f32"), be, DType::F32)?;
            let be = ctx.node(
                &p("beta_split"),
                Op::Reshape { shape: crate::ir::fixed_dims(vec![b, t, last, 1]) },
                vec![be],
            )?;
            Some(ctx.node(&p("beta_bhtd"), Op::Transpose { perm: vec![0, 2, 1, 3] }, vec![be])?)
        }
        (false, None) => None,
        _ => return Err(NodeError::Invalid(format!("update_rule {rule} and the beta input disagree"))),
    };
    let (mut state, state_dtype) = match n.opt(3) {
        Some(s) => (ctx.cast(&p("state_f32"), s, DType::F32)?, ctx.dtype(s)),
        None => {
            let z = ctx.scalar(DType::F32, 0.0);
            (
                ctx.node(&p("state0"), Op::Expand { shape: crate::ir::fixed_dims(vec![b, kvh, dk, dv]) }, vec![z])?,
                out_dtype,
            )
        }
    };
    let scale = match n.attrs.float("scale") {
        Some(s) if s != 0.0 => s as f64,
        _ => 1.0 / (dk as f64).sqrt(),
    };
    let scale = ctx.scalar(DType::F32, scale);
    let mut outs = Vec::new();
    for i in 0..t {
        ctx.check_budget()?;
        let s = |x: &str| p(&format!("{x}{i}"));
        let q_t = step(ctx, &s("q"), q4, i)?;
        let k_t = step(ctx, &s("k"), k4, i)?;
        let mut v_t = step(ctx, &s("v"), v4, i)?;
        if let Some(g) = decay {
            // [B, H, 1, w] -> [B, H, w, 1]: scales the d_k rows of the state.
            let g_t = step(ctx, &s("g"), g, i)?;
            let g_t = ctx.node(&s("g_col"), Op::Transpose { perm: vec![0, 1, 3, 2] }, vec![g_t])?;
            let e = ctx.unary(&s("g_exp"), UnaryOp::Math(MathFn::Exp), g_t)?;
            state = ctx.binary(&s("decayed"), BinaryOp::Mul, state, e)?;
        }
        if let Some(be) = beta {
            let retrieved = ctx.node(&s("retrieved"), Op::MatMul, vec![k_t, state])?;
            let diff = ctx.binary(&s("residual"), BinaryOp::Sub, v_t, retrieved)?;
            let be_t = step(ctx, &s("beta"), be, i)?;
            v_t = ctx.binary(&s("v_delta"), BinaryOp::Mul, be_t, diff)?;
        }
        let k_col = ctx.node(&s("k_col"), Op::Transpose { perm: vec![0, 1, 3, 2] }, vec![k_t])?;
        let outer = ctx.node(&s("outer"), Op::MatMul, vec![k_col, v_t])?;
        state = ctx.binary(&s("state"), BinaryOp::Add, state, outer)?;
        let read = super::attention::repeat_heads(ctx, &s("read"), state, qh)?;
        let o = ctx.node(&s("o"), Op::MatMul, vec![q_t, read])?;
        outs.push(ctx.binary(&s("o_scaled"), BinaryOp::Mul, o, scale)?);
    }
    let y = if outs.len() == 1 { outs[0] } else { ctx.node(&p("steps"), Op::Concat { axis: 2 }, outs)? };
    let y = ctx.node(&p("bthd"), Op::Transpose { perm: vec![0, 2, 1, 3] }, vec![y])?;
    let y = ctx.node(&p("merged"), Op::Reshape { shape: crate::ir::fixed_dims(vec![b, t, qh * dv]) }, vec![y])?;
    let y = ctx.cast(&p("out"), y, out_dtype)?;
    let y = ctx.unary(n.name, UnaryOp::Identity, y)?;
    let present = ctx.cast(&p("present_state"), state, state_dtype)?;
    Ok(vec![y, present])
}
