//! `ronnc inspect`: what a model is and what ronn makes of it.

use std::collections::BTreeMap;
use std::path::Path;

use ronn_compiler::ir::{Graph, Op};
use ronn_compiler::plan::Plan;
use ronn_compiler::{Compiled, Error};
use serde_json::json;

use crate::{compiler_for, CompileOpts, Failure};

/// Multiply-adds count twice; elementwise ops count once per output element.
fn flops(g: &Graph) -> u64 {
    let mut total = 0u64;
    for n in g.node_ids() {
        let node = g.node(n);
        // Symbolic dims count at their bounds (the largest run the model was compiled for).
        let bound = |s: &str| g.bounds.get(s).and_then(|&b| i64::try_from(b).ok());
        let dims = |v: ronn_compiler::ir::ValueId| -> Vec<usize> {
            g.value(v)
                .ty
                .shape
                .iter()
                .map(|d| d.eval(&bound).and_then(|n| usize::try_from(n).ok()).unwrap_or(0))
                .collect()
        };
        let out: u64 = node.outputs.first().map(|&o| dims(o).iter().product::<usize>() as u64).unwrap_or(0);
        // A fused head (Conv, MatMul) counts below as the op it is; the epilogue once per element
        // for each of its ops (a head-less group's first op is counted below).
        let op = node.op.kernel_op();
        let epilogue = if let Op::Fused { head, expr } = &node.op {
            let ops = if head.is_some() { expr.ops() } else { expr.ops().saturating_sub(1) };
            out * ops as u64
        } else {
            0
        };
        total += epilogue;
        total += match op {
            // Weights are [M, C/group, k...]: one output reads C/group * k... inputs.
            Op::Conv { .. } | Op::DeformConv { .. } => {
                2 * out * dims(node.inputs[1]).get(1..).unwrap_or_default().iter().product::<usize>() as u64
            }
            Op::MatMul => {
                let a = dims(node.inputs[0]);
                2 * out * a.last().copied().unwrap_or(1) as u64
            }
            Op::Reshape { .. }
            | Op::Transpose { .. }
            | Op::Concat { .. }
            | Op::Gather { .. }
            | Op::GatherElements { .. }
            | Op::GatherNd { .. }
            | Op::ScatterElements { .. }
            | Op::ScatterNd { .. }
            | Op::Slice { .. }
            | Op::Expand { .. } => 0,
            // About one operation per output element.
            Op::Unary(_)
            | Op::Binary(_)
            | Op::Where
            | Op::Cast { .. }
            | Op::BitCast { .. }
            | Op::ConvTranspose { .. }
            | Op::Pool { .. }
            | Op::MaxPoolIndices { .. }
            | Op::Lrn { .. }
            | Op::Softmax { .. }
            | Op::Reduce { .. }
            | Op::ArgReduce { .. }
            | Op::Tile { .. }
            | Op::Pad { .. }
            | Op::Resample { .. }
            | Op::Cumulative { .. }
            | Op::TopK { .. }
            | Op::GridSample { .. }
            | Op::RoiAlign { .. }
            | Op::Det
            | Op::Shape { .. }
            | Op::LayerNorm { .. }
            | Op::SqueezeExcite { .. }
            | Op::Attention { .. }
            | Op::Recurrence { .. }
            | Op::Fused { .. } => out,
        };
    }
    total
}

fn io_json(g: &Graph, values: &[ronn_compiler::ir::ValueId]) -> serde_json::Value {
    values
        .iter()
        .map(|&v| {
            let val = g.value(v);
            let shape: Vec<serde_json::Value> = val
                .ty
                .shape
                .iter()
                .map(|d| match d.as_fixed() {
                    Some(n) => json!(n),
                    None => json!(d.to_string()),
                })
                .collect();
            json!({ "name": val.name, "dtype": val.ty.dtype.rust_name(), "shape": shape })
        })
        .collect()
}

