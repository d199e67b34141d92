//! ONNX graph -> IR graph. Walks the nodes in order, dispatching each to its op importer under
//! `ops/`, and gathers every unsupported node before failing so that users see them all at once.
//!
//! Constant inputs are folded while importing (with the runtime's kernels, see `ir::eval`):
//! exporters spell shapes as arithmetic on `Shape` outputs, and with static shapes all of it
//! becomes constants here, so ops like Reshape see their target shape. With symbolic dims the
//! same arithmetic is followed on polynomials (`symbolic.rs`).

use std::collections::HashMap;

use super::attrs::Attrs;
use super::ctx::{Ctx, ImportOptions, NodeError, NodeIn};
use super::ops;
use super::proto::{type_proto, ModelProto, NodeProto, ValueInfoProto};
use super::subgraphs;
use super::tensor::tensor_from_proto;
use super::{MAX_OPSET, MIN_OPSET};
use crate::ir::{DType, Dim, Graph, TensorType, ValueId};
use crate::{Error, Unsupported};

/// Imports a decoded model into an IR graph.
pub fn import(model: &ModelProto, opts: &ImportOptions) -> Result<Graph, Error> {
    let graph_proto = model.graph.as_ref().ok_or_else(|| Error::Model("the model has no graph".into()))?;
    let mut opsets: HashMap<String, i64> = HashMap::new();
    for o in &model.opset_import {
        let domain = o.domain.clone().unwrap_or_default();
        let domain = if domain == "ai.onnx" { String::new() } else { domain };
        opsets.insert(domain, o.version.unwrap_or(1));
    }
    let opset = *opsets.get("").unwrap_or(&MAX_OPSET);
    if !(MIN_OPSET..=MAX_OPSET).contains(&opset) {
        return Err(Error::Model(format!(
            "opset {opset} of the default domain is outside the supported range {MIN_OPSET}..={MAX_OPSET}"
        )));
    }
    if graph_proto.output.is_empty() {
        return Err(Error::Model("the graph has no outputs".into()));
    }
    let mut graph = Graph::new(graph_proto.name.clone().unwrap_or_else(|| "model".into()));
    for (s, &max) in &opts.dim_max {
        if max == 0 {
            return Err(Error::Model(format!("--dim-max {s}=0: a bound must be at least 1")));
        }
        if !opts.dims.contains_key(s) {
            graph.bounds.insert(s.clone(), max);
        }
    }
    let mut names: HashMap<String, ValueId> = HashMap::new();

    for init in &graph_proto.initializer {
        let name = init.name.clone().unwrap_or_default();
        let t = tensor_from_proto(init, opts.max_tensor_bytes)
            .map_err(|e| Error::Model(format!("initializer `{name}`: {e}")))?;
        if names.insert(name.clone(), graph.add_const(name.clone(), t)).is_some() {
            return Err(Error::Model(format!("initializer `{name}` is defined twice")));
        }
    }
    for input in &graph_proto.input {
        let name = input.name.clone().unwrap_or_default();
        if names.contains_key(&name) {
            continue; // old exporters list initialisers among the inputs
        }
        let ty = value_type(input, opts).map_err(|e| match e {
            NodeError::NeedsInputs { .. } => Error::Model(format!("graph input `{name}`: unexpected")),
            NodeError::Unsupported(reason) => Error::Unsupported(vec![Unsupported {
                node: name.clone(),
                op_type: "graph input".into(),
                domain: String::new(),
                opset,
                reason,
                needs_inputs: Vec::new(),
            }]),
            NodeError::Invalid(reason) => Error::Model(format!("graph input `{name}`: {reason}")),
        })?;
        let id = graph.add_input(name.clone(), ty.clone());
        match opts.input_values.get(&name) {
            Some(value) => {
                if value.dtype() != ty.dtype || ty.static_dims().is_some_and(|d| d != value.shape) {
                    return Err(Error::Model(format!(
                        "graph input `{name}` is {ty}, but the value given for it is {}",
                        value.ty()
                    )));
                }
                graph.specialized.push((id, value.clone()));
                names.insert(name.clone(), graph.add_const(format!("{name}_value"), value.clone()));
            }
            None => {
                names.insert(name, id);
            }
        }
    }

    let mut unsupported = Vec::new();
    let mut ctx = Ctx { graph: &mut graph, opts, counter: 0, shape_values: HashMap::new() };
    let mut scope = Scope { opsets: &opsets, names, prefix: String::new(), depth: 0 };
    import_nodes(&mut ctx, &mut scope, &graph_proto.node, &mut unsupported)?;
    let names = scope.names;
    if !unsupported.is_empty() {
        // Also list later nodes of unknown op types, so the report is complete.
        return Err(Error::Unsupported(unsupported));
    }

    for out in &graph_proto.output {
        let name = out.name.clone().unwrap_or_default();
        let v = *names.get(&name).ok_or_else(|| Error::Model(format!("graph output `{name}` is never computed")))?;
        graph.outputs.push(v);
    }
    crate::ir::verify(&graph)?;
    Ok(graph)
}

