// A symbolic dim with neither a value nor a bound: the error names the macro's own options.
ronn::include_model!("../../../../tests/symbolic/bert_dynamic/model.onnx", name = "bert", dim_max = "batch=4");

fn main() {}
