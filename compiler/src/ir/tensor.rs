//! Constant tensors held by the IR: initialisers, folded values, attribute tensors.

use super::types::{DType, TensorType};
use ronn_runtime::{bf16, f16};

/// Typed element storage of a constant.
#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    /// `f32` elements.
    F32(Vec<f32>),
    /// `f64` elements.
    F64(Vec<f64>),
    /// `f16` elements.
    F16(Vec<f16>),
    /// `bf16` elements.
    BF16(Vec<bf16>),
    /// `i8` elements.
    I8(Vec<i8>),
    /// `i16` elements.
    I16(Vec<i16>),
    /// `i32` elements.
    I32(Vec<i32>),
    /// `i64` elements.
    I64(Vec<i64>),
    /// `u8` elements.
    U8(Vec<u8>),
    /// `u16` elements.
    U16(Vec<u16>),
    /// `u32` elements.
    U32(Vec<u32>),
    /// `u64` elements.
    U64(Vec<u64>),
    /// `bool` elements.
    Bool(Vec<bool>),
}

/// Applies `$body` to the typed vector inside a [`Data`], binding it as `$v`.
#[macro_export]
#[doc(hidden)]
macro_rules! with_data {
    ($data:expr, $v:ident => $body:expr) => {
        match $data {
            $crate::ir::Data::F32($v) => $body,
            $crate::ir::Data::F64($v) => $body,
            $crate::ir::Data::F16($v) => $body,
            $crate::ir::Data::BF16($v) => $body,
            $crate::ir::Data::I8($v) => $body,
            $crate::ir::Data::I16($v) => $body,
            $crate::ir::Data::I32($v) => $body,
            $crate::ir::Data::I64($v) => $body,
            $crate::ir::Data::U8($v) => $body,
            $crate::ir::Data::U16($v) => $body,
            $crate::ir::Data::U32($v) => $body,
            $crate::ir::Data::U64($v) => $body,
            $crate::ir::Data::Bool($v) => $body,
        }
    };
}

impl Data {
    /// The element type.
    pub fn dtype(&self) -> DType {
        match self {
            Data::F32(_) => DType::F32,
            Data::F64(_) => DType::F64,
            Data::F16(_) => DType::F16,
            Data::BF16(_) => DType::BF16,
            Data::I8(_) => DType::I8,
            Data::I16(_) => DType::I16,
            Data::I32(_) => DType::I32,
            Data::I64(_) => DType::I64,
            Data::U8(_) => DType::U8,
            Data::U16(_) => DType::U16,
            Data::U32(_) => DType::U32,
            Data::U64(_) => DType::U64,
            Data::Bool(_) => DType::Bool,
        }
    }

    /// The number of elements.
    pub fn len(&self) -> usize {
        with_data!(self, v => v.len())
    }

    /// Whether there are no elements.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Zero-filled storage of `dtype`.
    pub fn zeros(dtype: DType, len: usize) -> Data {
        match dtype {
            DType::F32 => Data::F32(vec![0.0; len]),
            DType::F64 => Data::F64(vec![0.0; len]),
            DType::F16 => Data::F16(vec![f16::ZERO; len]),
            DType::BF16 => Data::BF16(vec![bf16::ZERO; len]),
            DType::I8 => Data::I8(vec![0; len]),
            DType::I16 => Data::I16(vec![0; len]),
            DType::I32 => Data::I32(vec![0; len]),
            DType::I64 => Data::I64(vec![0; len]),
            DType::U8 => Data::U8(vec![0; len]),
            DType::U16 => Data::U16(vec![0; len]),
            DType::U32 => Data::U32(vec![0; len]),
            DType::U64 => Data::U64(vec![0; len]),
            DType::Bool => Data::Bool(vec![false; len]),
        }
    }

    /// Decodes little-endian element bytes (ONNX `raw_data`).
    pub fn from_le_bytes(dtype: DType, bytes: &[u8]) -> Option<Data> {
        if !bytes.len().is_multiple_of(dtype.size()) {
            return None;
        }
        fn pod<T: bytemuck::Pod>(b: &[u8]) -> Vec<T> {
            bytemuck::pod_collect_to_vec(b)
        }
        Some(match dtype {
            DType::F32 => Data::F32(pod(bytes)),
            DType::F64 => Data::F64(pod(bytes)),
            DType::F16 => Data::F16(pod(bytes)),
            DType::BF16 => Data::BF16(pod(bytes)),
            DType::I8 => Data::I8(pod(bytes)),
            DType::I16 => Data::I16(pod(bytes)),
            DType::I32 => Data::I32(pod(bytes)),
            DType::I64 => Data::I64(pod(bytes)),
            DType::U8 => Data::U8(pod(bytes)),
            DType::U16 => Data::U16(pod(bytes)),
            DType::U32 => Data::U32(pod(bytes)),
            DType::U64 => Data::U64(pod(bytes)),
            DType::Bool => Data::Bool(bytes.iter().map(|&b| b != 0).collect()),
        })
    }

