//! The IR's text form, for tests, snapshots and `ronnc inspect`:
//!
//! ```text
//! graph mnist
//!   in %0 image: f32[1,1,28,28]
//!   const %1 w: f32[8,1,3,3]
//!   %2 conv0: f32[1,8,28,28] = Conv { group: 1, .. }(%0, %1)
//!   out %9
//! ```

use std::fmt::Write;

use super::graph::Graph;

/// Prints the graph in topological order (constants first, only those in use).
pub fn print(g: &Graph) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "graph {}", g.name);
    for &v in &g.inputs {
        let val = g.value(v);
        let _ = writeln!(s, "  in %{} {}: {}", v.index(), val.name, val.ty);
    }
    let order = g.topo_order().unwrap_or_default();
    let mut consts: Vec<_> =
        order.iter().flat_map(|&n| g.node(n).inputs.clone()).filter(|&v| g.const_value(v).is_some()).collect();
    consts.extend(g.outputs.iter().copied().filter(|&v| g.const_value(v).is_some()));
    consts.sort();
    consts.dedup();
    for v in consts {
        let val = g.value(v);
        let _ = writeln!(s, "  const %{} {}: {}", v.index(), val.name, val.ty);
    }
    for n in order {
        let node = g.node(n);
        let outs: Vec<String> = node.outputs.iter().map(|&o| format!("%{}: {}", o.index(), g.value(o).ty)).collect();
        let ins: Vec<String> = node.inputs.iter().map(|&i| format!("%{}", i.index())).collect();
        let _ = writeln!(s, "  {} {} = {:?}({})", outs.join(", "), node.name, node.op, ins.join(", "));
    }
    let outs: Vec<String> = g.outputs.iter().map(|&o| format!("%{}", o.index())).collect();
    let _ = writeln!(s, "  out {}", outs.join(", "));
    s
}
