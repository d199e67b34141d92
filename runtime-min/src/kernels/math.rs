//! Elementwise real functions (the float-only unary ops of ONNX: math, trigonometry and
//! activations) as one enum, [`MathFn`], and one kernel, [`apply`].
//!
//! The compiler stores a `MathFn` in its IR, folds constants by calling [`apply`], and emits the
//! same call into generated code, so every function has exactly one definition. The `match` on
//! the function happens once per call, outside the element loop: each arm is its own
//! monomorphic loop.

use super::elementwise::map;
use super::unary::Real;
use crate::scalar::{self, Float};
use crate::Error;

/// A float function of one element. Parameters are the ONNX attributes (f32 in the protobuf).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MathFn {
    /// `e^x`.
    Exp,
    /// Natural logarithm.
    Log,
    /// Square root.
    Sqrt,
    /// `1 / x`.
    Reciprocal,
    /// Largest integer not above `x`.
    Floor,
    /// Smallest integer not below `x`.
    Ceil,
    /// Half to even.
    Round,
    /// The error function.
    Erf,
    /// `1 / (1 + e^-x)`.
    Sigmoid,
    /// Hyperbolic tangent.
    Tanh,
    /// Sine (radians).
    Sin,
    /// Cosine (radians).
    Cos,
    /// Tangent (radians).
    Tan,
    /// Arcsine.
    Asin,
    /// Arccosine.
    Acos,
    /// Arctangent.
    Atan,
    /// Hyperbolic sine.
    Sinh,
    /// Hyperbolic cosine.
    Cosh,
    /// Inverse hyperbolic sine.
    Asinh,
    /// Inverse hyperbolic cosine.
    Acosh,
    /// Inverse hyperbolic tangent.
    Atanh,
    /// `ln(1 + e^x)`.
    Softplus,
    /// `x / (1 + |x|)`.
    Softsign,
    /// `x * tanh(softplus(x))`.
    Mish,
    /// Exact GELU, with erf.
    Gelu,
    /// GELU's tanh approximation.
    GeluTanh,
    /// `x * max(0, min(1, x / 6 + 1/2))`.
    HardSwish,
    /// `x` for `x >= 0`, else `alpha * x`.
    LeakyRelu {
        /// The slope for negative inputs.
        alpha: f32,
    },
    /// `max(0, min(1, alpha * x + beta))`.
    HardSigmoid {
        /// The slope.
        alpha: f32,
        /// The offset.
        beta: f32,
    },
    /// `x` for `x > 0`, else `alpha * (e^x - 1)`.
    Elu {
        /// The scale of the negative part.
        alpha: f32,
    },
    /// `gamma * x` for `x > 0`, else `gamma * alpha * (e^x - 1)`.
    Selu {
        /// The scale of the negative part.
        alpha: f32,
        /// The scale of the whole.
        gamma: f32,
    },
    /// `max(0, x) + min(0, alpha * (e^(x / alpha) - 1))`.
    Celu {
        /// The scale and the inverse input scale of the negative part.
        alpha: f32,
    },
    /// `x` for `x > alpha`, else 0.
    ThresholdedRelu {
        /// The threshold.
        alpha: f32,
    },
    /// `x + bias` for `x < -lambd`, `x - bias` for `x > lambd`, else 0.
    Shrink {
        /// The amount taken off outside the dead zone.
        bias: f32,
        /// The half-width of the dead zone.
        lambd: f32,
    },
    /// `x * sigmoid(alpha * x)`.
    Swish {
        /// The slope inside the sigmoid.
        alpha: f32,
    },
}

