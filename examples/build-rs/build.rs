fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A missing OUT_DIR or an unsupported model fails the build with the compiler's message.
    let out_dir = std::env::var("OUT_DIR")?;
    ronn::compiler::Compiler::new("models/mnist_cnn.onnx").name("mnist").emit(&out_dir)?;
    Ok(())
}
