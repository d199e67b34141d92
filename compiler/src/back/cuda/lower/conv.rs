//! Convolutions (direct, over a taps loop, with fused epilogues) and squeeze-and-excitation
//! blocks as CUDA C.

use super::*;

/// The kernel templates this family renders.
pub(super) const TEMPLATES: &[(&str, &str)] = &[
    ("conv.cu", include_str!("../../../../../kernels/conv.cu")),
    ("excite.cu", include_str!("../../../../../kernels/excite.cu")),
];

impl Cx<'_> {
    /// Nested loops over a window's taps: `body` runs for taps inside the input; `pos` names
    /// the flat input position. With `count_pads`, `padded` counts taps inside the pads too.
    pub(super) fn taps_loop(
        window: &Window,
        kernel: &[usize],
        input: &[usize],
        indent: &str,
        body: &str,
        count_pads: bool,
    ) -> String {
        let r = kernel.len();
        let st = strides(input);
        let mut s = String::new();
        let mut pad = indent.to_string();
        for d in 0..r {
            let (stride, dil, begin, end) =
                (window.strides[d], window.dilations[d], window.pads[d], window.pads[d + r]);
            let _ = writeln!(s, "{pad}for (long long k{d} = 0; k{d} < {}; ++k{d}) {{", kernel[d]);
            pad.push_str("    ");
            let _ = writeln!(s, "{pad}const long long p{d} = c{} * {stride}LL - {begin}LL + k{d} * {dil}LL;", d + 2);
            if count_pads {
                let _ = writeln!(s, "{pad}const int pad{d} = p{d} >= -{begin}LL && p{d} < {}LL;", input[d] + end);
            }
            let _ = writeln!(s, "{pad}const int in{d} = p{d} >= 0 && p{d} < {}LL;", input[d]);
        }
        let all = |name: &str| (0..r).map(|d| format!("{name}{d}")).collect::<Vec<_>>().join(" && ");
        if count_pads {
            let _ = writeln!(s, "{pad}if ({}) padded++;", all("pad"));
        }
        let pos = linear((0..r).map(|d| (format!("p{d}"), st[d])));
        let _ = writeln!(s, "{pad}if ({}) {{ const long long pos = {pos}; {body} }}", all("in"));
        for _ in 0..r {
            pad.truncate(pad.len() - 4);
            let _ = writeln!(s, "{pad}}}");
        }
        s
    }

    pub(super) fn conv(
        &self,
        group: usize,
        window: &Window,
        epilogue: &FusedExpr,
        head_inputs: usize,
    ) -> Result<Vec<Kernel>, LowerError> {
        self.f32_only("Conv")?;
        let x = self.input(0)?;
        let bias = if head_inputs > 2 { Some(self.input(2)?) } else { None };
        let operands = ConvOperands { x: self.ptr(x)?, x_dims: self.dims(x)?, w: self.input(1)?, bias };
        self.conv_of(0, &operands, group, window, epilogue, head_inputs)
    }

    /// The `k`-th kernel of the node: a convolution of `x`, its epilogue's other operands the
    /// node's inputs from `head_inputs` on.
    pub(super) fn conv_of(
        &self,
        k: usize,
        operands: &ConvOperands,
        group: usize,
        window: &Window,
        epilogue: &FusedExpr,
        head_inputs: usize,
    ) -> Result<Vec<Kernel>, LowerError> {
        let (w, y) = (operands.w, self.output()?);
        let (xd, wd, out) = (operands.x_dims.clone(), self.dims(w)?, self.dims(y)?);
        if xd.len() < 3 {
            return Err(LowerError::Unsupported("Conv needs at least one spatial axis".into()));
        }
        let bias = match operands.bias {
            Some(b) => format!("{}[c1]", self.ptr(b)?),
            None => "0.0f".into(),
        };
        let spatial = &xd[2..];
        let kernel = &wd[2..];
        let taps: usize = kernel.iter().product();
        let kst = strides(kernel);
        let wpos = linear((0..kernel.len()).map(|d| (format!("k{d}"), kst[d])));
        let body = format!("acc += x[pos] * w[{wpos}];");
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(k));
        ctx.insert("n", &Self::numel(&out));
        ctx.insert("coords", &coords(&out));
        ctx.insert("x", &operands.x);
        ctx.insert("w", &self.ptr(w)?);
        ctx.insert("bias", &bias);
        ctx.insert("in_channels", &xd[1]);
        ctx.insert("in_per_group", &wd[1]);
        ctx.insert("out_per_group", &(out[1] / group.max(1)).max(1));
        ctx.insert("in_plane", &spatial.iter().product::<usize>());
        ctx.insert("taps", &taps);
        ctx.insert("taps_loop", &Self::taps_loop(window, kernel, spatial, "        ", &body, false));
        ctx.insert("loads", &self.epilogue_loads(head_inputs, &out)?);
        ctx.insert("out", &self.ptr(y)?);
        ctx.insert("expr", &expr::fused(epilogue, DType::F32, &|k| format!("x{k}"))?);
        Ok(vec![self.kernel(k, self.render("conv.cu", &ctx)?, Self::numel(&out))])
    }

    /// Four kernels: the means, the hidden units, the gates (in scratch), then the scaling. With
    /// `project`, the scaled input goes to scratch and a fifth kernel convolves it (with the
    /// node's `epilogue`).
    pub(super) fn squeeze_excite(
        &self,
        act: &FusedExpr,
        gate: &FusedExpr,
        project: bool,
        epilogue: &FusedExpr,
    ) -> Result<Vec<Kernel>, LowerError> {
        self.f32_only("SqueezeExcite")?;
        let (x, w1, b1, w2, b2, y) =
            (self.input(0)?, self.input(1)?, self.input(2)?, self.input(3)?, self.input(4)?, self.output()?);
        let xd = self.dims(x)?;
        let (images, channels) = (xd.first().copied().unwrap_or(0), xd.get(1).copied().unwrap_or(0));
        let hidden = self.dims(b1)?.first().copied().unwrap_or(0);
        let hw: usize = xd.iter().skip(2).product();
        let Some(Loc::Arena { offset, .. }) = self.plan.scratch.get(&self.n).copied() else {
            return Err(LowerError::Unsupported("SqueezeExcite has no scratch memory".into()));
        };
        let at = |floats: usize| format!("((float*)(arena + {}))", offset + 4 * floats);
        let (means, hiddens, gates) = (at(0), at(images * channels), at(images * (channels + hidden)));
        let scaled = at(images * (2 * channels + hidden));
        let mut ctx = Context::new();
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("out", &if project { scaled.clone() } else { self.ptr(y)? });
        ctx.insert("means", &means);
        ctx.insert("gates", &gates);
        ctx.insert("images", &images);
        ctx.insert("channels", &channels);
        ctx.insert("hw", &hw);
        // The two products: (rows, cols, weights, bias, source, destination, expression).
        let dense =
            [(hidden, channels, w1, b1, &means, &hiddens, act), (channels, hidden, w2, b2, &hiddens, &gates, gate)];
        let mut stages = vec![("mean", images * channels, Context::new())];
        for (rows, cols, w, b, src, dst, e) in dense {
            let mut c = Context::new();
            c.insert("rows", &rows);
            c.insert("cols", &cols);
            c.insert("w", &self.ptr(w)?);
            c.insert("b", &self.ptr(b)?);
            c.insert("src", src);
            c.insert("dst", dst);
            c.insert("expr", &expr::fused(e, DType::F32, &|_| "x0".into())?);
            stages.push(("dense", images * rows, c));
        }
        stages.push(("scale", images * channels * hw, Context::new()));
        let mut kernels = Vec::new();
        for (k, (stage, threads, extra)) in stages.into_iter().enumerate() {
            let mut c = ctx.clone();
            c.extend(extra);
            c.insert("name", &self.name(k));
            c.insert("stage", stage);
            kernels.push(self.kernel(k, self.render("excite.cu", &c)?, threads as u64));
        }
        if project {
            let spatial = xd.len() - 2;
            let unit = Window {
                kernel: vec![1; spatial],
                strides: vec![1; spatial],
                dilations: vec![1; spatial],
                pads: vec![0; 2 * spatial],
            };
            let operands = ConvOperands { x: scaled, x_dims: xd, w: self.input(5)?, bias: Some(self.input(6)?) };
            kernels.extend(self.conv_of(kernels.len(), &operands, 1, &unit, epilogue, 7)?);
        }
        Ok(kernels)
    }
}
