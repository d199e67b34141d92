//! Whole-network convolution sets through the generic `conv` entry point: VGG-19's sixteen 3x3
//! convolutions at batch 1 (about 19.6 GMACs) and a ResNet-style mix (the stem, a strided 3x3,
//! pointwise and a depthwise conv), the latter also through `conv_prepacked` where the weights
//! prepack. Prints milliseconds and GFLOP/s per convolution. A development tool for kernel work
//! (these were ignored tests in the convolution kernels); `conv_bench` times the fused entry points on
//! MobileNetV2's, ResNet-50's and YOLO's shapes.
//!
//! ```sh
//! cargo run --release -p ronn-runtime --example conv_nets_bench [vgg|resnet]
//! ```

use ronn_runtime::kernels::conv::{conv, conv_prepacked, conv_scratch_len, prepack_weights, ConvParams};
use ronn_runtime::Error;
use std::time::Instant;

fn vgg19() -> Result<(), Error> {
    let cfg: [(usize, usize, usize); 16] = [
        (3, 64, 224),
        (64, 64, 224),
        (64, 128, 112),
        (128, 128, 112),
        (128, 256, 56),
        (256, 256, 56),
        (256, 256, 56),
        (256, 256, 56),
        (256, 512, 28),
        (512, 512, 28),
        (512, 512, 28),
        (512, 512, 28),
        (512, 512, 14),
        (512, 512, 14),
        (512, 512, 14),
        (512, 512, 14),
    ];
    let p = ConvParams { group: 1, strides: &[1, 1], dilations: &[1, 1], pads: &[1, 1, 1, 1] };
    let mut total = 0f64;
    let mut macs = 0f64;
    for (c, m, hw) in cfg {
        let (xs, ws, ys) = ([1, c, hw, hw], [m, c, 3, 3], [1, m, hw, hw]);
        let x = vec![0.5f32; c * hw * hw];
        let w = vec![0.01f32; m * c * 9];
        let b = vec![0.1f32; m];
        let mut y = vec![0.0f32; m * hw * hw];
        let mut scratch = vec![0.0f32; conv_scratch_len(&xs, &ws, &ys, &p)];
        // Warm up (page in the output and scratch), then time.
        conv(&x, &xs, &w, &ws, Some(&b), &p, &mut y, &ys, &mut scratch)?;
        let t = Instant::now();
        conv(&x, &xs, &w, &ws, Some(&b), &p, &mut y, &ys, &mut scratch)?;
        let mac = (c * 9 * m * hw * hw) as f64;
        macs += mac;
        let dt = t.elapsed().as_secs_f64();
        total += dt;
        println!(
            "{c:4}->{m:4} {hw:3}x{hw:<3} {:8.1} ms  {:6.1} GFLOP/s  scratch {}",
            dt * 1e3,
            2.0 * mac / dt / 1e9,
            scratch.len()
        );
    }
    println!("total {:.3} s for {:.2} GMACs ({:.1} GFLOP/s)", total, macs / 1e9, 2.0 * macs / total / 1e9);
    Ok(())
}

fn resnet_like() -> Result<(), Error> {
    /// x shape, w shape, y shape, group, strides, pads.
    type Case<'a> = (&'a [usize], &'a [usize], &'a [usize], usize, &'a [usize], &'a [usize]);
    let cases: [Case; 7] = [
        (&[1, 3, 224, 224], &[64, 3, 7, 7], &[1, 64, 112, 112], 1, &[2, 2], &[3, 3, 3, 3]),
        (&[1, 64, 56, 56], &[64, 64, 3, 3], &[1, 64, 56, 56], 1, &[1, 1], &[1, 1, 1, 1]),
        (&[1, 256, 14, 14], &[256, 256, 3, 3], &[1, 256, 14, 14], 1, &[1, 1], &[1, 1, 1, 1]),
        (&[1, 256, 56, 56], &[64, 256, 1, 1], &[1, 64, 56, 56], 1, &[1, 1], &[0, 0, 0, 0]),
        (&[1, 128, 56, 56], &[128, 128, 3, 3], &[1, 128, 28, 28], 1, &[2, 2], &[1, 1, 1, 1]),
        (&[1, 1024, 14, 14], &[2048, 1024, 1, 1], &[1, 2048, 7, 7], 1, &[2, 2], &[0, 0, 0, 0]),
        (&[1, 144, 56, 56], &[144, 1, 3, 3], &[1, 144, 56, 56], 144, &[1, 1], &[1, 1, 1, 1]),
    ];
    for (xs, ws, ys, g, s, pads) in cases {
        let p = ConvParams { group: g, strides: s, dilations: &[1, 1], pads };
        let x = vec![0.5f32; xs.iter().product()];
        let w = vec![0.01f32; ws.iter().product()];
        let mut y = vec![0.0f32; ys.iter().product()];
        let mut scratch = vec![0.0f32; conv_scratch_len(xs, ws, ys, &p)];
        conv(&x, xs, &w, ws, None, &p, &mut y, ys, &mut scratch)?;
        let mut dt = f64::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            conv(&x, xs, &w, ws, None, &p, &mut y, ys, &mut scratch)?;
            dt = dt.min(t.elapsed().as_secs_f64());
        }
        let mac = (ws.iter().product::<usize>() * ys[2] * ys[3]) as f64;
        println!("{xs:?} * {ws:?}: {:7.2} ms {:6.1} GFLOP/s", dt * 1e3, 2.0 * mac / dt / 1e9);
        if let Ok(packed) = prepack_weights(&w, ws, g) {
            let mut dt = f64::MAX;
            for _ in 0..5 {
                let t = Instant::now();
                conv_prepacked(&x, xs, &packed, ws, None, &p, &mut y, ys, &mut scratch)?;
                dt = dt.min(t.elapsed().as_secs_f64());
            }
            println!("  prepacked: {:7.2} ms {:6.1} GFLOP/s", dt * 1e3, 2.0 * mac / dt / 1e9);
        }
    }
    Ok(())
}

fn main() -> Result<(), Error> {
    let which = std::env::args().nth(1).unwrap_or_default();
    if which.is_empty() || which == "vgg" {
        vgg19()?;
    }
    if which.is_empty() || which == "resnet" {
        resnet_like()?;
    }
    Ok(())
}
