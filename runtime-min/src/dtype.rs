//! Element types: the runtime's view of ONNX's `TensorProto.DataType`.

use core::fmt;

/// The element types ronn supports. The discriminants are ONNX's `TensorProto.DataType` codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum DType {
    /// 32-bit IEEE float (`f32`).
    F32 = 1,
    /// Unsigned 8-bit integer (`u8`).
    U8 = 2,
    /// Signed 8-bit integer (`i8`).
    I8 = 3,
    /// Unsigned 16-bit integer (`u16`).
    U16 = 4,
    /// Signed 16-bit integer (`i16`).
    I16 = 5,
    /// Signed 32-bit integer (`i32`).
    I32 = 6,
    /// Signed 64-bit integer (`i64`).
    I64 = 7,
    /// Boolean, stored as one byte holding 0 or 1 (`bool`).
    Bool = 9,
    /// 16-bit IEEE half-precision float ([`f16`](crate::f16)).
    F16 = 10,
    /// 64-bit IEEE float (`f64`).
    F64 = 11,
    /// Unsigned 32-bit integer (`u32`).
    U32 = 12,
    /// Unsigned 64-bit integer (`u64`).
    U64 = 13,
    /// 16-bit brain float: f32's exponent, 7 mantissa bits ([`bf16`](crate::bf16)).
    BF16 = 16,
}

impl DType {
    /// Every supported dtype, in ONNX code order.
    pub const ALL: [DType; 13] = [
        DType::F32,
        DType::U8,
        DType::I8,
        DType::U16,
        DType::I16,
        DType::I32,
        DType::I64,
        DType::Bool,
        DType::F16,
        DType::F64,
        DType::U32,
        DType::U64,
        DType::BF16,
    ];

    /// Bytes per element.
    pub const fn size(self) -> usize {
        match self {
            DType::Bool | DType::U8 | DType::I8 => 1,
            DType::U16 | DType::I16 | DType::F16 | DType::BF16 => 2,
            DType::F32 | DType::I32 | DType::U32 => 4,
            DType::F64 | DType::I64 | DType::U64 => 8,
        }
    }

    /// The ONNX `TensorProto.DataType` code.
    pub const fn onnx_code(self) -> i32 {
        self as i32
    }

    /// Looks up an ONNX `TensorProto.DataType` code.
    pub fn from_onnx_code(code: i32) -> Option<DType> {
        DType::ALL.into_iter().find(|d| d.onnx_code() == code)
    }

    /// Floating point (f16, bf16, f32, f64).
    pub const fn is_float(self) -> bool {
        matches!(self, DType::F16 | DType::BF16 | DType::F32 | DType::F64)
    }

    /// Signed or unsigned integer (not bool).
    pub const fn is_int(self) -> bool {
        matches!(
            self,
            DType::I8 | DType::I16 | DType::I32 | DType::I64 | DType::U8 | DType::U16 | DType::U32 | DType::U64
        )
    }

    /// The Rust type name, as generated code spells it (`bool`, `f32`, `f16`, ...).
    pub const fn rust_name(self) -> &'static str {
        match self {
            DType::F32 => "f32",
            DType::U8 => "u8",
            DType::I8 => "i8",
            DType::U16 => "u16",
            DType::I16 => "i16",
            DType::I32 => "i32",
            DType::I64 => "i64",
            DType::Bool => "bool",
            DType::F16 => "f16",
            DType::F64 => "f64",
            DType::U32 => "u32",
            DType::U64 => "u64",
            DType::BF16 => "bf16",
        }
    }

    /// `.npy` type descriptor (little endian).
    pub const fn npy_descr(self) -> &'static str {
        match self {
            DType::F32 => "<f4",
            DType::U8 => "|u1",
            DType::I8 => "|i1",
            DType::U16 => "<u2",
            DType::I16 => "<i2",
            DType::I32 => "<i4",
            DType::I64 => "<i8",
            DType::Bool => "|b1",
            DType::F16 => "<f2",
            DType::F64 => "<f8",
            DType::U32 => "<u4",
            DType::U64 => "<u8",
            // numpy has no bfloat16; stored as raw 16-bit words.
            DType::BF16 => "<V2",
        }
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.rust_name())
    }
}

/// A Rust type that stores one ONNX element. `bool` is handled apart (it is not `Pod`).
pub trait Element: Copy + Default + Send + Sync + 'static + core::fmt::Debug + PartialEq {
    /// The dtype this Rust type stores.
    const DTYPE: DType;
}

macro_rules! element {
    ($($t:ty => $d:ident),* $(,)?) => {
        $(impl Element for $t { const DTYPE: DType = DType::$d; })*
    };
}

element!(
    f32 => F32, f64 => F64, half::f16 => F16, half::bf16 => BF16,
    i8 => I8, i16 => I16, i32 => I32, i64 => I64,
    u8 => U8, u16 => U16, u32 => U32, u64 => U64, bool => Bool,
);
