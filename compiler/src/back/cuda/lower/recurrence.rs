//! Recurrent layers (LSTM, GRU) as CUDA C: one launch per time step.

use super::*;

/// The kernel templates this family renders.
pub(super) const TEMPLATES: &[(&str, &str)] =
    &[("recurrence.cu", include_str!("../../../../../kernels/recurrence.cu"))];

impl Cx<'_> {
    pub(super) fn recurrence(
        &self,
        cell: RecurrentCell,
        reverse: bool,
        cell_output: bool,
    ) -> Result<Vec<Kernel>, LowerError> {
        self.f32_only("LSTM/GRU")?;
        let (xw, rt, h0, extra, y) = (self.input(0)?, self.input(1)?, self.input(2)?, self.input(3)?, self.output()?);
        let xd = self.dims(xw)?;
        let [seq, batch, gh] =
            <[usize; 3]>::try_from(xd).map_err(|_| "recurrence: xw must be [seq, batch, gates*hidden]")?;
        let gates = match cell {
            RecurrentCell::Lstm => 4,
            RecurrentCell::Gru => 3,
        };
        let hidden = gh / gates;
        let Some(Loc::Arena { offset: scratch, .. }) = self.plan.scratch.get(&self.n).copied() else {
            return Err(LowerError::Unsupported("recurrence has no scratch memory".into()));
        };
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("bh", &(batch * hidden));
        ctx.insert("batch", &batch);
        ctx.insert("hidden", &hidden);
        ctx.insert("seq", &seq);
        ctx.insert("gh", &gh);
        ctx.insert("gates", &gates);
        ctx.insert("reverse", &reverse);
        ctx.insert("lstm", &(cell == RecurrentCell::Lstm));
        ctx.insert("cell_output", &cell_output);
        ctx.insert("scratch", &format!("((float*)(arena + {scratch}))"));
        ctx.insert("xw", &self.ptr(xw)?);
        ctx.insert("rt", &self.ptr(rt)?);
        ctx.insert("h0", &self.ptr(h0)?);
        ctx.insert("extra", &self.ptr(extra)?);
        ctx.insert("out", &self.ptr(y)?);
        let source = self.render("recurrence.cu", &ctx)?;
        // One launch per time step, in order: each reads the state the one before wrote.
        Ok(vec![Kernel {
            name: self.name(0),
            source,
            threads: (batch * hidden) as u64,
            params: (0..seq as i64).collect(),
        }])
    }
}
