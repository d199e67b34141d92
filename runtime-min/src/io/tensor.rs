//! The in-memory side of the file formats: [`AnyTensor`] (a dtype, a shape and little-endian
//! element bytes), [`IoError`], and the checks every reader makes on a declared shape before it
//! allocates (element counts, byte lengths, [`MAX_TENSOR_BYTES`]).

use core::fmt;

use crate::{DType, Element};

/// The largest tensor the readers accept, in bytes of element data (1 TiB).
pub const MAX_TENSOR_BYTES: u64 = 1 << 40;

/// A tensor of any supported dtype, as read from or written to a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnyTensor {
    /// The element type.
    pub dtype: DType,
    /// The size of each axis, outermost first; `[]` for a scalar.
    pub shape: Vec<usize>,
    /// Element data in C order, little-endian; a bool is one byte, 0 or 1.
    pub bytes: Vec<u8>,
}

impl AnyTensor {
    /// Builds a tensor from raw element bytes, checking that their length matches the shape.
    /// Bool bytes are normalised to 0/1.
    pub fn new(dtype: DType, shape: Vec<usize>, mut bytes: Vec<u8>) -> Result<Self, IoError> {
        let dims: Vec<u64> = shape.iter().map(|&d| d as u64).collect();
        let expected = byte_len(dtype, &dims)?;
        if bytes.len() as u64 != expected {
            return Err(IoError::DataLength { field: "bytes", expected, got: bytes.len() as u64 });
        }
        if dtype == DType::Bool {
            normalise_bools(&mut bytes);
        }
        Ok(AnyTensor { dtype, shape, bytes })
    }

    /// Copies a typed slice. Works for `bool` too (see also [`AnyTensor::from_bools`]).
    ///
    /// # Panics
    /// If `data.len()` is not the product of `shape` (a programming error, not an input error).
    pub fn from_slice<T: Element + bytemuck::NoUninit>(data: &[T], shape: &[usize]) -> Self {
        let n: usize = shape.iter().product();
        assert_eq!(data.len(), n, "AnyTensor::from_slice: {} elements for shape {shape:?}", data.len());
        AnyTensor { dtype: T::DTYPE, shape: shape.to_vec(), bytes: bytemuck::cast_slice(data).to_vec() }
    }

    /// Copies a bool slice (one byte per element, 0 or 1).
    ///
    /// # Panics
    /// If `data.len()` is not the product of `shape`.
    pub fn from_bools(data: &[bool], shape: &[usize]) -> Self {
        let n: usize = shape.iter().product();
        assert_eq!(data.len(), n, "AnyTensor::from_bools: {} elements for shape {shape:?}", data.len());
        AnyTensor { dtype: DType::Bool, shape: shape.to_vec(), bytes: data.iter().map(|&b| b as u8).collect() }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.bytes.len() / self.dtype.size()
    }

    /// Whether the tensor has no elements (some dimension is 0).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The elements converted to `f64`, for comparisons (64-bit integers beyond 2^53 round).
    pub fn to_f64_vec(&self) -> Vec<f64> {
        let b = &self.bytes;
        match self.dtype {
            DType::F32 => le::<4, _>(b, |x| f32::from_le_bytes(x) as f64),
            DType::F64 => le::<8, _>(b, f64::from_le_bytes),
            DType::F16 => le::<2, _>(b, |x| half::f16::from_bits(u16::from_le_bytes(x)).to_f64()),
            DType::BF16 => le::<2, _>(b, |x| half::bf16::from_bits(u16::from_le_bytes(x)).to_f64()),
            DType::I8 => b.iter().map(|&x| x as i8 as f64).collect(),
            DType::U8 => b.iter().map(|&x| x as f64).collect(),
            DType::Bool => b.iter().map(|&x| if x != 0 { 1.0 } else { 0.0 }).collect(),
            DType::I16 => le::<2, _>(b, |x| i16::from_le_bytes(x) as f64),
            DType::U16 => le::<2, _>(b, |x| u16::from_le_bytes(x) as f64),
            DType::I32 => le::<4, _>(b, |x| i32::from_le_bytes(x) as f64),
            DType::U32 => le::<4, _>(b, |x| u32::from_le_bytes(x) as f64),
            DType::I64 => le::<8, _>(b, |x| i64::from_le_bytes(x) as f64),
            DType::U64 => le::<8, _>(b, |x| u64::from_le_bytes(x) as f64),
        }
    }

    /// The elements as a typed vector; `T` must match the tensor's dtype.
    pub fn to_vec<T: Element + bytemuck::Pod>(&self) -> Result<Vec<T>, IoError> {
        if T::DTYPE != self.dtype {
            return Err(IoError::DTypeMismatch { expected: T::DTYPE, got: self.dtype });
        }
        Ok(self.bytes.chunks_exact(core::mem::size_of::<T>()).map(bytemuck::pod_read_unaligned).collect())
    }

