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
    InputShape { input: &'static str, expected_len: usize, expected: [u32; 8], got_len: usize, got: [u32; 8] },
    /// A symbolic dimension's size (read from an input's shape) is outside `1..=max`, the
    /// range the model was compiled for.
    DimRange { dim: &'static str, value: usize, max: usize },
    /// An input's element count does not match its declared shape.
    InputLen { input: &'static str, expected: usize, got: usize },
    /// An input the model was compiled for one value of (it decides shapes) got another value.
    InputValue { input: &'static str },
    /// A model was given the wrong number of inputs.
    InputCount { expected: usize, got: usize },
    /// A dtype did not match what the model declares.
    DType { what: &'static str, expected: crate::DType, got: crate::DType },
    /// The compiled plan and the memory it addresses disagree: a ronn bug, reported, not trusted.
    Layout(&'static str),
    /// The CUDA driver or device failed (`code` is the driver's `CUresult`, 0 when there is
    /// none): no driver or GPU on this machine, out of device memory, a failed launch.
    Cuda { what: &'static str, code: i32 },
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
            Error::DimRange { dim, value, max } => {
                write!(f, "dimension `{dim}` = {value} is outside 1..={max}, the range the model was compiled for")
            }
            Error::InputLen { input, expected, got } => {
                write!(f, "input `{input}`: expected {expected} elements, got {got}")
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
