//! Weights the CPU back-end stores packed for its GEMM's register tiles, laid out at build
//! time so `run` never packs them (`runtime-min/src/kernels/prepacked.rs` has the layouts).
//!
//! A constant is packed when every node that reads it reads it the same packable way:
//! - as the f32 weights of a convolution (plain or the head of a fused node) that runs as
//!   GEMMs (not depthwise): panels of output channels, per group; or, for a 3x3 stride-1
//!   convolution the Winograd kernel takes (`kernels/winograd.rs`), transformed into its 36
//!   points and packed per point;
//! - as the 2-D f32 right operand of a MatMul (plain or fused head): slivers of columns;
//! - as the projection weights of a `SqueezeExcite` block (packed like a 1x1 convolution's).
//!
//! The graph keeps the ONNX layout, so passes, the evaluator and the CUDA back-end never see
//! packing: only the blob's bytes and the calls the Rust back-end emits change.

use std::collections::HashMap;

use crate::ir::{DType, Data, Graph, Op, Tensor, ValueDef, ValueId};
use ronn_runtime::kernels::{conv, prepacked, winograd};

/// How a constant is stored packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packing {
    /// Convolution weights `[M, C/group, kernel...]`, for `conv_prepacked`.
    ConvWeights {
        /// The convolution's group count.
        group: usize,
    },
    /// A MatMul's `[K, N]` right operand, for `matmul_prepacked`.
    MatMulRhs,
    /// 3x3 convolution weights `[M, C, 3, 3]` in the Winograd domain for tiles of `tile`
    /// outputs a side, for `conv_winograd`.
    Winograd {
        /// Outputs per tile side.
        tile: usize,
    },
}

/// The packed constants and how each is packed.
pub(crate) fn find(g: &Graph) -> HashMap<ValueId, Packing> {
    let mut uses: HashMap<ValueId, Option<Packing>> = HashMap::new();
    for n in g.node_ids() {
        let node = g.node(n);
        let op = node.op.kernel_op();
        for (pos, &v) in node.inputs.iter().enumerate() {
            if !matches!(g.value(v).def, ValueDef::Const(_)) {
                continue;
            }
            // The kernels that read a constant packed; every other reads its constants plain.
            let reader = if let Op::Conv { group, window } = op {
                (pos == 1).then(|| conv_packing(g, node, *group, window))
            } else if let Op::MatMul = op {
                (pos == 1).then_some(Packing::MatMulRhs)
            } else if let Op::SqueezeExcite { project: true, .. } = op {
                // A squeeze-and-excitation block's 1x1 projection: the gates scale its packed
                // weights at run time.
                (pos == 5).then_some(Packing::ConvWeights { group: 1 })
            } else {
                None
            };
            let entry = uses.entry(v).or_insert(reader);
            if *entry != reader {
                *entry = None;
            }
        }
    }
    for v in &g.outputs {
        uses.insert(*v, None);
    }
    uses.into_iter()
        .filter_map(|(v, packing)| Some((v, packing?)))
        .filter(|&(v, packing)| g.const_value(v).is_some_and(|t| packed_len(t, packing).is_some()))
        .collect()
}

/// How a convolution reads its weights: in the Winograd domain where its shapes are ones the
/// Winograd kernel takes and the im2col-free path would not beat it (few input channels,
/// `conv::phased_beats_winograd`), else as GEMM panels. Symbolic sizes decide at their
/// bounds: the kernel then runs every smaller size with the tile the bound chose.
fn conv_packing(g: &Graph, node: &crate::ir::Node, group: usize, window: &crate::ir::Window) -> Packing {
    let fixed = |v: ValueId| super::dims_at_bounds(g, v);
    let p = conv::ConvParams { group, strides: &window.strides, dilations: &window.dilations, pads: &window.pads };
    let shapes = (
        node.inputs.first().and_then(|&v| fixed(v)),
        node.inputs.get(1).and_then(|&v| fixed(v)),
        node.outputs.first().and_then(|&v| fixed(v)),
    );
    match shapes {
        (Some(x), Some(w), Some(y)) => {
            match winograd::tile_for(&x, &w, &p, &y).filter(|_| !conv::phased_beats_winograd(&x, &w, &y, &p)) {
                Some(tile) => Packing::Winograd { tile },
                None => Packing::ConvWeights { group },
            }
        }
        _ => Packing::ConvWeights { group },
    }
}

/// Floats of the packed form, or `None` where this constant cannot be packed that way.
fn packed_len(t: &Tensor, packing: Packing) -> Option<usize> {
    if t.dtype() != DType::F32 {
        return None;
    }
    match (packing, t.shape.as_slice()) {
        (Packing::ConvWeights { group }, shape) if shape.len() >= 3 => conv::prepacked_weights_len(shape, group),
        (Packing::MatMulRhs, &[k, n]) => Some(prepacked::packed_rhs_len(k, n)),
        (Packing::Winograd { tile }, shape) => winograd::weights_len(shape, tile),
        _ => None,
    }
}

/// Bytes of the packed form of a constant `find` chose.
pub(crate) fn packed_len_bytes(t: &Tensor, packing: Packing) -> usize {
    packed_len(t, packing).unwrap_or(0) * DType::F32.size()
}

