//! Constant folding: a node whose inputs are all constants is evaluated with the runtime's own
//! kernels (`ir::eval`) and replaced by its value, unless the result would exceed `max_elements`
//! (folding a broadcast of a small constant into a huge one would bloat the weight blob).

use super::Pass;
use crate::ir::{eval, Graph, IrError};

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

    fn run(&self, g: &mut Graph) -> Result<bool, IrError> {
        let mut changed = false;
        for n in g.topo_order()? {
            let node = g.node(n);
            if node.outputs.len() != 1 {
                continue;
            }
            let Some(inputs) = node.inputs.iter().map(|&v| g.const_value(v)).collect::<Option<Vec<_>>>() else {
                continue;
            };
            let out_ty = g.value(node.outputs[0]).ty.clone();
            if out_ty.numel().is_none_or(|n| n > self.max_elements) {
                continue;
            }
            // A failed evaluation (a dtype the kernels lack) leaves the node for run time.
            if let Ok(mut vals) = eval(&node.op, &inputs, std::slice::from_ref(&out_ty)) {
                if let Some(t) = vals.pop() {
                    g.replace_with_const(n, t);
                    changed = true;
                }
            }
        }
        Ok(changed)
    }
}
