//! Elementwise kernels of one input, one function per core unary op. Generated code and the
//! compiler's constant folder call the same functions, so folded and run-time values agree.
//! Half-precision inputs compute in f32 ([`Real`]).

use super::elementwise::map;
use crate::scalar::{self, Float};
use crate::{bf16, f16, Error};

/// A float storage type and the type it computes in.
pub trait Real: Copy + Send + Sync + 'static {
    type Acc: Float;
    fn up(self) -> Self::Acc;
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

macro_rules! float_unary {
    ($($(#[$doc:meta])* $name:ident => |$v:ident| $body:expr;)*) => {
        $(
            $(#[$doc])*
            pub fn $name<T: Real>(x: &[T], y: &mut [T]) -> Result<(), Error> {
                map(x, y, |t| {
                    let $v = t.up();
                    T::down($body)
                })
            }
        )*
    };
}

float_unary! {
    exp => |v| v.exp();
    log => |v| v.ln();
    sqrt => |v| v.sqrt();
    reciprocal => |v| <T::Acc as Float>::one() / v;
    floor => |v| v.floor();
    ceil => |v| v.ceil();
    erf => |v| v.erf();
    sigmoid => |v| scalar::sigmoid(v);
    tanh => |v| v.tanh();
    hard_swish => |v| scalar::hard_swish(v);
}

/// `max(alpha * x + beta, 0)` clipped to 1.
pub fn hard_sigmoid<T: Real>(x: &[T], y: &mut [T], alpha: f32, beta: f32) -> Result<(), Error> {
    let (a, b) = (<T::Acc as Float>::from_f64(alpha as f64), <T::Acc as Float>::from_f64(beta as f64));
    map(x, y, |t| T::down(scalar::hard_sigmoid(t.up(), a, b)))
}

/// `x` where positive, `alpha * x` elsewhere.
pub fn leaky_relu<T: Real>(x: &[T], y: &mut [T], alpha: f32) -> Result<(), Error> {
    let a = <T::Acc as Float>::from_f64(alpha as f64);
    map(x, y, |t| T::down(scalar::leaky_relu(t.up(), a)))
}

/// Numbers that have a sign and an order: every dtype but bool.
pub trait Signed: Copy + PartialOrd + Default {
    fn neg(self) -> Self;
    fn abs(self) -> Self;
}

macro_rules! signed_int {
    ($($t:ty),*) => {$(
        impl Signed for $t {
            fn neg(self) -> Self { self.wrapping_neg() }
            fn abs(self) -> Self { self.wrapping_abs() }
        }
    )*};
}
macro_rules! unsigned_int {
    ($($t:ty),*) => {$(
        impl Signed for $t {
            fn neg(self) -> Self { self.wrapping_neg() }
            fn abs(self) -> Self { self }
        }
    )*};
}
macro_rules! float_signed {
    ($($t:ty),*) => {$(
        impl Signed for $t {
            fn neg(self) -> Self { -self }
            fn abs(self) -> Self { if self < <$t>::default() { -self } else { self } }
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

/// Converts every element (ONNX Cast).
pub fn cast<A: Copy + scalar::CastTo<B>, B>(x: &[A], y: &mut [B]) -> Result<(), Error> {
    map(x, y, scalar::CastTo::cast_to)
}
