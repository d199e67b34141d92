//! One importer per ONNX op (small families of one-line ops share a file). Each maps a node onto
//! core ops through [`Ctx`]. Adding an op: a new file (spec link, opsets, attributes, mapping,
//! tests) and one line in [`lookup`].

use super::ctx::{Ctx, NodeError, NodeIn};
use crate::ir::ValueId;

mod activation;
mod arg_reduce;
mod attention;
mod batch_norm;
mod binary;
mod cast;
mod causal_conv;
mod clip;
mod concat;
mod constant;
mod contrib;
mod conv;
mod conv_transpose;
mod crop;
mod cumulative;
mod depth_space;
mod einsum;
mod expand;
mod flatten;
mod gather;
mod gemm;
mod identity;
mod linear_attention;
mod loss;
mod lrn;
mod matmul;
mod matmul_nbits;
mod misc;
mod ml;
mod ms_attention;
mod normalization;
mod one_hot;
mod pad;
mod pool;
mod qlinear;
mod quantize;
mod range;
mod recurrent;
mod reduce;
mod reshape;
mod resize;
mod rotary;
mod scatter;
mod shape;
mod signal;
mod slice;
mod softmax;
mod split;
mod squeeze;
#[cfg(test)]
mod tests;
mod top_k;
mod training;
mod transpose;
mod triangular;
mod where_;
mod window;

/// An op importer: reads its node, adds core ops, returns the node's outputs in order.
pub type ImportFn = fn(&mut Ctx, &NodeIn) -> Result<Vec<ValueId>, NodeError>;

/// The importer of an op of another domain than the default one.
pub fn lookup_in(domain: &str, op_type: &str) -> Option<ImportFn> {
    Some(match (domain, op_type) {
        ("ai.onnx.preview.training", "Adagrad" | "Adam" | "Momentum") => training::import,
        ("ai.onnx.ml", "Binarizer") => ml::import_binarizer,
        ("ai.onnx.ml", "ArrayFeatureExtractor") => ml::import_array_feature_extractor,
        ("com.microsoft", op) if contrib::OPS.contains(&op) => contrib::import,
        ("com.microsoft", op) if qlinear::OPS.contains(&op) => qlinear::import,
        ("com.microsoft", op) if ms_attention::OPS.contains(&op) => ms_attention::import,
        ("com.microsoft", "MatMulIntegerToFloat") => quantize::import_matmul_integer_to_float,
        ("com.microsoft", "DynamicQuantizeMatMul") => quantize::import_dynamic_quantize_matmul,
        ("com.microsoft", "MatMulNBits") => matmul_nbits::import,
        ("com.microsoft", "DynamicQuantizeLSTM") => recurrent::import,
        _ => return None,
    })
}

