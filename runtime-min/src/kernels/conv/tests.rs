//! Tests of the convolution paths against a naive N-d convolution in f64: random shapes,
//! every path (pointwise, im2col, phased, depthwise register, phase-plane and general), fused
//! epilogues, one thread and two.

use super::depthwise::registers;
use super::geometry::Geom;
use super::*;

/// Direct convolution straight from the ONNX definition, any spatial rank.
#[allow(clippy::too_many_arguments)]
fn naive(
    x: &[f64],
    xs: &[usize],
    w: &[f64],
    ws: &[usize],
    b: Option<&[f64]>,
    g: usize,
    s: &[usize],
    dl: &[usize],
    pads: &[usize],
    ys: &[usize],
) -> Vec<f64> {
    let d = xs.len() - 2;
    let (n, c, m) = (xs[0], xs[1], ws[0]);
    let (cg, mg) = (c / g, m / g);
    let out_sp = &ys[2..];
    let out_size: usize = out_sp.iter().product();
    let k_size: usize = ws[2..].iter().product();
    let in_size: usize = xs[2..].iter().product();
    let unravel = |mut i: usize, sh: &[usize]| {
        let mut v = vec![0; sh.len()];
        for a in (0..sh.len()).rev() {
            v[a] = i % sh[a];
            i /= sh[a];
        }
        v
    };
    let mut y = vec![0.0; n * m * out_size];
    for nn in 0..n {
        for mm in 0..m {
            let gi = mm / mg;
            for o in 0..out_size {
                let oc = unravel(o, out_sp);
                let mut acc = b.map_or(0.0, |b| b[mm]);
                for ci in 0..cg {
                    let ch = gi * cg + ci;
                    for k in 0..k_size {
                        let kc = unravel(k, &ws[2..]);
                        let mut off = 0usize;
                        let mut inside = true;
                        for j in 0..d {
                            let pos = (oc[j] * s[j] + kc[j] * dl[j]) as i64 - pads[j] as i64;
                            if pos < 0 || pos >= xs[2 + j] as i64 {
                                inside = false;
                            }
                            off = off * xs[2 + j] + pos.max(0) as usize;
                        }
                        if inside {
                            acc += x[(nn * c + ch) * in_size + off] * w[(mm * cg + ci) * k_size + k];
                        }
                    }
                }
                y[(nn * m + mm) * out_size + o] = acc;
            }
        }
    }
    y
}

struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
    fn val(&mut self) -> f64 {
        self.next(2001) as f64 / 1000.0 - 1.0
    }
}

