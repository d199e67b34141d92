//! Convolution kernels on MobileNetV2's, ResNet-50's, YOLO's and the keyword spotter's shapes:
//! pointwise convolutions through the prepacked GEMM, im2col ones and depthwise ones, as the
//! generated code calls them, with MobileNetV2's fused ReLU6. Prints microseconds per call and
//! GFLOP/s, the best of several runs; with `COLD=1` in the environment each call starts with
//! cold caches. A development tool for kernel work next to `ronnc build --profile`;
//! docs/benchmarks.md holds the model-level comparisons.
//!
//! Build it for this CPU, as generated crates are (otherwise the epilogues run as SSE2), in a
//! target folder of its own:
//!
//! ```sh
//! RUSTFLAGS="-C target-cpu=native" CARGO_TARGET_DIR=target/native \
//!     cargo run --release -p ronn-runtime --example conv_bench [FILTER] [THREADS]
//! ```

use ronn_runtime::kernels::conv::{conv_fused, conv_prepacked_fused, conv_scratch_len, prepack_weights, ConvParams};
use ronn_runtime::kernels::winograd;
use std::time::Instant;

/// (input channels, output channels, map height x width, kernel height x width, stride,
/// pads top/bottom and left/right, depthwise)
type Shape = (usize, usize, [usize; 2], [usize; 2], usize, [usize; 2], bool);

