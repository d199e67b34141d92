//! Resize (opsets 10-19) and Upsample (7-9): <https://onnx.ai/onnx/operators/onnx__Resize.html>
//!
//! Interpolation is separable, so each resized axis becomes one core `Resample` whose tap
//! tables (source indices and coefficients per output position) are computed here, at build
//! time, by the same arithmetic as the ONNX reference (`onnx/reference/ops/op_resize.py`):
//! every coordinate transformation mode, nearest (4 rounding modes), linear and cubic (with
//! cubic_coeff_a, exclude_outside and antialias), tf_crop_and_resize's extrapolation value,
//! `axes` and keep_aspect_ratio_policy. Like the reference, the work is done in f64 and the
//! result converted back once (nearest on f32/f64 copies values, and stays in its type).
//! Scales, sizes and roi are needed at build time.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{DType, Data, Dim, Op, Tensor, ValueId};

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Nearest,
    Linear,
    Cubic,
}

/// What decides the coefficients of one output position.
struct Kernel<'a> {
    mode: Mode,
    nearest_mode: &'a str,
    cubic_a: f64,
    antialias: bool,
}

impl Kernel<'_> {
    fn coeffs(&self, ratio: f64, scale: f64) -> Result<Vec<f64>, NodeError> {
        Ok(match (self.mode, self.antialias) {
            (Mode::Nearest, _) => {
                if ratio.fract() == 0.0 {
                    return Ok(vec![0.0, 1.0]);
                }
                let (lo, hi) = match self.nearest_mode {
                    "round_prefer_floor" => (ratio <= 0.5, ratio > 0.5),
                    "round_prefer_ceil" => (ratio < 0.5, ratio >= 0.5),
                    "floor" => (true, false),
                    "ceil" => (false, true),
                    other => return Err(NodeError::Invalid(format!("nearest_mode \"{other}\""))),
                };
                vec![lo as u8 as f64, hi as u8 as f64]
            }
            (Mode::Linear, false) => vec![1.0 - ratio, ratio],
            (Mode::Linear, true) => {
                let scale = scale.min(1.0);
                let start = (-1.0 / scale).floor() as i64 + 1;
                let footprint = 2 - 2 * start;
                let c: Vec<f64> = (start..start + footprint)
                    .map(|i| (1.0 - ((i as f64 - ratio) * scale).abs()).clamp(0.0, 1.0))
                    .collect();
                normalized(c)
            }
            (Mode::Cubic, false) => {
                let a = self.cubic_a;
                let (r1, s) = (ratio + 1.0, 1.0 - ratio);
                let s1 = s + 1.0;
                vec![
                    ((a * r1 - 5.0 * a) * r1 + 8.0 * a) * r1 - 4.0 * a,
                    ((a + 2.0) * ratio - (a + 3.0)) * ratio * ratio + 1.0,
                    ((a + 2.0) * s - (a + 3.0)) * s * s + 1.0,
                    ((a * s1 - 5.0 * a) * s1 + 8.0 * a) * s1 - 4.0 * a,
                ]
            }
            (Mode::Cubic, true) => {
                let (a, scale) = (self.cubic_a, scale.min(1.0));
                let coeff = |x: f64| {
                    let x = x.abs();
                    let (x2, x3) = (x * x, x * x * x);
                    if x <= 1.0 {
                        (a + 2.0) * x3 - (a + 3.0) * x2 + 1.0
                    } else if x < 2.0 {
                        a * x3 - 5.0 * a * x2 + 8.0 * a * x - 4.0 * a
                    } else {
                        0.0
                    }
                };
                let start = (-2.0 / scale).floor() as i64 + 1;
                normalized((start..2 - start).map(|i| coeff(scale * (i as f64 - ratio))).collect())
            }
        })
    }
}

fn normalized(c: Vec<f64>) -> Vec<f64> {
    let sum: f64 = c.iter().sum();
    c.into_iter().map(|v| v / sum).collect()
}