/// `y = f(x)` elementwise, computing in f32 for half-precision types.
pub fn apply<T: Real>(f: MathFn, x: &[T], y: &mut [T]) -> Result<(), Error> {
    fn run<T: Real>(x: &[T], y: &mut [T], f: impl Fn(T::Acc) -> T::Acc) -> Result<(), Error> {
        map(x, y, |t| T::down(f(t.up())))
    }
    let p = |v: f32| <T::Acc as Float>::from_f64(v as f64);
    let one = <T::Acc as Float>::one();
    let zero = <T::Acc as Float>::zero();
    match f {
        MathFn::Exp => run(x, y, Float::exp),
        MathFn::Log => run(x, y, Float::ln),
        MathFn::Sqrt => run(x, y, Float::sqrt),
        MathFn::Reciprocal => run(x, y, |v| one / v),
        MathFn::Floor => run(x, y, Float::floor),
        MathFn::Ceil => run(x, y, Float::ceil),
        MathFn::Round => run(x, y, Float::round_ties_even),
        MathFn::Erf => run(x, y, Float::erf),
        MathFn::Sigmoid => run(x, y, scalar::sigmoid),
        MathFn::Tanh => run(x, y, Float::tanh),
        MathFn::Sin => run(x, y, Float::sin),
        MathFn::Cos => run(x, y, Float::cos),
        MathFn::Tan => run(x, y, Float::tan),
        MathFn::Asin => run(x, y, Float::asin),
        MathFn::Acos => run(x, y, Float::acos),
        MathFn::Atan => run(x, y, Float::atan),
        MathFn::Sinh => run(x, y, Float::sinh),
        MathFn::Cosh => run(x, y, Float::cosh),
        MathFn::Asinh => run(x, y, Float::asinh),
        MathFn::Acosh => run(x, y, Float::acosh),
        MathFn::Atanh => run(x, y, Float::atanh),
        MathFn::Softplus => run(x, y, scalar::softplus),
        MathFn::Softsign => run(x, y, |v| v / (one + v.abs())),
        MathFn::Mish => run(x, y, |v| v * scalar::softplus(v).tanh()),
        MathFn::Gelu => run(x, y, scalar::gelu_erf),
        MathFn::GeluTanh => run(x, y, scalar::gelu_tanh),
        MathFn::HardSwish => run(x, y, scalar::hard_swish),
        MathFn::LeakyRelu { alpha } => run(x, y, |v| scalar::leaky_relu(v, p(alpha))),
        MathFn::HardSigmoid { alpha, beta } => run(x, y, |v| scalar::hard_sigmoid(v, p(alpha), p(beta))),
        MathFn::Elu { alpha } => run(x, y, |v| scalar::elu(v, p(alpha))),
        MathFn::Selu { alpha, gamma } => run(x, y, |v| p(gamma) * if v > zero { v } else { p(alpha) * v.exp_m1() }),
        MathFn::Celu { alpha } => run(x, y, |v| scalar::relu(v) + zero.min(p(alpha) * (v / p(alpha)).exp_m1())),
        MathFn::ThresholdedRelu { alpha } => run(x, y, |v| if v > p(alpha) { v } else { zero }),
        MathFn::Shrink { bias, lambd } => run(x, y, |v| {
            if v < -p(lambd) {
                v + p(bias)
            } else if v > p(lambd) {
                v - p(bias)
            } else {
                zero
            }
        }),
        MathFn::Swish { alpha } => run(x, y, |v| v * scalar::sigmoid(p(alpha) * v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(f: MathFn, v: f64) -> f64 {
        let mut y = [0.0f64];
        apply(f, &[v], &mut y).unwrap();
        y[0]
    }

    #[test]
    fn round_is_half_to_even() {
        assert_eq!([0.5, 1.5, 2.5, -0.5, -2.5].map(|v| one(MathFn::Round, v)), [0.0, 2.0, 2.0, -0.0, -2.0]);
    }

    #[test]
    fn activations_match_their_definitions() {
        assert_eq!(one(MathFn::ThresholdedRelu { alpha: 1.0 }, 1.0), 0.0);
        assert_eq!(one(MathFn::Shrink { bias: 0.5, lambd: 1.0 }, -2.0), -1.5);
        assert_eq!(one(MathFn::Shrink { bias: 0.5, lambd: 1.0 }, 0.9), 0.0);
        assert!((one(MathFn::Softsign, 3.0) - 0.75).abs() < 1e-15);
        assert!((one(MathFn::Celu { alpha: 2.0 }, -1.0) - 2.0 * ((-0.5f64).exp() - 1.0)).abs() < 1e-15);
        assert!((one(MathFn::Swish { alpha: 1.0 }, 2.0) - 2.0 / (1.0 + (-2.0f64).exp())).abs() < 1e-15);
    }
}
