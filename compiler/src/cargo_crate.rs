//! Generated cargo crates: the standalone executable of `ronnc compile`/`build`, and the batch
//! checker of `ronnc check`. Whole-file skeletons are tera templates under `templates/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::back::rust::{BlobPath, RustModule};
use crate::{Compiled, Error};

const CARGO_TOML: &str = include_str!("../../templates/Cargo.toml.tera");
const MAIN_RS: &str = include_str!("../../templates/main.rs.tera");
const CHECK_MAIN_RS: &str = include_str!("../../templates/check_main.rs.tera");

/// Where generated crates find ronn-runtime: `$RONN_RUNTIME_PATH`, else the runtime-min folder
/// of the source tree ronnc was built from.
pub(crate) fn runtime_path() -> PathBuf {
    std::env::var_os("RONN_RUNTIME_PATH")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime-min"))
        .canonicalize()
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime-min"))
}

fn render(template: &str, ctx: &tera::Context) -> Result<String, Error> {
    tera::Tera::one_off(template, ctx, false).map_err(|e| Error::Emit(format!("template: {e:?}")))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    }
    // Leave files that did not change alone, so cargo does not rebuild them.
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    std::fs::write(path, bytes).map_err(|source| Error::Io { path: path.to_path_buf(), source })
}

fn cargo_toml(package: &str, source: &str, dev_opt_level: u8, cuda: bool) -> Result<String, Error> {
    let mut ctx = tera::Context::new();
    ctx.insert("runtime_features", if cuda { r#", features = ["cuda"]"# } else { "" });
    ctx.insert("package", package);
    ctx.insert("source", &source.replace(['"', '\n', '\\'], "_"));
    ctx.insert("runtime_path", &runtime_path().display().to_string().replace('\\', "/"));
    ctx.insert("dev_opt_level", &dev_opt_level);
    render(CARGO_TOML, &ctx)
}

/// Writes a standalone executable crate for a compiled model into `dir`.
pub fn write_standalone(dir: &Path, c: &Compiled) -> Result<(), Error> {
    let name = &c.name;
    let m = c.rust("::ronn_runtime", BlobPath::Sibling(format!("{name}.bin")), true)?;
    let package = name.replace('_', "-");
    let source = c.source.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    write(&dir.join("Cargo.toml"), cargo_toml(&package, &source, 1, m.cuda.is_some())?.as_bytes())?;
    let mut ctx = tera::Context::new();
    ctx.insert("package", &package);
    ctx.insert("module", name);
    ctx.insert("profile", &c.profile);
    ctx.insert("source", &source.replace(['\n', '`'], "_"));
    write(&dir.join("src/main.rs"), render(MAIN_RS, &ctx)?.as_bytes())?;
    write(&dir.join("src/model.rs"), m.code.as_bytes())?;
    write_module_files(dir, name, &m)?;
    Ok(())
}

/// The blob, and for CUDA the kernels (`.ptx`, and the `.cu` source they came from).
fn write_module_files(dir: &Path, name: &str, m: &RustModule) -> Result<(), Error> {
    write(&dir.join(format!("src/{name}.bin")), &m.blob)?;
    if let Some(k) = &m.cuda {
        write(&dir.join(format!("src/{name}.ptx")), k.ptx.as_bytes())?;
        write(&dir.join(format!("src/{name}.cu")), k.source.as_bytes())?;
    }
    Ok(())
}

/// Writes the batch checker crate: `modules` are (job index, module name, code); the checker's
/// jobs name models by that index.
pub fn write_check_crate(dir: &Path, modules: &[(usize, String, &RustModule)]) -> Result<(), Error> {
    let cuda = modules.iter().any(|(_, _, m)| m.cuda.is_some());
    write(&dir.join("Cargo.toml"), cargo_toml("ronn-check", "ronnc check", 0, cuda)?.as_bytes())?;
    let names: Vec<(usize, &String)> = modules.iter().map(|(i, n, _)| (*i, n)).collect();
    let mut ctx = tera::Context::new();
    ctx.insert("models", &names);
    write(&dir.join("src/main.rs"), render(CHECK_MAIN_RS, &ctx)?.as_bytes())?;
    for (_, name, m) in modules {
        write(&dir.join(format!("src/{name}.rs")), m.code.as_bytes())?;
        write_module_files(dir, name, m)?;
    }
    Ok(())
}

/// Runs `cargo build` on a generated crate; returns the binary's path or cargo's diagnostics.
pub fn cargo_build(dir: &Path, package: &str, release: bool, target_dir: &Path) -> Result<PathBuf, String> {
    cargo_build_with(dir, package, target_dir, &Build { release, flags: String::new(), triple: None })
}

/// A release build of a generated crate for one CPU (`-C target-cpu`), in a target folder of
/// its own per CPU and linking, so builds for other CPUs (and `check`'s portable builds) keep
/// their caches.
pub fn cargo_build_for(dir: &Path, package: &str, cpu: &str, linking: Linking) -> Result<PathBuf, String> {
    if cpu.is_empty() || !cpu.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(format!("`{cpu}` is not a CPU name (letters, digits, `-` and `_`)"));
    }
    let mut build = Build { release: true, flags: format!("-C target-cpu={cpu}"), triple: None };
    let static_triple =
        STATIC_GLIBC_TRIPLE.filter(|_| linking == Linking::StaticWherePossible && static_glibc_installed());
    if let Some(triple) = static_triple {
        build.flags.push_str(" -C target-feature=+crt-static");
        // With `--target`, RUSTFLAGS reach the target's crates only: proc macros (built
        // for the host) cannot be linked statically.
        build.triple = Some(triple);
    }
    let target_dir =
        cache_target_dir().join(format!("cpu-{cpu}{}", if static_triple.is_some() { "-static" } else { "" }));
    cargo_build_with(dir, package, &target_dir, &build)
}

/// How a standalone executable links the C library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Linking {
    /// The platform's default (glibc as a shared library on Linux).
    Dynamic,
    /// glibc linked in (`-C target-feature=+crt-static`, a static PIE) where its static
    /// archive is installed: no dynamic loader at start-up, which took a fifth of a small
    /// model's cold start (a bare program's spawn to first output 0.77 -> 0.54 ms on the
    /// benchmark machine). Not for CUDA models, which load the driver with `dlopen`, which
    /// static glibc cannot.
    StaticWherePossible,
}

