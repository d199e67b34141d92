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
//! - `SimplifiedLayerNormalization(X, scale; axis, epsilon)` = RMSNormalization. ONNX Runtime
//!   registers this one in the default domain (its opset 1), so models carry it there.

use super::{activation, normalization, Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, MathFn, UnaryOp, ValueId};

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
        "RotaryEmbedding" => {
            let positions = n.input(1)?;
            if ctx.rank(positions) != 2 {
                return Err(NodeError::Unsupported("position_ids as one offset (only [batch, sequence] is)".into()));
            }
            if n.attrs.float_or("scale", 1.0) != 1.0 || n.attrs.int_or("is_packed_batching", 0) != 0 {
                return Err(NodeError::Unsupported("scale other than 1, or packed batching".into()));
            }
            let inputs = vec![Some(n.input(0)?), Some(n.input(2)?), Some(n.input(3)?), Some(positions)];
            super::rotary::import(ctx, &as_op(n, "RotaryEmbedding", inputs, 1))
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
