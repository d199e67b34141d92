//! Back-ends: IR + plan in, code out. Each has the same skeleton: `mod.rs` (options, entry
//! point), `ops.rs` (one lowering per core op), `namer.rs` (identifiers from model names).
pub mod cuda;
pub mod rust;
