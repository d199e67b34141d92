//! Scalar arithmetic shared by kernels and generated code: the [`Float`] trait (f32 and f64),
//! the elementwise activation functions the compiler emits as closures, and [`CastTo`], the
//! one meaning of ONNX `Cast` between every pair of element types.
//!
//! Generated code and the constant folder both call these, so a folded value is bit-for-bit
//! what the compiled model computes.

use core::ops::{Add, Div, Mul, Neg, Sub};
use half::{bf16, f16};

/// A floating-point element type (f32 or f64). Transcendentals come from `std`, `erf` from
/// `libm`; `max`/`min` propagate NaN like ONNX `Max`/`Min` (unlike `f32::max`).
pub trait Float:
    Copy
    + PartialOrd
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + Default
    + 'static
{
    /// The value 0.
    fn zero() -> Self;
    /// The value 1.
    fn one() -> Self;
    /// `v` rounded to this type (exact for f64).
    fn from_f64(v: f64) -> Self;
    /// The value as f64 (exact).
    fn to_f64(self) -> f64;
    /// `e^self`.
    fn exp(self) -> Self;
    /// `exp(self)` for `self <= 0` (or NaN), as [`Float::exp`] down to the smallest normal
    /// result and 0 below it (where `exp` gives subnormals): what [`sigmoid`] needs, cheaper.
    fn exp_neg(self) -> Self;
    /// `exp(self) - 1`, accurate near 0.
    fn exp_m1(self) -> Self;
    /// Natural logarithm.
    fn ln(self) -> Self;
    /// `ln(1 + self)`, accurate near 0.
    fn ln_1p(self) -> Self;
    /// Square root (NaN below 0).
    fn sqrt(self) -> Self;
    /// Hyperbolic tangent.
    fn tanh(self) -> Self;
    /// The error function (from `libm`).
    fn erf(self) -> Self;
    /// `self` to the power `e`.
    fn powf(self, e: Self) -> Self;
    /// Absolute value.
    fn abs(self) -> Self;
    /// Largest integer not above `self`.
    fn floor(self) -> Self;
    /// Smallest integer not below `self`.
    fn ceil(self) -> Self;
    /// The larger value; NaN if either is NaN.
    fn max(self, o: Self) -> Self;
    /// The smaller value; NaN if either is NaN.
    fn min(self, o: Self) -> Self;
    /// Whether the value is NaN.
    fn is_nan(self) -> bool;
    /// Whether the value is positive or negative infinity.
    fn is_infinite(self) -> bool;
    /// Sine (radians).
    fn sin(self) -> Self;
    /// Cosine (radians).
    fn cos(self) -> Self;
    /// Tangent (radians).
    fn tan(self) -> Self;
    /// Arcsine.
    fn asin(self) -> Self;
    /// Arccosine.
    fn acos(self) -> Self;
    /// Arctangent.
    fn atan(self) -> Self;
    /// Hyperbolic sine.
    fn sinh(self) -> Self;
    /// Hyperbolic cosine.
    fn cosh(self) -> Self;
    /// Inverse hyperbolic sine.
    fn asinh(self) -> Self;
    /// Inverse hyperbolic cosine.
    fn acosh(self) -> Self;
    /// Inverse hyperbolic tangent.
    fn atanh(self) -> Self;
    /// Rounds half to even (ONNX `Round`).
    fn round_ties_even(self) -> Self;
    /// The remainder with the sign of the dividend (C `fmod`).
    fn fmod(self, o: Self) -> Self;
    /// `self * b + c`: fused (one rounding) where the build targets FMA, else a multiply and
    /// an add (`mul_add` without FMA hardware is a slow libm call).
    fn madd(self, b: Self, c: Self) -> Self;
}

/// Trait methods that forward to the inherent `std` method of the same name.
macro_rules! forward {
    ($t:ident: $($f:ident)*) => {
        $(
            #[inline]
            fn $f(self) -> Self {
                $t::$f(self)
            }
        )*
    };
}

