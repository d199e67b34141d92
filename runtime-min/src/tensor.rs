//! Tensors as `run` takes and returns them: row-major, contiguous.

use crate::{DType, Element};

/// A borrowed tensor: what `run` takes as input, and what it returns (borrowing the arena),
/// so that running a model never touches the heap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TensorView<'a, T> {
    /// The elements in row-major (C) order: the last axis varies fastest.
    pub data: &'a [T],
    /// The size of each axis, outermost first; `[]` for a scalar.
    pub shape: &'a [usize],
}

impl<'a, T: Element> TensorView<'a, T> {
    /// A view of `data` (row-major) as a tensor of `shape`.
    ///
    /// Nothing is checked or copied here: the model's `run` checks that the shape is the one it
    /// was compiled for and that `data` holds exactly the product of `shape` elements, and
    /// returns [`Error::InputShape`](crate::Error::InputShape) or
    /// [`Error::InputLen`](crate::Error::InputLen) otherwise.
    ///
    /// ```
    /// use ronn_runtime::{DType, TensorView};
    ///
    /// // A 2x3 matrix: rows [1, 2, 3] and [4, 5, 6].
    /// let data = [1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0];
    /// let x = TensorView::new(&data, &[2, 3]);
    /// assert_eq!(x.dtype(), DType::F32);
    /// assert_eq!(x.data[1 * 3 + 2], 6.0); // element [1, 2]
    /// assert_eq!(x.to_tensor().shape, vec![2, 3]);
    /// ```
    pub fn new(data: &'a [T], shape: &'a [usize]) -> Self {
        TensorView { data, shape }
    }

    /// The element type, from `T`.
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
    /// The elements in row-major (C) order: the last axis varies fastest.
    pub data: Vec<T>,
    /// The size of each axis, outermost first; `[]` for a scalar.
    pub shape: Vec<usize>,
}

impl<T: Element> Tensor<T> {
    /// A tensor of `shape` owning `data` (row-major). Like [`TensorView::new`], it checks
    /// nothing: `data.len()` should be the product of `shape`.
    pub fn new(data: Vec<T>, shape: Vec<usize>) -> Self {
        Tensor { data, shape }
    }

    /// Borrows the tensor as a [`TensorView`], the form `run` takes.
    pub fn view(&self) -> TensorView<'_, T> {
        TensorView { data: &self.data, shape: &self.shape }
    }
}
