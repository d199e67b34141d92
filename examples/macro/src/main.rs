//! Classifies a drawn digit with an MNIST-size CNN compiled by `include_model!`.

ronn::include_model!("models/mnist_cnn.onnx", name = "mnist");

use ronn::runtime::TensorView;

/// A 28x28 image of a "1": a vertical bar.
fn digit_one() -> Vec<f32> {
    (0..28 * 28).map(|i| if (12..16).contains(&(i % 28)) && (4..24).contains(&(i / 28)) { 1.0 } else { 0.0 }).collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut model = mnist::Model::new()?;
    let image = digit_one();
    let out = model.run(TensorView::new(&image, &[1, 1, 28, 28]))?;
    let probs = out.probabilities.data;
    let best = (0..probs.len()).max_by(|&a, &b| probs[a].total_cmp(&probs[b])).unwrap_or(0);
    println!("probabilities: {probs:.4?}");
    println!("most likely class: {best} (the weights are random: this shows the plumbing, not accuracy)");
    let sum: f32 = probs.iter().sum();
    assert!((sum - 1.0).abs() < 1e-4, "softmax output sums to {sum}");
    Ok(())
}