    /// The elements of a bool tensor.
    pub fn to_bools(&self) -> Result<Vec<bool>, IoError> {
        if self.dtype != DType::Bool {
            return Err(IoError::DTypeMismatch { expected: DType::Bool, got: self.dtype });
        }
        Ok(self.bytes.iter().map(|&b| b != 0).collect())
    }
}

pub(super) fn le<const N: usize, F: Fn([u8; N]) -> f64>(bytes: &[u8], f: F) -> Vec<f64> {
    bytes
        .chunks_exact(N)
        .map(|c| {
            let mut a = [0u8; N];
            a.copy_from_slice(c);
            f(a)
        })
        .collect()
}

pub(super) fn normalise_bools(bytes: &mut [u8]) {
    for b in bytes {
        *b = (*b != 0) as u8;
    }
}

/// Why a tensor file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IoError {
    /// The input ended in the middle of `what`.
    Truncated(&'static str),
    /// Not a `.npy` file, or its header is malformed.
    BadNpy(String),
    /// The `.npy` array is stored in Fortran order; only C order is supported.
    FortranOrder,
    /// Not a valid protobuf `TensorProto` message.
    BadProtobuf(String),
    /// The `TensorProto` keeps its data in an external file.
    ExternalData,
    /// An element type ronn does not support (a `.npy` descriptor or an ONNX data type).
    UnsupportedDType(String),
    /// A dimension is negative, or the tensor would exceed [`MAX_TENSOR_BYTES`].
    BadShape(String),
    /// The data holds a different amount than the shape declares (`field` names where it was
    /// looked for; the counts are in bytes for raw data, in elements otherwise).
    DataLength {
        /// Where the data was looked for.
        field: &'static str,
        /// The amount the shape declares.
        expected: u64,
        /// The amount found.
        got: u64,
    },
    /// A typed accessor was called with the wrong element type.
    DTypeMismatch {
        /// The element type asked for.
        expected: DType,
        /// The tensor's element type.
        got: DType,
    },
}

impl fmt::Display for IoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IoError::Truncated(what) => write!(f, "truncated input: it ends in the middle of {what}"),
            IoError::BadNpy(why) => write!(f, "malformed .npy file: {why}"),
            IoError::FortranOrder => {
                f.write_str(".npy array is in Fortran order; only C order is supported (use np.ascontiguousarray)")
            }
            IoError::BadProtobuf(why) => write!(f, "malformed TensorProto: {why}"),
            IoError::ExternalData => f.write_str("TensorProto stores its data externally, which is not supported"),
            IoError::UnsupportedDType(what) => write!(f, "unsupported element type {what}"),
            IoError::BadShape(why) => write!(f, "bad tensor shape: {why}"),
            IoError::DataLength { field, expected, got } => {
                let unit = if matches!(*field, "raw_data" | "array data" | "bytes") { "bytes" } else { "values" };
                write!(f, "{field} holds {got} {unit} but the shape needs {expected}")
            }
            IoError::DTypeMismatch { expected, got } => {
                write!(f, "tensor has dtype {got}, asked for {expected}")
            }
        }
    }
}

impl std::error::Error for IoError {}

/// Number of elements of `dims`, checked: errors on overflow or beyond [`MAX_TENSOR_BYTES`].
/// A shape with a zero dimension is empty, but its other dimensions are held to the same limit,
/// so that the product of any subset of a returned shape's dimensions fits in a `usize`.
pub(super) fn element_count(dtype: DType, dims: &[u64]) -> Result<u64, IoError> {
    let too_big = || IoError::BadShape(format!("{dims:?} of {dtype} exceeds {MAX_TENSOR_BYTES} bytes"));
    let mut n: u64 = 1;
    for &d in dims.iter().filter(|&&d| d != 0) {
        n = n.checked_mul(d).ok_or_else(too_big)?;
        if n.checked_mul(dtype.size() as u64).is_none_or(|b| b > MAX_TENSOR_BYTES) {
            return Err(too_big());
        }
    }
    Ok(if dims.contains(&0) { 0 } else { n })
}

pub(super) fn byte_len(dtype: DType, dims: &[u64]) -> Result<u64, IoError> {
    // Cannot overflow: element_count checked the byte size.
    Ok(element_count(dtype, dims)? * dtype.size() as u64)
}

pub(super) fn dims_to_shape(dims: &[u64]) -> Result<Vec<usize>, IoError> {
    dims.iter()
        .map(|&d| usize::try_from(d).map_err(|_| IoError::BadShape(format!("dimension {d} does not fit in usize"))))
        .collect()
}
