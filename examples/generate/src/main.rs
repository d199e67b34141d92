//! Generates 32 tokens greedily with each decoder and prints them; `--bench N` also prints
//! tokens per second, `--threads T` sets the runtime's threads. See the library's docs.

use example_generate::{gpt2_tokens, llama_tokens, rates, Gpt2, Llama, Timing};

fn show(name: &str, tokens: &[i64]) {
    let list: Vec<String> = tokens.iter().map(i64::to_string).collect();
    println!("{name}: {}", list.join(" "));
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let rounds = match args.iter().position(|a| a == "--bench") {
        Some(i) => args.get(i + 1).and_then(|n| n.parse().ok()).ok_or("--bench needs a number of rounds")?,
        None => 0,
    };
    if let Some(i) = args.iter().position(|a| a == "--threads") {
        let n = args.get(i + 1).and_then(|n| n.parse().ok()).ok_or("--threads needs a number")?;
        ronn::runtime::threads::set_threads(n);
    }
    let (mut g, mut l) = (Gpt2::new()?, Llama::new()?);
    let (mut gt, mut lt) = (Timing::default(), Timing::default());
    show("gpt2", &gpt2_tokens(&mut g, &mut gt)?);
    show("llama", &llama_tokens(&mut l, &mut lt)?);
    if rounds > 0 {
        let (mut gt, mut lt) = (Timing::default(), Timing::default());
        for _ in 0..rounds {
            gpt2_tokens(&mut g, &mut gt)?;
            llama_tokens(&mut l, &mut lt)?;
        }
        rates("gpt2", rounds, &gt);
        rates("llama", rounds, &lt);
    }
    Ok(())
}
