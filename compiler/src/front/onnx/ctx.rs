//! The import context every op importer works through: [`Ctx`] (the graph being built, node
//! naming, constant folding on the spot, shape values of symbolic dims), [`NodeIn`] (what an
//! importer sees of its node) and [`NodeError`] (why a node could not be imported). The import
//! driver (`import.rs`) creates it; op files (`ops/`) only use it, so nothing imports back up
//! except the genuine recursion of subgraphs (`subgraphs.rs` re-enters the driver).

use std::collections::HashMap;

use super::attrs::Attrs;
use super::symbolic;
use crate::ir::{eval, infer, BinaryOp, DType, Data, Dim, Graph, Op, Tensor, TensorType, UnaryOp, ValueDef, ValueId};

/// The most nodes an imported graph may have (after unrolling Loop, Scan and recurrences).
pub const MAX_NODES: usize = 1 << 20;

/// Options of the import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Values for symbolic dims (`--dim N=V`).
    pub dims: HashMap<String, usize>,
    /// Largest sizes of symbolic dims kept symbolic (`--dim-max N=MAX`).
    pub dim_max: HashMap<String, usize>,
    /// Smallest sizes of symbolic dims where not 1 (`--dim-min N=0`: an empty KV cache).
    pub dim_min: HashMap<String, usize>,
    /// The largest tensor (in bytes) a model may declare or a fold may create.
    pub max_tensor_bytes: usize,
    /// Folds creating more elements than this are left to run time.
    pub fold_limit: usize,
    /// Values of inputs to compile for (inputs whose value decides shapes).
    pub input_values: HashMap<String, Tensor>,
    /// Symbols that equal an expression of others, which graph inputs declare as that
    /// expression. The import finds these itself: a broadcast of `total_sequence` against
    /// `past_sequence + sequence` can only run when they are equal (see `symbolic::equality`).
    pub dim_exprs: HashMap<String, Dim>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            dims: HashMap::new(),
            dim_max: HashMap::new(),
            dim_min: HashMap::new(),
            max_tensor_bytes: 4 << 30,
            fold_limit: 1 << 22,
            input_values: HashMap::new(),
            dim_exprs: HashMap::new(),
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
    /// Which outputs the node names (an empty name: the graph does not want that output).
    pub named_outputs: Vec<bool>,
}