/// Runs one random case through `conv` (f64 and f32) and the naive reference.
fn run_case(rng: &mut Rng, d: usize, depthwise: bool) -> bool {
    let g = if depthwise { 1 + rng.next(4) } else { 1 + rng.next(3) };
    let cg = if depthwise { 1 } else { 1 + rng.next(3) };
    let mg = if depthwise { 1 } else { 1 + rng.next(3) };
    let (n, c, m) = (1 + rng.next(2), g * cg, g * mg);
    let mut xs = vec![n, c];
    let mut ws = vec![m, cg];
    let mut ys = vec![n, m];
    let (mut s, mut dl, mut pb, mut pe) = (vec![], vec![], vec![], vec![]);
    for _ in 0..d {
        // Depthwise kernels up to 7 wide reach the unrolled 5- and 7-tap rows too.
        let (i, k) = if depthwise { (1 + rng.next(14), 1 + rng.next(7)) } else { (1 + rng.next(7), 1 + rng.next(3)) };
        let (st, di) = (1 + rng.next(3), 1 + rng.next(2));
        let (b, e) = (rng.next(3), rng.next(3));
        let span = (k - 1) * di + 1;
        if i + b + e < span {
            return false;
        }
        xs.push(i);
        ws.push(k);
        ys.push((i + b + e - span) / st + 1);
        s.push(st);
        dl.push(di);
        pb.push(b);
        pe.push(e);
    }
    let pads: Vec<usize> = pb.iter().chain(&pe).copied().collect();
    let x: Vec<f64> = (0..xs.iter().product()).map(|_| rng.val()).collect();
    let w: Vec<f64> = (0..ws.iter().product()).map(|_| rng.val()).collect();
    let b: Vec<f64> = (0..m).map(|_| rng.val()).collect();
    let use_bias = rng.next(2) == 1;
    let bias = use_bias.then_some(&b[..]);
    let want = naive(&x, &xs, &w, &ws, bias, g, &s, &dl, &pads, &ys);
    let p = ConvParams { group: g, strides: &s, dilations: &dl, pads: &pads };
    let sl = conv_scratch_len(&xs, &ws, &ys, &p);
    if depthwise {
        assert_eq!(sl, 0);
    }
    let mut scratch = vec![f64::NAN; sl];
    let mut y = vec![f64::NAN; want.len()];
    conv(&x, &xs, &w, &ws, bias, &p, &mut y, &ys, &mut scratch).unwrap();
    for (a, e) in y.iter().zip(&want) {
        assert!((a - e).abs() < 1e-9, "{a} vs {e}: x{xs:?} w{ws:?} g{g} s{s:?} d{dl:?} p{pads:?}");
    }
    let xf: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let wf: Vec<f32> = w.iter().map(|&v| v as f32).collect();
    let bf: Vec<f32> = b.iter().map(|&v| v as f32).collect();
    let mut scratch = vec![f32::NAN; sl];
    let mut yf = vec![f32::NAN; want.len()];
    conv(&xf, &xs, &wf, &ws, use_bias.then_some(&bf[..]), &p, &mut yf, &ys, &mut scratch).unwrap();
    for (a, e) in yf.iter().zip(&want) {
        assert!((*a as f64 - e).abs() < 1e-4);
    }
    // The same with the weights packed as the compiler packs them (not for depthwise).
    match prepack_weights(&wf, &ws, g) {
        Ok(packed) => {
            let mut yp = vec![f32::NAN; want.len()];
            conv_prepacked(&xf, &xs, &packed, &ws, use_bias.then_some(&bf[..]), &p, &mut yp, &ys, &mut scratch)
                .unwrap();
            for (a, e) in yp.iter().zip(&want) {
                assert!((*a as f64 - e).abs() < 1e-4, "prepacked: {a} vs {e}: x{xs:?} w{ws:?} g{g}");
            }
            // A fused epilogue: a residual shaped like y, a per-channel scale and (for the
            // separate pass) an operand along the last axis.
            let res: Vec<f32> = (0..want.len()).map(|i| (i % 7) as f32 - 3.0).collect();
            let scale: Vec<f32> = (0..m).map(|i| 0.5 + i as f32).collect();
            let last: Vec<f32> = (0..ys[ys.len() - 1]).map(|i| i as f32).collect();
            let cs: Vec<usize> = [m].into_iter().chain(vec![1; d]).collect();
            let f = |a: f32, v: [f32; 2]| (a + v[0]).max(0.0) * v[1];
            for (third, shape) in [(&scale, &cs[..]), (&last, &ys[ys.len() - 1..])] {
                let mut yf = vec![f32::NAN; want.len()];
                conv_prepacked_fused(
                    &xf,
                    &xs,
                    &packed,
                    &ws,
                    use_bias.then_some(&bf[..]),
                    &p,
                    &mut yf,
                    &ys,
                    &mut scratch,
                    [(&res[..], &ys[..]), (&third[..], shape)],
                    f,
                )
                .unwrap();
                let mut expect = yp.clone();
                crate::kernels::elementwise::fused_in_place(
                    &mut expect,
                    &ys,
                    [(&res[..], &ys[..]), (&third[..], shape)],
                    f,
                )
                .unwrap();
                assert_eq!(yf, expect, "fused epilogue: x{xs:?} w{ws:?} g{g} third{shape:?}");
            }
        }
        Err(_) => assert!(g == c && m == c, "only depthwise weights stay unpacked: w{ws:?} g{g}"),
    }
    // A fused epilogue on the plain path (depthwise: inside the kernel) matches a pass
    // over the output afterwards.
    let res: Vec<f32> = (0..want.len()).map(|i| (i % 5) as f32 - 2.0).collect();
    let scale: Vec<f32> = (0..m).map(|i| 0.25 + i as f32).collect();
    let cs: Vec<usize> = [m].into_iter().chain(vec![1; d]).collect();
    let f = |a: f32, v: [f32; 2]| (a * v[1] + v[0]).min(6.0);
    let mut fused = vec![f32::NAN; want.len()];
    conv_fused(
        &xf,
        &xs,
        &wf,
        &ws,
        use_bias.then_some(&bf[..]),
        &p,
        &mut fused,
        &ys,
        &mut scratch,
        [(&res[..], &ys[..]), (&scale[..], &cs[..])],
        f,
    )
    .unwrap();
    let mut expect = yf.clone();
    crate::kernels::elementwise::fused_in_place(&mut expect, &ys, [(&res[..], &ys[..]), (&scale[..], &cs[..])], f)
        .unwrap();
    assert_eq!(fused, expect, "fused epilogue: x{xs:?} w{ws:?} g{g}");
    true
}

