//! Constant folding: a node whose inputs are all constants is evaluated with the runtime's own
//! kernels (`ir::eval`) and replaced by its value, unless the result would exceed `max_elements`
//! (folding a broadcast of a small constant into a huge one would bloat the weight blob).

use super::rewrite::{self, Applied, Rule};
use super::Pass;
use crate::ir::{eval, Graph, IrError, NodeId, Tensor};

pub struct ConstFold {
    pub max_elements: usize,
}

impl Default for ConstFold {
    fn default() -> Self {
        ConstFold { max_elements: 1 << 22 }
    }
}

impl Pass for ConstFold {
    fn name(&self) -> &'static str {
        "const-fold"
    }

    /// One walk, producers first: a folded value is a constant by the time its readers are met.
    fn run(&self, g: &mut Graph) -> Result<bool, IrError> {
        rewrite::sweep(g, &mut ConstFold { max_elements: self.max_elements })
    }
}

/// A match is the value of a node whose inputs are all constants.
impl Rule for ConstFold {
    type Match = Tensor;

    fn find(&mut self, g: &Graph, n: NodeId) -> Option<Tensor> {
        let node = g.node(n);
        if node.outputs.len() != 1 {
            return None;
        }
        let inputs = node.inputs.iter().map(|&v| g.const_value(v)).collect::<Option<Vec<_>>>()?;
        let out_ty = g.value(node.outputs[0]).ty.clone();
        if out_ty.numel().is_none_or(|n| n > self.max_elements) {
            return None;
        }
        // A failed evaluation (a dtype the kernels lack) leaves the node for run time.
        eval(&node.op, &inputs, std::slice::from_ref(&out_ty)).ok()?.pop()
    }

    fn apply(&mut self, g: &mut Graph, n: NodeId, t: Tensor) -> Result<Applied, IrError> {
        g.replace_with_const(n, t);
        Ok(Applied::Rewritten { removed: vec![n] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{text, BinaryOp, DType, Data, MathFn, Op, TensorType, UnaryOp, ValueId};
    use crate::passes::dce::DeadCode;
    use crate::passes::test_support::run;

    fn f32s(g: &mut Graph, name: &str, v: Vec<f32>) -> ValueId {
        g.add_const(name, Tensor::new(vec![v.len()], Data::F32(v)).unwrap())
    }

    /// y = relu(x + sqrt((a + b) * 2)) with a, b constants: the constant subgraph, then x's.
    fn mixed() -> Graph {
        let mut g = Graph::new("t");
        let x = g.add_input("x", TensorType::fixed(DType::F32, &[3]));
        let (a, b) = (f32s(&mut g, "a", vec![1.0, 2.0, 3.0]), f32s(&mut g, "b", vec![3.0, 6.0, 9.5]));
        let two = g.add_const("two", Tensor::scalar_f32(2.0));
        let s = g.add_node("s", Op::Binary(BinaryOp::Add), vec![a, b]).unwrap()[0];
        let m = g.add_node("m", Op::Binary(BinaryOp::Mul), vec![s, two]).unwrap()[0];
        let r = g.add_node("r", Op::Unary(UnaryOp::Math(MathFn::Sqrt)), vec![m]).unwrap()[0];
        let z = g.add_node("z", Op::Binary(BinaryOp::Add), vec![x, r]).unwrap()[0];
        let y = g.add_node("y", Op::Unary(UnaryOp::Relu), vec![z]).unwrap()[0];
        g.outputs = vec![y];
        g
    }

    #[test]
    fn a_constant_subgraph_folds_to_the_evaluators_values_in_one_run() {
        let mut g = mixed();
        let input = Tensor::new(vec![3], Data::F32(vec![-5.0, 0.5, 2.0])).unwrap();
        let before = run(&g, &input);
        // What the evaluator gives for the chain, step by step.
        let tys = |g: &Graph, name: &str| {
            let v = g.value_ids().find(|&v| g.value(v).name == name).unwrap();
            vec![g.value(v).ty.clone()]
        };
        let c = |name: &str| g.value_ids().find(|&v| g.value(v).name == name).and_then(|v| g.const_value(v)).unwrap();
        let s = eval(&Op::Binary(BinaryOp::Add), &[c("a"), c("b")], &tys(&g, "s")).unwrap().remove(0);
        let m = eval(&Op::Binary(BinaryOp::Mul), &[&s, c("two")], &tys(&g, "m")).unwrap().remove(0);
        let want = eval(&Op::Unary(UnaryOp::Math(MathFn::Sqrt)), &[&m], &tys(&g, "r")).unwrap().remove(0);
        assert_eq!(want.data.to_f64_vec(), [8f32.sqrt() as f64, 4.0, 25f32.sqrt() as f64]);

        assert!(ConstFold::default().run(&mut g).unwrap());
        // The three constant nodes are gone; the nodes reading the input stay as they were.
        let names: Vec<String> = g.topo_order().unwrap().into_iter().map(|n| g.node(n).name.clone()).collect();
        assert_eq!(names, ["z", "y"], "{}", text::print(&g));
        let z = g.node(g.topo_order().unwrap()[0]);
        assert_eq!(z.inputs[0], g.inputs[0]);
        let folded = g.const_value(z.inputs[1]).unwrap();
        assert_eq!(folded.shape, [3]);
        assert_eq!(folded.data, want.data);
        // The folded value keeps its name; the sources only it read leave the blob after DCE.
        assert_eq!(g.value(z.inputs[1]).name, "r");
        DeadCode.run(&mut g).unwrap();
        assert_eq!(g.weight_bytes(), 12);
        assert_eq!(run(&g, &input), before);
        // Nothing constant is left to fold.
        assert!(!ConstFold::default().run(&mut g).unwrap());
    }

    #[test]
    fn nodes_reading_an_input_are_left_alone() {
        let mut g = Graph::new("t");
        let x = g.add_input("x", TensorType::fixed(DType::F32, &[3]));
        let w = f32s(&mut g, "w", vec![1.0, 2.0, 3.0]);
        let m = g.add_node("m", Op::Binary(BinaryOp::Mul), vec![x, w]).unwrap()[0];
        let y = g.add_node("y", Op::Unary(UnaryOp::Neg), vec![m]).unwrap()[0];
        g.outputs = vec![y];
        let printed = text::print(&g);
        assert!(!ConstFold::default().run(&mut g).unwrap());
        assert_eq!(text::print(&g), printed);
    }

    #[test]
    fn a_result_larger_than_the_limit_stays_a_node() {
        // [4] + [4] is four elements: folded under a limit of four, kept under a limit of three.
        let build = || {
            let mut g = Graph::new("t");
            let (a, b) = (f32s(&mut g, "a", vec![1.0; 4]), f32s(&mut g, "b", vec![2.0; 4]));
            let y = g.add_node("y", Op::Binary(BinaryOp::Add), vec![a, b]).unwrap()[0];
            g.outputs = vec![y];
            g
        };
        let mut g = build();
        assert!(!ConstFold { max_elements: 3 }.run(&mut g).unwrap());
        assert_eq!(g.node_count(), 1);
        let mut g = build();
        assert!(ConstFold { max_elements: 4 }.run(&mut g).unwrap());
        assert_eq!(g.node_count(), 0);
        // The graph output is now the constant itself.
        assert_eq!(g.const_value(g.outputs[0]).unwrap().data.to_f64_vec(), [3.0; 4]);
    }
}
