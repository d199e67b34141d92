use core::fmt;

/// Errors that generated code returns from `new` and `run`. No variant allocates, so reporting
/// an error keeps `run` off the heap.
///
/// `Debug` prints the same message as `Display`, so `fn main() -> Result<(), Box<dyn Error>>`
/// shows users a sentence, not the padded arrays the variants keep.
#[derive(Clone, PartialEq, Eq)]
pub enum Error {
    /// An input has the wrong shape.
    /// Shapes are kept without allocating: the first 8 dims, as u32 (saturated), for display.
    InputShape {
        /// The input's name in the model.
        input: &'static str,
        /// The rank the model expects.
        expected_len: usize,
        /// The expected dims (the first `expected_len`, at most 8, are meaningful).
        expected: [u32; 8],
        /// The rank given.
        got_len: usize,
        /// The given dims (the first `got_len`, at most 8, are meaningful).
        got: [u32; 8],
    },
    /// A symbolic dimension's size (read from an input's shape) is outside `min..=max`, the
    /// range the model was compiled for.
    DimRange {
        /// The symbolic dimension's name.
        dim: &'static str,
        /// The size read from the inputs.
        value: usize,
        /// The smallest size the model was compiled for (1 unless `--dim-min` said otherwise).
        min: usize,
        /// The largest size the model was compiled for.
        max: usize,
    },
    /// The inputs' sizes are too small for the model: a size computed from them (a sliding
    /// window's room over its input, or a shape), shown as its expression, is negative.
    TooSmall {
        /// The size, as an expression over the model's symbolic dims.
        size: &'static str,
    },
    /// Two sizes computed from the inputs' that the model needs equal (tensors it joins) differ
    /// for these inputs, each shown as its expression.
    SizeMismatch {
        /// One size, as an expression over the model's symbolic dims.
        a: &'static str,
        /// The other size.
        b: &'static str,
    },
    /// An input's element count does not match its declared shape.
    InputLen {
        /// The input's name in the model.
        input: &'static str,
        /// The element count its shape implies.
        expected: usize,
        /// The length of the data given.
        got: usize,
    },
    /// An input the model was compiled for one value of (it decides shapes) got another value.
    InputValue {
        /// The input's name in the model.
        input: &'static str,
    },
    /// A model was given the wrong number of inputs.
    InputCount {
        /// The number of inputs the model declares.
        expected: usize,
        /// The number given.
        got: usize,
    },
    /// A dtype did not match what the model declares.
    DType {
        /// The input or tensor whose dtype is wrong.
        what: &'static str,
        /// The dtype the model declares.
        expected: crate::DType,
        /// The dtype given.
        got: crate::DType,
    },
    /// The compiled plan and the memory it addresses disagree: a ronn bug, reported, not trusted.
    Layout(&'static str),
    /// The CUDA driver or device failed (`code` is the driver's `CUresult`, 0 when there is
    /// none): no driver or GPU on this machine, out of device memory, a failed launch.
    Cuda {
        /// What failed.
        what: &'static str,
        /// The driver's `CUresult`, 0 when there is none.
        code: i32,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputShape { input, expected_len, expected, got_len, got } => {
                let (expected, got) = (&expected[..(*expected_len).min(8)], &got[..(*got_len).min(8)]);
                write!(f, "input `{input}`: expected shape {expected:?}, got {got:?}")?;
                if *got_len > 8 {
                    write!(f, " (rank {got_len})")?;
                }
                Ok(())
            }
            Error::DimRange { dim, value, min, max } => {
                write!(f, "dimension `{dim}` = {value} is outside {min}..={max}, the range the model was compiled for")
            }
            Error::InputLen { input, expected, got } => {
                write!(f, "input `{input}`: expected {expected} elements, got {got}")
            }
            Error::SizeMismatch { a, b } => {
                write!(f, "the model joins tensors of sizes `{a}` and `{b}`, which differ for these inputs")
            }
            Error::TooSmall { size } => {
                write!(f, "the inputs are too small for this model: `{size}` is negative (a sliding window does not fit, or a size shrinks below zero)")
            }
            Error::InputValue { input } => {
                write!(f, "input `{input}`: the model was compiled for one value of this input (it decides shapes) and got another")
            }
            Error::InputCount { expected, got } => write!(f, "expected {expected} inputs, got {got}"),
            Error::DType { what, expected, got } => {
                write!(f, "`{what}`: expected dtype {expected}, got {got}")
            }
            Error::Layout(why) => write!(f, "internal layout error: {why}"),
            Error::Cuda { what, code: 0 } => write!(f, "CUDA: {what}"),
            Error::Cuda { what, code } => write!(f, "CUDA: {what} (CUresult {code})"),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}

impl Error {
    /// Builds an [`Error::InputShape`] without allocating.
    pub fn input_shape(input: &'static str, expected: &[usize], got: &[usize]) -> Self {
        let copy = |s: &[usize]| {
            let mut buf = [0u32; 8];
            for (b, g) in buf.iter_mut().zip(s) {
                *b = u32::try_from(*g).unwrap_or(u32::MAX);
            }
            buf
        };
        Error::InputShape {
            input,
            expected_len: expected.len(),
            expected: copy(expected),
            got_len: got.len(),
            got: copy(got),
        }
    }
}
