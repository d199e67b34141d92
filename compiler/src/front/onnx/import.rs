//! ONNX graph -> IR graph. Walks the nodes in order, dispatching each to its op importer under
//! `ops/`, and gathers every unsupported node before failing so that users see them all at once.
//!
//! Constant inputs are folded while importing (with the runtime's kernels, see `ir::eval`):
//! exporters spell shapes as arithmetic on `Shape` outputs, and with static shapes all of it
//! becomes constants here, so ops like Reshape see their target shape. With symbolic dims the
//! same arithmetic is followed on polynomials (`symbolic.rs`).

use std::collections::HashMap;

use super::attrs::Attrs;
use super::ops;
use super::proto::{type_proto, ModelProto, NodeProto, ValueInfoProto};
use super::subgraphs;
use super::symbolic;
use super::tensor::tensor_from_proto;
use super::{MAX_OPSET, MIN_OPSET};
use crate::ir::{eval, infer, BinaryOp, DType, Data, Dim, Graph, Op, Tensor, TensorType, UnaryOp, ValueDef, ValueId};
use crate::{Error, Unsupported};

/// The most nodes an imported graph may have (after unrolling Loop, Scan and recurrences).
pub const MAX_NODES: usize = 1 << 20;

/// Options of the import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Values for symbolic dims (`--dim N=V`).
    pub dims: HashMap<String, usize>,
    /// Largest sizes of symbolic dims kept symbolic (`--dim-max N=MAX`).
    pub dim_max: HashMap<String, usize>,
    /// The largest tensor (in bytes) a model may declare or a fold may create.
    pub max_tensor_bytes: usize,
    /// Folds creating more elements than this are left to run time.
    pub fold_limit: usize,
    /// Values of inputs to compile for (inputs whose value decides shapes).
    pub input_values: HashMap<String, Tensor>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            dims: HashMap::new(),
            dim_max: HashMap::new(),
            max_tensor_bytes: 4 << 30,
            fold_limit: 1 << 22,
            input_values: HashMap::new(),
        }
    }
}

/// Why one node could not be imported.
pub enum NodeError {
    /// The op, an attribute or a dtype is not supported (yet).
    Unsupported(String),
    /// The node is invalid.
    Invalid(String),
    /// The node needs `what`, which these graph inputs (small ones) decide, at build time.
    NeedsInputs { inputs: Vec<String>, what: String },
}

impl From<String> for NodeError {
    fn from(s: String) -> Self {
        NodeError::Invalid(s)
    }
}

impl From<&str> for NodeError {
    fn from(s: &str) -> Self {
        NodeError::Invalid(s.to_string())
    }
}

/// What an op importer sees of its node.
pub struct NodeIn<'a> {
    pub name: &'a str,
    pub op_type: &'a str,
    pub opset: i64,
    pub attrs: Attrs<'a>,
    /// Inputs in order; `None` for an omitted optional input (empty name).
    pub inputs: Vec<Option<ValueId>>,
    pub n_outputs: usize,
}

impl NodeIn<'_> {
    /// Input `i`, which must be present.
    pub fn input(&self, i: usize) -> Result<ValueId, NodeError> {
        self.inputs.get(i).copied().flatten().ok_or_else(|| NodeError::Invalid(format!("missing input {i}")))
    }

    /// Optional input `i`.
    pub fn opt(&self, i: usize) -> Option<ValueId> {
        self.inputs.get(i).copied().flatten()
    }
}

/// The importer's state, handed to op importers.
pub struct Ctx<'g> {
    pub graph: &'g mut Graph,
    opts: &'g ImportOptions,
    counter: usize,
    /// Small integer values computed from symbolic shapes, one dim per element (`symbolic.rs`).
    shape_values: HashMap<ValueId, Vec<Dim>>,
}

