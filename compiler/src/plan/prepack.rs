//! Weights the CPU back-end stores packed for its GEMM's register tiles, laid out at build
//! time so `run` never packs them (`runtime-min/src/kernels/prepacked.rs` has the layout).
//!
//! A constant is packed when every node that reads it is a convolution (plain or the head of
//! a fused node) that runs as GEMMs (not depthwise) and reads it as its f32 weights. The graph
//! keeps the ONNX layout, so passes, the evaluator and the CUDA back-end never see packing:
//! only the blob's bytes and the call the Rust back-end emits change.

use std::collections::HashMap;

use crate::ir::{DType, Graph, Op, Tensor, ValueDef, ValueId};
use ronn_runtime::kernels::conv;

/// The packed constants, each with the group count of the convolutions that read it.
pub fn find(g: &Graph) -> HashMap<ValueId, usize> {
    let mut groups: HashMap<ValueId, Option<usize>> = HashMap::new();
    for n in g.node_ids() {
        let node = g.node(n);
        let op = match &node.op {
            Op::Fused { head: Some(head), .. } => head.op.as_ref(),
            op => op,
        };
        for (pos, &v) in node.inputs.iter().enumerate() {
            if !matches!(g.value(v).def, ValueDef::Const(_)) {
                continue;
            }
            let reader = match op {
                Op::Conv { group, .. } if pos == 1 => Some(*group),
                _ => None,
            };
            let entry = groups.entry(v).or_insert(reader);
            if *entry != reader {
                *entry = None;
            }
        }
    }
    for v in &g.outputs {
        groups.insert(*v, None);
    }
    groups.into_iter().filter_map(|(v, group)| Some((v, group?))).filter(|&(v, group)| g.const_value(v).is_some_and(|t| packable(t, group))).collect()
}

fn packable(t: &Tensor, group: usize) -> bool {
    t.dtype() == DType::F32 && t.shape.len() >= 3 && conv::prepacked_weights_len(&t.shape, group).is_some()
}

/// The packed weights' bytes (little-endian f32).
pub fn packed_bytes(t: &Tensor, group: usize) -> Result<Vec<u8>, String> {
    let crate::ir::Data::F32(w) = &t.data else { return Err("only f32 weights are packed".into()) };
    let packed = conv::prepack_weights(w, &t.shape, group).map_err(|e| e.to_string())?;
    Ok(packed.iter().flat_map(|v| v.to_le_bytes()).collect())
}

/// Bytes of the packed form of a constant `find` chose.
pub fn packed_len_bytes(t: &Tensor, group: usize) -> usize {
    conv::prepacked_weights_len(&t.shape, group).unwrap_or(0) * DType::F32.size()
}