/// How a node is imported: an op importer, or one that inlines subgraph attributes.
enum Importer {
    Op(ops::ImportFn),
    Subgraphs,
}

/// The names visible to a node list, its opsets, and the prefix of inlined node names.
pub(super) struct Scope<'a> {
    pub opsets: &'a HashMap<String, i64>,
    pub names: HashMap<String, ValueId>,
    pub prefix: String,
    /// How many subgraphs enclose this one (bounded: see `subgraphs::MAX_DEPTH`).
    pub depth: usize,
}

/// Imports `nodes` in order into `ctx`, binding their outputs in `scope`; unsupported nodes are
/// collected (and later nodes only checked for an importer).
pub(super) fn import_nodes(
    ctx: &mut Ctx,
    scope: &mut Scope,
    nodes: &[NodeProto],
    unsupported: &mut Vec<Unsupported>,
) -> Result<(), Error> {
    for (i, node) in nodes.iter().enumerate() {
        let own = node
            .name
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("{}_{i}", node.op_type.clone().unwrap_or_default()));
        let node_name = format!("{}{own}", scope.prefix);
        let domain = node.domain.clone().unwrap_or_default();
        let domain = if domain == "ai.onnx" { String::new() } else { domain };
        let op_type = node.op_type.clone().unwrap_or_default();
        let node_opset = scope.opsets.get(&domain).copied().unwrap_or(0);
        let report = |reason: String, needs_inputs: Vec<String>| Unsupported {
            node: node_name.clone(),
            op_type: op_type.clone(),
            domain: domain.clone(),
            opset: node_opset,
            reason,
            needs_inputs,
        };

        let mut inputs = Vec::new();
        let mut missing = None;
        for name in &node.input {
            if name.is_empty() {
                inputs.push(None);
            } else if let Some(&v) = scope.names.get(name) {
                inputs.push(Some(v));
            } else {
                missing = Some(name.clone());
            }
        }
        let importer = if subgraphs::handles(&domain, &op_type) {
            Some(Importer::Subgraphs)
        } else if !domain.is_empty() {
            ops::lookup_in(&domain, &op_type).map(Importer::Op)
        } else {
            ops::lookup(&op_type).map(Importer::Op)
        };
        let Some(importer) = importer else {
            unsupported.push(report("no importer for this op".into(), Vec::new()));
            continue;
        };
        if let Some(m) = missing {
            // Inputs produced by an unsupported node are expected; anything else is an error.
            if unsupported.is_empty() {
                let later = nodes.iter().find(|n| n.output.contains(&m)).and_then(|n| n.name.clone());
                return Err(Error::Model(match later {
                    Some(by) => format!("node `{node_name}` ({op_type}) reads `{m}`, which only node `{by}` after it defines: the graph has a cycle or is not in topological order"),
                    None => format!("node `{node_name}` ({op_type}) reads `{m}`, which is not defined before it"),
                }));
            }
            continue;
        }
        if !unsupported.is_empty() {
            // Keep checking support for later nodes without building them.
            continue;
        }
        let n = NodeIn {
            name: &node_name,
            op_type: &op_type,
            opset: node_opset,
            attrs: Attrs::new(&node.attribute),
            inputs,
            n_outputs: node.output.len(),
        };
        let first_new = ctx.graph.value_count();
        let result = match importer {
            Importer::Op(f) => f(ctx, &n),
            Importer::Subgraphs => subgraphs::import(ctx, scope, node, &n, unsupported),
        };
        match result {
            Ok(outs) => bind_outputs(ctx, node, &node_name, outs, first_new, &mut scope.names).map_err(Error::Model)?,
            Err(NodeError::Unsupported(reason)) => unsupported.push(report(reason, Vec::new())),
            Err(NodeError::NeedsInputs { inputs, what }) => {
                let list = inputs.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ");
                let reason = format!("{what} comes from graph input(s) {list}, whose value ronn needs at build time (--input-value NAME=FILE)");
                unsupported.push(report(reason, inputs))
            }
            Err(NodeError::Invalid(reason)) => {
                return Err(Error::Model(format!("node `{node_name}` ({op_type}): {reason}")))
            }
        }
    }
    Ok(())
}