impl<'a> NodeIn<'a> {
    /// The same node read as another op of the default domain at `opset`, on other inputs,
    /// wanting `n_outputs` outputs (all named); the attributes carry over. For importers of
    /// fused ops that are spelled-out standard ones.
    pub fn as_op(&self, op_type: &'a str, opset: i64, inputs: Vec<Option<ValueId>>, n_outputs: usize) -> NodeIn<'a> {
        NodeIn {
            name: self.name,
            op_type,
            opset,
            attrs: self.attrs,
            inputs,
            n_outputs,
            named_outputs: vec![true; n_outputs],
        }
    }

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
    pub(super) opts: &'g ImportOptions,
    pub(super) counter: usize,
    /// Small integer values computed from symbolic shapes, one dim per element (`symbolic.rs`).
    pub(super) shape_values: HashMap<ValueId, Vec<Dim>>,
    /// Symbols a failed broadcast showed equal to an expression (`symbolic::equality`): the
    /// driver imports again with them in `ImportOptions::dim_exprs`.
    pub(super) equalities: Vec<(String, Dim)>,
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
    /// exist for f32/f64 only ([`Op::computes_half_in_f32`]) run on half-precision inputs
    /// through f32 (cast in, cast out).
    pub fn node(&mut self, name: &str, op: Op, inputs: Vec<ValueId>) -> Result<ValueId, NodeError> {
        let half = inputs.first().map(|&v| self.dtype(v)).filter(|d| matches!(d, DType::F16 | DType::BF16));
        if let (Some(half), true) = (half, op.computes_half_in_f32()) {
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
        let out = match infer(&op, &tys) {
            Ok(out) => out,
            Err(e) => {
                let found = if matches!(op, Op::Binary(_) | Op::Where) { symbolic::equality(&tys) } else { None };
                if let Some(eq) = found.filter(|eq| !self.equalities.contains(eq)) {
                    self.equalities.push(eq);
                } else if let Some(unified) = self.unify_sizes(name, &op, &inputs)? {
                    return self.plain_node(name, op, unified);
                }
                return Err(NodeError::Invalid(e));
            }
        };
        let consts: Option<Vec<&Tensor>> = inputs.iter().map(|&v| self.const_of(v)).collect();
        let small = out.iter().all(|t| t.numel().is_some_and(|n| n <= self.opts.fold_limit));
        if let (Some(consts), true) = (consts, small) {
            let mut vals = eval(&op, &consts, &out).map_err(NodeError::Unsupported)?;
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

    /// Operands of a Concat, a broadcast or a Where whose sizes differ as expressions where the
    /// op needs them equal, and are symbolic (so they may be equal at run time, as
    /// onnxruntime finds): each later operand is reshaped to the earlier one's sizes, and the
    /// graph records the pairs for `run` to check. `None` where nothing can be unified. (Two
    /// symbolic sizes of a broadcast are joined as equal, so where one of them is 1 at run
    /// time `run` refuses what onnxruntime would broadcast.)
    fn unify_sizes(&mut self, name: &str, op: &Op, inputs: &[ValueId]) -> Result<Option<Vec<ValueId>>, NodeError> {
        let concat_axis = if let Op::Concat { axis } = op {
            Some(*axis)
        } else if matches!(op, Op::Binary(_) | Op::Where) {
            None
        } else {
            return Ok(None);
        };
        let mut out = inputs.to_vec();
        let mut changed = false;
        for j in 1..inputs.len() {
            let mut target = self.shape(inputs[j]);
            for &i in &inputs[..j] {
                let reference = self.shape(i);
                let (ri, rj) = (reference.len(), target.len());
                for k in 1..=ri.min(rj) {
                    let (axis_i, axis_j) = (ri - k, rj - k);
                    let (di, dj) = (&reference[axis_i], &target[axis_j]);
                    // A broadcast joins two symbolic sizes only: against a fixed size a
                    // symbol may be 1 there, and broadcast (`--dim` fixes it).
                    let joinable = match concat_axis {
                        Some(a) => a != axis_j && ri == rj && (!di.is_fixed() || !dj.is_fixed()),
                        None => !di.is_fixed() && !dj.is_fixed(),
                    };
                    if di != dj && joinable {
                        self.graph.equal_sizes.push((dj.clone(), di.clone()));
                        target[axis_j] = di.clone();
                    }
                }
            }
            if target != self.shape(inputs[j]) {
                let reshape = Op::Reshape { shape: target };
                out[j] = self.plain_node(&self.sub(name, &format!("unify{j}")), reshape, vec![inputs[j]])?;
                changed = true;
            }
        }
        Ok(changed.then_some(out))
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
        // The other axes may be symbolic (a batch, a sequence): the slice keeps them whole.
        let mut dims = self.shape(x);
        let r = dims.len();
        if axis >= r {
            return Err(NodeError::Invalid(format!("axis {axis} is outside rank {r}")));
        }
        let size = dims[axis].as_int().ok_or_else(|| {
            NodeError::Unsupported(format!("slicing symbolic axis {axis} of {} (fix the dims with --dim)", self.ty(x)))
        })?;
        let end = start as i64 + (len.max(1) as i64 - 1) * step as i64;
        if len > 0 && end >= size {
            return Err(NodeError::Invalid(format!("slice {start}.. of {len} on axis {axis} of size {size}")));
        }
        let (mut starts, mut steps) = (vec![0i64; r], vec![1i64; r]);
        starts[axis] = start as i64;
        steps[axis] = step as i64;
        dims[axis] = Dim::fixed(len);
        self.node(name, Op::Slice { starts, steps, dims }, vec![x])
    }

    /// A sub-name for the n-th node of an expansion.
    pub fn sub(&self, name: &str, part: &str) -> String {
        format!("{name}/{part}")
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn f32s(shape: &[usize], v: &[f32]) -> Tensor {
        Tensor::new(shape.to_vec(), Data::F32(v.to_vec())).unwrap()
    }

    /// Runs `f` on a context over an empty graph with `opts`; returns the graph.
    fn with_ctx(opts: &ImportOptions, f: impl FnOnce(&mut Ctx)) -> Graph {
        let mut graph = Graph::new("test");
        let mut ctx = Ctx { graph: &mut graph, opts, counter: 0, shape_values: HashMap::new(), equalities: Vec::new() };
        f(&mut ctx);
        graph
    }

    fn reason(e: NodeError) -> (&'static str, String) {
        match e {
            NodeError::Unsupported(r) => ("unsupported", r),
            NodeError::Invalid(r) => ("invalid", r),
            NodeError::NeedsInputs { inputs, what } => ("needs inputs", format!("{what}: {}", inputs.join(","))),
        }
    }

    #[test]
    fn a_node_on_constants_is_folded_into_a_constant_of_its_name() {
        let opts = ImportOptions::default();
        let g = with_ctx(&opts, |ctx| {
            let a = ctx.constant(f32s(&[2], &[1., 2.]));
            let b = ctx.constant(f32s(&[2], &[3., 5.]));
            let y = ctx.binary("sum", BinaryOp::Add, a, b).ok().unwrap();
            assert_eq!(ctx.graph.value(y).name, "sum");
            assert_eq!(ctx.const_of(y).map(|t| t.data.clone()), Some(Data::F32(vec![4., 7.])));
        });
        assert_eq!(g.node_count(), 0);
    }

    #[test]
    fn folds_beyond_the_fold_limit_stay_nodes() {
        let opts = ImportOptions { fold_limit: 1, ..ImportOptions::default() };
        let g = with_ctx(&opts, |ctx| {
            let a = ctx.constant(f32s(&[2], &[1., 2.]));
            let y = ctx.unary("neg", UnaryOp::Neg, a).ok().unwrap();
            assert!(ctx.const_of(y).is_none());
        });
        assert_eq!(g.node_count(), 1);
    }

    #[test]
    fn a_node_on_an_input_is_added_and_type_errors_are_invalid() {
        let opts = ImportOptions::default();
        let g = with_ctx(&opts, |ctx| {
            let x = ctx.graph.add_input("x", TensorType::fixed(DType::F32, &[2, 3]));
            let y = ctx.node("t", Op::Transpose { perm: vec![1, 0] }, vec![x]).ok().unwrap();
            assert_eq!(ctx.ty(y), &TensorType::fixed(DType::F32, &[3, 2]));
            let e = ctx.node("bad", Op::Transpose { perm: vec![0] }, vec![x]).err().unwrap();
            let (kind, why) = reason(e);
            assert_eq!(kind, "invalid");
            assert!(why.contains("perm"), "{why}");
        });
        assert_eq!(g.node_count(), 1);
    }

    #[test]
    fn half_precision_runs_f32_only_ops_between_casts() {
        let opts = ImportOptions::default();
        let g = with_ctx(&opts, |ctx| {
            let x = ctx.graph.add_input("x", TensorType::fixed(DType::BF16, &[1, 4]));
            let y = ctx.node("sm", Op::Softmax { axis: 1, log: false }, vec![x]).ok().unwrap();
            assert_eq!(ctx.dtype(y), DType::BF16);
            // Ops that take half precision as it is get no casts.
            let r = ctx.unary("relu", UnaryOp::Relu, x).ok().unwrap();
            assert_eq!(ctx.dtype(r), DType::BF16);
        });
        let ops: Vec<(String, Op)> = g.node_ids().map(|n| (g.node(n).name.clone(), g.node(n).op.clone())).collect();
        assert_eq!(
            ops,
            vec![
                ("sm/in0_f32".to_string(), Op::Cast { to: DType::F32 }),
                ("sm/f32".to_string(), Op::Softmax { axis: 1, log: false }),
                ("sm".to_string(), Op::Cast { to: DType::BF16 }),
                ("relu".to_string(), Op::Unary(UnaryOp::Relu)),
            ]
        );
    }

    #[test]
    fn cast_to_the_same_type_is_the_value_itself() {
        let opts = ImportOptions::default();
        let g = with_ctx(&opts, |ctx| {
            let x = ctx.graph.add_input("x", TensorType::fixed(DType::I64, &[2]));
            assert_eq!(ctx.cast("c", x, DType::I64).ok(), Some(x));
            let y = ctx.cast("c", x, DType::I32).ok().unwrap();
            assert_eq!(ctx.dtype(y), DType::I32);
        });
        assert_eq!(g.node_count(), 1);
    }

    #[test]
    fn const_i64s_reads_constants_and_explains_run_time_values() {
        let opts = ImportOptions::default();
        with_ctx(&opts, |ctx| {
            let k = ctx.constant(Tensor::vec_i64(vec![3, -1]));
            assert_eq!(ctx.const_i64s(k, "axes").ok(), Some(vec![3, -1]));
            // A small graph input: its value is needed at build time.
            let small = ctx.graph.add_input("k", TensorType::fixed(DType::I64, &[1]));
            let neg = ctx.unary("neg", UnaryOp::Neg, small).ok().unwrap();
            assert_eq!(reason(ctx.const_i64s(neg, "k").err().unwrap()), ("needs inputs", "k: k".to_string()));
            // Data-sized inputs are not parameters: the value is just computed at run time.
            let big = ctx.graph.add_input("data", TensorType::fixed(DType::I64, &[1000]));
            let (kind, why) = reason(ctx.const_i64s(big, "the shape").err().unwrap());
            assert_eq!(kind, "unsupported");
            assert!(why.contains("the shape is computed at run time"), "{why}");
        });
    }

    #[test]
    fn dims_of_symbolic_shapes_are_unsupported_past_the_leading_axes() {
        let opts = ImportOptions::default();
        with_ctx(&opts, |ctx| {
            let x = ctx.graph.add_input("x", TensorType::new(DType::F32, vec![Dim::sym("n"), Dim::fixed(3)]));
            assert!(matches!(ctx.dims(x), Err(NodeError::Unsupported(_))));
            assert_eq!(ctx.dims_from(x, 1).ok(), Some(vec![3]));
            assert!(ctx.dims_from(x, 0).is_err());
            assert_eq!(ctx.shape(x), vec![Dim::sym("n"), Dim::fixed(3)]);
        });
    }

    #[test]
    fn allow_refuses_constants_beyond_the_size_limit() {
        // 64 bytes: at most 8 elements.
        let opts = ImportOptions { max_tensor_bytes: 64, ..ImportOptions::default() };
        with_ctx(&opts, |ctx| {
            assert!(ctx.allow(&[2, 4], "a table").is_ok());
            let (kind, why) = reason(ctx.allow(&[3, 3], "a table").err().unwrap());
            assert_eq!(kind, "invalid");
            assert!(why.contains("a table of shape [3, 3]"), "{why}");
            assert!(ctx.allow(&[usize::MAX, 2], "a table").is_err());
        });
    }

    #[test]
    fn slice_axis_takes_a_strided_range_of_one_axis() {
        let opts = ImportOptions::default();
        let g = with_ctx(&opts, |ctx| {
            let x = ctx.graph.add_input("x", TensorType::fixed(DType::F32, &[2, 9]));
            let y = ctx.slice_axis("s", x, 1, 1, 3, 3).ok().unwrap();
            assert_eq!(ctx.ty(y), &TensorType::fixed(DType::F32, &[2, 3]));
            assert!(ctx.slice_axis("bad", x, 2, 0, 1, 1).is_err());
        });
        let n = g.node_ids().next().unwrap();
        assert_eq!(
            g.node(n).op,
            Op::Slice { starts: vec![0, 1], steps: vec![1, 3], dims: crate::ir::fixed_dims([2, 3]) }
        );
    }

    #[test]
    fn constants_and_sub_names_are_numbered_and_nested() {
        let opts = ImportOptions::default();
        with_ctx(&opts, |ctx| {
            let a = ctx.scalar(DType::I32, 2.0);
            let b = ctx.scalar(DType::I32, 3.0);
            assert_eq!(ctx.graph.value(a).name, "const1");
            assert_eq!(ctx.graph.value(b).name, "const2");
            assert_eq!(ctx.const_of(b).map(|t| t.data.clone()), Some(Data::I32(vec![3])));
            assert_eq!(ctx.sub("gemm", "a_t"), "gemm/a_t");
        });
    }

    #[test]
    fn node_input_and_opt_tell_missing_from_omitted() {
        let list = [];
        let mut g = Graph::new("test");
        let x = g.add_input("x", TensorType::fixed(DType::F32, &[1]));
        let n = NodeIn {
            name: "n",
            op_type: "Clip",
            opset: 13,
            attrs: Attrs::new(&list),
            inputs: vec![Some(x), None],
            n_outputs: 1,
            named_outputs: vec![true],
        };
        assert_eq!(n.input(0).ok(), Some(x));
        assert!(n.opt(1).is_none());
        assert!(n.opt(5).is_none());
        let (kind, why) = reason(n.input(1).err().unwrap());
        assert_eq!((kind, why.as_str()), ("invalid", "missing input 1"));
    }
}