/// The im2col-free path (`conv_phased`): every stride pair it takes, uneven pads, panels
/// with full, padded and narrow tails, tiles across rows, more taps than one block of k,
/// a fused epilogue, on one thread and two.
#[test]
fn phased_path_matches_naive() {
    let mut rng = Rng(11);
    /// (x, w, strides, pads)
    type Case = ([usize; 4], [usize; 4], [usize; 2], [usize; 4]);
    // The last two go in several bands of rows (their phase planes exceed one band's).
    let cases: [Case; 9] = [
        ([1, 16, 20, 20], [32, 16, 3, 3], [2, 2], [1, 1, 1, 1]),
        ([1, 3, 21, 20], [16, 3, 3, 3], [2, 2], [1, 1, 1, 1]),
        ([1, 4, 23, 17], [13, 4, 3, 3], [2, 2], [0, 1, 1, 0]),
        ([2, 6, 11, 13], [4, 6, 3, 2], [1, 2], [2, 0, 1, 1]),
        ([1, 32, 9, 10], [28, 32, 3, 3], [2, 1], [1, 1, 1, 1]),
        ([1, 1, 49, 10], [64, 1, 10, 4], [2, 2], [4, 1, 5, 2]),
        ([1, 8, 12, 12], [6, 8, 5, 5], [1, 1], [2, 2, 2, 2]),
        ([1, 64, 40, 40], [8, 64, 3, 3], [1, 1], [1, 1, 1, 1]),
        ([1, 32, 90, 90], [16, 32, 3, 3], [2, 2], [1, 1, 1, 1]),
    ];
    for threads in [1, 2] {
        let _threads = crate::threads::limit_threads(threads);
        for (xs, ws, st, pads) in cases {
            let ys = [
                xs[0],
                ws[0],
                (xs[2] + pads[0] + pads[2] - ws[2]) / st[0] + 1,
                (xs[3] + pads[1] + pads[3] - ws[3]) / st[1] + 1,
            ];
            let p = ConvParams { group: 1, strides: &st, dilations: &[1, 1], pads: &pads };
            let geo = Geom::new(&xs, &ws, &ys, &p).unwrap();
            assert!(geo.phased().is_some(), "x{xs:?} w{ws:?}: the path should take it");
            let x: Vec<f64> = (0..xs.iter().product()).map(|_| rng.val()).collect();
            let w: Vec<f64> = (0..ws.iter().product()).map(|_| rng.val()).collect();
            let b: Vec<f64> = (0..ws[0]).map(|_| rng.val()).collect();
            let want = naive(&x, &xs, &w, &ws, Some(&b), 1, &st, &[1, 1], &pads, &ys);
            let (xf, wf, bf): (Vec<f32>, Vec<f32>, Vec<f32>) = (
                x.iter().map(|&v| v as f32).collect(),
                w.iter().map(|&v| v as f32).collect(),
                b.iter().map(|&v| v as f32).collect(),
            );
            let packed = prepack_weights(&wf, &ws, 1).unwrap();
            let mut scratch = vec![f32::NAN; conv_scratch_len(&xs, &ws, &ys, &p)];
            let mut y = vec![f32::NAN; want.len()];
            conv_prepacked(&xf, &xs, &packed, &ws, Some(&bf), &p, &mut y, &ys, &mut scratch).unwrap();
            for (i, (a, e)) in y.iter().zip(&want).enumerate() {
                assert!(
                    (*a as f64 - e).abs() < 1e-4,
                    "output {i}: {a} vs {e}: x{xs:?} w{ws:?} s{st:?} p{pads:?} threads {threads}"
                );
            }
            // The epilogue inside the path gives what a pass afterwards gives.
            let res: Vec<f32> = (0..want.len()).map(|i| (i % 7) as f32 - 3.0).collect();
            let f = |a: f32, v: [f32; 1]| (a + v[0]).max(0.0);
            let mut fused = vec![f32::NAN; want.len()];
            conv_prepacked_fused(
                &xf,
                &xs,
                &packed,
                &ws,
                Some(&bf),
                &p,
                &mut fused,
                &ys,
                &mut scratch,
                [(&res[..], &ys[..])],
                f,
            )
            .unwrap();
            let mut expect = y.clone();
            crate::kernels::elementwise::fused_in_place(&mut expect, &ys, [(&res[..], &ys[..])], f).unwrap();
            assert_eq!(fused, expect, "fused epilogue: x{xs:?} w{ws:?} threads {threads}");
        }
    }
}