/// The importer of an op of the default ONNX domain.
pub fn lookup(op_type: &str) -> Option<ImportFn> {
    if activation::OPS.contains(&op_type) {
        return Some(activation::import);
    }
    if binary::OPS.contains(&op_type) {
        return Some(binary::import);
    }
    Some(match op_type {
        "Sum" | "Max" | "Min" | "Mean" => binary::import_variadic,
        "Mod" | "BitShift" => binary::import_mod_shift,
        "AffineGrid" => misc::import_affine_grid,
        "ArgMax" | "ArgMin" => arg_reduce::import,
        "Attention" => attention::import,
        "AveragePool" | "MaxPool" => pool::import,
        "GlobalAveragePool" | "GlobalMaxPool" => pool::import_global,
        "LpPool" => pool::import_lp,
        "MaxUnpool" => pool::import_max_unpool,
        "BatchNormalization" => batch_norm::import,
        "Cast" => cast::import,
        "BitCast" => cast::import_bitcast,
        "CenterCropPad" => crop::import,
        "CausalConvWithState" => causal_conv::import,
        "HannWindow" | "HammingWindow" | "BlackmanWindow" => signal::import_window,
        "DFT" => signal::import_dft,
        "GridSample" => misc::import_grid_sample,
        "CastLike" => cast::import_like,
        // ONNX Runtime's RMSNorm, which it registers in the default domain.
        "SimplifiedLayerNormalization" => contrib::import,
        "Clip" => clip::import,
        "Concat" => concat::import,
        "Constant" => constant::import,
        "ConstantOfShape" => constant::import_of_shape,
        "Conv" => conv::import,
        "DeformConv" => conv::import_deform,
        "ConvTranspose" => conv_transpose::import,
        "Col2Im" => conv_transpose::import_col2im,
        "DepthToSpace" | "SpaceToDepth" => depth_space::import,
        "Det" => misc::import_det,
        "CumSum" | "CumProd" => cumulative::import,
        "Dropout" | "Identity" => identity::import,
        "QuantizeLinear" => quantize::import_quantize,
        "DequantizeLinear" => quantize::import_dequantize,
        "DynamicQuantizeLinear" => quantize::import_dynamic,
        "QLinearMatMul" => quantize::import_qlinear_matmul,
        "QLinearConv" => quantize::import_qlinear_conv,
        "MatMulInteger" => quantize::import_matmul_integer,
        "ConvInteger" => quantize::import_conv_integer,
        "GatherND" => scatter::import_gather_nd,
        "Scatter" | "ScatterElements" => scatter::import_elements,
        "ScatterND" => scatter::import_nd,
        "TopK" => top_k::import,
        "Einsum" => einsum::import,
        "EyeLike" => triangular::import_eye_like,
        "Hardmax" => one_hot::import_hardmax,
        "OneHot" => one_hot::import,
        "Pad" => pad::import,
        "PRelu" => activation::import_prelu,
        "Split" => split::import,
        "Tile" => pad::import_tile,
        "Trilu" => triangular::import_trilu,
        "Expand" => expand::import,
        "Flatten" => flatten::import,
        "Gather" => gather::import,
        "GatherElements" => gather::import_elements,
        "NegativeLogLikelihoodLoss" => loss::import_nll,
        "SoftmaxCrossEntropyLoss" => loss::import_softmax_cross_entropy,
        "Gemm" => gemm::import,
        "LRN" => lrn::import,
        "LinearAttention" => linear_attention::import,
        "LayerNormalization" => normalization::import_layer_norm,
        "RMSNormalization" => normalization::import_rms_norm,
        "GroupNormalization" => normalization::import_group_norm,
        "InstanceNormalization" => normalization::import_instance_norm,
        "MeanVarianceNormalization" => normalization::import_mvn,
        "LpNormalization" => normalization::import_lp_norm,
        "MatMul" => matmul::import,
        "Range" => range::import,
        "ReduceMean" | "ReduceSum" | "ReduceMax" | "ReduceMin" | "ReduceProd" | "ReduceSumSquare" | "ReduceL1"
        | "ReduceL2" | "ReduceLogSumExp" | "ReduceLogSum" => reduce::import,
        "Reshape" => reshape::import,
        "RNN" | "GRU" | "LSTM" => recurrent::import,
        "ReverseSequence" => misc::import_reverse_sequence,
        "RoiAlign" => misc::import_roi_align,
        "SwiGLU" => misc::import_swiglu,
        "TensorScatter" => misc::import_tensor_scatter,
        "Resize" | "Upsample" => resize::import,
        "RotaryEmbedding" => rotary::import,
        "Shape" => shape::import,
        "Size" => shape::import_size,
        "Slice" => slice::import,
        "Softmax" | "LogSoftmax" => softmax::import,
        "Squeeze" | "Unsqueeze" => squeeze::import,
        "Transpose" => transpose::import,
        "Where" => where_::import,
        _ => return None,
    })
}

pub use attention::repeat_heads;

/// Resolves a possibly negative axis against a rank.
pub fn axis(a: i64, rank: usize) -> Result<usize, NodeError> {
    let r = rank as i64;
    let v = if a < 0 { a + r } else { a };
    if (0..r.max(1)).contains(&v) {
        Ok(v as usize)
    } else {
        Err(NodeError::Invalid(format!("axis {a} is outside rank {rank}")))
    }
}
