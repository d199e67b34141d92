//! Ops with subgraph attributes, resolved at build time by inlining the subgraphs:
//! - If (1+): the condition must be known at build time (a constant, or computed from small
//!   graph inputs given with `--input-value`); the taken branch is inlined.
//! - Loop (1+): unrolled; the trip count and every iteration's condition must be known at
//!   build time. Scan outputs are stacked along a new first axis.
//! - Scan (9+): unrolled over the scan axis, with per-input/-output axes and directions.
//! - FlexAttention (ai.onnx.preview 1): attention whose scores and probabilities pass
//!   through the `score_mod` / `prob_mod` subgraphs.
//!
//! A subgraph sees the names of its enclosing scopes; its nodes are named
//! `<node>/<branch or iteration>/<inner node>`. Unrolling is capped at [`MAX_ITERATIONS`].

use std::collections::HashMap;

use super::attrs::Attrs;
use super::ctx::{Ctx, NodeError, NodeIn};
use super::import::{import_nodes, Scope};
use super::proto::{GraphProto, NodeProto};
use super::tensor::tensor_from_proto;
use crate::ir::{DType, Op, Tensor, ValueId};
use crate::{Error, Unsupported};

/// The most iterations a Loop or Scan is unrolled into.
pub const MAX_ITERATIONS: usize = 4096;

/// The deepest nesting of subgraphs (a hostile model must not exhaust the stack).
pub const MAX_DEPTH: usize = 32;

/// Whether an op is handled here.
pub fn handles(domain: &str, op_type: &str) -> bool {
    match domain {
        "" => matches!(op_type, "If" | "Loop" | "Scan"),
        "ai.onnx.preview" => op_type == "FlexAttention",
        _ => false,
    }
}

pub fn import(
    ctx: &mut Ctx,
    scope: &mut Scope,
    node: &NodeProto,
    n: &NodeIn,
    unsupported: &mut Vec<Unsupported>,
) -> Result<Vec<ValueId>, NodeError> {
    match n.op_type {
        "If" => import_if(ctx, scope, node, n, unsupported),
        "Loop" => import_loop(ctx, scope, node, n, unsupported),
        "FlexAttention" => import_flex_attention(ctx, scope, node, n, unsupported),
        _ => import_scan(ctx, scope, node, n, unsupported),
    }
}

fn body<'a>(node: &'a NodeProto, attr: &str) -> Result<&'a GraphProto, NodeError> {
    Attrs::new(&node.attribute)
        .graph(attr)
        .ok_or_else(|| NodeError::Invalid(format!("attribute `{attr}` (a graph) is required")))
}

/// Imports `g` with its formal inputs bound to `inputs`, returning its outputs.
fn inline(
    ctx: &mut Ctx,
    scope: &Scope,
    g: &GraphProto,
    inputs: &[ValueId],
    prefix: String,
    unsupported: &mut Vec<Unsupported>,
) -> Result<Vec<ValueId>, NodeError> {
    if scope.depth >= MAX_DEPTH {
        return Err(NodeError::Unsupported(format!("subgraphs nested more than {MAX_DEPTH} deep")));
    }
    ctx.check_budget()?;
    if g.input.len() != inputs.len() {
        return Err(NodeError::Invalid(format!("subgraph takes {} inputs, given {}", g.input.len(), inputs.len())));
    }
    let mut names: HashMap<String, ValueId> = scope.names.clone();
    for init in &g.initializer {
        let name = init.name.clone().unwrap_or_default();
        let t = tensor_from_proto(init, usize::MAX)
            .map_err(|e| NodeError::Invalid(format!("subgraph initializer `{name}`: {e}")))?;
        names.insert(name.clone(), ctx.graph.add_const(format!("{prefix}{name}"), t));
    }
    for (formal, &v) in g.input.iter().zip(inputs) {
        names.insert(formal.name.clone().unwrap_or_default(), v);
    }
    let mut inner = Scope { opsets: scope.opsets, names, prefix, depth: scope.depth + 1 };
    let before = unsupported.len();
    import_nodes(ctx, &mut inner, &g.node, unsupported).map_err(|e| match e {
        Error::Unsupported(list) => {
            NodeError::Unsupported(list.iter().map(|u| u.to_string()).collect::<Vec<_>>().join("; "))
        }
        other => NodeError::Invalid(other.to_string()),
    })?;
    if unsupported.len() > before {
        return Err(NodeError::Unsupported("its subgraph has unsupported nodes (listed)".into()));
    }
    g.output
        .iter()
        .map(|o| {
            let name = o.name.clone().unwrap_or_default();
            inner
                .names
                .get(&name)
                .copied()
                .ok_or_else(|| NodeError::Invalid(format!("subgraph output `{name}` is never computed")))
        })
        .collect()
}

