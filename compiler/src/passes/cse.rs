//! Common-subexpression elimination: equal constants become one (one copy in the weight
//! blob), and a node computing the same op on the same inputs as an earlier node is replaced
//! by it. Exporters repeat both (the same mask or shape per layer, a weight shared by name
//! twice). A node defining a graph output is kept: its name is part of the generated API.

use std::collections::HashMap;

use super::rewrite::{self, Applied, Rule};
use super::Pass;
use crate::ir::{Graph, IrError, NodeId, ValueId};

pub struct Cse;

impl Pass for Cse {
    fn name(&self) -> &'static str {
        "cse"
    }

    fn run(&self, g: &mut Graph) -> Result<bool, IrError> {
        let mut changed = false;
        // Constants by content (dtype, shape, bytes), among those nodes read. A walk over
        // values, not nodes: it stays outside the rewrite driver.
        let order = g.topo_order()?;
        let mut consts: HashMap<(String, Vec<usize>, Vec<u8>), ValueId> = HashMap::new();
        let mut used: Vec<ValueId> = order.iter().flat_map(|&n| g.node(n).inputs.clone()).collect();
        used.sort();
        used.dedup();
        for v in used {
            let Some(t) = g.const_value(v) else { continue };
            let key = (t.dtype().to_string(), t.shape.clone(), t.data.to_le_bytes());
            match consts.get(&key) {
                Some(&first) => {
                    g.replace_uses(v, first);
                    changed = true;
                }
                None => {
                    consts.insert(key, v);
                }
            }
        }
        // Nodes by (op, inputs), in topological order so that inputs are already merged.
        changed |= rewrite::sweep(g, &mut SameNodes::default())?;
        // Constants no node reads any more are left out of the blob by the plan.
        Ok(changed)
    }
}

/// The nodes seen so far in the walk, by (op, inputs): a later node with the same key is a
/// match, whose outputs pair with the first node's.
#[derive(Default)]
struct SameNodes {
    seen: HashMap<(String, Vec<ValueId>), Vec<ValueId>>,
}

impl Rule for SameNodes {
    /// (the node's output, the first node's output it becomes) for each output.
    type Match = Vec<(ValueId, ValueId)>;

    fn find(&mut self, g: &Graph, n: NodeId) -> Option<Self::Match> {
        let node = g.node(n);
        let key = (format!("{:?}", node.op), node.inputs.clone());
        match self.seen.get(&key) {
            Some(first) if first.len() == node.outputs.len() && !node.outputs.iter().any(|o| g.outputs.contains(o)) => {
                Some(node.outputs.iter().copied().zip(first.iter().copied()).collect())
            }
            Some(_) => None,
            None => {
                self.seen.insert(key, node.outputs.clone());
                None
            }
        }
    }

    fn apply(&mut self, g: &mut Graph, n: NodeId, pairs: Self::Match) -> Result<Applied, IrError> {
        for (old, new) in pairs {
            g.replace_uses(old, new);
        }
        g.remove_node(n);
        Ok(Applied::Rewritten { removed: vec![n] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{text, BinaryOp, DType, Op, Tensor, TensorType, UnaryOp};

    #[test]
    fn repeated_constants_and_nodes_merge() {
        let mut g = Graph::new("t");
        let x = g.add_input("x", TensorType::fixed(DType::F32, &[4]));
        let (c1, c2) = (g.add_const("c1", Tensor::scalar_f32(2.0)), g.add_const("c2", Tensor::scalar_f32(2.0)));
        let a = g.add_node("a", Op::Binary(BinaryOp::Mul), vec![x, c1]).unwrap()[0];
        let b = g.add_node("b", Op::Binary(BinaryOp::Mul), vec![x, c2]).unwrap()[0];
        let (ra, rb) = (
            g.add_node("ra", Op::Unary(UnaryOp::Relu), vec![a]).unwrap()[0],
            g.add_node("rb", Op::Unary(UnaryOp::Relu), vec![b]).unwrap()[0],
        );
        let y = g.add_node("y", Op::Binary(BinaryOp::Add), vec![ra, rb]).unwrap()[0];
        g.outputs = vec![y];
        assert!(Cse.run(&mut g).unwrap());
        crate::passes::dce::DeadCode.run(&mut g).unwrap();
        // One constant, one Mul, one Relu (either copy may survive), added to itself.
        let printed = text::print(&g);
        assert_eq!(printed.matches("const ").count(), 1, "{printed}");
        assert_eq!(printed.matches("Binary(Mul)").count(), 1, "{printed}");
        assert_eq!(printed.matches("Unary(Relu)").count(), 1, "{printed}");
        let add = g.node(g.topo_order().unwrap().pop().unwrap());
        assert_eq!(add.inputs[0], add.inputs[1], "{printed}");
    }
}
