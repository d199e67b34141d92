ronn::include_model!("../../../../tests/fixtures/unsupported_op.onnx");

fn main() {}