/// Maps the node's ONNX output names to the importer's values; values the node created take
/// the ONNX name (an Identity may return its input, which keeps its own name).
fn bind_outputs(
    ctx: &mut Ctx,
    node: &NodeProto,
    node_name: &str,
    outs: Vec<ValueId>,
    first_new: usize,
    names: &mut HashMap<String, ValueId>,
) -> Result<(), String> {
    for (k, name) in node.output.iter().enumerate() {
        if name.is_empty() {
            continue;
        }
        let v = *outs
            .get(k)
            .ok_or_else(|| format!("node `{node_name}` output {k} (`{name}`) is not produced by ronn's importer"))?;
        if names.contains_key(name) {
            return Err(format!("value `{name}` is defined twice (again by node `{node_name}`)"));
        }
        if v.index() >= first_new {
            ctx.graph.rename_value(v, name.clone());
        }
        names.insert(name.clone(), v);
    }
    Ok(())
}

fn value_type(v: &ValueInfoProto, opts: &ImportOptions) -> Result<TensorType, NodeError> {
    let Some(type_proto::Value::TensorType(t)) = v.r#type.as_ref().and_then(|t| t.value.as_ref()) else {
        return Err(NodeError::Unsupported(
            "only tensor inputs are supported (not sequences, maps or optionals)".into(),
        ));
    };
    let code = t.elem_type.unwrap_or(0);
    let dtype = DType::from_onnx_code(code)
        .ok_or_else(|| NodeError::Unsupported(format!("element type {} is not supported", elem_type_name(code))))?;
    let shape = t.shape.as_ref().ok_or("the input has no shape")?;
    let mut dims = Vec::new();
    for (i, d) in shape.dim.iter().enumerate() {
        use super::proto::tensor_shape_proto::dimension::Value;
        dims.push(match &d.value {
            Some(Value::DimValue(n)) => Dim::fixed(usize::try_from(*n).map_err(|_| format!("negative dim {n}"))?),
            Some(Value::DimParam(s)) => match opts.dims.get(s) {
                Some(&n) => Dim::fixed(n),
                None => Dim::sym(s),
            },
            // An unnamed dim is its own symbol.
            None => Dim::sym(&format!("{}_{i}", v.name.as_deref().unwrap_or("input"))),
        });
    }
    let ty = TensorType::new(dtype, dims);
    if ty.bytes().is_some_and(|b| b > opts.max_tensor_bytes) {
        return Err(format!("{ty} exceeds the size limit of {} bytes", opts.max_tensor_bytes).into());
    }
    Ok(ty)
}

/// The ONNX name of an element type code, for messages.
pub fn elem_type_name(code: i32) -> String {
    use super::proto::tensor_proto::DataType;
    DataType::try_from(code).map(|t| t.as_str_name().to_string()).unwrap_or_else(|_| format!("code {code}"))
}
