//! Builds the CPU emulator of a model's kernels: the CUDA C translation unit compiled as C
//! (the prelude maps the CUDA built-ins onto a sequential launch loop) into a shared library
//! that the runtime loads when `RONN_CUDA_EMULATOR_DIR` is set.

use std::path::Path;
use std::process::Command;

/// Compiles `source` into the shared library `out` with the system C compiler (`$CC`, else
/// `cc`).
pub fn build(source: &str, out: &Path) -> Result<(), String> {
    let c_file = out.with_extension("c");
    std::fs::write(&c_file, source).map_err(|e| format!("cannot write `{}`: {e}", c_file.display()))?;
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let result = Command::new(&cc)
        .args(["-std=c11", "-O1", "-shared", "-fPIC", "-w", "-x", "c"])
        .arg(&c_file)
        .arg("-o")
        .arg(out)
        .arg("-lm")
        .output()
        .map_err(|e| format!("cannot run the C compiler `{cc}` for the CUDA emulator: {e}"))?;
    if !result.status.success() {
        return Err(format!(
            "the C compiler rejected the kernels of `{}`:\n{}",
            c_file.display(),
            String::from_utf8_lossy(&result.stderr)
        ));
    }
    Ok(())
}
