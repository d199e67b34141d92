//! Pooling kernels on ResNet's stem shape (3x3, stride 2, pad 1 over 64x112x112): max and
//! average pooling as the generated code calls them. Prints milliseconds per call, the best of
//! several runs. A development tool for kernel work (it was an ignored test in the pooling kernels).
//!
//! ```sh
//! cargo run --release -p ronn-runtime --example pool_bench
//! ```

use ronn_runtime::kernels::pool::{avg_pool, max_pool, PoolParams};
use std::time::Instant;

/// The best of `runs` timings of `f`, in seconds.
fn best(runs: usize, f: &mut dyn FnMut() -> Result<(), ronn_runtime::Error>) -> Result<f64, ronn_runtime::Error> {
    let mut dt = f64::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        f()?;
        dt = dt.min(t.elapsed().as_secs_f64());
    }
    Ok(dt)
}

fn main() -> Result<(), ronn_runtime::Error> {
    let (xs, ys) = ([1, 64, 112, 112], [1, 64, 56, 56]);
    let x: Vec<f32> = (0..64 * 112 * 112).map(|i| (i % 97) as f32).collect();
    let mut y = vec![0.0f32; 64 * 56 * 56];
    let p = PoolParams { kernel: &[3, 3], strides: &[2, 2], dilations: &[], pads: &[1, 1, 1, 1] };
    let dt = best(5, &mut || max_pool(&x, &xs, &p, &mut y, &ys))?;
    println!("max 3x3/2 on 64x112x112: {:.3} ms", dt * 1e3);
    let dt = best(5, &mut || avg_pool(&x, &xs, &p, true, &mut y, &ys))?;
    println!("avg 3x3/2 on 64x112x112: {:.3} ms", dt * 1e3);
    Ok(())
}