/// A clip epilogue applied by the kernels' stores gives, bit for bit, the stored outputs
/// clipped afterwards by ONNX Clip's steps: NaNs kept, `hi` winning over a larger `lo`, on every path (pointwise, im2col with one and several
/// blocks of k, the im2col-free one; full, padded and narrow panels; few last columns).
#[test]
fn clamped_stores_match_a_clip_afterwards() {
    let mut rng = Rng(13);
    /// (x, w, strides, dilations, pads)
    type Case = ([usize; 4], [usize; 4], [usize; 2], [usize; 2], [usize; 4]);
    let cases: [Case; 5] = [
        ([1, 16, 14, 14], [28, 16, 1, 1], [1, 1], [1, 1], [0; 4]),
        ([1, 40, 9, 11], [13, 40, 3, 3], [1, 1], [2, 2], [2, 2, 2, 2]),
        ([1, 8, 15, 15], [20, 8, 3, 3], [2, 2], [1, 1], [1, 1, 1, 1]),
        ([1, 300, 5, 7], [16, 300, 1, 1], [1, 1], [1, 1], [0; 4]),
        ([1, 64, 7, 7], [36, 64, 3, 3], [1, 1], [1, 1], [1, 1, 1, 1]),
    ];
    for (xs, ws, st, dl, pads) in cases {
        let ys = [
            1,
            ws[0],
            (xs[2] + pads[0] + pads[2] - dl[0] * (ws[2] - 1) - 1) / st[0] + 1,
            (xs[3] + pads[1] + pads[3] - dl[1] * (ws[3] - 1) - 1) / st[1] + 1,
        ];
        let p = ConvParams { group: 1, strides: &st, dilations: &dl, pads: &pads };
        let mut x: Vec<f32> = (0..xs.iter().product()).map(|_| rng.val() as f32).collect();
        x[3] = f32::NAN;
        let w: Vec<f32> = (0..ws.iter().product()).map(|_| rng.val() as f32).collect();
        let b: Vec<f32> = (0..ws[0]).map(|_| rng.val() as f32).collect();
        let packed = prepack_weights(&w, &ws, 1).unwrap();
        let mut scratch = vec![0f32; conv_scratch_len(&xs, &ws, &ys, &p)];
        let n = ys.iter().product();
        let mut plain = vec![0f32; n];
        conv_prepacked(&x, &xs, &packed, &ws, Some(&b), &p, &mut plain, &ys, &mut scratch).unwrap();
        assert!(
            plain.iter().any(|v| v.is_nan()) && plain.iter().any(|&v| v < 0.0) && plain.iter().any(|&v| v > 1.0),
            "x{xs:?}: the case should cover NaN and both sides"
        );
        for (lo, hi) in [(0.0, f32::INFINITY), (0.0, 6.0), (-1.0, 1.0), (1.0, -1.0)] {
            let mut clamped = vec![0f32; n];
            conv_prepacked_clamped(&x, &xs, &packed, &ws, Some(&b), &p, &mut clamped, &ys, &mut scratch, lo, hi)
                .unwrap();
            let steps = |v: f32| {
                let v = if v < lo { lo } else { v };
                if v > hi {
                    hi
                } else {
                    v
                }
            };
            let differ = plain.iter().zip(&clamped).position(|(&v, c)| steps(v).to_bits() != c.to_bits());
            assert_eq!(differ, None, "x{xs:?} w{ws:?} clip({lo}, {hi}): first differing output");
        }
    }
}

