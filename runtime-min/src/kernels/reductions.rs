//! Named reductions over a set of axes, one per core reduce kind, built on the generic
//! [`reduce`](super::reduce::reduce). Floats accumulate in their compute type ([`Real`]).
//! The output has the reduced axes kept as 1 (keepdims form: same bytes either way).

use super::binary::Arith;
use super::reduce::reduce;
use super::unary::Real;
use crate::scalar::Float;
use crate::Error;

/// Sum.
pub fn sum<T: Real>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, <T::Acc as Float>::zero(), |a, v| a + v.up(), |a, _| T::down(a))
}

/// Mean.
pub fn mean<T: Real>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, <T::Acc as Float>::zero(), |a, v| a + v.up(), |a, n| {
        T::down(a / <T::Acc as Float>::from_f64(n as f64))
    })
}

/// Product.
pub fn prod<T: Real>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, <T::Acc as Float>::one(), |a, v| a * v.up(), |a, _| T::down(a))
}

/// Sum of squares.
pub fn sum_square<T: Real>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, <T::Acc as Float>::zero(), |a, v| a + v.up() * v.up(), |a, _| T::down(a))
}

/// Sum of absolute values.
pub fn l1<T: Real>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, <T::Acc as Float>::zero(), |a, v| a + v.up().abs(), |a, _| T::down(a))
}

/// Euclidean norm.
pub fn l2<T: Real>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, <T::Acc as Float>::zero(), |a, v| a + v.up() * v.up(), |a, _| T::down(a.sqrt()))
}

/// `log(sum(exp(x)))`.
pub fn log_sum_exp<T: Real>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, <T::Acc as Float>::zero(), |a, v| a + v.up().exp(), |a, _| T::down(a.ln()))
}

/// Integer sum (wrapping).
pub fn sum_int<T: Arith + Default>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, T::default(), |a: T, v| a.add(v), |a, _| a)
}

/// Maximum (NaN-propagating). An empty reduction gives the type's default (ONNX leaves it open).
pub fn max<T: Arith + Default>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, None::<T>, |a, v| Some(a.map_or(v, |a: T| a.max(v))), |a, _| a.unwrap_or_default())
}

/// Minimum (NaN-propagating).
pub fn min<T: Arith + Default>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, None::<T>, |a, v| Some(a.map_or(v, |a: T| a.min(v))), |a, _| a.unwrap_or_default())
}
