//! The tract peer of the benchmark harness (bench/run.py).
//!
//! `tract-runner MODEL --input FILE.npy... [--bench N] [--threads N] [--output-dir DIR]`
//! loads the model with tract-onnx, fixes its input facts to the given arrays' shapes,
//! optimises it, runs it once (timing load + optimise + first run as the cold start) and then
//! N more times. Prints `cold_ms=<f>` and `latency_ms min=<f> median=<f> p99=<f>`, the
//! standalone ronn executable's format, and writes outputs as `output_K.npy` for the
//! harness's correctness check.

mod npy;

use anyhow::anyhow;
use std::time::Instant;
use tract_onnx::prelude::*;

struct Args {
    model: String,
    inputs: Vec<String>,
    bench: usize,
    threads: usize,
    output_dir: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mut args = Args { model: String::new(), inputs: vec![], bench: 0, threads: 1, output_dir: None };
    while let Some(a) = it.next() {
        let mut value = |flag: &str| it.next().ok_or_else(|| format!("{flag} needs a value"));
        match a.as_str() {
            "--input" => args.inputs.push(value("--input")?),
            "--bench" => args.bench = value("--bench")?.parse().map_err(|e| format!("--bench: {e}"))?,
            "--threads" => args.threads = value("--threads")?.parse().map_err(|e| format!("--threads: {e}"))?,
            "--output-dir" => args.output_dir = Some(value("--output-dir")?),
            m if args.model.is_empty() && !m.starts_with('-') => args.model = m.to_string(),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if args.model.is_empty() {
        return Err("usage: tract-runner MODEL --input FILE.npy... [--bench N] [--threads N]".into());
    }
    Ok(args)
}

fn main() -> TractResult<()> {
    let args = parse_args().map_err(|e| anyhow!(e))?;
    if args.threads > 1 {
        multithread::set_default_executor(multithread::Executor::multithread(args.threads));
    }
    let inputs: Vec<Tensor> = args.inputs.iter().map(|p| npy::read(p)).collect::<TractResult<_>>()?;

    let t0 = Instant::now();
    let mut model = tract_onnx::onnx().model_for_path(&args.model)?;
    for (k, t) in inputs.iter().enumerate() {
        model.set_input_fact(k, InferenceFact::dt_shape(t.datum_type(), t.shape()))?;
    }
    let plan = model.into_optimized()?.into_runnable()?;
    let outputs = plan.run(inputs.iter().map(|t| t.clone().into_tvalue()).collect())?;
    println!("cold_ms={:.3}", t0.elapsed().as_secs_f64() * 1e3);

    if let Some(dir) = &args.output_dir {
        std::fs::create_dir_all(dir)?;
        for (k, t) in outputs.iter().enumerate() {
            npy::write(&format!("{dir}/output_{k}.npy"), t)?;
        }
    }
    if args.bench > 0 {
        let mut times = Vec::with_capacity(args.bench);
        for _ in 0..args.bench {
            let feed: TVec<TValue> = inputs.iter().map(|t| t.clone().into_tvalue()).collect();
            let t = Instant::now();
            let out = plan.run(feed)?;
            times.push(t.elapsed().as_secs_f64() * 1e3);
            drop(out);
        }
        times.sort_by(|a, b| a.total_cmp(b));
        let p = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        // The contract: the latency line is the last one.
        if let Some(kb) = peak_rss_kb() {
            println!("peak_rss_kb={kb}");
        }
        println!("latency_ms min={:.3} median={:.3} p99={:.3}", times[0], p(0.5), p(0.99));
    }
    Ok(())
}

/// This process's peak resident set (Linux `VmHWM`).
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
