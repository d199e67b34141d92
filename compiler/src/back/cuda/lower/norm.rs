//! Softmax, LayerNorm and LRN as CUDA C.

use super::*;

/// The kernel templates this family renders.
pub(super) const TEMPLATES: &[(&str, &str)] = &[
    ("softmax.cu", include_str!("../../../../../kernels/softmax.cu")),
    ("layer_norm.cu", include_str!("../../../../../kernels/layer_norm.cu")),
    ("lrn.cu", include_str!("../../../../../kernels/lrn.cu")),
];

impl Cx<'_> {
    pub(super) fn softmax(&self, axis: usize, log: bool, out: &[usize]) -> Result<Vec<Kernel>, LowerError> {
        self.f32_only("Softmax")?;
        let (x, y) = (self.input(0)?, self.output()?);
        let inner: usize = out[axis + 1..].iter().product();
        let rows = Self::numel(out) / out[axis].max(1) as u64;
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("rows", &rows);
        ctx.insert("inner", &inner);
        ctx.insert("axis", &out[axis]);
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("out", &self.ptr(y)?);
        ctx.insert("log", &log);
        Ok(vec![self.kernel(0, self.render("softmax.cu", &ctx)?, rows)])
    }

    pub(super) fn layer_norm(&self, epsilon: f64, out: &[usize]) -> Result<Vec<Kernel>, LowerError> {
        self.f32_only("LayerNorm")?;
        let (x, scale, bias, y) = (self.input(0)?, self.input(1)?, self.input(2)?, self.output()?);
        let width = out.last().copied().unwrap_or(1);
        for v in [scale, bias] {
            if Self::numel(&self.dims(v)?) != width as u64 {
                return Err(LowerError::Unsupported(
                    "LayerNorm with a scale or bias other than [H] is not supported on the CUDA target".into(),
                ));
            }
        }
        let rows = Self::numel(out) / width.max(1) as u64;
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("rows", &rows);
        ctx.insert("width", &width);
        ctx.insert("epsilon", &expr::float(epsilon as f32));
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("scale", &self.ptr(scale)?);
        ctx.insert("bias", &self.ptr(bias)?);
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("layer_norm.cu", &ctx)?, rows)])
    }

    pub(super) fn lrn(
        &self,
        size: usize,
        alpha: f32,
        beta: f32,
        bias: f32,
        out: &[usize],
    ) -> Result<Vec<Kernel>, LowerError> {
        self.f32_only("Lrn")?;
        let (x, y) = (self.input(0)?, self.output()?);
        if out.len() < 2 || size == 0 {
            return Err(LowerError::Unsupported("Lrn needs rank >= 2 and size >= 1".into()));
        }
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(out));
        ctx.insert("inner", &out[2..].iter().product::<usize>().max(1));
        ctx.insert("channels", &out[1]);
        ctx.insert("before", &((size - 1) / 2));
        ctx.insert("after", &(size - 1 - (size - 1) / 2));
        // The CPU reference computes alpha / size in f64.
        ctx.insert("scale", &expr::float((alpha as f64 / size as f64) as f32));
        ctx.insert("bias", &expr::float(bias));
        ctx.insert("beta", &expr::float(beta));
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("lrn.cu", &ctx)?, Self::numel(out))])
    }
}