fn truth(ctx: &Ctx, v: ValueId, what: &str) -> Result<bool, NodeError> {
    let t = ctx.value_of(v, what)?;
    Ok(t.data.to_f64_vec().first().copied().ok_or_else(|| NodeError::Invalid(format!("{what} is empty")))? != 0.0)
}

fn import_if(
    ctx: &mut Ctx,
    scope: &mut Scope,
    node: &NodeProto,
    n: &NodeIn,
    unsupported: &mut Vec<Unsupported>,
) -> Result<Vec<ValueId>, NodeError> {
    let taken = if truth(ctx, n.input(0)?, "the condition")? { "then_branch" } else { "else_branch" };
    let g = body(node, taken)?;
    inline(ctx, scope, g, &[], format!("{}/{taken}/", n.name), unsupported)
}

/// Stacks same-shaped values along a new axis `axis`.
fn stack(ctx: &mut Ctx, name: &str, parts: &[ValueId], axis: usize) -> Result<ValueId, NodeError> {
    let mut expanded = Vec::with_capacity(parts.len());
    for (i, &p) in parts.iter().enumerate() {
        let mut d = ctx.dims(p)?;
        if axis > d.len() {
            return Err(NodeError::Invalid(format!("axis {axis} is beyond rank {}", d.len())));
        }
        d.insert(axis, 1);
        expanded.push(ctx.node(&format!("{name}/{i}"), Op::Reshape { shape: crate::ir::fixed_dims(d) }, vec![p])?);
    }
    match expanded[..] {
        [] => Err(NodeError::Unsupported("a scan output of zero iterations".into())),
        [one] => Ok(one),
        _ => ctx.node(name, Op::Concat { axis }, expanded),
    }
}

