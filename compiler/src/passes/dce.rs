//! Dead-code elimination: removes nodes none of whose outputs reach a graph output. Constants
//! only the removed nodes read drop out of the weight blob with them.
//!
//! Not a pattern rewrite, so not a [`super::rewrite::Rule`]: whether a node stays depends on
//! the decisions already taken for all its readers (a liveness sweep, readers first), not on a
//! match found around the node.

use super::Pass;
use crate::ir::{Graph, IrError};

pub struct DeadCode;

impl Pass for DeadCode {
    fn name(&self) -> &'static str {
        "dead-code"
    }

    fn run(&self, g: &mut Graph) -> Result<bool, IrError> {
        let order = g.topo_order()?;
        let mut needed = vec![false; g.value_count()];
        for &o in &g.outputs {
            needed[o.index()] = true;
        }
        let mut changed = false;
        for n in order.into_iter().rev() {
            let node = g.node(n);
            if node.outputs.iter().any(|o| needed[o.index()]) {
                for i in node.inputs.clone() {
                    needed[i.index()] = true;
                }
            } else {
                g.remove_node(n);
                changed = true;
            }
        }
        Ok(changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{text, BinaryOp, DType, Data, MathFn, Op, Tensor, TensorType, UnaryOp};

    /// x -> relu a -> neg y (the output), and beside it exp(x) + w and a reader of that sum:
    /// a chain no output needs, with a constant only it reads.
    fn with_dead_branch() -> Graph {
        let mut g = Graph::new("t");
        let x = g.add_input("x", TensorType::fixed(DType::F32, &[4]));
        let w = g.add_const("w", Tensor::new(vec![4], Data::F32(vec![1.0, 2.0, 3.0, 4.0])).unwrap());
        let a = g.add_node("a", Op::Unary(UnaryOp::Relu), vec![x]).unwrap()[0];
        let e = g.add_node("e", Op::Unary(UnaryOp::Math(MathFn::Exp)), vec![x]).unwrap()[0];
        let s = g.add_node("s", Op::Binary(BinaryOp::Add), vec![e, w]).unwrap()[0];
        g.add_node("r", Op::Unary(UnaryOp::Relu), vec![s]).unwrap();
        let y = g.add_node("y", Op::Unary(UnaryOp::Neg), vec![a]).unwrap()[0];
        g.outputs = vec![y];
        g
    }

    fn names(g: &Graph) -> Vec<String> {
        g.topo_order().unwrap().into_iter().map(|n| g.node(n).name.clone()).collect()
    }

    #[test]
    fn unused_nodes_and_their_constants_go_and_the_outputs_producers_stay() {
        let mut g = with_dead_branch();
        assert_eq!(g.weight_bytes(), 16);
        assert!(DeadCode.run(&mut g).unwrap());
        assert_eq!(names(&g), ["a", "y"]);
        assert_eq!(g.weight_bytes(), 0, "{}", text::print(&g));
        assert!(!text::print(&g).contains("const"), "{}", text::print(&g));
        // Nothing left to remove: a second run changes nothing.
        assert!(!DeadCode.run(&mut g).unwrap());
        assert_eq!(names(&g), ["a", "y"]);
    }

    #[test]
    fn every_output_keeps_its_producers_even_an_intermediate_one() {
        let mut g = with_dead_branch();
        // The sum `s` (an intermediate of the dead branch) becomes an output: exp and its
        // constant now reach an output; only the relu reading `s` is still dead.
        let s = g.value_ids().find(|&v| g.value(v).name == "s").unwrap();
        g.outputs.push(s);
        assert!(DeadCode.run(&mut g).unwrap());
        let mut left = names(&g);
        left.sort();
        assert_eq!(left, ["a", "e", "s", "y"]);
        assert_eq!(g.weight_bytes(), 16);
        crate::ir::verify(&g).unwrap();
    }

    #[test]
    fn a_graph_whose_outputs_are_inputs_and_constants_needs_no_node() {
        let mut g = with_dead_branch();
        let (x, c) = (g.inputs[0], g.add_const("c", Tensor::scalar_f32(2.0)));
        g.outputs = vec![x, c];
        assert!(DeadCode.run(&mut g).unwrap());
        assert_eq!(g.node_count(), 0);
        // The output constant stays in the blob; the one only dead nodes read does not.
        assert_eq!(g.weight_bytes(), 4);
    }
}
