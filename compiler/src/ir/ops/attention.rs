//! Scaled-dot-product attention on packed rows.
//!
//! Per op: `infer_*` (output types from input types) and `eval_*` (reference evaluation on
//! constants through the runtime's kernels); `super` dispatches to them.

use super::*;

pub(super) fn infer_attention(heads: &usize, head_dim: &usize, offsets: &[usize; 3], inputs: &[&TensorType]) -> Types {
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

pub(super) fn eval_attention(
    heads: &usize,
    head_dim: &usize,
    offsets: &[usize; 3],
    score: &FusedExpr,
    cx: &Eval,
) -> R<Data> {
    let inputs = cx.inputs;
    Ok(attention_spelled_out(*heads, *head_dim, *offsets, score, inputs)?.data)
}

/// Attention as the ops it replaced (slice each head's columns, split heads, `Q K^T`, the score
/// expression, softmax, times `V`, merge heads), so tests compare the fused op with its spelling.
fn attention_spelled_out(
    heads: usize,
    head_dim: usize,
    offsets: [usize; 3],
    score: &crate::ir::FusedExpr,
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
    let scores = eval_expr(score, &leaves)?;
    let p = apply(&Op::Softmax { axis: 3, log: false }, &[&scores])?;
    let o = apply(&Op::MatMul, &[&p, &v4])?;
    let merged = apply(&Op::Transpose { perm: vec![0, 2, 1, 3] }, &[&o])?;
    apply(&Op::Reshape { shape: fixed_dims([q.shape[0], q.shape[1], heads * head_dim]) }, &[&merged])
}

/// Scratch of attention over `sq` queries and `sk` keys.
pub(super) fn scratch_attention(sq: usize, sk: usize, head_dim: usize) -> usize {
    ronn_runtime::kernels::attention::scratch_len(sq, sk, head_dim)
}