#[test]
fn conv_matches_naive_random() {
    let mut rng = Rng(7);
    let mut ran = 0;
    for d in 1..=3 {
        for i in 0..120 {
            ran += run_case(&mut rng, d, i % 3 == 0) as usize;
        }
    }
    assert!(ran > 250, "only {ran} cases ran");
}

#[test]
fn threaded_im2col_and_gemm_match_naive() {
    let _threads = crate::threads::limit_threads(2);
    let mut rng = Rng(5);
    let (xs, ws, ys) = ([1, 16, 40, 40], [8, 16, 3, 3], [1, 8, 40, 40]);
    let x: Vec<f64> = (0..xs.iter().product()).map(|_| rng.val()).collect();
    let w: Vec<f64> = (0..ws.iter().product()).map(|_| rng.val()).collect();
    let (s, dl, pads) = ([1, 1], [1, 1], [1, 1, 1, 1]);
    let want = naive(&x, &xs, &w, &ws, None, 1, &s, &dl, &pads, &ys);
    let p = ConvParams { group: 1, strides: &s, dilations: &dl, pads: &pads };
    let mut scratch = vec![f64::NAN; conv_scratch_len(&xs, &ws, &ys, &p)];
    let mut y = vec![f64::NAN; want.len()];
    conv(&x, &xs, &w, &ws, None, &p, &mut y, &ys, &mut scratch).unwrap();
    for (a, e) in y.iter().zip(&want) {
        assert!((a - e).abs() < 1e-9, "{a} vs {e}");
    }
}

#[test]
fn threaded_fused_epilogues_match_a_pass_afterwards() {
    let _threads = crate::threads::limit_threads(2);
    let mut rng = Rng(9);
    let vals = |rng: &mut Rng, n: usize| -> Vec<f32> { (0..n).map(|_| rng.val() as f32).collect() };
    // A depthwise conv (channels split across threads) and a prepacked GEMM conv (bands of
    // rows), each with a residual and a per-channel operand.
    for (xs, ws, g) in [([1, 32, 30, 30], [32, 1, 3, 3], 32), ([1, 16, 30, 30], [40, 16, 3, 3], 1)] {
        let ys = [1, ws[0], 30, 30];
        let (x, w, bias) =
            (vals(&mut rng, xs.iter().product()), vals(&mut rng, ws.iter().product()), vals(&mut rng, ws[0]));
        let (res, scale) = (vals(&mut rng, ys.iter().product()), vals(&mut rng, ws[0]));
        let p = ConvParams { group: g, strides: &[1, 1], dilations: &[1, 1], pads: &[1, 1, 1, 1] };
        let mut scratch = vec![0f32; conv_scratch_len(&xs, &ws, &ys, &p)];
        let leaves = [(&res[..], &ys[..]), (&scale[..], &[ws[0], 1, 1][..])];
        let f = |a: f32, v: [f32; 2]| (a + v[0]).max(0.0) * v[1];
        let mut expect = vec![0f32; res.len()];
        conv(&x, &xs, &w, &ws, Some(&bias), &p, &mut expect, &ys, &mut scratch).unwrap();
        crate::kernels::elementwise::fused_in_place(&mut expect, &ys, leaves, f).unwrap();
        let mut y = vec![f32::NAN; res.len()];
        match prepack_weights(&w, &ws, g) {
            Ok(packed) => {
                conv_prepacked_fused(&x, &xs, &packed, &ws, Some(&bias), &p, &mut y, &ys, &mut scratch, leaves, f)
                    .unwrap()
            }
            Err(_) => conv_fused(&x, &xs, &w, &ws, Some(&bias), &p, &mut y, &ys, &mut scratch, leaves, f).unwrap(),
        }
        let close = y.iter().zip(&expect).all(|(a, e)| (a - e).abs() <= 1e-4 * (1.0 + e.abs()));
        assert!(close, "x{xs:?} w{ws:?}");
    }
}