/// Core ops after all passes that run a kernel (`views: false`), or that the memory plan made
/// views of memory other nodes write, so they run none (`views: true`).
fn ir_ops(g: &Graph, plan: &Plan, views: bool) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for n in g.node_ids().filter(|n| plan.views.nodes.contains(n) == views) {
        *m.entry(g.node(n).op.kind()).or_insert(0) += 1;
    }
    m
}

/// Files `inspect` writes besides its report.
pub struct Dumps<'a> {
    /// The optimised graph for Graphviz.
    pub dot: Option<&'a Path>,
    /// The optimised graph in the IR's text form.
    pub ir: Option<&'a Path>,
}

pub fn run(model: &Path, json_out: bool, show_passes: bool, dumps: Dumps, opts: &CompileOpts) -> Result<(), Failure> {
    let compiler = compiler_for(model, opts)?;
    let compiled = match compiler.compile() {
        Ok(c) => c,
        Err(Error::Unsupported(list)) if json_out => {
            let unsupported: Vec<_> = list
                .iter()
                .map(|u| json!({"node": u.node, "op_type": u.op_type, "domain": u.domain, "reason": u.reason}))
                .collect();
            println!("{}", json!({ "unsupported": unsupported }));
            return Err(Failure::internal(format!("{} unsupported node(s)", list.len())));
        }
        // What can be said without compiling still helps: the declared inputs and outputs and
        // the op histogram, then why it does not compile.
        Err(e) if !json_out => {
            print_declared(model);
            if let Error::Unsupported(list) = &e {
                println!("unsupported: {} node(s), listed below", list.len());
            } else {
                println!("does not compile: see below");
            }
            return Err(e.into());
        }
        Err(e) => return Err(e.into()),
    };
    let Compiled { graph: g, plan, passes, onnx_ops, .. } = &compiled;
    let write = |path: &Path, text: String| {
        std::fs::write(path, text).map_err(|e| Failure::internal(format!("cannot write `{}`: {e}", path.display())))
    };
    if let Some(path) = dumps.dot {
        write(path, to_dot(g, plan))?;
    }
    if let Some(path) = dumps.ir {
        write(path, ronn_compiler::ir::text::print(g))?;
    }
    if json_out {
        let passes_json: Vec<_> = passes
            .iter()
            .map(|p| json!({"pass": p.pass, "nodes_before": p.nodes_before, "nodes_after": p.nodes_after, "weight_bytes_before": p.weight_bytes_before, "weight_bytes_after": p.weight_bytes_after}))
            .collect();
        let v = json!({
            "inputs": io_json(g, &g.inputs),
            "outputs": io_json(g, &g.outputs),
            "onnx_ops": onnx_ops,
            "ir_ops": ir_ops(g, plan, false),
            "views": ir_ops(g, plan, true),
            "unsupported": [],
            "flops": flops(g),
            "weight_bytes": plan.weight_bytes,
            "arena_bytes": plan.arena_bytes,
            "intermediate_bytes": plan.intermediate_bytes,
            "passes": passes_json,
        });
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        return Ok(());
    }
    println!("model: {}", model.display());
    for (label, list) in [("input", &g.inputs), ("output", &g.outputs)] {
        for &v in list.iter() {
            println!("  {label} {}: {}", g.value(v).name, g.value(v).ty);
        }
    }
    println!("onnx ops ({} nodes):", onnx_ops.values().sum::<usize>());
    for (op, n) in onnx_ops {
        println!("  {op:<24} {n}");
    }
    let (kernels, views) = (ir_ops(g, plan, false), ir_ops(g, plan, true));
    println!("ir ops after passes ({} nodes):", kernels.values().sum::<usize>());
    for (op, n) in kernels {
        println!("  {op:<24} {n}");
    }
    if !views.is_empty() {
        println!("views, which run no kernel ({} nodes):", views.values().sum::<usize>());
        for (op, n) in views {
            println!("  {op:<24} {n}");
        }
    }
    println!("unsupported: none");
    println!("flops: {}", flops(g));
    println!("weight bytes: {}", plan.weight_bytes);
    println!("arena bytes: {} (without reuse: {})", plan.arena_bytes, plan.intermediate_bytes);
    if show_passes {
        println!("passes:");
        for p in passes {
            println!(
                "  {:<12} nodes {} -> {}, weight bytes {} -> {}",
                p.pass, p.nodes_before, p.nodes_after, p.weight_bytes_before, p.weight_bytes_after
            );
        }
    }
    Ok(())
}

