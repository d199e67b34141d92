//! Pad, Concat and the gathers as CUDA C (the index-only ops are `map`s in `mod.rs`).

use super::*;

/// The kernel templates this family renders.
pub(super) const TEMPLATES: &[(&str, &str)] = &[
    ("gather.cu", include_str!("../../../../../kernels/gather.cu")),
    ("gather_nd.cu", include_str!("../../../../../kernels/gather_nd.cu")),
];

impl Cx<'_> {
    pub(super) fn pad(
        &self,
        pads: &[i64],
        mode: PadMode,
        value: f64,
        out: &[usize],
    ) -> Result<Vec<Kernel>, LowerError> {
        let x = self.input(0)?;
        let dims = self.dims(x)?;
        let st = strides(&dims);
        let r = dims.len();
        // The input coordinate along each axis, before bounds handling.
        let at = |d: usize| format!("(c{d} - {}LL)", pads[d]);
        let index_terms = |f: &dyn Fn(usize) -> String| linear((0..r).map(|d| (f(d), st[d])));
        let ty = c_type(self.dtype(x));
        let load = match mode {
            PadMode::Constant => {
                let inside: Vec<String> =
                    (0..r).map(|d| format!("{a} >= 0 && {a} < {n}LL", a = at(d), n = dims[d])).collect();
                let guard = if inside.is_empty() { "1".into() } else { inside.join(" && ") };
                let fill =
                    if self.dtype(x) == DType::F32 { expr::float(value as f32) } else { format!("({ty})({value})") };
                format!("({guard}) ? {}[{}] : {fill}", self.ptr(x)?, index_terms(&at))
            }
            PadMode::Edge | PadMode::Reflect | PadMode::Wrap => {
                // Each axis's read position folded back inside the input, the mode's way.
                let fold = |d: usize| {
                    let (a, n) = (at(d), dims[d]);
                    match mode {
                        PadMode::Edge => format!("({a} < 0 ? 0 : ({a} >= {n}LL ? {n}LL - 1 : {a}))"),
                        PadMode::Reflect => format!("({a} < 0 ? -{a} : ({a} >= {n}LL ? 2 * ({n}LL - 1) - {a} : {a}))"),
                        _ => format!("((({a} % {n}LL) + {n}LL) % {n}LL)"),
                    }
                };
                format!("{}[{}]", self.ptr(x)?, index_terms(&fold))
            }
        };
        self.map(out, vec![Load { ty, expr: load }], "x0".into())
    }

    /// One kernel per input, each writing its slab of the output.
    pub(super) fn concat(&self, axis: usize, out: &[usize]) -> Result<Vec<Kernel>, LowerError> {
        let y = self.output()?;
        let ost = strides(out);
        let mut kernels = Vec::new();
        let mut at = 0;
        for (k, &x) in self.g.node(self.n).inputs.iter().enumerate() {
            let dims = self.dims(x)?;
            let index = linear(
                (0..dims.len()).map(|d| (if d == axis { format!("(c{d} + {at}LL)") } else { format!("c{d}") }, ost[d])),
            );
            let mut ctx = Context::new();
            ctx.insert("name", &self.name(k));
            ctx.insert("n", &Self::numel(&dims));
            ctx.insert("coords", &coords(&dims));
            ctx.insert("loads", &vec![self.load(x, "i".into())?]);
            ctx.insert("setup", "");
            ctx.insert("out", &self.ptr(y)?);
            ctx.insert("out_index", &index);
            ctx.insert("expr", "x0");
            if Self::numel(&dims) > 0 {
                kernels.push(self.kernel(k, self.render("map.cu", &ctx)?, Self::numel(&dims)));
            }
            at += dims[axis];
        }
        Ok(kernels)
    }

    pub(super) fn gather(&self, axis: usize, out: &[usize]) -> Result<Vec<Kernel>, LowerError> {
        let (x, idx, y) = (self.input(0)?, self.input(1)?, self.output()?);
        if !matches!(self.dtype(idx), DType::I64 | DType::I32) {
            return Err(LowerError::Unsupported(format!(
                "Gather with {} indices is not supported on the CUDA target",
                self.dtype(idx)
            )));
        }
        let xd = self.dims(x)?;
        let inner: usize = xd[axis + 1..].iter().product();
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(out));
        ctx.insert("inner", &inner.max(1));
        ctx.insert("count", &Self::numel(&self.dims(idx)?).max(1));
        ctx.insert("axis", &xd[axis]);
        ctx.insert("indices", &self.ptr(idx)?);
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("ty", c_type(self.dtype(x)));
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("gather.cu", &ctx)?, Self::numel(out))])
    }

    pub(super) fn gather_elements(&self, axis: usize, out: &[usize]) -> Result<Vec<Kernel>, LowerError> {
        let (x, idx) = (self.input(0)?, self.input(1)?);
        if !matches!(self.dtype(idx), DType::I64 | DType::I32) {
            return Err(LowerError::Unsupported(format!(
                "GatherElements with {} indices is not supported on the CUDA target",
                self.dtype(idx)
            )));
        }
        let xd = self.dims(x)?;
        let st = strides(&xd);
        // Out-of-range indices read zero (the CPU kernel reports them).
        let setup = format!(
            "    const long long j_ = ronn_index((long long){}[i], {}LL);
",
            self.ptr(idx)?,
            xd[axis]
        );
        let base = linear((0..xd.len()).filter(|&d| d != axis).map(|d| (format!("c{d}"), st[d])));
        let ty = c_type(self.dtype(x));
        let load = Load { ty, expr: format!("j_ < 0 ? ({ty})0 : {}[{base} + j_ * {}LL]", self.ptr(x)?, st[axis]) };
        self.map_with(out, setup, vec![load], "x0".into())
    }

    pub(super) fn gather_nd(&self, batch_dims: usize, out: &[usize]) -> Result<Vec<Kernel>, LowerError> {
        let (x, idx, y) = (self.input(0)?, self.input(1)?, self.output()?);
        if self.dtype(idx) != DType::I64 {
            return Err(LowerError::Unsupported(format!(
                "GatherND with {} indices is not supported on the CUDA target",
                self.dtype(idx)
            )));
        }
        let (xd, id) = (self.dims(x)?, self.dims(idx)?);
        let q = *id.last().ok_or("GatherND needs indices of rank >= 1")?;
        if batch_dims >= id.len() || batch_dims + q > xd.len() {
            return Err(LowerError::Unsupported("GatherND: index tuples longer than the data's rank".into()));
        }
        let inner = &xd[batch_dims..];
        let st = strides(inner);
        let slice: usize = inner[q..].iter().product();
        let per_batch: usize = id[batch_dims..id.len() - 1].iter().product();
        let dims: Vec<(usize, usize)> = (0..q).map(|d| (inner[d], st[d])).collect();
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(out));
        ctx.insert("slice", &slice.max(1));
        ctx.insert("q", &q);
        ctx.insert("per_batch", &per_batch.max(1));
        ctx.insert("block", &inner.iter().product::<usize>());
        ctx.insert("dims", &dims);
        ctx.insert("indices", &self.ptr(idx)?);
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("ty", c_type(self.dtype(x)));
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("gather_nd.cu", &ctx)?, Self::numel(out))])
    }
}