#[test]
fn depthwise_on_large_planes_runs_in_bands() {
    // Planes too large for one band (stride 1 and 2, 3x3 and 5x5, uneven pads), and one too
    // large for the phase path at all (the general path).
    let mut rng = Rng(11);
    for &(h, w, k, st, pb, pe) in &[
        (96, 80, 3, 1, 1, 1),
        (97, 61, 3, 2, 1, 0),
        (64, 70, 5, 2, 2, 2),
        (40, 300, 5, 1, 2, 1),
        (8, 12000, 3, 1, 1, 1),
    ] {
        let c = 3;
        let (xs, ws) = ([1, c, h, w], [c, 1, k, k]);
        let ys = [1, c, (h + pb + pe - k) / st + 1, (w + pb + pe - k) / st + 1];
        let x: Vec<f64> = (0..xs.iter().product()).map(|_| rng.val()).collect();
        let wt: Vec<f64> = (0..ws.iter().product()).map(|_| rng.val()).collect();
        let (s, dl, pads) = ([st, st], [1, 1], [pb, pb, pe, pe]);
        let want = naive(&x, &xs, &wt, &ws, None, c, &s, &dl, &pads, &ys);
        let p = ConvParams { group: c, strides: &s, dilations: &dl, pads: &pads };
        let mut y = vec![f64::NAN; want.len()];
        conv(&x, &xs, &wt, &ws, None, &p, &mut y, &ys, &mut []).unwrap();
        for (a, e) in y.iter().zip(&want) {
            assert!((a - e).abs() < 1e-9, "{a} vs {e}: {h}x{w} k{k} s{st}");
        }
    }
}