fn import_loop(
    ctx: &mut Ctx,
    scope: &mut Scope,
    node: &NodeProto,
    n: &NodeIn,
    unsupported: &mut Vec<Unsupported>,
) -> Result<Vec<ValueId>, NodeError> {
    let g = body(node, "body")?;
    let trip = match n.opt(0) {
        Some(m) => Some(*ctx.const_i64s(m, "the trip count")?.first().ok_or("empty trip count")?),
        None => None,
    };
    let mut cond = match n.opt(1) {
        Some(c) => truth(ctx, c, "the loop condition")?,
        None => true,
    };
    if trip.is_none() && n.opt(1).is_none() {
        return Err(NodeError::Unsupported("a Loop without trip count or condition".into()));
    }
    let carried: Vec<ValueId> =
        n.inputs.iter().skip(2).map(|v| v.ok_or("a loop-carried value is missing")).collect::<Result<_, _>>()?;
    let n_carried = carried.len();
    let mut state = carried;
    let mut scans: Vec<Vec<ValueId>> = Vec::new();
    let limit = trip.map_or(MAX_ITERATIONS as i64 + 1, |t| t.max(0));
    let mut i = 0i64;
    while i < limit && cond {
        if i as usize >= MAX_ITERATIONS {
            return Err(NodeError::Unsupported(format!("a Loop of more than {MAX_ITERATIONS} iterations")));
        }
        let iter = ctx.constant(Tensor::scalar_of(DType::I64, i as f64));
        let c = ctx.constant(Tensor::scalar_of(DType::Bool, 1.0));
        let mut inputs = vec![iter, c];
        inputs.extend(&state);
        let outs = inline(ctx, scope, g, &inputs, format!("{}/{i}/", n.name), unsupported)?;
        if outs.len() < 1 + n_carried {
            return Err(NodeError::Invalid("the loop body returns too few outputs".into()));
        }
        if n.opt(1).is_some() {
            cond = truth(ctx, outs[0], "the loop condition")?;
        }
        state = outs[1..1 + n_carried].to_vec();
        for (k, &s) in outs[1 + n_carried..].iter().enumerate() {
            if scans.len() <= k {
                scans.push(Vec::new());
            }
            scans[k].push(s);
        }
        i += 1;
    }
    let n_scans = g.output.len().saturating_sub(1 + n_carried);
    let mut outs = state;
    for k in 0..n_scans {
        let parts = scans.get(k).cloned().unwrap_or_default();
        outs.push(stack(ctx, &format!("{}/scan{k}", n.name), &parts, 0)?);
    }
    Ok(outs)
}

fn import_scan(
    ctx: &mut Ctx,
    scope: &mut Scope,
    node: &NodeProto,
    n: &NodeIn,
    unsupported: &mut Vec<Unsupported>,
) -> Result<Vec<ValueId>, NodeError> {
    if n.opset < 9 {
        return Err(NodeError::Unsupported("Scan before opset 9 (batched form)".into()));
    }
    let g = body(node, "body")?;
    let attrs = Attrs::new(&node.attribute);
    let m = usize::try_from(attrs.int("num_scan_inputs").ok_or("attribute `num_scan_inputs` is required")?)
        .map_err(|_| "num_scan_inputs < 0")?;
    let inputs: Vec<ValueId> = n.inputs.iter().map(|v| v.ok_or("a Scan input is missing")).collect::<Result<_, _>>()?;
    let n_state = inputs.len().checked_sub(m).ok_or("more scan inputs than inputs")?;
    let (mut state, scanned) = (inputs[..n_state].to_vec(), inputs[n_state..].to_vec());
    let list = |name: &str, len: usize| -> Vec<i64> { attrs.ints(name).unwrap_or_else(|| vec![0; len]) };
    let (in_axes, in_dirs) = (list("scan_input_axes", m), list("scan_input_directions", m));
    let n_out = g.output.len().checked_sub(n_state).ok_or("the body returns fewer outputs than states")?;
    let (out_axes, out_dirs) = (list("scan_output_axes", n_out), list("scan_output_directions", n_out));
    let mut axes = Vec::new();
    for (j, &v) in scanned.iter().enumerate() {
        axes.push(super::ops::axis(*in_axes.get(j).unwrap_or(&0), ctx.rank(v))?);
    }
    let len = match scanned.first() {
        Some(&v) => ctx.dims(v)?[axes[0]],
        None => return Err(NodeError::Invalid("Scan needs at least one scan input".into())),
    };
    if len > MAX_ITERATIONS {
        return Err(NodeError::Unsupported(format!("a Scan of more than {MAX_ITERATIONS} steps")));
    }
    let mut collected: Vec<Vec<ValueId>> = vec![Vec::new(); n_out];
    for t in 0..len {
        let mut args = state.clone();
        for (j, &v) in scanned.iter().enumerate() {
            let d = ctx.dims(v)?;
            let a = axes[j];
            let at = if in_dirs.get(j).copied().unwrap_or(0) != 0 { d[a] - 1 - t } else { t };
            let s = ctx.slice_axis(&format!("{}/{t}/in{j}", n.name), v, a, at, 1, 1)?;
            let mut squeezed = d.clone();
            squeezed.remove(a);
            args.push(ctx.node(
                &format!("{}/{t}/in{j}_step", n.name),
                Op::Reshape { shape: crate::ir::fixed_dims(squeezed) },
                vec![s],
            )?);
        }
        let outs = inline(ctx, scope, g, &args, format!("{}/{t}/", n.name), unsupported)?;
        state = outs[..n_state].to_vec();
        for (k, &o) in outs[n_state..].iter().enumerate() {
            collected[k].push(o);
        }
    }
    let mut outs = state;
    for (k, mut parts) in collected.into_iter().enumerate() {
        if out_dirs.get(k).copied().unwrap_or(0) != 0 {
            parts.reverse();
        }
        let rank = parts.first().map(|&p| ctx.rank(p)).unwrap_or(0);
        let a = super::ops::axis(*out_axes.get(k).unwrap_or(&0), rank + 1)?;
        outs.push(stack(ctx, &format!("{}/scan{k}", n.name), &parts, a)?);
    }
    Ok(outs)
}

