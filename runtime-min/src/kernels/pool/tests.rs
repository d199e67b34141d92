//! Tests of pooling against onnxruntime's loops written out literally (2-D) and a direct N-d
//! reference: every fast path, ceil-mode windows, pads, dilations, indices.

use super::*;

/// Naive reference following onnxruntime's AveragePool / MaxPool loops literally, 2-D.
#[allow(clippy::too_many_arguments)]
fn naive_2d(
    x: &[f64],
    h: usize,
    w: usize,
    k: [usize; 2],
    s: [usize; 2],
    dl: [usize; 2],
    pads: [usize; 4],
    oh: usize,
    ow: usize,
    avg: bool,
    cip: bool,
) -> Vec<f64> {
    let mut y = vec![0.0; oh * ow];
    for ph in 0..oh {
        let hs = (ph * s[0]) as i64 - pads[0] as i64;
        let mut he = hs + (k[0] * dl[0]) as i64;
        for pw in 0..ow {
            let ws = (pw * s[1]) as i64 - pads[1] as i64;
            let mut we = ws + (k[1] * dl[1]) as i64;
            if avg {
                he = he.min((h + pads[2]) as i64);
                we = we.min((w + pads[3]) as i64);
            }
            let mut acc = if avg { 0.0 } else { f64::NEG_INFINITY };
            let mut n = 0;
            let mut hh = hs;
            while hh < he {
                let mut ww = ws;
                while ww < we {
                    if hh >= 0 && (hh as usize) < h && ww >= 0 && (ww as usize) < w {
                        let v = x[hh as usize * w + ww as usize];
                        if avg {
                            acc += v;
                        } else if v > acc {
                            acc = v;
                        }
                        n += 1;
                    }
                    ww += dl[1] as i64;
                }
                hh += dl[0] as i64;
            }
            if avg && n > 0 {
                let div = if cip {
                    ((1 + (he - hs - 1) / dl[0] as i64) * (1 + (we - ws - 1) / dl[1] as i64)) as f64
                } else {
                    n as f64
                };
                acc /= div;
            }
            y[ph * ow + pw] = acc;
        }
    }
    y
}

fn out_len(i: usize, k: usize, s: usize, dl: usize, pb: usize, pe: usize, ceil: bool) -> usize {
    let span = (k - 1) * dl + 1;
    let num = i + pb + pe - span;
    let mut o = if ceil { num.div_ceil(s) + 1 } else { num / s + 1 };
    // As onnxruntime / PyTorch: the last window must start inside the input or left pad.
    if ceil && (o - 1) * s >= i + pb {
        o -= 1;
    }
    o
}

/// A seeded generator of integers below `n`.
fn rng(mut seed: u64) -> impl FnMut(u64) -> u64 {
    move |n| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % n
    }
}

#[test]
fn pool_2d_matches_naive() {
    let mut rnd = rng(12345);
    let mut empty_windows = 0;
    for _ in 0..300 {
        // Some rows wider than one lane block of the vectorised path.
        let (h, w) = (1 + rnd(9) as usize, if rnd(4) == 0 { 1 + rnd(200) as usize } else { 1 + rnd(9) as usize });
        let k = [1 + rnd(3) as usize, 1 + rnd(3) as usize];
        let s = [1 + rnd(3) as usize, 1 + rnd(3) as usize];
        let dl = [1 + rnd(2) as usize, 1 + rnd(2) as usize];
        let pads = [
            rnd(k[0] as u64) as usize,
            rnd(k[1] as u64) as usize,
            rnd(k[0] as u64) as usize,
            rnd(k[1] as u64) as usize,
        ];
        if h + pads[0] + pads[2] < (k[0] - 1) * dl[0] + 1 || w + pads[1] + pads[3] < (k[1] - 1) * dl[1] + 1 {
            continue;
        }
        let ceil = rnd(2) == 1;
        let oh = out_len(h, k[0], s[0], dl[0], pads[0], pads[2], ceil);
        let ow = out_len(w, k[1], s[1], dl[1], pads[1], pads[3], ceil);
        let x: Vec<f64> = (0..2 * h * w).map(|_| rnd(1000) as f64 / 7.0 - 50.0).collect();
        let p = PoolParams { kernel: &k, strides: &s, dilations: &dl, pads: &pads };
        let xs = [1, 2, h, w];
        let ys = [1, 2, oh, ow];
        let mut y = vec![0.0; 2 * oh * ow];
        let r = max_pool(&x, &xs, &p, &mut y, &ys);
        for c in 0..2 {
            let want = naive_2d(&x[c * h * w..(c + 1) * h * w], h, w, k, s, dl, pads, oh, ow, false, false);
            if want.contains(&f64::NEG_INFINITY) {
                // A dilated window that only touches padding: onnxruntime writes `lowest`.
                assert!(r.is_err());
                empty_windows += 1;
            } else {
                assert_eq!(&y[c * oh * ow..(c + 1) * oh * ow], &want[..]);
            }
        }
        for cip in [false, true] {
            avg_pool(&x, &xs, &p, cip, &mut y, &ys).unwrap();
            for c in 0..2 {
                let want = naive_2d(&x[c * h * w..(c + 1) * h * w], h, w, k, s, dl, pads, oh, ow, true, cip);
                for (a, b) in y[c * oh * ow..(c + 1) * oh * ow].iter().zip(&want) {
                    assert!(
                        (a - b).abs() < 1e-9,
                        "{a} {b} h{h} w{w} k{k:?} s{s:?} dl{dl:?} pads{pads:?} ceil{ceil} cip{cip}"
                    );
                }
            }
        }
    }
    assert!(empty_windows < 30, "{empty_windows} cases with empty windows");
}

