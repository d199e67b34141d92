//! GEMM throughput on the shapes real models run (`cargo run --release -p ronn-runtime --example
//! gemm_bench`): ResNet-50's convolutions as im2col products `W[M, K] x col[K, N]`, transformer
//! projections `x[S, K] x W[K, N]`, and batch-1 matrix-vector products. Prints GFLOP/s, the
//! best of several runs. A development tool for kernel work; docs/benchmarks.md holds the
//! model-level comparisons.

use ronn_runtime::kernels::matmul::matmul;
use std::time::Instant;

fn main() -> Result<(), ronn_runtime::Error> {
    let shapes: &[(&str, usize, usize, usize)] = &[
        ("conv3x3 56x56 64->64", 64, 576, 3136),
        ("conv3x3 28x28 128", 128, 1152, 784),
        ("narrow 64x576x512", 64, 576, 512),
        ("narrow 64x576x128", 64, 576, 128),
        ("tall 256x576x3136", 256, 576, 3136),
        ("conv3x3 14x14 256", 256, 2304, 196),
        ("conv3x3 7x7 512", 512, 4608, 49),
        ("conv1x1 56x56 64->256", 256, 64, 3136),
        ("conv1x1 7x7 512->2048", 2048, 512, 49),
        ("conv1x1 13x13 512->1000", 1000, 512, 169),
        ("bert q/k/v 128x384x384", 128, 384, 384),
        ("bert ffn1 128x384x1536", 128, 384, 1536),
        ("bert ffn2 128x1536x384", 128, 1536, 384),
        ("gpt2 qkv 64x768x2304", 64, 768, 2304),
        ("square 512", 512, 512, 512),
        ("matvec 1x768x3072", 1, 768, 3072),
        ("matvec 1x512x256", 1, 512, 256),
    ];
    let filter = std::env::args().nth(1).unwrap_or_default();
    for &(name, m, k, n) in shapes {
        if !name.contains(&filter) {
            continue;
        }
        let a: Vec<f32> = (0..m * k).map(|i| (i % 13) as f32 * 0.1 - 0.6).collect();
        let b: Vec<f32> = (0..k * n).map(|i| (i % 7) as f32 * 0.1 - 0.3).collect();
        let mut c = vec![0f32; m * n];
        let flop = 2.0 * (m * k * n) as f64;
        let reps = ((2e9 / flop) as usize).clamp(3, 20_000);
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            for _ in 0..reps {
                matmul(&a, &[m, k], &b, &[k, n], &mut c, &[m, n])?;
            }
            best = best.min(t.elapsed().as_secs_f64() / reps as f64);
        }
        println!("{name:<26} {m:>5}x{k:>5}x{n:>5}  {:>7.1} GFLOP/s", flop / best / 1e9);
    }
    Ok(())
}
