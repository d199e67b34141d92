//! Helpers for the passes' unit tests.

use std::collections::HashMap;

use crate::ir::{eval, Graph, Tensor, TensorType, ValueId};

/// Evaluates a graph of one input by folding: the input becomes a constant.
pub fn run(g: &Graph, input: &Tensor) -> Vec<f64> {
    let mut vals: HashMap<ValueId, Tensor> = HashMap::new();
    vals.insert(g.inputs[0], input.clone());
    for n in g.topo_order().unwrap() {
        let node = g.node(n);
        let ins: Vec<&Tensor> = node.inputs.iter().map(|v| vals.get(v).or(g.const_value(*v)).unwrap()).collect();
        let tys: Vec<TensorType> = node.outputs.iter().map(|&o| g.value(o).ty.clone()).collect();
        let out = eval::eval(&node.op, &ins, &tys).unwrap();
        for (o, t) in node.outputs.iter().zip(out) {
            vals.insert(*o, t);
        }
    }
    vals[&g.outputs[0]].data.to_f64_vec()
}