/// Max-pools three random `h x w` planes (NaN one value in `nan_every`, +0 and -0 as
/// often) as f32, which takes the AVX-512 paths where the CPU has them, and as f64, which
/// takes the generic lane loop, and asserts the same bits. `false` where the window does
/// not fit or a window covers no input (both refuse alike).
#[allow(clippy::too_many_arguments)]
fn f32_pool_matches_generic(
    rnd: &mut impl FnMut(u64) -> u64,
    h: usize,
    w: usize,
    k: [usize; 2],
    s: [usize; 2],
    dl: [usize; 2],
    pads: [usize; 4],
    ceil: bool,
    nan_every: u64,
) -> bool {
    if h + pads[0] + pads[2] < (k[0] - 1) * dl[0] + 1 || w + pads[1] + pads[3] < (k[1] - 1) * dl[1] + 1 {
        return false;
    }
    let (oh, ow) =
        (out_len(h, k[0], s[0], dl[0], pads[0], pads[2], ceil), out_len(w, k[1], s[1], dl[1], pads[1], pads[3], ceil));
    let x: Vec<f64> = (0..3 * h * w)
        .map(|_| match rnd(nan_every) {
            0 => f64::NAN,
            1 => 0.0,
            2 => -0.0,
            _ => rnd(1000) as f64 / 8.0 - 60.0,
        })
        .collect();
    let x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let p = PoolParams { kernel: &k, strides: &s, dilations: &dl, pads: &pads };
    let (xs, ys) = ([1, 3, h, w], [1, 3, oh, ow]);
    let (mut y, mut y32) = (vec![0.0; 3 * oh * ow], vec![0.0f32; 3 * oh * ow]);
    if max_pool(&x, &xs, &p, &mut y, &ys).is_err() {
        assert!(max_pool(&x32, &xs, &p, &mut y32, &ys).is_err());
        return false;
    }
    max_pool(&x32, &xs, &p, &mut y32, &ys).unwrap();
    for (i, (&a, &b)) in y32.iter().zip(&y).enumerate() {
        assert_eq!(
            a.to_bits(),
            (b as f32).to_bits(),
            "at {i}: {a} vs {b}: {h}x{w} k{k:?} s{s:?} dl{dl:?} pads{pads:?} ceil{ceil}"
        );
    }
    true
}

#[test]
fn f32_rows_match_the_generic_path_nan_and_zeros_included() {
    // Rows wider than several vectors, strides 1 and 2, windows up to 5x5, dilations and
    // pads.
    let mut rnd = rng(777);
    let mut compared = 0;
    for _ in 0..200 {
        let (h, w) = (1 + rnd(12) as usize, 1 + rnd(90) as usize);
        let k = [1 + rnd(5) as usize, 1 + rnd(5) as usize];
        let (s, dl) = ([1 + rnd(2) as usize, 1 + rnd(2) as usize], [1 + rnd(2) as usize, 1 + rnd(2) as usize]);
        let pads = [
            rnd(k[0] as u64) as usize,
            rnd(k[1] as u64) as usize,
            rnd(k[0] as u64) as usize,
            rnd(k[1] as u64) as usize,
        ];
        let ceil = rnd(2) == 1;
        compared += usize::from(f32_pool_matches_generic(&mut rnd, h, w, k, s, dl, pads, ceil, 40));
    }
    assert!(compared > 150, "{compared} cases compared");
}

#[test]
fn f32_square_windows_match_the_generic_path_nan_and_zeros_included() {
    // The per-row chains of the 2x2, 3x3 and 5x5 windows (`pool_avx512::square_row`, and
    // the rows 3x3 stride-2 windows share, `shared_rows_3x3_s2`): a
    // NaN or a zero of either sign at the start of a later window row must not change
    // which value wins, so NaNs and zeros are dense here (one value in 6 each).
    let mut rnd = rng(4242);
    let mut compared = 0;
    for case in 0..150 {
        let k = [2, 3, 5][case % 3];
        let (h, w) = (k + rnd(14) as usize, k + rnd(60) as usize);
        let s = 1 + rnd(2) as usize;
        let pads = [rnd(k as u64) as usize, rnd(k as u64) as usize, rnd(k as u64) as usize, rnd(k as u64) as usize];
        compared += usize::from(f32_pool_matches_generic(&mut rnd, h, w, [k, k], [s, s], [1, 1], pads, false, 6));
    }
    assert!(compared > 140, "{compared} cases compared");
}

