//! trybuild tests of `include_model!`: models that compile and run (one with symbolic dims, run
//! at several sizes; `run` never allocating, under a counting global allocator)
//! and the compile errors
//! users read for a missing file, an unsupported op, shapes that cannot hold and a symbolic dim
//! without a bound.
//! Bless changed messages with `TRYBUILD=overwrite cargo test --test ui`.

#[test]
fn include_model() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/works.rs");
    t.pass("tests/ui/symbolic_dims.rs");
    t.pass("tests/ui/no_alloc.rs");
    t.compile_fail("tests/ui/missing_file.rs");
    t.compile_fail("tests/ui/unsupported_op.rs");
    t.compile_fail("tests/ui/bad_shapes.rs");
    t.compile_fail("tests/ui/unbounded_dim.rs");
}