    /// Little-endian element bytes, as stored in the weight blob.
    pub fn to_le_bytes(&self) -> Vec<u8> {
        match self {
            Data::Bool(v) => v.iter().map(|&b| b as u8).collect(),
            Data::F32(v) => bytemuck::cast_slice(v).to_vec(),
            Data::F64(v) => bytemuck::cast_slice(v).to_vec(),
            Data::F16(v) => bytemuck::cast_slice(v).to_vec(),
            Data::BF16(v) => bytemuck::cast_slice(v).to_vec(),
            Data::I8(v) => bytemuck::cast_slice(v).to_vec(),
            Data::I16(v) => bytemuck::cast_slice(v).to_vec(),
            Data::I32(v) => bytemuck::cast_slice(v).to_vec(),
            Data::I64(v) => bytemuck::cast_slice(v).to_vec(),
            Data::U8(v) => v.clone(),
            Data::U16(v) => bytemuck::cast_slice(v).to_vec(),
            Data::U32(v) => bytemuck::cast_slice(v).to_vec(),
            Data::U64(v) => bytemuck::cast_slice(v).to_vec(),
        }
    }

    /// Every element widened to i64 (integers and bools; floats truncate). For shape arithmetic.
    pub fn to_i64_vec(&self) -> Vec<i64> {
        use ronn_runtime::scalar::CastTo;
        with_data!(self, v => v.iter().map(|&x| CastTo::<i64>::cast_to(x)).collect())
    }

    /// Every element as f64. For attribute-like scalars and comparisons.
    pub fn to_f64_vec(&self) -> Vec<f64> {
        use ronn_runtime::scalar::CastTo;
        with_data!(self, v => v.iter().map(|&x| CastTo::<f64>::cast_to(x)).collect())
    }
}

/// A constant tensor with a static shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Tensor {
    /// The size of each axis, outermost first; `[]` for a scalar.
    pub shape: Vec<usize>,
    /// The elements in row-major order; as many as the shape's product.
    pub data: Data,
}

impl Tensor {
    /// Fails when the element count disagrees with the shape.
    pub fn new(shape: Vec<usize>, data: Data) -> Option<Tensor> {
        let n = shape.iter().try_fold(1usize, |a, &d| a.checked_mul(d))?;
        (n == data.len()).then_some(Tensor { shape, data })
    }

    /// An i64 scalar (shape `[]`).
    pub fn scalar_i64(v: i64) -> Tensor {
        Tensor { shape: vec![], data: Data::I64(vec![v]) }
    }

    /// A one-dimensional i64 tensor.
    pub fn vec_i64(v: Vec<i64>) -> Tensor {
        Tensor { shape: vec![v.len()], data: Data::I64(v) }
    }

    /// An f32 scalar (shape `[]`).
    pub fn scalar_f32(v: f32) -> Tensor {
        Tensor { shape: vec![], data: Data::F32(vec![v]) }
    }

    /// The element type.
    pub fn dtype(&self) -> DType {
        self.data.dtype()
    }

    /// Its type: dtype and fixed shape.
    pub fn ty(&self) -> TensorType {
        TensorType::fixed(self.dtype(), &self.shape)
    }

    /// The number of elements.
    pub fn numel(&self) -> usize {
        self.data.len()
    }

    /// The size of the elements in bytes (a bool is one byte).
    pub fn bytes(&self) -> usize {
        self.numel() * self.dtype().size()
    }

    /// A scalar or one-element constant converted to `dtype` (used for expansions like `x * alpha`).
    pub fn scalar_of(dtype: DType, value: f64) -> Tensor {
        use ronn_runtime::scalar::CastTo;
        let data = match dtype {
            DType::F32 => Data::F32(vec![value as f32]),
            DType::F64 => Data::F64(vec![value]),
            DType::F16 => Data::F16(vec![f16::from_f64(value)]),
            DType::BF16 => Data::BF16(vec![bf16::from_f64(value)]),
            DType::I8 => Data::I8(vec![CastTo::<i8>::cast_to(value)]),
            DType::I16 => Data::I16(vec![CastTo::<i16>::cast_to(value)]),
            DType::I32 => Data::I32(vec![CastTo::<i32>::cast_to(value)]),
            DType::I64 => Data::I64(vec![CastTo::<i64>::cast_to(value)]),
            DType::U8 => Data::U8(vec![CastTo::<u8>::cast_to(value)]),
            DType::U16 => Data::U16(vec![CastTo::<u16>::cast_to(value)]),
            DType::U32 => Data::U32(vec![CastTo::<u32>::cast_to(value)]),
            DType::U64 => Data::U64(vec![CastTo::<u64>::cast_to(value)]),
            DType::Bool => Data::Bool(vec![value != 0.0]),
        };
        Tensor { shape: vec![], data }
    }
}
