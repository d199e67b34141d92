//! The NVIDIA driver back-end, through cudarc with dynamic loading: nothing of CUDA is needed
//! to build, and a machine without the driver gets an error value from construction.

use std::sync::Arc;

use cudarc::driver::{
    sys, CudaContext, CudaFunction, CudaGraph, CudaSlice, CudaStream, DriverError, LaunchConfig, PushKernelArg,
};
use cudarc::nvrtc::Ptx;

use crate::Error;

pub struct Device {
    stream: Arc<CudaStream>,
    kernels: Vec<CudaFunction>,
    arena: CudaSlice<u8>,
    weights: CudaSlice<u8>,
    /// Capture `run` as a graph (`Gpu::use_graph`), and the graph once captured.
    use_graph: bool,
    graph: Option<CudaGraph>,
}

fn driver(what: &'static str) -> impl Fn(DriverError) -> Error {
    move |e| Error::Cuda { what, code: e.0 as i32 }
}

impl Device {
    pub fn new(ptx: &'static str, names: &[&str], arena_bytes: usize, weights: &[u8]) -> Result<Device, Error> {
        // cudarc panics on first use when libcuda cannot be loaded: check first.
        if !super::driver_present() {
            return Err(Error::Cuda { what: "the NVIDIA driver (libcuda.so) was not found: this model was compiled for CUDA and needs an NVIDIA GPU with its driver installed", code: 0 });
        }
        let ctx = CudaContext::new(0).map_err(driver("cannot open GPU 0"))?;
        // SAFETY: every allocation, copy and launch of the model goes through the one stream
        // below, so the stream orders them all and cudarc's cross-stream events are not needed
        // (they would also be recorded into a captured graph).
        unsafe { ctx.disable_event_tracking() };
        // Its own stream: the legacy default stream cannot be captured as a graph.
        let stream = ctx.new_stream().map_err(driver("cannot create a stream"))?;
        let module = ctx
            .load_module(Ptx::from_src(ptx))
            .map_err(driver("cannot load the model's PTX (the GPU or driver may be too old for it)"))?;
        let kernels = names
            .iter()
            .map(|n| module.load_function(n).map_err(driver("a kernel is missing from the PTX")))
            .collect::<Result<Vec<_>, _>>()?;
        // Zero-sized allocations are not allowed: keep at least one byte.
        let arena = stream.alloc_zeros::<u8>(arena_bytes.max(1)).map_err(driver("cannot allocate the device arena"))?;
        let mut device_weights = stream
            .alloc_zeros::<u8>(weights.len().max(1))
            .map_err(driver("cannot allocate device memory for the weights"))?;
        if !weights.is_empty() {
            stream
                .memcpy_htod(weights, &mut device_weights.slice_mut(0..weights.len()))
                .map_err(driver("cannot upload the weights"))?;
        }
        Ok(Device { stream, kernels, arena, weights: device_weights, use_graph: false, graph: None })
    }

    pub fn upload(&mut self, offset: usize, bytes: &[u8]) -> Result<(), Error> {
        let range = super::Gpu::range(self.arena.len(), offset, bytes.len())?;
        if bytes.is_empty() {
            return Ok(());
        }
        self.stream.memcpy_htod(bytes, &mut self.arena.slice_mut(range)).map_err(driver("cannot upload an input"))
    }

    pub fn use_graph(&mut self, on: bool) {
        self.use_graph = on;
        if !on {
            self.graph = None;
        }
    }

    pub fn run(&mut self, launches: &[super::Launch]) -> Result<(), Error> {
        if !self.use_graph {
            return self.launch_all(launches);
        }
        if self.graph.is_none() {
            self.stream
                .begin_capture(sys::CUstreamCaptureMode::CU_STREAM_CAPTURE_MODE_THREAD_LOCAL)
                .map_err(driver("cannot capture a CUDA graph"))?;
            let launched = self.launch_all(launches);
            let graph = self
                .stream
                .end_capture(sys::CUgraphInstantiate_flags(0))
                .map_err(driver("cannot instantiate the CUDA graph"))?;
            launched?;
            self.graph = Some(graph.ok_or(Error::Cuda { what: "the captured CUDA graph is empty", code: 0 })?);
        }
        match &self.graph {
            Some(g) => g.launch().map_err(driver("the CUDA graph launch failed")),
            None => Ok(()),
        }
    }

    fn launch_all(&mut self, launches: &[super::Launch]) -> Result<(), Error> {
        for l in launches {
            self.launch(l.kernel as usize, super::blocks(l.threads)?, l.param)?;
        }
        Ok(())
    }

    fn launch(&mut self, kernel: usize, blocks: u32, param: i64) -> Result<(), Error> {
        if blocks == 0 {
            return Ok(());
        }
        let f = self.kernels.get(kernel).ok_or(Error::Layout("kernel index out of range"))?;
        let cfg = LaunchConfig { grid_dim: (blocks, 1, 1), block_dim: (super::BLOCK, 1, 1), shared_mem_bytes: 0 };
        let mut launch = self.stream.launch_builder(f);
        launch.arg(&mut self.arena).arg(&self.weights).arg(&param);
        // SAFETY: every kernel has the prelude's signature (char*, const char*, long long), and
        // touches only the arena and weight offsets the compiler planned inside these buffers.
        unsafe { launch.launch(cfg) }.map(|_| ()).map_err(driver("a kernel launch failed"))
    }

    pub fn download(&mut self, offset: usize, out: &mut [u8]) -> Result<(), Error> {
        let range = super::Gpu::range(self.arena.len(), offset, out.len())?;
        if out.is_empty() {
            return Ok(());
        }
        self.stream.memcpy_dtoh(&self.arena.slice(range), out).map_err(driver("cannot download an output"))
    }
}
