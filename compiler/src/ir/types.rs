//! Value types: a dtype and a shape whose dims are fixed sizes or named symbols.

use std::fmt;

pub use ronn_runtime::DType;

/// One dimension: a known size, or a named symbol (`batch`, `seq`) fixed later with `--dim`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Dim {
    Fixed(usize),
    Symbol(String),
}

impl fmt::Display for Dim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Dim::Fixed(n) => write!(f, "{n}"),
            Dim::Symbol(s) => write!(f, "{s}"),
        }
    }
}

/// A shape: one [`Dim`] per axis; rank 0 is a scalar.
pub type Shape = Vec<Dim>;

/// The type of a value: element type and shape.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TensorType {
    pub dtype: DType,
    pub shape: Shape,
}

impl TensorType {
    pub fn new(dtype: DType, shape: Shape) -> Self {
        TensorType { dtype, shape }
    }

    /// A type with all dims fixed.
    pub fn fixed(dtype: DType, dims: &[usize]) -> Self {
        TensorType { dtype, shape: dims.iter().map(|&d| Dim::Fixed(d)).collect() }
    }

    /// The dims when all are fixed.
    pub fn static_dims(&self) -> Option<Vec<usize>> {
        self.shape
            .iter()
            .map(|d| match d {
                Dim::Fixed(n) => Some(*n),
                Dim::Symbol(_) => None,
            })
            .collect()
    }

    pub fn rank(&self) -> usize {
        self.shape.len()
    }

    /// Element count when static (None when symbolic or overflowing).
    pub fn numel(&self) -> Option<usize> {
        self.static_dims()?.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d))
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
