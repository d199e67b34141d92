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
use super::input_dims::{input_dim, InputDim};
use super::ops;
use super::proto::{type_proto, ModelProto, NodeProto, ValueInfoProto};
use super::subgraphs;
use super::tensor::tensor_from_proto;
use super::{MAX_OPSET, MIN_OPSET};
use crate::ir::{DType, Dim, Graph, TensorType, ValueId};
use crate::{Error, Unsupported};

/// Imports a decoded model into an IR graph.
pub fn import(model: &ModelProto, opts: &ImportOptions) -> Result<Graph, Error> {
    let mut found = Vec::new();
    let first = import_once(model, opts, &mut found);
    if first.is_ok() || found.is_empty() {
        return first;
    }
    // Broadcasts that need symbols equal (`total_sequence` = `past_sequence + sequence`): import
    // again with the inputs declaring them so, until no new one shows (each removes a symbol).
    let mut opts = opts.clone();
    for _ in 0..MAX_EQUALITY_ROUNDS {
        let new: Vec<(String, Dim)> = found.drain(..).filter(|(s, _)| !opts.dim_exprs.contains_key(s)).collect();
        if new.is_empty() {
            break;
        }
        opts.dim_exprs.extend(new);
        let again = import_once(model, &opts, &mut found);
        if again.is_ok() {
            return again;
        }
    }
    // No equality helped: the first attempt's error names the broadcast.
    first
}

/// Import rounds that may each find symbols equal to expressions (a decoder with a KV cache
/// needs one: its total length).
const MAX_EQUALITY_ROUNDS: usize = 4;

