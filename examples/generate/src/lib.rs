//! Greedy generation with decoders exported with a KV cache, the way Hugging Face exporters
//! write them: tests/symbolic's GPT-2-style and LLaMA-style models (seeded weights, made by
//! scripts/make_models.py). Each is compiled once, with a symbolic sequence and past length;
//! the first step runs the prompt with an empty cache (past length 0), every later step one
//! token, the previous step's present keys and values fed back as its past.
//!
//! ```text
//! cargo run --release -p example-generate            # gpt2: 12 40 ... / llama: ...
//! cargo run --release -p example-generate -- --bench 20
//! ```
//!
//! The binary prints each model's 32 new tokens on a line (`scripts/generate_reference.py`
//! prints onnxruntime's the same way; this crate's test compares the two). With `--bench N`
//! it generates N times and prints tokens per second for the prompt and for decoding.

use std::time::{Duration, Instant};

use ronn::runtime::{Error, TensorView};

pub use crate::{gpt2::Model as Gpt2, llama::Model as Llama};

ronn::include_model!(
    "../../tests/symbolic/gpt2_kv_cache/model.onnx",
    name = "gpt2",
    dim_max = "batch=1",
    dim_max = "sequence=8",
    dim_max = "past_sequence=40",
    dim_min = "past_sequence=0"
);
ronn::include_model!(
    "../../tests/symbolic/llama_kv_cache/model.onnx",
    name = "llama",
    dim_max = "batch=1",
    dim_max = "sequence=8",
    dim_max = "past_sequence=40",
    dim_min = "past_sequence=0"
);

/// The prompt's token ids (the vocabulary has 50).
pub const PROMPT: [i64; 5] = [7, 3, 41, 12, 25];
/// Tokens generated after the prompt.
pub const NEW_TOKENS: usize = 32;
const VOCAB: usize = 50;

/// The most likely token of one row of logits (the first of equal ones, as numpy's argmax).
fn argmax(row: &[f32]) -> i64 {
    let mut best = 0;
    for (i, v) in row.iter().enumerate() {
        if *v > row[best] {
            best = i;
        }
    }
    best as i64
}

/// What one generation took: the prompt step, and the decoding steps after it.
#[derive(Default)]
pub struct Timing {
    /// The prompt steps.
    pub prompt: Duration,
    /// The decoding steps.
    pub decode: Duration,
}

/// One decoding loop over a model: `step(ids, positions, past_len)` runs the model, keeps the
/// presents as the next past (copied into buffers that keep their capacity, so steps after
/// the first allocate nothing) and returns the last position's logits' best token.
fn generate(
    timing: &mut Timing,
    mut step: impl FnMut(&[i64], &[i64], usize) -> Result<i64, Error>,
) -> Result<Vec<i64>, Error> {
    let mut ids = PROMPT.to_vec();
    let mut past_len = 0;
    let mut tokens = Vec::with_capacity(NEW_TOKENS);
    while tokens.len() < NEW_TOKENS {
        let positions: Vec<i64> = (past_len..past_len + ids.len()).map(|p| p as i64).collect();
        let start = Instant::now();
        let next = step(&ids, &positions, past_len)?;
        let took = start.elapsed();
        if past_len == 0 {
            timing.prompt += took;
        } else {
            timing.decode += took;
        }
        past_len += ids.len();
        tokens.push(next);
        ids = vec![next];
    }
    Ok(tokens)
}

/// The GPT-2-style decoder's 32 tokens after [`PROMPT`].
pub fn gpt2_tokens(model: &mut gpt2::Model, timing: &mut Timing) -> Result<Vec<i64>, Error> {
    // past_0 and past_1: keys and values stacked, [2, batch, heads 4, past, head size 8].
    let (mut k0, mut k1) = (Vec::new(), Vec::new());
    generate(timing, |ids, positions, past_len| {
        let seq = ids.len();
        let mask = vec![1f32; past_len + seq];
        let past_shape = [2, 1, 4, past_len, 8];
        let out = model.run(
            TensorView::new(ids, &[1, seq]),
            TensorView::new(positions, &[1, seq]),
            TensorView::new(&mask, &[1, past_len + seq]),
            TensorView::new(&k0, &past_shape),
            TensorView::new(&k1, &past_shape),
        )?;
        let next = argmax(&out.logits.data[(seq - 1) * VOCAB..seq * VOCAB]);
        k0.clear();
        k0.extend_from_slice(out.present_0.data);
        k1.clear();
        k1.extend_from_slice(out.present_1.data);
        Ok(next)
    })
}

/// The LLaMA-style decoder's 32 tokens after [`PROMPT`].
pub fn llama_tokens(model: &mut llama::Model, timing: &mut Timing) -> Result<Vec<i64>, Error> {
    // past_key and past_value: [batch, kv heads 2, past, head size 16].
    let (mut keys, mut values) = (Vec::new(), Vec::new());
    generate(timing, |ids, positions, past_len| {
        let seq = ids.len();
        let mask = vec![1i64; past_len + seq];
        let past_shape = [1, 2, past_len, 16];
        let out = model.run(
            TensorView::new(ids, &[1, seq]),
            TensorView::new(&mask, &[1, past_len + seq]),
            TensorView::new(positions, &[1, seq]),
            TensorView::new(&keys, &past_shape),
            TensorView::new(&values, &past_shape),
        )?;
        let next = argmax(&out.logits.data[(seq - 1) * VOCAB..seq * VOCAB]);
        keys.clear();
        keys.extend_from_slice(out.present_key.data);
        values.clear();
        values.extend_from_slice(out.present_value.data);
        Ok(next)
    })
}

/// Tokens per second of `rounds` generations: the prompt's tokens over the prompt steps' time,
/// and the decoded tokens over the decoding steps' time.
pub fn rates(name: &str, rounds: usize, timing: &Timing) {
    let prompt = (rounds * PROMPT.len()) as f64 / timing.prompt.as_secs_f64();
    let decode = (rounds * (NEW_TOKENS - 1)) as f64 / timing.decode.as_secs_f64();
    println!("{name}_tokens_per_s prompt={prompt:.0} decode={decode:.0}");
}