/// The target triple ronnc names for a static build (the host's, which generated crates are
/// built for), on the Linux glibc hosts where that is known to work.
const STATIC_GLIBC_TRIPLE: Option<&str> = if cfg!(all(target_os = "linux", target_env = "gnu", target_arch = "x86_64"))
{
    Some("x86_64-unknown-linux-gnu")
} else if cfg!(all(target_os = "linux", target_env = "gnu", target_arch = "aarch64")) {
    Some("aarch64-unknown-linux-gnu")
} else {
    None
};

/// Whether glibc's static archive is installed (Debian's libc6-dev has it). The C compiler,
/// which rustc calls as its linker, is asked where it is.
fn static_glibc_installed() -> bool {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let Ok(out) = Command::new(cc).arg("-print-file-name=libc.a").output() else { return false };
    // Without the archive the compiler echoes the bare name back.
    let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    out.status.success() && path.is_absolute() && path.is_file()
}

/// What a build asks of cargo beyond the crate: `flags` go to rustc (`RUSTFLAGS`, after the
/// user's own); `triple`, if any, is passed as `--target`.
struct Build {
    release: bool,
    flags: String,
    triple: Option<&'static str>,
}

fn cargo_build_with(dir: &Path, package: &str, target_dir: &Path, build: &Build) -> Result<PathBuf, String> {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    if !build.flags.is_empty() {
        // Appended to the user's own flags, which would otherwise be dropped.
        let mut flags = std::env::var("RUSTFLAGS").unwrap_or_default();
        flags.push(' ');
        flags.push_str(&build.flags);
        cmd.env("RUSTFLAGS", flags.trim());
    }
    cmd.arg("build")
        .arg("--quiet")
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir);
    cmd.arg("--message-format=short");
    if let Some(triple) = build.triple {
        cmd.arg("--target").arg(triple);
    }
    if build.release {
        cmd.arg("--release");
    }
    let out = cmd.output().map_err(|e| format!("cannot run cargo: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let mut bin = target_dir.to_path_buf();
    if let Some(triple) = build.triple {
        bin.push(triple);
    }
    bin.push(if build.release { "release" } else { "debug" });
    Ok(bin.join(package))
}

/// An exclusive lock on `path` (created if missing), held until the file is dropped: concurrent
/// `ronnc` processes that write the same generated crate, or build binaries of the same name in
/// the shared target folder, take turns.
pub fn lock(path: &Path) -> Result<std::fs::File, String> {
    let fail = |e: std::io::Error| format!("cannot lock `{}`: {e}", path.display());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let file = std::fs::File::create(path).map_err(fail)?;
    file.lock().map_err(fail)?;
    Ok(file)
}

/// The shared target folder for generated crates (`$RONN_CACHE_DIR` or a folder under the
/// system's temp dir), so ronn-runtime is compiled once, not once per model.
pub fn cache_target_dir() -> PathBuf {
    std::env::var_os("RONN_CACHE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("ronn-cache"))
        .join("target")
}
