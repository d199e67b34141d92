//! Elementwise kernels of one input that apply to more than floats (sign, clip, logic, tests,
//! bits, casts); the float functions are in [`super::math`]. Generated code and the compiler's
//! constant folder call the same functions, so folded and run-time values agree.
//! Half-precision inputs compute in f32 ([`Real`]).

use super::elementwise::map;
use crate::scalar::{self, Float};
use crate::Element;
use crate::{bf16, f16, Error};

/// A float storage type and the type it computes in.
pub trait Real: Copy + Send + Sync + 'static {
    /// The type it computes in: itself for f32 and f64, f32 for f16 and bf16.
    type Acc: Float;
    /// Widens to the compute type.
    fn up(self) -> Self::Acc;
    /// Rounds back from the compute type to the nearest storable value.
    fn down(a: Self::Acc) -> Self;
}

impl Real for f32 {
    type Acc = f32;
    fn up(self) -> f32 {
        self
    }
    fn down(a: f32) -> f32 {
        a
    }
}

impl Real for f64 {
    type Acc = f64;
    fn up(self) -> f64 {
        self
    }
    fn down(a: f64) -> f64 {
        a
    }
}

impl Real for f16 {
    type Acc = f32;
    fn up(self) -> f32 {
        self.to_f32()
    }
    fn down(a: f32) -> f16 {
        f16::from_f32(a)
    }
}

impl Real for bf16 {
    type Acc = f32;
    fn up(self) -> f32 {
        self.to_f32()
    }
    fn down(a: f32) -> bf16 {
        bf16::from_f32(a)
    }
}

/// Numbers that have a sign and an order: every dtype but bool.
pub trait Signed: Copy + PartialOrd + Default {
    /// `-self` (wrapping for integers, so unsigned ones wrap around).
    fn neg(self) -> Self;
    /// `|self|` (wrapping for signed integers: the minimum stays itself).
    fn abs(self) -> Self;
    /// The value 1.
    fn one() -> Self;
}

macro_rules! signed_int {
    ($($t:ty),*) => {$(
        impl Signed for $t {
            fn neg(self) -> Self { self.wrapping_neg() }
            fn abs(self) -> Self { self.wrapping_abs() }
            fn one() -> Self { 1 }
        }
    )*};
}
macro_rules! unsigned_int {
    ($($t:ty),*) => {$(
        impl Signed for $t {
            fn neg(self) -> Self { self.wrapping_neg() }
            fn abs(self) -> Self { self }
            fn one() -> Self { 1 }
        }
    )*};
}
macro_rules! float_signed {
    ($($t:ty),*) => {$(
        impl Signed for $t {
            fn neg(self) -> Self { -self }
            fn abs(self) -> Self { if self < <$t>::default() { -self } else { self } }
            fn one() -> Self { scalar::CastTo::cast_to(1u8) }
        }
    )*};
}
signed_int!(i8, i16, i32, i64);
unsigned_int!(u8, u16, u32, u64);
float_signed!(f32, f64, f16, bf16);

/// `-x` (wrapping for integers).
pub fn neg<T: Signed>(x: &[T], y: &mut [T]) -> Result<(), Error> {
    map(x, y, Signed::neg)
}

/// `|x|`.
pub fn abs<T: Signed>(x: &[T], y: &mut [T]) -> Result<(), Error> {
    map(x, y, Signed::abs)
}

/// `max(x, 0)`; NaN stays NaN.
pub fn relu<T: Signed>(x: &[T], y: &mut [T]) -> Result<(), Error> {
    let zero = T::default();
    map(x, y, |v| if v < zero { zero } else { v })
}

/// `min(max(x, lo), hi)` with open sides; NaN stays NaN.
pub fn clip<T: Signed>(x: &[T], y: &mut [T], lo: Option<T>, hi: Option<T>) -> Result<(), Error> {
    map(x, y, |mut v| {
        if let Some(lo) = lo {
            if v < lo {
                v = lo;
            }
        }
        if let Some(hi) = hi {
            if v > hi {
                v = hi;
            }
        }
        v
    })
}

/// Copies `x`.
pub fn identity<T: Copy>(x: &[T], y: &mut [T]) -> Result<(), Error> {
    map(x, y, |v| v)
}

/// Logical not.
pub fn not(x: &[bool], y: &mut [bool]) -> Result<(), Error> {
    map(x, y, |v| !v)
}

/// Reinterprets the bytes of `x` as elements of `y`'s type (ONNX BitCast; same element size).
pub fn bitcast<A: bytemuck::NoUninit, B: bytemuck::Pod>(x: &[A], y: &mut [B]) -> Result<(), Error> {
    let src: &[u8] = bytemuck::cast_slice(x);
    let dst: &mut [u8] = bytemuck::cast_slice_mut(y);
    if src.len() != dst.len() {
        return Err(Error::Layout("bitcast: byte lengths differ"));
    }
    dst.copy_from_slice(src);
    Ok(())
}

/// Converts every element (ONNX Cast).
pub fn cast<A: Copy + scalar::CastTo<B>, B>(x: &[A], y: &mut [B]) -> Result<(), Error> {
    map(x, y, scalar::CastTo::cast_to)
}

/// -1, 0 or 1 by the sign of `x` (NaN stays NaN).
pub fn sign<T: Signed>(x: &[T], y: &mut [T]) -> Result<(), Error> {
    let zero = T::default();
    map(x, y, |v| {
        if v > zero {
            T::one()
        } else if v < zero {
            T::one().neg()
        } else {
            v
        }
    })
}

/// Whether each element is NaN.
pub fn is_nan<T: Real>(x: &[T], y: &mut [bool]) -> Result<(), Error> {
    map(x, y, |v| v.up().is_nan())
}

/// Whether each element is infinite, counting only the signs asked for.
pub fn is_inf<T: Real>(x: &[T], y: &mut [bool], positive: bool, negative: bool) -> Result<(), Error> {
    let zero = <T::Acc as Float>::zero();
    map(x, y, |v| {
        let v = v.up();
        v.is_infinite() && ((positive && v > zero) || (negative && v < zero))
    })
}

/// Integers as bit patterns.
pub trait Bits:
    Copy
    + core::ops::Not<Output = Self>
    + core::ops::BitAnd<Output = Self>
    + core::ops::BitOr<Output = Self>
    + core::ops::BitXor<Output = Self>
{
    /// `self << n`, 0 once every bit is shifted out (ONNX `BitShift`).
    fn shl(self, n: Self) -> Self;
    /// `self >> n` (arithmetic for signed types): once every bit is shifted out, the sign fills.
    fn shr(self, n: Self) -> Self;
}

macro_rules! bits {
    ($($t:ty),*) => {$(
        impl Bits for $t {
            fn shl(self, n: Self) -> Self {
                u32::try_from(n).ok().and_then(|n| self.checked_shl(n)).unwrap_or(0)
            }
            #[allow(unused_comparisons)]
            fn shr(self, n: Self) -> Self {
                let fill = if self < 0 { !0 } else { 0 };
                u32::try_from(n).ok().and_then(|n| self.checked_shr(n)).unwrap_or(fill)
            }
        }
    )*};
}
bits!(i8, i16, i32, i64, u8, u16, u32, u64);

/// Bitwise not.
pub fn bit_not<T: Bits + Element>(x: &[T], y: &mut [T]) -> Result<(), Error> {
    map(x, y, |v| !v)
}
