//! Front-ends: model formats in, IR out. Only ONNX today.
pub mod onnx;