/// FlexAttention, following `onnx/reference/ops/aionnx_preview/op_flex_attention.py`:
/// `softmax(score_mod((Q*sqrt(s)) (K*sqrt(s))^T))`, then `prob_mod`, times V, with GQA and the
/// softmax in softmax_precision (f32 for half inputs).
fn import_flex_attention(
    ctx: &mut Ctx,
    scope: &mut Scope,
    node: &NodeProto,
    n: &NodeIn,
    unsupported: &mut Vec<Unsupported>,
) -> Result<Vec<ValueId>, NodeError> {
    use crate::ir::BinaryOp;
    let p = |s: &str| format!("{}/{s}", n.name);
    let (q, k, v) = (n.input(0)?, n.input(1)?, n.input(2)?);
    let dt = ctx.dtype(q);
    let (qd, kd) = (ctx.dims(q)?, ctx.dims(k)?);
    if qd.len() != 4 || kd.len() != 4 || !dt.is_float() {
        return Err(NodeError::Invalid("FlexAttention needs rank-4 float inputs".into()));
    }
    let k = super::ops::repeat_heads(ctx, &p("k"), k, qd[1])?;
    let v = super::ops::repeat_heads(ctx, &p("v"), v, qd[1])?;
    let scale = n.attrs.float("scale").map_or(1.0 / (qd[3] as f64).sqrt(), |s| s as f64);
    let s = ctx.scalar(dt, (scale as f32).sqrt() as f64);
    let qs = ctx.binary(&p("q_scaled"), BinaryOp::Mul, q, s)?;
    let ks = ctx.binary(&p("k_scaled"), BinaryOp::Mul, k, s)?;
    let kt = ctx.node(&p("k_t"), Op::Transpose { perm: vec![0, 1, 3, 2] }, vec![ks])?;
    let scores = ctx.node(&p("scores"), Op::MatMul, vec![qs, kt])?;
    let compute = match n.attrs.int("softmax_precision") {
        Some(code) => DType::from_onnx_code(code as i32)
            .filter(|d| d.is_float())
            .ok_or_else(|| NodeError::Unsupported(format!("softmax_precision {code}")))?,
        None if matches!(dt, DType::F16 | DType::BF16) => DType::F32,
        None => dt,
    };
    let mut scores = ctx.cast(&p("scores_wide"), scores, compute)?;
    if let Some(g) = Attrs::new(&node.attribute).graph("score_mod") {
        let out = inline(ctx, scope, g, &[scores], format!("{}/score_mod/", n.name), unsupported)?;
        scores = ctx.cast(&p("scores_mod"), *out.first().ok_or("score_mod has no output")?, compute)?;
    }
    let mut probs = ctx.node(&p("softmax"), Op::Softmax { axis: 3, log: false }, vec![scores])?;
    if let Some(g) = Attrs::new(&node.attribute).graph("prob_mod") {
        let out = inline(ctx, scope, g, &[probs], format!("{}/prob_mod/", n.name), unsupported)?;
        probs = ctx.cast(&p("probs_mod"), *out.first().ok_or("prob_mod has no output")?, compute)?;
    }
    let vw = ctx.cast(&p("v_wide"), v, compute)?;
    let y = ctx.node(&p("y"), Op::MatMul, vec![probs, vw])?;
    let vt = ctx.dtype(v);
    let y = ctx.cast(&p("y_out"), y, vt)?;
    Ok(vec![ctx.unary(n.name, crate::ir::UnaryOp::Identity, y)?])
}