#[test]
fn depthwise_register_kernel_matches_naive() {
    // The AVX-512 register paths (f32, square kernels 3/5/7 at stride 1 or 2): ragged
    // widths around the 16-lane vectors, heights around the 4-row blocks, every pad from 0
    // to k-1 on each side, narrow "same" maps (1-12 columns), through `conv` (bias) and
    // `conv_fused` (an epilogue per channel), on one thread and two.
    let mut rng = Rng(23);
    let mut taken = 0;
    for case in 0..160 {
        // Every other case a narrow "same" map at stride 1 (1-12 columns).
        let same = case % 2 == 1;
        let (k, st) = ([3, 5, 7][rng.next(3)], if same { 1 } else { 1 + rng.next(2) });
        let (pt, pl) = (rng.next(k), rng.next(k));
        let (pb, pr) = if same { (k - 1 - pt, k - 1 - pl) } else { (rng.next(k), rng.next(k)) };
        let (h, w) = if same {
            (1 + rng.next(20), 1 + rng.next(12))
        } else {
            (k + rng.next(13), (8 * st + k).saturating_sub(pl + pr) + rng.next(30))
        };
        let (oh, ow) = ((h + pt + pb - k) / st + 1, (w + pl + pr - k) / st + 1);
        let (n, c) = (1 + rng.next(2), 1 + rng.next(5));
        let (xs, ws, ys) = ([n, c, h, w], [c, 1, k, k], [n, c, oh, ow]);
        let x: Vec<f64> = (0..xs.iter().product()).map(|_| rng.val()).collect();
        let wt: Vec<f64> = (0..ws.iter().product()).map(|_| rng.val()).collect();
        let b: Vec<f64> = (0..c).map(|_| rng.val()).collect();
        let (s, dl, pads) = ([st, st], [1, 1], [pt, pl, pb, pr]);
        let want = naive(&x, &xs, &wt, &ws, Some(&b), c, &s, &dl, &pads, &ys);
        let f32s = |v: &[f64]| v.iter().map(|&v| v as f32).collect::<Vec<f32>>();
        let (xf, wf, bf) = (f32s(&x), f32s(&wt), f32s(&b));
        let p = ConvParams { group: c, strides: &s, dilations: &dl, pads: &pads };
        let geo = Geom::new(&xs, &ws, &ys, &p).unwrap();
        let mut probe = vec![0f32; c * oh * ow];
        if registers(&geo, &xf[..c * h * w], &wf, Some(&bf), &mut probe, &mut |_, _| {}) {
            taken += 1;
        }
        let _threads = crate::threads::limit_threads(1 + case % 2);
        let mut y = vec![f32::NAN; want.len()];
        conv(&xf, &xs, &wf, &ws, Some(&bf), &p, &mut y, &ys, &mut []).unwrap();
        for (i, (a, e)) in y.iter().zip(&want).enumerate() {
            assert!((*a as f64 - e).abs() < 1e-4, "at {i}: {a} vs {e}: {h}x{w} k{k} s{st} pads {pads:?} n{n} c{c}");
        }
        let res: Vec<f32> = (0..want.len()).map(|i| (i % 5) as f32 - 2.0).collect();
        let f = |a: f32, v: [f32; 1]| (a + v[0]).clamp(0.0, 6.0);
        let mut fused = vec![f32::NAN; want.len()];
        conv_fused(&xf, &xs, &wf, &ws, Some(&bf), &p, &mut fused, &ys, &mut [], [(&res[..], &ys[..])], f).unwrap();
        let expect: Vec<f32> = y.iter().zip(&res).map(|(&a, &r)| f(a, [r])).collect();
        assert_eq!(fused, expect, "fused: {h}x{w} k{k} s{st} pads {pads:?}");
    }
    if std::is_x86_feature_detected!("avx512f") {
        assert_eq!(taken, 160, "every case is one the register kernel takes");
    }
}

#[test]
fn pointwise_and_tiling() {
    // 1x1 conv: no scratch, plain channel mixing.
    let x = [1.0f32, 2.0, 3.0, 4.0]; // [1, 2, 1, 2]
    let w = [1.0f32, 1.0, 2.0, -1.0]; // [2, 2, 1, 1]
    let p = ConvParams { group: 1, strides: &[1, 1], dilations: &[1, 1], pads: &[0, 0, 0, 0] };
    assert_eq!(conv_scratch_len(&[1, 2, 1, 2], &[2, 2, 1, 1], &[1, 2, 1, 2], &p), 0);
    let mut y = [0.0f32; 4];
    conv(&x, &[1, 2, 1, 2], &w, &[2, 2, 1, 1], Some(&[0.5, 0.0]), &p, &mut y, &[1, 2, 1, 2], &mut []).unwrap();
    assert_eq!(y, [4.5, 6.5, -1.0, 0.0]);
    // A tall image whose im2col exceeds the budget is split into several tiles.
    let (c, h, wd) = (64usize, 80usize, 64usize);
    let xs = [1, c, h, wd];
    let ws = [2, c, 3, 3];
    let ys = [1, 2, h, wd];
    let p = ConvParams { group: 1, strides: &[], dilations: &[], pads: &[1, 1, 1, 1] };
    let sl = conv_scratch_len(&xs, &ws, &ys, &p);
    assert!(sl < c * 9 * h * wd && sl >= c * 9 * wd);
    let x: Vec<f64> = (0..c * h * wd).map(|i| ((i * 7919) % 101) as f64 / 50.0 - 1.0).collect();
    let w: Vec<f64> = (0..2 * c * 9).map(|i| ((i * 31) % 17) as f64 / 8.0 - 1.0).collect();
    let want = naive(&x, &xs, &w, &ws, None, 1, &[1, 1], &[1, 1], &[1, 1, 1, 1], &ys);
    let mut y = vec![0.0; want.len()];
    conv(&x, &xs, &w, &ws, None, &p, &mut y, &ys, &mut vec![0.0; sl]).unwrap();
    for (a, e) in y.iter().zip(&want) {
        assert!((a - e).abs() < 1e-9);
    }
    assert!(conv(&x, &xs, &w, &ws, None, &p, &mut y, &ys, &mut vec![0.0; sl - 1]).is_err());
}

