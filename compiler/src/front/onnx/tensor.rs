//! ONNX `TensorProto` -> IR constant.

use super::proto::TensorProto;
use crate::ir::{DType, Data, Tensor};
use ronn_runtime::{bf16, f16};

/// Converts a tensor (after external data was inlined). Checks dims and data length agree
/// before allocating anything proportional to the dims.
pub fn tensor_from_proto(t: &TensorProto, max_bytes: usize) -> Result<Tensor, String> {
    let code = t.data_type.unwrap_or(0);
    let dtype = DType::from_onnx_code(code).ok_or_else(|| format!("data type {code} is not supported"))?;
    let mut dims = Vec::with_capacity(t.dims.len());
    for &d in &t.dims {
        dims.push(usize::try_from(d).map_err(|_| format!("negative dim {d}"))?);
    }
    let n = dims.iter().try_fold(1usize, |a, &d| a.checked_mul(d)).ok_or("element count overflows")?;
    let bytes = n.checked_mul(dtype.size()).ok_or("byte size overflows")?;
    if bytes > max_bytes {
        return Err(format!("{bytes} bytes exceed the size limit of {max_bytes}"));
    }
    let data = if let Some(raw) = &t.raw_data {
        if raw.len() != bytes {
            return Err(format!("raw_data has {} bytes, dims {:?} of {dtype} need {bytes}", raw.len(), dims));
        }
        Data::from_le_bytes(dtype, raw).ok_or("raw_data length is not a multiple of the element size")?
    } else {
        let data = typed_fields(t, dtype)?;
        if data.len() != n {
            return Err(format!("has {} values, dims {:?} need {n}", data.len(), dims));
        }
        data
    };
    Tensor::new(dims, data).ok_or_else(|| "data length disagrees with dims".into())
}

fn typed_fields(t: &TensorProto, dtype: DType) -> Result<Data, String> {
    let i32s = || t.int32_data.iter();
    Ok(match dtype {
        DType::F32 => Data::F32(t.float_data.clone()),
        DType::F64 => Data::F64(t.double_data.clone()),
        DType::I64 => Data::I64(t.int64_data.clone()),
        DType::I32 => Data::I32(t.int32_data.clone()),
        DType::I16 => Data::I16(i32s().map(|&v| v as i16).collect()),
        DType::I8 => Data::I8(i32s().map(|&v| v as i8).collect()),
        DType::U16 => Data::U16(i32s().map(|&v| v as u16).collect()),
        DType::U8 => Data::U8(i32s().map(|&v| v as u8).collect()),
        DType::Bool => Data::Bool(i32s().map(|&v| v != 0).collect()),
        DType::F16 => Data::F16(i32s().map(|&v| f16::from_bits(v as u16)).collect()),
        DType::BF16 => Data::BF16(i32s().map(|&v| bf16::from_bits(v as u16)).collect()),
        DType::U32 => Data::U32(t.uint64_data.iter().map(|&v| v as u32).collect()),
        DType::U64 => Data::U64(t.uint64_data.clone()),
    })
}
