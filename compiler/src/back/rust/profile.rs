//! Per-node timers of `ronnc build --profile`: each node's block wrapped in a timer slot of the
//! `PROFILE` table, labelled with its name, op and shapes. Nothing of it is emitted without the flag.

use super::*;

/// Wraps each node's block (`steps`, one per node of `running`) in a timer of its own slot of
/// a `PROFILE` table (`--profile`).
pub(super) fn profiled(g: &Graph, running: &[NodeId], steps: Vec<TokenStream>) -> (Vec<TokenStream>, TokenStream) {
    let names: Vec<String> = running.iter().map(|&n| profile_label(g, g.node(n))).collect();
    let steps = steps
        .into_iter()
        .enumerate()
        .map(|(i, step)| {
            let i = lit(i);
            quote! {{
                let _timer = rt::profile::Timer::start(&PROFILE[#i]);
                #step
            }}
        })
        .collect();
    let n = lit(names.len());
    let table = quote! {
        /// Each node's time over the runs so far (`ronnc build --profile`).
        pub static PROFILE: [rt::profile::Slot; #n] = [#(rt::profile::Slot::new(#names)),*];
    };
    (steps, table)
}

/// `name (Op) [input shapes] -> [output shape]`, a fused node named by its head: what a
/// profile's reader needs to tell a depthwise from a pointwise convolution.
pub(super) fn profile_label(g: &Graph, node: &Node) -> String {
    let kind =
        if let Op::Fused { head: Some(h), .. } = &node.op { format!("{}+", h.op.kind()) } else { node.op.kind() };
    let shape = |v: &ValueId| {
        let dims: Vec<String> = g.value(*v).ty.shape.iter().map(Dim::to_string).collect();
        format!("[{}]", dims.join(","))
    };
    let ins: Vec<String> = node.inputs.iter().map(shape).collect();
    let outs: Vec<String> = node.outputs.iter().map(shape).collect();
    format!("{} ({kind}) {} -> {}", printable(&node.name), ins.join(" "), outs.join(" "))
}
