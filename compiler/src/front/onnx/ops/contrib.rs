//! Ops of ONNX Runtime's `com.microsoft` domain that its own tools write into the models users
//! ship (the transformer optimizer, Optimum's ORT levels). Each is a fusion of standard ops, so
//! each is imported as those ops, and ronn's passes fuse them again where they pay.
//! Spec: <https://github.com/microsoft/onnxruntime/blob/main/docs/ContribOperators.md>.
//!
//! - `Gelu(X)`, `BiasGelu(A, B)` = Gelu(A + B), `FastGelu(X, bias?)` = tanh-approximated
//!   Gelu(X + bias), `QuickGelu(X; alpha = 1.702)` = X * sigmoid(alpha * X);
//! - `SkipLayerNormalization(input, skip, gamma, beta?, bias?; epsilon)` = LayerNorm over the
//!   last axis of input + skip (+ bias); `SkipSimplifiedLayerNormalization(input, skip, gamma,
//!   bias?; epsilon)` the same with RMSNorm; outputs `output`, `mean`, `inv_std_var` and
//!   `input_skip_bias_sum` (the residual that the next block adds again);
//! - `RotaryEmbedding(input, position_ids, cos_cache, sin_cache; interleaved, num_heads,
//!   rotary_embedding_dim)`: ONNX's RotaryEmbedding (opset 23) with its inputs in another order;
//!   `position_ids` of shape `[B, S]` (not the single-offset form) and `scale` 1;
//! - `EmbedLayerNormalization(input_ids, segment_ids?, word_embedding, position_embedding,
//!   segment_embedding?, gamma, beta, mask?, position_ids?; epsilon)`: the sum of the word,
//!   position (rows 0..S, or gathered at position_ids) and segment embeddings, layer-normalized;
//!   second output `mask_index`, the count of ones in each row of mask (zeros without a mask),
//!   third the embedding sum;
//! - `SimplifiedLayerNormalization(X, scale; axis, epsilon)` = RMSNormalization. ONNX Runtime
//!   registers this one in the default domain (its opset 1), so models carry it there.

use super::super::attrs::{int_attr, Attrs};
use super::{activation, normalization, Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, MathFn, Op, ReduceKind, UnaryOp, ValueId};

/// The op types of `com.microsoft` this file imports (and `SimplifiedLayerNormalization` of the
/// default domain).
pub const OPS: &[&str] = &[
    "Gelu",
    "BiasGelu",
    "FastGelu",
    "QuickGelu",
    "SkipLayerNormalization",
    "SkipSimplifiedLayerNormalization",
    "RotaryEmbedding",
    "EmbedLayerNormalization",
];

/// The same node read as a standard op (the opset that has every op used here: RMSNormalization
/// and RotaryEmbedding are 23).
fn as_op<'a>(n: &NodeIn<'a>, op_type: &'a str, inputs: Vec<Option<ValueId>>, n_outputs: usize) -> NodeIn<'a> {
    n.as_op(op_type, 23, inputs, n_outputs)
}

/// `x + y` (+ `z`), broadcasting.
fn sum(ctx: &mut Ctx, name: &str, x: ValueId, rest: &[Option<ValueId>]) -> Result<ValueId, NodeError> {
    let mut acc = x;
    for (k, v) in rest.iter().flatten().enumerate() {
        acc = ctx.binary(&ctx.sub(name, &format!("sum{k}")), BinaryOp::Add, acc, *v)?;
    }
    Ok(acc)
}

/// Imports one op of the list above.
pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    match n.op_type {
        "Gelu" => activation::import(ctx, &as_op(n, "Gelu", vec![Some(n.input(0)?)], 1)),
        "BiasGelu" => {
            let x = sum(ctx, n.name, n.input(0)?, &[Some(n.input(1)?)])?;
            Ok(vec![ctx.unary(n.name, UnaryOp::Math(MathFn::Gelu), x)?])
        }
        "FastGelu" => {
            let x = sum(ctx, n.name, n.input(0)?, &[n.opt(1)])?;
            Ok(vec![ctx.unary(n.name, UnaryOp::Math(MathFn::GeluTanh), x)?])
        }
        "QuickGelu" => {
            let alpha = n.attrs.float_or("alpha", 1.702);
            Ok(vec![ctx.unary(n.name, UnaryOp::Math(MathFn::Swish { alpha }), n.input(0)?)?])
        }
        "SkipLayerNormalization" | "SkipSimplifiedLayerNormalization" => import_skip_norm(ctx, n),
        "EmbedLayerNormalization" => import_embed_norm(ctx, n),
        "RotaryEmbedding" => {
            let positions = n.input(1)?;
            if ctx.rank(positions) != 2 {
                return Err(NodeError::Unsupported("position_ids as one offset (only [batch, sequence] is)".into()));
            }
            if n.attrs.float_or("scale", 1.0) != 1.0 || n.attrs.int_or("is_packed_batching", 0) != 0 {
                return Err(NodeError::Unsupported("scale other than 1, or packed batching".into()));
            }
            let (x, cos) = (n.input(0)?, n.input(2)?);
            let inputs = vec![Some(x), Some(cos), Some(n.input(3)?), Some(positions)];
            // On 3-D input without num_heads, ONNX Runtime takes the head size from the cache:
            // twice its width when the whole head rotates (rotary_embedding_dim 0).
            let implied = match (ctx.rank(x), n.attrs.int_or("num_heads", 0), n.attrs.int_or("rotary_embedding_dim", 0))
            {
                (3, 0, 0) => {
                    let (hidden, half) = (ctx.dims(x)?[2], *ctx.dims(cos)?.last().ok_or("cos_cache has rank 0")?);
                    Some(int_attr("num_heads", (hidden / (2 * half).max(1)) as i64))
                }
                _ => None,
            };
            let list = implied.map(|a| n.attrs.with(a));
            let attrs = list.as_deref().map_or(n.attrs, Attrs::new);
            super::rotary::import(ctx, &NodeIn { attrs, ..as_op(n, "RotaryEmbedding", inputs, 1) })
        }
        "SimplifiedLayerNormalization" => {
            if n.n_outputs > 1 {
                return Err(NodeError::Unsupported("the inv_std_var output".into()));
            }
            normalization::import_rms_norm(ctx, &as_op(n, "RMSNormalization", n.inputs.clone(), 1))
        }
        other => Err(NodeError::Unsupported(format!("com.microsoft {other} has no importer"))),
    }
}

