//! Elementwise kernels of two inputs with broadcasting, one function per core binary op.
//! Integer arithmetic wraps and division by zero gives 0: generated code never panics.

use super::elementwise::zip;
use super::unary::Bits;
use crate::{bf16, f16, Error};

/// The arithmetic of one element type.
pub trait Arith: Copy + PartialOrd {
    /// `self + o` (wrapping for integers).
    fn add(self, o: Self) -> Self;
    /// `self - o` (wrapping for integers).
    fn sub(self, o: Self) -> Self;
    /// `self * o` (wrapping for integers).
    fn mul(self, o: Self) -> Self;
    /// `self / o`; integer division by zero gives 0.
    fn div(self, o: Self) -> Self;
    /// `self` to the power `o`.
    fn pow(self, o: Self) -> Self;
    /// NaN-propagating maximum, like ONNX Max.
    fn max(self, o: Self) -> Self;
    /// NaN-propagating minimum, like ONNX Min.
    fn min(self, o: Self) -> Self;
    /// The remainder with the sign of the divisor (Python `%`, ONNX `Mod` with `fmod=0`).
    fn rem(self, o: Self) -> Self;
    /// The remainder with the sign of the dividend (C `fmod`, ONNX `Mod` with `fmod=1`).
    fn fmod(self, o: Self) -> Self;
}

