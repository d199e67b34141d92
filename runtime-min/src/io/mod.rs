//! Reading and writing tensors as `.npy` files and as ONNX `TensorProto` messages (`.pb`, the
//! format of ONNX's `test_data_set_*` folders), without dependencies.
//!
//! Every reader returns an [`IoError`] on malformed input, never panics, and checks a declared
//! shape against the bytes actually present before allocating anything of that size.
//!
//! Element bytes are little-endian (the byte order of every target ronn supports).
//!
//! Files: `tensor.rs` ([`AnyTensor`], [`IoError`], shape checks), `npy.rs` (`.npy`), `proto.rs`
//! (`TensorProto`), `tests.rs`.

mod npy;
mod proto;
mod tensor;
#[cfg(test)]
mod tests;

pub use npy::{read_npy, write_npy};
pub use proto::{read_tensor_proto, write_tensor_proto};
pub use tensor::{AnyTensor, IoError, MAX_TENSOR_BYTES};