/// One import with `opts`; symbols that broadcasts showed equal to expressions are added to
/// `found`.
fn import_once(model: &ModelProto, opts: &ImportOptions, found: &mut Vec<(String, Dim)>) -> Result<Graph, Error> {
    let graph_proto = model.graph.as_ref().ok_or_else(|| Error::Model("the model has no graph".into()))?;
    let mut opsets: HashMap<String, i64> = HashMap::new();
    for o in &model.opset_import {
        let domain = o.domain.clone().unwrap_or_default();
        let domain = if domain == "ai.onnx" { String::new() } else { domain };
        opsets.insert(domain, o.version.unwrap_or(1));
    }
    // A model that names no opset of the default domain is read at the newest one, by the
    // range check and by every node alike.
    let opset = *opsets.entry(String::new()).or_insert(MAX_OPSET);
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
        // A symbol declared as an expression of others is bounded through them.
        if !opts.dims.contains_key(s) && !opts.dim_exprs.contains_key(s) {
            graph.bounds.insert(s.clone(), max);
        }
    }
    for (s, &min) in &opts.dim_min {
        if opts.dim_max.get(s).is_some_and(|&max| min > max) {
            return Err(Error::Model(format!("--dim-min {s}={min} is above its --dim-max")));
        }
        if !opts.dims.contains_key(s) && !opts.dim_exprs.contains_key(s) && min != 1 {
            graph.mins.insert(s.clone(), min);
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
    let mut ctx = Ctx { graph: &mut graph, opts, counter: 0, shape_values: HashMap::new(), equalities: Vec::new() };
    let mut scope = Scope { opsets: &opsets, names, prefix: String::new(), depth: 0 };
    let imported = import_nodes(&mut ctx, &mut scope, &graph_proto.node, &mut unsupported);
    found.append(&mut ctx.equalities);
    imported?;
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
            named_outputs: node.output.iter().map(|o| !o.is_empty()).collect(),
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
    let input = v.name.as_deref().unwrap_or("input");
    let mut dims = Vec::new();
    for (axis, d) in shape.dim.iter().enumerate() {
        // A symbol given a value (`--dim`) is fixed; unknown dims have names too (`x_2`).
        dims.push(match input_dim(input, axis, d)? {
            InputDim::Fixed(n) => Dim::fixed(n),
            InputDim::Symbol(s) => match (opts.dims.get(&s), opts.dim_exprs.get(&s)) {
                (Some(&n), _) => Dim::fixed(n),
                // An expression of other symbols, fixed when `--dim` fixes all of them.
                (None, Some(e)) => match e.eval(&|x| opts.dims.get(x).and_then(|&n| i64::try_from(n).ok())) {
                    Some(n) => Dim::int(n),
                    None => e.clone(),
                },
                (None, None) => Dim::sym(&s),
            },
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

#[cfg(test)]
mod tests {
    use super::super::proto::{
        tensor_shape_proto, type_proto, GraphProto, OperatorSetIdProto, TensorProto, TensorShapeProto, TypeProto,
    };
    use super::*;
    use crate::ir::{Data, Op, Tensor, UnaryOp, ValueDef};

    /// A dim: a size, a named symbol, or nothing.
    enum D {
        N(i64),
        S(&'static str),
        None,
    }

    fn input(name: &str, code: i32, dims: &[D]) -> ValueInfoProto {
        use tensor_shape_proto::dimension::Value;
        let dim = dims
            .iter()
            .map(|d| tensor_shape_proto::Dimension {
                value: match d {
                    D::N(n) => Some(Value::DimValue(*n)),
                    D::S(s) => Some(Value::DimParam(s.to_string())),
                    D::None => None,
                },
                ..Default::default()
            })
            .collect();
        ValueInfoProto {
            name: Some(name.into()),
            r#type: Some(TypeProto {
                value: Some(type_proto::Value::TensorType(type_proto::Tensor {
                    elem_type: Some(code),
                    shape: Some(TensorShapeProto { dim }),
                })),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn f32_input(name: &str, dims: &[D]) -> ValueInfoProto {
        input(name, DType::F32.onnx_code(), dims)
    }

    fn output(name: &str) -> ValueInfoProto {
        ValueInfoProto { name: Some(name.into()), ..Default::default() }
    }

    fn relu(name: &str, x: &str, y: &str) -> NodeProto {
        NodeProto {
            op_type: Some("Relu".into()),
            name: Some(name.into()),
            input: vec![x.into()],
            output: vec![y.into()],
            ..Default::default()
        }
    }

    fn init(name: &str, v: &[f32]) -> TensorProto {
        TensorProto {
            name: Some(name.into()),
            dims: vec![v.len() as i64],
            data_type: Some(DType::F32.onnx_code()),
            float_data: v.to_vec(),
            ..Default::default()
        }
    }

    fn model(graph: GraphProto) -> ModelProto {
        ModelProto {
            opset_import: vec![OperatorSetIdProto { domain: Some(String::new()), version: Some(13) }],
            graph: Some(graph),
            ..Default::default()
        }
    }

    /// Relu of input `x`, output `y`.
    fn relu_graph(x: ValueInfoProto) -> GraphProto {
        GraphProto { node: vec![relu("r", "x", "y")], input: vec![x], output: vec![output("y")], ..Default::default() }
    }

    fn err(m: &ModelProto, opts: &ImportOptions) -> String {
        match import(m, opts) {
            Ok(_) => panic!("the import should fail"),
            Err(e) => e.to_string(),
        }
    }

    fn x_type(g: &Graph) -> TensorType {
        g.value(g.inputs[0]).ty.clone()
    }

    #[test]
    fn a_model_needs_a_graph_with_outputs() {
        let opts = ImportOptions::default();
        assert!(err(&ModelProto::default(), &opts).contains("no graph"));
        let mut g = relu_graph(f32_input("x", &[D::N(2)]));
        g.output.clear();
        assert!(err(&model(g), &opts).contains("no outputs"));
    }

    #[test]
    fn the_default_opset_must_be_in_range_under_either_domain_spelling() {
        let opts = ImportOptions::default();
        let mut m = model(relu_graph(f32_input("x", &[D::N(2)])));
        m.opset_import = vec![OperatorSetIdProto { domain: Some("ai.onnx".into()), version: Some(MAX_OPSET + 1) }];
        assert!(err(&m, &opts).contains(&format!("opset {}", MAX_OPSET + 1)));
        m.opset_import[0].version = Some(MIN_OPSET);
        assert!(import(&m, &opts).is_ok());
    }

    #[test]
    fn graph_input_dims_fixed_symbolic_and_unnamed() {
        let opts = ImportOptions::default();
        let g = import(&model(relu_graph(f32_input("x", &[D::S("batch"), D::N(3), D::None]))), &opts).unwrap();
        assert_eq!(x_type(&g).shape, vec![Dim::sym("batch"), Dim::fixed(3), Dim::sym("x_2")]);
        // --dim fixes a named symbol.
        let opts = ImportOptions { dims: [("batch".to_string(), 4)].into(), ..ImportOptions::default() };
        let g = import(&model(relu_graph(f32_input("x", &[D::S("batch"), D::N(3)]))), &opts).unwrap();
        assert_eq!(x_type(&g), TensorType::fixed(DType::F32, &[4, 3]));
        // ... and an unnamed one, by the name it was given.
        let opts = ImportOptions { dims: [("x_1".to_string(), 7)].into(), ..ImportOptions::default() };
        let g = import(&model(relu_graph(f32_input("x", &[D::N(2), D::None]))), &opts).unwrap();
        assert_eq!(x_type(&g), TensorType::fixed(DType::F32, &[2, 7]));
    }

    /// `y = Concat(past, new) + total`: a KV cache's keys against a mask of the total length.
    fn cache_graph(total: D) -> GraphProto {
        let node = |op: &str, ins: &[&str], out: &str, attribute| NodeProto {
            op_type: Some(op.into()),
            name: Some(out.into()),
            input: ins.iter().map(|s| s.to_string()).collect(),
            output: vec![out.into()],
            attribute,
            ..Default::default()
        };
        let axis = super::super::proto::AttributeProto {
            name: Some("axis".into()),
            i: Some(0),
            r#type: Some(2),
            ..Default::default()
        };
        GraphProto {
            node: vec![
                node("Concat", &["past", "new"], "keys", vec![axis]),
                node("Add", &["keys", "total"], "y", vec![]),
            ],
            input: vec![
                f32_input("past", &[D::S("past")]),
                f32_input("new", &[D::S("seq")]),
                f32_input("total", &[total]),
            ],
            output: vec![output("y")],
            ..Default::default()
        }
    }

    #[test]
    fn a_broadcast_of_a_symbol_against_an_expression_declares_them_equal() {
        let g = import(&model(cache_graph(D::S("total"))), &ImportOptions::default()).unwrap();
        // The mask input now reads `past + seq` (the run checks it); `total` is gone.
        let total = g.value(g.inputs[2]).ty.shape[0].clone();
        assert_eq!(total, &Dim::sym("past") + &Dim::sym("seq"));
        assert!(g.value(g.outputs[0]).ty.shape[0] == total);
        // Against a size the symbol is not assumed equal (it may be 1 there): with past and
        // seq fixed by --dim, `total` needs its own --dim.
        let opts = ImportOptions { dims: [("past".into(), 3), ("seq".into(), 2)].into(), ..ImportOptions::default() };
        let e = err(&model(cache_graph(D::S("total"))), &opts);
        assert!(e.contains("f32[5] and f32[total] do not broadcast"), "{e}");
        // Two sizes that differ stay an error naming the broadcast.
        let e = err(&model(cache_graph(D::N(4))), &ImportOptions::default());
        assert!(e.contains("do not broadcast"), "{e}");
    }

    #[test]
    fn negative_and_oversized_input_dims_are_refused() {
        let opts = ImportOptions::default();
        let e = err(&model(relu_graph(f32_input("x", &[D::N(-2)]))), &opts);
        assert!(e.contains("graph input `x`") && e.contains("negative dim -2"), "{e}");
        let small = ImportOptions { max_tensor_bytes: 16, ..ImportOptions::default() };
        let e = err(&model(relu_graph(f32_input("x", &[D::N(5)]))), &small);
        assert!(e.contains("exceeds the size limit of 16 bytes"), "{e}");
    }

    #[test]
    fn an_input_of_an_unsupported_element_type_is_reported_as_unsupported() {
        // 8 is STRING.
        let m = model(relu_graph(input("x", 8, &[D::N(2)])));
        match import(&m, &ImportOptions::default()) {
            Err(Error::Unsupported(list)) => {
                assert_eq!((list[0].node.as_str(), list[0].op_type.as_str()), ("x", "graph input"));
                assert!(list[0].reason.contains("STRING"), "{}", list[0].reason);
            }
            other => panic!("expected Unsupported, got {other:?}"),
        }
    }

    #[test]
    fn initializers_listed_among_inputs_stay_constants() {
        let mut g = relu_graph(f32_input("x", &[D::N(2)]));
        g.initializer.push(init("x", &[-1., 2.]));
        let g = import(&model(g), &ImportOptions::default()).unwrap();
        assert!(g.inputs.is_empty());
        // Relu of a constant folds.
        match &g.value(g.outputs[0]).def {
            ValueDef::Const(t) => assert_eq!(t.data, Data::F32(vec![0., 2.])),
            other => panic!("expected a constant, got {other:?}"),
        }
    }

    #[test]
    fn an_initializer_defined_twice_is_refused() {
        let mut g = relu_graph(f32_input("x", &[D::N(2)]));
        g.initializer = vec![init("w", &[1.]), init("w", &[2.])];
        assert!(err(&model(g), &ImportOptions::default()).contains("initializer `w` is defined twice"));
    }

    #[test]
    fn an_initializer_whose_data_disagrees_with_its_dims_is_refused() {
        let mut g = relu_graph(f32_input("x", &[D::N(2)]));
        let mut w = init("w", &[1., 2.]);
        w.dims = vec![3];
        g.initializer = vec![w];
        let e = err(&model(g), &ImportOptions::default());
        assert!(e.contains("initializer `w`"), "{e}");
    }

    #[test]
    fn an_input_value_specializes_the_graph_input() {
        let value = Tensor::new(vec![2], Data::F32(vec![-3., 4.])).unwrap();
        let opts =
            ImportOptions { input_values: [("x".to_string(), value.clone())].into(), ..ImportOptions::default() };
        let g = import(&model(relu_graph(f32_input("x", &[D::N(2)]))), &opts).unwrap();
        assert_eq!(g.specialized.len(), 1);
        assert_eq!(g.specialized[0], (g.inputs[0], value));
        // The graph reads the value as a constant, so the Relu folds.
        match &g.value(g.outputs[0]).def {
            ValueDef::Const(t) => assert_eq!(t.data, Data::F32(vec![0., 4.])),
            other => panic!("expected a constant, got {other:?}"),
        }
        // A value of another shape is refused.
        let wrong = Tensor::new(vec![3], Data::F32(vec![0.; 3])).unwrap();
        let opts = ImportOptions { input_values: [("x".to_string(), wrong)].into(), ..ImportOptions::default() };
        assert!(err(&model(relu_graph(f32_input("x", &[D::N(2)]))), &opts).contains("the value given for it"));
    }

    #[test]
    fn dim_max_bounds_free_symbols_and_must_be_positive() {
        let opts = ImportOptions { dim_max: [("batch".to_string(), 8)].into(), ..ImportOptions::default() };
        let g = import(&model(relu_graph(f32_input("x", &[D::S("batch")]))), &opts).unwrap();
        assert_eq!(g.bounds.get("batch"), Some(&8));
        let opts = ImportOptions { dim_max: [("batch".to_string(), 0)].into(), ..ImportOptions::default() };
        assert!(err(&model(relu_graph(f32_input("x", &[D::S("batch")]))), &opts).contains("--dim-max batch=0"));
    }

    #[test]
    fn outputs_must_be_computed_and_values_defined_once() {
        let opts = ImportOptions::default();
        let mut g = relu_graph(f32_input("x", &[D::N(2)]));
        g.output.push(output("z"));
        assert!(err(&model(g), &opts).contains("graph output `z` is never computed"));
        let mut g = relu_graph(f32_input("x", &[D::N(2)]));
        g.node.push(relu("again", "x", "y"));
        let e = err(&model(g), &opts);
        assert!(e.contains("`y` is defined twice") && e.contains("`again`"), "{e}");
    }

    #[test]
    fn an_empty_output_name_skips_that_output() {
        // MaxPool with an unnamed first output and named indices.
        let pool = NodeProto {
            op_type: Some("MaxPool".into()),
            name: Some("p".into()),
            input: vec!["x".into()],
            output: vec![String::new(), "i".into()],
            attribute: vec![super::super::proto::AttributeProto {
                name: Some("kernel_shape".into()),
                ints: vec![2],
                ..Default::default()
            }],
            ..Default::default()
        };
        let g = GraphProto {
            node: vec![pool],
            input: vec![f32_input("x", &[D::N(1), D::N(1), D::N(4)])],
            output: vec![output("i")],
            ..Default::default()
        };
        let g = import(&model(g), &ImportOptions::default()).unwrap();
        assert_eq!(g.value(g.outputs[0]).name, "i");
        assert_eq!(g.value(g.outputs[0]).ty, TensorType::fixed(DType::I64, &[1, 1, 3]));
    }

    #[test]
    fn node_outputs_take_their_onnx_names() {
        let id = NodeProto {
            op_type: Some("Identity".into()),
            name: Some("id".into()),
            input: vec!["x".into()],
            output: vec!["y".into()],
            ..Default::default()
        };
        let g = GraphProto {
            node: vec![id],
            input: vec![f32_input("x", &[D::N(2)])],
            output: vec![output("y")],
            ..Default::default()
        };
        let g = import(&model(g), &ImportOptions::default()).unwrap();
        let y = g.outputs[0];
        assert_eq!(g.value(y).name, "y");
        let ValueDef::Node { node, slot: 0 } = g.value(y).def else { panic!("{:?}", g.value(y).def) };
        assert_eq!((g.node(node).name.as_str(), &g.node(node).op), ("id", &Op::Unary(UnaryOp::Identity)));
        assert_eq!(g.node(node).inputs, vec![g.inputs[0]]);
    }

    #[test]
    fn elem_type_names_for_messages() {
        assert_eq!(elem_type_name(1), "FLOAT");
        assert_eq!(elem_type_name(8), "STRING");
        assert_eq!(elem_type_name(999), "code 999");
    }

    #[test]
    fn a_model_without_a_default_opset_imports_its_nodes_at_the_newest() {
        // Softmax on [2, 3, 4]: from opset 13 over the last axis alone; before, over the
        // flattened axes from 1 (a reshape to [2, 12] around it).
        let graph = GraphProto {
            node: vec![NodeProto {
                op_type: Some("Softmax".into()),
                name: Some("s".into()),
                input: vec!["x".into()],
                output: vec!["y".into()],
                ..Default::default()
            }],
            input: vec![f32_input("x", &[D::N(2), D::N(3), D::N(4)])],
            output: vec![output("y")],
            ..Default::default()
        };
        let mut m = model(graph);
        m.opset_import.clear();
        let g = import(&m, &ImportOptions::default()).unwrap();
        let ops: Vec<&Op> = g.node_ids().map(|n| &g.node(n).op).collect();
        assert_eq!(ops.len(), 1, "{ops:?}");
        assert!(matches!(ops[0], Op::Softmax { axis: 2, log: false }), "{ops:?}");
    }
}
