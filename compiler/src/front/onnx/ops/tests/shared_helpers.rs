//! Tests: the shared helpers of ops/mod.rs.

use super::*;

#[test]
fn axis_resolves_negative_axes_and_refuses_those_outside_the_rank() {
    assert_eq!(axis(-1, 3).ok(), Some(2));
    assert_eq!(axis(-3, 3).ok(), Some(0));
    assert_eq!(axis(2, 3).ok(), Some(2));
    assert!(axis(3, 3).is_err());
    assert!(axis(-4, 3).is_err());
    // A scalar accepts axis 0 only.
    assert_eq!(axis(0, 0).ok(), Some(0));
    assert!(axis(-1, 0).is_err());
}

#[test]
fn lookup_knows_default_and_other_domain_ops() {
    assert!(lookup("Conv").is_some());
    assert!(lookup("Relu").is_some());
    assert!(lookup("Binarizer").is_none());
    assert!(lookup_in("ai.onnx.ml", "Binarizer").is_some());
    assert!(lookup_in("com.example", "Conv").is_none());
    assert!(lookup("NoSuchOp").is_none());
}
