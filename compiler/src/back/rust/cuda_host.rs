//! The host side of a CUDA model (`--target cuda`): `new` loads the PTX and uploads the weights,
//! `run` uploads the inputs, runs the launch table and downloads the outputs.

use super::*;

/// A CUDA model: the device state, and a host arena only as large as the outputs need (they
/// are downloaded to their planned offsets).
pub(super) fn cuda_model_parts(g: &Graph, plan: &Plan, c: &CudaHost, module: &str) -> Result<ModelParts, Error> {
    if !g.bounds.is_empty() {
        return Err(Error::Emit("the CUDA target needs static shapes: fix the symbolic dims with --dim".into()));
    }
    let mut host_bytes = 0;
    for &v in &g.outputs {
        match plan.loc(v) {
            Some(Loc::Arena { offset, len }) => host_bytes = host_bytes.max(offset + len),
            _ => return Err(Error::Emit(format!("output `{}` is not in the arena", g.value(v).name))),
        }
    }
    let host_bytes = lit(host_bytes);
    let ptx = file_expr(&c.ptx, "include_str");
    let names = c.program.kernels.iter();
    let launches = c.program.launches.iter().map(|l| {
        let (k, threads, param) = (
            Literal::u32_unsuffixed(l.kernel as u32),
            Literal::u64_unsuffixed(l.threads),
            Literal::i64_unsuffixed(l.param),
        );
        quote!(rt::cuda::Launch { kernel: #k, threads: #threads, param: #param })
    });
    Ok(ModelParts {
        fields: quote!(arena: rt::Arena, gpu: rt::cuda::Gpu,),
        new: quote! {
            /// Loads the kernels on GPU 0, allocates the device arena and uploads the weights.
            /// Without an NVIDIA driver or GPU this returns `rt::Error::Cuda`.
            pub fn new() -> Result<Self, rt::Error> {
                let weights = BLOB.0.get(..WEIGHT_BYTES).ok_or(rt::Error::Layout("weight blob shorter than planned"))?;
                let gpu = rt::cuda::Gpu::new(#module, PTX, KERNELS, ARENA_BYTES, weights)?;
                Ok(Model { arena: rt::Arena::new(HOST_BYTES), gpu })
            }

            /// With `on`, the next `run` captures its kernel launches as a CUDA graph and later
            /// runs replay it (one driver call instead of one per kernel).
            pub fn use_cuda_graph(&mut self, on: bool) {
                self.gpu.use_graph(on);
            }
        },
        prologue: quote!(),
        run_doc: " Runs the model: checks every input's shape, uploads the inputs, launches the kernels in order and downloads the outputs.",
        consts: quote! {
            /// The kernels, as PTX built ahead of time.
            pub const PTX: &str = #ptx;
            /// The kernels' names in `PTX`.
            pub const KERNELS: &[&str] = &[#(#names),*];
            /// Host memory for the outputs, downloaded to their planned offsets.
            const HOST_BYTES: usize = #host_bytes;
            /// `run`'s kernel launches in order (the `.cu` file names each kernel's node).
            const LAUNCHES: &[rt::cuda::Launch] = &[#(#launches),*];
        },
    })
}

/// `run`'s body on the device: upload the inputs, launch every kernel, download the outputs.
pub(super) fn cuda_steps(g: &Graph, plan: &Plan, inputs: &[Io]) -> Result<Vec<TokenStream>, Error> {
    let mut steps = Vec::new();
    for (io, &v) in inputs.iter().zip(&g.inputs) {
        let Some(Loc::Arena { offset, .. }) = plan.loc(v) else {
            return Err(Error::Emit(format!("input `{}` has no device location", io.name)));
        };
        let (id, off) = (&io.ident, lit(offset));
        steps.push(quote!(self.gpu.upload(#off, rt::cuda::bytes(#id.data))?;));
    }
    steps.push(quote!(self.gpu.run(LAUNCHES)?;));
    for &v in &g.outputs {
        let Some(Loc::Arena { offset, len }) = plan.loc(v) else {
            return Err(Error::Emit(format!("output `{}` is not in the arena", g.value(v).name)));
        };
        let (off, len) = (lit(offset), lit(len));
        steps.push(quote! {
            let [host] = self.arena.split([(#off, #len)])?;
            self.gpu.download(#off, host)?;
        });
    }
    Ok(steps)
}
