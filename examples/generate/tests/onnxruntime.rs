//! The tokens each decoder generates equal onnxruntime's (scripts/generate_reference.py runs
//! the same loop on the same models), from one build that ran the prompt with an empty cache.

use std::path::PathBuf;
use std::process::Command;

use example_generate::{gpt2_tokens, llama_tokens, Gpt2, Llama, Timing, NEW_TOKENS};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// onnxruntime's tokens per model, from the reference script's `name: t t t` lines.
fn reference() -> Vec<(String, Vec<i64>)> {
    let venv = Command::new("bash").arg(root().join("scripts/venv.sh")).output().expect("run scripts/venv.sh");
    assert!(venv.status.success(), "venv: {}", String::from_utf8_lossy(&venv.stderr));
    let python = String::from_utf8_lossy(&venv.stdout).trim().to_string();
    let out = Command::new(python).arg(root().join("scripts/generate_reference.py")).output().expect("run python");
    assert!(out.status.success(), "reference: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once(": "))
        .map(|(name, tokens)| (name.to_string(), tokens.split(' ').map(|t| t.parse().unwrap()).collect()))
        .collect()
}

#[test]
fn both_decoders_generate_onnxruntimes_tokens() {
    let want = reference();
    let mut timing = Timing::default();
    let gpt2 = gpt2_tokens(&mut Gpt2::new().unwrap(), &mut timing).unwrap();
    let llama = llama_tokens(&mut Llama::new().unwrap(), &mut timing).unwrap();
    assert_eq!(gpt2.len(), NEW_TOKENS);
    assert_eq!(want, vec![("gpt2".to_string(), gpt2), ("llama".to_string(), llama)]);
}