#[test]
fn conv_rejects_bad_shapes() {
    let p = ConvParams { group: 1, strides: &[], dilations: &[], pads: &[] };
    let x = [0.0f32; 16];
    let w = [0.0f32; 18];
    let mut y = [0.0f32; 8];
    let (xs, ws, ys) = ([1, 1, 4, 4], [2, 1, 3, 3], [1, 2, 2, 2]);
    assert_eq!(conv_scratch_len(&xs, &ws, &ys, &p), 36);
    conv(&x, &xs, &w, &ws, None, &p, &mut y, &ys, &mut [0.0; 36]).unwrap();
    assert!(conv(&x, &xs, &w, &ws, None, &p, &mut y, &ys, &mut [0.0; 35]).is_err());
    assert!(conv(&x, &xs, &w, &ws, None, &p, &mut y[..2], &[1, 2, 1, 1], &mut [0.0; 36]).is_err());
    assert!(conv(&x, &xs, &w, &ws, Some(&[1.0]), &p, &mut y, &ys, &mut [0.0; 36]).is_err());
    // Depthwise (C = M = group = 1): no scratch; a wrong group or stride count is an error,
    // and so is an output extent that the kernel and pads do not produce.
    let (w, ws, ys, mut y) = ([0.0f32; 9], [1, 1, 3, 3], [1, 1, 2, 2], [0.0f32; 4]);
    assert_eq!(conv_scratch_len(&xs, &ws, &ys, &p), 0);
    conv(&x, &xs, &w, &ws, None, &p, &mut y, &ys, &mut []).unwrap();
    let p2 = ConvParams { group: 2, ..p };
    assert!(conv(&x, &xs, &w, &ws, None, &p2, &mut y, &ys, &mut [0.0; 36]).is_err());
    let p3 = ConvParams { strides: &[1], ..p };
    assert!(conv(&x, &xs, &w, &ws, None, &p3, &mut y, &ys, &mut [0.0; 36]).is_err());
    assert!(conv(&x, &xs, &w, &ws, None, &p, &mut [0.0; 9], &[1, 1, 3, 3], &mut [0.0; 36]).is_err());
    assert_eq!(conv_scratch_len(&xs, &ws, &[1, 1, 3, 3], &p), 0);
}

#[test]
fn scratch_bound_covers_every_smaller_image() {
    // (input channels, output channels, kernel, stride, pad): a stem, 3x3 layers narrow and
    // wide (im2col tiles fitted per size, the im2col-free path), strided, and a 5x5.
    let layers = [
        (3, 32, 3, 2, 1),
        (16, 16, 3, 1, 1),
        (64, 64, 3, 1, 1),
        (256, 256, 3, 1, 1),
        (32, 64, 3, 2, 1),
        (24, 24, 5, 1, 2),
    ];
    for (c, m, k, s, pad) in layers {
        let (strides, dilations, pads) = ([s, s], [1, 1], [pad; 4]);
        let p = ConvParams { group: 1, strides: &strides, dilations: &dilations, pads: &pads };
        let out = |size: usize| (size + 2 * pad - k) / s + 1;
        let shapes = |h: usize, w: usize| ([1, c, h, w], [m, c, k, k], [1, m, out(h), out(w)]);
        let bound = 160;
        let (x, wt, y) = shapes(bound, bound - 8);
        let planned = conv_scratch_bound(&x, &wt, &y, &p);
        for h in (k..=bound).step_by(3) {
            for w in (k..=bound - 8).step_by(7) {
                let (x, wt, y) = shapes(h, w);
                let need = conv_scratch_len(&x, &wt, &y, &p);
                assert!(need <= planned, "{c}->{m} {k}x{k}/{s} at {h}x{w}: needs {need}, planned {planned}");
            }
        }
    }
}
