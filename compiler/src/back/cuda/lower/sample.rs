//! Resample (Resize's tap tables) as CUDA C.

use super::*;

/// The kernel templates this family renders.
pub(super) const TEMPLATES: &[(&str, &str)] = &[("resample.cu", include_str!("../../../../../kernels/resample.cu"))];

impl Cx<'_> {
    pub(super) fn resample(&self, axis: usize, out: &[usize]) -> Result<Vec<Kernel>, LowerError> {
        self.f32_only("Resample")?;
        let (x, idx, coeffs, y) = (self.input(0)?, self.input(1)?, self.input(2)?, self.output()?);
        let xd = self.dims(x)?;
        let taps = self.dims(idx)?.get(1).copied().unwrap_or(1);
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(out));
        ctx.insert("inner", &xd[axis + 1..].iter().product::<usize>());
        ctx.insert("out_len", &out[axis]);
        ctx.insert("axis", &xd[axis]);
        ctx.insert("taps", &taps);
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("idx", &self.ptr(idx)?);
        ctx.insert("coeffs", &self.ptr(coeffs)?);
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("resample.cu", &ctx)?, Self::numel(out))])
    }
}
