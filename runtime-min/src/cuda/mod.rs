//! The CUDA side of generated code (feature `cuda`): one device arena planned at compile time,
//! the weights uploaded once, kernels from build-time PTX launched in order on one stream.
//!
//! Two back-ends run the same generated host code:
//! - [`Gpu::new`] loads the NVIDIA driver at run time (cudarc, dynamic loading): a machine
//!   without a driver or GPU gets [`Error::Cuda`] from construction, never a panic;
//! - the CPU emulator: when `RONN_CUDA_EMULATOR_DIR` is set, `Gpu::new` loads
//!   `$RONN_CUDA_EMULATOR_DIR/<model>.so` instead, the model's kernels compiled as C
//!   (`kernels/prelude.cuh` makes one source compile both ways) and run thread after thread.
//!   This is how kernels and host code are tested on machines without a GPU.
//!
//! Every kernel has the signature `(char* arena, const char* weights, long long param)` and a
//! one-dimensional launch of [`BLOCK`]-thread blocks.

mod driver;
mod emulated;

use crate::Error;

/// Threads per block of every launch (the compiler's `back::cuda::BLOCK`).
pub const BLOCK: u32 = 256;

/// One kernel launch of a model's `run`: kernel number `kernel` over `threads` threads (in
/// blocks of [`BLOCK`]), with `param`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Launch {
    /// The kernel's index in the model's kernel list.
    pub kernel: u32,
    /// The number of threads to run (one-dimensional).
    pub threads: u64,
    /// The kernel's third argument, fixed at build time.
    pub param: i64,
}

/// A model's device state: its arena, its weights and its kernels.
pub struct Gpu {
    backend: Backend,
}

enum Backend {
    Driver(driver::Device),
    Emulated(emulated::Device),
}

impl Gpu {
    /// Loads the model `name`'s kernels (the PTX module `ptx`, functions `kernels`), allocates
    /// `arena_bytes` of device memory and uploads the weights.
    pub fn new(
        name: &str,
        ptx: &'static str,
        kernels: &[&'static str],
        arena_bytes: usize,
        weights: &[u8],
    ) -> Result<Gpu, Error> {
        match std::env::var_os("RONN_CUDA_EMULATOR_DIR") {
            Some(dir) => {
                Self::emulated(&std::path::Path::new(&dir).join(format!("{name}.so")), kernels, arena_bytes, weights)
            }
            None => Ok(Gpu { backend: Backend::Driver(driver::Device::new(ptx, kernels, arena_bytes, weights)?) }),
        }
    }

    /// Runs kernels in the CPU emulator: `library` is their C build (see the module docs).
    pub fn emulated(
        library: &std::path::Path,
        kernels: &[&'static str],
        arena_bytes: usize,
        weights: &[u8],
    ) -> Result<Gpu, Error> {
        Ok(Gpu { backend: Backend::Emulated(emulated::Device::new(library, kernels, arena_bytes, weights)?) })
    }

    /// Copies `bytes` into the arena at `offset`.
    pub fn upload(&mut self, offset: usize, bytes: &[u8]) -> Result<(), Error> {
        match &mut self.backend {
            Backend::Driver(d) => d.upload(offset, bytes),
            Backend::Emulated(d) => d.upload(offset, bytes),
        }
    }

    /// Runs the launches in order (on the driver, as one CUDA graph once [`Gpu::use_graph`]
    /// is on).
    pub fn run(&mut self, launches: &[Launch]) -> Result<(), Error> {
        match &mut self.backend {
            Backend::Driver(d) => d.run(launches),
            Backend::Emulated(d) => d.run(launches),
        }
    }

    /// With `on`, the next [`Gpu::run`] captures its launches as a CUDA graph and later runs
    /// replay it: one driver call instead of one per kernel. The arena and weights never move,
    /// so the graph stays valid. The emulator ignores it.
    pub fn use_graph(&mut self, on: bool) {
        if let Backend::Driver(d) = &mut self.backend {
            d.use_graph(on);
        }
    }

    /// Copies the arena's bytes at `offset` into `out` (waiting for the launches before).
    pub fn download(&mut self, offset: usize, out: &mut [u8]) -> Result<(), Error> {
        match &mut self.backend {
            Backend::Driver(d) => d.download(offset, out),
            Backend::Emulated(d) => d.download(offset, out),
        }
    }

    /// The arena range `offset..offset + len`, checked.
    fn range(arena_bytes: usize, offset: usize, len: usize) -> Result<std::ops::Range<usize>, Error> {
        match offset.checked_add(len) {
            Some(end) if end <= arena_bytes => Ok(offset..end),
            _ => Err(Error::Layout("device arena range out of bounds")),
        }
    }
}

/// The blocks of a launch of `threads` threads.
fn blocks(threads: u64) -> Result<u32, Error> {
    u32::try_from(threads.div_ceil(BLOCK as u64)).map_err(|_| Error::Cuda { what: "launch: too many blocks", code: 0 })
}

/// The bytes of a tensor's elements, as uploaded to the device.
pub trait AsBytes {
    /// The elements' bytes in memory order (a bool is one byte, 0 or 1).
    fn as_bytes(data: &[Self]) -> &[u8]
    where
        Self: Sized;
}

macro_rules! pod_bytes {
    ($($t:ty),*) => {$(
        impl AsBytes for $t {
            fn as_bytes(data: &[Self]) -> &[u8] { bytemuck::cast_slice(data) }
        }
    )*};
}
pod_bytes!(f32, f64, i8, i16, i32, i64, u8, u16, u32, u64, half::f16, half::bf16);

impl AsBytes for bool {
    fn as_bytes(data: &[Self]) -> &[u8] {
        // SAFETY: `bool` has size and alignment 1 and every bool is the byte 0 or 1, a valid u8.
        unsafe { core::slice::from_raw_parts(data.as_ptr().cast::<u8>(), data.len()) }
    }
}

/// [`AsBytes::as_bytes`] as a function, for generated code.
pub fn bytes<T: AsBytes>(data: &[T]) -> &[u8] {
    T::as_bytes(data)
}

/// Whether the NVIDIA driver library can be loaded (cudarc panics on first use otherwise).
fn driver_present() -> bool {
    // SAFETY: only tries to dlopen the driver library (libcuda.so / nvcuda) and closes it.
    unsafe { cudarc::driver::sys::is_culib_present() }
}

/// Whether NVRTC (libnvrtc) can be loaded: the compiler asks before compiling PTX, since
/// cudarc panics on first use of a missing library. (Here because `unsafe` lives in this crate.)
pub fn nvrtc_present() -> bool {
    // SAFETY: only tries to dlopen libnvrtc by its usual names and closes it.
    unsafe { cudarc::nvrtc::sys::is_culib_present() }
}