impl Ctx<'_> {
    pub fn ty(&self, v: ValueId) -> &TensorType {
        &self.graph.value(v).ty
    }

    pub fn dtype(&self, v: ValueId) -> DType {
        self.ty(v).dtype
    }

    /// Static dims of a value, or a clear error.
    pub fn dims(&self, v: ValueId) -> Result<Vec<usize>, NodeError> {
        let ty = self.ty(v);
        ty.static_dims().ok_or_else(|| {
            NodeError::Unsupported(format!(
                "symbolic shape {ty} is not supported by this op yet (fix the dims with --dim)"
            ))
        })
    }

    /// Static dims from axis `first` on (the leading axes may be symbolic: a batch).
    pub fn dims_from(&self, v: ValueId, first: usize) -> Result<Vec<usize>, NodeError> {
        let ty = self.ty(v);
        let tail = ty.shape.get(first..).unwrap_or_default();
        crate::ir::static_of(tail).ok_or_else(|| {
            NodeError::Unsupported(format!(
                "symbolic shape {ty} is not supported by this op beyond axis {first} (fix the dims with --dim)"
            ))
        })
    }

    /// The shape of a value, symbolic dims included.
    pub fn shape(&self, v: ValueId) -> Vec<Dim> {
        self.ty(v).shape.clone()
    }

    /// The elements of a small integer input as dims: a constant, or shape arithmetic on
    /// symbolic dims (`symbolic.rs`). For targets of Reshape, Expand, ConstantOfShape, Range.
    pub fn dim_values(&self, v: ValueId, what: &str) -> Result<Vec<Dim>, NodeError> {
        match self.shape_values.get(&v) {
            Some(d) => Ok(d.clone()),
            None => Ok(self.const_i64s(v, what)?.into_iter().map(Dim::int).collect()),
        }
    }

    /// Records that `v` holds these dims (the output of a Shape node on a symbolic shape).
    pub fn set_shape_value(&mut self, v: ValueId, dims: Vec<Dim>) {
        self.shape_values.insert(v, dims);
    }

    pub fn rank(&self, v: ValueId) -> usize {
        self.ty(v).rank()
    }

    pub fn const_of(&self, v: ValueId) -> Option<&Tensor> {
        self.graph.const_value(v)
    }

    /// A constant input read as i64s (shapes, axes, pads...).
    pub fn const_i64s(&self, v: ValueId, what: &str) -> Result<Vec<i64>, NodeError> {
        self.value_of(v, what).map(|t| t.data.to_i64_vec())
    }

    /// The value of an input that decides shapes: a constant, or a graph input given a value
    /// at build time; anything else cannot be compiled ahead of time (yet).
    pub fn value_of(&self, v: ValueId, what: &str) -> Result<&Tensor, NodeError> {
        if let Some(t) = self.const_of(v) {
            return Ok(t);
        }
        if let Some(d) = self.shape_values.get(&v) {
            let syms: std::collections::BTreeSet<&str> = d.iter().flat_map(|d| d.symbols()).collect();
            let syms: Vec<&str> = syms.into_iter().collect();
            return Err(NodeError::Unsupported(format!(
                "{what} depends on the symbolic dims {} here; fix them with --dim",
                syms.join(", ")
            )));
        }
        match self.small_input_ancestors(v) {
            Some(inputs) if !inputs.is_empty() => Err(NodeError::NeedsInputs { inputs, what: what.to_string() }),
            _ => Err(NodeError::Unsupported(format!("{what} is computed at run time; ronn needs it at build time"))),
        }
    }

    /// The graph inputs a value is computed from, when all of them are small (at most 64
    /// elements: parameters such as sizes, axes or `k`, not data); `None` otherwise.
    fn small_input_ancestors(&self, v: ValueId) -> Option<Vec<String>> {
        const SMALL: usize = 64;
        let (mut stack, mut seen, mut found) = (vec![v], std::collections::HashSet::new(), Vec::new());
        while let Some(v) = stack.pop() {
            if !seen.insert(v) {
                continue;
            }
            let val = self.graph.value(v);
            match &val.def {
                ValueDef::Const(_) => {}
                ValueDef::Input(_) => {
                    if val.ty.numel().is_none_or(|n| n > SMALL) {
                        return None;
                    }
                    found.push(val.name.clone());
                }
                ValueDef::Node { node, .. } => stack.extend(self.graph.node(*node).inputs.iter().copied()),
            }
        }
        Some(found)
    }

    /// Refuses to build a constant with the product of `dims` elements beyond the size limit:
    /// attributes and input values of a hostile model must not make the compiler allocate
    /// without bound (8 bytes per element assumed).
    pub fn allow(&self, dims: &[usize], what: &str) -> Result<(), NodeError> {
        let limit = self.opts.max_tensor_bytes / 8;
        match dims.iter().try_fold(1usize, |a, &d| a.checked_mul(d)) {
            Some(n) if n <= limit => Ok(()),
            _ => Err(NodeError::Invalid(format!("{what} of shape {dims:?} exceeds the limit of {limit} elements"))),
        }
    }

    /// Fails once the graph holds more than [`MAX_NODES`] nodes: unrolled loops and
    /// recurrences of hostile sizes end with an error instead of exhausting memory.
    pub fn check_budget(&self) -> Result<(), NodeError> {
        if self.graph.node_count() > MAX_NODES {
            return Err(NodeError::Unsupported(format!(
                "the graph grows past {MAX_NODES} nodes (unrolled loops or recurrences)"
            )));
        }
        Ok(())
    }

    pub fn constant(&mut self, t: Tensor) -> ValueId {
        self.counter += 1;
        let name = format!("const{}", self.counter);
        self.graph.add_const(name, t)
    }

    /// Adds a node; folds it right away when all its inputs are constants. Ops whose kernels
    /// exist for f32/f64 only run on half-precision inputs through f32 (cast in, cast out).
    pub fn node(&mut self, name: &str, op: Op, inputs: Vec<ValueId>) -> Result<ValueId, NodeError> {
        let half = inputs.first().map(|&v| self.dtype(v)).filter(|d| matches!(d, DType::F16 | DType::BF16));
        if let (Some(half), true) = (
            half,
            matches!(
                op,
                Op::Conv { .. }
                    | Op::ConvTranspose { .. }
                    | Op::GridSample { .. }
                    | Op::Pool { .. }
                    | Op::Lrn { .. }
                    | Op::Softmax { .. }
            ),
        ) {
            let mut wide = Vec::with_capacity(inputs.len());
            for (i, &v) in inputs.iter().enumerate() {
                wide.push(self.cast(&format!("{name}/in{i}_f32"), v, DType::F32)?);
            }
            let y = self.plain_node(&format!("{name}/f32"), op, wide)?;
            return self.plain_node(name, Op::Cast { to: half }, vec![y]);
        }
        self.plain_node(name, op, inputs)
    }

    fn plain_node(&mut self, name: &str, op: Op, inputs: Vec<ValueId>) -> Result<ValueId, NodeError> {
        let tys: Vec<&TensorType> = inputs.iter().map(|&v| self.ty(v)).collect();
        let out = infer::infer(&op, &tys).map_err(NodeError::Invalid)?;
        let consts: Option<Vec<&Tensor>> = inputs.iter().map(|&v| self.const_of(v)).collect();
        let small = out.iter().all(|t| t.numel().is_some_and(|n| n <= self.opts.fold_limit));
        if let (Some(consts), true) = (consts, small) {
            let mut vals = eval::eval(&op, &consts, &out).map_err(NodeError::Unsupported)?;
            if let Some(t) = vals.pop() {
                return Ok(self.graph.add_const(name.to_string(), t));
            }
        }
        let dims = self.symbolic_eval(&op, &inputs, &out);
        if let (Some(d), Some(ty)) = (&dims, out.first()) {
            if let Some(t) = int_constant(ty, d) {
                return Ok(self.graph.add_const(name.to_string(), t));
            }
        }
        let outs = self.graph.add_node(name.to_string(), op, inputs).map_err(|e| NodeError::Invalid(e.to_string()))?;
        let y = outs.first().copied().ok_or_else(|| NodeError::Invalid("op produced no output".into()))?;
        if let Some(d) = dims {
            self.shape_values.insert(y, d);
        }
        Ok(y)
    }

    /// Shape arithmetic on symbolic dims: the result when every input is a constant or a shape
    /// value and at least one is a shape value.
    fn symbolic_eval(&self, op: &Op, inputs: &[ValueId], out: &[TensorType]) -> Option<Vec<Dim>> {
        if !inputs.iter().any(|v| self.shape_values.contains_key(v)) || out.len() != 1 {
            return None;
        }
        let xs: Vec<Vec<Dim>> = inputs
            .iter()
            .map(|&v| match self.shape_values.get(&v) {
                Some(d) => Some(d.clone()),
                None => self
                    .const_of(v)
                    .filter(|t| t.numel() <= symbolic::MAX_ELEMENTS && !t.dtype().is_float())
                    .map(|t| t.data.to_i64_vec().into_iter().map(Dim::int).collect()),
            })
            .collect::<Option<_>>()?;
        let tys: Vec<&TensorType> = inputs.iter().map(|&v| self.ty(v)).collect();
        symbolic::eval(op, &xs, &tys, &out[0])
    }

    /// `a op b` (an expansion step).
    pub fn binary(&mut self, name: &str, op: BinaryOp, a: ValueId, b: ValueId) -> Result<ValueId, NodeError> {
        self.node(name, Op::Binary(op), vec![a, b])
    }

    /// `op(x)` (an expansion step).
    pub fn unary(&mut self, name: &str, op: UnaryOp, x: ValueId) -> Result<ValueId, NodeError> {
        self.node(name, Op::Unary(op), vec![x])
    }

    /// A scalar constant of `dtype`.
    pub fn scalar(&mut self, dtype: DType, v: f64) -> ValueId {
        self.constant(Tensor::scalar_of(dtype, v))
    }

    /// `x` converted to `dtype` (itself when it already is).
    pub fn cast(&mut self, name: &str, x: ValueId, to: DType) -> Result<ValueId, NodeError> {
        if self.dtype(x) == to {
            return Ok(x);
        }
        self.plain_node(name, Op::Cast { to }, vec![x])
    }

    /// `len` elements of `x` along `axis`, from `start` every `step` (other axes whole).
    pub fn slice_axis(
        &mut self,
        name: &str,
        x: ValueId,
        axis: usize,
        start: usize,
        step: usize,
        len: usize,
    ) -> Result<ValueId, NodeError> {
        let mut dims = self.dims(x)?;
        let r = dims.len();
        if axis >= r {
            return Err(NodeError::Invalid(format!("axis {axis} is outside rank {r}")));
        }
        let (mut starts, mut steps) = (vec![0i64; r], vec![1i64; r]);
        starts[axis] = start as i64;
        steps[axis] = step as i64;
        dims[axis] = len;
        self.node(name, Op::Slice { starts, steps, dims: crate::ir::fixed_dims(dims) }, vec![x])
    }

    /// A sub-name for the n-th node of an expansion.
    pub fn sub(&self, name: &str, part: &str) -> String {
        format!("{name}/{part}")
    }
}

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

/// A constant of `ty` holding `dims` when none of them is symbolic.
fn int_constant(ty: &TensorType, dims: &[Dim]) -> Option<Tensor> {
    let v: Vec<i64> = dims.iter().map(Dim::as_int).collect::<Option<_>>()?;
    let data = match ty.dtype {
        DType::I64 => Data::I64(v),
        DType::I32 => Data::I32(v.into_iter().map(|x| x as i32).collect()),
        DType::Bool => Data::Bool(v.into_iter().map(|x| x != 0).collect()),
        _ => return None,
    };
    Tensor::new(ty.static_dims()?, data)
}