/// The model as its file declares it (inputs that are not initializers, outputs, op histogram),
/// for when it does not compile. Prints nothing if the file cannot be read.
fn print_declared(model: &Path) {
    use ronn_compiler::front::onnx::proto::{tensor_shape_proto::dimension, type_proto, ValueInfoProto};
    let Ok(proto) = ronn_compiler::front::onnx::load_model(model) else { return };
    let Some(g) = &proto.graph else { return };
    let describe = |v: &ValueInfoProto| {
        let Some(type_proto::Value::TensorType(t)) = v.r#type.as_ref().and_then(|t| t.value.as_ref()) else {
            return "(not a tensor)".to_string();
        };
        let dtype = t
            .elem_type
            .and_then(|c| ronn_compiler::front::onnx::proto::tensor_proto::DataType::try_from(c).ok())
            .map_or("?".to_string(), |d| d.as_str_name().to_ascii_lowercase());
        let dims: Vec<String> = t.shape.as_ref().map_or(Vec::new(), |s| {
            s.dim
                .iter()
                .map(|d| match &d.value {
                    Some(dimension::Value::DimValue(n)) => n.to_string(),
                    Some(dimension::Value::DimParam(p)) => p.clone(),
                    None => "?".to_string(),
                })
                .collect()
        });
        format!("{dtype}[{}] (declared)", dims.join(", "))
    };
    println!("model: {}", model.display());
    let initializers: std::collections::HashSet<&str> =
        g.initializer.iter().filter_map(|t| t.name.as_deref()).collect();
    for v in g.input.iter().filter(|v| !initializers.contains(v.name.as_deref().unwrap_or_default())) {
        println!("  input {}: {}", v.name.as_deref().unwrap_or_default(), describe(v));
    }
    for v in &g.output {
        println!("  output {}: {}", v.name.as_deref().unwrap_or_default(), describe(v));
    }
    let mut ops = BTreeMap::new();
    for n in &g.node {
        *ops.entry(n.op_type.clone().unwrap_or_default()).or_insert(0usize) += 1;
    }
    println!("onnx ops ({} nodes):", g.node.len());
    for (op, n) in ops {
        println!("  {op:<24} {n}");
    }
}

/// Graphviz text; labels are escaped so model names cannot break the file.
fn to_dot(g: &Graph, plan: &Plan) -> String {
    let esc = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    let mut s = String::from("digraph model {\n  node [shape=box];\n");
    for n in g.node_ids() {
        let node = g.node(n);
        // A fused node shows the expression it computes (x0, x1... are its inputs in order).
        let kind = if let ronn_compiler::ir::Op::Fused { head, expr } = &node.op {
            match head {
                None => format!("Fused\n{expr}"),
                Some(h) => format!("Fused\n{} -> x0\n{expr}", h.op.kind()),
            }
        } else {
            node.op.kind()
        };
        // Views run no kernel: drawn dashed.
        let style = if plan.views.nodes.contains(&n) { ", style=dashed" } else { "" };
        s.push_str(&format!(
            "  n{} [label=\"{}\\n{}\"{style}];\n",
            node.outputs[0].index(),
            esc(&kind),
            esc(&node.name)
        ));
    }
    for n in g.node_ids() {
        let node = g.node(n);
        for &i in &node.inputs {
            if let ronn_compiler::ir::ValueDef::Node { node: p, .. } = g.value(i).def {
                s.push_str(&format!("  n{} -> n{};\n", g.node(p).outputs[0].index(), node.outputs[0].index()));
            }
        }
    }
    s.push_str("}\n");
    s
}
