//! Tells the runtime whether it is being compiled without optimisation, so that a model built
//! that way can say why it is slow (see `ronn_runtime::warn_if_unoptimized`).

fn main() {
    println!("cargo::rustc-check-cfg=cfg(ronn_unoptimized)");
    println!("cargo::rerun-if-changed=build.rs");
    // Cargo gives build scripts the profile's opt-level of the crate being built.
    if std::env::var("OPT_LEVEL").as_deref() == Ok("0") {
        println!("cargo::rustc-cfg=ronn_unoptimized");
    }
}
