//! CUDA C to PTX with NVRTC, at build time, through cudarc with dynamic loading: libnvrtc is
//! found through `LD_LIBRARY_PATH` when a model is compiled for CUDA, and is never needed to
//! build ronn itself or to run the generated code.

use crate::Error;

/// GPU architectures PTX can be generated for (`--arch`): Ampere and Hopper.
pub const ARCHES: [&str; 4] = ["sm_80", "sm_86", "sm_89", "sm_90"];

/// What to install when NVRTC is missing.
pub(crate) const INSTALL_HINT: &str = "NVRTC (libnvrtc.so.12) was not found: install it with `pip install nvidia-cuda-nvrtc-cu12` (or the CUDA toolkit) and add its lib folder (e.g. <venv>/lib/python3.X/site-packages/nvidia/cuda_nvrtc/lib) to LD_LIBRARY_PATH";

/// Whether libnvrtc can be loaded (cudarc panics on first use otherwise).
pub fn available() -> bool {
    ronn_runtime::cuda::nvrtc_present()
}

/// Compiles one translation unit to PTX for `arch` (e.g. `sm_80`).
pub(crate) fn compile(source: &str, arch: &str) -> Result<String, Error> {
    if !ARCHES.contains(&arch) {
        return Err(Error::Emit(format!("unknown GPU architecture `{arch}`: expected one of {}", ARCHES.join(", "))));
    }
    if !available() {
        return Err(Error::Emit(INSTALL_HINT.into()));
    }
    // Precise division and square roots, no flush-to-zero: results as close to the CPU
    // reference as the hardware allows.
    let opts = cudarc::nvrtc::CompileOptions {
        arch: Some(static_arch(arch)),
        ftz: Some(false),
        prec_div: Some(true),
        prec_sqrt: Some(true),
        name: Some("model.cu".into()),
        ..Default::default()
    };
    match cudarc::nvrtc::compile_ptx_with_opts(source, opts) {
        Ok(ptx) => Ok(ptx.to_src()),
        Err(cudarc::nvrtc::CompileError::CompileError { log, .. }) => {
            Err(Error::Emit(format!("NVRTC rejected the generated kernels:\n{}", log.to_string_lossy())))
        }
        Err(e) => Err(Error::Emit(format!("NVRTC failed: {e:?}"))),
    }
}

fn static_arch(arch: &str) -> &'static str {
    ARCHES.iter().find(|a| **a == arch).copied().unwrap_or("sm_80")
}