/// The packed form's bytes (little-endian f32).
pub(crate) fn packed_bytes(t: &Tensor, packing: Packing) -> Result<Vec<u8>, super::PlanError> {
    use super::PlanError::Pack;
    let Data::F32(w) = &t.data else { return Err(Pack("only f32 constants are packed".into())) };
    let packed = match (packing, t.shape.as_slice()) {
        (Packing::ConvWeights { group }, shape) => {
            conv::prepack_weights(w, shape, group).map_err(|e| Pack(e.to_string()))?
        }
        (Packing::MatMulRhs, &[k, n]) => {
            let mut out = vec![0f32; prepacked::packed_rhs_len(k, n)];
            prepacked::pack_rhs(w, k, n, &mut out).map_err(|e| Pack(e.to_string()))?;
            out
        }
        (Packing::MatMulRhs, _) => return Err(Pack("a packed MatMul operand is 2-D".into())),
        (Packing::Winograd { tile }, shape) => {
            winograd::transform_weights(w, shape, tile).map_err(|e| Pack(e.to_string()))?
        }
    };
    Ok(packed.iter().flat_map(|v| v.to_le_bytes()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Dim, TensorType, UnaryOp, Window};

    fn f32s(d: &[usize]) -> TensorType {
        TensorType::new(DType::F32, d.iter().map(|&n| Dim::fixed(n)).collect())
    }

    fn weights(shape: &[usize]) -> Tensor {
        Tensor::new(shape.to_vec(), Data::F32(vec![0.5; shape.iter().product()])).unwrap()
    }

    fn window() -> Window {
        Window { kernel: vec![3, 3], strides: vec![1, 1], dilations: vec![1, 1], pads: vec![1; 4] }
    }

    #[test]
    fn packs_gemm_weights_read_only_as_gemm_weights() {
        let mut g = Graph::new("t");
        let x = g.add_input("x", f32s(&[1, 4, 5, 5]));
        let (w, dw, shared) = (
            g.add_const("w", weights(&[8, 4, 3, 3])),
            g.add_const("dw", weights(&[4, 1, 3, 3])),
            g.add_const("s", weights(&[8, 4, 3, 3])),
        );
        let y = g.add_node("conv", Op::Conv { group: 1, window: window() }, vec![x, w]).unwrap()[0];
        let z = g.add_node("depthwise", Op::Conv { group: 4, window: window() }, vec![x, dw]).unwrap()[0];
        let s = g.add_node("conv2", Op::Conv { group: 1, window: window() }, vec![x, shared]).unwrap()[0];
        // `shared` is also read as a plain tensor: it must keep its ONNX layout.
        let t = g.add_node("neg", Op::Unary(UnaryOp::Neg), vec![shared]).unwrap()[0];
        let r = g.add_input("r", f32s(&[3, 6]));
        let m = g.add_const("m", weights(&[6, 40]));
        let mm = g.add_node("matmul", Op::MatMul, vec![r, m]).unwrap()[0];
        g.outputs = vec![y, z, s, t, mm];
        let found = find(&g);
        assert_eq!(found.get(&w), Some(&Packing::ConvWeights { group: 1 }));
        assert_eq!(found.get(&m), Some(&Packing::MatMulRhs));
        assert!(!found.contains_key(&dw), "depthwise weights run without a GEMM");
        assert!(!found.contains_key(&shared), "a constant with a non-GEMM reader");
        // The packed forms hold whole panels and slivers.
        let bytes = packed_bytes(g.const_value(m).unwrap(), Packing::MatMulRhs).unwrap();
        assert_eq!(bytes.len(), 6 * 64 * 4);
        assert_eq!(packed_len_bytes(g.const_value(w).unwrap(), Packing::ConvWeights { group: 1 }), 12 * 36 * 4);
    }

    #[test]
    fn stores_3x3_weights_for_winograd_where_the_kernel_takes_them() {
        // 24x24: 36 tiles of 4x4, F(4x4) (a 16x16 map's 16 take F(2x2)).
        let mut g = Graph::new("t");
        let x = g.add_input("x", f32s(&[1, 32, 24, 24]));
        let (w, narrow) = (g.add_const("w", weights(&[32, 32, 3, 3])), g.add_const("narrow", weights(&[8, 32, 3, 3])));
        let y = g.add_node("conv", Op::Conv { group: 1, window: window() }, vec![x, w]).unwrap()[0];
        let z = g.add_node("conv8", Op::Conv { group: 1, window: window() }, vec![x, narrow]).unwrap()[0];
        g.outputs = vec![y, z];
        let found = find(&g);
        assert_eq!(found.get(&w), Some(&Packing::Winograd { tile: 4 }));
        assert_eq!(
            found.get(&narrow),
            Some(&Packing::ConvWeights { group: 1 }),
            "8 output channels: too few for Winograd"
        );
        // 36 points, each a packed 32x32 matrix (three panels of 12 rows).
        assert_eq!(packed_len_bytes(g.const_value(w).unwrap(), Packing::Winograd { tile: 4 }), 36 * 36 * 32 * 4);
    }
}