macro_rules! float_impl {
    ($t:ident, $erf:path, $exp:path, $exp_neg:path, $tanh:path) => {
        impl Float for $t {
            #[inline(always)]
            fn madd(self, b: Self, c: Self) -> Self {
                if cfg!(target_feature = "fma") {
                    $t::mul_add(self, b, c)
                } else {
                    self * b + c
                }
            }
            #[inline]
            fn zero() -> Self {
                0.0
            }
            #[inline]
            fn one() -> Self {
                1.0
            }
            #[inline]
            fn from_f64(v: f64) -> Self {
                v as $t
            }
            #[inline]
            fn to_f64(self) -> f64 {
                self as f64
            }
            #[inline(always)]
            fn exp(self) -> Self {
                $exp(self)
            }
            #[inline(always)]
            fn exp_neg(self) -> Self {
                $exp_neg(self)
            }
            #[inline]
            fn exp_m1(self) -> Self {
                $t::exp_m1(self)
            }
            #[inline]
            fn ln(self) -> Self {
                $t::ln(self)
            }
            #[inline]
            fn ln_1p(self) -> Self {
                $t::ln_1p(self)
            }
            #[inline]
            fn sqrt(self) -> Self {
                $t::sqrt(self)
            }
            #[inline(always)]
            fn tanh(self) -> Self {
                $tanh(self)
            }
            #[inline]
            fn erf(self) -> Self {
                $erf(self)
            }
            #[inline]
            fn powf(self, e: Self) -> Self {
                $t::powf(self, e)
            }
            #[inline]
            fn abs(self) -> Self {
                $t::abs(self)
            }
            #[inline]
            fn floor(self) -> Self {
                $t::floor(self)
            }
            #[inline]
            fn ceil(self) -> Self {
                $t::ceil(self)
            }
            #[inline]
            fn max(self, o: Self) -> Self {
                if self.is_nan() || o.is_nan() {
                    $t::NAN
                } else if o > self {
                    o
                } else {
                    self
                }
            }
            #[inline]
            fn min(self, o: Self) -> Self {
                if self.is_nan() || o.is_nan() {
                    $t::NAN
                } else if o < self {
                    o
                } else {
                    self
                }
            }
            #[inline]
            fn is_nan(self) -> bool {
                $t::is_nan(self)
            }
            #[inline]
            fn is_infinite(self) -> bool {
                $t::is_infinite(self)
            }
            forward!($t: sin cos tan asin acos atan sinh cosh asinh acosh atanh round_ties_even);
            #[inline]
            fn fmod(self, o: Self) -> Self {
                self % o
            }
        }
    };
}

float_impl!(f32, erf_f32, exp_f32, exp_neg_f32, tanh_f32);
float_impl!(f64, libm::erf, f64::exp, exp_neg_f64, f64::tanh);

/// [`Float::exp_neg`] for f64: `exp`, with the same 0 below the normal range as f32's.
#[inline(always)]
fn exp_neg_f64(x: f64) -> f64 {
    if x < f64::MIN_POSITIVE.ln() {
        0.0
    } else {
        x.exp()
    }
}

/// `e^x` for f32 in plain arithmetic, so loops calling it vectorise (libm's `expf` is an opaque
/// call per element). Cephes' method (`exp_reduced`), then `2^n` built in the exponent bits
/// as two factors so results down to the subnormals stay exact. Within 2 ulp of the true value;
/// overflows to infinity above 88.72, underflows to 0 below -104, NaN stays NaN.
#[inline(always)]
pub fn exp_f32(x: f32) -> f32 {
    let (y, n) = exp_reduced(x.clamp(-104.0, 88.72));
    let half = n >> 1;
    let v = y * pow2(half) * pow2(n - half);
    // A NaN `x` stays NaN through the arithmetic above; only overflow needs a select.
    if x > 88.72 {
        f32::INFINITY
    } else {
        v
    }
}

