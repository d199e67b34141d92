//! The CPU emulator back-end: the model's kernels compiled as C into a shared library
//! (`ronnc check --target cuda --emulate` builds it), called thread after thread through the
//! prelude's `ronn_emu_launch`. The arena is host memory.

use std::path::Path;

use crate::{Arena, Error};

type Kernel = unsafe extern "C" fn(*mut u8, *const u8, i64);
type Launch = unsafe extern "C" fn(Kernel, u32, u32, *mut u8, *const u8, i64);

pub struct Device {
    // Keeps the library loaded while `kernels` and `launch` point into it.
    _library: libloading::Library,
    launch: Launch,
    kernels: Vec<Kernel>,
    arena: Arena,
    weights: Arena,
}

const LOAD_FAILED: Error =
    Error::Cuda { what: "the CUDA emulator library (RONN_CUDA_EMULATOR_DIR) could not be loaded", code: 0 };

impl Device {
    pub fn new(path: &Path, names: &[&str], arena_bytes: usize, weights: &[u8]) -> Result<Device, Error> {
        // SAFETY: the library is the model's own kernels compiled by ronnc from the prelude,
        // whose initialisers have no side effects.
        let library = unsafe { libloading::Library::new(path) }.map_err(|_| LOAD_FAILED)?;
        // SAFETY: `ronn_emu_launch` is defined by the prelude with exactly the `Launch` signature.
        let launch: Launch =
            unsafe { library.get::<Launch>(b"ronn_emu_launch\0") }.map(|s| *s).map_err(|_| LOAD_FAILED)?;
        let mut kernels = Vec::with_capacity(names.len());
        for name in names {
            // SAFETY: every kernel of the prelude has the uniform `Kernel` signature.
            kernels.push(
                unsafe { library.get::<Kernel>(*name) }
                    .map(|s| *s)
                    .map_err(|_| Error::Cuda { what: "a kernel is missing from the CUDA emulator library", code: 0 })?,
            );
        }
        let mut blob = Arena::new(weights.len());
        let [w] = blob.split([(0, weights.len())])?;
        w.copy_from_slice(weights);
        Ok(Device { _library: library, launch, kernels, arena: Arena::new(arena_bytes), weights: blob })
    }

    pub fn upload(&mut self, offset: usize, bytes: &[u8]) -> Result<(), Error> {
        let [r] = self.arena.split([(offset, bytes.len())])?;
        r.copy_from_slice(bytes);
        Ok(())
    }

    pub fn run(&mut self, launches: &[super::Launch]) -> Result<(), Error> {
        for l in launches {
            self.launch(l.kernel as usize, super::blocks(l.threads)?, l.param)?;
        }
        Ok(())
    }

    fn launch(&mut self, kernel: usize, blocks: u32, param: i64) -> Result<(), Error> {
        if blocks == 0 {
            return Ok(());
        }
        let k = *self.kernels.get(kernel).ok_or(Error::Layout("kernel index out of range"))?;
        let len = self.arena.len();
        let [arena] = self.arena.split([(0, len)])?;
        let weights = self.weights.get(0, self.weights.len())?;
        // SAFETY: the compiler planned every offset a kernel touches inside the arena and the
        // weights (the same plan the CPU back-end runs, whose ranges are checked), and the
        // emulator runs the threads one at a time.
        unsafe { (self.launch)(k, blocks, super::BLOCK, arena.as_mut_ptr(), weights.as_ptr(), param) };
        Ok(())
    }

    pub fn download(&mut self, offset: usize, out: &mut [u8]) -> Result<(), Error> {
        let range = super::Gpu::range(self.arena.len(), offset, out.len())?;
        out.copy_from_slice(self.arena.get(range.start, range.len())?);
        Ok(())
    }
}