/// The source coordinate of output position `y` of one axis.
fn source_coord(
    mode: &str,
    y: f64,
    scale: f64,
    in_w: usize,
    out_w: f64,
    out_int: usize,
    roi: (f64, f64),
) -> Result<f64, NodeError> {
    let in_w = in_w as f64;
    Ok(match mode {
        "align_corners" if out_w == 1.0 => 0.0,
        "align_corners" => y * (in_w - 1.0) / (out_w - 1.0),
        "asymmetric" => y / scale,
        "tf_crop_and_resize" => {
            let x = if out_w == 1.0 {
                (roi.1 - roi.0) * (in_w - 1.0) / 2.0
            } else {
                y * (roi.1 - roi.0) * (in_w - 1.0) / (out_w - 1.0)
            };
            x + roi.0 * (in_w - 1.0)
        }
        "pytorch_half_pixel" if out_w == 1.0 => -0.5,
        "pytorch_half_pixel" | "half_pixel" => (y + 0.5) / scale - 0.5,
        "half_pixel_symmetric" => {
            let adjustment = out_int as f64 / out_w;
            let offset = in_w / 2.0 * (1.0 - adjustment);
            offset + (y + 0.5) / scale - 0.5
        }
        other => return Err(NodeError::Invalid(format!("coordinate_transformation_mode \"{other}\""))),
    })
}

/// Tap tables `[out, n]` of one axis, and which outputs take the extrapolation value.
struct Taps {
    n: usize,
    idx: Vec<i64>,
    coeffs: Vec<f64>,
    extrapolated: Vec<bool>,
}

