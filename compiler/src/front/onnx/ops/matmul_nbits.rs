//! com.microsoft `MatMulNBits(A, B, scales, zero_points?, g_idx?, bias?; K, N, bits,
//! block_size)`: a MatMul whose `[K, N]` weight is stored transposed as `[N, K]` in 4- or 8-bit
//! blocks along K (the weight-only quantization of LLMs by ONNX Runtime's tools).
//! Spec: <https://github.com/microsoft/onnxruntime/blob/main/docs/ContribOperators.md#commicrosoftmatmulnbits>.
//!
//! The weight is a constant, so it is dequantized here, at build time,
//! `w[n, k] = (q[n, k] - zero_point[n, k / block_size]) * scale[n, k / block_size]`, and the
//! node becomes an f32 MatMul (+ bias): ONNX Runtime's default `accuracy_level` 0 computes in f32
//! from the same values (f16 activations are widened for it, the result narrowed back).
//! Packing: 4-bit values two to a byte, the first in the low nibble; the default zero point is
//! `2^(bits - 1)`; packed zero points follow the same nibble order per row.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, Data, Op, Tensor, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let int = |name: &str| {
        usize::try_from(n.attrs.int(name).ok_or_else(|| NodeError::Invalid(format!("attribute {name} is required")))?)
            .map_err(|_| NodeError::Invalid(format!("attribute {name} is negative")))
    };
    let (k, cols) = (int("K")?, int("N")?);
    let bits = n.attrs.int_or("bits", 4);
    let block = int("block_size")?;
    if !matches!(bits, 4 | 8) {
        return Err(NodeError::Unsupported(format!("bits={bits} (4 and 8 are)")));
    }
    if block < 16 || !block.is_power_of_two() {
        return Err(NodeError::Invalid(format!("block_size {block} is not a power of two of at least 16")));
    }
    if n.opt(4).is_some() {
        return Err(NodeError::Unsupported("g_idx (act-order) weights".into()));
    }
    ctx.allow(&[k, cols], "the dequantized weight")?;
    let blocks = k.div_ceil(block);
    let per_byte = 8 / bits as usize;
    let packed = u8s(ctx.value_of(n.input(1)?, "B")?, "B")?;
    let scales = ctx.value_of(n.input(2)?, "scales")?.data.to_f64_vec();
    let blob = block / per_byte;
    if packed.len() != cols * blocks * blob || scales.len() != cols * blocks {
        return Err(NodeError::Invalid(format!(
            "B has {} bytes and scales {} values; N={cols}, K={k}, block_size={block} need {} and {}",
            packed.len(),
            scales.len(),
            cols * blocks * blob,
            cols * blocks
        )));
    }
    let default_zero = f64::from(1u32 << (bits - 1));
    let zero_points: Vec<f64> = match n.opt(3) {
        None => vec![default_zero; cols * blocks],
        Some(z) => {
            let t = ctx.value_of(z, "zero_points")?;
            match &t.data {
                // Packed like B: per row, `blocks` values in ceil(blocks / per_byte) bytes.
                Data::U8(bytes) => {
                    let row_bytes = blocks.div_ceil(per_byte);
                    if bytes.len() != cols * row_bytes {
                        return Err(NodeError::Invalid(format!(
                            "zero_points has {} bytes, expected {}",
                            bytes.len(),
                            cols * row_bytes
                        )));
                    }
                    (0..cols * blocks)
                        .map(|i| f64::from(unpack(&bytes[(i / blocks) * row_bytes..], i % blocks, bits)))
                        .collect()
                }
                // Or as values of the scales' type.
                other => {
                    let v = other.to_f64_vec();
                    if v.len() != cols * blocks {
                        return Err(NodeError::Invalid(format!(
                            "zero_points has {} values, expected {}",
                            v.len(),
                            cols * blocks
                        )));
                    }
                    v
                }
            }
        }
    };
    // [K, N], row-major, as MatMul's right operand.
    let mut w = vec![0f32; k * cols];
    for col in 0..cols {
        let row = &packed[col * blocks * blob..(col + 1) * blocks * blob];
        for kk in 0..k {
            let b = col * blocks + kk / block;
            let q = f64::from(unpack(row, kk, bits));
            w[kk * cols + col] = ((q - zero_points[b]) * scales[b]) as f32;
        }
    }
    let weight = Tensor::new(vec![k, cols], Data::F32(w)).ok_or("weight shape")?;
    let weight = ctx.constant(weight);
    // In f32 (as ONNX Runtime's accuracy level 0), returned in A's type (f32 or f16).
    let a = n.input(0)?;
    let out = ctx.dtype(a);
    let a = ctx.cast(&ctx.sub(n.name, "a"), a, DType::F32)?;
    // The last f32 node takes the node's name unless a narrowing cast follows.
    let f32_result = if out == DType::F32 { n.name.to_string() } else { ctx.sub(n.name, "f32") };
    let name = if n.opt(5).is_some() { ctx.sub(n.name, "matmul") } else { f32_result.clone() };
    let mut y = ctx.node(&name, Op::MatMul, vec![a, weight])?;
    if let Some(bias) = n.opt(5) {
        let bias = ctx.cast(&ctx.sub(n.name, "bias_f32"), bias, DType::F32)?;
        y = ctx.binary(&f32_result, BinaryOp::Add, y, bias)?;
    }
    Ok(vec![ctx.cast(n.name, y, out)?])
}

/// Value `i` of a row of packed `bits`-bit values (4: two to a byte, low nibble first).
fn unpack(row: &[u8], i: usize, bits: i64) -> u8 {
    let byte = row.get(if bits == 4 { i / 2 } else { i }).copied().unwrap_or(0);
    match bits {
        4 if i.is_multiple_of(2) => byte & 0x0f,
        4 => byte >> 4,
        _ => byte,
    }
}

fn u8s<'a>(t: &'a Tensor, what: &str) -> Result<&'a [u8], NodeError> {
    match &t.data {
        Data::U8(v) => Ok(v),
        _ => Err(NodeError::Invalid(format!("{what} must be uint8"))),
    }
}
