//! Helpers for the passes' unit tests.

use std::collections::HashMap;

use crate::ir::{eval, Graph, Tensor, TensorType, ValueId};

/// Evaluates a graph of one input by folding: the input becomes a constant.
pub fn run(g: &Graph, input: &Tensor) -> Vec<f64> {
    run_inputs(g, std::slice::from_ref(input))
}

/// Evaluates a graph on one tensor per graph input; returns its first output.
pub fn run_inputs(g: &Graph, inputs: &[Tensor]) -> Vec<f64> {
    let mut vals: HashMap<ValueId, Tensor> = HashMap::new();
    for (v, t) in g.inputs.iter().zip(inputs) {
        vals.insert(*v, t.clone());
    }
    for n in g.topo_order().unwrap() {
        let node = g.node(n);
        let ins: Vec<&Tensor> = node.inputs.iter().map(|v| vals.get(v).or(g.const_value(*v)).unwrap()).collect();
        let tys: Vec<TensorType> = node.outputs.iter().map(|&o| g.value(o).ty.clone()).collect();
        let out = eval(&node.op, &ins, &tys).unwrap();
        for (o, t) in node.outputs.iter().zip(out) {
            vals.insert(*o, t);
        }
    }
    vals[&g.outputs[0]].data.to_f64_vec()
}

/// Deterministic values in [-1, 1) for every graph input (f32), shaped like the input.
pub fn inputs_for(g: &Graph) -> Vec<Tensor> {
    g.inputs
        .iter()
        .enumerate()
        .map(|(k, &v)| {
            let dims = g.value(v).ty.static_dims().unwrap();
            let n: usize = dims.iter().product();
            let vals = (0..n).map(|i| ((i * 7919 + k * 104729) % 97) as f32 / 48.0 - 1.0).collect();
            Tensor::new(dims, crate::ir::Data::F32(vals)).unwrap()
        })
        .collect()
}
