//! Value types: a dtype and a shape whose dims are fixed sizes or polynomials over named
//! symbols (see `dim.rs`).

use std::fmt;

pub use ronn_runtime::DType;

pub use super::dim::{fixed_dims, static_of, Atom, Dim};

/// A shape: one [`Dim`] per axis; rank 0 is a scalar.
pub type Shape = Vec<Dim>;

/// The type of a value: element type and shape.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TensorType {
    /// The element type.
    pub dtype: DType,
    /// The dims, outermost first.
    pub shape: Shape,
}

impl TensorType {
    /// A type of `dtype` and `shape`.
    pub fn new(dtype: DType, shape: Shape) -> Self {
        TensorType { dtype, shape }
    }

    /// A type with all dims fixed.
    pub fn fixed(dtype: DType, dims: &[usize]) -> Self {
        TensorType { dtype, shape: fixed_dims(dims) }
    }

    /// The dims when all are fixed.
    pub fn static_dims(&self) -> Option<Vec<usize>> {
        static_of(&self.shape)
    }

    /// The number of axes.
    pub fn rank(&self) -> usize {
        self.shape.len()
    }

    /// Element count when static (None when symbolic or overflowing).
    pub fn numel(&self) -> Option<usize> {
        self.static_dims()?.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d))
    }

    /// The element count as a dim (a polynomial when the shape is symbolic).
    pub fn numel_dim(&self) -> Dim {
        Dim::product(&self.shape)
    }

    /// True when some dim is symbolic.
    pub fn is_symbolic(&self) -> bool {
        self.shape.iter().any(|d| !d.is_fixed())
    }

    /// Size in bytes with every symbol at its bound (`None` for a symbol without one, a
    /// negative size or an overflow).
    pub fn bytes_at(&self, bound: &dyn Fn(&str) -> Option<i64>) -> Option<usize> {
        let n = self.numel_dim().eval(bound)?;
        usize::try_from(n).ok()?.checked_mul(self.dtype.size())
    }

    /// Size in bytes when static.
    pub fn bytes(&self) -> Option<usize> {
        self.numel()?.checked_mul(self.dtype.size())
    }
}

impl fmt::Display for TensorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[", self.dtype)?;
        for (i, d) in self.shape.iter().enumerate() {
            if i > 0 {
                write!(f, ",")?;
            }
            write!(f, "{d}")?;
        }
        write!(f, "]")
    }
}

/// Numpy-style multidirectional broadcast of two static shapes.
pub fn broadcast_dims(a: &[usize], b: &[usize]) -> Option<Vec<usize>> {
    let rank = a.len().max(b.len());
    let mut out = vec![0; rank];
    for i in 0..rank {
        let da = if i + a.len() >= rank { a[i + a.len() - rank] } else { 1 };
        let db = if i + b.len() >= rank { b[i + b.len() - rank] } else { 1 };
        out[i] = match (da, db) {
            (x, y) if x == y => x,
            (1, y) => y,
            (x, 1) => x,
            _ => return None,
        };
    }
    Some(out)
}

/// Numpy-style broadcast of two shapes whose dims may be symbolic: equal dims, or a 1 against
/// anything. Two different symbolic dims do not broadcast (their sizes are unknown).
pub fn broadcast_shapes(a: &[Dim], b: &[Dim]) -> Option<Vec<Dim>> {
    let rank = a.len().max(b.len());
    let one = Dim::int(1);
    let mut out = Vec::with_capacity(rank);
    for i in 0..rank {
        let da = if i + a.len() >= rank { &a[i + a.len() - rank] } else { &one };
        let db = if i + b.len() >= rank { &b[i + b.len() - rank] } else { &one };
        out.push(if da == db || *db == one {
            da.clone()
        } else if *da == one {
            db.clone()
        } else {
            return None;
        });
    }
    Some(out)
}
