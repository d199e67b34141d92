//! What this machine allows, for bench/run.py: bounds that no engine's figures can pass.
//!
//! - Run with `RONN_SPAWNED_AT_NS` set (as the harness runs ronn's executables), it prints
//!   `cold_ms=` exactly as a generated executable does, and nothing else: the time from the
//!   harness's spawn to a process's first output when the process does no work at all.
//! - `roofs --roofs` prints `fma_gflops=` (one core's f32 FMA peak, independent accumulators in
//!   registers) and `l3_gbs=` (one core reading a 2 MiB buffer over and over: larger than L2,
//!   inside L3, as a small model's weights are between inferences).
//!
//! A single file with no dependencies, built by run.py with `rustc -O -C target-cpu=native`
//! and linked like ronn's executables (glibc static where its archive is installed).

use std::time::Instant;

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--roofs") {
        println!("fma_gflops={:.1}", best_of(5, fma_gflops));
        println!("l3_gbs={:.1}", best_of(5, l3_gbs));
        return;
    }
    // As templates/main.rs.tera reports it.
    let Some(spawned) = std::env::var("RONN_SPAWNED_AT_NS").ok().and_then(|v| v.parse::<u128>().ok()) else {
        eprintln!("usage: RONN_SPAWNED_AT_NS=<ns since the epoch> roofs | roofs --roofs");
        std::process::exit(2);
    };
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    println!("cold_ms={:.3}", now.saturating_sub(spawned) as f64 / 1e6);
}

fn best_of(n: usize, f: fn() -> f64) -> f64 {
    (0..n).map(|_| f()).fold(0.0, f64::max)
}

/// GFLOP/s of `acc = x * y + acc` over 24 (AVX-512) or 12 (AVX2) independent accumulators.
fn fma_gflops() -> f64 {
    #[cfg(target_arch = "x86_64")]
    {
        let steps = 20_000_000usize;
        let t = Instant::now();
        let (flops, sink) = if std::is_x86_feature_detected!("avx512f") {
            // SAFETY: AVX-512F is present (checked just above).
            (steps * 24 * 32, unsafe { x86::fma_avx512(steps) })
        } else if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
            // SAFETY: AVX2 and FMA are present (checked just above).
            (steps * 12 * 16, unsafe { x86::fma_avx2(steps) })
        } else {
            return 0.0;
        };
        std::hint::black_box(sink);
        flops as f64 / t.elapsed().as_secs_f64() / 1e9
    }
    #[cfg(not(target_arch = "x86_64"))]
    0.0
}

/// GB/s of one core summing a 2 MiB buffer, eight independent vector sums.
fn l3_gbs() -> f64 {
    let data = vec![1.0f32; 1 << 19];
    let passes = 800;
    let mut sink = 0.0;
    sink += sum(&data);
    let t = Instant::now();
    for _ in 0..passes {
        sink += sum(std::hint::black_box(&data));
    }
    let secs = t.elapsed().as_secs_f64();
    std::hint::black_box(sink);
    (passes * data.len() * 4) as f64 / secs / 1e9
}

fn sum(data: &[f32]) -> f32 {
    let mut acc = [0f32; 128];
    for chunk in data.chunks_exact(128) {
        for (a, &v) in acc.iter_mut().zip(chunk) {
            *a += v;
        }
    }
    acc.iter().sum()
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    #[target_feature(enable = "avx512f")]
    pub unsafe fn fma_avx512(steps: usize) -> f32 {
        let (x, y) = (_mm512_set1_ps(0.999_999), _mm512_set1_ps(1e-7));
        let mut acc = [_mm512_setzero_ps(); 24];
        for _ in 0..steps {
            for a in acc.iter_mut() {
                *a = _mm512_fmadd_ps(x, *a, y);
            }
        }
        acc.iter().map(|&a| _mm512_reduce_add_ps(a)).sum()
    }

    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn fma_avx2(steps: usize) -> f32 {
        let (x, y) = (_mm256_set1_ps(0.999_999), _mm256_set1_ps(1e-7));
        let mut acc = [_mm256_setzero_ps(); 12];
        for _ in 0..steps {
            for a in acc.iter_mut() {
                *a = _mm256_fmadd_ps(x, *a, y);
            }
        }
        let mut out = [0f32; 8];
        let mut total = 0.0;
        for a in acc {
            _mm256_storeu_ps(out.as_mut_ptr(), a);
            total += out.iter().sum::<f32>();
        }
        total
    }
}
