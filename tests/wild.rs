//! Real trained models from PyPI wheels (scripts/make_wild_corpus.py: PaddleOCR's PP-OCRv4
//! detector and recogniser and its direction classifier, from rapidocr-onnxruntime, with inputs
//! at two or three sizes and onnxruntime's outputs) pass `ronnc check` with no dim flags: every
//! symbolic dim (unnamed ones too) is bounded by the data sets and one build runs them all.
//! The whole corpus (more wheels, about 110 MB) is `bash scripts/wild.sh`, in the benchmark
//! command.
//!
//! The tolerance is 1e-6 absolute: the detector ends in a Sigmoid whose outputs onnxruntime
//! returns as exactly 0 where they are about 1e-7 (ronn computes them; 22 to 37 of 100 000+
//! elements per image differ by at most 1.4e-7), just over `check`'s default of 1e-7.

mod common;
use common::*;
use std::process::Command;

#[test]
fn ocr_models_from_a_wheel_match_onnxruntime_at_every_size_with_no_dim_flags() {
    let dest = root().join("target/wild");
    let out = Command::new(python()).arg(root().join("scripts/make_wild_corpus.py")).arg(&dest).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The default set (scripts/wild.sh adds more models to the same folder).
    let dirs: Vec<_> = model_dirs(&dest)
        .into_iter()
        .filter(|d| d.ends_with("ppocr_v4_det") || d.ends_with("ppocr_v4_rec") || d.ends_with("ppocr_mobile_v2_cls"))
        .collect();
    assert_eq!(dirs.len(), 3, "{dirs:?}");
    let mut args = vec!["check".to_string(), "--atol".into(), "1e-6".into()];
    args.extend(dirs.iter().map(|d| d.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = ronnc(&args);
    let text = stdout(&out);
    assert_eq!(summary(&text), (3, 0, 0), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(text.lines().filter(|l| l.contains("one build for all data sets")).count(), 3, "{text}");
}
