//! `include_model!`: a thin shell over ronn-compiler. It compiles a `.onnx` file when the
//! calling crate is built and expands to the generated module.
//!
//! Use it through the `ronn` crate (`ronn::include_model!`): the generated code names the
//! runtime as `::ronn::runtime`, so the calling crate depends on `ronn`, not on this crate.
//! Runnable examples of every option are in the `ronn` crate's documentation.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
#![warn(missing_docs)]

use std::path::PathBuf;

use proc_macro::TokenStream;
use quote::quote;
use ronn_compiler::back::rust::BlobPath;
use ronn_compiler::Compiler;
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token};

/// `include_model!("models/net.onnx")`, with options after the path:
/// `name = "net"`, `dim = "batch=1"` (fix a symbolic dim), `dim_max = "seq=512"` (keep it
/// symbolic up to a bound), `dim_min = "past=0"` (let it be smaller than 1); `dim`, `dim_max`
/// and `dim_min` repeat.
struct Args {
    path: LitStr,
    name: Option<LitStr>,
    dims: Vec<(String, usize)>,
    dim_max: Vec<(String, usize)>,
    dim_min: Vec<(String, usize)>,
}

/// `NAME=SIZE` of a `dim` or `dim_max` option.
fn name_size(lit: &LitStr) -> syn::Result<(String, usize)> {
    let v = lit.value();
    let parsed = v.split_once('=').and_then(|(n, s)| Some((n.trim().to_string(), s.trim().parse().ok()?)));
    let (name, size) = parsed.ok_or_else(|| syn::Error::new(lit.span(), "expected \"NAME=SIZE\""))?;
    Ok((name, size))
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let path: LitStr = input.parse()?;
        let mut args = Args { path, name: None, dims: Vec::new(), dim_max: Vec::new(), dim_min: Vec::new() };
        while input.parse::<Option<Token![,]>>()?.is_some() && !input.is_empty() {
            let key: syn::Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            let value: LitStr = input.parse()?;
            match key.to_string().as_str() {
                "name" => args.name = Some(value),
                "dim" => args.dims.push(name_size(&value)?),
                "dim_max" => args.dim_max.push(name_size(&value)?),
                "dim_min" => args.dim_min.push(name_size(&value)?),
                _ => return Err(syn::Error::new(key.span(), "expected `name`, `dim`, `dim_max` or `dim_min`")),
            }
        }
        Ok(args)
    }
}

/// Compiles an ONNX model at build time into a module with a typed `Model`.
///
/// ```text
/// ronn::include_model!("PATH" [, name = "NAME"] [, dim = "SYMBOL=SIZE"]... [, dim_max = "SYMBOL=MAX"]... [, dim_min = "SYMBOL=MIN"]...);
/// ```
///
/// # Options
///
/// - `"PATH"` (required, first): the `.onnx` file, relative to the calling crate's
///   `Cargo.toml` (`CARGO_MANIFEST_DIR`), not to the source file. External data files are
///   read from the model's folder. Editing the model file rebuilds the crate.
/// - `name = "NAME"`: the generated module's name. Default: the file's stem (`mnist.onnx` ->
///   `mnist`). Either way it is made a snake_case identifier (`my-net` -> `my_net`).
/// - `dim = "SYMBOL=SIZE"`: fixes the model's symbolic dimension `SYMBOL` (e.g. `batch`) to
///   `SIZE`; the code is then specialised to that size as if the model had declared it.
///   Repeat it for several symbols.
/// - `dim_max = "SYMBOL=MAX"`: keeps `SYMBOL` symbolic: `run` accepts any size in `1..=MAX`
///   for it, read from the inputs' shapes, and memory is planned for `MAX`. Repeat it for
///   several symbols. A symbolic dimension given neither `dim` nor `dim_max` is a compile
///   error that names it.
///
/// Options follow the path, separated by commas, in any order; values are string literals.
/// `SIZE` and `MAX` are decimal integers.
///
/// # The generated module
///
/// `pub mod NAME` holds:
/// - `Model`, with `Model::new() -> Result<Model, ronn::runtime::Error>`, which allocates the
///   model's one block of intermediate memory (`ARENA_BYTES`; the weights are embedded in the
///   binary and not copied), and
///   `run(&mut self, x0: TensorView<'_, T0>, x1: ...) -> Result<Outputs<'_>, ronn::runtime::Error>`,
///   taking one `ronn::runtime::TensorView` per graph input, in the model's order, with the input's element
///   type. `run` never allocates and never panics: a wrong shape or length, or a symbolic size
///   out of range, is an `Err`.
/// - `Outputs<'a>`: one `TensorView` field per graph output, named after the output (made an
///   identifier like the module name), borrowing the model's memory until the next `run`.
/// - Constants describing the model: `INPUTS` and `OUTPUTS` (name, dtype, shape of each),
///   `ARENA_BYTES`, `WEIGHT_BYTES`, and `DIMS` (each `dim_max` symbol and its bound) when the
///   model keeps symbolic dimensions.
///
/// # Compile errors
///
/// A missing file, an unknown option, a malformed `SYMBOL=SIZE`, a model that does not decode,
/// or a model ronn cannot compile fail the build with a message at the path; an unsupported
/// model names every unsupported node at once.
///
/// # Example
///
/// ```text
/// ronn::include_model!("models/mnist.onnx");
///
/// let mut model = mnist::Model::new()?;
/// let out = model.run(ronn::runtime::TensorView::new(&image, &[1, 1, 28, 28]))?;
/// println!("{:?}", out.probabilities.data);
/// ```
///
/// The `ronn` crate's front page has this example, and one for each option, as doctests that
/// compile and run real models.
#[proc_macro]
pub fn include_model(input: TokenStream) -> TokenStream {
    let args = syn::parse_macro_input!(input as Args);
    match expand(&args) {
        Ok(ts) => ts.into(),
        Err(msg) => syn::Error::new(args.path.span(), msg).to_compile_error().into(),
    }
}