#[test]
fn ceil_mode_corner_cases_by_hand() {
    // 1-D input [1..=5], kernel 2, stride 2, ceil mode: windows [1,2], [3,4], [5 | past end].
    let x = [1.0f32, 2.0, 3.0, 4.0, 5.0];
    let p = PoolParams { kernel: &[2], strides: &[2], dilations: &[], pads: &[] };
    let mut y = [0.0f32; 3];
    max_pool(&x, &[1, 1, 5], &p, &mut y, &[1, 1, 3]).unwrap();
    assert_eq!(y, [2.0, 4.0, 5.0]);
    avg_pool(&x, &[1, 1, 5], &p, false, &mut y, &[1, 1, 3]).unwrap();
    assert_eq!(y, [1.5, 3.5, 5.0]);
    // The clipped tail lies past input + pads, so it does not count even with pads counted.
    avg_pool(&x, &[1, 1, 5], &p, true, &mut y, &[1, 1, 3]).unwrap();
    assert_eq!(y, [1.5, 3.5, 5.0]);
    // Kernel 3, stride 2, pads [1, 1]: windows [-1..1], [1..3], [3..5] where 5 is the pad.
    let p = PoolParams { kernel: &[3], strides: &[2], dilations: &[1], pads: &[1, 1] };
    avg_pool(&x, &[1, 1, 5], &p, true, &mut y, &[1, 1, 3]).unwrap();
    assert_eq!(y, [3.0 / 3.0, 9.0 / 3.0, 9.0 / 3.0]);
    avg_pool(&x, &[1, 1, 5], &p, false, &mut y, &[1, 1, 3]).unwrap();
    assert_eq!(y, [1.5, 3.0, 4.5]);
    // Ceil mode with pads [1, 1] on 6 inputs: 4 outputs; the last window [5..7] holds x[5],
    // the end pad (6) and a clipped position (7) that counts for neither divisor.
    let x = [1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0];
    let mut y = [0.0f32; 4];
    let p = PoolParams { kernel: &[3], strides: &[2], dilations: &[1], pads: &[1, 1] };
    avg_pool(&x, &[1, 1, 6], &p, true, &mut y, &[1, 1, 4]).unwrap();
    assert_eq!(y, [1.0, 3.0, 5.0, 3.0]);
    avg_pool(&x, &[1, 1, 6], &p, false, &mut y, &[1, 1, 4]).unwrap();
    assert_eq!(y, [1.5, 3.0, 5.0, 6.0]);
    max_pool(&x, &[1, 1, 6], &p, &mut y, &[1, 1, 4]).unwrap();
    assert_eq!(y, [2.0, 4.0, 6.0, 6.0]);
}

#[test]
fn pool_3d_and_1d_and_errors() {
    // 3-D global-ish average equals the mean.
    let x: Vec<f32> = (0..24).map(|v| v as f32).collect();
    let p = PoolParams { kernel: &[2, 3, 4], strides: &[], dilations: &[], pads: &[] };
    let mut y = [0.0f32; 1];
    avg_pool(&x, &[1, 1, 2, 3, 4], &p, false, &mut y, &[1, 1, 1, 1, 1]).unwrap();
    assert_eq!(y, [11.5]);
    max_pool(&x, &[1, 1, 2, 3, 4], &p, &mut y, &[1, 1, 1, 1, 1]).unwrap();
    assert_eq!(y, [23.0]);
    let p = PoolParams { kernel: &[1, 2, 2], strides: &[1, 1, 2], dilations: &[], pads: &[] };
    let mut y = [0i32; 8];
    let xi: Vec<i32> = (0..24).collect();
    max_pool(&xi, &[1, 1, 2, 3, 4], &p, &mut y, &[1, 1, 2, 2, 2]).unwrap();
    assert_eq!(y, [5, 7, 9, 11, 17, 19, 21, 23]);
    let p = PoolParams { kernel: &[2, 2], strides: &[], dilations: &[], pads: &[] };
    assert!(max_pool(&x, &[1, 1, 4, 6], &p, &mut [0.0; 15], &[1, 2, 3, 5]).is_err());
    assert!(max_pool(&x, &[1, 1, 4, 6], &p, &mut [0.0; 14], &[1, 1, 3, 5]).is_err());
    let p = PoolParams { kernel: &[2], strides: &[], dilations: &[], pads: &[] };
    assert!(max_pool(&x, &[1, 1, 4, 6], &p, &mut [0.0; 15], &[1, 1, 3, 5]).is_err());
    // An all-pad window is an error for max, zero for average.
    let p = PoolParams { kernel: &[1], strides: &[3], dilations: &[], pads: &[] };
    assert!(max_pool(&x[..5], &[1, 1, 5], &p, &mut [0.0; 3], &[1, 1, 3]).is_err());
    let mut y = [9.0f32; 3];
    avg_pool(&x[..5], &[1, 1, 5], &p, true, &mut y, &[1, 1, 3]).unwrap();
    assert_eq!(y, [0.0, 3.0, 0.0]);
}