/// Skip(Simplified)LayerNormalization: the normalisation of `input + skip (+ bias)` over the
/// last axis, and that sum as the fourth output.
fn import_skip_norm(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let simplified = n.op_type == "SkipSimplifiedLayerNormalization";
    // SkipLayerNormalization: input, skip, gamma, beta?, bias?; the simplified form has no beta.
    let bias = if simplified { n.opt(3) } else { n.opt(4) };
    let s = sum(ctx, &ctx.sub(n.name, "residual"), n.input(0)?, &[Some(n.input(1)?), bias])?;
    let gamma = Some(n.input(2)?);
    let wants = |k: usize| n.named_outputs.get(k).copied().unwrap_or(false);
    let mut outs = if simplified {
        if wants(1) || wants(2) {
            return Err(NodeError::Unsupported("the mean and inv_std_var outputs".into()));
        }
        let y = normalization::import_rms_norm(ctx, &as_op(n, "RMSNormalization", vec![Some(s), gamma], 1))?;
        // Outputs 1 and 2 are not named (checked above): placeholders that nothing reads.
        vec![y[0], s, s]
    } else {
        // LayerNormalization's optional outputs are the same mean and inverse deviation.
        let wanted = if wants(1) || wants(2) { 3 } else { 1 };
        let mut outs = normalization::import_layer_norm(
            ctx,
            &as_op(n, "LayerNormalization", vec![Some(s), gamma, n.opt(3)], wanted),
        )?;
        outs.resize(3, s);
        outs
    };
    // Output 3: the residual sum, which the next block adds to.
    outs.push(s);
    outs.truncate(n.n_outputs.max(1));
    Ok(outs)
}

/// EmbedLayerNormalization: embeddings summed, then LayerNormalization over the last axis.
fn import_embed_norm(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let part = |p: &str| format!("{}/{p}", n.name);
    let ids = n.input(0)?;
    let (batch, seq) = match ctx.dims(ids)?.as_slice() {
        &[b, s] => (b, s),
        d => return Err(NodeError::Invalid(format!("input_ids {d:?} is not [batch, sequence]"))),
    };
    let gather = |ctx: &mut Ctx, what: &str, table: ValueId, idx: ValueId| {
        // int32 ids, as ONNX Runtime's tools write them; the kernel indexes with i64.
        let idx = ctx.cast(&part(&format!("{what}_i64")), idx, DType::I64)?;
        ctx.node(&part(what), Op::Gather { axis: 0 }, vec![table, idx])
    };
    let mut sum = gather(ctx, "words", n.input(2)?, ids)?;
    let positions = match n.opt(8) {
        Some(p) => gather(ctx, "positions", n.input(3)?, p)?,
        None => ctx.slice_axis(&part("positions"), n.input(3)?, 0, 0, 1, seq)?,
    };
    sum = ctx.binary(&part("sum_positions"), BinaryOp::Add, sum, positions)?;
    if let (Some(segments), Some(table)) = (n.opt(1), n.opt(4)) {
        let s = gather(ctx, "segments", table, segments)?;
        sum = ctx.binary(&part("sum_segments"), BinaryOp::Add, sum, s)?;
    }
    let norm = as_op(n, "LayerNormalization", vec![Some(sum), Some(n.input(5)?), Some(n.input(6)?)], 1);
    let y = normalization::import_layer_norm(ctx, &norm)?[0];
    let mask_index = match n.opt(7) {
        Some(mask) => {
            let one = ctx.scalar(ctx.dtype(mask), 1.0);
            let ones = ctx.binary(&part("mask_ones"), BinaryOp::Equal, mask, one)?;
            // Counted in f32 (exact for any row length a model has; every target reduces f32).
            let ones = ctx.cast(&part("mask_ones_f32"), ones, DType::F32)?;
            let count = ctx.node(
                &part("mask_count"),
                Op::Reduce { kind: ReduceKind::Sum, axes: vec![1], keepdims: false },
                vec![ones],
            )?;
            ctx.cast(&part("mask_index"), count, DType::I32)?
        }
        None => {
            let zero = ctx.scalar(DType::I32, 0.0);
            ctx.node(&part("mask_index"), Op::Expand { shape: crate::ir::fixed_dims(vec![batch]) }, vec![zero])?
        }
    };
    let mut outs = vec![y, mask_index, sum];
    outs.truncate(n.n_outputs.max(1));
    Ok(outs)
}