/// [`Float::exp_neg`] for f32: [`exp_f32`]'s reduction and polynomial, but with `x <= 0` the
/// result needs no overflow check, and above the subnormals `2^n` is one factor (SiLU, a
/// multiply by `sigmoid`, is the epilogue of every convolution in YOLO and EfficientNet).
/// Bit-equal to `exp_f32` from the smallest normal result up; 0 below (where `exp_f32` gives
/// a subnormal), NaN stays NaN.
#[inline(always)]
pub fn exp_neg_f32(x: f32) -> f32 {
    // ln of the smallest normal f32: below it, 0.
    const LOWEST: f32 = -87.336_54;
    // Not `max`: a NaN `x` must stay NaN (`max` would return the bound).
    let (y, n) = exp_reduced(if x < LOWEST { LOWEST } else { x });
    if x < LOWEST {
        0.0
    } else {
        y * pow2(n)
    }
}

/// `e^x = y * 2^n` for a clamped f32 `x` (|x| < 2^21): Cephes' reduction `x = n ln2 + r` with
/// `|r| <= ln2/2` (ln2 split in two, so the reduction is exact) and a degree-6 polynomial for
/// `y = e^r`. A NaN `x` gives a NaN `y`.
#[inline(always)]
fn exp_reduced(x: f32) -> (f32, i32) {
    const LOG2E: f32 = core::f32::consts::LOG2_E;
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    // Rounds to the nearest integer without a libm call while |v| < 2^22.
    const ROUND: f32 = 12_582_912.0;
    let t = x * LOG2E + ROUND;
    let n = t - ROUND;
    let r = madd(-n, LN2_LO, madd(-n, LN2_HI, x));
    let mut p = 1.987_569_1e-4_f32;
    p = madd(p, r, 1.398_199_9e-3);
    p = madd(p, r, 8.333_452e-3);
    p = madd(p, r, 4.166_579_6e-2);
    p = madd(p, r, 1.666_666_5e-1);
    p = madd(p, r, 0.5);
    // n as an integer straight from t's mantissa (ulp 1 at 1.5 * 2^23): `as i32` would be a
    // saturating conversion, which does not vectorise.
    (madd(p * r, r, r + 1.0), t.to_bits() as i32 - ROUND.to_bits() as i32)
}

/// `2^e` for `e` in the normal exponents (-126..=127), built in the exponent bits.
#[inline(always)]
fn pow2(e: i32) -> f32 {
    f32::from_bits(((e + 127) as u32) << 23)
}

/// [`Float::madd`] for the polynomials above.
#[inline(always)]
fn madd(a: f32, b: f32, c: f32) -> f32 {
    Float::madd(a, b, c)
}

/// `erf(x)` for f32 in plain arithmetic (vectorisable, see [`exp_f32`]; GELU calls it per
/// element): the odd/even rational approximation on `[-4, 4]` that Eigen and XLA use, `±1`
/// beyond (where f32's erf is ±1 anyway). Within 4 ulp (tested against f64).
#[inline(always)]
pub fn erf_f32(x: f32) -> f32 {
    let x = x.clamp(-4.0, 4.0);
    let x2 = x * x;
    let mut p = -2.726_142_3e-10_f32;
    p = madd(p, x2, 2.770_681_4e-8);
    p = madd(p, x2, -2.101_024e-6);
    p = madd(p, x2, -5.692_506_4e-5);
    p = madd(p, x2, -7.349_906e-4);
    p = madd(p, x2, -2.954_6e-3);
    p = madd(p, x2, -1.609_603_3e-2);
    p *= x;
    let mut q = -1.456_607_2e-5_f32;
    q = madd(q, x2, -2.133_740_6e-4);
    q = madd(q, x2, -1.682_827e-3);
    q = madd(q, x2, -7.373_329e-3);
    q = madd(q, x2, -1.426_473_9e-2);
    p / q
}

