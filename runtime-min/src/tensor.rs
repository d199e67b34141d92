//! Tensors as `run` takes and returns them: row-major, contiguous.

use crate::{DType, Element};

/// A borrowed tensor: what `run` takes as input, and what it returns (borrowing the arena),
/// so that running a model never touches the heap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TensorView<'a, T> {
    pub data: &'a [T],
    pub shape: &'a [usize],
}

impl<'a, T: Element> TensorView<'a, T> {
    pub fn new(data: &'a [T], shape: &'a [usize]) -> Self {
        TensorView { data, shape }
    }

    pub fn dtype(&self) -> DType {
        T::DTYPE
    }

    /// Copies into an owned tensor.
    pub fn to_tensor(&self) -> Tensor<T> {
        Tensor { data: self.data.to_vec(), shape: self.shape.to_vec() }
    }
}

/// An owned tensor.
#[derive(Debug, Clone, PartialEq)]
pub struct Tensor<T> {
    pub data: Vec<T>,
    pub shape: Vec<usize>,
}

impl<T: Element> Tensor<T> {
    pub fn new(data: Vec<T>, shape: Vec<usize>) -> Self {
        Tensor { data, shape }
    }

    pub fn view(&self) -> TensorView<'_, T> {
        TensorView { data: &self.data, shape: &self.shape }
    }
}