impl Taps {
    /// Nearest neighbour's two taps, one of them weighted 1 and the other 0, as one tap
    /// weighted 1: the kernel then copies each value (a gather, half the reads, and `-0.0`
    /// stays `-0.0`, which `0 * a + 1 * b` would not keep).
    fn one_hot_to_gather(self) -> Taps {
        let n = self.n.max(1);
        let picked: Option<Vec<i64>> = self
            .idx
            .chunks(n)
            .zip(self.coeffs.chunks(n))
            .map(|(i, c)| {
                c.iter().position(|&c| c == 1.0).filter(|_| c.iter().filter(|&&c| c != 0.0).count() == 1).map(|k| i[k])
            })
            .collect();
        match picked {
            Some(idx) => Taps { n: 1, coeffs: vec![1.0; idx.len()], idx, extrapolated: self.extrapolated },
            None => self,
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn taps(
    k: &Kernel,
    ct_mode: &str,
    in_w: usize,
    out_int: usize,
    scale: f64,
    roi: (f64, f64),
    exclude_outside: bool,
) -> Result<Taps, NodeError> {
    let out_w = scale * in_w as f64;
    let mut t = Taps { n: 0, idx: Vec::new(), coeffs: Vec::new(), extrapolated: Vec::new() };
    for y in 0..out_int {
        let x = source_coord(ct_mode, y as f64, scale, in_w, out_w, out_int, roi)?;
        t.extrapolated.push(ct_mode == "tf_crop_and_resize" && (x < 0.0 || x > in_w as f64 - 1.0));
        let ratio = if x == x.floor() { 1.0 } else { x - x.floor() };
        let mut c = k.coeffs(ratio, scale)?;
        let n = c.len();
        if t.n != 0 && t.n != n {
            return Err(NodeError::Invalid("tap count varies along the axis".into()));
        }
        t.n = n;
        let pad = n.div_ceil(2) as f64;
        let xp = x + pad;
        let p = xp.floor();
        let frac = xp - p;
        let half = (n / 2) as i64;
        let offset = if n % 2 == 0 {
            if frac == 0.0 {
                -half
            } else {
                -half + 1
            }
        } else {
            let base = -(((n - 1) / 2) as i64);
            if frac <= 0.5 {
                base
            } else {
                base + 1
            }
        };
        let start = p as i64 + offset - pad as i64;
        let neighbours: Vec<i64> = (0..n as i64).map(|j| start + j).collect();
        if exclude_outside {
            for (cj, &i) in c.iter_mut().zip(&neighbours) {
                if i < 0 || i >= in_w as i64 {
                    *cj = 0.0;
                }
            }
            let sum: f64 = c.iter().sum();
            let sum = if sum == 0.0 { 1.0 } else { sum };
            c.iter_mut().for_each(|v| *v /= sum);
        }
        t.idx.extend(neighbours.iter().map(|&i| i.clamp(0, in_w as i64 - 1)));
        t.coeffs.extend(c);
    }
    Ok(t)
}

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let r = ctx.rank(x);
    let upsample = n.op_type == "Upsample";
    let mode_name = n.attrs.string("mode").unwrap_or_else(|| "nearest".into());
    let mode = match mode_name.as_str() {
        "nearest" => Mode::Nearest,
        "linear" | "bilinear" => Mode::Linear,
        "cubic" if !upsample => Mode::Cubic,
        other => return Err(NodeError::Invalid(format!("mode \"{other}\""))),
    };
    let float_list = |ctx: &Ctx, i: usize, what: &str| -> Result<Option<Vec<f64>>, NodeError> {
        match n.opt(i) {
            Some(v) => Ok(Some(ctx.value_of(v, what)?.data.to_f64_vec()).filter(|s| !s.is_empty())),
            None => Ok(None),
        }
    };
    let (ct_mode, nearest_mode, roi, scales, sizes) = if upsample {
        let scales = if n.opset < 9 {
            n.attrs.floats("scales").map(|s| s.iter().map(|&v| v as f64).collect())
        } else {
            float_list(ctx, 1, "scales")?
        };
        ("asymmetric".to_string(), "floor".to_string(), None, scales, None)
    } else {
        let (roi, scales, sizes) = if n.opset < 11 {
            (None, float_list(ctx, 1, "scales")?, None)
        } else {
            (float_list(ctx, 1, "roi")?, float_list(ctx, 2, "scales")?, float_list(ctx, 3, "sizes")?)
        };
        let ct = n.attrs.string("coordinate_transformation_mode").unwrap_or_else(|| {
            if n.opset < 11 {
                "asymmetric".into()
            } else {
                "half_pixel".into()
            }
        });
        let nm = n.attrs.string("nearest_mode").unwrap_or_else(|| {
            if n.opset < 11 {
                "floor".into()
            } else {
                "round_prefer_floor".into()
            }
        });
        (ct, nm, roi, scales, sizes)
    };
    let kernel = Kernel {
        mode,
        nearest_mode: &nearest_mode,
        cubic_a: n.attrs.float_or("cubic_coeff_a", -0.75) as f64,
        antialias: n.attrs.int_or("antialias", 0) != 0,
    };
    if kernel.antialias && mode == Mode::Nearest {
        return Err(NodeError::Invalid("antialias with mode nearest".into()));
    }
    let axes: Vec<usize> = match n.attrs.ints("axes") {
        Some(a) => a.iter().map(|&a| axis(a, r)).collect::<Result<_, _>>()?,
        None => (0..r).collect(),
    };
    // Full-rank scales, sizes and roi.
    let spread = |v: &[f64], fill: f64| -> Result<Vec<f64>, NodeError> {
        if v.len() != axes.len() {
            return Err(NodeError::Invalid(format!("{} values for {} axes", v.len(), axes.len())));
        }
        let mut full = vec![fill; r];
        for (k, &a) in axes.iter().enumerate() {
            full[a] = v[k];
        }
        Ok(full)
    };
    let roi: Vec<(f64, f64)> = match &roi {
        Some(v) if v.len() == 2 * axes.len() => {
            let mut full = vec![(0.0, 1.0); r];
            for (k, &a) in axes.iter().enumerate() {
                full[a] = (v[k], v[axes.len() + k]);
            }
            full
        }
        Some(v) => return Err(NodeError::Invalid(format!("roi has {} values for {} axes", v.len(), axes.len()))),
        None => vec![(0.0, 1.0); r],
    };
    let Some(dims) = ctx.ty(x).static_dims() else {
        let scales = match (sizes, scales) {
            (None, Some(scales)) => spread(&scales, 1.0)?,
            _ => return Err(NodeError::Unsupported(format!("Resize of the symbolic shape {} by sizes", ctx.ty(x)))),
        };
        return nearest_integer_upsample(ctx, n, x, &kernel, &ct_mode, &scales);
    };
    let (scales, out): (Vec<f64>, Vec<usize>) = match (sizes, scales) {
        (Some(sizes), _) => {
            let sizes = spread(&sizes, 0.0)?;
            let mut scales: Vec<f64> =
                (0..r).map(|i| if axes.contains(&i) { sizes[i] / dims[i] as f64 } else { 1.0 }).collect();
            let mut out: Vec<usize> =
                (0..r).map(|i| if axes.contains(&i) { sizes[i] as usize } else { dims[i] }).collect();
            let policy = n.attrs.string("keep_aspect_ratio_policy").unwrap_or_else(|| "stretch".into());
            if policy != "stretch" {
                let picked = axes.iter().map(|&a| scales[a]);
                let s = match policy.as_str() {
                    "not_larger" => picked.fold(f64::INFINITY, f64::min),
                    "not_smaller" => picked.fold(f64::NEG_INFINITY, f64::max),
                    other => return Err(NodeError::Invalid(format!("keep_aspect_ratio_policy \"{other}\""))),
                };
                for &a in &axes {
                    scales[a] = s;
                    out[a] = (s * dims[a] as f64 + 0.5) as usize;
                }
            }
            (scales, out)
        }
        (None, Some(scales)) => {
            let scales = spread(&scales, 1.0)?;
            let out = (0..r).map(|i| (scales[i] * dims[i] as f64) as usize).collect();
            (scales, out)
        }
        (None, None) => return Err(NodeError::Invalid("needs scales or sizes".into())),
    };
    if scales.iter().any(|&s| !(s > 0.0 && s.is_finite())) {
        return Err(NodeError::Invalid(format!("scales {scales:?}")));
    }

    let dtype = ctx.dtype(x);
    let part = |p: &str| format!("{}/{p}", n.name);
    // Nearest neighbour copies values (coefficients are 1), so f32 and f64 need no detour
    // through f64 and back.
    let work =
        if kernel.mode == Mode::Nearest && matches!(dtype, DType::F32 | DType::F64) { dtype } else { DType::F64 };
    let mut y = ctx.cast(&part("f64"), x, work)?;
    let mut shape = dims.clone();
    let extrapolation = n.attrs.float_or("extrapolation_value", 0.0) as f64;
    // Nearest neighbour only copies values, so the order of the axes cannot change the
    // result: shrink first and grow last, so each pass moves as little data as it can
    // (a 2x upsample of H and W doubles the rows of W before copying whole rows along H).
    // Between equal factors the inner axis goes first: its pass writes value by value, the
    // outer ones copy whole rows.
    let mut order = axes.clone();
    if kernel.mode == Mode::Nearest {
        let growth = |a: usize| out[a] as f64 / dims[a].max(1) as f64;
        order.sort_by(|&a, &b| growth(a).total_cmp(&growth(b)).then(b.cmp(&a)));
    }
    for &a in &order {
        let trivial_roi = (roi[a].0).abs() < 1e-9 && (roi[a].1 - 1.0).abs() < 1e-9;
        if (scales[a] - 1.0).abs() <= 1e-9 && out[a] == shape[a] && trivial_roi {
            continue;
        }
        // Antialiasing widens the taps as the scale shrinks: bound the table first.
        let widest = if kernel.antialias { (4.0 / scales[a].min(1.0)).ceil() as usize + 4 } else { 4 };
        ctx.allow(&[out[a], widest], "a resize tap table")?;
        let mut t =
            taps(&kernel, &ct_mode, shape[a], out[a], scales[a], roi[a], n.attrs.int_or("exclude_outside", 0) != 0)?;
        if kernel.mode == Mode::Nearest {
            t = t.one_hot_to_gather();
        }
        let tn = t.n.max(1);
        let idx = ctx.constant(Tensor::new(vec![out[a], tn], Data::I64(t.idx)).ok_or("bad tap table")?);
        let coeffs = match work {
            DType::F32 => Data::F32(t.coeffs.iter().map(|&c| c as f32).collect()),
            _ => Data::F64(t.coeffs),
        };
        let coeffs = ctx.constant(Tensor::new(vec![out[a], tn], coeffs).ok_or("bad tap table")?);
        y = ctx.node(&part(&format!("axis{a}")), Op::Resample { axis: a }, vec![y, idx, coeffs])?;
        shape[a] = out[a];
        if t.extrapolated.iter().any(|&e| e) {
            let mut mshape = vec![1; r];
            mshape[a] = out[a];
            let mask = ctx.constant(Tensor::new(mshape, Data::Bool(t.extrapolated)).ok_or("bad mask")?);
            let value = ctx.scalar(work, extrapolation);
            y = ctx.node(&part(&format!("extrapolate{a}")), Op::Where, vec![mask, value, y])?;
        }
    }
    Ok(vec![ctx.cast(n.name, y, dtype)?])
}

/// Resize of a symbolic shape: nearest neighbour by whole factors, where every output
/// position `i * s + j` takes input `i` (asymmetric coordinates rounded down, or half-pixel
/// ones rounded to the nearest: the usual 2x upsample of detectors and FPNs). Each axis is
/// spread, broadcast and merged (`[d] -> [d, 1] -> [d, s] -> [d * s]`), which symbolic sizes
/// take; other resizes need fixed sizes.
fn nearest_integer_upsample(
    ctx: &mut Ctx,
    n: &NodeIn,
    x: ValueId,
    kernel: &Kernel,
    ct_mode: &str,
    scales: &[f64],
) -> Result<Vec<ValueId>, NodeError> {
    let ty = ctx.ty(x).clone();
    let refuse = |why: &str| {
        Err(NodeError::Unsupported(format!("Resize of the symbolic shape {ty}: {why}; fix the dims with --dim")))
    };
    let half_pixel = matches!(ct_mode, "half_pixel" | "pytorch_half_pixel" | "half_pixel_symmetric");
    let rounds_to_input = match (kernel.mode, kernel.nearest_mode) {
        (Mode::Nearest, "floor") => ct_mode == "asymmetric",
        (Mode::Nearest, "round_prefer_floor" | "round_prefer_ceil") => half_pixel,
        _ => false,
    };
    if !rounds_to_input {
        return refuse(&format!(
            "only nearest neighbour by whole factors is supported there, not {ct_mode} {}",
            kernel.nearest_mode
        ));
    }
    let factors: Vec<usize> =
        match scales.iter().map(|&s| (s.fract() == 0.0 && s >= 1.0).then_some(s as usize)).collect() {
            Some(f) => f,
            None => return refuse(&format!("scales {scales:?} are not whole factors")),
        };
    let shape = ty.shape;
    let spread: Vec<Dim> = shape.iter().flat_map(|d| [d.clone(), Dim::fixed(1)]).collect();
    let copies: Vec<Dim> = shape.iter().zip(&factors).flat_map(|(d, &f)| [d.clone(), Dim::fixed(f)]).collect();
    let out: Vec<Dim> = shape.iter().zip(&factors).map(|(d, &f)| d * &Dim::fixed(f)).collect();
    let y = ctx.node(&ctx.sub(n.name, "spread"), Op::Reshape { shape: spread }, vec![x])?;
    let y = ctx.node(&ctx.sub(n.name, "copies"), Op::Expand { shape: copies }, vec![y])?;
    Ok(vec![ctx.node(n.name, Op::Reshape { shape: out }, vec![y])?])
}