/// `tanh(x)` for f32 in plain arithmetic (vectorisable, see [`exp_f32`]): Cephes' odd
/// polynomial below 0.625 in magnitude, `1 - 2 / (e^2|x| + 1)` with the sign above.
#[inline(always)]
pub fn tanh_f32(x: f32) -> f32 {
    let a = x.abs();
    let z = x * x;
    let mut p = -5.704_988_7e-3_f32;
    p = madd(p, z, 2.063_909e-2);
    p = madd(p, z, -5.373_971_6e-2);
    p = madd(p, z, 1.333_144_2e-1);
    p = madd(p, z, -3.333_328e-1);
    let small = x + x * z * p;
    let big = 1.0 - 2.0 / (exp_f32(2.0 * a.min(10.0)) + 1.0);
    if a < 0.625 || x.is_nan() {
        small
    } else {
        big.copysign(x)
    }
}

/// ONNX `Relu`: `max(x, 0)`, NaN stays NaN.
#[inline]
pub fn relu<T: Float>(x: T) -> T {
    if x < T::zero() {
        T::zero()
    } else {
        x
    }
}

/// ONNX `Sigmoid`, evaluated so that `exp` never overflows: for negative `x` it uses
/// `e^x / (1 + e^x)` instead of `1 / (1 + e^-x)`; the `exp` is [`Float::exp_neg`].
/// One `exp` and a select (no branch), so a loop of it vectorises.
#[inline(always)]
pub fn sigmoid<T: Float>(x: T) -> T {
    // e^-|x| underflows to 0 below the normal range: sigmoid(-90) is 0, not 8e-40.
    let e = (-x.abs()).exp_neg();
    let num = if x >= T::zero() { T::one() } else { e };
    num / (T::one() + e)
}

/// ONNX `LeakyRelu`.
#[inline]
pub fn leaky_relu<T: Float>(x: T, alpha: T) -> T {
    if x < T::zero() {
        alpha * x
    } else {
        x
    }
}

/// ONNX `HardSigmoid`: `max(0, min(1, alpha * x + beta))`.
#[inline]
pub fn hard_sigmoid<T: Float>(x: T, alpha: T, beta: T) -> T {
    T::zero().max(T::one().min(alpha * x + beta))
}

/// ONNX `HardSwish`: `x * hard_sigmoid(x, 1/6, 1/2)`.
#[inline]
pub fn hard_swish<T: Float>(x: T) -> T {
    x * hard_sigmoid(x, T::from_f64(1.0 / 6.0), T::from_f64(0.5))
}