macro_rules! int_arith {
    ($($t:ty),*) => {$(
        impl Arith for $t {
            fn add(self, o: Self) -> Self { self.wrapping_add(o) }
            fn sub(self, o: Self) -> Self { self.wrapping_sub(o) }
            fn mul(self, o: Self) -> Self { self.wrapping_mul(o) }
            fn div(self, o: Self) -> Self { self.checked_div(o).unwrap_or(0) }
            fn pow(self, o: Self) -> Self {
                u32::try_from(o).map(|e| self.wrapping_pow(e)).unwrap_or(0)
            }
            fn max(self, o: Self) -> Self { if o > self { o } else { self } }
            fn min(self, o: Self) -> Self { if o < self { o } else { self } }
            #[allow(unused_comparisons)]
            fn rem(self, o: Self) -> Self {
                let r = self.checked_rem(o).unwrap_or(0);
                if r != 0 && ((r < 0) != (o < 0)) { r.wrapping_add(o) } else { r }
            }
            fn fmod(self, o: Self) -> Self { self.checked_rem(o).unwrap_or(0) }
        }
    )*};
}
int_arith!(i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! float_arith {
    ($($t:ty),*) => {$(
        impl Arith for $t {
            fn add(self, o: Self) -> Self { self + o }
            fn sub(self, o: Self) -> Self { self - o }
            fn mul(self, o: Self) -> Self { self * o }
            fn div(self, o: Self) -> Self { self / o }
            fn pow(self, o: Self) -> Self { self.powf(o) }
            fn max(self, o: Self) -> Self { if self.is_nan() || o.is_nan() { <$t>::NAN } else if o > self { o } else { self } }
            fn min(self, o: Self) -> Self { if self.is_nan() || o.is_nan() { <$t>::NAN } else if o < self { o } else { self } }
            fn rem(self, o: Self) -> Self {
                let r = self % o;
                if r != 0.0 && ((r < 0.0) != (o < 0.0)) { r + o } else { r }
            }
            fn fmod(self, o: Self) -> Self { self % o }
        }
    )*};
}
float_arith!(f32, f64);

macro_rules! half_arith {
    ($($t:ty),*) => {$(
        impl Arith for $t {
            fn add(self, o: Self) -> Self { <$t>::from_f32(self.to_f32() + o.to_f32()) }
            fn sub(self, o: Self) -> Self { <$t>::from_f32(self.to_f32() - o.to_f32()) }
            fn mul(self, o: Self) -> Self { <$t>::from_f32(self.to_f32() * o.to_f32()) }
            fn div(self, o: Self) -> Self { <$t>::from_f32(self.to_f32() / o.to_f32()) }
            fn pow(self, o: Self) -> Self { <$t>::from_f32(self.to_f32().powf(o.to_f32())) }
            fn max(self, o: Self) -> Self { <$t>::from_f32(Arith::max(self.to_f32(), o.to_f32())) }
            fn min(self, o: Self) -> Self { <$t>::from_f32(Arith::min(self.to_f32(), o.to_f32())) }
            fn rem(self, o: Self) -> Self { <$t>::from_f32(Arith::rem(self.to_f32(), o.to_f32())) }
            fn fmod(self, o: Self) -> Self { <$t>::from_f32(self.to_f32() % o.to_f32()) }
        }
    )*};
}
half_arith!(f16, bf16);

macro_rules! arith_kernels {
    ($($(#[$doc:meta])* $name:ident => $method:ident;)*) => {$(
        $(#[$doc])*
        pub fn $name<T: Arith>(a: &[T], a_shape: &[usize], b: &[T], b_shape: &[usize], y: &mut [T], y_shape: &[usize]) -> Result<(), Error> {
            zip(a, a_shape, b, b_shape, y, y_shape, T::$method)
        }
    )*};
}

arith_kernels! {
    /// Elementwise `a + b` with broadcasting (ONNX Add).
    add => add;
    /// Elementwise `a - b` with broadcasting (ONNX Sub).
    sub => sub;
    /// Elementwise `a * b` with broadcasting (ONNX Mul).
    mul => mul;
    /// Elementwise `a / b` with broadcasting (ONNX Div); integer division by zero gives 0.
    div => div;
    /// Elementwise `a` to the power `b` with broadcasting (ONNX Pow).
    pow => pow;
    /// Elementwise NaN-propagating maximum with broadcasting (ONNX Max of two inputs).
    max => max;
    /// Elementwise NaN-propagating minimum with broadcasting (ONNX Min of two inputs).
    min => min;
    /// Elementwise remainder with the divisor's sign (ONNX Mod, `fmod=0`).
    rem => rem;
    /// Elementwise remainder with the dividend's sign (ONNX Mod, `fmod=1`).
    fmod => fmod;
}

macro_rules! bit_kernels {
    ($($name:ident => |$x:ident, $z:ident| $body:expr;)*) => {$(
        #[doc = concat!("Elementwise `", stringify!($body), "` of integers.")]
        pub fn $name<T: Bits>(a: &[T], a_shape: &[usize], b: &[T], b_shape: &[usize], y: &mut [T], y_shape: &[usize]) -> Result<(), Error> {
            zip(a, a_shape, b, b_shape, y, y_shape, |$x, $z| $body)
        }
    )*};
}

bit_kernels! {
    bit_and => |x, z| x & z;
    bit_or => |x, z| x | z;
    bit_xor => |x, z| x ^ z;
    shift_left => |x, z| x.shl(z);
    shift_right => |x, z| x.shr(z);
}

macro_rules! compare_kernels {
    ($($name:ident => |$x:ident, $z:ident| $body:expr;)*) => {$(
        #[doc = concat!("Elementwise `", stringify!($body), "` producing bools.")]
        pub fn $name<T: PartialOrd + Copy>(a: &[T], a_shape: &[usize], b: &[T], b_shape: &[usize], y: &mut [bool], y_shape: &[usize]) -> Result<(), Error> {
            zip(a, a_shape, b, b_shape, y, y_shape, |$x, $z| $body)
        }
    )*};
}

compare_kernels! {
    equal => |x, z| x == z;
    less => |x, z| x < z;
    less_or_equal => |x, z| x <= z;
    greater => |x, z| x > z;
    greater_or_equal => |x, z| x >= z;
}

macro_rules! logic_kernels {
    ($($name:ident => |$x:ident, $z:ident| $body:expr;)*) => {$(
        #[doc = concat!("Elementwise `", stringify!($body), "` of bools.")]
        pub fn $name(a: &[bool], a_shape: &[usize], b: &[bool], b_shape: &[usize], y: &mut [bool], y_shape: &[usize]) -> Result<(), Error> {
            zip(a, a_shape, b, b_shape, y, y_shape, |$x, $z| $body)
        }
    )*};
}

logic_kernels! {
    and => |x, z| x & z;
    or => |x, z| x | z;
    xor => |x, z| x ^ z;
}