fn expand(args: &Args) -> Result<proc_macro2::TokenStream, String> {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").map_err(|_| "CARGO_MANIFEST_DIR is not set".to_string())?;
    let manifest = PathBuf::from(manifest);
    let path = manifest.join(args.path.value());
    if !path.is_file() {
        return Err(format!(
            "ronn: model file `{}` not found (paths are relative to the crate's Cargo.toml)",
            args.path.value()
        ));
    }
    let mut compiler = Compiler::new(&path);
    if let Some(n) = &args.name {
        compiler = compiler.name(n.value());
    }
    for (name, size) in &args.dims {
        compiler = compiler.dim(name, *size);
    }
    for (name, size) in &args.dim_max {
        compiler = compiler.dim_max(name, *size);
    }
    for (name, size) in &args.dim_min {
        compiler = compiler.dim_min(name, *size);
    }
    let compiled =
        compiler.compile().map_err(|e| macro_syntax(&format!("ronn: cannot compile `{}`: {e}", args.path.value())))?;
    // The blob goes to a content-addressed file that `include_bytes!` reads (weights are never
    // Rust literals); rustc tracks it, so a deleted cache file triggers a rebuild.
    let blob_dir = blob_dir(&manifest);
    std::fs::create_dir_all(&blob_dir).map_err(|e| format!("ronn: cannot create `{}`: {e}", blob_dir.display()))?;
    let probe =
        compiled.rust("::ronn::runtime", BlobPath::Absolute(String::new()), false).map_err(|e| e.to_string())?;
    let blob_path = blob_dir.join(format!("{}-{:016x}.bin", compiled.name, fnv1a(&probe.blob)));
    if !blob_path.is_file() {
        std::fs::write(&blob_path, &probe.blob)
            .map_err(|e| format!("ronn: cannot write `{}`: {e}", blob_path.display()))?;
    }
    let module = compiled
        .rust("::ronn::runtime", BlobPath::Absolute(blob_path.display().to_string()), false)
        .map_err(|e| e.to_string())?;
    let code: proc_macro2::TokenStream =
        module.code.parse().map_err(|e| format!("ronn: generated code does not parse: {e}"))?;
    let model_path = path.display().to_string();
    Ok(quote! {
        // Makes cargo rebuild the crate when the model file changes.
        const _: &[u8] = include_bytes!(#model_path);
        #code
    })
}

/// Where weight blobs go: `$OUT_DIR` when the crate has a build script; else next to the
/// folder rustc writes this crate's output to (the macro runs inside rustc, whose arguments
/// cargo gives `--out-dir <target>/<profile>/deps`), so `cargo clean` removes them; else
/// `target/` next to the workspace's `Cargo.lock`.
fn blob_dir(manifest_dir: &std::path::Path) -> PathBuf {
    if let Some(out) = std::env::var_os("OUT_DIR") {
        return PathBuf::from(out).join("ronn-blobs");
    }
    let mut args = std::env::args_os();
    while let Some(a) = args.next() {
        let out_dir = if a == "--out-dir" {
            args.next().map(PathBuf::from)
        } else {
            a.to_str().and_then(|a| a.strip_prefix("--out-dir=")).map(PathBuf::from)
        };
        if let Some(parent) = out_dir.as_deref().and_then(|d| d.parent()) {
            return parent.join("ronn-blobs");
        }
    }
    let root = manifest_dir.ancestors().find(|d| d.join("Cargo.lock").is_file()).unwrap_or(manifest_dir);
    root.join("target").join("ronn-blobs")
}

/// The compiler's messages give options in `ronnc`'s syntax (`--dim-max batch=N`); in the macro
/// they are its own (`dim_max = "batch=N"`).
fn macro_syntax(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("--dim") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let (flag, option) =
            if after.starts_with("--dim-max ") { ("--dim-max ", "dim_max") } else { ("--dim ", "dim") };
        if !after.starts_with(flag) {
            out.push_str("--dim");
            rest = &after[5..];
            continue;
        }
        let value = &after[flag.len()..];
        let end = value.find(|c: char| c.is_whitespace() || c == ')' || c == ',' || c == ';').unwrap_or(value.len());
        out.push_str(&format!("{option} = \"{}\"", &value[..end]));
        rest = &value[end..];
    }
    out.push_str(rest);
    out
}

/// A stable content hash (std's hasher is not guaranteed stable across releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::macro_syntax;

    #[test]
    fn compiler_messages_name_the_macros_options() {
        let m = "the symbolic dim `batch` needs a bound to plan memory: give --dim-max batch=N (or fix it with --dim batch=N)";
        assert_eq!(
            macro_syntax(m),
            "the symbolic dim `batch` needs a bound to plan memory: give dim_max = \"batch=N\" (or fix it with dim = \"batch=N\")"
        );
        assert_eq!(macro_syntax("no flags here"), "no flags here");
        assert_eq!(macro_syntax("--dimension"), "--dimension");
    }
}
