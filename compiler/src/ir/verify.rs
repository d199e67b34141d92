//! The verifier: checks the graph's structural invariants. Runs after import and, in debug
//! builds, after every pass.

use super::graph::{Graph, ValueDef};
use super::ops::infer;
use super::IrError;

/// Checks that the graph is acyclic, every node input is a live value, stored output types
/// agree with inference, and graph outputs are defined.
pub fn verify(g: &Graph) -> Result<(), IrError> {
    let order = g.topo_order()?;
    let mut live = vec![false; g.value_count()];
    for &v in &g.inputs {
        live[v.index()] = true;
    }
    for v in g.value_ids() {
        if matches!(g.value(v).def, ValueDef::Const(_)) {
            live[v.index()] = true;
        }
    }
    for n in order {
        let node = g.node(n);
        for &i in &node.inputs {
            if !live[i.index()] {
                return Err(IrError::Verify(format!(
                    "node `{}` reads `{}` before it is defined",
                    node.name,
                    g.value(i).name
                )));
            }
        }
        let tys: Vec<_> = node.inputs.iter().map(|&v| &g.value(v).ty).collect();
        let expected = infer(&node.op, &tys).map_err(|reason| IrError::Infer {
            node: node.name.clone(),
            op: node.op.kind(),
            reason,
        })?;
        if expected.len() != node.outputs.len() {
            return Err(IrError::Verify(format!(
                "node `{}` has {} outputs, its op gives {}",
                node.name,
                node.outputs.len(),
                expected.len()
            )));
        }
        for (slot, (&o, ty)) in node.outputs.iter().zip(&expected).enumerate() {
            let value = g.value(o);
            if &value.ty != ty {
                return Err(IrError::Verify(format!(
                    "node `{}` output {slot} is typed {} but computes {ty}",
                    node.name, value.ty
                )));
            }
            if value.def != (ValueDef::Node { node: n, slot }) {
                return Err(IrError::Verify(format!(
                    "value `{}` does not point back at node `{}`",
                    value.name, node.name
                )));
            }
            live[o.index()] = true;
        }
    }
    for &o in &g.outputs {
        if !live[o.index()] {
            return Err(IrError::Verify(format!("graph output `{}` is not computed", g.value(o).name)));
        }
    }
    Ok(())
}
