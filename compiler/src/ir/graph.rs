//! The graph: values (typed, named) and the nodes that compute them. petgraph stays inside this
//! file; the rest of the compiler sees [`NodeId`] and [`ValueId`].

use petgraph::stable_graph::{NodeIndex, StableDiGraph};

use super::op::Op;
use super::ops::infer;
use super::tensor::Tensor;
use super::types::TensorType;
use super::IrError;

/// A node of the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(NodeIndex);

/// A value: a graph input, a constant, or one output of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ValueId(u32);

impl ValueId {
    /// A dense index: values are numbered `0..Graph::value_count()` in creation order.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Where a value comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueDef {
    /// The n-th graph input.
    Input(usize),
    /// A constant (initialiser or folded value).
    Const(Tensor),
    /// Output `slot` of a node.
    Node {
        /// The node.
        node: NodeId,
        /// Which of its outputs.
        slot: usize,
    },
}

/// A value of the graph: a tensor with a name and a type.
#[derive(Debug, Clone)]
pub struct Value {
    /// The ONNX name (unsanitised; back-ends run it through their namer).
    pub name: String,
    /// Its dtype and shape.
    pub ty: TensorType,
    /// Where it comes from.
    pub def: ValueDef,
}

/// A node of the graph: one core op applied to values.
#[derive(Debug, Clone)]
pub struct Node {
    /// The ONNX node name, or a made-up one when the model has none.
    pub name: String,
    /// What it computes.
    pub op: Op,
    /// Its operands, in the order the op lists them.
    pub inputs: Vec<ValueId>,
    /// The values it defines.
    pub outputs: Vec<ValueId>,
}

/// A model's computation graph.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    /// The model's graph name.
    pub name: String,
    values: Vec<Value>,
    nodes: StableDiGraph<Node, ()>,
    /// The graph inputs, in `run`'s argument order.
    pub inputs: Vec<ValueId>,
    /// The graph outputs, in the order of `run`'s output fields.
    pub outputs: Vec<ValueId>,
    /// Inputs compiled for one fixed value (their value decides shapes): `run` checks that it
    /// gets exactly this value, and the graph uses the constant instead of the input.
    pub specialized: Vec<(ValueId, Tensor)>,
    /// The largest size of each symbolic dim (`--dim-max`): memory is planned for it, and
    /// `run` refuses larger sizes.
    pub bounds: std::collections::BTreeMap<String, usize>,
    /// The smallest size of each symbolic dim whose least is not 1 (`--dim-min`: 0 for the
    /// past length of a decoder's first step, whose KV cache is empty).
    pub mins: std::collections::BTreeMap<String, usize>,
    /// Pairs of symbolic sizes the model joins (a Concat, a broadcast) that the compiler cannot
    /// prove equal (`2*floor((h+1)/2)` and `h`): `run` checks each pair before computing.
    pub equal_sizes: Vec<(crate::ir::Dim, crate::ir::Dim)>,
}

impl Graph {
    /// An empty graph.
    pub fn new(name: impl Into<String>) -> Self {
        Graph { name: name.into(), ..Default::default() }
    }

    fn push_value(&mut self, name: String, ty: TensorType, def: ValueDef) -> ValueId {
        let id = ValueId(self.values.len() as u32);
        self.values.push(Value { name, ty, def });
        id
    }

    /// Adds a graph input (after the existing ones).
    pub fn add_input(&mut self, name: impl Into<String>, ty: TensorType) -> ValueId {
        let n = self.inputs.len();
        let id = self.push_value(name.into(), ty, ValueDef::Input(n));
        self.inputs.push(id);
        id
    }

    /// Adds a constant.
    pub fn add_const(&mut self, name: impl Into<String>, t: Tensor) -> ValueId {
        let ty = t.ty();
        self.push_value(name.into(), ty, ValueDef::Const(t))
    }

    /// Adds a node, inferring its outputs' types. Outputs are named `name`, `name:1`, ...
    pub fn add_node(&mut self, name: impl Into<String>, op: Op, inputs: Vec<ValueId>) -> Result<Vec<ValueId>, IrError> {
        let name = name.into();
        let tys: Vec<&TensorType> = inputs.iter().map(|&v| &self.value(v).ty).collect();
        let out_tys =
            infer(&op, &tys).map_err(|reason| IrError::Infer { node: name.clone(), op: op.kind(), reason })?;
        let idx = self.nodes.add_node(Node { name: name.clone(), op, inputs: inputs.clone(), outputs: vec![] });
        let node = NodeId(idx);
        let outputs: Vec<ValueId> = out_tys
            .into_iter()
            .enumerate()
            .map(|(slot, ty)| {
                let vname = if slot == 0 { name.clone() } else { format!("{name}:{slot}") };
                self.push_value(vname, ty, ValueDef::Node { node, slot })
            })
            .collect();
        self.nodes[idx].outputs = outputs.clone();
        for v in inputs {
            if let ValueDef::Node { node: producer, .. } = self.values[v.index()].def {
                self.nodes.update_edge(producer.0, idx, ());
            }
        }
        Ok(outputs)
    }