/// ONNX `Clip` for any ordered type: NaN inputs pass through unchanged.
#[inline]
pub fn clip<T: PartialOrd + Copy>(x: T, lo: T, hi: T) -> T {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

/// Exact GELU (ONNX `Gelu` with `approximate="none"`): `x/2 * (1 + erf(x/sqrt(2)))`.
#[inline]
pub fn gelu_erf<T: Float>(x: T) -> T {
    T::from_f64(0.5) * x * (T::one() + (x * T::from_f64(core::f64::consts::FRAC_1_SQRT_2)).erf())
}

/// GELU's tanh approximation (ONNX `Gelu` with `approximate="tanh"`):
/// `x/2 * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3)))`.
#[inline]
pub fn gelu_tanh<T: Float>(x: T) -> T {
    let inner = T::from_f64((2.0 / core::f64::consts::PI).sqrt()) * (x + T::from_f64(0.044715) * x * x * x);
    T::from_f64(0.5) * x * (T::one() + inner.tanh())
}

/// ONNX `Softplus`: `ln(1 + e^x)`, as `max(x, 0) + ln(1 + e^-|x|)` so large `x` neither
/// overflows nor loses the linear part.
#[inline]
pub fn softplus<T: Float>(x: T) -> T {
    if x.is_nan() {
        return x;
    }
    relu(x) + (-x.abs()).exp().ln_1p()
}

/// ONNX `Elu`.
#[inline]
pub fn elu<T: Float>(x: T, alpha: T) -> T {
    if x < T::zero() {
        alpha * x.exp_m1()
    } else {
        x
    }
}

/// ONNX `Cast` from `Self` to `U`. Float to integer follows Rust `as` (truncation toward zero,
/// saturating, NaN to 0); anything to bool is `!= 0`; bool to a number is 0 or 1; f16 and bf16
/// go through f32 (exact), and conversions into them round once.
pub trait CastTo<U> {
    /// The value converted to `U` as ONNX `Cast` does.
    fn cast_to(self) -> U;
}

/// Plain `as` between the primitive numeric types.
macro_rules! cast_as {
    ($($src:ty),*) => { $( cast_as!(@to $src: f32 f64 i8 i16 i32 i64 u8 u16 u32 u64); )* };
    (@to $src:ty: $($dst:ty)*) => {
        $( impl CastTo<$dst> for $src {
            #[inline]
            fn cast_to(self) -> $dst { self as $dst }
        } )*
    };
}
cast_as!(f32, f64, i8, i16, i32, i64, u8, u16, u32, u64);

/// Primitive numbers into f16, bf16 and bool. `$via` is a float type that holds every value of
/// `$src` exactly where possible, so that rounding into the half type happens once.
macro_rules! cast_prim_extra {
    ($($src:ty => $from:ident, $via:ty);* $(;)?) => { $(
        impl CastTo<f16> for $src {
            #[inline]
            fn cast_to(self) -> f16 { f16::$from(self as $via) }
        }
        impl CastTo<bf16> for $src {
            #[inline]
            fn cast_to(self) -> bf16 { bf16::$from(self as $via) }
        }
        impl CastTo<bool> for $src {
            #[inline]
            #[allow(clippy::float_cmp)]
            fn cast_to(self) -> bool { self != (0 as $src) }
        }
    )* };
}
cast_prim_extra!(
    f32 => from_f32, f32; f64 => from_f64, f64;
    i8 => from_f32, f32; i16 => from_f32, f32; u8 => from_f32, f32; u16 => from_f32, f32;
    i32 => from_f64, f64; i64 => from_f64, f64; u32 => from_f64, f64; u64 => from_f64, f64;
);

/// f16 and bf16 into everything, through f32 (which holds both exactly).
macro_rules! cast_half {
    ($($h:ty),*) => { $(
        cast_half!(@to $h: f32 f64 i8 i16 i32 i64 u8 u16 u32 u64);
        impl CastTo<f16> for $h {
            #[inline]
            fn cast_to(self) -> f16 { f16::from_f32(self.to_f32()) }
        }
        impl CastTo<bf16> for $h {
            #[inline]
            fn cast_to(self) -> bf16 { bf16::from_f32(self.to_f32()) }
        }
        impl CastTo<bool> for $h {
            #[inline]
            fn cast_to(self) -> bool { self.to_f32() != 0.0 }
        }
    )* };
    (@to $h:ty: $($dst:ty)*) => {
        $( impl CastTo<$dst> for $h {
            #[inline]
            fn cast_to(self) -> $dst { self.to_f32() as $dst }
        } )*
    };
}
cast_half!(f16, bf16);

/// bool into everything: 0 or 1.
macro_rules! cast_bool {
    ($($dst:ty)*) => {
        $( impl CastTo<$dst> for bool {
            #[inline]
            fn cast_to(self) -> $dst { self as u8 as $dst }
        } )*
    };
}
cast_bool!(f32 f64 i8 i16 i32 i64 u8 u16 u32 u64);

impl CastTo<f16> for bool {
    #[inline]
    fn cast_to(self) -> f16 {
        f16::from_f32(self as u8 as f32)
    }
}

impl CastTo<bf16> for bool {
    #[inline]
    fn cast_to(self) -> bf16 {
        bf16::from_f32(self as u8 as f32)
    }
}

impl CastTo<bool> for bool {
    #[inline]
    fn cast_to(self) -> bool {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::{erf_f32, exp_f32, exp_neg_f32, exp_neg_f64, sigmoid, tanh_f32};

    #[test]
    fn erf_f32_is_close_to_the_exact_value() {
        let mut worst = 0.0f64;
        let mut x = -6.0f32;
        while x < 6.0 {
            let want = libm::erf(x as f64);
            let got = erf_f32(x) as f64;
            // Relative near 0 (erf(x) ~ 1.13 x), absolute against 1 elsewhere.
            let err = (got - want).abs() / want.abs().clamp(1e-30, 1.0) / f32::EPSILON as f64;
            worst = worst.max(err);
            x += 0.000_731;
        }
        assert!(worst <= 8.0, "worst error {worst} ulp");
        eprintln!("erf_f32 worst error {worst:.2} ulp");
        assert_eq!(erf_f32(0.0), 0.0);
        // Saturates within an ulp of ±1 (libm rounds to exactly ±1 from about 3.9 on).
        assert!((erf_f32(10.0) - 1.0).abs() <= f32::EPSILON && (erf_f32(-10.0) + 1.0).abs() <= f32::EPSILON);
        assert!(erf_f32(f32::NAN).is_nan());
    }

    /// Distance in units in the last place between an f32 and the exact (f64) value.
    fn ulps(got: f32, want: f64) -> f64 {
        let w = want as f32;
        if got == w {
            return 0.0;
        }
        ((got as f64 - want) / (w.abs().max(f32::MIN_POSITIVE) as f64 * f32::EPSILON as f64)).abs()
    }

    #[test]
    fn exp_f32_is_within_2_ulp_and_keeps_the_edges() {
        let mut x = -103.9f32;
        while x < 88.7 {
            let want = (x as f64).exp();
            let got = exp_f32(x);
            if want >= f32::MIN_POSITIVE as f64 {
                assert!(ulps(got, want) <= 2.0, "exp({x}) = {got}, want {want}");
            } else {
                assert!((got as f64 - want).abs() <= 2.0 * 1.4e-45, "exp({x}) = {got}, want {want}");
            }
            x += 0.0137;
        }
        assert_eq!(exp_f32(0.0), 1.0);
        assert_eq!(exp_f32(89.0), f32::INFINITY);
        assert_eq!(exp_f32(f32::INFINITY), f32::INFINITY);
        assert_eq!(exp_f32(-200.0), 0.0);
        assert_eq!(exp_f32(f32::NEG_INFINITY), 0.0);
        assert!(exp_f32(f32::NAN).is_nan());
    }

    #[test]
    fn exp_neg_f32_is_exp_f32_down_to_the_normals_then_zero() {
        let mut x = 0.0f32;
        while x > -87.3 {
            assert_eq!(exp_neg_f32(x).to_bits(), exp_f32(x).to_bits(), "exp_neg({x})");
            x -= 0.0131;
        }
        // The smallest normal result and the first input below it.
        assert!(exp_neg_f32(-87.336_54) >= f32::MIN_POSITIVE * 0.99);
        assert_eq!(exp_neg_f32(-87.34), 0.0);
        assert_eq!(exp_neg_f32(-1000.0), 0.0);
        assert_eq!(exp_neg_f32(f32::NEG_INFINITY), 0.0);
        assert!(exp_neg_f32(f32::NAN).is_nan());
        assert!(sigmoid(f32::NAN).is_nan());
        assert_eq!(exp_neg_f64(-800.0), 0.0);
        assert_eq!(exp_neg_f64(-1.5), (-1.5f64).exp());
    }

    #[test]
    fn tanh_f32_is_within_4_ulp_and_keeps_the_edges() {
        let mut x = -12.0f32;
        while x < 12.0 {
            let want = (x as f64).tanh();
            assert!(ulps(tanh_f32(x), want) <= 4.0, "tanh({x}) = {}, want {want}", tanh_f32(x));
            x += 0.00731;
        }
        assert_eq!(tanh_f32(0.0), 0.0);
        assert_eq!(tanh_f32(f32::INFINITY), 1.0);
        assert_eq!(tanh_f32(f32::NEG_INFINITY), -1.0);
        assert!(tanh_f32(f32::NAN).is_nan());
    }

    use super::*;

    #[test]
    fn nan_propagating_max_min() {
        assert!(Float::max(f32::NAN, 1.0).is_nan());
        assert!(Float::max(1.0f32, f32::NAN).is_nan());
        assert!(Float::min(f64::NAN, 1.0).is_nan());
        assert_eq!(Float::max(2.0f32, 3.0), 3.0);
        assert_eq!(Float::min(2.0f64, 3.0), 2.0);
    }

    #[test]
    fn activations() {
        assert_eq!(relu(-2.0f32), 0.0);
        assert_eq!(relu(2.0f32), 2.0);
        assert!(relu(f32::NAN).is_nan());
        assert_eq!(sigmoid(0.0f32), 0.5);
        assert_eq!(sigmoid(-1000.0f32), 0.0);
        assert_eq!(sigmoid(1000.0f32), 1.0);
        assert!((sigmoid(-100.0f64) - 3.720075976020836e-44).abs() < 1e-55);
        assert!((sigmoid(2.0f64) - 0.8807970779778823).abs() < 1e-15);
        assert_eq!(leaky_relu(-2.0f32, 0.1), -0.2);
        assert_eq!(leaky_relu(3.0f32, 0.1), 3.0);
        assert_eq!(hard_sigmoid(0.0f32, 0.2, 0.5), 0.5);
        assert_eq!(hard_sigmoid(10.0f32, 0.2, 0.5), 1.0);
        assert_eq!(hard_sigmoid(-10.0f32, 0.2, 0.5), 0.0);
        assert_eq!(hard_swish(6.0f32), 6.0);
        assert_eq!(hard_swish(-3.0f32), 0.0);
        assert!((hard_swish(1.0f64) - 1.0 * (1.0 / 6.0 + 0.5)).abs() < 1e-15);
        assert_eq!(clip(5, 0, 3), 3);
        assert_eq!(clip(-1.5f32, -1.0, 1.0), -1.0);
        assert!(clip(f32::NAN, -1.0, 1.0).is_nan());
        assert!((gelu_erf(1.0f64) - 0.8413447460685429).abs() < 1e-12);
        assert!((gelu_erf(-1.0f32) - -0.15865526).abs() < 1e-6);
        assert_eq!(softplus(1000.0f32), 1000.0);
        assert_eq!(softplus(-1000.0f32), 0.0);
        assert!((softplus(0.0f64) - 2f64.ln()).abs() < 1e-15);
        assert!((softplus(1.0f64) - (1.0 + 1f64.exp()).ln()).abs() < 1e-15);
        assert!((elu(-1.0f64, 2.0) - 2.0 * ((-1f64).exp() - 1.0)).abs() < 1e-15);
        assert_eq!(elu(3.0f32, 2.0), 3.0);
    }

    #[test]
    fn casts() {
        let x: i32 = 3.9f32.cast_to();
        assert_eq!(x, 3);
        let x: u8 = (-1.5f32).cast_to();
        assert_eq!(x, 0);
        let x: u8 = 300.0f64.cast_to();
        assert_eq!(x, 255);
        let x: i64 = f32::NAN.cast_to();
        assert_eq!(x, 0);
        let x: u8 = 257i32.cast_to();
        assert_eq!(x, 1);
        let b: bool = 0.5f32.cast_to();
        assert!(b);
        let b: bool = (-0.0f64).cast_to();
        assert!(!b);
        let b: bool = f16::from_f32(0.0).cast_to();
        assert!(!b);
        let b: bool = 7u64.cast_to();
        assert!(b);
        let f: f32 = true.cast_to();
        assert_eq!(f, 1.0);
        let h: f16 = true.cast_to();
        assert_eq!(h, f16::ONE);
        let i: i8 = false.cast_to();
        assert_eq!(i, 0);
        let h: f16 = 1.5f64.cast_to();
        assert_eq!(h.to_f32(), 1.5);
        let h: bf16 = f16::from_f32(2.5).cast_to();
        assert_eq!(h.to_f32(), 2.5);
        let i: i32 = f16::from_f32(-7.75).cast_to();
        assert_eq!(i, -7);
        let h: f16 = 100000i64.cast_to();
        assert!(h.is_infinite());
        let h: bf16 = 3u8.cast_to();
        assert_eq!(h.to_f32(), 3.0);
    }
}