fn main() -> Result<(), ronn_runtime::Error> {
    let shapes: &[Shape] = &[
        (3, 32, [224, 224], [3, 3], 2, [1, 1], false),
        (3, 64, [224, 224], [3, 3], 2, [1, 1], false),
        (3, 64, [224, 224], [7, 7], 2, [3, 3], false),
        (3, 16, [320, 320], [3, 3], 2, [1, 1], false),
        (16, 32, [160, 160], [3, 3], 2, [1, 1], false),
        (32, 64, [80, 80], [3, 3], 2, [1, 1], false),
        (64, 128, [40, 40], [3, 3], 2, [1, 1], false),
        (128, 256, [20, 20], [3, 3], 2, [1, 1], false),
        (128, 128, [56, 56], [3, 3], 2, [1, 1], false),
        (256, 512, [56, 56], [1, 1], 2, [0, 0], false),
        (32, 16, [112, 112], [1, 1], 1, [0, 0], false),
        (256, 64, [56, 56], [1, 1], 1, [0, 0], false),
        (512, 128, [28, 28], [1, 1], 1, [0, 0], false),
        (1024, 256, [14, 14], [1, 1], 1, [0, 0], false),
        (16, 96, [112, 112], [1, 1], 1, [0, 0], false),
        (96, 24, [56, 56], [1, 1], 1, [0, 0], false),
        (144, 24, [56, 56], [1, 1], 1, [0, 0], false),
        (24, 144, [56, 56], [1, 1], 1, [0, 0], false),
        (144, 32, [28, 28], [1, 1], 1, [0, 0], false),
        (192, 32, [28, 28], [1, 1], 1, [0, 0], false),
        (32, 192, [28, 28], [1, 1], 1, [0, 0], false),
        (384, 64, [14, 14], [1, 1], 1, [0, 0], false),
        (64, 384, [14, 14], [1, 1], 1, [0, 0], false),
        (576, 96, [14, 14], [1, 1], 1, [0, 0], false),
        (96, 576, [14, 14], [1, 1], 1, [0, 0], false),
        (960, 160, [7, 7], [1, 1], 1, [0, 0], false),
        (160, 960, [7, 7], [1, 1], 1, [0, 0], false),
        (960, 320, [7, 7], [1, 1], 1, [0, 0], false),
        (512, 1000, [13, 13], [1, 1], 1, [0, 0], false),
        (512, 2048, [7, 7], [1, 1], 1, [0, 0], false),
        (2048, 512, [7, 7], [1, 1], 1, [0, 0], false),
        (320, 1280, [7, 7], [1, 1], 1, [0, 0], false),
        (32, 32, [112, 112], [3, 3], 1, [1, 1], true),
        (96, 96, [112, 112], [3, 3], 2, [1, 1], true),
        (144, 144, [56, 56], [3, 3], 1, [1, 1], true),
        (192, 192, [28, 28], [3, 3], 1, [1, 1], true),
        (576, 576, [14, 14], [3, 3], 1, [1, 1], true),
        (576, 576, [14, 14], [3, 3], 2, [1, 1], true),
        (960, 960, [7, 7], [3, 3], 1, [1, 1], true),
        // 3x3 stride-1 convolutions of YOLO and SqueezeNet on small maps, where both the
        // Winograd path and im2col take them (both are printed).
        (16, 16, [80, 80], [3, 3], 1, [1, 1], false),
        (32, 32, [40, 40], [3, 3], 1, [1, 1], false),
        (64, 64, [20, 20], [3, 3], 1, [1, 1], false),
        (128, 128, [10, 10], [3, 3], 1, [1, 1], false),
        (16, 64, [55, 55], [3, 3], 1, [1, 1], false),
        (32, 128, [27, 27], [3, 3], 1, [1, 1], false),
        (48, 192, [13, 13], [3, 3], 1, [1, 1], false),
        (64, 256, [13, 13], [3, 3], 1, [1, 1], false),
        (64, 64, [56, 56], [3, 3], 1, [1, 1], false),
        (256, 256, [14, 14], [3, 3], 1, [1, 1], false),
        // The keyword spotter (DS-CNN) on its 49x10 MFCC frames and 25x5 maps.
        (1, 64, [49, 10], [10, 4], 2, [5, 1], false),
        (64, 64, [25, 5], [1, 1], 1, [0, 0], false),
        (64, 64, [25, 5], [3, 3], 1, [1, 1], true),
    ];
    let filter = std::env::args().nth(1).unwrap_or_default();
    let threads = std::env::args().nth(2).and_then(|t| t.parse().ok()).unwrap_or(1);
    ronn_runtime::threads::set_threads(threads);
    let cold = std::env::var_os("COLD").is_some();
    for &(c, m, [h, w], [kh, kw], s, [ph, pw], depthwise) in shapes {
        let name = format!("{} {c}->{m} {h}x{w} k{kh}x{kw} s{s}", if depthwise { "dw" } else { "conv" });
        if !name.contains(&filter) {
            continue;
        }
        let (oh, ow) = ((h + 2 * ph - kh) / s + 1, (w + 2 * pw - kw) / s + 1);
        let group = if depthwise { c } else { 1 };
        let (xs, ws, ys) = ([1, c, h, w], [m, c / group, kh, kw], [1, m, oh, ow]);
        let x: Vec<f32> = (0..c * h * w).map(|i| (i % 13) as f32 * 0.1 - 0.6).collect();
        let w: Vec<f32> = (0..ws.iter().product::<usize>()).map(|i| (i % 7) as f32 * 0.1 - 0.3).collect();
        let bias: Vec<f32> = (0..m).map(|i| i as f32 * 0.01).collect();
        let p = ConvParams { group, strides: &[s, s], dilations: &[1, 1], pads: &[ph, pw, ph, pw] };
        let mut scratch = vec![0f32; conv_scratch_len(&xs, &ws, &ys, &p).max(winograd::scratch_len(&xs, &ws, &p, &ys))];
        let mut y = vec![0f32; m * oh * ow];
        let packed = if depthwise { None } else { Some(prepack_weights(&w, &ws, group)?) };
        let relu6 = |v: f32, _: [f32; 0]| v.clamp(0.0, 6.0);
        let flop = 2.0 * (m * oh * ow * (c / group) * kh * kw) as f64;
        let reps = ((5e7 / flop) as usize).clamp(3, 20_000);
        let mut im2col = || match &packed {
            Some(pw) => conv_prepacked_fused(&x, &xs, pw, &ws, Some(&bias), &p, &mut y, &ys, &mut scratch, [], relu6),
            None => conv_fused(&x, &xs, &w, &ws, Some(&bias), &p, &mut y, &ys, &mut scratch, [], relu6),
        };
        let best = best_time(&mut im2col, reps, cold)?;
        println!("{name:<30} {:>8.1} us  {:>6.1} GFLOP/s", best * 1e6, flop / best / 1e9);
        // 3x3 stride-1 convolutions the Winograd path takes: that path too, as the compiler
        // would choose it.
        if let Some(tile) = winograd::tile_for(&xs, &ws, &p, &ys).filter(|_| !depthwise) {
            let u = winograd::transform_weights(&w, &ws, tile)?;
            let mut wino = || {
                winograd::conv_winograd_fused(&x, &xs, &u, &ws, Some(&bias), &p, &mut y, &ys, &mut scratch, [], relu6)
            };
            let best = best_time(&mut wino, reps, cold)?;
            println!(
                "{:<30} {:>8.1} us  {:>6.1} GFLOP/s (direct-equivalent)",
                format!("  winograd F({tile}x{tile})"),
                best * 1e6,
                flop / best / 1e9
            );
        }
    }
    Ok(())
}

/// The best seconds per call of `call`: of 25 rounds of `reps` calls, or with `cold`, of 20
/// calls each after the caches were flushed (a 64 MB sweep), as a model's layer meets its
/// input after the layers before it ran.
fn best_time(
    call: &mut dyn FnMut() -> Result<(), ronn_runtime::Error>,
    reps: usize,
    cold: bool,
) -> Result<f64, ronn_runtime::Error> {
    let mut best = f64::MAX;
    if cold {
        let mut sweep = vec![0u8; 64 << 20];
        for round in 0..20 {
            sweep.iter_mut().for_each(|b| *b = b.wrapping_add(round));
            let t = Instant::now();
            call()?;
            best = best.min(t.elapsed().as_secs_f64());
        }
        std::hint::black_box(&sweep);
    } else {
        for _ in 0..25 {
            let t = Instant::now();
            for _ in 0..reps {
                call()?;
            }
            best = best.min(t.elapsed().as_secs_f64() / reps as f64);
        }
    }
    Ok(best)
}
