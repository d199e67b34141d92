// One build of a model with symbolic batch and sequence, run at several sizes in one process.
// trybuild compiles this from target/tests/trybuild/ronn: paths climb back to the repository.
ronn::include_model!("../../../../tests/symbolic/bert_dynamic/model.onnx", name = "bert", dim_max = "batch=4", dim_max = "seq=16");

use ronn::runtime::TensorView;

fn run(model: &mut bert::Model, ids: &[i64], mask: &[i64], shape: &[usize]) -> (Vec<f32>, Vec<usize>) {
    let out = model.run(TensorView::new(ids, shape), TensorView::new(mask, shape)).unwrap();
    (out.last_hidden_state.data.to_vec(), out.last_hidden_state.shape.to_vec())
}

fn close(a: &[f32], b: &[f32]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= 1e-4)
}

fn main() {
    assert_eq!(bert::DIMS, &[("batch", 4), ("seq", 16)]);
    let mut model = bert::Model::new().unwrap();
    let tokens = [5i64, 17, 42, 8, 99];
    let (one, shape) = run(&mut model, &tokens, &[1; 5], &[1, 5]);
    assert_eq!(shape, [1, 5, 64]);

    // Batch 2 of the same sequence: each row equals the batch-1 result.
    let ids2: Vec<i64> = tokens.iter().chain(&tokens).copied().collect();
    let (two, shape) = run(&mut model, &ids2, &[1; 10], &[2, 5]);
    assert_eq!(shape, [2, 5, 64]);
    assert!(close(&two[..320], &one) && close(&two[320..], &one));

    // Sequence 12 with the last 7 positions masked out: the first 5 positions see only the
    // same 5 tokens, so they equal the sequence-5 result.
    let mut ids12 = tokens.to_vec();
    ids12.extend([1i64; 7]);
    let mask12: Vec<i64> = (0..12).map(|i| (i < 5) as i64).collect();
    let (long, shape) = run(&mut model, &ids12, &mask12, &[1, 12]);
    assert_eq!(shape, [1, 12, 64]);
    assert!(close(&long[..320], &one));

    // Beyond the bound, or sizes that contradict each other: errors, not panics.
    let big = vec![1i64; 17];
    assert!(model.run(TensorView::new(&big, &[1, 17]), TensorView::new(&big, &[1, 17])).is_err());
    assert!(model.run(TensorView::new(&ids2, &[2, 5]), TensorView::new(&ids2, &[1, 10])).is_err());
}
