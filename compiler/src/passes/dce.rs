//! Dead-code elimination: removes nodes none of whose outputs reach a graph output.

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