#[cfg(test)]
mod tests {
    use super::super::proto::{
        attribute_proto, tensor_proto, type_proto, AttributeProto, ModelProto, OperatorSetIdProto, TensorProto,
        TypeProto, ValueInfoProto,
    };
    use super::*;
    use crate::front::onnx::{import, ImportOptions};

    fn value(name: &str) -> ValueInfoProto {
        let t = type_proto::Tensor { elem_type: Some(tensor_proto::DataType::Float as i32), shape: None };
        ValueInfoProto {
            name: Some(name.into()),
            r#type: Some(TypeProto { value: Some(type_proto::Value::TensorType(t)), ..Default::default() }),
            ..Default::default()
        }
    }

    fn graph_attr(name: &str, g: GraphProto) -> AttributeProto {
        AttributeProto {
            name: Some(name.into()),
            r#type: Some(attribute_proto::AttributeType::Graph as i32),
            g: Some(g),
            ..Default::default()
        }
    }

    /// `depth` nested Ifs on a constant true condition, the innermost returning `x`.
    fn nested_ifs(depth: usize) -> ModelProto {
        let cond = TensorProto {
            name: Some("c".into()),
            data_type: Some(tensor_proto::DataType::Bool as i32),
            int32_data: vec![1],
            ..Default::default()
        };
        let leaf = GraphProto {
            node: vec![NodeProto {
                op_type: Some("Identity".into()),
                input: vec!["x".into()],
                output: vec!["y0".into()],
                ..Default::default()
            }],
            output: vec![value("y0")],
            ..Default::default()
        };
        let mut inner = leaf.clone();
        for level in 1..=depth {
            let out = format!("y{level}");
            let node = NodeProto {
                op_type: Some("If".into()),
                input: vec!["c".into()],
                output: vec![out.clone()],
                attribute: vec![graph_attr("then_branch", inner), graph_attr("else_branch", leaf.clone())],
                ..Default::default()
            };
            inner = GraphProto { node: vec![node], output: vec![value(&out)], ..Default::default() };
        }
        let mut main = inner;
        main.initializer.push(cond);
        let mut x = value("x");
        if let Some(type_proto::Value::TensorType(t)) = x.r#type.as_mut().and_then(|t| t.value.as_mut()) {
            t.shape = Some(super::super::proto::TensorShapeProto { dim: vec![] });
        }
        main.input.push(x);
        ModelProto {
            graph: Some(main),
            opset_import: vec![OperatorSetIdProto { domain: Some(String::new()), version: Some(13) }],
            ..Default::default()
        }
    }

    #[test]
    fn if_with_a_known_condition_inlines_the_branch() {
        let g = import(&nested_ifs(3), &ImportOptions::default()).unwrap();
        assert_eq!(g.outputs.len(), 1);
        assert!(g.node_ids().all(|n| g.node(n).op.kind() == "Identity"));
    }

    #[test]
    fn hostile_nesting_is_an_error_not_a_stack_overflow() {
        let err = import(&nested_ifs(MAX_DEPTH + 8), &ImportOptions::default()).unwrap_err().to_string();
        assert!(err.contains("nested more than"), "{err}");
    }
}
