//! The prepacked GEMMs (`kernels::prepacked`): the product with a packed left operand (conv
//! weights, `gemm`) and with a packed right operand (MatMul weights, `gemm_rhs`) on a few model
//! shapes. Prints GFLOP/s of each, the best of five runs. A development tool for kernel work
//! (it was an ignored test in `kernels/gemm/prepacked.rs`); `gemm_bench` times the unpacked `matmul`.
//!
//! ```sh
//! cargo run --release -p ronn-runtime --example packed_gemm_bench
//! ```

use ronn_runtime::kernels::prepacked::{gemm, gemm_rhs, pack, pack_rhs, packed_len, packed_rhs_len};
use std::time::Instant;

/// The best of five timings of `f`, in seconds.
fn best(f: &mut dyn FnMut() -> Result<(), ronn_runtime::Error>) -> Result<f64, ronn_runtime::Error> {
    let mut dt = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        f()?;
        dt = dt.min(t.elapsed().as_secs_f64());
    }
    Ok(dt)
}

fn main() -> Result<(), ronn_runtime::Error> {
    for (m, k, n) in [(1024, 1024, 1024), (128, 768, 3072), (64, 576, 3136), (512, 4608, 49), (1, 768, 3072)] {
        let (a, b) = (vec![0.5f32; m * k], vec![0.25f32; k * n]);
        let mut c = vec![0f32; m * n];
        let (mut pa, mut pb) = (vec![0f32; packed_len(m, k)], vec![0f32; packed_rhs_len(k, n)]);
        pack(&a, m, k, &mut pa)?;
        pack_rhs(&b, k, n, &mut pb)?;
        let flop = 2.0 * (m * k * n) as f64;
        let tl = best(&mut || gemm(&pa, m, k, n, &b, n, None, &mut c, n, None))?;
        let tr = best(&mut || gemm_rhs(m, k, n, &a, k, &pb, &mut c, n))?;
        println!("{m}x{k}x{n}: packed a {:.1} GFLOP/s, packed b {:.1} GFLOP/s", flop / tl / 1e9, flop / tr / 1e9);
    }
    Ok(())
}