    /// The value `v`. Panics if `v` is not of this graph.
    pub fn value(&self, v: ValueId) -> &Value {
        &self.values[v.index()]
    }

    /// Renames a value (the importer gives node outputs their ONNX names).
    pub fn rename_value(&mut self, v: ValueId, name: impl Into<String>) {
        self.values[v.index()].name = name.into();
    }

    /// The node `n`. Panics if `n` is not a live node of this graph.
    pub fn node(&self, n: NodeId) -> &Node {
        &self.nodes[n.0]
    }

    /// The node that computes `v`, if `v` is a node's output (not an input or a constant).
    pub fn producer(&self, v: ValueId) -> Option<&Node> {
        match self.values[v.index()].def {
            ValueDef::Node { node, .. } => self.nodes.node_weight(node.0),
            _ => None,
        }
    }

    /// `v`'s only reader, when it has exactly one and `v` is not a graph output: a value a
    /// rewrite may consume without leaving another user behind.
    pub fn only_reader(&self, v: ValueId) -> Option<NodeId> {
        match self.users(v)[..] {
            [r] if !self.outputs.contains(&v) => Some(r),
            _ => None,
        }
    }

    /// The constant behind a value, if it is one.
    pub fn const_value(&self, v: ValueId) -> Option<&Tensor> {
        match &self.value(v).def {
            ValueDef::Const(t) => Some(t),
            _ => None,
        }
    }

    /// All live nodes, in an order where producers come before consumers.
    pub fn topo_order(&self) -> Result<Vec<NodeId>, IrError> {
        petgraph::algo::toposort(&self.nodes, None)
            .map(|order| order.into_iter().map(NodeId).collect())
            .map_err(|cycle| IrError::Cycle { node: self.nodes[cycle.node_id()].name.clone() })
    }

    /// The number of live nodes.
    pub fn node_count(&self) -> usize {
        self.nodes.node_count()
    }

    /// The live nodes, in no particular order (see [`Graph::topo_order`]).
    pub fn node_ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.nodes.node_indices().map(NodeId)
    }

    /// The number of values ever created (including those of removed nodes).
    pub fn value_count(&self) -> usize {
        self.values.len()
    }

    /// Every value id ever created (including those of removed nodes).
    pub fn value_ids(&self) -> impl Iterator<Item = ValueId> {
        (0..self.values.len() as u32).map(ValueId)
    }

    /// Removes a node. Its output values stay in the table but must no longer be used.
    pub fn remove_node(&mut self, n: NodeId) {
        self.nodes.remove_node(n.0);
    }

    /// Turns a node's single output into a constant and removes the node.
    pub fn replace_with_const(&mut self, n: NodeId, t: Tensor) {
        if let [out] = self.nodes[n.0].outputs[..] {
            self.values[out.index()].def = ValueDef::Const(t);
            self.nodes.remove_node(n.0);
        }
    }

    /// Makes every use of `old` (node inputs and graph outputs) use `new`.
    pub fn replace_uses(&mut self, old: ValueId, new: ValueId) {
        let ids: Vec<NodeIndex> = self.nodes.node_indices().collect();
        let new_producer = match self.values[new.index()].def {
            ValueDef::Node { node, .. } => Some(node.0),
            _ => None,
        };
        for idx in ids {
            let mut touched = false;
            for input in self.nodes[idx].inputs.iter_mut() {
                if *input == old {
                    *input = new;
                    touched = true;
                }
            }
            if touched {
                if let Some(p) = new_producer {
                    self.nodes.update_edge(p, idx, ());
                }
            }
        }
        for out in self.outputs.iter_mut() {
            if *out == old {
                *out = new;
            }
        }
    }

    /// Nodes that read `v`. For a node's output these are among the producer's edges (cheap);
    /// inputs and constants have no producer, so every node is looked at.
    pub fn users(&self, v: ValueId) -> Vec<NodeId> {
        let mut out: Vec<NodeId> = match self.values[v.index()].def {
            ValueDef::Node { node, .. } if self.nodes.contains_node(node.0) => self
                .nodes
                .neighbors_directed(node.0, petgraph::Direction::Outgoing)
                .filter(|&i| self.nodes[i].inputs.contains(&v))
                .map(NodeId)
                .collect(),
            _ => self.nodes.node_indices().filter(|&i| self.nodes[i].inputs.contains(&v)).map(NodeId).collect(),
        };
        out.sort();
        out.dedup();
        out
    }

    /// Sum of the bytes of all constants still in use.
    pub fn weight_bytes(&self) -> usize {
        let mut used = vec![false; self.values.len()];
        for n in self.nodes.node_indices() {
            for v in &self.nodes[n].inputs {
                used[v.index()] = true;
            }
        }
        for v in &self.outputs {
            used[v.index()] = true;
        }
        self.values
            .iter()
            .zip(used)
            .filter_map(|(v, u)| match (&v.def, u) {
                (ValueDef::Const(t), true) => Some(t.bytes()),
                _ => None,
            })
            .sum()
    }
}
